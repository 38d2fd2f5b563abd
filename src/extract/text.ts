/** String helpers shared by the extractors. All regexes here are linear (no nested quantifiers). */

/**
 * The characters the whitespace regexes here match: JavaScript's \s (the set String.prototype.trim removes) plus the
 * zero-width space U+200B. The loops below must agree with those regexes exactly.
 */
function isCollapsibleSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  // CJK text (above U+3000) in one more test: these predicates run on every character of every line.
  if (c > 0x3000) return c === 0xfeff;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200b) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * Every collapsible space but the ASCII one, or two spaces in a row. A trimmed text without these is collapsed
 * already: its only whitespace is single spaces between words. Found by native scans (trim, then this one regex),
 * several times faster than a loop over the characters in JavaScript; one regex with both branches scans the text
 * once, where a class test and then includes('  ') scanned it twice (a quarter faster on the texts of 126 pages).
 */
const OTHER_SPACE_OR_DOUBLE = /[\t-\r\u00a0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff]| {2}/;

/** `s` trimmed when that is all collapsing it would do, else undefined. */
function trimmedIfCollapsed(s: string): string | undefined {
  const t = s.trim();
  // Whitespace alone (the text between two tags, most texts read) is '' without the scan.
  if (t.length === 0) return t;
  return OTHER_SPACE_OR_DOUBLE.test(t) ? undefined : t;
}

/** Collapse runs of whitespace (incl. NBSP and the ideographic space U+3000) to one space and trim. */
export function collapseSpace(s: string): string {
  // Most callers pass lines that are collapsed already: a scan is cheaper than building the same string again.
  return trimmedIfCollapsed(s) ?? s.replace(/[\s\u00a0\u3000\u200b\ufeff]+/g, spaceFor).trim();
}

/** A run of zero-width characters alone (`B\uFEFFest`) shows no gap to a reader, as in normalizeInline: it goes. */
const spaceFor = (run: string): string => (/^[\u200b\ufeff]+$/.test(run) ? '' : ' ');

/** Remove every whitespace character: how titles are compared. */
export function stripSpace(s: string): string {
  let i = 0;
  while (i < s.length && !isCollapsibleSpace(s.charCodeAt(i))) i++;
  if (i === s.length) return s;
  return s.replace(/[\s\u00a0\u3000\u200b\ufeff]+/g, '');
}

/** Counted with a loop: match() would build an array as long as the text. */
export function countCjk(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (isCjkCode(s.charCodeAt(i))) n++;
  return n;
}


function isSpaceCode(c: number): boolean {
  // Ordered so that ASCII and CJK characters, nearly all of any text, are decided by the first two tests.
  if (c <= 0x20) return true;
  if (c < 0xa0) return false;
  if (c > 0x3000) return c === 0xfeff;
  return c === 0xa0 || c === 0x3000 || c === 0x200b || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029;
}

function isCjkCode(c: number): boolean {
  if (c < 0x3040) return false; // ASCII and Latin text: one test
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0x3040 && c <= 0x30ff) || (c >= 0xac00 && c <= 0xd7af);
}

/**
 * A character of a script written without spaces between words: Chinese ideographs, Japanese kana, full-width forms
 * (Hangul, which isCjkCode counts for its width, is written with spaces). Takes a code point.
 */
export function isUnspacedScriptCode(c: number): boolean {
  if (c < 0x3040) return false;
  return (c >= 0x3040 && c <= 0x30ff) || (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xff00 && c <= 0xffef) || (c >= 0x20000 && c <= 0x3ffff);
}

function isPunctuationCode(c: number): boolean {
  // Letters and CJK ideographs, most characters, fall in the gaps between the cases: one range test decides them.
  if ((c > 0x3f && c < 0x201c) || (c > 0x300d && c < 0xff01)) return false;
  switch (c) {
    case 0x2c: case 0x2e: case 0x3b: case 0x3a: case 0x21: case 0x3f: // , . ; : ! ?
    case 0xff0c: case 0x3002: case 0x3001: case 0xff1b: case 0xff1a: case 0xff01: case 0xff1f: // ，。、；：！？
    case 0x201c: case 0x201d: case 0x300c: case 0x300d: case 0x2026: // “ ” 「 」 …
      return true;
    default:
      return false;
  }
}

