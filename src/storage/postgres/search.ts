/**
 * SearchIndexStore on PostgreSQL, Chinese-capable through a bigram tsvector rather than pg_trgm.
 *
 * Why not pg_trgm (it is available in the local PostgreSQL 15): its trigrams are taken from the characters the
 * database's LC_CTYPE calls alphanumeric, so whether Chinese is indexed at all depends on how the cluster was
 * initialised (checked: in an LC_CTYPE=C database show_trgm('北京大学…') is empty); its GIN index cannot serve
 * queries shorter than three characters, and most Chinese words are two (北京, 研究); and similarity ranking over
 * long article bodies is weak. Instead each document's terms are computed here, exactly as the SQLite FTS index computes them
 * (src/storage/search-terms.ts: overlapping CJK bigrams plus lower-cased words), and given to PostgreSQL as a tsvector literal
 * with positions, so no text-search parser or locale is involved (the effect of the 'simple' config, without its
 * parser splitting CJK runs differently). A query word is a phrase of consecutive terms (`<->`), so '研究报告'
 * matches exactly where that text occurs, via the GIN index whatever its length; a lone CJK character (no
 * bigram holds it) is matched as a substring. Title terms carry weight A and body terms D for ts_rank.
 * Unlike SQLite's porter tokenizer there is no English stemming: 'reports' does not find 'report'.
 *
 * Hits are only documents whose snapshot is the latest version of its URL right now (a join on `snapshots`), so
 * a taken-down or superseded snapshot never comes back out of search.
 */
import type pg from 'pg';
import type { SearchDoc, SearchHit, SearchIndexStore } from '../interfaces.js';
import { queryParts, textTerms } from '../search-terms.js';

/** tsvector positions stop at 16383 and a lexeme keeps at most 256 of them: what lies beyond is not indexed. */
const MAX_POSITION = 16_383;
const MAX_POSITIONS_PER_TERM = 255;
/** Longer "words" (base64, hashes) are never searched for and would bloat the vector (1 MB limit). */
const MAX_TERM_CHARS = 100;
const BATCH = 200;

/** A quoted tsvector/tsquery lexeme: quotes doubled and backslashes escaped, so any term is taken literally. */
const quote = (term: string): string => `'${term.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;

/** `'term':1A,4A 'other':9` — title terms from position 1 (A), body terms after a gap (D) so no phrase spans both. */
export function termVector(title: string, body: string): string {
  const positions = new Map<string, string[]>();
  let position = 0;
  const add = (text: string, weight: 'A' | ''): void => {
    for (const term of textTerms(text)) {
      if (++position > MAX_POSITION) return;
      if (term.length > MAX_TERM_CHARS) continue;
      let list = positions.get(term);
      if (!list) positions.set(term, (list = []));
      if (list.length < MAX_POSITIONS_PER_TERM) list.push(`${position}${weight}`);
    }
  };
  add(title, 'A');
  position++;
  add(body, '');
  return [...positions].map(([term, list]) => `${quote(term)}:${list.join(',')}`).join(' ');
}

export class PgSearchIndexStore implements SearchIndexStore {
  constructor(private readonly pool: pg.Pool) {}

  /**
   * Adds or replaces documents (by id), a batch per statement. Only documents whose snapshot is the latest version
   * of its URL are stored (others are skipped): FOR SHARE holds those snapshot rows until the insert commits, so
   * a takedown removing one either runs first (and the document is skipped) or waits and then purges it: text
   * taken down is never written back.
   */
  async index(docs: readonly SearchDoc[]): Promise<void> {
    for (let start = 0; start < docs.length; start += BATCH) {
      const batch = docs.slice(start, start + BATCH);
      await this.pool.query(
        `INSERT INTO search_docs (id, title, body, terms)
         SELECT d.id, d.title, d.body, d.terms::tsvector FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS d(id, title, body, terms)
         JOIN snapshots s ON s.id = d.id AND s.is_latest
         FOR SHARE OF s
         ON CONFLICT (id) DO UPDATE SET title = excluded.title, body = excluded.body, terms = excluded.terms`,
        [batch.map((d) => d.id), batch.map((d) => d.title), batch.map((d) => d.body), batch.map((d) => termVector(d.title, d.body))],
      );
    }
  }

  async remove(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.pool.query('DELETE FROM search_docs WHERE id = ANY($1)', [ids]);
  }

  /** Best match first (score: ts_rank, higher is better), then newest published; `total` counts every match. */
  async search(query: string, options: { limit: number; offset: number; host?: string }): Promise<{ total: number; hits: SearchHit[] }> {
    const parts = queryParts(query);
    if (parts.length === 0) return { total: 0, hits: [] };
    const params: unknown[] = [];
    const param = (value: unknown): string => `$${params.push(value)}`;
    const where: string[] = [];
    const phrases = parts.flatMap((p) => (p.kind === 'phrase' ? [`(${p.terms.map(quote).join(' <-> ')})`] : []));
    let score = '0::real';
    if (phrases.length > 0) {
      const q = `${param(phrases.join(' & '))}::tsquery`;
      where.push(`d.terms @@ ${q}`);
      score = `ts_rank(d.terms, ${q})`;
    }
    for (const part of parts) {
      if (part.kind !== 'char') continue;
      const ch = param(part.text);
      where.push(`(strpos(d.title, ${ch}) > 0 OR strpos(d.body, ${ch}) > 0)`);
    }
    if (options.host !== undefined) where.push(`s.host = ${param(options.host)}`);
    const from = `FROM search_docs d JOIN snapshots s ON s.id = d.id AND s.is_latest WHERE ${where.join(' AND ')}`;
    const total = (await this.pool.query<{ n: number }>(`SELECT count(*)::int AS n ${from}`, params)).rows[0].n;
    const limit = param(Math.max(0, Math.floor(options.limit)));
    const offset = param(Math.max(0, Math.floor(options.offset)));
    const { rows } = await this.pool.query<SearchHit>(
      `SELECT d.id, ${score} AS score ${from}
       ORDER BY score DESC, s.published_ms DESC NULLS LAST, s.fetched_at DESC, d.id LIMIT ${limit} OFFSET ${offset}`,
      params,
    );
    return { total, hits: rows.map((r) => ({ id: r.id, score: Number(r.score) })) };
  }
}
