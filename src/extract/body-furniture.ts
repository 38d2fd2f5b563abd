/**
 * Furniture elements inside the chosen container: navigation, share bars, related lists, comments, ads. Elements are
 * judged by tag, class/id hints and link density (Readability's "clean conditionally", tuned for CJK text); which
 * link-bearing elements are prose after all is body-linked-prose.ts, the line-by-line cleaning is body-clean.ts.
 */
import { classAndId, elementsIn, isAncestor, isTag, textContent, type Element } from './dom.js';
import { classWeight, isMarkedArticleBody, isStrongNegative } from './hints.js';
import { linkDensity, type NodeStats, type StatsMap } from './body-score.js';
import { hasPlainColumn, isDataTable } from './tables.js';
import { isInfoLine } from './body-info-lines.js';
import {
  isLinkInProse,
  isLinkedSubheadingP,
  itemsAreSentences,
  linkedItemSiblings,
  proseBeside,
  ROUNDUP_MIN_ITEMS,
} from './body-linked-prose.js';

const ALWAYS_FURNITURE = new Set(['nav', 'aside', 'menu', 'dialog']);
// A tooltip is pop-up text shown on hover (a footnote's note set inline after its marker, a term's definition): the
// sentence it sits in reads on without it.
const FURNITURE_ROLES = /^(?:navigation|complementary|contentinfo|banner|search|menu|menubar|toolbar|dialog|tooltip)$/;
const INLINE_CONTAINERS = new Set(['span', 'font']);
const CONTAINERS = new Set(['div', 'section', 'ul', 'ol', 'dl', 'table', 'form', 'span', 'center', 'font', 'p', 'header', 'footer']);

/** Subtrees under `roots` to leave out of the body. */
export function findFurniture(roots: Element[], stats: StatsMap): Set<Element> {
  const skip = new Set<Element>();
  // The text of all the chosen containers: a small form is judged against the whole body, not its own part (a
  // sign-up box joined as a sibling part holds little else but the form).
  let bodyLen = 0;
  for (const root of roots) if (!roots.some((r) => r !== root && isAncestor(r, root))) bodyLen += stats.get(root)?.len ?? 0;
  for (const root of roots) {
    const rootLen = stats.get(root)?.len ?? 0;
    const spared: Element[] = [];
    const sizes = { rootLen, bodyLen: Math.max(rootLen, bodyLen) };
    const found = furnitureIn(root, stats, sizes, true, spared);
    // Page builders name every block of the article "…-widget" (Elementor): when the class words would remove
    // nearly all of the chosen container, they describe the layout, not furniture; judge on links alone. Prose
    // boxes the class words name count as named too (else sparing them would let the words take the rest).
    const named = spared.length > 0 ? new Set([...found, ...spared]) : found;
    let removed = 0;
    for (const el of named) if (!hasSkippedAncestor(el, named, root)) removed += stats.get(el)?.len ?? 0;
    const kept = rootLen > 0 && removed > rootLen * 0.8 ? furnitureIn(root, stats, sizes, false) : found;
    for (const el of kept) skip.add(el);
  }
  return skip;
}

interface Sizes {
  /** Text length of the container being cleaned. */
  rootLen: number;
  /** Text length of all the chosen containers together (at least rootLen). */
  bodyLen: number;
}

function furnitureIn(root: Element, stats: StatsMap, sizes: Sizes, byClass: boolean, spared?: Element[]): Set<Element> {
  const skip = new Set<Element>();
  // Code is content whatever its highlighter calls the spans (<span class="hljs-comment">): never furniture.
  const inCode = new Set<Element>();
  // Elements below a skipped one. The walk is in pre-order and only ever skips the element at hand or its
  // descendants, so whether an element's ancestors are skipped is settled when it is reached: its parent's answer,
  // two Set tests instead of hasSkippedAncestor's walk up to the root for every element.
  const under = new Set<Element>();
  for (const el of elementsIn(root)) {
    const parent = el.parent as Element | null;
    if (el.name === 'pre' || el.name === 'code' || (parent && inCode.has(parent))) {
      inCode.add(el);
      continue;
    }
    if (parent && (skip.has(parent) || under.has(parent))) {
      under.add(el);
      continue;
    }
    if (!isFurniture(el, stats, sizes, byClass, root, spared)) continue;
    // The article's own header comes before its prose (later headers open a chart or an embed).
    const dek = el.name === 'header' && proseBeside(el, root, stats, -1) < STANDFIRST_MIN ? standfirstIn(el, stats) : undefined;
    if (dek === el) continue;
    if (dek) skipAllBut(el, dek, skip);
    else skip.add(el);
  }
  return skip;
}

