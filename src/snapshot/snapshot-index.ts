import type { Statement } from 'better-sqlite3';
import type { StoreDatabase } from '../storage/database.js';
import { trustedCanonical } from '../frontier/paramLearning.js';
import { hostKey } from '../frontier/normalize.js';
import type { SnapshotListQuery, SnapshotSummary } from './types.js';

/**
 * The snapshot index: one row per snapshot folder, enough for list/show/serve/takedown without
 * reading files. `url`, `final_url` and `canonical_url` are normalized; `hostname` has no port so
 * host takedowns cover every port. `url` is the article's identity: the canonical URL the page names on its
 * own host (see trustedCanonical), else the URL fetched — every version of one article shares it, whichever
 * decorated variant (`?from=…`, a redirect) it was fetched through. `is_latest` marks the newest version of
 * each `url`, so lists, the site and search show each article once.
 * `snapshot_pending` holds folders being written or deleted, so a crash can be cleaned up on open.
 */
const SCHEMA = `
CREATE TABLE IF NOT EXISTS snapshots (
  id TEXT PRIMARY KEY,
  url TEXT NOT NULL,
  final_url TEXT NOT NULL,
  canonical_url TEXT,
  host TEXT NOT NULL,
  hostname TEXT NOT NULL,
  final_hostname TEXT NOT NULL,
  fetched_at TEXT NOT NULL,
  title TEXT,
  published_at TEXT,
  published_ms INTEGER,
  category TEXT,
  source TEXT,
  dir TEXT NOT NULL UNIQUE,
  previous_id TEXT,
  content_hash TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  http_status INTEGER NOT NULL,
  bytes INTEGER NOT NULL,
  is_latest INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX IF NOT EXISTS snapshots_by_url ON snapshots(url, fetched_at);
CREATE INDEX IF NOT EXISTS snapshots_by_final_url ON snapshots(final_url);
CREATE INDEX IF NOT EXISTS snapshots_by_canonical_url ON snapshots(canonical_url);
CREATE INDEX IF NOT EXISTS snapshots_by_time ON snapshots(fetched_at);
CREATE INDEX IF NOT EXISTS snapshots_latest_by_time ON snapshots(is_latest, fetched_at);
CREATE INDEX IF NOT EXISTS snapshots_by_host ON snapshots(host, fetched_at);
CREATE INDEX IF NOT EXISTS snapshots_by_hostname ON snapshots(hostname);
CREATE INDEX IF NOT EXISTS snapshots_by_category ON snapshots(category, fetched_at);
-- The site's lists (latest first by publish time, overall and per category) read these in order, without a sort.
CREATE INDEX IF NOT EXISTS snapshots_latest_by_published ON snapshots(is_latest, published_ms DESC, fetched_at DESC, id DESC);
CREATE INDEX IF NOT EXISTS snapshots_latest_by_category ON snapshots(is_latest, category, published_ms DESC, fetched_at DESC, id DESC);
CREATE TABLE IF NOT EXISTS snapshot_pending (
  id TEXT PRIMARY KEY,
  op TEXT NOT NULL CHECK (op IN ('write', 'delete')),
  dir TEXT NOT NULL,
  owner TEXT NOT NULL,
  created_at TEXT NOT NULL
);
`;

export function ensureSnapshotTables(db: StoreDatabase): void {
  db.exec(SCHEMA);
  migrateToCanonicalIdentity(db);
}

/**
 * Stores written before the canonical identity keyed each snapshot by the URL fetched, so an article fetched
 * through decorated variants has several "latest" rows. Once per store, in place: each row whose page named a
 * trusted canonical URL other than its `url` moves to that identity, and `is_latest` is recomputed for every
 * identity touched. Snapshot folders and snapshot.json are left as written (their `url` stays findable as the
 * row's `final_url`); nothing is deleted.
 */
