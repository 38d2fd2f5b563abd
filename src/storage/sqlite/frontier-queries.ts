/**
 * The frontier's SQL (tables: migrations/001-baseline.ts): prepared-statement factories the frontier modules call
 * once per connection and keep, so the claim/finish hot path never re-prepares. Rows come back as the frontier
 * table's columns; src/frontier maps them to its own types.
 */
import type { StoreDatabase, StoreStatement } from '../database.js';
import { EMPTY_DUE_AT } from './migrations/index.js';

/** due_at of a queue-summary group with nothing queued (see 001-baseline.ts). */
export const EMPTY = EMPTY_DUE_AT;
/** When a queue-summary group may next give a URL: frontier_queue.ready_at, as frontier_queue_due indexes it. */
const READY = 'max(due_at, allowed_at)';

/** `frontier_queue.parked` bits: the host's page budget is spent (bit 1, drives parked_queued) or the source's. */
export const HOST_SPENT = 1;
export const SOURCE_SPENT = 2;

type Statements<K extends string> = Record<K, StoreStatement>;

/** URLs with a revisit (done) or retry (failed) scheduled: what requeueDue picks up once their time comes. */
const WAITING_FOR_REVISIT = `state IN ('done', 'failed') AND next_revisit_at IS NOT NULL`;

/** How many scheduled revisits/retries are due at `now`, and when the next one is. */
export function revisitScheduleRows(db: StoreDatabase, now: number): { due: number; nextAt: number | null } {
  const due = db.prepare(`SELECT count(*) AS n FROM frontier WHERE ${WAITING_FOR_REVISIT} AND next_revisit_at<=?`).get(now) as { n: number };
  const next = db.prepare(`SELECT min(next_revisit_at) AS at FROM frontier WHERE ${WAITING_FOR_REVISIT} AND next_revisit_at>?`).get(now) as { at: number | null };
  return { due: due.n, nextAt: next.at };
}

/** URL counts per source and state (`snapcrawl status`). */
export function frontierCountsBySourceState(db: StoreDatabase): { source: string; state: string; count: number }[] {
  return db.prepare(`SELECT source, state, count(*) AS count FROM frontier GROUP BY source, state ORDER BY source, state`).all() as {
    source: string;
    state: string;
    count: number;
  }[];
}

/**
 * What finishing a URL's fetch writes (the WHERE is the caller's: the row's key is the last parameter). Positional:
 * state, outcome, status, error, fetched at, snapshot id, etag, last modified, next revisit at, revisited (0/1), then
 * the row's key and the lease holder: only the worker that holds the URL's lease finishes it, so a late finish from a
 * stalled run (its lease expired and another run re-claimed the URL) changes nothing.
 * better-sqlite3 binds a named parameter by a property read through V8's API: ~1 µs more per finish for these 11.
 */
const FINISH = `UPDATE frontier SET state=?, outcome=?, http_status=?, last_error=?,
      fetched_at=?, snapshot_id=coalesce(?, snapshot_id), etag=coalesce(?, etag),
      last_modified=coalesce(?, last_modified), next_revisit_at=?,
      revisit_count=revisit_count + ?, lease_worker=NULL, lease_expires_at=NULL`;

export type FrontierStatementName =
  | 'insert' | 'fillRequestUrl' | 'requeueSeed' | 'markRun' | 'setInFlight' | 'claimGroup' | 'claimSource' | 'setHostNext' | 'finish' | 'finishById' | 'requeueDue'
  | 'validators' | 'retryLater' | 'reclaim' | 'leaseHolders' | 'renewById' | 'countState' | 'get' | 'exists' | 'discoveredFrom' | 'markAlias'
  | 'finishVariant' | 'adoptFetch' | 'adoptSnapshot' | 'repointAliases';

