import Database from 'better-sqlite3';
import { ensureDirectory } from '../util/ensureDir.js';
import { join } from 'node:path';

export type StoreDatabase = Database.Database;

/** File name of the store's SQLite database, inside the store directory. */
export const STORE_DB_FILE = 'store.db';

/**
 * Opens (creating if needed) the SQLite database that holds the frontier, robots cache,
 * snapshot index and exclusions. WAL keeps readers (serve) from blocking the crawler;
 * synchronous=FULL by default because a committed snapshot row must survive a power cut (WAL survives kill -9
 * at any level); the frontier's bookkeeping opts out per write with `withLazySync`.
 */
export function openStoreDatabase(storeDir: string, options: { readonly?: boolean } = {}): StoreDatabase {
  if (!options.readonly) ensureDirectory(storeDir);
  const db = new Database(join(storeDir, STORE_DB_FILE), { readonly: options.readonly ?? false });
  if (!options.readonly) {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
  }
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  return db;
}

/**
 * Runs `fn` (one write or one transaction) with this connection's commits not fsynced (WAL, synchronous=NORMAL):
 * still atomic and still durable across a kill -9, but a power cut may take back the last few such commits.
 * Meant for the frontier's per-URL bookkeeping (claims, finishes, discovered links, parameter evidence): losing
 * its tail costs a refetch that the content hash turns into "unchanged", while an fsync per commit was most of
 * the crawl's main-thread time. The next FULL commit (a snapshot row) syncs the WAL, these writes with it.
 */
export function withLazySync<T>(db: StoreDatabase, fn: () => T): T {
  if (db.readonly || db.inTransaction) return fn();
  db.pragma('synchronous = NORMAL');
  try {
    return fn();
  } finally {
    db.pragma('synchronous = FULL');
  }
}
