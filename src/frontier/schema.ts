import type { StoreDatabase } from '../storage/index.js';
import { ensureQueueSummary } from './queueSummary.js';

/**
 * The frontier's tables. `frontier` holds every URL ever discovered (unique, normalized) with its crawl
 * state; `hosts` holds per-host politeness state so a restarted run keeps its spacing. Their indexes and the
 * queue summary are made by ensureQueueSummary.
 */
export function ensureFrontierSchema(db: StoreDatabase): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS frontier (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      url TEXT NOT NULL UNIQUE,
      host TEXT NOT NULL,
      source TEXT NOT NULL,
      depth INTEGER NOT NULL,
      kind TEXT NOT NULL DEFAULT 'page',
      state TEXT NOT NULL DEFAULT 'queued',
      priority INTEGER NOT NULL DEFAULT 0,
      attempts INTEGER NOT NULL DEFAULT 0,
      next_fetch_at INTEGER NOT NULL DEFAULT 0,
      discovered_from TEXT,
      discovered_at INTEGER NOT NULL,
      fetched_at INTEGER,
      http_status INTEGER,
      outcome TEXT,
      last_error TEXT,
      snapshot_id TEXT,
      run_id TEXT,
      etag TEXT,
      last_modified TEXT,
      revisit_count INTEGER NOT NULL DEFAULT 0,
      next_revisit_at INTEGER
    );
    CREATE TABLE IF NOT EXISTS hosts (
      host TEXT PRIMARY KEY,
      next_allowed_at INTEGER NOT NULL DEFAULT 0,
      crawl_delay_ms INTEGER
    );
  `);
  addRequestUrlColumn(db);
  addSiteModifiedColumn(db);
  addColumnInPlace(db, 'alias_of');
  // The indexes and the per-host queue summary the claim side reads (queueSummary.ts).
  ensureQueueSummary(db);
}

/**
 * `request_url`: the URL as first discovered (WHATWG-resolved, escapes and query order as linked), which
 * is what gets fetched and checked against robots.txt; `url` is only the de-duplication key. Added in place
 * on stores created before it (NULL there: the key is fetched, as before).
 */
function addRequestUrlColumn(db: StoreDatabase): void {
  addColumnInPlace(db, 'request_url');
}

/**
 * `site_modified`: the site's own change signal last seen for the URL (sitemap `<lastmod>`, news
 * `<publication_date>`, feed `<updated>`/`<pubDate>`), as the site wrote it. A newer one makes a known
 * article due at once (Frontier.noteSiteModified). Added in place on older stores (NULL there).
 */
function addSiteModifiedColumn(db: StoreDatabase): void {
  addColumnInPlace(db, 'site_modified');
}

/*
 * `alias_of`: the URL this one is an alias of — its page named that URL as canonical (or it differs from it
 * only by query parameters learned to be ignorable for the host). An alias is never fetched or revisited
 * under its own name again; its URL stays in the table so re-finding it is not "new". NULL on older stores.
 */

/** Adds a nullable TEXT column to the frontier of an older store; a no-op when it is there or the store is read-only. */
function addColumnInPlace(db: StoreDatabase, column: 'request_url' | 'site_modified' | 'alias_of'): void {
  const has = () => (db.prepare(`PRAGMA table_info(frontier)`).all() as { name: string }[]).some((c) => c.name === column);
  if (has() || db.readonly) return;
  try {
    db.exec(`ALTER TABLE frontier ADD COLUMN ${column} TEXT`);
  } catch (err) {
    if (!has()) throw err; // another process opening the same store added it first
  }
}
