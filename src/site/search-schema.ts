/**
 * The search index's tables in the store database (`site_search_meta`, `site_search_docs`, the FTS5
 * table `site_search_fts`), and dropping removed snapshots' rows from them inside a takedown.
 */
import type { StoreDatabase } from '../storage/database.js';

/** Bump when terms.ts or the table layout changes: the index is then rebuilt from the snapshots. */
const INDEX_VERSION = '1';

function schemaSql(schema: 'main' | 'temp'): string {
  return `
CREATE TABLE IF NOT EXISTS ${schema}.site_search_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS ${schema}.site_search_docs (
  docid INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL,
  body TEXT NOT NULL
);
CREATE VIRTUAL TABLE IF NOT EXISTS ${schema}.site_search_fts USING fts5(
  title, tags, body, content='', contentless_delete=1, tokenize='porter unicode61 remove_diacritics 2'
);`;
}

/** Creates the index tables in `schema` (rebuilding them empty when INDEX_VERSION changed). */
export function ensureSearchTables(db: StoreDatabase, schema: 'main' | 'temp'): void {
  db.exec(schemaSql(schema));
  const version = db.prepare(`SELECT value FROM ${schema}.site_search_meta WHERE key = 'version'`).pluck().get();
  if (version === INDEX_VERSION) return;
  db.transaction(() => {
    db.exec(`DROP TABLE ${schema}.site_search_fts; DROP TABLE ${schema}.site_search_docs;`);
    db.exec(schemaSql(schema));
    db.prepare(`INSERT OR REPLACE INTO ${schema}.site_search_meta (key, value) VALUES ('version', ?)`).run(INDEX_VERSION);
  }).immediate();
}

/**
 * Drops the search rows (title, body, terms) of removed snapshots from the store database, inside the
 * takedown's transaction: a takedown must not leave the text behind until some site process next syncs.
 */
export function purgeSearchDocs(db: StoreDatabase, ids: readonly string[]): void {
  const present = db.prepare(`SELECT count(*) FROM main.sqlite_master WHERE name IN ('site_search_docs', 'site_search_fts')`).pluck().get() as number;
  if (present < 2 || ids.length === 0) return;
  const list = JSON.stringify(ids);
  db.prepare(`DELETE FROM main.site_search_fts WHERE rowid IN (SELECT docid FROM main.site_search_docs WHERE id IN (SELECT value FROM json_each(?)))`).run(list);
  db.prepare(`DELETE FROM main.site_search_docs WHERE id IN (SELECT value FROM json_each(?))`).run(list);
}
