/**
 * The search index's tables (`site_search_meta`, `site_search_docs`, the FTS5 table `site_search_fts`) are defined in
 * the store's migrations (src/storage/sqlite/migrations/001-baseline.ts) and its SQL is in
 * src/storage/sqlite/search-queries.ts; this keeps the names callers used before the migrations.
 */
import { migrateStore, type StoreDatabase } from '../storage/index.js';
import { createTempSearchTables } from '../storage/sqlite/search-queries.js';

export { purgeSearchDocs } from '../storage/sqlite/search-queries.js';

/** The index tables in `schema`: `main` is the store's (its migrations), `temp` this connection's own. */
export function ensureSearchTables(db: StoreDatabase, schema: 'main' | 'temp'): void {
  if (schema === 'temp') createTempSearchTables(db);
  else migrateStore(db);
}
