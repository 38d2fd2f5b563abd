/**
 * Which containers join the top-scoring one: siblings that read as more of the article (Readability's sibling
 * pass), gaps between chosen containers, and same-class chunks of an article cut into several boxes.
 */
import { closest, elementsIn, isAncestor, isTag, textContent, type Element } from './dom.js';
import { afterHeadingWidget, chunkClassKey, chunkClassLike } from './body-chunk-classes.js';
import { closingNumberedRun } from './body-closing.js';
import { linkDensity, type StatsMap } from './body-score.js';
import { isLinkedDataTable } from './body-furniture.js';
import { isOtherStory } from './body-next-article.js';

const SENTENCE_END = /[.。!?！？”"』」…]\s*$/;

/** Words ending in a sentence (ten words or more), not a URL or a label line. */
function isProseLine(text: string): boolean {
  const t = text.trim();
  return SENTENCE_END.test(t) && !/^https?:\/\//.test(t) && t.split(/\s+/).length >= 10;
}

/** The top container plus siblings that look like more of the article (Readability's sibling pass). */
export function withSiblings(top: Element, scores: Map<Element, number>, stats: StatsMap, title: string | undefined): Element[] {
  const parent = top.parent;
  if (!parent || !isTag(parent) || parent.name === 'html') return [top];
  const topScore = scores.get(top) ?? 0;
  const threshold = Math.max(10, topScore * 0.2);
  const topClass = top.attribs.class ?? '';
  const out: Element[] = [];
  for (const sib of parent.children) {
    if (!isTag(sib)) continue;
    if (sib === top) {
      out.push(sib);
      continue;
    }
    const bonus = topClass && sib.attribs.class === topClass ? topScore * 0.2 : 0;
    const score = scores.get(sib);
    if (score !== undefined && score + bonus >= threshold) {
      // The next story appended under this one (infinite scroll) scores like it, under a headline of its own.
      if (isOtherStory(sib, title)) continue;
      out.push(sib);
      continue;
    }
    const s = stats.get(sib);
    if (!s) continue;
    // A <div> laid out as a paragraph (text and inline markup only: a standfirst "perex" box) when it reads as
    // sentences without links (a print view's URL, headline and dateline lines are divs too).
    if (sib.name === 'div' && !s.hasBlockChild && s.inlineBreaks === 0 && s.linkLen === 0 && s.len > 80 && isProseLine(textContent(sib))) {
      out.push(sib);
      continue;
    }
    if (sib.name !== 'p') continue;
    const ld = linkDensity(s);
    if (s.len > 80 && ld < 0.25) out.push(sib);
    else if (s.len > 0 && s.len <= 80 && ld === 0 && SENTENCE_END.test(textContent(sib))) out.push(sib);
  }
  // The article's closing numbered list, laid out as short sibling lines after its text.
  for (const el of closingNumberedRun(out[out.length - 1], stats)) if (!out.includes(el)) out.push(el);
  return out;
}

/** Where two elements meet within `max` levels up (with the larger of the two distances), or undefined. */
function meeting(a: Element, b: Element, max: number): { at: Element; depth: number } | undefined {
  const up = new Map<Element, number>();
  let cur: Element | null = a;
  for (let i = 0; cur && i <= max; i++, cur = cur.parent as Element | null) up.set(cur, i);
  cur = b;
  for (let j = 0; cur && j <= max; j++, cur = cur.parent as Element | null) {
    const i = up.get(cur);
    if (i !== undefined) return { at: cur, depth: Math.max(i, j) };
  }
  return undefined;
}

const LANDMARK_APART = new Set(['footer', 'aside', 'nav', 'header']);

/** Is `el` inside a footer, sidebar, nav or header that does not also hold `top`? */
function inLandmarkApart(el: Element, top: Element): boolean {
  for (let cur = el.parent as Element | null; cur && cur.type === 'tag'; cur = cur.parent as Element | null) {
    if (cur.name === 'body') return false;
    if ((LANDMARK_APART.has(cur.name) || cur.attribs.role === 'contentinfo' || cur.attribs.role === 'complementary') && !isAncestor(cur, top)) return true;
  }
  return false;
}

/** Is most of `el`'s text inside <article> elements of its own (a small embedded card in a chunk does not count)? */
function holdsArticles(el: Element, len: number, stats: StatsMap): boolean {
  if (el.name === 'article') return false;
  let inside = 0;
  for (const d of elementsIn(el)) {
    if (d.name !== 'article' || closest(d.parent as Element, (p) => p.name === 'article' || p === el) !== el) continue;
    inside += stats.get(d)?.len ?? 0;
  }
  return inside >= len * 0.5;
}

/**
 * Text laid out between two parts of the article is part of it (a price list in a custom-HTML block between two
 * editor blocks of a page builder): under the ancestor where two consecutive parts meet, the children strictly
 * between them are added when they hold prose (100+ weighted chars, under a quarter links, not a comment or
 * related box, no form in it). A related-links box between chunks stays out on its links, a sign-up box on its form.
 */
export function withGapsBetween(roots: Element[], order: Element[], stats: StatsMap, unlikely: Set<Element>): Element[] {
  if (roots.length < 2) return roots;
  const out = [...roots];
  let partsText: string | undefined;
  for (let i = 0; i + 1 < roots.length; i++) {
    const m = meeting(roots[i], roots[i + 1], SAME_CLASS_MAX_DEPTH);
    if (!m || m.at.name === 'body' || m.at.name === 'html') continue;
    const kids = m.at.children;
    const from = kids.findIndex((k) => k === roots[i] || (isTag(k) && isAncestor(k, roots[i])));
    const to = kids.findIndex((k) => k === roots[i + 1] || (isTag(k) && isAncestor(k, roots[i + 1])));
    for (let j = from + 1; j >= 1 && j < to; j++) {
      const k = kids[j];
      if (!isTag(k) || unlikely.has(k) || out.includes(k)) continue;
      const s = stats.get(k);
      if (!s || s.len < 100 || linkDensity(s) >= 0.25 || elementsIn(k).some((d) => d.name === 'form')) continue;
      // A pull quote or a responsive copy of a table repeats what the parts already say.
      partsText ??= squash(roots.map(textContent).join(''));
      if (!partsText.includes(squash(textContent(k)))) out.push(k);
    }
  }
  if (out.length === roots.length) return roots;
  return inPageOrder(out, order);
}

/**
 * `els` sorted by their place in `order` (0 for an element not in it). Only the places of `els` are kept: a Map of
 * every element's place, built from a [element, place] pair per element, was most of what these sorts allocated.
 */
function inPageOrder(els: Element[], order: Element[]): Element[] {
  const wanted = new Set(els);
  const position = new Map<Element, number>();
  for (let i = 0; i < order.length; i++) if (wanted.has(order[i])) position.set(order[i], i);
  return els.sort((a, b) => (position.get(a) ?? 0) - (position.get(b) ?? 0));
}

const squash = (t: string): string => t.replace(/\s+/g, '');

/** A chunk shorter than this is a box of the template named alike, not a part of the article (a thread's replies,
 * body-discussion.ts, set like its first post, join however short). */
const SAME_CLASS_MIN_LEN = 100;

/** How far up (levels) a same-class chunk may meet the chosen container. */
const SAME_CLASS_MAX_DEPTH = 10;

/** Are `a` and `b` set alike up to where they meet (each level the same tag, classless or sharing a class word): a
 * thread's reply box beside its first post's ("Post" and "Post Post--edited"), not a box of a sidebar column? */
function setAlike(a: Element, b: Element, at: Element): boolean {
  let x = a.parent as Element | null;
  let y = b.parent as Element | null;
  for (; x && y && x !== at && y !== at; x = x.parent as Element | null, y = y.parent as Element | null) {
    const wx = (x.attribs.class ?? '').split(/\s+/).filter(Boolean);
    const wy = new Set((y.attribs.class ?? '').split(/\s+/).filter(Boolean));
    if (x.name !== y.name || (wx.length === 0) !== (wy.size === 0) || (wx.length !== 0 && !wx.some((w) => wy.has(w)))) return false;
  }
  return x === at && y === at;
}

/**
 * Articles cut into several same-class chunks (NYT's StoryBodyCompanionColumn, "post__content" sections, ads
 * between them) under a common ancestor below the page body: the other chunks are part of the body too.
 */
export function withSameClassParts(top: Element, roots: Element[], order: Element[], stats: StatsMap, title: string | undefined, page: { thread?: boolean } = {}): Element[] {
  const cls = top.attribs.class;
  if (!cls) return roots;
  const key = chunkClassKey(cls);
  // Whether a class string names a chunk like top's, per distinct string: most elements of a page share a few
  // classes, and each test splits the strings.
  const chunkClasses = new Map<string, boolean | 'instance'>();
  const parts: Element[] = [];
  for (const el of order) {
    if (el === top || el.name !== top.name) continue;
    const other = el.attribs.class;
    if (other === undefined) continue;
    let chunkClass = chunkClasses.get(other);
    if (chunkClass === undefined) chunkClasses.set(other, (chunkClass = chunkClassLike(cls, key, other)));
    if (!chunkClass) continue;
    // Alike only by a page builder's instance ids: every widget of the page is classed so, the article's text
    // widgets as much as a testimonial or a "book a call" box after them. Only a widget under its own heading (a
    // section of the article) joins.
    if (chunkClass === 'instance' && !afterHeadingWidget(el)) continue;
    if (roots.some((r) => r === el || isAncestor(r, el) || isAncestor(el, r))) continue;
    const s = stats.get(el);
    // Links may fill a chunk that is a data table (a ranking of linked names beside their figures).
    if (!s || s.len === 0 || (s.len < SAME_CLASS_MIN_LEN && !page.thread) || (linkDensity(s) > 0.3 && (linkDensity(s) > 0.6 || !isLinkedDataTable(el, s.len, stats)))) continue;
    // A same-class box wrapping an <article> of its own is another post (a teaser slot), not a chunk of this one;
    // one in the page's footer or a sidebar is the site's own text (Drupal names every text field alike).
    if (holdsArticles(el, s.len, stats) || inLandmarkApart(el, top) || isOtherStory(el, title)) continue;
    // Chunks usually meet a few levels up; a lead chunk wrapped in its own intro/hero markup meets the rest
    // deeper, but still below the page's body (a page-wide meeting point is the site's template, not the article).
    const m = meeting(top, el, SAME_CLASS_MAX_DEPTH);
    if (m && m.at.name !== 'body' && m.at.name !== 'html' && (s.len >= SAME_CLASS_MIN_LEN || setAlike(top, el, m.at))) parts.push(el);
  }
  if (parts.length === 0) return roots;
  // A chunk introduced by a heading of its own (an FAQ's question over each answer box) keeps it.
  const all = [...roots, ...parts];
  for (const p of parts) {
    const h = headingBefore(p, stats);
    if (h && !all.some((r) => r === h || isAncestor(r, h))) all.push(h);
  }
  return inPageOrder(all, order);
}

/** How far up from a chunk its heading may sit (the chunk wrapped in a box or two that the heading precedes). */
const HEADING_MAX_UP = 3;
/** Longer than this (weighted), a "heading" is a paragraph set in a heading tag, not a label for the chunk. */
const HEADING_MAX_LEN = 240;

/** Are all of a heading's links toggles (an accordion's question: role="button", or a bare "#" target)? */
function onlyToggles(heading: Element): boolean {
  return elementsIn(heading).every((d) => d.name !== 'a' || d.attribs.role === 'button' || d.attribs.href === '#');
}

/**
 * The heading right before `el`, or before the boxes `el` opens (it is their first element): h1–h6 with little
 * text and no links to elsewhere (an accordion's toggle link is not one). Undefined when anything else comes first.
 */
function headingBefore(el: Element, stats: StatsMap): Element | undefined {
  let cur: Element = el;
  for (let up = 0; up < HEADING_MAX_UP; up++) {
    let prev = cur.prev;
    while (prev && !isTag(prev)) prev = prev.prev;
    if (prev) {
      const s = stats.get(prev);
      return /^h[1-6]$/.test(prev.name) && s && s.len > 0 && s.len <= HEADING_MAX_LEN && (s.linkLen === 0 || onlyToggles(prev)) ? prev : undefined;
    }
    if (!cur.parent || !isTag(cur.parent)) return undefined;
    cur = cur.parent;
  }
  return undefined;
}
