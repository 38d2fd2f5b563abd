import type { Migration } from '../migrate.js';
import type { StoreDatabase } from '../../database.js';
import { EMPTY_DUE_AT } from './001-baseline.js';

/**
 * Version 9: a claim keeps the queue summary itself (issue 14, claims per CPU-second at 1 M queued URLs).
 *
 * Before, claiming a URL fired `frontier_queue_update` (its group's count and its source's, one URL at a time) and
 * upserted the host's `hosts.next_allowed_at`, whose trigger copied it to every group of the host: the group row
 * was rewritten twice per URL, moving its `frontier_queue_ready` entry each time, and the source's row once per URL.
 * Now the claim (Frontier.claim, frontier-queries.ts claimGroup / claimSource) does it in one update of the host's
 * groups per URL (count, spacing) and one update per source per claim, and the triggers leave that one transition
 * alone:
 * - `frontier_queue_update` does not fire for queued → in_flight, which only a claim writes. Every other change of a
 *   queued row (finish, alias, requeue, reclaim, retry, moving host or source) keeps the summary as before.
 * - The host's next allowed time lives in its groups (`frontier_queue.allowed_at`, the copy the claim reads); a claim
 *   no longer writes `hosts`. So a new group of a host takes the later of `hosts.next_allowed_at` and its other
 *   groups' allowed_at, and a write to `hosts` (deferHost: robots.txt Crawl-delay) only moves groups later: both
 *   never earlier than what the claims booked.
 * Nothing to recompute: the counters and times on disk are what the old triggers left, which this keeps.
 */
const ENTER = `
    INSERT INTO frontier_queue (host, source, queued, due_at, allowed_at)
      SELECT new.host, new.source, 1, new.next_fetch_at,
        max(coalesce((SELECT next_allowed_at FROM hosts WHERE host = new.host), 0),
            coalesce((SELECT max(allowed_at) FROM frontier_queue WHERE host = new.host), 0))
      WHERE new.state = 'queued'
      ON CONFLICT (host, source) DO UPDATE SET queued = queued + 1,
        due_at = CASE WHEN queued = 0 THEN excluded.due_at ELSE min(due_at, excluded.due_at) END;
    INSERT INTO frontier_sources (source, queued, parked_queued)
      SELECT new.source, 1, coalesce((SELECT parked & 1 FROM frontier_queue WHERE host = new.host AND source = new.source), 0)
      WHERE new.state = 'queued'
      ON CONFLICT (source) DO UPDATE SET queued = queued + 1, parked_queued = parked_queued + excluded.parked_queued;`;

const LEAVE = `
    UPDATE frontier_sources SET queued = queued - 1,
        parked_queued = parked_queued - coalesce((SELECT parked & 1 FROM frontier_queue WHERE host = old.host AND source = old.source), 0)
      WHERE old.state = 'queued' AND source = old.source;
    UPDATE frontier_queue SET queued = queued - 1, due_at = CASE WHEN queued <= 1 THEN ${EMPTY_DUE_AT} ELSE due_at END
      WHERE old.state = 'queued' AND host = old.host AND source = old.source;`;

const TRIGGERS = `
  DROP TRIGGER IF EXISTS frontier_queue_insert;
  DROP TRIGGER IF EXISTS frontier_queue_update;
  DROP TRIGGER IF EXISTS hosts_queue_insert;
  DROP TRIGGER IF EXISTS hosts_queue_update;
  CREATE TRIGGER frontier_queue_insert AFTER INSERT ON frontier WHEN new.state = 'queued' BEGIN ${ENTER}
  END;
  CREATE TRIGGER frontier_queue_update AFTER UPDATE OF state, host, source, next_fetch_at ON frontier
    WHEN (old.state = 'queued' OR new.state = 'queued') AND NOT (old.state = 'queued' AND new.state = 'in_flight') BEGIN ${LEAVE} ${ENTER}
  END;
  CREATE TRIGGER hosts_queue_insert AFTER INSERT ON hosts BEGIN
    UPDATE frontier_queue SET allowed_at = new.next_allowed_at WHERE host = new.host AND allowed_at < new.next_allowed_at;
  END;
  CREATE TRIGGER hosts_queue_update AFTER UPDATE OF next_allowed_at ON hosts BEGIN
    UPDATE frontier_queue SET allowed_at = new.next_allowed_at WHERE host = new.host AND allowed_at < new.next_allowed_at;
  END;
`;

/**
 * The ready groups by when they may next give a URL, indexed on the expression instead of the stored `ready_at`:
 * SQLite reads a generated column from the table, never from an index, so every candidate a claim read through
 * `frontier_queue_ready` cost a look-up of its group's row; this index covers those reads.
 */
const READY_INDEX = `
  CREATE INDEX IF NOT EXISTS frontier_queue_due ON frontier_queue (parked, max(due_at, allowed_at));
  DROP INDEX IF EXISTS frontier_queue_ready;
`;

function up(db: StoreDatabase): void {
  db.exec(TRIGGERS + READY_INDEX);
}

export const claimKeepsSummary: Migration = { version: 9, name: 'claim-keeps-summary', up };
