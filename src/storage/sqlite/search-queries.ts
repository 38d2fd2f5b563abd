/**
 * The site search index's SQL (tables site_search_meta, site_search_docs, the FTS5 table site_search_fts:
 * 001-baseline.ts). In a writable store they live in `main`, made by the migrations; a read-only connection builds
 * its own in `temp` (createTempSearchTables), and unqualified names below resolve to that one first.
 */
import { runTransaction, type StoreDatabase, type StoreStatement } from '../database.js';
import { searchTablesSql } from './migrations/index.js';

/** Column weights for bm25: a match in the title counts most, then tags, then the body. */
const BM25 = 'bm25(site_search_fts, 8.0, 3.0, 1.0)';

/** The index tables in this connection's TEMP schema: the search index of a read-only store. */
export function createTempSearchTables(db: StoreDatabase): void {
  db.exec(searchTablesSql('temp'));
}

/**
 * Drops the search rows (title, body, terms) of removed snapshots from the store database, inside the caller's
 * transaction (a takedown must not leave the text behind until some site process next syncs).
 */
export function purgeSearchDocs(db: StoreDatabase, ids: readonly string[]): void {
  const present = db.prepare(`SELECT count(*) FROM main.sqlite_master WHERE name IN ('site_search_docs', 'site_search_fts')`).pluck().get() as number;
  if (present < 2 || ids.length === 0) return;
  const list = JSON.stringify(ids);
  db.prepare(`DELETE FROM main.site_search_fts WHERE rowid IN (SELECT docid FROM main.site_search_docs WHERE id IN (SELECT value FROM json_each(?)))`).run(list);
  db.prepare(`DELETE FROM main.site_search_docs WHERE id IN (SELECT value FROM json_each(?))`).run(list);
}

/** A search's conditions: FTS5 phrases (ANDed), LIKE patterns (already escaped with `\`), a category. */
export interface SearchConditions {
  phrases: readonly string[];
  likes: readonly string[];
  category?: string;
}

export interface Page {
  limit: number;
  offset: number;
}

export interface SearchDocRow {
  id: string;
  title: string;
  body: string;
}

/**
 * The index's queries on one connection. A handful of SQL shapes exist (one per number of LIKE patterns and
 * filter combination): each is prepared once and kept.
 */
export class SearchQueries {
  private readonly statements = new Map<string, StoreStatement>();
  private readonly dataVersion: StoreStatement<[], number>;
  private readonly totalChanges: StoreStatement<[], number>;

  constructor(private readonly db: StoreDatabase) {
    this.dataVersion = db.prepare<[], number>('PRAGMA data_version').pluck();
    this.totalChanges = db.prepare<[], number>('SELECT total_changes()').pluck();
  }

  /** Changes whenever anything was committed, by another connection (data_version) or this one (total_changes). */
  stamp(): string {
    return `${this.dataVersion.get()}:${this.totalChanges.get()}`;
  }

  /** Latest snapshots matching, best match first (bm25 when there are phrases, else newest published). */
  search(c: SearchConditions, page: Page): { total: number; ids: string[] } {
    const params: Record<string, string | number> = {};
    const where: string[] = [];
    const live = 'JOIN snapshots s ON s.id = d.id AND s.is_latest = 1';
    const from =
      c.phrases.length > 0 ? `site_search_fts JOIN site_search_docs d ON d.docid = site_search_fts.rowid ${live}` : `site_search_docs d ${live}`;
    if (c.phrases.length > 0) {
      where.push('site_search_fts MATCH @match');
      params.match = c.phrases.join(' AND ');
    }
    c.likes.forEach((pattern, i) => {
      where.push(`(d.title LIKE @like${i} ESCAPE '\\' OR d.body LIKE @like${i} ESCAPE '\\')`);
      params[`like${i}`] = pattern;
    });
    if (c.category !== undefined) {
      where.push('s.category = @category');
      params.category = c.category;
    }
    const sqlWhere = `WHERE ${where.join(' AND ')}`;
    const order = c.phrases.length > 0 ? `${BM25}, s.fetched_at DESC` : 's.published_ms DESC NULLS LAST, s.fetched_at DESC';
    const total = this.cached(`SELECT count(*) FROM ${from} ${sqlWhere}`).pluck().get(params) as number;
    const ids = this.cached(`SELECT d.id FROM ${from} ${sqlWhere} ORDER BY ${order} LIMIT @limit OFFSET @offset`)
      .pluck()
      .all({ ...params, limit: page.limit, offset: page.offset }) as string[];
    return { total, ids };
  }

