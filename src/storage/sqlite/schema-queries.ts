import type { StoreDatabase } from '../database.js';

/**
 * Whether the store has table `name`. A writable store always has every table (migrations/); a read-only
 * connection to a store an older snapcrawl wrote may lack some, and readers then treat the table as empty.
 */
export function hasTable(db: StoreDatabase, name: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
}
