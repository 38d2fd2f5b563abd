/**
 * Text → search terms, one rule for every search backend (the site's SQLite FTS5 rows, the SQLite and PostgreSQL
 * index stores) so rows written by one are found by another. Chinese (and Japanese/Korean) text has no spaces
 * between words, so each run of CJK characters becomes overlapping two-character terms ("潍坊友城" → 潍坊 坊友 友城),
 * the classic CJK bigram indexing: any query of two or more characters is then a phrase of consecutive bigrams,
 * which matches exactly where the query occurs. Other text is split into lower-cased words (letters, digits, marks).
 */

export const CJK_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3005\u30fc]/u;
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
