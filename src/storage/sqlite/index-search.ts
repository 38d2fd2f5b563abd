/**
 * SearchIndexStore over the store's `site_search_docs` / `site_search_fts` tables (the site's search index):
 * the FTS5 table holds each document's terms (CJK bigrams and words, src/storage/search-terms.ts), a query is a phrase of
 * terms per word. Hits are only documents whose snapshot is the latest version of its URL right now (a join on
 * `snapshots`), so a taken-down or superseded snapshot never comes back out of search, even before its row is
 * removed; the host filter and the tie-break order come from that snapshot row too.
 */
import type { Statement } from 'better-sqlite3';
import { runTransaction, type StoreDatabase } from '../database.js';
import type { SearchDoc, SearchHit, SearchIndexStore } from '../interfaces.js';
import { queryParts, textTerms } from '../search-terms.js';

/** Column weights for bm25: a match in the title counts most, then tags, then the body. */
const BM25 = 'bm25(site_search_fts, 8.0, 3.0, 1.0)';

export class SqliteSearchIndexStore implements SearchIndexStore {
  private readonly statements = new Map<string, Statement>();

  constructor(private readonly db: StoreDatabase) {}

  /**
   * Adds or replaces documents (by id), in one transaction. Only documents whose snapshot is the latest version of
   * its URL are stored (others are skipped), checked inside the write transaction: a takedown committed meanwhile
   * never has its text written back.
   */
  async index(docs: readonly SearchDoc[]): Promise<void> {
    if (docs.length === 0) return;
    runTransaction(this.db, () => {
      for (const doc of docs) {
        if (!this.sql('SELECT 1 FROM snapshots WHERE id = ? AND is_latest = 1').get(doc.id)) continue;
        const old = this.sql('SELECT docid FROM site_search_docs WHERE id = ?').pluck().get(doc.id) as number | undefined;
        let docid: number | bigint;
        if (old === undefined) {
          docid = this.sql('INSERT INTO site_search_docs (id, title, body) VALUES (?, ?, ?)').run(doc.id, doc.title, doc.body).lastInsertRowid;
        } else {
          this.sql('DELETE FROM site_search_fts WHERE rowid = ?').run(old);
          this.sql('UPDATE site_search_docs SET title = ?, body = ? WHERE docid = ?').run(doc.title, doc.body, old);
          docid = old;
        }
        this.sql('INSERT INTO site_search_fts (rowid, title, tags, body) VALUES (?, ?, ?, ?)').run(
          docid,
          textTerms(doc.title).join(' '),
          '',
          textTerms(doc.body).join(' '),
        );
      }
    }, 'immediate');
  }

  async remove(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    const list = JSON.stringify(ids);
    runTransaction(this.db, () => {
      this.sql('DELETE FROM site_search_fts WHERE rowid IN (SELECT docid FROM site_search_docs WHERE id IN (SELECT value FROM json_each(?)))').run(list);
      this.sql('DELETE FROM site_search_docs WHERE id IN (SELECT value FROM json_each(?))').run(list);
    }, 'immediate');
  }

  /** Best match first (score: higher is better), then newest published; `total` counts every match. */
  async search(query: string, options: { limit: number; offset: number; host?: string }): Promise<{ total: number; hits: SearchHit[] }> {
    const parts = queryParts(query);
    if (parts.length === 0) return { total: 0, hits: [] };
    const phrases = parts.flatMap((p) => (p.kind === 'phrase' ? [`"${p.terms.join(' ')}"`] : []));
    const chars = parts.flatMap((p) => (p.kind === 'char' ? [p.text] : []));
    const params: Record<string, string | number> = {};
    const where: string[] = [];
    const live = 'JOIN snapshots s ON s.id = d.id AND s.is_latest = 1';
    const from = phrases.length > 0 ? `site_search_fts JOIN site_search_docs d ON d.docid = site_search_fts.rowid ${live}` : `site_search_docs d ${live}`;
    if (phrases.length > 0) {
      // Terms hold only letters, digits and CJK characters, so a quoted phrase is always valid FTS5 syntax.
      where.push('site_search_fts MATCH @match');
      params.match = phrases.join(' AND ');
    }
    chars.forEach((ch, i) => {
      where.push(`(instr(d.title, @ch${i}) > 0 OR instr(d.body, @ch${i}) > 0)`);
      params[`ch${i}`] = ch;
    });
    if (options.host !== undefined) {
      where.push('s.host = @host');
      params.host = options.host;
    }
    const sqlWhere = `WHERE ${where.join(' AND ')}`;
    const score = phrases.length > 0 ? `-${BM25}` : '0.0';
    const total = this.sql(`SELECT count(*) FROM ${from} ${sqlWhere}`).pluck().get(params) as number;
    const rows = this.sql(`SELECT d.id AS id, ${score} AS score FROM ${from} ${sqlWhere}
      ORDER BY score DESC, s.published_ms DESC NULLS LAST, s.fetched_at DESC, d.id LIMIT @limit OFFSET @offset`).all({
      ...params,
      limit: Math.max(0, Math.floor(options.limit)),
      offset: Math.max(0, Math.floor(options.offset)),
    }) as SearchHit[];
    return { total, hits: rows.map((r) => ({ id: r.id, score: r.score })) };
  }

  private sql(text: string): Statement {
    let stmt = this.statements.get(text);
    if (!stmt) {
      stmt = this.db.prepare(text);
      this.statements.set(text, stmt);
    }
    return stmt;
  }
}