/** A standfirst: a sentence or two of unlinked prose under the headline, no heading or byline line. */
const STANDFIRST_MIN = 80;
const SENTENCE_END_EN = /[.!?…"”'’)]\s*$/;

/**
 * The standfirst in the article's own <header> (the headline, the byline and date around it go with the header):
 * the header itself when it holds nothing else, or its one prose paragraph.
 */
function standfirstIn(header: Element, stats: StatsMap): Element | undefined {
  const isDek = (el: Element): boolean => {
    const s = stats.get(el);
    if (!s || s.len < STANDFIRST_MIN || s.linkLen > 0 || s.hasBlockChild) return false;
    const text = textContent(el).trim();
    return SENTENCE_END_EN.test(text) && !isInfoLine(text);
  };
  if (isDek(header)) return header;
  let found: Element | undefined;
  for (const d of elementsIn(header)) {
    if (d.name !== 'p' || !isDek(d)) continue;
    if (found) return undefined;
    found = d;
  }
  return found;
}

/** Everything under `el` except `keep` and the wrappers leading to it. */
function skipAllBut(el: Element, keep: Element, skip: Set<Element>): void {
  for (const c of el.children) {
    if (!isTag(c) || c === keep) continue;
    if (isAncestor(c, keep)) skipAllBut(c, keep, skip);
    else skip.add(c);
  }
}

function hasSkippedAncestor(el: Element, skip: Set<Element>, root: Element): boolean {
  if (skip.size === 0) return false;
  let cur = el.parent;
  while (cur && cur !== root) {
    if (skip.has(cur as Element)) return true;
    cur = cur.parent;
  }
  return false;
}

function isFurniture(el: Element, stats: StatsMap, sizes: Sizes, byClass: boolean, root: Element, spared?: Element[]): boolean {
  const s = stats.get(el);
  if (!s) return false;
  const rootLen = sizes.rootLen;
  const share = rootLen > 0 ? s.len / rootLen : 0;
  if (isScreenReaderOnly(el)) return s.len < SCREEN_READER_MAX;
  if (ALWAYS_FURNITURE.has(el.name)) return share < 0.5;
  const role = el.attribs.role;
  if (role && FURNITURE_ROLES.test(role)) return share < 0.5;
  if ((el.name === 'header' || el.name === 'footer') && share < 0.3) return !isSectionHeader(el, root, stats);
  if (!CONTAINERS.has(el.name)) return false;
  if (isMarkedArticleBody(el)) return false;
  // A small form (a sign-up or search box; its fields are gone, its labels are left) is never the article; a form
  // wrapping the whole page (ASP.NET's) is more than a small share of the body. Small is against the whole body: a
  // sign-up box that joined as a part of its own is most of that part.
  if (el.name === 'form' && s.len < sizes.bodyLen * FORM_MAX_SHARE) return true;
  const ld = linkDensity(s);
  const hinted = hintTarget(el);
  const weight = classWeight(hinted);
  const strong = isStrongNegative(hinted);
  // "social-media-embed" wrappers hold embedded posts the article quotes: those are content.
  if ((strong || weight < 0) && holdsEmbeddedPost(el)) return false;
  // Without class words (they would remove nearly all of the container) strong class words are layout too
  // ("sidebar-grid__content" columns holding every paragraph).
  if (byClass && strong && share < 0.35) return true;
  if (byClass && weight < 0 && share < 0.25) {
    if (!isProseBox(el, s, hinted, stats)) return true;
    spared?.push(el);
  }
  if (el.name === 'p') return ld > 0.8 && s.len < 200 && !isLinkedSubheadingP(el, stats) && !isLinkInProse(el, root, stats);
  // Inline wrappers go by their class, or when they are a pop-up card of links inside a sentence
  // ("Kristi Noem" + a hidden card of her latest stories); plain inline links are prose.
  if (INLINE_CONTAINERS.has(el.name)) return isHoverCard(el, s.len, ld);
  const proseLen = s.len - s.linkLen;
  if (el.name === 'ul' || el.name === 'ol') {
    // A list of linked headlines each followed by a sentence or two is content ("10 things you need to know").
    const items = el.children.filter((c) => c.type === 'tag' && (c as Element).name === 'li').length || 1;
    if (proseLen / items >= 60) return false;
    if (ld > 0.35 && el.name === 'ul' && itemsAreSentences(el, stats)) return false;
    if (ld > 0.35 && items >= 2 && proseBeside(el, root, stats, 1) >= 200 && proseBeside(el, root, stats, -1) >= 200) return false;
    // One-item lists of a link, each over a paragraph about it, repeated: the bulleted subheadings of a round-up
    // (a lone one is a promo link: "BBC Africa Live updates").
    if (items === 1 && isLinkedSubheadingP(el, stats) && linkedItemSiblings(el, stats) >= ROUNDUP_MIN_ITEMS) return false;
    return ld > 0.35;
  }
  if (ld > 0.5 && s.len > 0 && proseLen < 500) return !isLinkedDataTable(el, s.len, stats);
  // Short link-bearing boxes without sentences: tag lists, "more" boxes, pagers.
  if (weight <= 0 && ld > 0.25 && s.len < 300 && s.punct < 3) return true;
  return false;
}

/**
 * Screen-reader text: a class that moves the element off screen for assistive technology only ("sr-only",
 * "visually-hidden", WordPress's "screen-reader-text"). Readers never see it: the labels it carries ("Article content"
 * before every paragraph group, "opens in a new window", "Share on Facebook") are not the article. Whole class tokens
 * only: Drupal's "field--label-visually_hidden" hides a field's label, not the field.
 */
const SCREEN_READER_CLASS = /^(?:[a-z0-9]+-)*(?:sr-only|sr-text|visually-?hidden|hidden-visually|screen-reader-(?:text|only)|element-invisible|a11y-hidden|offscreen)$/i;
/** Longer than a label: a box of real text with such a class is left to the other rules. */
const SCREEN_READER_MAX = 200;

function isScreenReaderOnly(el: Element): boolean {
  const cls = el.attribs.class;
  if (!cls) return false;
  for (const c of cls.split(/\s+/)) if (SCREEN_READER_CLASS.test(c)) return true;
  return false;
}

/** Class words that name a box by what it is about (its author, its legal text), not by its layout. */
const ABOUT_BOX = /bio|author|byline|profile|copyright|disclaim|cookie|gdpr|consent|legal|subscribe|signup|login|cta|caption|credit|meta|image|photo|(?:^|[\s_-])ads?(?:$|[\s_-])|adv/i;
/** Unlinked text a weakly-named box needs to read as the article's prose. */
const PROSE_BOX_MIN = 200;
/** A paragraph, not a label line. */
const PROSE_P_MIN = 60;

/**
 * Prose in a box a weak class word names ("c-product-widget", "banner-item", "rank-math-block"): the words describe
 * the layout, the text is paragraphs of the article (a review in a round-up, a FAQ). Several sentences in
 * paragraphs, almost no links; boxes named for what they hold (bios, legal text, sign-up) keep their rule.
 */
function isProseBox(el: Element, s: NodeStats, hinted: Element, stats: StatsMap): boolean {
  if (s.len - s.linkLen < PROSE_BOX_MIN || linkDensity(s) >= 0.1 || s.punct < 4) return false;
  if (ABOUT_BOX.test(classAndId(hinted))) return false;
  let paragraphs = 0;
  for (const d of elementsIn(el)) if (d.name === 'p' && (stats.get(d)?.len ?? 0) >= PROSE_P_MIN && ++paragraphs >= 2) return true;
  return false;
}

/**
 * A <header> opening a section of the article (HTML5 sectioning: <section><header><h2>…</h2></header>…): it holds
 * a subheading and the article's prose comes before it. The page's or the article's own header comes first.
 */
function isSectionHeader(el: Element, root: Element, stats: StatsMap): boolean {
  if (el.name !== 'header') return false;
  let heading = false;
  for (const d of elementsIn(el)) if (/^h[2-6]$/.test(d.name)) heading = true;
  return heading && proseBeside(el, root, stats, -1) >= 200;
}

/** `el` is, or wraps, a data table with a column of plain values that holds most of its text (linked names beside
 * figures: a ranking, a price list). */
export function isLinkedDataTable(el: Element, len: number, stats: StatsMap): boolean {
  const table = el.name === 'table' ? el : elementsIn(el).find((d) => d.name === 'table');
  if (!table || (stats.get(table)?.len ?? 0) < len * 0.8) return false;
  return isDataTable(table, (t) => stats.get(t)?.len ?? 0) && hasPlainColumn(table);
}

const FORM_MAX_SHARE = 0.2;

/** An id made from a section's heading ("getting-into-trouble-with-shared-mutable-history", on a section that
 * opens with that heading): words of prose. */
const HEADING_SLUG = /^[a-z0-9]+(?:[-_][a-z0-9]+){3,}$/i;

/**
 * What the class/id hints are read from: an id that is a heading slug says what the section is about, not what
 * kind of box it is ("shared" in a section title is not a share bar), so only the class counts then.
 */
function hintTarget(el: Element): Element {
  const id = el.attribs.id;
  if (!id || !HEADING_SLUG.test(id) || !opensWithHeading(el)) return el;
  const { id: _slug, ...rest } = el.attribs;
  return { name: el.name, attribs: rest } as unknown as Element;
}

function opensWithHeading(el: Element): boolean {
  for (const c of el.children) if (isTag(c)) return /^h[1-6]$/.test(c.name);
  return false;
}

const EMBEDDED_POST = /twitter-tweet|instagram-media|tiktok-embed|bluesky-embed|threads-embed|fb-post|reddit-embed|mastodon-embed/;

/** Does the element (a small wrapper) contain an embedded social post (<blockquote class="twitter-tweet">)? */
function holdsEmbeddedPost(el: Element): boolean {
  const own = el.attribs.class ?? '';
  if (EMBEDDED_POST.test(own)) return true;
  let n = 0;
  for (const d of elementsIn(el)) {
    if (++n > 400) return false;
    if (d.name === 'blockquote' && EMBEDDED_POST.test(d.attribs.class ?? '')) return true;
  }
  return false;
}

const POPUP_CLASS = /(?:tooltip|popover|hover-?card|rollover|popup|flyout)(?:[-_]?(?:block|card|content|body|box|panel|inner|info))?$/i;

/**
 * A pop-up card inside a sentence: a popup-classed span, or a span that is all links (three or more) and long.
 * The wrapper holding the trigger link and its card is not one: only the card inside goes.
 */
function isHoverCard(el: Element, len: number, ld: number, depth = 0): boolean {
  const cls = (el.attribs.class ?? '').split(/\s+/);
  const popupClass = cls.some((c) => POPUP_CLASS.test(c) && /(?:block|card|content|body|box|panel|inner|info)$|^(?:tooltip|popover|hovercard|popup)$/i.test(c));
  if (!popupClass && (ld < 0.85 || len < 100)) return false;
  if (depth === 0) {
    for (const c of el.children) if (isTag(c) && INLINE_CONTAINERS.has(c.name) && c.children.length > 0 && isHoverCard(c, len, ld, 1)) return false;
  }
  if (popupClass) return true;
  let links = 0;
  for (const d of elementsIn(el)) if (d.name === 'a' && ++links >= 3) return true;
  return false;
}
