/**
 * The standfirst set apart from the body's container: news pages often put the article's lead paragraph (the "dek",
 * "teaser", "intro", "perex") in the article's header with the headline and byline, a sibling of the column the
 * body scoring picks. It is the article's first paragraph all the same. Found as the last paragraph of unlinked
 * prose ahead of the body, under the article's headline, inside the same article (the wrapper holding both has little
 * other unlinked text ahead of the body), and only with a lead's own mark: its text is the page's description, or
 * its class/id names it a lead ("standfirst", "article__lead", "perex"…). A paragraph in a box of another kind
 * (newsletter, author bio, cookie notice, related story, sidebar, caption) never joins.
 */
import { closest, elementsIn, isAncestor, isTag, textContent, type Element } from './dom.js';
import type { StatsMap } from './body-score.js';
import { isInfoLine } from './body-info-lines.js';
import { comparable } from './text.js';
import { normalizeLang } from './meta.js';

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
/** A class/id token (or two joined: "sub-headline", "kicker-text") naming the lead paragraph. */
const LEAD_TOKEN = /^(?:article|post|entry|story|news|content|page|text|body)?(?:standfirst|lead|lede|leadtext|intro|introduction|teaser|summary|dek|deck|chapeau|perex|excerpt|subtitle|subheadline|subhead|abstract|kickertext|vorspann|ingress|sommario|bajada|entradilla|description)(?:text|paragraph|para|copy)?$/;
/** A class/id token of a box that is not the article's lead (notices, promotions, bios, related stories, captions). */
const BOX_TOKEN = /^(?:newsletters?|nl|subscribe|subscription|signup|promo|promotion|ads?|advert|advertisement|sponsor(?:ed)?|bio|author|authors|byline|profile|related|recommended|more|cookies?|consent|gdpr|privacy|notice|notification|alert|banner|tips?|hint|rules|sidebar|side|aside|rail|nav|navigation|menu|footer|widget|social|share|sharing|comments?|captions?|credits?|disclaimer|breadcrumbs?|tags|popup|modal|overlay|paywall|login|image|img|photo|media|picture|video|figure|gallery)$/;

/** The standfirst ahead of the first of `roots` (in document `order`), or undefined. */
export function standfirstBefore(roots: Element[], order: Element[], stats: StatsMap, description?: string): Element | undefined {
  const first = roots[0];
  if (!first || !leadIsText(first)) return undefined;
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
    return fitsArticle(lead, first, stats) && markedLead(lead, first, description) ? lead : undefined;
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
 * apart as a summary (benchmarks of English articles leave it out: with the lead's mark alone, 14 English dev pages
 * lost precision, 3 gained), where German, French, Czech… news prints the Vorspann / chapeau / perex as the story's
 * opening. Decided by the declared language (<html lang>, else <body lang>); a page that declares none is left as is.
 */
function leadIsText(el: Element): boolean {
  let top: Element = el;
  let body: Element | undefined;
  while (top.parent && isTag(top.parent)) {
    top = top.parent;
    if (top.name === 'body') body = top;
  }
  const raw = top.attribs.lang ?? top.attribs['xml:lang'] ?? body?.attribs.lang;
  const lang = normalizeLang(raw === undefined ? undefined : raw.replace(/^eng\b/i, 'en'));
  return lang !== undefined && !/^en(?:$|-)/.test(lang);
}

/**
 * The lead's own mark: its text is the page's description (the CMS's summary field printed under the headline), or a
 * class/id from it up to the wrapper it shares with the body names it a lead; no box on the way names another kind.
 */
function markedLead(lead: Element, first: Element, description: string | undefined): boolean {
  let named = false;
  let inHeader = false;
  for (let el: Element | null = lead; el && isTag(el) && !isAncestor(el, first); el = el.parent as Element | null) {
    const tokens = tokensOf(el);
    if (tokens.some((t) => BOX_TOKEN.test(t))) return false;
    // A box of its own under the article's header (no h1/h2 in it) with its own title or picture: a teaser, a bio.
    if (!inHeader && el !== lead) {
      const inside = elementsIn(el);
      inHeader = inside.some((e) => e.name === 'h1' || e.name === 'h2');
      if (!inHeader && inside.some((e) => /^(?:h[3-6]|img)$/.test(e.name) && !closest(e, (f) => f.name === 'figure', 4))) return false;
    }
    if (!named) named = tokens.some((t, i) => LEAD_TOKEN.test(t) || (i > 0 && LEAD_TOKEN.test(tokens[i - 1] + t)));
  }
  return named || sameText(textContent(lead), description);
}

/** class, id, itemprop and short data-* values split into lower-case words ("c-article__leadText" → c, article, lead, text). */
function tokensOf(el: Element): string[] {
  let raw = `${el.attribs.class ?? ''} ${el.attribs.id ?? ''} ${el.attribs.itemprop ?? ''}`;
  // A CMS's field name in a data attribute (data-manual="teaserText"), where classes are hashed.
  for (const [k, v] of Object.entries(el.attribs)) if (k.startsWith('data-') && v.length <= 40) raw += ` ${v}`;
  if (!raw.trim()) return [];
  return raw.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
}

/** Text compared for sameness: no spaces, case, quotes, soft hyphens or zero-width characters; no closing ellipsis. */
export function leadKey(s: string): string {
  return comparable(s.replace(/(?:\.\.\.|…)\s*$/, '')).replace(/[\u00ad\u200b-\u200f\u2060\ufeff„‚«»‹›]/g, '');
}

/** Is the lead the page's description (the same text, or one the start of the other, truncated)? */
function sameText(lead: string, description: string | undefined): boolean {
  if (!description) return false;
  const a = leadKey(lead);
  const b = leadKey(description);
  if (b.length < 40 || a.length < 40) return false;
  // The lead may open on a dateline the description leaves out ("Berlin. Die Füchse …"), or the reverse.
  return a.slice(0, 80).includes(b.slice(0, 40)) || b.slice(0, 80).includes(a.slice(0, 40));
}

/**
 * Does `lead` repeat a line of the body: its start (normalised) anywhere, or nearly the same text (small edits:
 * quotes, a clause cut) in the body's first lines?
 */
export function repeatsBody(lead: string, lines: string[]): boolean {
  const a = leadKey(lead);
  const grams = shingles(a);
  if (a.length < 30) return false;
  for (const [i, line] of lines.entries()) {
    const b = leadKey(line);
    if (b.length < 30) continue;
    if (b.includes(a.slice(0, 60)) || a.includes(b.slice(0, 60))) return true;
    if (i >= SIMILAR_REACH) continue;
    const other = shingles(b);
    let shared = 0;
    for (const g of grams) if (other.has(g)) shared++;
    if (shared >= SIMILAR * Math.max(grams.size, other.size)) return true;
  }
  return false;
}

/** How many of the body's first lines are compared for near-sameness. */
const SIMILAR_REACH = 3;
/** Share of four-character pieces two near-same texts hold in common (of the longer one's). */
const SIMILAR = 0.7;

function shingles(s: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + 4 <= s.length; i++) out.add(s.slice(i, i + 4));
  return out;
}
