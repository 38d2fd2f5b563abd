import type { Migration } from '../migrate.js';
import type { StoreDatabase } from '../../database.js';

/**
 * Version 10: `frontier_pick` carries `next_fetch_at` after its key (issue 14, CPU per claim at 1 M queued URLs).
 *
 * A claim's best URL of a host's group (frontier-queries.ts bestOfGroups) is the first index entry whose URL is due
 * (`next_fetch_at <= now`); with next_fetch_at only in the table, that test cost a descent of the frontier table per
 * claimed URL before the row itself was read by id (a second descent). With it in the index the pick reads the index
 * alone (a covering index), and so does a group's exact due time and count when a claim corrects it (claims.ts
 * correct). Trailing after `id` (unique), so the order and the search are the index's as before. Entries grow by a
 * few bytes and no write is added: a queued URL's next_fetch_at only changes along with its state or its depth
 * (claim, retry, requeue, reseed), which rewrote the entry anyway.
 * Rebuilt in the step's transaction: ~2.4 s on a store of 1 M URLs (most of them queued), instant on a new one.
 */
function up(db: StoreDatabase): void {
  db.exec(`
    DROP INDEX IF EXISTS frontier_pick;
    CREATE INDEX frontier_pick ON frontier (host, source, priority DESC, depth, id, next_fetch_at) WHERE state = 'queued';
  `);
}

export const coveringPick: Migration = { version: 10, name: 'covering-pick', up };
