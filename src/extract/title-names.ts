/**
 * Site, blog and channel names told from the headline by what the page shows (title.ts): a name the <title> repeats
 * after its headline that an element shows by itself, and a name leading the <title> whose rest an element shows.
 */
import type { Element } from './dom.js';
import { weightedLength } from './text.js';
import { isSiteChrome } from './title-chrome.js';
import { leadingName, squashKey, titleParts } from './title-text.js';

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
  for (const c of candidates) for (const l of leads) if (l.rests.has(key(c.text)) && !out.has(l.lead) && !isSiteChrome(c.el)) out.add(l.lead);
  return out;
}
