/**
 * The snapshot index's SQL (tables snapshots, snapshot_pending: 001-baseline.ts): one row per snapshot folder,
 * enough for list/show/serve/takedown without reading files. `url` is the article's identity (every version of one
 * article shares it); `is_latest` marks the newest version of each `url`. Statements are prepared once per store.
 */
import type { StoreDatabase, StoreStatement } from '../database.js';
import { hasTable } from './schema-queries.js';
import { snapshotListWhere, StatementCache } from './statement-cache.js';

type Statement<P extends unknown[] | object = unknown[], R = unknown> = StoreStatement<P, R>;

/** What a list or count selects (the snapshot layer's SnapshotListQuery has this shape). */
export interface SnapshotListFilter {
  limit?: number;
  offset?: number;
  host?: string;
  category?: string;
  source?: string;
  latestOnly?: boolean;
  orderBy?: 'fetchedAt' | 'publishedAt';
}

export interface SnapshotRow {
  id: string;
  url: string;
  final_url: string;
  canonical_url: string | null;
  host: string;
  hostname: string;
  final_hostname: string;
  fetched_at: string;
  title: string | null;
  published_at: string | null;
  published_ms: number | null;
  category: string | null;
  source: string | null;
  dir: string;
  previous_id: string | null;
  content_hash: string;
  sha256: string;
  http_status: number;
  bytes: number;
  is_latest: number;
}

export interface PendingRow {
  id: string;
  op: 'write' | 'delete';
  dir: string;
  owner: string;
  created_at: string;
}

/** Which snapshots a takedown selects, already normalized by the caller. */
export type SnapshotMatch = { url: string } | { prefix: string } | { hostname: string } | { id: string };

const MATCH_CONDITIONS = {
  url: 'url = @value OR final_url = @value OR canonical_url = @value',
  prefix: 'substr(url, 1, length(@value)) = @value OR substr(final_url, 1, length(@value)) = @value',
  // exact host or any subdomain of it, on both the asked and the final URL
  hostname: `hostname = @value OR substr(hostname, -length(@value) - 1) = '.' || @value
    OR final_hostname = @value OR substr(final_hostname, -length(@value) - 1) = '.' || @value`,
  id: 'id = @value',
} as const;

/** Prepared statements over the snapshot tables; one per store, reused for every call. */
export class SnapshotIndex {
  private readonly listStatements: StatementCache;
  readonly byId: Statement<[string], SnapshotRow>;
  readonly latestForUrl: Statement<[string], SnapshotRow>;
  /** Newest snapshot whose url, canonical_url or final_url is one of five keys k1…k5 (repeats allowed). */
  readonly latestMatching: Statement<[Record<'k1' | 'k2' | 'k3' | 'k4' | 'k5', string>], SnapshotRow>;
  /** The identity (`url`) a URL is known under: its own, else the newest row naming it as canonical or final URL. */
  readonly identityOf: Statement<[{ u: string }], { url: string }>;
  readonly versionsOfUrl: Statement<[string], SnapshotRow>;
  readonly idTaken: Statement<[string, string], { one: number }>;
  readonly insertRow: Statement<SnapshotRow>;
  readonly clearLatest: Statement<[string]>;
  readonly deleteRow: Statement<[string]>;
  readonly insertPending: Statement<PendingRow>;
  readonly deletePending: Statement<[string]>;
  readonly allPending: Statement<[], PendingRow>;
  readonly pendingById: Statement<[string], PendingRow>;

  constructor(readonly db: StoreDatabase) {
    this.listStatements = new StatementCache(db);
    this.byId = db.prepare('SELECT * FROM snapshots WHERE id = ?');
    this.latestForUrl = db.prepare('SELECT * FROM snapshots WHERE url = ? ORDER BY fetched_at DESC, id DESC LIMIT 1');
    const keys = '(@k1, @k2, @k3, @k4, @k5)';
    this.latestMatching = db.prepare(`SELECT * FROM snapshots WHERE url IN ${keys} OR canonical_url IN ${keys} OR final_url IN ${keys}
      ORDER BY fetched_at DESC, id DESC LIMIT 1`);
    this.identityOf = db.prepare(`SELECT url FROM snapshots WHERE url = @u OR canonical_url = @u OR final_url = @u
      ORDER BY url = @u DESC, fetched_at DESC, id DESC LIMIT 1`);
    this.versionsOfUrl = db.prepare('SELECT * FROM snapshots WHERE url = ? ORDER BY fetched_at ASC, id ASC');
    this.idTaken = db.prepare(
      'SELECT 1 AS one FROM snapshots WHERE id = ? UNION ALL SELECT 1 FROM snapshot_pending WHERE id = ? LIMIT 1',
    );
    this.insertRow = db.prepare(`INSERT INTO snapshots (id, url, final_url, canonical_url, host, hostname,
      final_hostname, fetched_at, title, published_at, published_ms, category, source, dir, previous_id,
      content_hash, sha256, http_status, bytes, is_latest) VALUES (@id, @url, @final_url, @canonical_url, @host,
      @hostname, @final_hostname, @fetched_at, @title, @published_at, @published_ms, @category, @source, @dir,
      @previous_id, @content_hash, @sha256, @http_status, @bytes, @is_latest)`);
    this.clearLatest = db.prepare('UPDATE snapshots SET is_latest = 0 WHERE url = ? AND +is_latest = 1');
    this.deleteRow = db.prepare('DELETE FROM snapshots WHERE id = ?');
    this.insertPending = db.prepare(
      'INSERT INTO snapshot_pending (id, op, dir, owner, created_at) VALUES (@id, @op, @dir, @owner, @created_at)',
    );
    this.deletePending = db.prepare('DELETE FROM snapshot_pending WHERE id = ?');
    this.allPending = db.prepare('SELECT * FROM snapshot_pending ORDER BY created_at');
    this.pendingById = db.prepare('SELECT * FROM snapshot_pending WHERE id = ?');
  }

