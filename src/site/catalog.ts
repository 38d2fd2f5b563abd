/**
 * What the site shows, read straight from the store on every call: lists, search, one snapshot, its
 * versions, related snapshots. Nothing is cached beyond the search index (which re-syncs before each
 * query), so a takedown or a new crawl shows on the very next request. Anything whose URL a takedown
 * covers is filtered out of every list and answers as gone.
 */
import { readFileSync } from 'node:fs';
import { isSnapshotId, readWarcResponse, readWarcResponseById, type SnapshotRecord, type SnapshotStore, type SnapshotSummary, type WarcResponse } from '../snapshot/index.js';
import { excerptAround, leadExcerpt, type ExcerptPart } from './excerpt.js';
import { SearchIndex, type IndexProgress, type SearchIndexOptions } from './search-index.js';
import { TakedownRegistry, type TakedownNotice } from './takedowns.js';
import { parseQuery } from './terms.js';

/** One snapshot in a list (home, category, search, related). */
export interface ListItem {
  id: string;
  url: string;
  host: string;
  title: string;
  category: string | null;
  source: string | null;
  publishedAt: string | null;
  fetchedAt: string;
  excerpt: ExcerptPart[];
}

export interface ListPage {
  items: ListItem[];
  /** 1-based. */
  page: number;
  pages: number;
  total: number;
  pageSize: number;
  /** Search results only: the index is still being built, so these matched titles only. */
  indexing?: IndexProgress;
}

export type SnapshotLookup =
  | { kind: 'found'; record: SnapshotRecord; summary: SnapshotSummary }
  | { kind: 'gone'; notice: TakedownNotice }
  | { kind: 'missing' };

export const MAX_PAGE = 10_000;

export class SiteCatalog {
  private readonly index: SearchIndex;
  private readonly takedowns: TakedownRegistry;

  constructor(readonly store: SnapshotStore, readonly pageSize = 20, searchIndex: SearchIndexOptions = {}) {
    this.index = new SearchIndex(store, searchIndex);
    this.takedowns = new TakedownRegistry(store);
  }

  /**
   * Brings the search index up to date, or (background mode, a large gap) starts building it: the server
   * calls it before listening, and a big store's first start answers at once while the build runs.
   */
  warmUp(): void {
    this.index.refresh();
  }

  /** Resolves once the search index is complete (the static export waits for it; its related lists need it). */
  searchIndexReady(): Promise<void> {
    return this.index.ready();
  }

  /** Stops a background index build (before the store is closed). */
  close(): void {
    this.index.close();
  }

  /** Categories with their counts of latest snapshots: largest first, then by name (the same order on every load). */
  categories(): { value: string; count: number }[] {
    return sortCategories(this.store.facet('category'));
  }

  /** Latest version of every URL, newest publish time first; optionally one category. */
  latest(page: number, category?: string): ListPage {
    const total = this.store.count({ latestOnly: true, category });
    const current = clampPage(page, total, this.pageSize);
    const rows = this.store.list({ latestOnly: true, category, orderBy: 'publishedAt', limit: this.pageSize, offset: (current - 1) * this.pageSize });
    return { items: this.toItems(rows, []), page: current, pages: pageCount(total, this.pageSize), total, pageSize: this.pageSize };
  }

  /** Full-text search over titles and bodies (Chinese and English), best match first. */
  search(query: string, page: number, category?: string): ListPage {
    const at = (p: number) => this.index.search(query, { category, limit: this.pageSize, offset: (p - 1) * this.pageSize });
    let current = clampPage(page, Number.MAX_SAFE_INTEGER, this.pageSize);
    let found = at(current);
    if (current > pageCount(found.total, this.pageSize)) {
      current = pageCount(found.total, this.pageSize);
      found = at(current);
    }
    const { total, ids, indexing } = found;
    const rows = ids.map((id) => this.store.summary(id)).filter((s): s is SnapshotSummary => s !== null);
    const needles = parseQuery(query).map((p) => p.text);
    const list: ListPage = { items: this.toItems(rows, needles), page: current, pages: pageCount(total, this.pageSize), total, pageSize: this.pageSize };
    return indexing ? { ...list, indexing } : list;
  }

