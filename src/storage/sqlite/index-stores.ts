/**
 * The index side of an embedded store: IndexStores over the tables of `<store>/store.db` that snapcrawl already
 * keeps there (snapshots, runs, exclusions, site_search_*), so a store written by today's code opens unchanged
 * and both can work on it at once. better-sqlite3 is synchronous; the async methods only give it the shape a
 * network backend needs. Several processes may open one store: WAL, busy_timeout, and IMMEDIATE transactions for
 * every read-then-write.
 */
import { openStoreDatabase } from '../database.js';
import type { IndexStores } from '../interfaces.js';
import { SqliteExclusionStore } from './index-exclusions.js';
import { SqliteRunRegistryStore } from './index-runs.js';
import { ensureIndexTables } from './index-schema.js';
import { SqliteSearchIndexStore } from './index-search.js';
import { SqliteSnapshotIndexStore } from './index-snapshots.js';

export function openSqliteIndex(storeDir: string): IndexStores {
  const db = openStoreDatabase(storeDir);
  try {
    ensureIndexTables(db);
  } catch (err) {
    db.close();
    throw err;
  }
  const snapshots = new SqliteSnapshotIndexStore(db);
  let closed = false;
  return {
    snapshots,
    runs: new SqliteRunRegistryStore(db),
    search: new SqliteSearchIndexStore(db),
    exclusions: new SqliteExclusionStore(db),
    async close() {
      if (closed) return;
      closed = true;
      db.close();
    },
  };
}
