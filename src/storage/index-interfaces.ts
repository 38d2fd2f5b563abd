/**
 * The index side's contracts (interfaces.ts re-exports them): the snapshot index, blob files, the run registry,
 * full-text search and the durable takedown list; SQLite in the store directory, or PostgreSQL.
 */
import type { ExclusionRow, ExclusionRule } from './frontier-interfaces.js';

/** One row of the snapshot index as it leaves storage. */
export interface IndexedSnapshot {
  id: string;
  url: string;
  finalUrl: string;
  canonicalUrl: string | null;
  host: string;
  hostname: string;
  fetchedAt: string;
  title: string | null;
  publishedAt: string | null;
  category: string | null;
  source: string | null;
  /** Blob key prefix of the snapshot's files, `<host>/<YYYY>/<MM>/<DD>/<id>`. */
  dir: string;
  previousId: string | null;
  contentHash: string;
  sha256: string;
  httpStatus: number;
  bytes: number;
  isLatest: boolean;
}

export interface IndexQuery {
  limit?: number;
  offset?: number;
  host?: string;
  category?: string;
  source?: string;
  latestOnly?: boolean;
  orderBy?: 'fetchedAt' | 'publishedAt';
}

export type SnapshotSelector = { url: string } | { prefix: string } | { hostname: string } | { id: string };

/** What a backend may do within an insert's own commit (one that cannot leaves the fields of InsertResult unset). */
export interface InsertExtras {
  /** The new version's search document, stored in the same commit: `searched` says it was (else index it apart). */
  search?: SearchDoc;
  /** Normalized URLs of the page: a durable takedown rule covering any refuses the insert (`excluded`). */
  refuseExcluded?: readonly string[];
}

export interface InsertResult {
  inserted: boolean;
  previousId: string | null;
  /** The search document of InsertExtras was stored with the row. */
  searched?: boolean;
  /** Refused by a takedown rule checked inside the commit (InsertExtras.refuseExcluded). */
  excluded?: boolean;
}

/**
 * The snapshot index: which snapshots exist, their provenance and order. `insert` is the commit point of a
 * snapshot: files are in the BlobStore first, so an index row always has its files.
 */
export interface SnapshotIndexStore {
  /**
   * Inserts a new version; the previous latest of the same `url` stops being latest. Refuses (returns false) when
   * the latest version of `url` already has `contentHash` (another worker stored it first) or the id exists.
   */
  insert(row: Omit<IndexedSnapshot, 'isLatest' | 'previousId'>, extras?: InsertExtras): Promise<InsertResult>;
  get(id: string): Promise<IndexedSnapshot | null>;
  latestFor(url: string): Promise<IndexedSnapshot | null>;
  /**
   * Optional: what `latestFor` answers for each of `urls` and whether each of `ids` exists (as `get`), in one look-up.
   * A store across the network answers in one round trip what would take one per URL and id (the shared writer
   * asks this before every snapshot); a store without it is asked one by one.
   */
  lookup?(urls: readonly string[], ids: readonly string[]): Promise<{ latest: (IndexedSnapshot | null)[]; taken: boolean[] }>;
  versions(url: string): Promise<IndexedSnapshot[]>;
  list(query: IndexQuery): Promise<IndexedSnapshot[]>;
  count(query: Omit<IndexQuery, 'limit' | 'offset' | 'orderBy'>): Promise<number>;
  select(selector: SnapshotSelector): Promise<IndexedSnapshot[]>;
  /** Removes rows; the newest remaining version of each URL becomes latest. Returns the ids removed. */
  remove(ids: readonly string[]): Promise<string[]>;
  close(): Promise<void>;
}

/** Files by key (`<dir>/<file>`); the local filesystem under `snapshots/` is the default. */
export interface BlobStore {
  /** Writes atomically (temp + rename + fsync): a reader sees the whole file or none. */
  put(key: string, bytes: Uint8Array): Promise<void>;
  /**
   * Several files of one new folder (`<dir>/<name>`), each as `put` writes it; durable together once it returns.
   * Optional: a store without it gets one `put` per file.
   */
  putAll?(dir: string, files: readonly (readonly [name: string, bytes: Uint8Array])[]): Promise<void>;
  get(key: string): Promise<Buffer | null>;
  delete(key: string): Promise<void>;
  /** Keys under a prefix, sorted. */
  list(prefix: string): Promise<string[]>;
}

export type RunStatus = 'running' | 'completed' | 'interrupted' | 'failed';

export interface RunRecord {
  id: string;
  startedAt: string;
  finishedAt: string | null;
  status: RunStatus;
  summary: unknown;
}

export interface RunRegistryStore {
  /** Starts a run, or joins/resumes the one still running (workers of one crawl share a run id). */
  begin(now: Date): Promise<{ id: string; resumed: boolean }>;
  checkpoint(id: string, summary: unknown): Promise<void>;
  end(id: string, status: RunStatus, summary: unknown, now: Date): Promise<void>;
  recent(limit: number): Promise<RunRecord[]>;
}

export interface SearchDoc {
  id: string;
  url: string;
  title: string;
  body: string;
  host: string;
  category: string | null;
  publishedAt: string | null;
}

export interface SearchHit {
  id: string;
  score: number;
}

/** Full-text search over latest snapshots; Chinese-capable (bigrams or trigram similarity). */
export interface SearchIndexStore {
  index(docs: readonly SearchDoc[]): Promise<void>;
  remove(ids: readonly string[]): Promise<void>;
  search(query: string, options: { limit: number; offset: number; host?: string }): Promise<{ total: number; hits: SearchHit[] }>;
}

/**
 * The durable takedown list (SQLite in the store, or PostgreSQL). A shared FrontierStore keeps a copy for its
 * per-URL check; `snapcrawl takedown` writes both, so running workers stop within seconds and the rule outlives them.
 */
export interface ExclusionStore {
  add(rules: readonly ExclusionRule[], reason: string | null): Promise<number>;
  remove(rule: ExclusionRule): Promise<boolean>;
  list(): Promise<ExclusionRow[]>;
  isExcluded(url: string): Promise<boolean>;
}

/** The index side of a store: what `serve`, `list`, `status`, `takedown` and `verify` read and write. */
export interface IndexStores {
  snapshots: SnapshotIndexStore;
  runs: RunRegistryStore;
  search: SearchIndexStore;
  exclusions: ExclusionStore;
  close(): Promise<void>;
}
