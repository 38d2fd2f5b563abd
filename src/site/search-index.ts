/**
 * Full-text index of the latest version of every snapshot, for search and "related" lists.
 *
 * It lives in the store database (tables `site_search_*`), next to the snapshot index it mirrors, and
 * is brought up to date before every query: when anything committed since the last check (SQLite's
 * `data_version`, or a change made through this very connection), new latest snapshots are added and
 * rows whose snapshot is gone or superseded are dropped. Every query also joins the live `snapshots`
 * table, so a taken-down snapshot can never come back out of the index, even between two syncs.
 * When the store database is read-only, the index is built in the connection's TEMP schema instead.
 */
import type { Statement } from 'better-sqlite3';
import type { SnapshotStore } from '../snapshot/index.js';
import type { StoreDatabase } from '../storage/database.js';
import { indexedText, keyTerms, parseQuery } from './terms.js';

/** Bump when terms.ts or the table layout changes: the index is then rebuilt from the snapshots. */
const INDEX_VERSION = '1';
/** Column weights for bm25: a match in the title counts most, then tags, then the body. */
const BM25 = 'bm25(site_search_fts, 8.0, 3.0, 1.0)';
const BATCH = 500;

export interface IndexedDoc {
  id: string;
  title: string;
  body: string;
}

export interface SearchPage {
  total: number;
  ids: string[];
}

export interface SearchFilters {
  category?: string;
  limit: number;
  offset: number;
}

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

export class SearchIndex {
  private readonly db: StoreDatabase;
  private readonly dataVersion: Statement<[], number>;
  private readonly totalChanges: Statement<[], number>;
  private lastSeen: string | null = null;
  private readonly statements = new Map<string, Statement>();

  constructor(private readonly store: SnapshotStore) {
    this.db = store.db;
    ensureSearchTables(this.db, this.db.readonly ? 'temp' : 'main');
    this.dataVersion = this.db.prepare('PRAGMA data_version').pluck() as Statement<[], number>;
    this.totalChanges = this.db.prepare('SELECT total_changes()').pluck() as Statement<[], number>;
  }

  /** Brings the index in line with the snapshot table; cheap (two counters) when nothing changed. */
  sync(): void {
    const stamp = `${this.dataVersion.get()}:${this.totalChanges.get()}`;
    if (stamp === this.lastSeen) return;
    this.removeStale();
    this.addMissing();
    this.lastSeen = `${this.dataVersion.get()}:${this.totalChanges.get()}`;
  }

  /** One page of latest snapshots matching `query` (best match first), and how many match in all. */
  search(query: string, filters: SearchFilters): SearchPage {
    this.sync();
    const parts = parseQuery(query);
    if (parts.length === 0) return { total: 0, ids: [] };
    const phrases = parts.flatMap((p) => (p.kind === 'phrase' ? [p.fts] : []));
    const likes = parts.flatMap((p) => (p.kind === 'like' ? [`%${p.text.replace(/[\\%_]/g, '\\$&')}%`] : []));
    const params: Record<string, string | number> = {};
    const where: string[] = [];
    const live = 'JOIN snapshots s ON s.id = d.id AND s.is_latest = 1';
    const from =
      phrases.length > 0 ? `site_search_fts JOIN site_search_docs d ON d.docid = site_search_fts.rowid ${live}` : `site_search_docs d ${live}`;
    if (phrases.length > 0) {
      where.push('site_search_fts MATCH @match');
      params.match = phrases.join(' AND ');
    }
    likes.forEach((pattern, i) => {
      where.push(`(d.title LIKE @like${i} ESCAPE '\\' OR d.body LIKE @like${i} ESCAPE '\\')`);
      params[`like${i}`] = pattern;
    });
    if (filters.category !== undefined) {
      where.push('s.category = @category');
      params.category = filters.category;
    }
    const sqlWhere = `WHERE ${where.join(' AND ')}`;
    const order = phrases.length > 0 ? `${BM25}, s.fetched_at DESC` : 's.published_ms DESC NULLS LAST, s.fetched_at DESC';
    const total = this.cached(`SELECT count(*) FROM ${from} ${sqlWhere}`).pluck().get(params) as number;
    const ids = this.cached(`SELECT d.id FROM ${from} ${sqlWhere} ORDER BY ${order} LIMIT @limit OFFSET @offset`)
      .pluck()
      .all({ ...params, limit: filters.limit, offset: filters.offset }) as string[];
    return { total, ids };
  }

