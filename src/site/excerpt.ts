/** Short excerpts of a body for lists and search results, with the matched words marked. */

export interface ExcerptPart {
  text: string;
  hit: boolean;
}

/** Excerpt size in width units: a CJK character counts two, anything else one (about two lines either way). */
const DEFAULT_WIDTH = 220;
const WIDE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uffef]/u;

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * The text as user-perceived characters (grapheme clusters): an excerpt is cut only between two of
 * them, so never inside a surrogate pair (𠀾, emoji), a combining sequence or an emoji ZWJ sequence,
 * and the result is always well-formed UTF-16 (and so UTF-8 once sent).
 */
export function splitGraphemes(text: string): string[] {
  return Array.from(graphemes.segment(text), (s) => s.segment);
}

const widthOf = (g: string): number => (WIDE.test(g) ? 2 : 1);

/** How many of `chars`, from `from`, fit in `width` units. */
function fitting(chars: string[], from: number, width: number): number {
  let used = 0;
  let n = 0;
  while (from + n < chars.length && used + widthOf(chars[from + n]) <= width) used += widthOf(chars[from + n++]);
  return n;
}

/**
 * The first `units` UTF-16 units of `text`, one more when the cut would split a surrogate pair: enough
 * text for any excerpt (a grapheme counts at least one width unit and is rarely over 16 units long),
 * so a long body is never segmented whole.
 */
function head(text: string, units: number): string {
  if (text.length <= units) return text;
  const code = text.charCodeAt(units);
  return text.slice(0, code >= 0xdc00 && code <= 0xdfff ? units + 1 : units);
}

function clip(text: string, start: number, width: number): { text: string; start: number } {
  const chars = splitGraphemes(text);
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
  const cut = head(body, width * 16 + 64);
  const text = clip(cut.replace(/\s+/g, ' ').trim(), 0, width).text;
  return cut.length < body.length && body.slice(cut.length).trim() && !text.endsWith('…') ? `${text}…` : text;
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
  // Positions above are UTF-16 offsets in the lower-cased text (whose length may differ); clip() works in
  // graphemes of the original, so convert through a grapheme count of the lower-cased prefix.
  const startChars = first < 0 ? 0 : Math.max(0, splitGraphemes(lower.slice(0, first)).length - 16);
  const { text } = clip(head(flat, Math.max(0, first) + width * 16 + 64), startChars, width);
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
