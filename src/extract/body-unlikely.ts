/**
 * Subtrees whose paragraphs must not vote for the content container: comment threads and related-article cards
 * (the text-bearing part of Readability's "unlikely candidates"; layout words such as sidebar/footer are left to
 * link density, since themes name whole article columns "layout-sidebar-right"). Without this a short post loses
 * to its own longer comment thread, and a hidden "related" card holding another article's full text outscores the
 * article. Marked by class/id words, as Readability does; a name that also says content/article/body/main keeps
 * the element (`comment-body` of a forum's first post, `main-column`). Grids of teaser cards (repeated siblings
 * with linked headlines, `teaserCards`) are left out of the vote the same way.
 */
import { classAndId, elementsIn, isAncestor, isTag, type Element } from './dom.js';
import { siteHostOf, type UrlResolver } from './links.js';
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
  const site = siteHostOf(urls?.base);
  if (!site || cards.size === 0) return [];
  const out: Element[] = [];
  for (const root of roots) {
    const inside = [...cards].filter((c) => c !== root && isAncestor(root, c));
    if (inside.length === 0) continue;
    const len = inside.reduce((n, c) => n + (stats.get(c)?.len ?? 0), 0);
    if (len >= (stats.get(root)?.len ?? 0) * CARDS_MAX_SHARE) continue;
    out.push(...inside.filter((c) => siteHostOf(urls?.resolve(headlineHref(c))) === site));
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

/** A footer holding more than this share of the page's text is where the page's content is, not its footer. */
const FOOTER_MAX_SHARE = 0.5;

/**
 * The page's own footer: a <footer> (or role="contentinfo") outside any <article> or <main>. Its legal disclaimer
 * or "about us" blurb is one long paragraph that must not outvote a short article; an article's own <footer>
 * (inside the <article>) is left to the furniture rules. A footer holding the page's <h1>, or most of its text, is
 * a misused wrapper around the content (a broken template), not the site footer.
 */
export function pageFooters(order: Element[], stats: StatsMap): Element[] {
  const found: Element[] = [];
  const h1s: Element[] = [];
  let body: Element | undefined;
  // The page's text: its <body>'s, or (a fragment without one) its top-level elements'.
  let topLen = 0;
  for (const el of order) {
    if (el.name === 'h1') h1s.push(el);
    if (el.name === 'body') body ??= el;
    if (!el.parent || !isTag(el.parent)) topLen += stats.get(el)?.len ?? 0;
    if (el.name !== 'footer' && el.attribs.role !== 'contentinfo') continue;
    let inside = false;
    for (let p = el.parent as Element | null; p && isTag(p) && !inside; p = p.parent as Element | null) inside = p.name === 'article' || p.name === 'main' || p.name === 'footer' || p.attribs.role === 'main';
    if (!inside) found.push(el);
  }
  if (found.length === 0) return found;
  const pageLen = body ? (stats.get(body)?.len ?? 0) : topLen;
  return found.filter((f) => (stats.get(f)?.len ?? 0) <= pageLen * FOOTER_MAX_SHARE && !h1s.some((h) => isAncestor(f, h)));
}
