/**
 * Title: the headline a reader sees. A heading (h1, itemprop=headline, title-classed element …) that matches
 * <title>, og:title or the JSON-LD headline wins; else a heading worded like them (title-similar.ts); else a
 * headline-looking line just above the body (title-lines.ts: old pages whose <title> is generic); else og:title / headline / <title> with the site-name prefix or suffix
 * (" - 鲁网", " | Reuters", "_新浪新闻") removed (title-text.ts: what is done to a title's text). Which of the
 * headline's copies on the page is the article's: title-copies.ts.
 */
import type { StatsMap } from './body-score.js';
import { BLOCK_TAGS, classAndId, isAncestor, isTag, isText, textContent, type AnyNode, type Element } from './dom.js';
import { isAllLink, isBreadcrumb, isSiteChrome } from './title-chrome.js';
// Callers that imported it from here before it moved.
export { isSiteChrome } from './title-chrome.js';
import { headlineText, isHeadlineSized, similarHeading, titleTokens, tokenSimilarity } from './title-similar.js';
import { leadNamesShown, shownNames } from './title-names.js';
import { isDateStamp, squashKey } from './title-keys.js';
import { cleanTitle, isSiteOnly, isTitleSegment, tidyTitle, TITLE_HINT, withoutSiteSuffix } from './title-text.js';
import { collapseSpace, isUnspacedScriptCode, weightedLength } from './text.js';
import { metadataCasing, withKickerMark, withoutBadge } from './title-wording.js';

export interface TitleResult {
  title?: string;
  /** The page element showing the headline, when found (bylines are looked for after it). */
  el?: Element;
  /** Channel names the page shows as headings (cut off <title>): never the headline (title-lines.ts skips them). */
  channels?: string[];
  /** Site or blog names the page shows that the <title> repeats after its headline (cut from metadata titles too). */
  siteNames?: string[];
}

export interface TitleSources {
  docTitle?: string;
  ogTitle?: string;
  headline?: string;
  siteNames: string[];
}

const HEADLINE_TAGS = new Set([
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'div', 'p', 'span', 'td', 'th', 'font', 'b', 'strong', 'center', 'a', 'header', 'em', 'big', 'caption', 'li', 'dt',
]);

