import type { StoreDatabase } from '../storage/index.js';

/** due_at (and so ready_at) of a group with nothing queued: later than any real time. */
export const EMPTY = Number.MAX_SAFE_INTEGER;

/**
 * The queue summary: one row per (host, source) with queued URLs, so a claim reads the ready hosts through an
 * index instead of grouping every queued row (issue 14: 20 claims/s at 1 M queued URLs).
 *
 * `frontier_queue`: how many URLs of the host and source are queued, `due_at` (a lower bound of their earliest
 * next_fetch_at: exact when a URL is queued, left as is when one leaves, corrected by the claim that finds it
 * stale; {@link EMPTY} when none is queued, so an empty group sorts after every real time), `allowed_at` (a copy
 * of hosts.next_allowed_at) and `parked` (the host's or the source's page budget is spent this run: parking.ts). `ready_at` is when the group may next give a URL; stored, so the index on it covers the claim's read.
 * `frontier_sources`: queued URLs per source, and how many of them are on hosts parked for their budget, so counts
 * are counter reads rather than scans.
 *
 * Triggers keep both in step with every write to `frontier` and `hosts`, in the writer's own transaction, from
 * whichever code makes it (the frontier, verify's repair, tests writing rows directly, an older snapcrawl on the
 * same store). Rows stay when their count drops to 0 so `parked` and `allowed_at` survive a host's queue running
 * dry and filling again.
 */

const TABLES = `
  CREATE TABLE frontier_queue (
    host TEXT NOT NULL,
    source TEXT NOT NULL,
    queued INTEGER NOT NULL DEFAULT 0,
    due_at INTEGER NOT NULL DEFAULT 0,
    allowed_at INTEGER NOT NULL DEFAULT 0,
    parked INTEGER NOT NULL DEFAULT 0,
    ready_at INTEGER GENERATED ALWAYS AS (max(due_at, allowed_at)) STORED,
    PRIMARY KEY (host, source)
  ) WITHOUT ROWID;
  CREATE INDEX frontier_queue_ready ON frontier_queue (parked, ready_at);
  CREATE TABLE frontier_sources (
    source TEXT PRIMARY KEY,
    queued INTEGER NOT NULL DEFAULT 0,
    parked_queued INTEGER NOT NULL DEFAULT 0
  ) WITHOUT ROWID;
`;

/**
 * A URL entering the queue (new.*): its group and source counters go up. Upserts: two statements per URL, as
 * enqueueing a discovered link is the frontier's most frequent write.
 */
const ENTER = `
    INSERT INTO frontier_queue (host, source, queued, due_at, allowed_at)
      SELECT new.host, new.source, 1, new.next_fetch_at, coalesce((SELECT next_allowed_at FROM hosts WHERE host = new.host), 0)
      WHERE new.state = 'queued'
      ON CONFLICT (host, source) DO UPDATE SET queued = queued + 1,
        due_at = CASE WHEN queued = 0 THEN excluded.due_at ELSE min(due_at, excluded.due_at) END;
    INSERT INTO frontier_sources (source, queued, parked_queued)
      SELECT new.source, 1, coalesce((SELECT parked & 1 FROM frontier_queue WHERE host = new.host AND source = new.source), 0)
      WHERE new.state = 'queued'
      ON CONFLICT (source) DO UPDATE SET queued = queued + 1, parked_queued = parked_queued + excluded.parked_queued;`;

/** A URL leaving the queue (old.*). */
const LEAVE = `
    UPDATE frontier_sources SET queued = queued - 1,
        parked_queued = parked_queued - coalesce((SELECT parked & 1 FROM frontier_queue WHERE host = old.host AND source = old.source), 0)
      WHERE old.state = 'queued' AND source = old.source;
    UPDATE frontier_queue SET queued = queued - 1, due_at = CASE WHEN queued <= 1 THEN ${EMPTY} ELSE due_at END
      WHERE old.state = 'queued' AND host = old.host AND source = old.source;`;

const TRIGGERS = `
  CREATE TRIGGER frontier_queue_insert AFTER INSERT ON frontier WHEN new.state = 'queued' BEGIN ${ENTER}
  END;
  CREATE TRIGGER frontier_queue_update AFTER UPDATE OF state, host, source, next_fetch_at ON frontier
    WHEN old.state = 'queued' OR new.state = 'queued' BEGIN ${LEAVE} ${ENTER}
  END;
  CREATE TRIGGER frontier_queue_delete AFTER DELETE ON frontier WHEN old.state = 'queued' BEGIN ${LEAVE}
  END;
  CREATE TRIGGER frontier_queue_park AFTER UPDATE OF parked ON frontier_queue WHEN (old.parked & 1) != (new.parked & 1) BEGIN
    UPDATE frontier_sources SET parked_queued = parked_queued + ((new.parked & 1) - (old.parked & 1)) * new.queued WHERE source = new.source;
  END;
  CREATE TRIGGER hosts_queue_insert AFTER INSERT ON hosts BEGIN
    UPDATE frontier_queue SET allowed_at = new.next_allowed_at WHERE host = new.host;
  END;
  CREATE TRIGGER hosts_queue_update AFTER UPDATE OF next_allowed_at ON hosts BEGIN
    UPDATE frontier_queue SET allowed_at = new.next_allowed_at WHERE host = new.host;
  END;
  CREATE TRIGGER hosts_queue_delete AFTER DELETE ON hosts BEGIN
    UPDATE frontier_queue SET allowed_at = 0 WHERE host = old.host;
  END;
`;

