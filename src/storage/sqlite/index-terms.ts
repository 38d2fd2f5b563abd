/**
 * Text → search terms for the index backends (SQLite FTS5 and PostgreSQL tsvector). Chinese (and Japanese/Korean)
 * text has no spaces between words, so each run of CJK characters becomes overlapping two-character terms
 * ("研究报告" → 研究 究报 报告): any query of two or more characters is then a phrase of consecutive bigrams, which
 * matches exactly where the query occurs. Other text is split into lower-cased words (letters, digits, marks).
 * The terms themselves come from src/storage/search-terms.ts, shared with the site's own index (same tables).
 */

import { CJK_CHAR, textTerms } from '../search-terms.js';

export { textTerms };

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