/** Weighted length and punctuation count in one pass, without allocating (the per-text-node hot path). */
export function textMetrics(s: string): { len: number; punct: number } {
  let len = 0;
  let punct = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isSpaceCode(c)) continue;
    len += isCjkCode(c) ? 2 : 1;
    if (isPunctuationCode(c)) punct++;
  }
  return { len, punct };
}

/** Non-whitespace length where a CJK character counts double (one ideograph carries about a word's worth). */
export function weightedLength(s: string): number {
  let len = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!isSpaceCode(c)) len += isCjkCode(c) ? 2 : 1;
  }
  return len;
}

/** Count of non-whitespace characters. */
export function nonSpaceLength(s: string): number {
  let len = 0;
  for (let i = 0; i < s.length; i++) if (!isSpaceCode(s.charCodeAt(i))) len++;
  return len;
}

/** Text normalised for equality tests: no whitespace, lower-case, no quotes/brackets variants. */
export function comparable(s: string): string {
  return stripSpace(s)
    .toLowerCase()
    .replace(/[“”"'‘’「」『』]/g, '');
}

/** Dedupe while keeping first-seen order. */
export function uniq<T>(items: Iterable<T>): T[] {
  return [...new Set(items)];
}

/** Cut a string to at most `max` characters (never returns a lone surrogate half at the end). */
export function clip(s: string, max: number): string {
  if (s.length <= max) return s;
  let cut = s.slice(0, max);
  if (/[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1);
  return cut;
}

/** CJK characters and CJK/full-width punctuation: a source line break between two of them is no space. */
function joinsWithoutSpace(c: number): boolean {
  return (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xffef);
}

/**
 * Collapse whitespace; a source line break between two CJK characters is not a space. One pass, linear time; a
 * text that needs no change comes back as the same string. Each run of whitespace (as collapseSpace counts it)
 * becomes one space, or nothing when it holds a line break and sits between two CJK characters; runs at either end
 * are dropped. The pieces are joined, not concatenated: every rule then loops over these lines character by
 * character, which is several times slower on a concatenated (cons) string than on a flat one.
 */
export function normalizeInline(raw: string): string {
  // Nearly every text (whitespace between tags, a line with spaces at its ends) needs at most a trim.
  const trimmed = trimmedIfCollapsed(raw);
  if (trimmed !== undefined) return trimmed;
  const n = raw.length;
  let i = 0;
  while (i < n && isCollapsibleSpace(raw.charCodeAt(i))) i++;
  let parts: string[] | undefined; // only for a text that changes
  let start = i; // start of the text not yet copied to `parts`
  while (i < n) {
    const c = raw.charCodeAt(i);
    if (!isCollapsibleSpace(c)) {
      i++;
      continue;
    }
    const runStart = i;
    let newline = false;
    let zeroWidthOnly = true;
    for (; i < n; i++) {
      const d = raw.charCodeAt(i);
      if (!isCollapsibleSpace(d)) break;
      if (d === 0x0a) newline = true;
      if (d !== 0xfeff && d !== 0x200b) zeroWidthOnly = false;
    }
    if (i === n) {
      // Trailing whitespace: dropped.
      if (!parts) return raw.slice(start, runStart);
      parts.push(raw.slice(start, runStart));
      return parts.join('');
    }
    if (c === 0x20 && i === runStart + 1) continue; // a lone space stays as it is
    parts ??= [];
    parts.push(raw.slice(start, runStart));
    // A zero-width character alone inside a word (`B\uFEFFest`, a CMS's stray byte-order mark or break hint) shows
    // no gap to a reader: the word stays whole.
    if (!zeroWidthOnly && !(newline && joinsWithoutSpace(raw.charCodeAt(runStart - 1)) && joinsWithoutSpace(raw.charCodeAt(i)))) parts.push(' ');
    start = i;
  }
  if (!parts) return start === 0 ? raw : raw.slice(start);
  parts.push(raw.slice(start));
  return parts.join('');
}

/** The first whitespace-separated word of a class attribute: `cls.trim().split(/\s+/)[0]` without building the list. */
export function firstWord(cls: string): string {
  const t = cls.trim();
  const end = t.search(/\s/);
  return end < 0 ? t : t.slice(0, end);
}
