/** String helpers shared by the extractors. All regexes here are linear (no nested quantifiers). */

/** Collapse runs of whitespace (incl. NBSP and the ideographic space U+3000) to one space and trim. */
export function collapseSpace(s: string): string {
  return s.replace(/[\s\u00a0\u3000\u200b\ufeff]+/g, ' ').trim();
}

/** Remove every whitespace character: how titles are compared. */
export function stripSpace(s: string): string {
  return s.replace(/[\s\u00a0\u3000\u200b\ufeff]+/g, '');
}

/** Counted with a loop: match() would build an array as long as the text. */
export function countCjk(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (isCjkCode(s.charCodeAt(i))) n++;
  return n;
}


function isSpaceCode(c: number): boolean {
  return c <= 0x20 || c === 0xa0 || c === 0x3000 || c === 0x200b || c === 0xfeff || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029;
}

function isCjkCode(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0x3040 && c <= 0x30ff) || (c >= 0xac00 && c <= 0xd7af);
}

function isPunctuationCode(c: number): boolean {
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

const CJK_NEWLINE = /(?<=[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef])\n(?=[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef])/g;

/** Collapse whitespace; a source line break between two CJK characters is not a space. Linear time. */
export function normalizeInline(raw: string): string {
  const runs = raw.replace(/[\s\u00a0\u3000\u200b\ufeff]+/g, (w) => (w.includes('\n') ? '\n' : ' '));
  return runs.replace(CJK_NEWLINE, '').replace(/\n/g, ' ').trim();
}
