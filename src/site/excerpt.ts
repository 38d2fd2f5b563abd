/** Short excerpts of a body for lists and search results, with the matched words marked. */

export interface ExcerptPart {
  text: string;
  hit: boolean;
}

/** Excerpt size in width units: a CJK character counts two, anything else one (about two lines either way). */
const DEFAULT_WIDTH = 220;
const WIDE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uffef]/u;

/** How many of `chars`, from `from`, fit in `width` units. */
function fitting(chars: string[], from: number, width: number): number {
  let used = 0;
  let n = 0;
  while (from + n < chars.length && used + (WIDE.test(chars[from + n]) ? 2 : 1) <= width) used += WIDE.test(chars[from + n++]) ? 2 : 1;
  return n;
}

function clip(text: string, start: number, width: number): { text: string; start: number } {
  const chars = [...text];
  let from = Math.max(0, start);
  let length = fitting(chars, from, width);
  // Near the end: move the window back so it is full.
  while (from > 0 && from + length >= chars.length && fitting(chars, from - 1, width) > length) length = fitting(chars, --from, width);
  if (from + length < chars.length) length = Math.max(1, length - 1); // room for the ellipsis
  let out = chars.slice(from, from + length).join('');
  if (from > 0) out = `…${out}`;
  if (from + length < chars.length) out = `${out}…`;
  return { text: out, start: from };
}

/** The body's opening, on one line. */
export function leadExcerpt(body: string, width = DEFAULT_WIDTH): string {
  return clip(body.replace(/\s+/g, ' ').trim(), 0, width).text;
}

/**
 * A window of the body around the first place any needle occurs (case-insensitive), split into
 * parts so the page can mark the hits; the opening when nothing matches.
 */
export function excerptAround(body: string, needles: readonly string[], width = DEFAULT_WIDTH): ExcerptPart[] {
  const flat = body.replace(/\s+/g, ' ').trim();
  const lower = flat.toLowerCase();
  const wanted = needles.map((n) => n.toLowerCase()).filter((n) => n.length > 0);
  let first = -1;
  for (const n of wanted) {
    const at = lower.indexOf(n);
    if (at >= 0 && (first < 0 || at < first)) first = at;
  }
  // Positions above are UTF-16 offsets; clip() works in code points, so convert.
  const startChars = first < 0 ? 0 : Math.max(0, [...flat.slice(0, first)].length - 16);
  const { text } = clip(flat, startChars, width);
  return markHits(text, wanted);
}

/** Splits `text` into hit and non-hit parts for the needles (longest first, case-insensitive). */
export function markHits(text: string, needles: readonly string[]): ExcerptPart[] {
  const sorted = [...new Set(needles.map((n) => n.toLowerCase()).filter(Boolean))].sort((a, b) => b.length - a.length);
  if (sorted.length === 0) return [{ text, hit: false }];
  const escaped = sorted.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const parts: ExcerptPart[] = [];
  let last = 0;
  for (const m of text.matchAll(new RegExp(escaped.join('|'), 'giu'))) {
    if (m.index > last) parts.push({ text: text.slice(last, m.index), hit: false });
    parts.push({ text: m[0], hit: true });
    last = m.index + m[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last), hit: false });
  return parts;
}