/**
 * Every object above: when one is missing (a store from before the summary) all are rebuilt from the frontier.
 * They are found by name, so a changed definition needs a new name to reach existing stores.
 */
const OBJECTS: { type: 'table' | 'index' | 'trigger'; name: string }[] = [
  { type: 'table', name: 'frontier_queue' },
  { type: 'table', name: 'frontier_sources' },
  { type: 'index', name: 'frontier_queue_ready' },
  ...['frontier_queue_insert', 'frontier_queue_update', 'frontier_queue_delete', 'frontier_queue_park', 'hosts_queue_insert', 'hosts_queue_update', 'hosts_queue_delete'].map(
    (name) => ({ type: 'trigger' as const, name }),
  ),
];

const BACKFILL = `
  INSERT INTO frontier_queue (host, source, queued, due_at, allowed_at)
    SELECT f.host, f.source, count(*), min(f.next_fetch_at), coalesce(h.next_allowed_at, 0)
    FROM frontier f LEFT JOIN hosts h ON h.host = f.host WHERE f.state = 'queued' GROUP BY f.host, f.source;
  INSERT INTO frontier_sources (source, queued) SELECT source, sum(queued) FROM frontier_queue GROUP BY source;
`;

/**
 * The frontier table's indexes, chosen so a claim and a finish touch as few as they can: `frontier_pick` holds
 * only queued URLs (the best URL of one host and source; claiming a URL drops its entry, finishing one touches
 * nothing), `frontier_waiting` only the few queued URLs held back to a later time, `frontier_revisit_due` only
 * URLs with a revisit or retry scheduled, `frontier_query_urls` only URLs with a query (what a parameter learned
 * for a host turns into aliases: paramLearning.ts reads the host's instead of every row). They replace `frontier_claim` and `frontier_revisit`, which indexed
 * every URL by state, so each claim and each finish moved an entry in both.
 */
const FRONTIER_INDEXES = `
  CREATE INDEX IF NOT EXISTS frontier_pick ON frontier (host, source, priority DESC, depth, id) WHERE state = 'queued';
  CREATE INDEX IF NOT EXISTS frontier_waiting ON frontier (next_fetch_at) WHERE state = 'queued' AND next_fetch_at > 0;
  CREATE INDEX IF NOT EXISTS frontier_revisit_due ON frontier (state, next_revisit_at) WHERE next_revisit_at IS NOT NULL;
  CREATE INDEX IF NOT EXISTS frontier_query_urls ON frontier (host) WHERE instr(url, '?') > 0;
  DROP INDEX IF EXISTS frontier_claim;
  DROP INDEX IF EXISTS frontier_revisit;
`;
const INDEX_NAMES = ['frontier_pick', 'frontier_waiting', 'frontier_revisit_due', 'frontier_query_urls'];
const RETIRED_INDEXES = ['frontier_claim', 'frontier_revisit'];

function missing(db: StoreDatabase): boolean {
  const has = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = ? AND name = ?`);
  return OBJECTS.some((o) => has.get(o.type, o.name) === undefined);
}

function indexesStale(db: StoreDatabase): boolean {
  const has = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?`);
  return INDEX_NAMES.some((n) => has.get(n) === undefined) || RETIRED_INDEXES.some((n) => has.get(n) !== undefined);
}

/**
 * Creates the summary and backfills it from the frontier when absent (a store made by an older snapcrawl), once,
 * in one transaction with the triggers, so no write can fall between the backfill and the triggers; and swaps
 * the frontier's old indexes for the ones above (an older snapcrawl opening the store puts its own back; the
 * next open here swaps them again). Needs the frontier and hosts tables. A no-op on a read-only connection.
 */
export function ensureQueueSummary(db: StoreDatabase): void {
  if (db.readonly || (!missing(db) && !indexesStale(db))) return;
  db.transaction(() => {
    if (missing(db)) {
      for (const o of [...OBJECTS].reverse()) db.exec(`DROP ${o.type.toUpperCase()} IF EXISTS ${o.name}`);
      db.exec(TABLES + TRIGGERS + BACKFILL);
    }
    db.exec(FRONTIER_INDEXES);
  }).immediate();
}
