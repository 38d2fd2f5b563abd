import type { SnapshotSummary } from './types.js';
import type { SnapshotRow } from '../storage/sqlite/snapshot-queries.js';
import { migrateStore, type StoreDatabase } from '../storage/index.js';

/**
 * The snapshot index lives in the store database; its tables are defined in the store's migrations
 * (src/storage/sqlite/migrations/) and its SQL in src/storage/sqlite/snapshot-queries.ts. This module maps its rows
 * to the snapshot layer's types.
 */
export { SnapshotIndex, type PendingRow, type SnapshotMatch, type SnapshotRow } from '../storage/sqlite/snapshot-queries.js';

/**
 * Brings a handle opened some other way up to date (the migrations; a no-op on a store at the newest version).
 * Kept for callers of the name from before the migrations.
 */
export function ensureSnapshotTables(db: StoreDatabase): void {
  migrateStore(db);
}

export function rowToSummary(row: SnapshotRow): SnapshotSummary {
  return {
    id: row.id,
    url: row.url,
    host: row.host,
    fetchedAt: row.fetched_at,
    title: row.title,
    publishedAt: row.published_at,
    category: row.category,
    source: row.source,
    dir: row.dir,
    previousId: row.previous_id,
    contentHash: row.content_hash,
  };
}
