/**
 * What the site's views read: the seam between the pages and where snapshots live. SiteCatalog (catalog.ts)
 * answers from a local SnapshotStore, synchronously; SharedSiteCatalog (shared-catalog.ts) from a shared index
 * (PostgreSQL) and BlobStore, asynchronously. The views await every answer, so either fits.
 */
import type { SnapshotRecord, SnapshotSummary, WarcResponse } from '../snapshot/index.js';
import type { ListItem, ListPage, SnapshotLookup } from './catalog.js';

export type MaybePromise<T> = T | Promise<T>;

export interface SiteCatalogSource {
  readonly pageSize: number;
  /** Categories of latest snapshots with their counts: largest first, then by name. */
  categories(): MaybePromise<{ value: string; count: number }[]>;
  /** Latest version of every URL, newest publish time first; optionally one category. */
  latest(page: number, category?: string): MaybePromise<ListPage>;
  search(query: string, page: number, category?: string): MaybePromise<ListPage>;
  /** A snapshot by id: found, taken down (410) or unknown (404). */
  lookup(id: string): MaybePromise<SnapshotLookup>;
  /** Every version of a URL, oldest first, none taken down. */
  versions(url: string): MaybePromise<SnapshotSummary[]>;
  related(record: SnapshotRecord, limit?: number): MaybePromise<ListItem[]>;
  moreInCategory(record: SnapshotRecord, limit?: number, skip?: ReadonlySet<string>): MaybePromise<ListItem[]>;
  articleMarkdown(id: string): MaybePromise<string | null>;
  screenshot(id: string): MaybePromise<Buffer | null>;
  archivedResponse(id: string): Promise<WarcResponse | null>;
  archivedRequisite(id: string, warcRecordId: string): Promise<WarcResponse | null>;
  /** Brings a search index up to date before the server listens (a no-op where the backend indexes on write). */
  warmUp(): void;
  searchIndexReady(): Promise<void>;
  close(): void;
}
