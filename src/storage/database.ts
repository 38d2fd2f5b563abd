import Database from 'better-sqlite3';
import { ensureDirectory } from '../util/ensureDir.js';
import { join } from 'node:path';

export type StoreDatabase = Database.Database;

/** File name of the store's SQLite database, inside the store directory. */
export const STORE_DB_FILE = 'store.db';

/**
 * Opens (creating if needed) the SQLite database that holds the frontier, robots cache,
 * snapshot index and exclusions. WAL keeps readers (serve) from blocking the crawler;
 * synchronous=FULL because a committed row must survive a power cut or kill -9.
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
