/**
 * The page as a string, before it is parsed: oversized pages cut, C0 controls dropped, pathologically deep markup
 * unwrapped, and whether mojibake repair is worth a walk of the tree. Each step scans the whole page, so each is a
 * native search or one loop, and a page with nothing to fix comes back as the same string.
 */
import { CONTINUATION_CLASS, hasEscapedLead, mayHoldMojibake } from './mojibake.js';
import { clip } from './text.js';

/** Pages are cut here: real articles are far smaller, and parse time grows with size. */
export const MAX_INPUT_CHARS = 2_000_000;

export interface PreparedMarkup {
  html: string;
  warnings: string[];
  /** Whether the page may hold a mojibake run (repairTextNodes has something to look for). */
  mayHoldMojibake: boolean;
}

export function prepareMarkup(rawHtml: string): PreparedMarkup {
  const warnings: string[] = [];
  let html = rawHtml;
  if (html.length > MAX_INPUT_CHARS) {
    // Oversized pages are mostly inline scripts and styles: drop the largest of those before cutting, so the article
    // (and the small scripts carrying the page's data) survives.
    html = stripScriptsAndStyles(html, MAX_INPUT_CHARS);
    if (html.length > MAX_INPUT_CHARS) {
      warnings.push(`input truncated from ${rawHtml.length} to ${MAX_INPUT_CHARS} characters`);
      html = clip(html, MAX_INPUT_CHARS);
    }
  }
  // Control characters and mojibake runs are both rare: one scan of the page for either, the exact tests only
  // when it finds something (each is a scan of the whole page).
  const rare = hasControlOrMojibakeLead(html);
  // Binary bytes decoded as text show up as C0 controls and U+FFFD; drop the controls, report if many.
  const controls = rare ? (html.match(/[\u0000-\u0008\u000b\u000e-\u001f\ufffd]/g)?.length ?? 0) : 0;
  if (controls > 0) {
    if (controls > 64 && controls > html.length / 200) warnings.push(`page looks binary or mis-decoded (${controls} control/replacement characters)`);
    html = html.replace(/[\u0000-\u0008\u000b\u000e-\u001f]/g, '');
  }
  const scanned = html;
  const unnested = limitNesting(html);
  if (unnested !== html) {
    warnings.push(`markup nested deeper than ${MAX_MARKUP_DEPTH} levels was unwrapped before parsing`);
    html = unnested;
  }
  // Unless the page changed since the scan above, a run's first test is known to fail.
  return { html, warnings, mayHoldMojibake: rare || html !== scanned ? mayHoldMojibake(html) : hasEscapedLead(html) };
}

/**
 * What prepareMarkup removes (C0 controls) or counts (U+FFFD), or the lead character of a mojibake run. One
 * character class: V8 scans for it in a tight native loop, where the alternation "control | lead followed by
 * continuation" tried two branches at every character (a third slower on Chinese pages and on Latin ones alike).
 */
const CONTROL_OR_LEAD = /[\u0000-\u0008\u000b\u000e-\u001f\ufffd\u00c2-\u00f4]/g;
const CONTINUATION_AT = new RegExp(CONTINUATION_CLASS, 'y');

/** A C0 control or U+FFFD, or a lead character directly followed by a continuation one (LEAD_HINT). */
export function hasControlOrMojibakeLead(html: string): boolean {
  CONTROL_OR_LEAD.lastIndex = 0;
  // test(), not exec(): no match array is built for each accented letter of a Latin page.
  while (CONTROL_OR_LEAD.test(html)) {
    const next = CONTROL_OR_LEAD.lastIndex;
    const c = html.charCodeAt(next - 1);
    if (c < 0xc2 || c > 0xf4) return true;
    CONTINUATION_AT.lastIndex = next;
    if (CONTINUATION_AT.test(html)) return true;
  }
  return false;
}

/** Past this many unclosed tags, markup is unwrapped before parsing (the parser's tag stack grows quadratically). */
const MAX_MARKUP_DEPTH = 500;
/** Elements the parser closes implicitly (old pages rarely close them): not counted as nesting. */
const AUTO_CLOSED = new Set(['p', 'li', 'td', 'th', 'tr', 'dt', 'dd', 'option']);
const VOID_TAGS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
// No '<' inside a tag: keeps the scan linear on hostile input like '<a<a<a…'; the lookahead keeps the name whole, so
// a long name with no '>' after it is not retried at every shorter length (quadratic).
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)(?![a-zA-Z0-9-])[^<>]*>/g;

