import { ensureFrontierSchema, revisitSchedule } from '../frontier/index.js';
import { openStoreDatabase } from '../storage/index.js';
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
    ensureFrontierSchema(db);
    const runs = new RunRegistry(db).recent(10);
    const frontier = db
      .prepare(`SELECT source, state, count(*) AS count FROM frontier GROUP BY source, state ORDER BY source, state`)
      .all() as { source: string; state: string; count: number }[];
    const revisits = revisitSchedule(db, now);
    const hasSnapshots = db.prepare(`SELECT count(*) AS n FROM sqlite_master WHERE name='snapshots'`).get() as { n: number };
    const snapshots = hasSnapshots.n ? (db.prepare(`SELECT count(*) AS n FROM snapshots`).get() as { n: number }).n : 0;
    return { runs, frontier, dueForRevisit: revisits.due, nextRevisitAt: revisits.nextAt ? new Date(revisits.nextAt).toISOString() : null, snapshots };
  } finally {
    db.close();
  }
}
