/**
 * Subtrees whose paragraphs must not vote for the content container: comment threads and related-article cards
 * (the text-bearing part of Readability's "unlikely candidates"; layout words such as sidebar/footer are left to
 * link density, since themes name whole article columns "layout-sidebar-right"). Without this a short post loses
 * to its own longer comment thread, and a hidden "related" card holding another article's full text outscores the
 * article. Marked by class/id words, as Readability does; a name that also says content/article/body/main keeps
 * the element (`comment-body` of a forum's first post, `main-column`). Grids of teaser cards (repeated siblings
 * with linked headlines, `teaserCards`) are left out of the vote the same way.
 */
import { classAndId, elementsIn, isAncestor, isTag, textContent, type Element } from './dom.js';
import type { UrlResolver } from './links.js';
import { firstWord } from './text.js';
import type { StatsMap } from './body-score.js';

const UNLIKELY = /comment|replies|reply-?list|disqus|community|remark|related|relate[d_-]|recommend|pinglun|xiangguan|tuijian|shoutbox/;
const OK_MAYBE = /and|article|body|column|content|main|mathjax|shadow|entry|post-?text|story/;
/** Never treated as unlikely: page-level wrappers and the semantic article elements. */
const NEVER = new Set(['html', 'body', 'article', 'main', 'a', 'table', 'tbody', 'tr', 'td', 'pre', 'code']);

export function isUnlikelyContainer(el: Element): boolean {
  if (NEVER.has(el.name)) return false;
  const s = classAndId(el);
  if (!s || !UNLIKELY.test(s)) return false;
  return !OK_MAYBE.test(s);
}

/**
 * Elements inside an unlikely subtree (the subtree roots included). `order` is document (pre-)order, so a parent
 * is decided before its children: one regex test per element with a class or id.
 */
export function unlikelySubtrees(order: Element[], cards?: Set<Element>): Set<Element> {
  const out = new Set<Element>();
  for (const el of order) {
    const parent = el.parent as Element | null;
    if ((parent && out.has(parent)) || cards?.has(el) || isUnlikelyContainer(el)) out.add(el);
  }
  return out;
}

const CARD_HEADING = new Set(['h2', 'h3', 'h4', 'h5']);
/** Repeated siblings needed before a run of linked-headline boxes is a listing… */
const MIN_CARDS = 3;
/** …each of them a teaser (headline and an excerpt), not a section of a round-up article (weighted length). */
const MAX_CARD_LEN = 700;

/**
 * A grid or list of teasers (a posts widget under the article, "more stories"): three or more siblings with the
 * same tag and first class word, each holding a heading that links elsewhere and little more than an excerpt.
 * Their excerpts are other articles' text; named "post"/"excerpt", they would otherwise outvote a plain article.
 */
export function teaserCards(order: Element[], stats: StatsMap): Set<Element> {
  const holds = new Set<Element>();
  for (const el of order) {
    if (!CARD_HEADING.has(el.name) || !linksAway(el)) continue;
    for (let cur = el.parent as Element | null; cur && isTag(cur) && !holds.has(cur); cur = cur.parent as Element | null) holds.add(cur);
  }
  const out = new Set<Element>();
  for (const parent of holds) {
    const groups = new Map<string, Element[]>();
    for (const c of parent.children) {
      if (!isTag(c) || !holds.has(c)) continue;
      const first = firstWord(c.attribs.class ?? '');
      if (!first) continue;
      const key = `${c.name}.${first}`;
      const g = groups.get(key);
      if (g) g.push(c);
      else groups.set(key, [c]);
    }
    for (const g of groups.values()) {
      if (g.length >= MIN_CARDS && g.every((c) => (stats.get(c)?.len ?? 0) <= MAX_CARD_LEN)) for (const c of g) out.add(c);
    }
  }
  return out;
}

/** A heading that opens with a link to another page (not a "#section" permalink). */
function linksAway(h: Element): boolean {
  for (const c of h.children) {
    if (!isTag(c)) continue;
    if (c.name === 'a') {
      const href = c.attribs.href ?? '';
      return href !== '' && !href.startsWith('#');
    }
  }
  return false;
}

/** Share of the chosen container's text the cards inside it may hold and still be left out. */
const CARDS_MAX_SHARE = 0.5;

/**
 * Teaser cards inside the chosen container that point to other pages of this site: a "Latest news" posts widget
 * laid out in the same page-builder column as the article. Left out of the body when, together, they are a
 * minority of the container's text (a container that is mostly cards is a listing). Cards whose headlines link
 * off the site are a round-up's product or pick boxes, part of the article.
 */