/**
 * Pathologically deep markup is unwrapped below MAX_MARKUP_DEPTH, keeping the text. Normal pages are returned
 * untouched after a quick scan of tag names.
 */
export function limitNesting(html: string): string {
  if (maxNestingDepth(html) <= MAX_MARKUP_DEPTH) return html;
  let depth = 0;
  let excess = 0;
  TAG.lastIndex = 0;
  return html.replace(TAG, (tag: string, slash: string, name: string) => {
    const lower = name.toLowerCase();
    if (VOID_TAGS.has(lower) || AUTO_CLOSED.has(lower) || tag.endsWith('/>')) return tag;
    if (slash) {
      if (excess > 0) {
        excess--;
        return '';
      }
      depth = Math.max(0, depth - 1);
      return tag;
    }
    if (depth >= MAX_MARKUP_DEPTH) {
      excess++;
      return '';
    }
    depth++;
    return tag;
  });
}

/**
 * A tag name of up to 6 ASCII letters as a number (5 bits a letter, case folded): void and auto-closed names are
 * looked up so, without cutting a string out of the page for every tag.
 */
function letterCode(s: string, start: number, end: number): number {
  let code = 0;
  for (let i = start; i < end; i++) code = code * 32 + ((s.charCodeAt(i) | 0x20) - 96);
  return code;
}
const NOT_NESTING_CODES = new Set([...VOID_TAGS, ...AUTO_CLOSED].map((name) => letterCode(name, 0, name.length)));

/** Approximate nesting depth from a scan of '<' positions (stops early once past the limit). */
function maxNestingDepth(html: string): number {
  let depth = 0;
  let max = 0;
  for (let i = html.indexOf('<'); i >= 0; i = html.indexOf('<', i + 1)) {
    const closing = html.charCodeAt(i + 1) === 47;
    let j = closing ? i + 2 : i + 1;
    const start = j;
    let letters = true;
    while (j < html.length && j - start < 12) {
      const c = html.charCodeAt(j) | 0x20;
      if (c >= 97 && c <= 122) {
        j++;
        continue;
      }
      if (!(c >= 48 && c <= 57 && j > start)) break;
      letters = false;
      j++;
    }
    if (j === start) continue;
    // Void and auto-closed names are all short and all letters: only those are looked up.
    if (letters && j - start <= 6 && NOT_NESTING_CODES.has(letterCode(html, start, j))) continue;
    if (closing) depth = Math.max(0, depth - 1);
    else if (++depth > max) {
      max = depth;
      if (max > MAX_MARKUP_DEPTH) return max;
    }
  }
  return max;
}

const HEAVY_OPEN = /<(script|style)\b/gi;

/**
 * Remove <script>/<style> contents (JSON-LD kept) with a single forward scan: linear even when unclosed. With a
 * `limit`, only the largest contents go, largest first, until the page fits in it: the bundles that make a page
 * oversized go, the small inline scripts holding the page's own data (WeChat's `var ct`, its account name) stay.
 */
export function stripScriptsAndStyles(html: string, limit?: number): string {
  const lower = html.toLowerCase();
  const spans: Array<[number, number]> = [];
  HEAVY_OPEN.lastIndex = 0;
  for (let m = HEAVY_OPEN.exec(html); m; m = HEAVY_OPEN.exec(html)) {
    // The tag's end found by indexOf, not by the pattern: a pattern reading to '>' rescans the rest of the page for
    // every '<script' left open (quadratic on a hostile page).
    const tagEnd = html.indexOf('>', m.index + m[0].length);
    if (tagEnd < 0) break;
    const contentStart = tagEnd + 1;
    const close = lower.indexOf(`</${m[1].toLowerCase()}`, contentStart);
    const end = close < 0 ? html.length : close;
    if (!/ld\+json/i.test(html.slice(m.index + m[0].length, tagEnd))) spans.push([contentStart, end]);
    HEAVY_OPEN.lastIndex = end;
    if (close < 0) break;
  }
  let dropped = spans;
  if (limit !== undefined) {
    const bySize = [...spans].sort((a, b) => b[1] - b[0] - (a[1] - a[0]));
    let length = html.length;
    let n = 0;
    while (n < bySize.length && length > limit) length -= bySize[n][1] - bySize[n++][0];
    dropped = bySize.slice(0, n).sort((a, b) => a[0] - b[0]);
  }
  const parts: string[] = [];
  let pos = 0;
  for (const [start, end] of dropped) {
    parts.push(html.slice(pos, start));
    pos = end;
  }
  parts.push(html.slice(pos));
  return parts.join('');
}