function migrateToCanonicalIdentity(db: StoreDatabase): void {
  const name = 'canonical-identity-v1';
  db.exec(`CREATE TABLE IF NOT EXISTS snapshot_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)`);
  if (db.prepare('SELECT 1 FROM snapshot_migrations WHERE name = ?').get(name)) return;
  db.transaction(() => {
    if (db.prepare('SELECT 1 FROM snapshot_migrations WHERE name = ?').get(name)) return; // another process did it
    const rows = db
      .prepare('SELECT id, url, final_url, canonical_url FROM snapshots WHERE canonical_url IS NOT NULL AND canonical_url != url')
      .all() as { id: string; url: string; final_url: string; canonical_url: string }[];
    const move = db.prepare('UPDATE snapshots SET url = @url, host = @host, hostname = @hostname WHERE id = @id');
    const relatest = db.prepare(`UPDATE snapshots SET is_latest = (id = (SELECT id FROM snapshots s2 WHERE s2.url = snapshots.url
      ORDER BY fetched_at DESC, id DESC LIMIT 1)) WHERE url = ?`);
    const touched = new Set<string>();
    for (const row of rows) {
      const key = trustedCanonical(row.canonical_url, row.final_url);
      if (key === null || key === row.url) continue;
      move.run({ id: row.id, url: key, host: hostKey(key), hostname: new URL(key).hostname.replace(/\.+$/, '') });
      touched.add(row.url).add(key);
    }
    for (const url of touched) relatest.run(url);
    db.prepare('INSERT INTO snapshot_migrations (name, applied_at) VALUES (?, ?)').run(name, new Date().toISOString());
  }).immediate();
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

export function rowToSummary(row: SnapshotRow): SnapshotSummary {
  return {
    id: row.id,
    url: row.url,
    host: row.host,
    fetchedAt: row.fetched_at,
    title: row.title,
    publishedAt: row.published_at,
    category: row.category,
    source: row.source,
    dir: row.dir,
    previousId: row.previous_id,
    contentHash: row.content_hash,
  };
}

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
  private readonly listStatements = new Map<string, Statement>();
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
    this.clearLatest = db.prepare('UPDATE snapshots SET is_latest = 0 WHERE url = ? AND is_latest = 1');
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
    return this.cached(sql).all({ value }) as SnapshotRow[];
  }

  list(query: SnapshotListQuery): SnapshotRow[] {
    const { where, params } = this.filters(query);
    const order =
      query.orderBy === 'publishedAt'
        ? 'published_ms DESC NULLS LAST, fetched_at DESC, id DESC'
        : 'fetched_at DESC, id DESC';
    const sql = `SELECT * FROM snapshots ${where} ORDER BY ${order} LIMIT @limit OFFSET @offset`;
    const limit = Math.max(0, Math.floor(query.limit ?? 50));
    const offset = Math.max(0, Math.floor(query.offset ?? 0));
    return this.cached(sql).all({ ...params, limit, offset }) as SnapshotRow[];
  }

  count(query: SnapshotListQuery): number {
    const { where, params } = this.filters(query);
    const row = this.cached(`SELECT count(*) AS n FROM snapshots ${where}`).get(params) as { n: number };
    return row.n;
  }

  /** Counts of latest snapshots per value of `column`, for site navigation. */
  facet(column: 'host' | 'category' | 'source'): { value: string; count: number }[] {
    const sql = `SELECT ${column} AS value, count(*) AS count FROM snapshots
      WHERE is_latest = 1 AND ${column} IS NOT NULL GROUP BY ${column} ORDER BY count DESC, value`;
    return this.cached(sql).all() as { value: string; count: number }[];
  }

  private filters(query: SnapshotListQuery): { where: string; params: Record<string, string> } {
    const clauses: string[] = [];
    const params: Record<string, string> = {};
    if (query.latestOnly) clauses.push('is_latest = 1');
    for (const key of ['host', 'category', 'source'] as const) {
      const value = query[key];
      if (value === undefined) continue;
      clauses.push(`${key} = @${key}`);
      params[key] = value;
    }
    return { where: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
  }

  /** A handful of SQL shapes exist (one per filter combination): prepare each once. */
  private cached(sql: string): Statement {
    let stmt = this.listStatements.get(sql);
    if (!stmt) {
      stmt = this.db.prepare(sql);
      this.listStatements.set(sql, stmt);
    }
    return stmt;
  }
}