export function siteTeasersInside(roots: Element[], cards: Set<Element>, stats: StatsMap, urls: UrlResolver | undefined): Element[] {
  const site = hostOf(urls?.base);
  if (!site || cards.size === 0) return [];
  const out: Element[] = [];
  for (const root of roots) {
    const inside = [...cards].filter((c) => c !== root && isAncestor(root, c));
    if (inside.length === 0) continue;
    const len = inside.reduce((n, c) => n + (stats.get(c)?.len ?? 0), 0);
    if (len >= (stats.get(root)?.len ?? 0) * CARDS_MAX_SHARE) continue;
    out.push(...inside.filter((c) => hostOf(urls?.resolve(headlineHref(c))) === site));
  }
  return out;
}

function headlineHref(card: Element): string | undefined {
  for (const d of elementsIn(card)) {
    if (!CARD_HEADING.has(d.name) || !linksAway(d)) continue;
    for (const c of d.children) if (isTag(c) && c.name === 'a') return c.attribs.href;
  }
  return undefined;
}

/** Host without a leading "www." (a site links to itself with and without it). */
function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return undefined;
  }
}

/** A posting time on a comment's meta line: a date (numeric or "March 3, 2024" / "3 March 2024"), a clock time, or
 * a relative "3 小时前" / "3 hours ago". A <time> element or a datetime attribute is one too (hasPostTime). */
