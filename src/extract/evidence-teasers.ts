/**
 * Teasers and page furniture for the listing evidence (articleEvidence.ts): the headline link a teaser block leads
 * with, whether an element sits inside a teaser, and whether it sits in navigation, a sidebar or a related list.
 */
import { classAndId, isTag, isText, type AnyNode, type Element } from './dom.js';

const FURNITURE_TAGS = new Set(['nav', 'aside', 'footer', 'header', 'menu']);
const FURNITURE_CLASS =
  /(?:^|[\s_-])(?:nav|navbar|menu|footer|foot|sidebar|side|aside|widget|related|relate|recommend\w*|promo|ads?|advert\w*|sponsor\w*|share|social|comments?|breadcrumbs?|crumbs?|tags?|popular|trending|most-read|hot|rank\w*|topbar|header|bottom|xgxw|xiangguan|tuijian|pinglun|youlian|links|right|left-side|rightside|r_side)(?:$|[\s_\d-])|related|recommend|sidebar|footer|tuijian|xiangguan/;

/** A character other than space and bullets (a module constant: a regex literal is a new object per call). */
const SHOWN_CHAR = /[^\s\u00a0\u3000·•|>\-]/;

/** The link holding the element's first text, if its first text is link text: a headline leads the block. */
export function leadingLink(el: Element): Element | undefined {
  const stack: AnyNode[] = [el];
  for (let steps = 0; stack.length > 0 && steps < 200; steps++) {
    const n = stack.pop()!;
    if (isText(n)) {
      if (!SHOWN_CHAR.test(n.data)) continue;
      for (let p: AnyNode | null = n.parent; p && p !== el; p = p.parent) if (isTag(p) && p.name === 'a') return p;
      return el.name === 'a' ? el : undefined;
    }
    if (isTag(n)) for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]);
  }
  return undefined;
}

export function withinTeaser(el: Element, teasers: Set<Element>): boolean {
  for (let cur: AnyNode | null = el, i = 0; cur && i < 12; cur = cur.parent, i++) if (teasers.has(cur as Element)) return true;
  return false;
}

export function isInside(el: Element, ancestor: Element): boolean {
  for (let cur = el.parent; cur; cur = cur.parent) if (cur === ancestor) return true;
  return false;
}

/** Inside navigation, header/footer, a sidebar, a related or ranking list (by tag or class/id): page furniture. */
export function inFurniture(el: Element, memo: Map<Element, boolean>): boolean {
  const path: Element[] = [];
  let result = false;
  let cur: AnyNode | null = el;
  for (let depth = 0; cur && isTag(cur) && depth < 40; depth++, cur = cur.parent) {
    const known = memo.get(cur);
    if (known !== undefined) {
      result = known;
      break;
    }
    path.push(cur);
    if (FURNITURE_TAGS.has(cur.name) || (cur.attribs.role !== undefined && /^(?:navigation|complementary|banner|contentinfo)$/.test(cur.attribs.role))) {
      result = true;
      break;
    }
    const ci = classAndId(cur);
    if (ci && FURNITURE_CLASS.test(ci)) {
      result = true;
      break;
    }
  }
  for (const p of path) memo.set(p, result);
  return result;
}