/** The Frontier's per-URL statements (frontier.ts). */
export function frontierStatements(db: StoreDatabase): Statements<FrontierStatementName> {
  return {
    insert: db.prepare(`INSERT INTO frontier (url, request_url, host, source, depth, kind, priority, discovered_from, discovered_at, run_id)
      VALUES (@url, @requestUrl, @host, @source, @depth, @kind, @priority, @discoveredFrom, @now, @runId) ON CONFLICT(url) DO NOTHING`),
    // First discovery wins; a row from before request_url existed takes the first one seen now.
    fillRequestUrl: db.prepare(`UPDATE frontier SET request_url=@requestUrl WHERE url=@url AND request_url IS NULL`),
    requeueSeed: db.prepare(`UPDATE frontier SET state='queued', depth=0, kind=@kind, priority=max(priority, @priority), next_fetch_at=0, attempts=0, source=@source
      WHERE url=@url AND state NOT IN ('in_flight') AND (run_id IS NOT @runId OR state='queued')`),
    markRun: db.prepare(`UPDATE frontier SET run_id=@runId WHERE url=@url`),
    // The claim's lease: who works on the URL and until when (renewed while it does; see 007-embedded-leases.ts).
    // Positional (run id, worker, expiry, row id): once per claimed URL, like FINISH.
    setInFlight: db.prepare(`UPDATE frontier SET state='in_flight', attempts=attempts+1, run_id=?,
      lease_worker=?, lease_expires_at=? WHERE id=?`),
    // The claim's side of the queue summary (migration 009: the trigger leaves queued → in_flight to the claim). The
    // claimed URL leaves its group, and every group of the host waits until @at, in one update of the host's groups;
    // its source's count drops once per claim by the URLs it took there (claimed groups are never parked).
    // Positional, once per claimed URL: (source, source, at, host) and (n, source).
    claimGroup: db.prepare(`UPDATE frontier_queue SET queued = queued - (source = ?),
      due_at = CASE WHEN source = ? AND queued <= 1 THEN ${EMPTY} ELSE due_at END, allowed_at = max(allowed_at, ?) WHERE host = ?`),
    claimSource: db.prepare(`UPDATE frontier_sources SET queued = queued - ? WHERE source = ?`),
    setHostNext: db.prepare(`INSERT INTO hosts (host, next_allowed_at) VALUES (@host, @at)
      ON CONFLICT(host) DO UPDATE SET next_allowed_at=max(next_allowed_at, @at)`),
    finish: db.prepare(`${FINISH} WHERE url=? AND lease_worker=?`),
    // The same by the row's id, when the claim that handed the URL out is remembered: no descent of the url index.
    finishById: db.prepare(`${FINISH} WHERE id=? AND lease_worker=?`),
    // Failed URLs come back too (on their backoff); they keep their attempt count so a URL that
    // keeps failing is eventually given up.
    requeueDue: db.prepare(`UPDATE frontier SET state='queued', next_fetch_at=0,
      attempts=CASE WHEN state='done' THEN 0 ELSE attempts END
      WHERE ${WAITING_FOR_REVISIT} AND next_revisit_at<=@now
        AND source IN (SELECT value FROM json_each(@sources))`),
    validators: db.prepare(`SELECT etag, last_modified, revisit_count, snapshot_id, fetched_at, state, lease_worker FROM frontier WHERE url=?`),
    retryLater: db.prepare(`UPDATE frontier SET state='queued', next_fetch_at=@at, last_error=@error,
      attempts=max(0, attempts - @refund), lease_worker=NULL, lease_expires_at=NULL WHERE url=@url AND state='in_flight' AND lease_worker=@worker`),
    // In-flight rows whose lease expired, has none (a store from before leases), or whose holder is known gone.
    reclaim: db.prepare(`UPDATE frontier SET state='queued', lease_worker=NULL, lease_expires_at=NULL WHERE state='in_flight'
      AND (lease_expires_at IS NULL OR lease_expires_at<=@now OR lease_worker IN (SELECT value FROM json_each(@gone)))`),
    leaseHolders: db.prepare(`SELECT DISTINCT lease_worker AS worker FROM frontier WHERE state='in_flight' AND lease_worker IS NOT NULL`),
    renewById: db.prepare(`UPDATE frontier SET lease_expires_at=@expiresAt WHERE id=@id AND state='in_flight' AND lease_worker=@worker`),
    countState: db.prepare(`SELECT state, count(*) AS n FROM frontier GROUP BY state`),
    get: db.prepare(`SELECT * FROM frontier WHERE url=?`),
    exists: db.prepare(`SELECT request_url IS NOT NULL AS filled FROM frontier WHERE url=?`),
    discoveredFrom: db.prepare(`SELECT discovered_from FROM frontier WHERE url=?`),
    // A redirect's final URL, found by the page, not claimed: no lease to check, only a queued row changes (never
    // one in flight under anyone's lease).
    markAlias: db.prepare(`UPDATE frontier SET state='done', outcome=@outcome, run_id=@runId WHERE url=@url AND state='queued'`),
    // The variant handed its page to the article's own URL: done for good, never revisited under its name. Like FINISH
    // and retryLater, only while @worker holds it: a stalled run's late write leaves another run's re-claim alone.
    finishVariant: db.prepare(`UPDATE frontier SET state='done', outcome=@outcome, http_status=@status, last_error=NULL, fetched_at=@fetchedAt,
      snapshot_id=coalesce(@snapshotId, snapshot_id), alias_of=@target, next_revisit_at=NULL, lease_worker=NULL, lease_expires_at=NULL
      WHERE url=@url AND state='in_flight' AND lease_worker=@worker`),
    // The article's own URL takes the fetch as its own when nothing else is under way for it (queued, or new):
    // it is not fetched again this run, and it carries the revisits.
    adoptFetch: db.prepare(`UPDATE frontier SET state='done', outcome=@outcome, http_status=@status, fetched_at=@fetchedAt,
      snapshot_id=coalesce(@snapshotId, snapshot_id), etag=coalesce(@etag, etag), last_modified=coalesce(@lastModified, last_modified),
      next_revisit_at=@nextRevisitAt, run_id=@runId WHERE url=@url AND (state='queued' OR (state='done' AND fetched_at IS NULL))`),
    adoptSnapshot: db.prepare(`UPDATE frontier SET snapshot_id=@snapshotId WHERE url=@url AND state='done'`),
    repointAliases: db.prepare(`UPDATE frontier SET alias_of=@target WHERE alias_of=@from`),
  };
}

