/**
 * The index-side tables of a SQLite store, created when missing with the same DDL their current owners use
 * (src/snapshot/snapshot-index.ts, src/crawler/runs.ts, src/frontier/exclusions.ts, src/site/search-schema.ts), all
 * guarded by IF NOT EXISTS so a store those modules created opens unchanged and either side may create first.
 * To consolidate: once the store's numbered migrations (migrate.ts) own these tables, this file becomes a check.
 */
import type { StoreDatabase } from '../database.js';

const SNAPSHOTS = `
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
CREATE INDEX IF NOT EXISTS snapshots_latest_by_published ON snapshots(is_latest, published_ms DESC, fetched_at DESC, id DESC);
CREATE INDEX IF NOT EXISTS snapshots_latest_by_category ON snapshots(is_latest, category, published_ms DESC, fetched_at DESC, id DESC);
CREATE TABLE IF NOT EXISTS snapshot_pending (
  id TEXT PRIMARY KEY,
  op TEXT NOT NULL CHECK (op IN ('write', 'delete')),
  dir TEXT NOT NULL,
  owner TEXT NOT NULL,
  created_at TEXT NOT NULL
);`;

const RUNS = `CREATE TABLE IF NOT EXISTS runs (
  id TEXT PRIMARY KEY, started_at TEXT NOT NULL, finished_at TEXT, status TEXT NOT NULL, summary TEXT);`;

const EXCLUSIONS = `
CREATE TABLE IF NOT EXISTS exclusions (
  kind TEXT NOT NULL CHECK (kind IN ('url', 'prefix', 'host', 'id')),
  value TEXT NOT NULL,
  reason TEXT NOT NULL,
  requester TEXT,
  created_at TEXT NOT NULL,
  PRIMARY KEY (kind, value)
);`;

/** Must equal INDEX_VERSION of src/site/search-schema.ts: a different value makes the site rebuild the index. */
const SEARCH_INDEX_VERSION = '1';

const SEARCH = `
CREATE TABLE IF NOT EXISTS site_search_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS site_search_docs (
  docid INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL,
  body TEXT NOT NULL
);
CREATE VIRTUAL TABLE IF NOT EXISTS site_search_fts USING fts5(
  title, tags, body, content='', contentless_delete=1, tokenize='porter unicode61 remove_diacritics 2'
);`;

/** Creates whichever index tables are missing, in one write transaction (several processes may open at once). */
export function ensureIndexTables(db: StoreDatabase): void {
  db.transaction(() => {
    const hadSearch = db.prepare(`SELECT 1 FROM sqlite_master WHERE name = 'site_search_docs'`).get() !== undefined;
    db.exec(SNAPSHOTS);
    db.exec(RUNS);
    db.exec(EXCLUSIONS);
    db.exec(SEARCH);
    // Search tables created just now are at the site's current layout; existing ones keep whatever version they
    // have, so the site still rebuilds an older layout as before.
    if (!hadSearch) db.prepare(`INSERT OR IGNORE INTO site_search_meta (key, value) VALUES ('version', ?)`).run(SEARCH_INDEX_VERSION);
  }).immediate();
}
