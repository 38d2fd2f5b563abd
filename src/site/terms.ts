/**
 * Text → search terms. Chinese (and Japanese/Korean) text has no spaces between words, so each run of
 * CJK characters becomes overlapping two-character terms ("潍坊友城" → 潍坊 坊友 友城), the classic
 * CJK bigram indexing: any query of two or more characters is then a phrase of consecutive bigrams,
 * which matches exactly where the query occurs. Other text is split into words (letters and digits).
 * The FTS5 table indexes this term string with the `unicode61` tokenizer (plus Porter stemming for
 * English), so both languages share one index.
 */

import { CJK_CHAR, textTerms } from '../storage/search-terms.js';

export { textTerms };

/** The string the FTS table indexes for `text`. */
export function indexedText(text: string): string {
  return textTerms(text).join(' ');
}

export function isSingleCjkChar(term: string): boolean {
  return [...term].length === 1 && CJK_CHAR.test(term);
}

/** How one whitespace-separated word of a query is matched. */
export type QueryPart = { kind: 'phrase'; fts: string; text: string } | { kind: 'like'; text: string };

/**
 * A user query → parts that must all match. A part of two or more characters becomes an FTS5 phrase
 * of its terms (quoted, so no user text is ever read as FTS syntax); a single CJK character cannot be
 * a bigram and is matched with LIKE instead. Input is capped so a huge query can't be expensive.
 */
export function parseQuery(query: string, maxParts = 8): QueryPart[] {
  const parts: QueryPart[] = [];
  for (const raw of query.slice(0, 200).split(/\s+/)) {
    if (parts.length >= maxParts) break;
    const text = raw.trim();
    if (!text) continue;
    if (isSingleCjkChar(text)) {
      parts.push({ kind: 'like', text });
      continue;
    }
    const terms = textTerms(text);
    if (terms.length === 0) continue;
    // Terms hold only letters, digits and CJK characters, so wrapping them in quotes is always valid FTS5.
    parts.push({ kind: 'phrase', fts: `"${terms.join(' ')}"`, text });
  }
  return parts;
}

const ENGLISH_STOPWORDS = new Set(
  `a an the and or but if of to in on at by for with from as is are was were be been being it its this that these those
  he she they we you i his her their our your not no yes do does did has have had will would can could should may might
  than then there here what which who whom whose when where why how all any each more most other some such only own same
  so too very just over under after before about into out up down off again new says said say also per via`.split(/\s+/),
);

/**
 * Distinctive terms of a snapshot for "related" lookups: its title and tags, plus the body's opening,
 * without stopwords, numbers and one-character terms (which match nearly everything).
 */
export function keyTerms(title: string, tags: readonly string[], bodyStart: string, max = 40): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const text of [title, ...tags, bodyStart]) {
    for (const term of textTerms(text)) {
      if (out.length >= max) return out;
      if ([...term].length < 2 || /^\p{N}+$/u.test(term) || ENGLISH_STOPWORDS.has(term) || seen.has(term)) continue;
      seen.add(term);
      out.push(term);
    }
  }
  return out;
}