/** Frontier.noteSiteModified's statements: read a URL's signals, store the newest, requeue a changed page. */
export function siteModifiedStatements(db: StoreDatabase): Statements<'read' | 'store' | 'requeue'> {
  return {
    read: db.prepare(`SELECT url, source, kind, state, site_modified, last_modified, fetched_at, next_revisit_at, run_id FROM frontier WHERE url=?`),
    store: db.prepare(`UPDATE frontier SET site_modified=@modified WHERE url=@url`),
    requeue: db.prepare(`UPDATE frontier SET state='queued', next_fetch_at=0, attempts=CASE WHEN state='done' THEN 0 ELSE attempts END
      WHERE url=@url AND state IN ('done', 'failed')`),
  };
}

export type ClaimStatementName =
  | 'queuedSources' | 'counts' | 'first' | 'nextTied' | 'nextLater' | 'bestOfGroups' | 'firstReady' | 'exact' | 'group' | 'setGroup'
  | 'fixSource' | 'waiting';

/**
 * The frontier columns a claim hands out (entry.ts FrontierRow), in the order of bestOfGroups' raw rows after the
 * group's source: claims.ts reads them by position.
 */
const CLAIMED_COLUMNS = [
  'id', 'url', 'request_url', 'host', 'source', 'depth', 'kind', 'state', 'priority', 'attempts', 'next_fetch_at',
  'discovered_from', 'run_id', 'next_revisit_at',
] as const;

