/**
 * Text → search terms for the index backends (SQLite FTS5 and PostgreSQL tsvector). Chinese (and Japanese/Korean)
 * text has no spaces between words, so each run of CJK characters becomes overlapping two-character terms
 * ("研究报告" → 研究 究报 报告): any query of two or more characters is then a phrase of consecutive bigrams, which
 * matches exactly where the query occurs. Other text is split into lower-cased words (letters, digits, marks).
 *
 * These must produce the same terms as src/site/terms.ts, whose FTS rows share the `site_search_*` tables with
 * the SQLite backend; storage cannot import the site layer, so the rule is written here as well (to consolidate:
 * site/terms.ts can import this module once the site reads through SearchIndexStore).
 */

const CJK_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3005\u30fc]/u;
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

/** The terms of `text`, in order (CJK bigrams, lower-cased words). */
export function textTerms(text: string): string[] {
  const terms: string[] = [];
  let cjk: string[] = [];
  let word = '';
  const flushCjk = (): void => {
    if (cjk.length === 1) terms.push(cjk[0]);
    for (let i = 0; i + 1 < cjk.length; i++) terms.push(cjk[i] + cjk[i + 1]);
    cjk = [];
  };
  const flushWord = (): void => {
    if (word) terms.push(word.toLowerCase());
    word = '';
  };
  for (const ch of text) {
    if (CJK_CHAR.test(ch)) {
      flushWord();
      cjk.push(ch);
    } else if (WORD_CHAR.test(ch)) {
      flushCjk();
      word += ch;
    } else {
      flushCjk();
      flushWord();
    }
  }
  flushCjk();
  flushWord();
  return terms;
}

/**
 * One whitespace-separated word of a query: a phrase of terms that must occur consecutively, or a single CJK
 * character (no bigram holds it alone), matched as a substring of the title or body.
 */
export type QueryPart = { kind: 'phrase'; terms: string[] } | { kind: 'char'; text: string };

/** A user query → parts that must all match; input is capped so a huge query can't be expensive. */
export function queryParts(query: string, maxParts = 8): QueryPart[] {
  const parts: QueryPart[] = [];
  for (const raw of query.slice(0, 200).split(/\s+/)) {
    if (parts.length >= maxParts) break;
    const text = raw.trim();
    if (!text) continue;
    if ([...text].length === 1 && CJK_CHAR.test(text)) {
      parts.push({ kind: 'char', text });
      continue;
    }
    const terms = textTerms(text);
    if (terms.length > 0) parts.push({ kind: 'phrase', terms });
  }
  return parts;
}