const POST_TIME = /(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}\.?\s\d{1,2},?\s(?:19|20)\d{2}\b|\b\d{1,2}\s(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}\.?,?\s(?:19|20)\d{2}\b|\d{1,2}[-/月]\d{1,2}日?\s+\d{1,2}:\d{2}|\b\d{1,2}:\d{2}\b|\d+\s*(?:秒|分钟|小时|天|周|个月|年)前|昨天|前天|\b\d+\s*(?:minutes?|hours?|days?|weeks?|months?)\s+ago\b/i;
/** A meta line (poster, time, reply link) is short; a unit is one comment, not an essay. */
const MAX_META_LEN = 40;
const MAX_NAME_LEN = 20;
const MAX_UNIT_LEN = 1500;
const MIN_UNITS = 3;
const TABULAR = new Set(['table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th']);
/** Headings and table parts: a unit holding one is a story or a row of data, not a comment. */
const NOT_IN_COMMENT = new Set([...TABULAR, 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/**
 * A comment thread known by its structure, whatever its class names say (`.list > .item`): three or more sibling
 * units of the same tag and class, each a small block (a meta line and the comment's text in block children)
 * holding a short link (the poster) and a short line with a posting time. Paragraphs of a timeline carry dates too,
 * but no block children; teaser cards have linked headlines, handled by `teaserCards`. Without this a short post
 * loses to the longer thread under it.
 */
export function commentUnits(order: Element[], stats: StatsMap): Set<Element> {
  const out = new Set<Element>();
  const memo: PosterMemo = { facts: new Map(), postTime: new Map() };
  // Every element with element children, once, in page order: in pre-order its first element child comes right
  // after it (no set of visited parents needed).
  for (let i = 0; i + 1 < order.length; i++) {
    const parent = order[i];
    if (order[i + 1].parent !== parent) continue;
    // Built only for a parent with a candidate unit (few have one): this loop visits every parent of the page.
    let groups: Map<string, Array<{ unit: Element; poster: Poster }>> | undefined;
    for (const c of parent.children) {
      if (!isTag(c)) continue;
      const poster = posterOf(c, stats, memo);
      if (poster === undefined) continue;
      const key = `${c.name}.${firstWord(c.attribs.class ?? '')}`;
      groups ??= new Map();
      const g = groups.get(key);
      if (g) g.push({ unit: c, poster });
      else groups.set(key, [{ unit: c, poster }]);
    }
    if (!groups) continue;
    for (const g of groups.values()) {
      // A thread has several posters; a live blog's entries (one or two writers) are the article.
      for (const u of threadUnits(g)) out.add(u.unit);
    }
  }
  return out;
}

/** Where an unlinked poster's name is set. */
const NAME_TAGS = new Set(['b', 'strong', 'cite']);

/** The text of a short name element with no markup inside (no link, no clock or date), else undefined. */
function plainName(el: Element, stats: StatsMap): string | undefined {
  const s = stats.get(el);
  if (!s || s.len === 0 || s.len > MAX_NAME_LEN || el.children.some(isTag)) return undefined;
  const text = textContent(el).trim();
  return /\p{L}/u.test(text) && !POST_TIME.test(text) ? text : undefined;
}

/** A comment unit's poster: the first short link's text, and the first unlinked name in bold. */
interface Poster {
  linked?: string;
  plain?: string;
}

/**
 * What posterOf and hasPostTime read from an element's descendants, kept per element for one commentUnits pass:
 * units nest (a thread's wrapper, each comment, its meta line), and each level used to walk the same descendants
 * again (about 8% of a page's time). Each fact composes from the children's: pre-order's first is a child itself,
 * else the first below it.
 */
interface SubtreeFacts {
  /** A heading or table part below: the unit is a story or a row of data, not a comment. */
  story: boolean;
  /** The first poster link below, in pre-order. */
  linked?: string;
  /** The first plain name below, in pre-order. */
  plain?: string;
}
const STORY: SubtreeFacts = { story: true };

interface PosterMemo {
  facts: Map<Element, SubtreeFacts>;
  postTime: Map<Element, boolean>;
}

/**
 * The units of a group that make a thread: those with a poster link, when three or more carry two names or more
 * (as before); else, all of them when each names its poster in bold and carries the same short link (every unit's
 * "Reply" button: commenters without a website), with two names or more. Empty when the group is no thread.
 */
function threadUnits<T extends { poster: Poster }>(group: T[]): T[] {
  const linked = group.filter((u) => u.poster.linked !== undefined);
  if (linked.length >= MIN_UNITS && new Set(linked.map((u) => u.poster.linked)).size >= 2) return linked;
  if (group.length < MIN_UNITS || group.some((u) => u.poster.plain === undefined || u.poster.linked === undefined)) return [];
  const oneButton = new Set(group.map((u) => u.poster.linked)).size === 1;
  return oneButton && new Set(group.map((u) => u.poster.plain)).size >= 2 ? group : [];
}

/** The poster when `el` is a comment unit (a poster link or name and a posting time, no heading), else undefined. */
function posterOf(el: Element, stats: StatsMap, memo: PosterMemo): Poster | undefined {
  const s = stats.get(el);
  if (!s || !s.hasBlockChild || s.len === 0 || s.len > MAX_UNIT_LEN || TABULAR.has(el.name)) return undefined;
  // Entries with headlines are stories (a live blog's, a listing's), not comments; tables of dated rows
  // (discographies, schedules) are data. A commenter without a website is named in bold, not linked (WordPress's
  // <b class="fn">): taken when no link is.
  const f = factsBelow(el, stats, memo.facts);
  // The posting time only for a unit with a poster and no heading: its regex then runs on few units.
  if (f.story || (f.linked === undefined && f.plain === undefined) || !hasPostTime(el, stats, memo.postTime)) return undefined;
  return { linked: f.linked, plain: f.plain };
}

function factsBelow(el: Element, stats: StatsMap, memo: Map<Element, SubtreeFacts>): SubtreeFacts {
  let f = memo.get(el);
  if (f !== undefined) return f;
  let linked: string | undefined;
  let plain: string | undefined;
  let story = false;
  for (const d of el.children) {
    if (!isTag(d)) continue;
    if (NOT_IN_COMMENT.has(d.name)) {
      story = true;
      break;
    }
    if (d.name === 'a') linked ??= posterLink(d, stats);
    else if (plain === undefined && NAME_TAGS.has(d.name)) plain = plainName(d, stats);
    const below = factsBelow(d, stats, memo);
    if (below.story) {
      story = true;
      break;
    }
    linked ??= below.linked;
    plain ??= below.plain;
  }
  f = story ? STORY : { story: false, linked, plain };
  memo.set(el, f);
  return f;
}

/** A short link's text as a poster's name; a link reading as a date is the post's permalink (an embedded tweet's "November 18, 2019"). */
function posterLink(a: Element, stats: StatsMap): string | undefined {
  const ds = stats.get(a);
  if (!ds || ds.len === 0 || ds.len > MAX_NAME_LEN || (a.attribs.href ?? '').startsWith('#')) return undefined;
  const text = textContent(a).trim();
  return POST_TIME.test(text) ? undefined : text;
}

/** Does a short line under `el` (a leaf-like element of at most MAX_META_LEN) show a posting time? */
function hasPostTime(el: Element, stats: StatsMap, memo: Map<Element, boolean>): boolean {
  let found = memo.get(el);
  if (found !== undefined) return found;
  found = false;
  for (const d of el.children) {
    if (!isTag(d)) continue;
    const ds = stats.get(d);
    if (ds && ds.len > 0 && !ds.hasBlockChild && ds.len <= MAX_META_LEN && (d.name === 'time' || d.attribs.datetime !== undefined || POST_TIME.test(textContent(d)))) {
      found = true;
      break;
    }
    if (hasPostTime(d, stats, memo)) {
      found = true;
      break;
    }
  }
  memo.set(el, found);
  return found;
}
