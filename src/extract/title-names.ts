/**
 * Site, blog and channel names told from the headline by what the page shows (title.ts): a name the <title> repeats
 * after its headline that an element shows by itself, and a name leading the <title> whose rest an element shows.
 */
import { classAndId, isTag, textContent, type Element } from './dom.js';
import { collapseSpace, weightedLength } from './text.js';
import { isSiteChrome } from './title-chrome.js';
import { squashKey } from './title-keys.js';
import { leadingName, titleParts, TITLE_HINT } from './title-text.js';

interface Candidate {
  el: Element;
  text: string;
}

/**
 * Texts of page elements that are a later part of `docTitle` ("骑行者老李" of "headline  骑行者老李"), shorter than its
 * first part: the page names its site, blog or channel so (a logo, a banner heading), whatever the name's wording.
 */
export function shownNames(docTitle: string, candidates: Candidate[], key: (text: string) => string): string[] {
  const parts = titleParts(docTitle);
  if (parts.length < 2) return [];
  const firstLen = weightedLength(parts[0]);
  const later = new Set(parts.slice(1).filter((p) => weightedLength(p) < firstLen).map(squashKey).filter(Boolean));
  if (later.size === 0) return [];
  const out = new Set<string>();
  for (const c of candidates) if (later.has(key(c.text))) out.add(c.text);
  return [...out];
}

/**
 * Keys of short first parts of the titles ("网易娱乐" of "网易娱乐_headline") while an element shows the part after it:
 * the channel's or blog's name leading the <title>, not the headline (a logo or a home link showing that part names
 * the site: the first part may then be the headline).
 */
export function leadNamesShown(titles: Array<string | undefined>, siteNames: string[], candidates: Candidate[], key: (text: string) => string): Set<string> {
  const leads = titles.map((r) => (r ? leadingName(r, siteNames) : undefined)).filter((l) => l !== undefined);
  const out = new Set<string>();
  if (leads.length === 0) return out;
  for (const c of candidates)
    for (const l of leads) if (l.rests.has(key(c.text)) && !out.has(l.lead) && !isSiteChrome(c.el) && !isDekOrTagline(c.el, l.lead, key)) out.add(l.lead);
  return out;
}

/** Classes of a headline's subtitle (dek, standfirst) or a blog's tagline. */
const DEK_HINT = /sub|dek|standfirst|summary|desc|intro|lede|strap|teaser|tagline|slogan/;

/** Element siblings around `el`, skipping text and comments. */
function sibling(el: Element, dir: 'prev' | 'next'): Element | undefined {
  let cur = el[dir];
  while (cur && !isTag(cur)) cur = cur[dir];
  return (cur as Element | null) ?? undefined;
}

/** A short line with a date or time in it: the article's info line under its headline. */
const isInfoLine = (el: Element | undefined): boolean => {
  if (!el) return false;
  const t = collapseSpace(textContent(el));
  return weightedLength(t) <= 80 && /\d{4}\s*[-年/.]\s*\d{1,2}|\d{1,2}:\d{2}/.test(t);
};

/**
 * The element showing the <title>'s rest is the lead's subtitle or the site's tagline, not the headline: a paragraph
 * (no title class) or an element classed like a dek, a footer line, or the element right under the lead's heading
 * with no info line (a date) under it ("<h1>Fed holds rates steady</h1><h2>dek</h2>", the <title> "headline | dek").
 * A channel banner's next element that is the headline has the date under it ("<h1>网易娱乐</h1><h2>标题</h2><div>日期</div>").
 */
function isDekOrTagline(el: Element, lead: string, key: (text: string) => string): boolean {
  const cls = classAndId(el);
  if (TITLE_HINT.test(cls)) return false;
  if (DEK_HINT.test(cls)) return true;
  // A paragraph, or a wrapper holding only one ("<div><p>tagline</p></div>").
  for (let cur: Element | undefined = el; cur; ) {
    if (cur.name === 'p') return true;
    const kids: Element[] = cur.children.filter((c): c is Element => isTag(c));
    cur = kids.length === 1 && !TITLE_HINT.test(classAndId(kids[0])) ? kids[0] : undefined;
  }
  for (let cur = el.parent as Element | null, i = 0; cur && isTag(cur) && i < 6; cur = cur.parent as Element | null, i++) if (cur.name === 'footer') return true;
  const prev = sibling(el, 'prev');
  return !!prev && key(collapseSpace(textContent(prev))) === lead && !isInfoLine(sibling(el, 'next'));
}
