import type { Migration } from '../migrate.js';
import type { StoreDatabase } from '../../database.js';

/**
 * Version 3: the queue summary's counters recomputed from the frontier rows, for stores from before the summary
 * (whose baseline step just created it empty), and the frontier indexes it replaced dropped (`frontier_claim`,
 * `frontier_revisit`: they indexed every URL by state, so each claim and each finish moved an entry in both).
 * Recomputing is right for any store: the counters are a function of the rows, and the `parked` flags are one
 * run's state that the next claim sets again (parking.ts). One pass over the queued rows, once per store.
 */
const REBUILD = `
  DELETE FROM frontier_queue;
  DELETE FROM frontier_sources;
  INSERT INTO frontier_queue (host, source, queued, due_at, allowed_at)
    SELECT f.host, f.source, count(*), min(f.next_fetch_at), coalesce(h.next_allowed_at, 0)
    FROM frontier f LEFT JOIN hosts h ON h.host = f.host WHERE f.state = 'queued' GROUP BY f.host, f.source;
  INSERT INTO frontier_sources (source, queued) SELECT source, sum(queued) FROM frontier_queue GROUP BY source;
  DROP INDEX IF EXISTS frontier_claim;
  DROP INDEX IF EXISTS frontier_revisit;
`;

function up(db: StoreDatabase): void {
  db.exec(REBUILD);
}

export const queueSummary: Migration = { version: 3, name: 'queue-summary', up };
