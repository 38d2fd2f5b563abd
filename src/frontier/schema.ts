import { migrateStore, type StoreDatabase } from '../storage/index.js';

/**
 * The frontier's tables (`frontier`, `hosts`, the queue summary and their indexes) are defined once, in the store's
 * numbered migrations (src/storage/sqlite/migrations/), which openStoreDatabase runs on open. This only brings a
 * handle opened some other way up to date (a no-op on a store at the newest version); kept for callers of the
 * name from before the migrations.
 */
export function ensureFrontierSchema(db: StoreDatabase): void {
  migrateStore(db);
}