  /** A snapshot by id: found, taken down (410) or unknown (404). Ids are validated before any lookup. */
  lookup(id: string): SnapshotLookup {
    if (!isSnapshotId(id)) return { kind: 'missing' };
    const summary = this.store.summary(id);
    if (!summary) {
      const notice = this.takedowns.noticeForId(id);
      return notice ? { kind: 'gone', notice } : { kind: 'missing' };
    }
    if (this.takedowns.isUrlTakenDown(summary.url)) return { kind: 'gone', notice: this.takedowns.noticeForId(id) ?? { time: null } };
    let record: SnapshotRecord | null;
    try {
      record = this.store.get(id);
    } catch {
      record = null; // its folder went between the index read and the file read: a takedown in progress
    }
    if (!record) {
      const notice = this.takedowns.noticeForId(id);
      return notice ? { kind: 'gone', notice } : { kind: 'missing' };
    }
    return { kind: 'found', record, summary };
  }

  /** Every version of the snapshot's URL, oldest first. */
  versions(url: string): SnapshotSummary[] {
    return this.store.versions(url).filter((s) => !this.takedowns.isUrlTakenDown(s.url));
  }

  /** Related snapshots by shared terms (Chinese bigrams, English words), same category ranked up. */
  related(record: SnapshotRecord, limit = 8): ListItem[] {
    const ids = this.index.related(
      { id: record.id, url: record.url, title: record.title ?? '', tags: record.tags, body: record.body, category: record.category },
      limit,
    );
    const rows = ids.map((id) => this.store.summary(id)).filter((s): s is SnapshotSummary => s !== null);
    return this.toItems(rows, []);
  }

  /** The newest other snapshots of the same category (minus `skip`, e.g. those already listed as related). */
  moreInCategory(record: SnapshotRecord, limit = 10, skip: ReadonlySet<string> = new Set()): ListItem[] {
    if (!record.category) return [];
    const rows = this.store
      .list({ latestOnly: true, category: record.category, orderBy: 'publishedAt', limit: limit + 1 + skip.size })
      .filter((s) => s.url !== record.url && !skip.has(s.id))
      .slice(0, limit);
    return this.toItems(rows, []);
  }

  /** The article Markdown of a snapshot (article.md), or null when it can't be read. */
  articleMarkdown(id: string): string | null {
    const files = this.store.files(id);
    if (!files) return null;
    try {
      return readFileSync(files.article, 'utf8');
    } catch {
      return null;
    }
  }

  /** The browser render's screenshot.png, or null when the snapshot has none (HTTP fetches). */
  screenshot(id: string): Buffer | null {
    const path = this.store.files(id)?.screenshot;
    if (!path) return null;
    try {
      return readFileSync(path);
    } catch {
      return null;
    }
  }

  /** The archived HTTP response, bytes exactly as stored in the WARC. */
  async archivedResponse(id: string): Promise<WarcResponse | null> {
    const files = this.store.files(id);
    return files ? readWarcResponse(files.warc) : null;
  }

  /** A response archived beside the page (a page requisite), by its WARC-Record-ID; null when absent. */
  async archivedRequisite(id: string, warcRecordId: string): Promise<WarcResponse | null> {
    const files = this.store.files(id);
    return files ? readWarcResponseById(files.warc, warcRecordId) : null;
  }

  private toItems(rows: SnapshotSummary[], needles: string[]): ListItem[] {
    const visible = rows.filter((s) => !this.takedowns.isUrlTakenDown(s.url));
    const docs = this.index.docs(visible.map((s) => s.id));
    return visible.map((s) => {
      const body = docs.get(s.id)?.body ?? '';
      return {
        id: s.id,
        url: s.url,
        host: s.host,
        title: s.title ?? s.url,
        category: s.category,
        source: s.source,
        publishedAt: s.publishedAt,
        fetchedAt: s.fetchedAt,
        excerpt: needles.length > 0 ? excerptAround(body, needles) : [{ text: leadExcerpt(body), hit: false }],
      };
    });
  }
}

/** Count descending, then name by code point: a total order, independent of the database's row order. */
export function sortCategories(list: readonly { value: string; count: number }[]): { value: string; count: number }[] {
  return [...list].sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
}

export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

export function clampPage(page: number, total: number, pageSize: number): number {
  const n = Number.isInteger(page) ? page : 1;
  return Math.min(Math.max(1, n), pageCount(total, pageSize), MAX_PAGE);
}
