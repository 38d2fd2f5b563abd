import type { Migration } from '../migrate.js';
import type { StoreDatabase } from '../../database.js';

/**
 * Version 5: the leased frontier's tables (SqliteFrontierStore, used by `crawl --worker` on the embedded store),
 * beside the single-process `frontier` ones. Triggers keep each host's queued and in-flight counts in step with the
 * rows, whoever changes them. Takedown rules are not copied here: the leased frontier reads the store's
 * `exclusions` table (001), so a `snapcrawl takedown` on the store reaches workers on it at once. Stores whose
 * SqliteFrontierStore made these tables before this step (with a `lease_exclusions` table of its own) keep their
 * rows; their rules move into `exclusions`.
 */
const LEASE_TABLES = `
CREATE TABLE IF NOT EXISTS lease_queue (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  url TEXT NOT NULL UNIQUE,
  request_url TEXT NOT NULL, host TEXT NOT NULL, source TEXT NOT NULL, depth INTEGER NOT NULL, kind TEXT NOT NULL,
  priority INTEGER NOT NULL DEFAULT 0, discovered_from TEXT,
  state TEXT NOT NULL DEFAULT 'queued', due_at INTEGER NOT NULL DEFAULT 0, attempts INTEGER NOT NULL DEFAULT 0,
  worker TEXT, expires_at INTEGER,
  outcome TEXT, http_status INTEGER, last_error TEXT, fetched_at INTEGER, snapshot_id TEXT, etag TEXT, last_modified TEXT,
  fetch_count INTEGER NOT NULL DEFAULT 0, next_revisit_at INTEGER
);
CREATE INDEX IF NOT EXISTS lease_queue_pick ON lease_queue (host, source, priority DESC, depth, id) WHERE state = 'queued';
CREATE INDEX IF NOT EXISTS lease_queue_due ON lease_queue (host, due_at) WHERE state = 'queued';
CREATE INDEX IF NOT EXISTS lease_queue_leases ON lease_queue (expires_at) WHERE state = 'in_flight';
CREATE INDEX IF NOT EXISTS lease_queue_state ON lease_queue (state);
CREATE TABLE IF NOT EXISTS lease_hosts (
  host TEXT PRIMARY KEY, next_allowed_at INTEGER NOT NULL DEFAULT 0,
  queued INTEGER NOT NULL DEFAULT 0, in_flight INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS lease_hosts_ready ON lease_hosts (next_allowed_at, host) WHERE queued > 0;
CREATE TABLE IF NOT EXISTS lease_groups (
  host TEXT NOT NULL, source TEXT NOT NULL, queued INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (host, source)
);
CREATE TRIGGER IF NOT EXISTS lease_queue_added AFTER INSERT ON lease_queue BEGIN
  INSERT INTO lease_hosts (host, queued) VALUES (NEW.host, NEW.state = 'queued')
    ON CONFLICT(host) DO UPDATE SET queued = queued + (NEW.state = 'queued');
  INSERT INTO lease_groups (host, source, queued) VALUES (NEW.host, NEW.source, NEW.state = 'queued')
    ON CONFLICT(host, source) DO UPDATE SET queued = queued + (NEW.state = 'queued');
END;
CREATE TRIGGER IF NOT EXISTS lease_queue_moved AFTER UPDATE OF state ON lease_queue WHEN OLD.state != NEW.state BEGIN
  UPDATE lease_hosts SET queued = queued + (NEW.state = 'queued') - (OLD.state = 'queued'),
    in_flight = in_flight + (NEW.state = 'in_flight') - (OLD.state = 'in_flight') WHERE host = NEW.host;
  UPDATE lease_groups SET queued = queued + (NEW.state = 'queued') - (OLD.state = 'queued') WHERE host = NEW.host AND source = NEW.source;
END;
CREATE TABLE IF NOT EXISTS lease_counters (key TEXT PRIMARY KEY, value INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS lease_robots (origin TEXT PRIMARY KEY, body TEXT NOT NULL, expires_at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS lease_once (key TEXT PRIMARY KEY, worker TEXT NOT NULL, expires_at INTEGER NOT NULL);
`;

function up(db: StoreDatabase): void {
  db.exec(LEASE_TABLES);
  const hadOwnRules = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'lease_exclusions'`).get() !== undefined;
  if (hadOwnRules) {
    // exclusions.reason is NOT NULL: a rule added without one keeps '' (read back as no reason).
    db.exec(`INSERT OR IGNORE INTO exclusions (kind, value, reason, requester, created_at)
      SELECT kind, value, coalesce(reason, ''), NULL, created_at FROM lease_exclusions;
      DROP TABLE lease_exclusions;`);
  }
}

export const leaseFrontier: Migration = { version: 5, name: 'lease-frontier', up };
