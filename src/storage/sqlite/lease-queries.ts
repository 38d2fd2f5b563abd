/**
 * The shared-frontier SQL of SqliteFrontierStore: its statements on the store's lease_* tables (migration 005) and
 * its takedown check on `exclusions`, prepared once per connection, and the rows they return.
 */
import type { Statement } from 'better-sqlite3';
import type { StoreDatabase } from '../database.js';
import type { QueuedKind } from '../interfaces.js';

export interface ReadyHost {
  host: string;
  next_allowed_at: number;
  in_flight: number;
}

export interface QueueRow {
  url: string; request_url: string; host: string; source: string; depth: number; kind: QueuedKind;
  attempts: number; discovered_from: string | null; priority: number; id: number;
}

/** Hostname and its parent domains of an http(s) URL (`a.b.c` → a.b.c, b.c, c); null when not http(s). */
export function hostSuffixes(url: string): string[] | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  const labels = parsed.hostname.toLowerCase().replace(/\.+$/, '').split('.');
  return labels.map((_, i) => labels.slice(i).join('.'));
}

/** Every statement SqliteFrontierStore runs, by name. */
export function leaseStatements(db: StoreDatabase): Record<string, Statement> {
  const q = (sql: string) => db.prepare(sql);
  return {
    insert: q(`INSERT INTO lease_queue (url, request_url, host, source, depth, kind, priority, discovered_from, due_at)
      VALUES (@url, @requestUrl, @host, @source, @depth, @kind, @priority, @discoveredFrom, @dueAt) ON CONFLICT(url) DO NOTHING`),
    // `LIMIT @n + 0`: a bare bound LIMIT makes SQLite re-prepare the statement on every call (frontier-queries.ts `first`).
    readyHosts: q(`SELECT host, next_allowed_at, in_flight FROM lease_hosts INDEXED BY lease_hosts_ready
      WHERE queued > 0 AND next_allowed_at <= @now AND (next_allowed_at, host) > (@at, @host) ORDER BY next_allowed_at, host LIMIT @n + 0`),
    sources: q(`SELECT source FROM lease_groups WHERE host = ? AND queued > 0`).pluck(),
    best: q(`SELECT url, request_url, host, source, depth, kind, attempts, discovered_from, priority, id FROM lease_queue INDEXED BY lease_queue_pick
      WHERE state = 'queued' AND host = @host AND source = @source AND due_at <= @now ORDER BY priority DESC, depth, id LIMIT 1`),
    skip: q(`UPDATE lease_queue SET state = 'skipped', outcome = 'excluded' WHERE url = ?`),
    insertHandled: q(`INSERT INTO lease_queue (url, request_url, host, source, depth, kind, priority, discovered_from, state, outcome, fetched_at)
      VALUES (@url, @requestUrl, @host, @source, @depth, @kind, @priority, @discoveredFrom, 'done', @outcome, @now) ON CONFLICT(url) DO NOTHING`),
    markHandled: q(`UPDATE lease_queue SET state = 'done', outcome = @outcome, fetched_at = @now WHERE url = @url AND state = 'queued'`),
    // The fetch a handled URL takes as its own (a variant's, stored as this canonical article), as finish records it.
    adopt: q(`UPDATE lease_queue SET http_status = @status, snapshot_id = coalesce(@snapshotId, snapshot_id), etag = coalesce(@etag, etag),
      last_modified = coalesce(@lastModified, last_modified), next_revisit_at = @nextRevisitAt, fetch_count = fetch_count + 1 WHERE url = @url`),
    lease: q(`UPDATE lease_queue SET state = 'in_flight', attempts = attempts + 1, worker = @worker, expires_at = @expiresAt WHERE url = @url`),
    book: q(`UPDATE lease_hosts SET next_allowed_at = max(next_allowed_at, @at) WHERE host = @host`),
    // A host no URL of the queue is on yet (an image host) gets a row: its spacing holds for later claims too.
    hostNext: q(`INSERT INTO lease_hosts (host) VALUES (?) ON CONFLICT(host) DO UPDATE SET host = host RETURNING next_allowed_at`).pluck(),
    requeueDue: q(`UPDATE lease_queue SET state = 'queued', due_at = 0, attempts = CASE WHEN state = 'done' THEN 0 ELSE attempts END
      WHERE state IN ('done', 'failed') AND next_revisit_at <= @now AND source IN (SELECT value FROM json_each(@sources))`),
    finish: q(`UPDATE lease_queue SET state = @state, outcome = @outcome, http_status = @status, last_error = @error, fetched_at = @now,
      snapshot_id = coalesce(@snapshotId, snapshot_id), etag = coalesce(@etag, etag), last_modified = coalesce(@lastModified, last_modified),
      next_revisit_at = @nextRevisitAt, fetch_count = fetch_count + (@state = 'done'), worker = NULL, expires_at = NULL
      WHERE url = @url AND state = 'in_flight' AND worker = @worker`),
    retry: q(`UPDATE lease_queue SET state = 'queued', due_at = @at, last_error = @error, worker = NULL, expires_at = NULL
      WHERE url = @url AND state = 'in_flight' AND worker = @worker`),
    reclaim: q(`UPDATE lease_queue SET state = 'queued', due_at = 0, worker = NULL, expires_at = NULL WHERE state = 'in_flight' AND expires_at <= ?`),
    renew: q(`UPDATE lease_queue SET expires_at = @expiresAt WHERE url = @url AND state = 'in_flight' AND worker = @worker`),
    requeue: q(`UPDATE lease_queue SET state = 'queued', due_at = @notBefore, attempts = CASE WHEN state = 'done' THEN 0 ELSE attempts END
      WHERE url = @url AND state IN ('done', 'failed')`),
    nextDue: q(`SELECT min(max(h.next_allowed_at, (SELECT min(due_at) FROM lease_queue q INDEXED BY lease_queue_due
      WHERE q.state = 'queued' AND q.host = h.host))) AS at FROM lease_hosts h WHERE h.queued > 0`),
    live: q(`SELECT count(*) AS n FROM lease_queue WHERE state = 'in_flight' AND expires_at > ?`),
    counts: q(`SELECT state, count(*) AS n FROM lease_queue GROUP BY state`),
    validators: q(`SELECT etag, last_modified, snapshot_id, fetch_count FROM lease_queue WHERE url = ?`),
    has: q(`SELECT 1 FROM lease_queue WHERE url = ?`),
    increment: q(`INSERT INTO lease_counters (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = value + excluded.value RETURNING value`),
    counter: q(`SELECT value FROM lease_counters WHERE key = ?`),
    setSize: q(`SELECT count(*) FROM lease_sets WHERE key = ?`).pluck(),
    setAll: q(`SELECT member FROM lease_sets WHERE key = ?`).pluck(),
    setHas: q(`SELECT member FROM lease_sets WHERE key = @key AND member IN (SELECT value FROM json_each(@members))`).pluck(),
    setAdd: q(`INSERT OR IGNORE INTO lease_sets (key, member) VALUES (?, ?)`),
    from: q(`SELECT discovered_from FROM lease_queue WHERE url = ?`).pluck(),
    signal: q(`SELECT state, source, kind, site_modified, last_modified, fetched_at, next_revisit_at FROM lease_queue WHERE url = ?`),
    setSignal: q(`UPDATE lease_queue SET site_modified = @modified WHERE url = @url`),
    robots: q(`SELECT body FROM lease_robots WHERE origin = ? AND expires_at > ?`),
    putRobots: q(`INSERT INTO lease_robots (origin, body, expires_at) VALUES (?, ?, ?)
      ON CONFLICT(origin) DO UPDATE SET body = excluded.body, expires_at = excluded.expires_at`),
    // Takedown rules are the store's own `exclusions` (what `snapcrawl takedown` writes), so a takedown on the
    // store reaches every worker on it at the next check. Its reason is NOT NULL: none is stored as ''.
    addExclusion: q(`INSERT OR IGNORE INTO exclusions (kind, value, reason, requester, created_at) VALUES (?, ?, ?, NULL, ?)`),
    removeExclusion: q(`DELETE FROM exclusions WHERE kind = ? AND value = ?`),
    listExclusions: q(`SELECT kind, value, reason, created_at FROM exclusions ORDER BY created_at, kind, value`),
    excluded: q(`SELECT 1 FROM exclusions WHERE (kind = 'url' AND value = @url)
      OR (kind = 'host' AND value IN (SELECT value FROM json_each(@hosts)))
      OR (kind = 'prefix' AND substr(@url, 1, length(value)) = value) LIMIT 1`),
    expireOnce: q(`DELETE FROM lease_once WHERE key = ? AND expires_at <= ?`),
    claimOnce: q(`INSERT OR IGNORE INTO lease_once (key, worker, expires_at) VALUES (?, ?, ?)`),
    tallyAdd: q(`INSERT INTO lease_tallies (key, field, value) VALUES (?, ?, ?)
      ON CONFLICT(key, field) DO UPDATE SET value = CAST(CAST(value AS INTEGER) + CAST(excluded.value AS INTEGER) AS TEXT)`),
    tallyOnce: q(`INSERT OR IGNORE INTO lease_tallies (key, field, value) VALUES (?, ?, ?)`),
    tallyRead: q(`SELECT field, value FROM lease_tallies WHERE key = ?`),
    tallyDrop: q(`DELETE FROM lease_tallies WHERE key = ?`),
  };
}