  /** Latest snapshots whose title matches every LIKE pattern, newest first (no index needed). */
  titleSearch(likes: readonly string[], category: string | undefined, page: Page): { total: number; ids: string[] } {
    const params: Record<string, string | number> = {};
    const where = ['s.is_latest = 1'];
    likes.forEach((pattern, i) => {
      where.push(`s.title LIKE @like${i} ESCAPE '\\'`);
      params[`like${i}`] = pattern;
    });
    if (category !== undefined) {
      where.push('s.category = @category');
      params.category = category;
    }
    const sqlWhere = `FROM snapshots s WHERE ${where.join(' AND ')}`;
    const total = this.cached(`SELECT count(*) ${sqlWhere}`).pluck().get(params) as number;
    const ids = this.cached(`SELECT s.id ${sqlWhere} ORDER BY s.published_ms DESC NULLS LAST, s.fetched_at DESC LIMIT @limit OFFSET @offset`)
      .pluck()
      .all({ ...params, limit: page.limit, offset: page.offset }) as string[];
    return { total, ids };
  }

  /** Latest snapshots matching the FTS5 `match`, not of `url` nor `id`; same category weighs 1.6×. */
  related(q: { match: string; url: string; id: string; category: string | null }, limit: number): string[] {
    const sql = `SELECT d.id FROM site_search_fts
      JOIN site_search_docs d ON d.docid = site_search_fts.rowid
      JOIN snapshots s ON s.id = d.id AND s.is_latest = 1
      WHERE site_search_fts MATCH @match AND s.url != @url AND s.id != @id
      ORDER BY ${BM25} * (CASE WHEN s.category IS @category THEN 1.6 ELSE 1.0 END), s.fetched_at DESC
      LIMIT @limit`;
    return this.cached(sql).pluck().all({ ...q, limit }) as string[];
  }

  doc(id: string): SearchDocRow | undefined {
    return this.cached('SELECT id, title, body FROM site_search_docs WHERE id = ?').get(id) as SearchDocRow | undefined;
  }

  /** Docs whose snapshot was removed or is no longer the latest version of its URL. */
  staleDocids(): number[] {
    return this.cached(`SELECT docid FROM site_search_docs d
      WHERE NOT EXISTS (SELECT 1 FROM snapshots s WHERE s.id = d.id AND s.is_latest = 1)`)
      .pluck()
      .all() as number[];
  }

  /** Deletes docs by docid, in one transaction. */
  deleteDocs(docids: readonly number[]): void {
    const deleteFts = this.cached('DELETE FROM site_search_fts WHERE rowid = ?');
    const deleteDoc = this.cached('DELETE FROM site_search_docs WHERE docid = ?');
    runTransaction(this.db, () => {
      for (const docid of docids) {
        deleteFts.run(docid);
        deleteDoc.run(docid);
      }
    }, 'immediate');
  }

  /** Latest snapshots not in the index yet. */
  missingIds(): string[] {
    return this.cached(`SELECT s.id FROM snapshots s
      WHERE s.is_latest = 1 AND NOT EXISTS (SELECT 1 FROM site_search_docs d WHERE d.id = s.id)`)
      .pluck()
      .all() as string[];
  }

  /**
   * Adds docs in one transaction; returns how many were added. A doc whose snapshot is gone or superseded by now
   * is not, so a takedown that ran since the caller read it never has its text written back. `fts` gives the
   * FTS columns' text of a doc, asked only for the docs added.
   */
  insertDocs<D extends SearchDocRow>(docs: readonly D[], fts: (doc: D) => [title: string, tags: string, body: string]): number {
    const insertDoc = this.cached(`INSERT OR IGNORE INTO site_search_docs (id, title, body)
      SELECT @id, @title, @body WHERE EXISTS (SELECT 1 FROM snapshots s WHERE s.id = @id AND s.is_latest = 1)`);
    const insertFts = this.cached('INSERT INTO site_search_fts (rowid, title, tags, body) VALUES (?, ?, ?, ?)');
    let added = 0;
    runTransaction(this.db, () => {
      for (const doc of docs) {
        const info = insertDoc.run({ id: doc.id, title: doc.title, body: doc.body });
        if (info.changes === 0) continue;
        insertFts.run(info.lastInsertRowid, ...fts(doc));
        added++;
      }
    }, 'immediate');
    return added;
  }

  private cached(sql: string): StoreStatement {
    let stmt = this.statements.get(sql);
    if (!stmt) {
      stmt = this.db.prepare(sql);
      this.statements.set(sql, stmt);
    }
    return stmt;
  }
}
