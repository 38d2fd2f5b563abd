import { revisitSchedule } from '../frontier/index.js';
import { openStoreDatabase } from '../storage/index.js';
import { frontierCountsBySourceState } from '../storage/sqlite/frontier-queries.js';
import { snapshotCount } from '../storage/sqlite/snapshot-queries.js';
import { RunRegistry } from './runs.js';

export interface StoreStatus {
  runs: ReturnType<RunRegistry['recent']>;
  frontier: { source: string; state: string; count: number }[];
  dueForRevisit: number;
  nextRevisitAt: string | null;
  snapshots: number;
}

/** `snapcrawl status`: the last runs and what is queued, read without taking the run lock. */
export function storeStatus(storeDir: string, now = Date.now()): StoreStatus {
  const db = openStoreDatabase(storeDir);
  try {
    const runs = new RunRegistry(db).recent(10);
    const frontier = frontierCountsBySourceState(db);
    const revisits = revisitSchedule(db, now);
    const snapshots = snapshotCount(db);
    return { runs, frontier, dueForRevisit: revisits.due, nextRevisitAt: revisits.nextAt ? new Date(revisits.nextAt).toISOString() : null, snapshots };
  } finally {
    db.close();
  }
}
