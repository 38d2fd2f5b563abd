/**
 * What a reader of the page never sees: elements hidden by attribute or inline style. Their text is no part of the
 * page's content (dom.ts drops them while building the tree).
 */
import { isTag, type AnyNode, type Element } from 'domhandler';

const HIDDEN_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden/i;
const DISPLAY_NONE = /display\s*:\s*none/i;
const VISIBLE_STYLE = /visibility\s*:\s*visible/i;
/**
 * React's streamed server rendering sends a late Suspense boundary as `<div hidden id="S:3">…</div>` and a script
 * (`$RC("B:3","S:3")`) moves it into place at once: readers see it, so it is not hidden.
 */
const REACT_STREAMED_BOUNDARY = /^S:[0-9a-z]+$/;
/**
 * Webflow's stylesheet hides `w-condition-invisible` unconditionally (`display: none !important`): it marks the
 * branch of a conditional block the CMS did not pick, often a second (gated, mobile) copy of the whole article.
 */
const ALWAYS_HIDDEN_CLASS = /(?:^|\s)w-condition-invisible(?:\s|$)/;
export function isHidden(el: Element): boolean {
  const a = el.attribs;
  // includes() first: this runs on every element of the page, nearly none of them Webflow's.
  if (a.class !== undefined && a.class.includes('w-condition-invisible') && ALWAYS_HIDDEN_CLASS.test(a.class)) return true;
  if (a.hidden !== undefined) return !REACT_STREAMED_BOUNDARY.test(a.id ?? '');
  if (a['aria-hidden'] === 'true' && el.name !== 'img' && el.name !== 'figure') return true;
  if (a.style === undefined || !HIDDEN_STYLE.test(a.style)) return false;
  // visibility is inherited but not forced: a `visibility: visible` descendant shows inside a `visibility: hidden`
  // box (WeChat's article body is saved hidden, its paragraphs each marked visible, until a script reveals it).
  return DISPLAY_NONE.test(a.style) || !hasVisibleDescendant(el);
}

function hasVisibleDescendant(el: Element): boolean {
  const stack: AnyNode[] = [...el.children];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (!isTag(n)) continue;
    const style = n.attribs.style;
    if (style !== undefined && VISIBLE_STYLE.test(style)) return true;
    for (const c of n.children) stack.push(c);
  }
  return false;
}
