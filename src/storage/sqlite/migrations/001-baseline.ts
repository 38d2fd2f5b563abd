import type { Migration } from '../migrate.js';
import type { StoreDatabase } from '../../database.js';

/**
 * Version 1: the store's schema as snapcrawl had it when numbered migrations arrived, every table defined here once.
 * Stores created before then (user_version 0) already hold some of it, in older forms, so every statement is
 * idempotent (IF NOT EXISTS); what older stores lack beyond a missing table is added by the steps after this one.
 *
 * frontier: every URL ever discovered (unique, normalized) with its crawl state. `request_url` is the URL as first
 * discovered (what is fetched and checked against robots.txt; `url` is only the de-duplication key);
 * `site_modified` the site's own change signal last seen (sitemap lastmod, feed updated); `alias_of` the URL this
 * one is an alias of (never fetched under its own name again). hosts: per-host politeness, so a restarted run keeps
 * its spacing.
 */
const FRONTIER = `
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
    next_revisit_at INTEGER,
    request_url TEXT,
    site_modified TEXT,
    alias_of TEXT
  );
  CREATE TABLE IF NOT EXISTS hosts (
    host TEXT PRIMARY KEY,
    next_allowed_at INTEGER NOT NULL DEFAULT 0,
    crawl_delay_ms INTEGER
  );
`;

/** due_at (and so ready_at) of a queue-summary group with nothing queued: later than any real time. */
export const EMPTY_DUE_AT = Number.MAX_SAFE_INTEGER;

/**
 * The queue summary: one row per (host, source) with queued URLs, so a claim reads the ready hosts through an
 * index instead of grouping every queued row (issue 14: 20 claims/s at 1 M queued URLs).
 *
 * `frontier_queue`: how many URLs of the host and source are queued, `due_at` (a lower bound of their earliest
 * next_fetch_at: exact when a URL is queued, left as is when one leaves, corrected by the claim that finds it
 * stale; EMPTY_DUE_AT when none is queued, so an empty group sorts after every real time), `allowed_at` (a copy
 * of hosts.next_allowed_at) and `parked` (the host's or the source's page budget is spent this run: parking.ts).
 * `ready_at` is when the group may next give a URL; stored, so the index on it covers the claim's read.
 * `frontier_sources`: queued URLs per source, and how many of them are on hosts parked for their budget, so counts
 * are counter reads rather than scans.
 *
 * Triggers keep both in step with every write to `frontier` and `hosts`, in the writer's own transaction, from
 * whichever code makes it. Rows stay when their count drops to 0 so `parked` and `allowed_at` survive a host's
 * queue running dry and filling again. Step 3 fills the counters of a store from before the summary.
 */
const QUEUE_TABLES = `
  CREATE TABLE IF NOT EXISTS frontier_queue (
    host TEXT NOT NULL,
    source TEXT NOT NULL,
    queued INTEGER NOT NULL DEFAULT 0,
    due_at INTEGER NOT NULL DEFAULT 0,
    allowed_at INTEGER NOT NULL DEFAULT 0,
    parked INTEGER NOT NULL DEFAULT 0,
    ready_at INTEGER GENERATED ALWAYS AS (max(due_at, allowed_at)) STORED,
    PRIMARY KEY (host, source)
  ) WITHOUT ROWID;
  CREATE INDEX IF NOT EXISTS frontier_queue_ready ON frontier_queue (parked, ready_at);
  CREATE TABLE IF NOT EXISTS frontier_sources (
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
    UPDATE frontier_queue SET queued = queued - 1, due_at = CASE WHEN queued <= 1 THEN ${EMPTY_DUE_AT} ELSE due_at END
      WHERE old.state = 'queued' AND host = old.host AND source = old.source;`;

const QUEUE_TRIGGERS = `
  CREATE TRIGGER IF NOT EXISTS frontier_queue_insert AFTER INSERT ON frontier WHEN new.state = 'queued' BEGIN ${ENTER}
  END;
  CREATE TRIGGER IF NOT EXISTS frontier_queue_update AFTER UPDATE OF state, host, source, next_fetch_at ON frontier
    WHEN old.state = 'queued' OR new.state = 'queued' BEGIN ${LEAVE} ${ENTER}
  END;
  CREATE TRIGGER IF NOT EXISTS frontier_queue_delete AFTER DELETE ON frontier WHEN old.state = 'queued' BEGIN ${LEAVE}
  END;
  CREATE TRIGGER IF NOT EXISTS frontier_queue_park AFTER UPDATE OF parked ON frontier_queue WHEN (old.parked & 1) != (new.parked & 1) BEGIN
    UPDATE frontier_sources SET parked_queued = parked_queued + ((new.parked & 1) - (old.parked & 1)) * new.queued WHERE source = new.source;
  END;
  CREATE TRIGGER IF NOT EXISTS hosts_queue_insert AFTER INSERT ON hosts BEGIN
    UPDATE frontier_queue SET allowed_at = new.next_allowed_at WHERE host = new.host;
  END;
  CREATE TRIGGER IF NOT EXISTS hosts_queue_update AFTER UPDATE OF next_allowed_at ON hosts BEGIN
    UPDATE frontier_queue SET allowed_at = new.next_allowed_at WHERE host = new.host;
  END;
  CREATE TRIGGER IF NOT EXISTS hosts_queue_delete AFTER DELETE ON hosts BEGIN
    UPDATE frontier_queue SET allowed_at = 0 WHERE host = old.host;
  END;
`;

