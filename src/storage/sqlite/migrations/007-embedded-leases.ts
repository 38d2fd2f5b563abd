import type { Migration } from '../migrate.js';
import type { StoreDatabase } from '../../database.js';

/**
 * Version 7: leases in the embedded (single-process) frontier and for half-written snapshots, so that what a run
 * holds is named by its worker id (`host:pid:random`) and an expiry, not by a pid:
 * - `frontier.lease_worker`, `frontier.lease_expires_at`: who holds an in-flight URL and until when (renewed while
 *   the page is worked on). A run reclaims only in-flight rows whose lease expired or whose holder is gone.
 *   NULL on rows from before this step: an in-flight row without a lease is a dead run's, reclaimed at once.
 * - `frontier_leases`: the in-flight rows by expiry, partial, so reclaiming reads only them.
 * - `store_owners`: each open writable SnapshotStore's lease; `snapshot_pending.owner` names one. A pending write
 *   whose owner's lease expired (or whose process on this machine is gone) is debris, swept on the next open.
 */
function up(db: StoreDatabase): void {
  const have = new Set((db.prepare(`PRAGMA table_info(frontier)`).all() as { name: string }[]).map((c) => c.name));
  if (!have.has('lease_worker')) db.exec(`ALTER TABLE frontier ADD COLUMN lease_worker TEXT`);
  if (!have.has('lease_expires_at')) db.exec(`ALTER TABLE frontier ADD COLUMN lease_expires_at INTEGER`);
  db.exec(`
    CREATE INDEX IF NOT EXISTS frontier_leases ON frontier (lease_expires_at) WHERE state = 'in_flight';
    CREATE TABLE IF NOT EXISTS store_owners (owner TEXT PRIMARY KEY, expires_at INTEGER NOT NULL);
  `);
}

export const embeddedLeases: Migration = { version: 7, name: 'embedded-leases', up };
