/**
 * The chosen heading's wording set against the metadata titles: a badge dropped when the rest is a metadata title
 * (withoutBadge), the metadata's capitals for a heading styled all lower or upper case (metadataCasing), the metadata's
 * separator after a kicker set apart by style alone (withKickerMark). title.ts chooses the heading.
 */
import { isTag, isText, textContent, type Element } from './dom.js';
import { squashKey } from './title-keys.js';
import { isTitleSegment, tidyTitle } from './title-text.js';
import { collapseSpace, countCjk, weightedLength } from './text.js';

/**
 * A heading whose first or last child element is a short badge ("<h1><span>原创</span>标题</h1>", "标题<em>置顶</em>",
 * "<h1><span>Exclusive</span> Headline</h1>"): when the heading less that badge is exactly a metadata title, that
 * wording is the headline. (A badge is four Chinese characters at most, or a leading word or two of a spaced script.)
 */
export function withoutBadge(el: Element, refs: string[]): string | undefined {
  const kids = el.children.filter((c) => isTag(c) || (isText(c) && c.data.trim()));
  if (kids.length < 2) return undefined;
  const keys = refs.map(squashKey);
  for (const [badge, rest] of [[kids[0], kids.slice(1)], [kids[kids.length - 1], kids.slice(0, -1)]] as const) {
    // A kicker leading a spaced script's headline may be a word or two; a trailing part that long is a subtitle.
    const label = collapseSpace(textContent(badge));
    const kicker = badge === kids[0] && countCjk(label) === 0;
    if (!isTag(badge) || weightedLength(label) > (kicker ? 16 : 8)) continue;
    const text = rest.map((c) => textContent(c)).join('');
    if (keys.includes(squashKey(text))) return tidyTitle(text);
  }
  return undefined;
}

/**
 * A heading typed all in lower case or all in capitals ("history of coffee", styled by CSS) shows the words of a
 * metadata title written with real capitalisation ("History of coffee | … | Britannica"): that casing is the headline's.
 */
export function metadataCasing(text: string, refs: Array<string | undefined>): string {
  if (text !== text.toLowerCase() && text !== text.toUpperCase()) return text;
  const lower = text.toLowerCase();
  for (const raw of refs) {
    if (!raw) continue;
    const ref = collapseSpace(raw);
    const i = ref.toLowerCase().indexOf(lower);
    if (i < 0) continue;
    const part = ref.slice(i, i + text.length);
    const mixed = part !== part.toLowerCase() && part !== part.toUpperCase();
    if (mixed && part.toLowerCase() === lower && isTitleSegment(part, ref)) return part;
  }
  return text;
}

/**
 * A heading setting its kicker apart by style alone ("<span>Nationale Demo</span> Der 9. Juli naht: …") reads as one
 * run-on line; a metadata title with the same words in the same order and a separator where the kicker ends
 * ("Nationale Demo / Der 9. Juli naht: …") is the headline as written. (Only an added separator: a metadata title
 * differing in quotes or other marks leaves the page's text.)
 */
export function withKickerMark(text: string, refs: string[]): string {
  // (Eight letters and digits at least, not words: a heading of a word or two gives too little to tell by.)
  const letters = lettersOnly(text);
  if (letters.length < 8) return text;
  const marks = countMarks(text);
  for (const ref of refs) if (ref && lettersOnly(ref) === letters && countMarks(ref) > marks && sameExceptMarks(text, ref)) return ref;
  return text;
}
/** The letters and digits of `s`, marks and spaces dropped. */
const lettersOnly = (s: string): string => s.replace(/[^\p{L}\p{N}]+/gu, '');
const KICKER_MARK = /[:/|–—]/g;
const countMarks = (s: string): number => s.match(KICKER_MARK)?.length ?? 0;
/** The two differ only by separator marks and spaces (not by quotes, hyphens or other punctuation). */
function sameExceptMarks(a: string, b: string): boolean {
  const strip = (s: string): string => s.replace(KICKER_MARK, '').replace(/\s+/g, '');
  return strip(a) === strip(b);
}
