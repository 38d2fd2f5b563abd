/**
 * Comment threads known by their structure rather than their class names (body-unlikely.ts handles the names): runs
 * of same-class units, each a poster and a posting time. Kept out of the vote and out of a short post's body.
 */
import { isTag, textContent, type Element } from './dom.js';
import { firstWord } from './text.js';
import type { StatsMap } from './body-score.js';

/** A posting time on a comment's meta line: a date (numeric or "March 3, 2024" / "3 March 2024"), a clock time, or
 * a relative "3 小时前" / "3 hours ago". A <time> element or a datetime attribute is one too (hasPostTime). */
const POST_TIME = /(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}\.?\s\d{1,2},?\s(?:19|20)\d{2}\b|\b\d{1,2}\s(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}\.?,?\s(?:19|20)\d{2}\b|\d{1,2}[-/月]\d{1,2}日?\s+\d{1,2}:\d{2}|\b\d{1,2}:\d{2}\b|\d+\s*(?:秒|分钟|小时|天|周|个月|年)前|昨天|前天|\b\d+\s*(?:minutes?|hours?|days?|weeks?|months?)\s+ago\b/i;
/** A meta line (poster, time, reply link) is short; a unit is one comment, not an essay. */
const MAX_META_LEN = 40;
const MAX_NAME_LEN = 20;
/** An in-page link: "#…" or "javascript:…" (a module constant: a regex literal is a new object per call). */
const IN_PAGE_HREF = /^(?:#|javascript:)/i;
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
  /** An in-page action link's text ("回复" to "#" or "javascript:;"): a reply button, never a name. */
  button?: string;
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
  /** The first short in-page action link below, in pre-order. */
  button?: string;
}
const STORY: SubtreeFacts = { story: true };
/** Facts of a subtree with no poster, no button and no story (most elements): shared, never written to. */
const NOTHING: SubtreeFacts = { story: false };

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
  const buttonOf = (u: T): string | undefined => u.poster.linked ?? u.poster.button;
  if (group.length < MIN_UNITS || group.some((u) => u.poster.plain === undefined || buttonOf(u) === undefined)) return [];
  const buttons = new Set(group.map(buttonOf));
  // The one button must be a reply button: a live blog's entries (two writers, each entry's "Share" or permalink
  // button) are the article.
  const replyButton = buttons.size === 1 && REPLY_BUTTON.test([...buttons][0] ?? '');
  return replyButton && new Set(group.map((u) => u.poster.plain)).size >= 2 ? group : [];
}

/** A comment's reply button, in the languages the corpora hold ("Reply", "回复", "Antworten", "Répondre"). */
const REPLY_BUTTON = /^\s*(?:reply|respond|antworten|répondre|responder|rispondi|odpowiedz|svara|svar|reageer|beantwoorden|balas|trả lời)(?!\p{L})|^\s*(?:回复|回覆|答复|返信|답글)/iu;

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
  return { linked: f.linked, plain: f.plain, button: f.button };
}

function factsBelow(el: Element, stats: StatsMap, memo: Map<Element, SubtreeFacts>): SubtreeFacts {
  let f = memo.get(el);
  if (f !== undefined) return f;
  let linked: string | undefined;
  let plain: string | undefined;
  let button: string | undefined;
  let story = false;
  let tags = false;
  for (const d of el.children) {
    if (!isTag(d)) continue;
    tags = true;
    if (NOT_IN_COMMENT.has(d.name)) {
      story = true;
      break;
    }
    if (d.name === 'a') {
      linked ??= posterLink(d, stats);
      button ??= actionLink(d, stats);
    }
    else if (plain === undefined && NAME_TAGS.has(d.name)) plain = plainName(d, stats);
    const below = factsBelow(d, stats, memo);
    if (below.story) {
      story = true;
      break;
    }
    linked ??= below.linked;
    plain ??= below.plain;
    button ??= below.button;
  }
  f = story ? STORY : linked === undefined && plain === undefined && button === undefined ? NOTHING : { story: false, linked, plain, button };
  // An element without child elements is answered by one pass over its text nodes: not worth a memo entry (half
  // of a page's elements; the Map's growth was a tenth of this pass's allocation).
  if (tags) memo.set(el, f);
  return f;
}

/** A short link's text as a poster's name; a link reading as a date is the post's permalink (an embedded tweet's "November 18, 2019"). */
function posterLink(a: Element, stats: StatsMap): string | undefined {
  const ds = stats.get(a);
  // An in-page link ("#share", "javascript:;") is a button, never the poster's page.
  if (!ds || ds.len === 0 || ds.len > MAX_NAME_LEN || IN_PAGE_HREF.test(a.attribs.href ?? '')) return undefined;
  const text = textContent(a).trim();
  return POST_TIME.test(text) ? undefined : text;
}

/** A short link acting on the page itself ("#reply", "javascript:;"): a button's text. */
function actionLink(a: Element, stats: StatsMap): string | undefined {
  const href = a.attribs.href ?? '';
  const ds = stats.get(a);
  if (!ds || ds.len === 0 || ds.len > MAX_NAME_LEN || !IN_PAGE_HREF.test(href)) return undefined;
  return textContent(a).trim();
}

/** Does a short line under `el` (a leaf-like element of at most MAX_META_LEN) show a posting time? */
function hasPostTime(el: Element, stats: StatsMap, memo: Map<Element, boolean>): boolean {
  let found = memo.get(el);
  if (found !== undefined) return found;
  found = false;
  let tags = false;
  for (const d of el.children) {
    if (!isTag(d)) continue;
    tags = true;
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
  // (Leaves unmemoised, as in factsBelow.)
  if (tags) memo.set(el, found);
  return found;
}
