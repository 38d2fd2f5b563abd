/**
 * Subtrees whose paragraphs must not vote for the content container: comment threads and related-article cards
 * (the text-bearing part of Readability's "unlikely candidates"; layout words such as sidebar/footer are left to
 * link density, since themes name whole article columns "layout-sidebar-right"). Without this a short post loses
 * to its own longer comment thread, and a hidden "related" card holding another article's full text outscores the
 * article. Marked by class/id words, as Readability does; a name that also says content/article/body/main keeps
 * the element (`comment-body` of a forum's first post, `main-column`).
 */
import { classAndId, type Element } from './dom.js';

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
export function unlikelySubtrees(order: Element[]): Set<Element> {
  const out = new Set<Element>();
  for (const el of order) {
    const parent = el.parent as Element | null;
    if ((parent && out.has(parent)) || isUnlikelyContainer(el)) out.add(el);
  }
  return out;
}