/** The claim side's statements over the queue summary (claims.ts). */
export function claimStatements(db: StoreDatabase): Statements<ClaimStatementName> {
  return {
    queuedSources: db.prepare(`SELECT source FROM frontier_sources WHERE queued > 0 ORDER BY source`),
    counts: db.prepare(`SELECT source, queued - parked_queued AS n FROM frontier_sources WHERE queued > parked_queued`),
    // Through frontier_queue_due (migration 009), an index on the expression rather than the stored ready_at: SQLite
    // never reads a generated column from an index, so an index on ready_at cost a look-up of the group's row per
    // candidate; the expression index covers these reads.
    // Raw rows and positional parameters on the claim path (now, n here): better-sqlite3 builds an object row with a
    // property store through V8's API per column and binds a named parameter by a property read; a claim reads a
    // page of ~20 candidates (bench-frontier.ts, sixth pass). `LIMIT ? + 0`, not `LIMIT ?`: SQLite's planner reads a
    // bare bound LIMIT and marks the statement to be re-prepared whenever that parameter is bound again, so every
    // call parsed and planned the query anew (~20 µs, more than the read itself); an expression it leaves alone.
    first: db.prepare(`SELECT host, source, ${READY} AS ready_at FROM frontier_queue INDEXED BY frontier_queue_due
      WHERE parked = 0 AND ${READY} <= ? ORDER BY ${READY}, host, source LIMIT ? + 0`).raw(),
    // The page after (at, host, source), in two reads: SQLite ranges a row value over plain columns only, so the
    // groups tied with the last one at `at` come first (a range on the index's host, source), then the later ones.
    // (at, host, source, n) and (at, now, n).
    nextTied: db.prepare(`SELECT host, source, ${READY} AS ready_at FROM frontier_queue INDEXED BY frontier_queue_due
      WHERE parked = 0 AND ${READY} = ? AND (host, source) > (?, ?) ORDER BY host, source LIMIT ? + 0`).raw(),
    nextLater: db.prepare(`SELECT host, source, ${READY} AS ready_at FROM frontier_queue INDEXED BY frontier_queue_due
      WHERE parked = 0 AND ${READY} > ? AND ${READY} <= ? ORDER BY ${READY}, host, source LIMIT ? + 0`).raw(),
    // The host's ready groups, each with its best due URL (columns NULL when the group has none due: its due time
    // was stale), in one statement: one step per claimed URL instead of one for the groups and one per group. The
    // unary + keeps SQLite on the primary key (host) rather than the ready index, a range over every ready group.
    // Only the columns a claimed entry needs: a row of all 27 columns comes out of better-sqlite3 as a dictionary-mode
    // V8 object (%HasFastProperties false; 15 columns stay fast), and building it was ~11% of a claim's CPU at 1 M URLs.
    // Raw (arrays): an object row costs a property store through V8's API per column; claims.ts builds the one it keeps.
    // Positional: (now, host, now).
    bestOfGroups: db.prepare(`SELECT q.source, ${CLAIMED_COLUMNS.map((c) => `f.${c}`).join(', ')} FROM frontier_queue q
      LEFT JOIN frontier f ON f.id = (SELECT id FROM frontier INDEXED BY frontier_pick WHERE state = 'queued' AND host = q.host
        AND source = q.source AND next_fetch_at <= ? ORDER BY priority DESC, depth, id LIMIT 1)
      WHERE q.host = ? AND q.queued > 0 AND +q.parked = 0 AND +q.ready_at <= ?`).raw(),
    firstReady: db.prepare(`SELECT ${READY} AS ready_at FROM frontier_queue INDEXED BY frontier_queue_due WHERE parked = 0 ORDER BY ${READY} LIMIT 1`),
    exact: db.prepare(`SELECT count(*) AS n, min(next_fetch_at) AS at FROM frontier INDEXED BY frontier_pick
      WHERE state = 'queued' AND host = @host AND source = @source`),
    group: db.prepare(`SELECT queued, parked FROM frontier_queue WHERE host = @host AND source = @source`),
    setGroup: db.prepare(`UPDATE frontier_queue SET queued = @n, due_at = @at WHERE host = @host AND source = @source`),
    fixSource: db.prepare(`UPDATE frontier_sources SET queued = queued + @delta, parked_queued = parked_queued + @parkedDelta WHERE source = @source`),
    waiting: db.prepare(`SELECT host, source FROM frontier INDEXED BY frontier_waiting
      WHERE state = 'queued' AND next_fetch_at > 0 AND next_fetch_at > ?`),
  };
}

