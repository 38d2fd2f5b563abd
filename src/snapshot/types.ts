import type { Article } from '../extract/types.js';
import type { FetchResult, RobotsVerdict } from '../fetch/types.js';

/** The on-disk `snapshot.json` schema: stable field names any tool can read. */
export interface SnapshotRecord {
  id: string;
  url: string;
  canonicalUrl: string | null;
  finalUrl: string;
  redirects: { url: string; status: number; location: string }[];
  fetchedAt: string;
  httpStatus: number;
  contentType: string | null;
  charset: string | null;
  /** sha256 (hex) of the exact body bytes received. */
  sha256: string;
  bytes: number;
  truncated: boolean;
  userAgent: string;
  crawler: { name: string; version: string };
  robots: { allowed: boolean; robotsUrl: string };
  source: string | null;
  title: string | null;
  publishedAt: string | null;
  modifiedAt: string | null;
  author: string | null;
  editor: string | null;
  publisher: string | null;
  category: string | null;
  tags: string[];
  language: string | null;
  description: string | null;
  body: string;
  images: { src: string; alt?: string; caption?: string }[];
  previousId: string | null;
  /** sha256 of the extracted body text: what decides "changed" (ads and timestamps in markup don't). */
  contentHash: string;
  /** How the page was rendered (http, or browser for render: browser / auto on an app shell) and why. */
  render: { mode: 'http' | 'browser'; reason?: string };
  /** Relative paths of the files in the snapshot folder. */
  files: { warc: string; article: string; screenshot?: string };
  /**
   * Page requisites (the article's images and its lead image) and what became of each: archived in
   * the snapshot's own WARC (record id, sha256, type), or why not. null when the source archives no
   * requisites (or the page has no images); absent in snapshots written before the field existed.
   */
  requisites?: { images: RequisiteImage[] } | null;
}

/** One image of a snapshot's page requisites, as snapshot.json records it. */
export type RequisiteImage = ArchivedRequisiteImage | MissingRequisiteImage;

export interface ArchivedRequisiteImage {
  /** The image URL as the article names it (an `images[].src`). */
  url: string;
  status: 'archived';
  /** URL of the archived response (after redirects). */
  finalUrl: string;
  /** WARC-Record-ID of the `response` record holding the bytes, in this snapshot's page.warc.gz. */
  warcRecordId: string;
  /** sha256 (hex) of the image bytes. */
  sha256: string;
  bytes: number;
  /** The archived Content-Type (an image/* type). */
  contentType: string;
  fetchedAt: string;
}

export interface MissingRequisiteImage {
  url: string;
  /** failed: fetched or tried, and no usable image came back; skipped: not fetched (caps, robots, takedown). */
  status: 'failed' | 'skipped';
  /** Short machine-readable cause: http-404, too-large, page-budget, max-images, robots, blocked-address, not-image, … */
  reason: string;
  /** Human-readable detail. */
  detail?: string;
  httpStatus?: number;
}

/**
 * A further exchange archived beside the page (browser renders: scripts, styles, images, XHR the
 * page loaded), written as request/response WARC records so the page can be replayed.
 */
export interface ArchivedResource extends FetchResult {
  /** WARC-Record-ID to give the response record (`<urn:uuid:…>`), so snapshot.json can point at it; default a fresh one. */
  warcRecordId?: string;
  /** Request method; default GET. */
  method?: string;
  /** Request body (POST), archived in the request record. */
  requestBody?: Buffer;
}

/** What the crawler hands the store to archive one fetched page. */
export interface SnapshotInput {
  fetch: FetchResult;
  article: Article;
  decoded: { charset: string };
  source: string | null;
  userAgent: string;
  robots: RobotsVerdict;
  /** Stored as the snapshot's category when the page gives none. */
  defaultCategory?: string;
  render?: { mode: 'http' | 'browser'; reason?: string };
  /** Browser renders: the sub-resources the page loaded, archived after the main response. */
  resources?: ArchivedResource[];
  /** Browser renders: the rendered DOM, archived as a WARC conversion record of the main response. */
  renderedHtml?: string;
  /** Browser renders: a full-page PNG, written (fsynced) as screenshot.png. */
  screenshot?: Buffer;
  /**
   * Page requisites: what became of each image (snapshot.json `requisites`). The archived ones'
   * exchanges are in `resources`, their response records carrying the recorded `warcRecordId`.
   */
  requisites?: { images: RequisiteImage[] };
}

/** `dir` is the absolute path of the snapshot folder; 'unchanged' returns the id of the existing latest snapshot. */
export type WriteOutcome =
  | { status: 'new'; id: string; dir: string }
  | { status: 'changed'; id: string; dir: string; previousId: string }
  | { status: 'unchanged'; id: string };

/** One row of the snapshot index (what list/serve need without reading files). */
export interface SnapshotSummary {
  id: string;
  url: string;
  host: string;
  fetchedAt: string;
  title: string | null;
  publishedAt: string | null;
  category: string | null;
  source: string | null;
  /** Folder relative to the store directory, `<host>/<YYYY>/<MM>/<DD>/<id>` (forward slashes). */
  dir: string;
  previousId: string | null;
  contentHash: string;
}

/** Filters and paging for SnapshotStore.list / count. Newest first. */
export interface SnapshotListQuery {
  limit?: number;
  offset?: number;
  /** Host as in SnapshotSummary.host (with `:port` when not default). */
  host?: string;
  category?: string;
  source?: string;
  /** Only the newest version of each URL (what an article listing wants). Default false: every snapshot. */
  latestOnly?: boolean;
  /** Sort key; `publishedAt` puts pages without a publish time last. Default `fetchedAt`. */
  orderBy?: 'fetchedAt' | 'publishedAt';
}
