/**
 * Discussion pages: a forum thread or a Q&A page, where the replies under the first post are the page's text (the
 * corpora's labels keep them; a news or blog page's comment thread stays out). Known by the page's address (a
 * thread's path: /topics/123, /d/123-title, /t/slug/123, /thread-1-1.html, viewthread.php?tid=…) or by a schema.org
 * type in its markup (DiscussionForumPosting, QAPage).
 */
import { isAncestor, type Element } from './dom.js';

/** A path segment naming a thread or its board ("topics", "d", "t", "thread-123-1-1.html", "viewthread.php"). */
const THREAD_SEGMENT = /^(?:topics?|threads?|d|t|forums?|bbs|discussions?|questions?|viewthread(?:\.php)?|showtopic(?:\.php)?|showthread(?:\.php)?|thread-\d+(?:-\d+)*\.html?)$/i;
/** A thread's number, maybe with its slug after it ("15448", "15448-title", "123.html"). */
const THREAD_ID = /^\d+(?:[-_.][\w.-]*)?$/;
/** A thread's id in the query (Discuz's tid=, phpBB's t=/topic=, vBulletin's threadid=). */
const THREAD_QUERY = /^(?:tid|threadid|topicid|topic|t)$/i;
const DISCUSSION_TYPE = /schema\.org\/(?:DiscussionForumPosting|QAPage)\b/i;

/** Is the page at `url` (with elements `order`) a forum thread or a Q&A page? */
export function isDiscussionPage(url: string | undefined, order: Element[]): boolean {
  if (url && isThreadUrl(url)) return true;
  return order.some((el) => el.attribs.itemtype !== undefined && DISCUSSION_TYPE.test(el.attribs.itemtype));
}

function isThreadUrl(url: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  // A thread's segment is followed by its number ("/topics/43661", "/d/15448-title"; Discourse's "/t/slug/123"): a board's index
  // ("/forum/") is a listing, and a news site's "/Topic/Popular/…" section is no thread.
  const segments = u.pathname.split('/').filter(Boolean);
  for (let i = 0; i < segments.length; i++) {
    if (!THREAD_SEGMENT.test(segments[i])) continue;
    if (/^thread-\d|^(?:viewthread|showtopic|showthread)/i.test(segments[i])) return true;
    if (THREAD_ID.test(segments[i + 1] ?? '') || (segments[i] === 't' && THREAD_ID.test(segments[i + 2] ?? ''))) return true;
  }
  for (const [k, v] of u.searchParams) if (THREAD_QUERY.test(k) && /^\d+$/.test(v) && /(?:thread|topic|forum|bbs)/i.test(u.pathname + u.hostname)) return true;
  return false;
}

/**
 * The structural comment units (body-comment-units.ts) after the first post that no root holds, added to the roots
 * in page order: a thread's replies. Units before the post (a sidebar's latest replies) stay out.
 */
export function withThreadReplies(roots: Element[], units: Set<Element>, order: Element[]): Element[] {
  if (units.size === 0) return roots;
  const position = new Map<Element, number>();
  for (let i = 0; i < order.length; i++) position.set(order[i], i);
  const start = position.get(roots[0]) ?? 0;
  const replies = [...units].filter((u) => (position.get(u) ?? 0) > start && !roots.some((r) => r === u || isAncestor(r, u) || isAncestor(u, r)));
  // A unit inside another unit (a reply to a reply) is emitted with its parent.
  const outer = replies.filter((u) => !replies.some((o) => o !== u && isAncestor(o, u)));
  if (outer.length === 0) return roots;
  return [...roots, ...outer].sort((a, b) => (position.get(a) ?? 0) - (position.get(b) ?? 0));
}
