/**
 * Discussion pages: a forum thread or a Q&A page, where the replies under the first post are the page's text (the
 * corpora's labels keep them; a news or blog page's comment thread stays out). Known by the page's address (a
 * thread's path: /topics/123, /d/123-title, /t/slug/123, /thread-1-1.html, viewthread.php?tid=…) or by a schema.org
 * type on the post's own markup (DiscussionForumPosting, QAPage); never when the page names its replies comments
 * ("4条评论", "3 Comments on …") or marks the post a blog post or news article.
 */
import { isAncestor, textContent, type Element } from './dom.js';
import type { Block } from './blocks.js';
import { comparable, weightedLength } from './text.js';
import type { StatsMap } from './body-score.js';
import { isInfoLine } from './body-info-lines.js';

/** A path segment naming a thread ("topics", "d", "t", "thread-123-1-1.html", "viewthread.php"); a board's
 * ("forum", "bbs") is a listing or a site's section. */
const THREAD_SEGMENT = /^(?:topics?|threads?|d|t|discussions?|questions?)$/i;
const THREAD_FILE = /^(?:thread-\d+(?:-\d+)*\.html?|(?:viewthread|viewtopic|showtopic|showthread)(?:\.php)?)$/i;
/** A thread's number, maybe with its slug after it ("15448", "15448-title"), not a year or a date ("2024-election",
 * "20230701-hangzhou"). */
const THREAD_ID = /^\d+(?:-[^./]*)?$/;
const DATE_LIKE = /^(?:19|20)\d{2}(?:\d{4})?(?:\D|$)/;
/** A thread's id in the query (Discuz's tid=, vBulletin's threadid=, phpBB's viewtopic.php?t=). */
const THREAD_QUERY = /^(?:tid|threadid|topicid)$/i;
const DISCUSSION_TYPE = /schema\.org\/(?:DiscussionForumPosting|QAPage)\b/i;
/** The post's own type says it is an article: a blog's or a news site's, whose comments are no part of it. */
const ARTICLE_TYPE = /schema\.org\/(?:BlogPosting|NewsArticle|Article|Report|ReportageNewsArticle)\b/i;
/** A counted header naming the replies comments ("4条评论", "网友评论（3）", "3 Comments on “…”"): a blog's or a news
 * page's comment section, not a thread's replies ("8条回复"). */
const COMMENTS_NAMED = /^(?:(?:已有|共有?)\s?\d+\s?(?:件|条|个|篇)?(?:评论|留言)|(?:全部|所有|最新|热门|网友)?(?:评论|留言)\s?[(（]\d+[)）]|\d+\s?(?:件|条|个)?(?:评论|留言)|(?:\d+|one|two|three|no)\s(?:responses?|comments?|thoughts)\s(?:to|on)\b.*)$/i;

/** Is the page at `url` (elements `order`, its text chosen in `top`) a forum thread or a Q&A page? */
export function isDiscussionPage(url: string | undefined, order: Element[], top?: Element, stats?: StatsMap): boolean {
  const own = (el: Element) => el.name === 'html' || el.name === 'body' || el.name === 'main' || (top !== undefined && (el === top || isAncestor(el, top)));
  const typed = (re: RegExp) => order.some((el) => el.attribs.itemtype !== undefined && re.test(el.attribs.itemtype) && own(el));
  if (!(url && isThreadUrl(url)) && !typed(DISCUSSION_TYPE)) return false;
  return !typed(ARTICLE_TYPE) && !namesComments(order, stats);
}

/** Does a short element of the page read as a comment section's counted header? */
function namesComments(order: Element[], stats: StatsMap | undefined): boolean {
  for (const el of order) {
    // Weighted lengths count a Chinese character twice: a long box is no header (and its text is not read).
    if (el.children.length > 4 || (stats?.get(el)?.len ?? 0) > 240) continue;
    const text = textContent(el).replace(/\s+/g, ' ').trim();
    if (text.length > 0 && text.length <= 120 && COMMENTS_NAMED.test(text)) return true;
  }
  return false;
}

function isThreadUrl(url: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  // A thread's segment is followed by its number ("/topics/43661", "/d/15448-title"; Discourse's "/t/slug/123"): a
  // board's index is a listing, and a news site's "/Topic/Popular/…" or "/topics/2024-election" is a section.
  const segments = u.pathname.split('/').filter(Boolean);
  const isId = (s: string | undefined) => s !== undefined && THREAD_ID.test(s) && !DATE_LIKE.test(s);
  for (let i = 0; i < segments.length; i++) {
    if (THREAD_FILE.test(segments[i]) && (segments[i].startsWith('thread-') || [...u.searchParams.keys()].some((k) => THREAD_QUERY.test(k) || k === 't'))) return true;
    if (!THREAD_SEGMENT.test(segments[i])) continue;
    if (isId(segments[i + 1]) || (segments[i] === 't' && isId(segments[i + 2]))) return true;
  }
  // Discuz's forum.php?mod=viewthread&tid=123.
  for (const [k, v] of u.searchParams) if (THREAD_QUERY.test(k) && /^\d+$/.test(v) && /viewthread|viewtopic|showthread/i.test(u.pathname + u.search)) return true;
  return false;
}