/** First non-space character of an element's text (a few steps down the tree at most). */
function firstChar(el: Element): string | undefined {
  // It runs on every headline-sized element of the page: one reused stack, and search() rather than exec() (no match array).
  const stack = firstCharStack;
  stack.push(el);
  let first: string | undefined;
  for (let steps = 0; stack.length > 0 && steps < 64; steps++) {
    const n = stack.pop()!;
    if (isText(n)) {
      const i = n.data.search(NON_SPACE);
      if (i >= 0) {
        first = n.data[i].toLowerCase();
        break;
      }
    } else if (isTag(n)) {
      for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]);
    }
  }
  if (stack.length !== 0) stack.length = 0;
  return first;
}
const firstCharStack: AnyNode[] = [];
// Zero-width spaces too: collapseSpace drops them from the title sources, so a headline opening with one (a CMS's
// leading U+200B) must be tested by the character after it.
const NON_SPACE = /[^\s\u00a0\u3000\u200b\ufeff]/;
const BULLET_OR_QUOTE = /^[*•●■□◆◇★☆>»▶►·“"'‘「『]$/; // (a literal in the loop: a new RegExp per element)

interface Candidate {
  el: Element;
  text: string;
  prior: number;
  /** An h1 with text comes before it: it stands in the article, below the headline, not over it. */
  afterH1: boolean;
}

function headlineCandidates(order: Element[], stats: StatsMap, maxLen: number, refChars: Set<string>): Candidate[] {
  const out: Candidate[] = [];
  // Nested candidates often hold the same text (<h2><a>headline</a></h2>, <li><a>…</a></li>): tidied once.
  const tidied = new Map<string, string>();
  let h1: Element | undefined;
  for (const el of order) {
    const size = stats.get(el)?.len ?? 0;
    const noH1Before = h1 === undefined;
    if (noH1Before && el.name === 'h1' && size > 0) h1 = el;
    if (size < 4 || size > maxLen) continue;
    if (!HEADLINE_TAGS.has(el.name)) continue;
    // Cheap pre-test before reading the text: its first character must occur in some title source.
    const first = firstChar(el);
    if (first === undefined || (!refChars.has(first) && !BULLET_OR_QUOTE.test(first))) continue;
    let prior: number;
    if (el.name === 'h1' || el.attribs.itemprop === 'headline') prior = 3;
    else if (el.name === 'h2' || el.name === 'h3') prior = 1;
    else if (TITLE_HINT.test(classAndId(el))) prior = 1.5;
    else prior = 0.5;
    // Generic elements only when they could hold a real headline, not every short link and span.
    if (prior === 0.5 && size < 8) continue;
    const raw = headlineText(el);
    let text = tidied.get(raw);
    if (text === undefined) tidied.set(raw, (text = tidyTitle(raw, true)));
    // (An element inside the h1, "<h1><a>headline</a></h1>", is not after it.)
    out.push({ el, text, prior, afterH1: !noH1Before && h1 !== undefined && !isAncestor(h1, el) });
    if (out.length > 5000) break;
  }
  return out;
}

/** Share of words two wordings of a headline hold in common to count as the same wording. */
const SAME_WORDING = 0.8;

/** Weighted length past which a part of a title, set off by real separators, is the headline's size. */
const LONG_SEGMENT = 30;

/**
 * The following element text when it completes the headline ("主标题" + "——副标题" = <title>). Two blocks (an h1 and
 * the deck under it) or two inline parts with a space between are read with a space ("Bus routes — and cheaper
 * fares"), except where Chinese or Japanese text, which puts no spaces between its parts, meets the join.
 */
function withSubtitle(el: Element, text: string, full: string): string {
  let next = el.next;
  let spaced = false;
  while (next && !(isTag(next) || (next.type === 'text' && (next as unknown as { data: string }).data.trim()))) {
    spaced = true;
    next = next.next;
  }
  if (!next) return text;
  const rest = collapseSpace(textContent(next));
  if (BLOCK_TAGS.has(el.name) || (isTag(next) ? BLOCK_TAGS.has(next.name) : /^\s/.test(next.data))) spaced = true;
  const joined = spaced && !unspacedAt(text, text.length - 1) && !unspacedAt(rest, 0) ? `${text} ${rest}` : text + rest;
  return squashKey(joined) === squashKey(full) ? tidyTitle(joined) : text;
}

/** A character of Chinese or Japanese text or its punctuation ("】", "。") at s[i]. */
function unspacedAt(s: string, i: number): boolean {
  const c = s.codePointAt(i) ?? 0;
  return isUnspacedScriptCode(c) || (c >= 0x3000 && c <= 0x303f);
}

export function extractTitle(order: Element[], stats: StatsMap, src: TitleSources): TitleResult {
  const refs = [src.docTitle, src.ogTitle, src.headline]
    .filter((x): x is string => !!x && x.length > 0)
    .map((r) => ({ raw: r, squashed: squashKey(r), len: weightedLength(r) }));
  if (refs.length === 0) return {};
  const maxLen = Math.max(...refs.map((r) => r.len)) + 4;
  const refChars = new Set<string>(); // (no array of each title's characters on the way)
  for (const r of refs) for (const ch of r.squashed) refChars.add(ch);
  let best: { el: Element; text: string; score: number } | undefined;
  const squashed = new Map<string, string>();
  const key = (text: string): string => {
    let k = squashed.get(text);
    if (k === undefined) squashed.set(text, (k = squashKey(text)));
    return k;
  };
  const candidates = headlineCandidates(order, stats, maxLen, refChars);
  // Site, blog and channel names the page shows that the <title> repeats after its headline ("headline  骑行者老李",
  // "headline—老李的小站": weak separators, where cleanTitle cuts only parts named like a site): cut like og:site_name.
  const learned = src.docTitle ? shownNames(src.docTitle, candidates, key) : [];
  const siteNames = learned.length > 0 ? [...src.siteNames, ...learned] : src.siteNames;
  // index.ts cleans the metadata titles with them too.
  const named = (r: TitleResult): TitleResult => (learned.length > 0 ? { ...r, siteNames: learned } : r);
  const cleanedDoc = src.docTitle ? cleanTitle(src.docTitle, siteNames) : '';
  // What cleanTitle cut off the <title> is the site or channel name: a heading found only there ("网易娱乐" of
  // "headline_网易娱乐") is a channel label even when og:title repeats it.
  const docKey = src.docTitle ? squashKey(src.docTitle) : '';
  const cleanedKey = squashKey(cleanedDoc);
  // A <title> left generic — short, no separator, naming something that og:title and the JSON-LD headline do not
  // contain — is the site's name: a heading repeating it is the logo, not the headline ("<h1>Harbour Gazette</h1>").
  const metaKeys = [src.ogTitle, src.headline].filter((x): x is string => !!x).map((r) => squashKey(cleanTitle(r, siteNames)));
  const genericDocTitle =
    docKey.length > 0 && cleanedKey === docKey && weightedLength(src.docTitle ?? '') <= 20 && metaKeys.length > 0 && metaKeys.every((k) => k.length > docKey.length && !k.includes(docKey));
  const channels: string[] = [];
  const looseEnds = { sites: siteNames };
  const leadNames = leadNamesShown([src.docTitle, src.ogTitle], siteNames, candidates, key);
  for (const c of candidates) {
    const ck = key(c.text);
    if (leadNames.has(ck)) {
      channels.push(ck);
      continue;
    }
    // Cheap containment test first: most page elements are not part of any title.
    if (!ck || !refs.some((r) => r.squashed.includes(ck))) continue;
    const clen = weightedLength(c.text);
    let match = 0;
    for (const r of refs) {
      if (ck === r.squashed) match = Math.max(match, 3);
      // A short segment of a long <title> is the site or section name ("Books", "松花江网"), not the headline.
      // A long part set off by separators (30+, fifteen Han characters) is no site name however long the <title>
      // around it: "作者: headline #话题# 正文开头…… - 雪球" gives a post's opening lines after its headline.
      // A segment ends at a real separator: a bare space between two words of a spaced script is every word's end,
      // so "Best Drip Coffee Maker" (a bold phrase deep in the body) is no part of "Best Drip Coffee Maker 2026: Buying
      // Tips…". A space beside marks of any kind ("Headline › Local › Site", "Headline * Site") still ends one, and
      // so, above the h1 or with none, does one before a tag or the site's name ("Headline (VIDEO) | Site", "Headline
      // Example News"): a span or div heading the article is kept, a section heading under the h1 repeating the
      // <title>'s opening words ("The Different Types of Wine" of "… Wine (Infographic) | Site") is not.
      else if (r.squashed.includes(ck) && isTitleSegment(c.text, r.raw, true, c.afterH1 ? undefined : looseEnds))
        match = Math.max(match, r.squashed.startsWith(ck) || clen >= r.len * 0.5 || clen >= LONG_SEGMENT ? 2 : 0);
    }
    // A heading naming only a part cleanTitle cut off the <title> ("回复线索" of "headline | 回复线索") is a channel
    // label, never the headline (only a cut-off tail counts: a short leading part may be the headline itself,
    // "雄安新区 - 维基百科"). Without a better match the cleaned <title> is used instead.
    const channel = cleanedKey.length > 0 && docKey.startsWith(cleanedKey) && docKey.includes(ck, cleanedKey.length) && !cleanedKey.includes(ck);
    if (channel) {
      if (src.docTitle && isTitleSegment(c.text, src.docTitle)) channels.push(ck);
      continue;
    }
    // A heading showing the headline part of <title> exactly (the site and channel names after it cut off): a
    // blog's permalinked headline ("<h2><a href=…>Title</a></h2>" under "Title  blogname 天极Blog") is as good as
    // an exact match, though all link.
    if (match === 2 && c.prior >= 1 && ck === cleanedKey && docKey.startsWith(cleanedKey) && clen >= 8) match = 3;
    if (match === 0 || isSiteChrome(c.el) || (genericDocTitle && ck === docKey)) continue;
    // A menu or breadcrumb link naming the channel ("新闻中心" of "新闻中心 - 临江网") is not the headline.
    if (match < 3 && (c.el.name === 'a' || isAllLink(c.el, stats))) continue;
    // Longer matches beat a logo h1 whose text ("人民网") is also a segment of <title>.
    const score = match + c.prior + Math.min(clen / 20, 4);
    // (A breadcrumb's step loses a tie: the same words heading the article are the headline's element.)
    if (!best || score > best.score || (score === best.score && ck === key(best.text) && isBreadcrumb(best.el))) best = { el: c.el, text: c.text, score };
  }
  const cleaned = [src.headline, src.ogTitle].filter((x): x is string => !!x).map((r) => cleanTitle(r, siteNames));
  const reject = (el: Element): boolean => isSiteChrome(el) || isBreadcrumb(el) || isAllLink(el, stats) || isSiteName(tidyTitle(textContent(el)), siteNames);
  const similarRefs = [...cleaned, genericDocTitle ? '' : cleanedDoc].filter(Boolean);
  // A breadcrumb's last step repeats the <title> ("Home › Sustainability › Climate change: 5 innovative solutions"):
  // it files the page, it does not head it. An h1 worded otherwise ("Five innovative solutions to climate change:
  // learning from global hotspots") is the headline. (One holding the same words, "Kicker Headline" beside a crumb
  // "Kicker: Headline", leaves the crumb's wording, the <title>'s, as the title.)
  let reworded: ReturnType<typeof similarHeading>;
  if (best && isBreadcrumb(best.el)) {
    reworded = similarHeading(order, stats, { refs: similarRefs, reject });
    // (Only an h1 of a headline's size: a label naming the section, "Espresso Machines" or "Climate Change", is no
    // rewording of the crumb.)
    const [words, crumbWords] = [titleTokens(reworded?.text ?? ''), titleTokens(best.text)];
    if (reworded?.el.name === 'h1' && isHeadlineSized(words, crumbWords.size) && tokenSimilarity(words, crumbWords) < SAME_WORDING) best = undefined;
  }
  if (!best) {
    const refs = similarRefs;
    const similar = reworded ?? similarHeading(order, stats, { refs, reject });
    // The page heads the article with its channel's name ("回复线索", "网易娱乐"): other lines, or else the <title>
    // part left once that name is cut off, give the headline.
    if (!similar) {
      // Nothing on the page shows the article's title: with a generic <title>, the metadata headline is the title.
      if (genericDocTitle && cleaned[0]) return named({ title: cleaned[0] });
      return named(channels.length > 0 ? { channels } : {});
    }
    // A heading holding the whole metadata title plus a date or time ("… 2014-04-30 23:54") shows that title.
    const k = squashKey(similar.text);
    const whole = refs.find((r) => weightedLength(r) >= 6 && k.includes(squashKey(r)) && isDateStamp(k.replace(squashKey(r), '')));
    return named({ title: whole ?? withoutBadge(similar.el, refs) ?? withoutSiteSuffix(tidyTitle(similar.text), src.siteNames), el: similar.el });
  }
  // A <title> that is only a site's name ("临江网"), repeated by the logo heading: no headline matched; the lines
  // above the body are read instead (index.ts).
  if (isSiteName(best.text, siteNames) || (squashKey(best.text) === docKey && cleanedKey === docKey && isSiteOnly(best.text, siteNames)))
    return named({});
  const text = cleanedDoc && squashKey(cleanedDoc).startsWith(squashKey(best.text)) ? withSubtitle(best.el, best.text, cleanedDoc) : best.text;
  const shown = withoutSiteSuffix(metadataCasing(text, [src.headline, src.ogTitle, src.docTitle]), src.siteNames);
  return named({ title: withKickerMark(shown, [...cleaned, cleanedDoc]), el: best.el });
}


/** The title set for this article (JSON-LD headline, og:title), not the <title> old sites leave generic. */
export function articleTitle(src: TitleSources): string | undefined {
  const raw = src.headline ?? src.ogTitle;
  return raw ? cleanTitle(raw, src.siteNames) : undefined;
}

/** Title from metadata alone: headline / og:title / <title>, cleaned of site names. */
export function titleFromMetadata(src: TitleSources): string | undefined {
  for (const raw of [src.headline, src.ogTitle, src.docTitle]) {
    if (!raw) continue;
    const t = cleanTitle(raw, src.siteNames);
    if (t && !isSiteName(t, src.siteNames) && !isSiteOnly(t, src.siteNames)) return t;
  }
  return undefined;
}

export function isSiteName(text: string, siteNames: string[]): boolean {
  const c = squashKey(text);
  return siteNames.some((s) => squashKey(s) === c);
}
