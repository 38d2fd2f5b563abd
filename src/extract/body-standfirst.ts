/**
 * The standfirst set apart from the body's container: news pages often put the article's lead paragraph (the "dek",
 * "teaser", "intro", "perex") in the article's header with the headline and byline, a sibling of the column the
 * body scoring picks. It is the article's first paragraph all the same. Found as the last paragraph of unlinked
 * prose ahead of the body, under the article's headline, inside the same article: the wrapper holding both has little
 * other unlinked text ahead of the body (the headline, byline, date, a caption), so a paragraph of another box of
 * the page never joins. Only on pages whose language prints the lead as part of the story (leadIsText).
 */
import { closest, elementsIn, isAncestor, isTag, textContent, type Element } from './dom.js';
import type { StatsMap } from './body-score.js';
import { isInfoLine } from './body-clean.js';

/** A standfirst is a sentence or two of prose (weighted length), not a kicker or a label. */
const MIN_LEN = 80;
const MAX_LEN = 1200;
/** Unlinked text ahead of the body besides the standfirst: the headline, byline, date, captions. */
const MAX_OTHER = 600;
/** Ends as a sentence (Latin, CJK, Arabic, Devanagari punctuation, closing quotes). */
const SENTENCE_END = /[.!?…"”'’»)。！？؟।]\s*$/u;
/** Boxes passed over on the way back to the lead (a picture's caption between it and the body). */
const PASSED = /^(figure|figcaption|picture|button|label)$/;
/** Boxes that never hold the article's lead. */
const NOT_LEAD = /^(nav|aside|footer|form|a|li|td|th|blockquote|h[1-6])$/;

/** The standfirst ahead of the first of `roots` (in document `order`), or undefined. */
export function standfirstBefore(roots: Element[], order: Element[], stats: StatsMap): Element | undefined {
  const first = roots[0];
  if (!first) return undefined;
  if (!leadIsText(first)) return undefined;
  const at = order.indexOf(first);
  if (at <= 0) return undefined;
  for (let i = at - 1; i >= 0; i--) {
    const el = order[i];
    // A wrapper of the body: walk on into what precedes it, up to the page's <body>.
    if (isAncestor(el, first)) {
      if (el.name === 'body' || el.name === 'html') return undefined;
      continue;
    }
    const s = stats.get(el);
    if (!s || s.len < MIN_LEN) continue;
    // Only the innermost paragraph: a wrapper of the candidate is reached later in this backward walk.
    if (s.hasBlockChild || closest(el, (e) => PASSED.test(e.name), 8)) continue;
    // The paragraph, not an inline run inside it.
    let lead = el;
    for (let p = el.parent; p && isTag(p) && !isAncestor(p, first) && !stats.get(p)?.hasBlockChild; p = p.parent) lead = p;
    const ls = stats.get(lead) ?? s;
    if (!isLead(lead, ls.len, ls.linkLen)) return undefined; // the nearest prose ahead is something else
    return fitsArticle(lead, first, stats) ? lead : undefined;
  }
  return undefined;
}

function isLead(el: Element, len: number, linkLen: number): boolean {
  if (len > MAX_LEN || linkLen > 0) return false;
  if (closest(el, (e) => NOT_LEAD.test(e.name), 6)) return false;
  const text = textContent(el).replace(/\s+/g, ' ').trim();
  return SENTENCE_END.test(text) && !isInfoLine(text);
}

/**
 * Inside the wrapper holding the standfirst and the body, little other unlinked text precedes the body (the headline,
 * byline, date, a caption): the standfirst opens the same article. Text after the body (related links) is not counted.
 */
function fitsArticle(lead: Element, first: Element, stats: StatsMap): boolean {
  let wrap = lead.parent;
  while (wrap && isTag(wrap) && !isAncestor(wrap, first)) wrap = wrap.parent;
  if (!wrap || !isTag(wrap) || wrap.name === 'body' || wrap.name === 'html') return false;
  let before = 0;
  for (let node: Element = first; node !== wrap; node = node.parent as Element) {
    for (let sib = node.prev; sib; sib = sib.prev) {
      if (!isTag(sib)) continue;
      const s = stats.get(sib);
      if (s) before += s.len - s.linkLen;
    }
  }
  const ls = stats.get(lead);
  return before - (ls?.len ?? 0) <= MAX_OTHER && headlineAbove(lead, first, wrap);
}

/**
 * The standfirst sits under the article's headline: a headline (h1 or h2) precedes it in the wrapper, and none comes
 * between it and the body (a box's paragraph above the article's own headline is not its lead).
 */
function headlineAbove(lead: Element, first: Element, wrap: Element): boolean {
  let above = false;
  let passed = false;
  for (const el of elementsIn(wrap)) {
    if (el === first) return above;
    if (el === lead) passed = true;
    else if (el.name === 'h1' || el.name === 'h2') {
      if (passed && !isAncestor(lead, el)) return false;
      above = true;
    }
  }
  return false;
}

/**
 * Does the page's language print the lead as the article's first paragraph? English-language sites set their dek
 * apart as a summary (the description, not the story: benchmarks of English articles leave it out), where German,
 * French, Czech… news prints the Vorspann / chapeau / perex as the story's opening. Decided by <html lang>; a page
 * that declares none is left as it is.
 */
function leadIsText(el: Element): boolean {
  let top: Element = el;
  while (top.parent && isTag(top.parent)) top = top.parent;
  const lang = (top.attribs.lang ?? top.attribs['xml:lang'] ?? '').trim().toLowerCase();
  return lang !== '' && !/^en\b/.test(lang);
}
