/**
 * The index-side tables of a SQLite store (snapshots, runs, exclusions, site_search_*) belong to the store's
 * numbered migrations (migrations/001-baseline.ts onwards): opening the store runs them, and this brings a handle
 * opened some other way up to date the same way, so the tables are defined once.
 */
import type { StoreDatabase } from '../database.js';
import { migrateStore } from './migrations/index.js';

/** Brings the store's schema (and so every index table) up to date; a read-only handle is only checked. */
export function ensureIndexTables(db: StoreDatabase): void {
  migrateStore(db);
}