/**
 * The structural comment units (body-comment-units.ts) after the first post that no root holds, added to the roots
 * in page order: a thread's replies. Units before the post, or apart from its column (a sidebar's latest replies,
 * meeting the post only at the page's body or in an aside), stay out.
 */
export function withThreadReplies(roots: Element[], units: Set<Element>, order: Element[]): Element[] {
  if (units.size === 0) return roots;
  const position = new Map<Element, number>();
  for (let i = 0; i < order.length; i++) position.set(order[i], i);
  const start = position.get(roots[0]) ?? 0;
  const replies = [...units].filter((u) => (position.get(u) ?? 0) > start && !roots.some((r) => r === u || isAncestor(r, u) || isAncestor(u, r)) && besidePost(u, roots[0]));
  // A unit inside another unit (a reply to a reply) is emitted with its parent.
  const outer = replies.filter((u) => !replies.some((o) => o !== u && isAncestor(o, u)));
  if (outer.length === 0) return roots;
  return [...roots, ...outer].sort((a, b) => (position.get(a) ?? 0) - (position.get(b) ?? 0));
}

/** Does `unit` share the post's column: meet it below the page's body, with no aside between? */
function besidePost(unit: Element, post: Element): boolean {
  for (let cur = unit.parent as Element | null; cur && cur.type === 'tag'; cur = cur.parent as Element | null) {
    if (cur.name === 'body' || cur.name === 'html' || cur.name === 'aside' || cur.attribs.role === 'complementary') return false;
    if (isAncestor(cur, post)) return true;
  }
  return false;
}

/** A line closing on a posting time: a clock time (Discourse's "10:01am") or a numeric date, maybe then a reply
 * link ("用户3 · 2024-05-01 12:00 · 回复"). */
const POSTED_AT_END = /(?:\d{1,2}:\d{2}(?::\d{2})?\s?(?:[ap]\.?m\.?)?|(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2})(?:\s*[·|]\s*(?:回复|reply))?\s*$/i;

/**
 * A thread's replies open with their poster and time ("用户 2023-07-01 12:00"): the first line of each reply unit,
 * short and ending in its time, goes. Lines of the posts themselves (a notice's "出发 19:00") stay.
 */
export function withoutPosterLines(blocks: Block[], units: Set<Element>): Block[] {
  const seen = new Set<Element>();
  return blocks.filter((b) => {
    if (b.kind === 'image' || b.kind === 'table' || b.kind === 'pre') return true;
    // The innermost unit: a reply to a reply opens with its own poster line.
    let unit: Element | undefined;
    for (let cur = b.el as Element | null; cur && cur.type === 'tag' && !unit; cur = cur.parent as Element | null) if (units.has(cur)) unit = cur;
    if (!unit || seen.has(unit)) return true;
    seen.add(unit);
    return !(weightedLength(b.text) <= 40 && POSTED_AT_END.test(b.text) && isInfoLine(b.text));
  });
}

/** Landmarks whose headings are the site's (a sticky bar's or a hero banner's copy of the subject). */
const LANDMARK = new Set(['header', 'nav', 'aside', 'footer']);

/**
 * A thread's subject: the last heading before the first post carrying the page's title (a card's header over the
 * post, a Q&A page's question over its answer) heads the body. One in a header, nav or aside landmark (a sticky bar,
 * a hero banner across the page) is the site's, not the post's.
 */
export function withSubject(roots: Element[], order: Element[], title: string | undefined): Element[] {
  const key = title ? comparable(title) : '';
  if (key === '' || roots.length === 0) return roots;
  const first = order.indexOf(roots[0]);
  for (let i = first - 1; i >= 0; i--) {
    const el = order[i];
    if (!/^h[1-3]$/.test(el.name) || isAncestor(el, roots[0])) continue;
    const text = comparable(textContent(el));
    if (text.length > key.length * 2 + 20 || !text.endsWith(key) || inLandmark(el)) continue;
    return roots.some((r) => isAncestor(r, el)) ? roots : [el, ...roots];
  }
  return roots;
}

function inLandmark(el: Element): boolean {
  for (let cur = el.parent as Element | null; cur && cur.type === 'tag'; cur = cur.parent as Element | null) {
    if (LANDMARK.has(cur.name) || cur.attribs.role === 'banner' || cur.attribs.role === 'navigation') return true;
  }
  return false;
}