  /** Every version of every URL that `match` selects (so a takedown never leaves an older copy). */
  matchAllVersions(match: SnapshotMatch): SnapshotRow[] {
    const [kind, value] = Object.entries(match)[0] as [keyof typeof MATCH_CONDITIONS, string];
    const sql = `SELECT * FROM snapshots WHERE url IN (SELECT url FROM snapshots WHERE ${MATCH_CONDITIONS[kind]})
      ORDER BY url, fetched_at, id`;
    return this.listStatements.get(sql).all({ value }) as SnapshotRow[];
  }

  list(query: SnapshotListFilter): SnapshotRow[] {
    const { where, params } = snapshotListWhere(query);
    const order =
      query.orderBy === 'publishedAt'
        ? 'published_ms DESC NULLS LAST, fetched_at DESC, id DESC'
        : 'fetched_at DESC, id DESC';
    const sql = `SELECT * FROM snapshots ${where} ORDER BY ${order} LIMIT @limit OFFSET @offset`;
    const limit = Math.max(0, Math.floor(query.limit ?? 50));
    const offset = Math.max(0, Math.floor(query.offset ?? 0));
    return this.listStatements.get(sql).all({ ...params, limit, offset }) as SnapshotRow[];
  }

  count(query: SnapshotListFilter): number {
    const { where, params } = snapshotListWhere(query);
    const row = this.listStatements.get(`SELECT count(*) AS n FROM snapshots ${where}`).get(params) as { n: number };
    return row.n;
  }

  /** Counts of latest snapshots per value of `column`, for site navigation. */
  facet(column: 'host' | 'category' | 'source'): { value: string; count: number }[] {
    const sql = `SELECT ${column} AS value, count(*) AS count FROM snapshots
      WHERE is_latest = 1 AND ${column} IS NOT NULL GROUP BY ${column} ORDER BY count DESC, value`;
    return this.listStatements.get(sql).all() as { value: string; count: number }[];
  }
}

/** Whether the store has a snapshot index (a read-only connection to a store that never archived has none). */
export function hasSnapshotTable(db: StoreDatabase): boolean {
  return hasTable(db, 'snapshots');
}

/** Number of snapshots in the index; 0 when there is no index yet. */
export function snapshotCount(db: StoreDatabase): number {
  return hasSnapshotTable(db) ? (db.prepare<[], { n: number }>(`SELECT count(*) AS n FROM snapshots`).get()?.n ?? 0) : 0;
}

/**
 * `snapcrawl verify`'s index side: every row's folder, dropping a row whose files are gone, and marking the newest
 * remaining version of its URL latest again.
 */
export function snapshotRepairStatements(db: StoreDatabase) {
  return {
    rows: db.prepare<[], { id: string; url: string; dir: string }>(`SELECT id, url, dir FROM snapshots`),
    dropRow: db.prepare<[string]>(`DELETE FROM snapshots WHERE id=?`),
    relatest: db.prepare<[string]>(`UPDATE snapshots SET is_latest = (id = (SELECT id FROM snapshots s2 WHERE s2.url = snapshots.url
      ORDER BY fetched_at DESC, id DESC LIMIT 1)) WHERE url=?`),
  };
}

/** The fields re-extraction may rewrite in a snapshot row (crawler/reextract.ts). */
export interface ExtractedFieldsRow {
  id: string;
  title: string | null;
  published_at: string | null;
  published_ms: number | null;
  category: string | null;
}

export function updateExtractedFieldsStatement(db: StoreDatabase): Statement<[ExtractedFieldsRow]> {
  return db.prepare<[ExtractedFieldsRow]>(
    'UPDATE snapshots SET title = @title, published_at = @published_at, published_ms = @published_ms, category = @category WHERE id = @id',
  );
}