/** Setting and clearing the summary's parked bits (parking.ts). */
export function parkingStatements(db: StoreDatabase): Statements<'parkHost' | 'unparkHost' | 'parkSource' | 'unparkSource' | 'unparkAll'> {
  return {
    parkHost: db.prepare(`UPDATE frontier_queue SET parked = parked | ${HOST_SPENT} WHERE host = ? AND parked & ${HOST_SPENT} = 0`),
    unparkHost: db.prepare(`UPDATE frontier_queue SET parked = parked & ~${HOST_SPENT} WHERE host = ? AND parked & ${HOST_SPENT} != 0`),
    // A scan of the summary (one row per host and source), once per budget spent: no index on source to keep up.
    parkSource: db.prepare(`UPDATE frontier_queue SET parked = parked | ${SOURCE_SPENT} WHERE source = ? AND parked & ${SOURCE_SPENT} = 0`),
    unparkSource: db.prepare(`UPDATE frontier_queue SET parked = parked & ~${SOURCE_SPENT} WHERE source = ? AND parked & ${SOURCE_SPENT} != 0`),
    unparkAll: db.prepare(`UPDATE frontier_queue SET parked = 0 WHERE parked != 0`),
  };
}

/**
 * What a parameter learned for a host turns into aliases (paramLearning.ts): `candidates` reads the host's rows
 * with a query through frontier_query_urls, not the table; `insert` queues the stripped URL; `alias` and
 * `repoint` make the row (and its own aliases) point at it.
 */
export function aliasStatements(db: StoreDatabase): Statements<'candidates' | 'insert' | 'alias' | 'repoint'> {
  return {
    candidates: db.prepare(`SELECT id, url, request_url, host, source, depth, kind, state, priority, discovered_from, next_revisit_at FROM frontier
      WHERE host = ? AND state != 'in_flight' AND alias_of IS NULL AND instr(url, '?') > 0`),
    insert: db.prepare(`INSERT INTO frontier (url, request_url, host, source, depth, kind, priority, discovered_from, discovered_at, run_id, state, next_revisit_at)
      VALUES (@url, @requestUrl, @host, @source, @depth, @kind, @priority, @discoveredFrom, @now, NULL, @state, @nextRevisitAt) ON CONFLICT(url) DO NOTHING`),
    alias: db.prepare(`UPDATE frontier SET alias_of=@target, next_revisit_at=NULL,
      state=CASE WHEN state='queued' THEN 'done' ELSE state END,
      outcome=CASE WHEN state='queued' THEN 'alias-of:' || @target ELSE outcome END WHERE id=@id`),
    // Aliases of this row (a `?from=list&pos=1` that became an alias of `?pos=1`) point at the final URL.
    repoint: db.prepare(`UPDATE frontier SET alias_of=@target WHERE alias_of=@from`),
  };
}

/** `snapcrawl verify`'s frontier side: requeue a URL whose snapshot is gone, and find such URLs. */
export function frontierRepairStatements(db: StoreDatabase): Statements<'requeueLost' | 'dangling'> {
  return {
    requeueLost: db.prepare(`UPDATE frontier SET state='queued', next_fetch_at=0, attempts=0, snapshot_id=NULL,
      etag=NULL, last_modified=NULL, lease_worker=NULL, lease_expires_at=NULL WHERE url=?`),
    dangling: db.prepare(`SELECT url, snapshot_id FROM frontier WHERE outcome LIKE 'snapshot-%' AND snapshot_id IS NOT NULL
      AND snapshot_id NOT IN (SELECT id FROM snapshots) AND url NOT IN (SELECT url FROM snapshots)`),
  };
}
