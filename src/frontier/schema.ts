import type { StoreDatabase } from '../storage/index.js';

/**
 * The frontier's tables. `frontier` holds every URL ever discovered (unique, normalized) with its crawl
 * state; `hosts` holds per-host politeness state so a restarted run keeps its spacing.
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
    CREATE INDEX IF NOT EXISTS frontier_revisit ON frontier (state, next_revisit_at);
    CREATE INDEX IF NOT EXISTS frontier_claim ON frontier (state, host, priority DESC, depth, id);
    CREATE TABLE IF NOT EXISTS hosts (
      host TEXT PRIMARY KEY,
      next_allowed_at INTEGER NOT NULL DEFAULT 0,
      crawl_delay_ms INTEGER
    );
  `);
}