/**
 * The frontier table's indexes, chosen so a claim and a finish touch as few as they can: `frontier_pick` holds
 * only queued URLs (the best URL of one host and source; claiming a URL drops its entry, finishing one touches
 * nothing), `frontier_waiting` only the few queued URLs held back to a later time, `frontier_revisit_due` only
 * URLs with a revisit or retry scheduled, `frontier_query_urls` only URLs with a query (what a parameter learned
 * for a host turns into aliases reads the host's instead of every row).
 */
const FRONTIER_INDEXES = `
  CREATE INDEX IF NOT EXISTS frontier_pick ON frontier (host, source, priority DESC, depth, id) WHERE state = 'queued';
  CREATE INDEX IF NOT EXISTS frontier_waiting ON frontier (next_fetch_at) WHERE state = 'queued' AND next_fetch_at > 0;
  CREATE INDEX IF NOT EXISTS frontier_revisit_due ON frontier (state, next_revisit_at) WHERE next_revisit_at IS NOT NULL;
  CREATE INDEX IF NOT EXISTS frontier_query_urls ON frontier (host) WHERE instr(url, '?') > 0;
`;

/** Query parameters learned per host not to change the page, and the evidence they were learned from. */
const PARAMS = `
  CREATE TABLE IF NOT EXISTS learned_params (
    host TEXT NOT NULL,
    param TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('ignorable', 'significant')),
    confirmations INTEGER NOT NULL,
    learned_at INTEGER NOT NULL,
    PRIMARY KEY (host, param)
  );
  CREATE TABLE IF NOT EXISTS param_pages (
    url TEXT PRIMARY KEY,
    host TEXT NOT NULL,
    canonical TEXT,
    content_hash TEXT NOT NULL,
    seen_at INTEGER NOT NULL
  );
  CREATE TABLE IF NOT EXISTS param_variants (
    base TEXT NOT NULL,
    param TEXT NOT NULL,
    url TEXT NOT NULL,
    host TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (base, param, url)
  );
  CREATE TABLE IF NOT EXISTS param_evidence (
    host TEXT NOT NULL,
    param TEXT NOT NULL,
    base TEXT NOT NULL,
    verdict TEXT NOT NULL CHECK (verdict IN ('same', 'different')),
    detail TEXT,
    seen_at INTEGER NOT NULL,
    PRIMARY KEY (host, param, base, verdict)
  );
  CREATE INDEX IF NOT EXISTS param_evidence_verdict ON param_evidence (host, param, verdict);
`;

/** Takedown rules: a normalized URL, a URL prefix, a hostname (with its subdomains) or a snapshot id. */
const EXCLUSIONS = `
  CREATE TABLE IF NOT EXISTS exclusions (
    kind TEXT NOT NULL CHECK (kind IN ('url', 'prefix', 'host', 'id')),
    value TEXT NOT NULL,
    reason TEXT NOT NULL,
    requester TEXT,
    created_at TEXT NOT NULL,
    PRIMARY KEY (kind, value)
  );
`;

/**
 * The snapshot index: one row per snapshot folder, enough for list/show/serve/takedown without reading files.
 * `url`, `final_url` and `canonical_url` are normalized; `hostname` has no port so host takedowns cover every port.
 * `url` is the article's identity (every version of one article shares it); `is_latest` marks the newest version
 * of each `url`. `snapshot_pending` holds folders being written or deleted, so a crash can be cleaned up on open.
 * `snapshot_migrations` records the named data migrations older snapcrawl ran (kept: step 4 reads it).
 */
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
  CREATE TABLE IF NOT EXISTS snapshot_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL);
`;

/** Crawl runs (a run that never finished is resumed under its own id) and the robots.txt cache per origin. */
const RUNS_AND_ROBOTS = `
  CREATE TABLE IF NOT EXISTS runs (
    id TEXT PRIMARY KEY, started_at TEXT NOT NULL, finished_at TEXT, status TEXT NOT NULL, summary TEXT);
  CREATE TABLE IF NOT EXISTS robots_cache (
    origin TEXT PRIMARY KEY,
    robots_url TEXT NOT NULL,
    fetched_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    status INTEGER,
    outcome TEXT NOT NULL CHECK (outcome IN ('rules', 'allow-all', 'disallow-all')),
    reason TEXT NOT NULL,
    body TEXT
  );
`;

/** Stored in site_search_meta: the layout and the terms (site/terms.ts) the rows were indexed with. */
export const SEARCH_INDEX_VERSION = '1';

/**
 * The site's full-text index of the latest snapshots (`site_search_docs`, the FTS5 table `site_search_fts`), in
 * `schema`: `main` in the store, or `temp` for a read-only connection (serve from a read-only store), which is why
 * this is a function of the schema. A change of the terms or the layout is a new migration that rebuilds them.
 */
export function searchTablesSql(schema: 'main' | 'temp'): string {
  return `
CREATE TABLE IF NOT EXISTS ${schema}.site_search_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS ${schema}.site_search_docs (
  docid INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL,
  body TEXT NOT NULL
);
CREATE VIRTUAL TABLE IF NOT EXISTS ${schema}.site_search_fts USING fts5(
  title, tags, body, content='', contentless_delete=1, tokenize='porter unicode61 remove_diacritics 2'
);
INSERT OR IGNORE INTO ${schema}.site_search_meta (key, value) VALUES ('version', '${SEARCH_INDEX_VERSION}');`;
}

function up(db: StoreDatabase): void {
  db.exec(FRONTIER + QUEUE_TABLES + QUEUE_TRIGGERS + FRONTIER_INDEXES + PARAMS + EXCLUSIONS + SNAPSHOTS + RUNS_AND_ROBOTS + searchTablesSql('main'));
}

export const baseline: Migration = { version: 1, name: 'baseline', up };