  /**
   * Latest snapshots sharing the most distinctive terms with this one (bm25 over its title, tags and
   * opening), same category counting extra; never another version of the same URL.
   */
  related(doc: { id: string; url: string; title: string; tags: readonly string[]; body: string; category: string | null }, limit: number): string[] {
    this.sync();
    const terms = keyTerms(doc.title, doc.tags, doc.body.slice(0, 300));
    if (terms.length === 0) return [];
    const sql = `SELECT d.id FROM site_search_fts
      JOIN site_search_docs d ON d.docid = site_search_fts.rowid
      JOIN snapshots s ON s.id = d.id AND s.is_latest = 1
      WHERE site_search_fts MATCH @match AND s.url != @url AND s.id != @id
      ORDER BY ${BM25} * (CASE WHEN s.category IS @category THEN 1.6 ELSE 1.0 END), s.fetched_at DESC
      LIMIT @limit`;
    const match = terms.map((t) => `"${t}"`).join(' OR ');
    return this.cached(sql).pluck().all({ match, url: doc.url, id: doc.id, category: doc.category, limit }) as string[];
  }

  /** Title and plain-text body of indexed snapshots (for excerpts), keyed by id. */
  docs(ids: readonly string[]): Map<string, IndexedDoc> {
    this.sync();
    const out = new Map<string, IndexedDoc>();
    const stmt = this.cached('SELECT id, title, body FROM site_search_docs WHERE id = ?');
    for (const id of ids) {
      const row = stmt.get(id) as IndexedDoc | undefined;
      if (row) out.set(id, row);
    }
    return out;
  }

  /** Drops docs whose snapshot was removed (takedown) or is no longer the latest version of its URL. */
  private removeStale(): void {
    const stale = this.cached(`SELECT docid FROM site_search_docs d
      WHERE NOT EXISTS (SELECT 1 FROM snapshots s WHERE s.id = d.id AND s.is_latest = 1)`)
      .pluck()
      .all() as number[];
    if (stale.length === 0) return;
    const deleteFts = this.cached('DELETE FROM site_search_fts WHERE rowid = ?');
    const deleteDoc = this.cached('DELETE FROM site_search_docs WHERE docid = ?');
    this.db.transaction(() => {
      for (const docid of stale) {
        deleteFts.run(docid);
        deleteDoc.run(docid);
      }
    }).immediate();
  }

  /** Indexes latest snapshots not in the index yet, reading their snapshot.json outside any transaction. */
  private addMissing(): void {
    const missing = this.cached(`SELECT s.id FROM snapshots s
      WHERE s.is_latest = 1 AND NOT EXISTS (SELECT 1 FROM site_search_docs d WHERE d.id = s.id)`)
      .pluck()
      .all() as string[];
    const insertDoc = this.cached('INSERT OR IGNORE INTO site_search_docs (id, title, body) VALUES (?, ?, ?)');
    const insertFts = this.cached('INSERT INTO site_search_fts (rowid, title, tags, body) VALUES (?, ?, ?, ?)');
    for (let start = 0; start < missing.length; start += BATCH) {
      const rows = missing.slice(start, start + BATCH).map((id) => this.readDoc(id));
      this.db.transaction(() => {
        for (const row of rows) {
          const info = insertDoc.run(row.id, row.title, row.body);
          if (info.changes === 0) continue;
          insertFts.run(info.lastInsertRowid, indexedText(row.title), indexedText(row.tags.join(' ')), indexedText(row.body));
        }
      }).immediate();
    }
  }

  private readDoc(id: string): IndexedDoc & { tags: string[] } {
    try {
      const record = this.store.get(id);
      if (record) return { id, title: record.title ?? '', body: record.body, tags: record.tags };
    } catch {
      // An unreadable snapshot.json (being removed right now, or damaged) is indexed by title only.
    }
    return { id, title: this.store.summary(id)?.title ?? '', body: '', tags: [] };
  }

  private cached(sql: string): Statement {
    let stmt = this.statements.get(sql);
    if (!stmt) {
      stmt = this.db.prepare(sql);
      this.statements.set(sql, stmt);
    }
    return stmt;
  }
}
