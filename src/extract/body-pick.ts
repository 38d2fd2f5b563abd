/**
 * Choosing the content container among the scored candidates (body-score.ts scores them): the best one, moved up to
 * the ancestor of an article split into sibling blocks, to a wrapper that scores higher, or to a near-equal ancestor.
 */
import { elementsIn, isAncestor, isTag, textContent, type Element } from './dom.js';
import { linkDensity, unlinkedTextBeside, type StatsMap } from './body-score.js';

/** Two candidates scoring this share of the top one make the top one a part of a split article… */
const CLOSE_SHARE = 0.75;
/** …and so do RUN_MIN candidates scoring this share (a run of like items). */
const RUN_SHARE = 0.7;
const RUN_MIN = 3;
/** An ancestor scoring at least this share of the chosen container's score is taken instead. */
const NEAR_EQUAL = 0.95;

/** The container with the highest score, moved up when its ancestors hold several near-equal candidates. */
export function pickTopCandidate(scores: Map<Element, number>, stats?: StatsMap): Element | undefined {
  const ranked = topScores(scores, 6);
  if (ranked.length === 0) return undefined;
  let top = ranked[0][0];
  const topScore = ranked[0][1];
  // Several strong candidates under one ancestor: the article is split into sibling blocks. Two close seconds are
  // enough; a run of three or more a little further behind is a page of like items (a list of entries, each a
  // scored box, under an intro that happens to score most) and counts too.
  // A wrapper of the top box, or a box inside it, holds the same text: not another part.
  const apart = ranked.slice(1, 6).filter(([el]) => !isAncestor(el, top) && !isAncestor(top, el));
  const near = (share: number): Element[] => apart.filter(([, sc]) => sc >= topScore * share).map(([el]) => el);
  const close = near(CLOSE_SHARE);
  const run = near(RUN_SHARE);
  const alternatives = close.length >= 2 || run.length < RUN_MIN ? close : run;
  if (alternatives.length >= 2) {
    let parent = top.parent as Element | null;
    while (parent && isTag(parent) && parent.name !== 'body') {
      const inside = alternatives.filter((a) => isAncestor(parent!, a)).length;
      if (inside >= 2) {
        top = parent;
        break;
      }
      parent = parent.parent as Element | null;
    }
  }
  // Climb while the parent scores higher (the paragraphs sit in a wrapper of the real container).
  let last = scores.get(top) ?? topScore;
  const threshold = last / 3;
  let parent = top.parent as Element | null;
  while (parent && isTag(parent) && parent.name !== 'body' && parent.name !== 'html') {
    const ps = scores.get(parent);
    if (ps === undefined) {
      parent = parent.parent as Element | null;
      continue;
    }
    if (ps < threshold) break;
    if (ps > last) {
      top = parent;
      break;
    }
    last = ps;
    parent = parent.parent as Element | null;
  }
  const picked = nearlyEqualAncestor(top, scores);
  return stats ? enclosingArticle(picked, scores, stats) : picked;
}

/** How far up an enclosing <article> may sit (sections nested in sections, each a level). */
const ARTICLE_MAX_UP = 6;
/** Share of the chosen container's score the enclosing <article> must reach. */
const ARTICLE_SHARE = 0.5;
/** The chosen box holds less than this share of the article's text: a section of it, not the article with its header. */
const ARTICLE_PART_MAX = 0.7;
/** The text the article adds beyond the chosen box is under this share links (withGapsBetween's limit for prose). */
const ARTICLE_ADDED_LINKS_MAX = 0.25;
/** The article's text before the chosen box is at least this share of its text after it. */
const ARTICLE_BEFORE_MIN = 0.5;
/** This many headings that are one link each after the box are a list of teasers (other stories with summaries). */
const TEASER_RUN = 3;

/** Headings after `box` inside `article` whose whole text is one link: the headlines of teasers to other pages. */
function teaserHeadingsAfter(box: Element, article: Element): number {
  let n = 0;
  for (let cur: Element = box; cur !== article && cur.parent && isTag(cur.parent); cur = cur.parent as Element) {
    const kids = cur.parent.children;
    for (let i = kids.indexOf(cur) + 1; i < kids.length; i++) {
      const k = kids[i];
      if (!isTag(k)) continue;
      if (HEADING.test(k.name)) n += isOneLink(k) ? 1 : 0;
      else for (const e of elementsIn(k)) if (HEADING.test(e.name) && isOneLink(e)) n++;
    }
  }
  return n;
}

const HEADING = /^h[2-6]$/;

/** A heading whose text is all inside one link. */
function isOneLink(h: Element): boolean {
  const links = elementsIn(h).filter((e) => e.name === 'a');
  const text = textContent(h).trim();
  return links.length === 1 && text.length > 0 && textContent(links[0]).trim().length === text.length;
}

/**
 * The page's <article> element a few levels up, when it scores a fair share of the chosen container's score: the
 * chosen box is one of the article's sections (nested section wrappers in between score little of their own, so the
 * climb above stops under them). Not past another <article> nor a wrapper holding more than one.
 */
function enclosingArticle(top: Element, scores: Map<Element, number>, stats: StatsMap): Element {
  if (top.name === 'article') return top;
  const topScore = scores.get(top) ?? 0;
  let node = top.parent as Element | null;
  for (let level = 0; level < ARTICLE_MAX_UP && node && isTag(node) && node.name !== 'body' && node.name !== 'html'; level++) {
    if (node.name === 'article') {
      const whole = stats.get(node);
      const part = stats.get(top);
      if (!whole || !part || (scores.get(node) ?? 0) < topScore * ARTICLE_SHARE || part.len >= whole.len * ARTICLE_PART_MAX) return top;
      // What the article adds is more of its text, not its link lists (related stories, tags, a comment digest).
      const added = { len: whole.len - part.len, linkLen: whole.linkLen - part.linkLen };
      if (linkDensity(added) >= ARTICLE_ADDED_LINKS_MAX) return top;
      // The lost part is an intro or sections before the box; text only after it is what templates put there inside
      // the <article> (an author bio, a newsletter box, more stories), so the box then stays the body.
      const before = unlinkedTextBeside(top, node, stats, -1);
      const after = unlinkedTextBeside(top, node, stats, 1);
      if (before < after * ARTICLE_BEFORE_MIN) return top;
      return teaserHeadingsAfter(top, node) >= TEASER_RUN ? top : node;
    }
    node = node.parent as Element | null;
  }
  return top;
}

/**
 * The `k` best-scoring entries, best first, equal scores in the map's order: the first `k` of the entries stably
 * sorted by score, without sorting every candidate of the page (only the top six are ever read).
 */
export function topScores(scores: Map<Element, number>, k: number): Array<[Element, number]> {
  const best: Array<[Element, number]> = [];
  for (const entry of scores) {
    const score = entry[1];
    if (best.length === k && score <= best[k - 1][1]) continue;
    // After every kept entry scoring as much (a stable sort keeps the earlier one first).
    let at = best.length;
    while (at > 0 && best[at - 1][1] < score) at--;
    best.splice(at, 0, entry);
    if (best.length > k) best.pop();
  }
  return best;
}

/**
 * An ancestor a few levels up that scores nearly as high as the chosen container holds more of the same article
 * (an intro block beside a "read-more" wrapper around the rest): take it, past thin wrappers in between.
 */
function nearlyEqualAncestor(top: Element, scores: Map<Element, number>): Element {
  const topScore = scores.get(top) ?? 0;
  let node = top.parent as Element | null;
  for (let level = 0; level < 3 && node && isTag(node) && node.name !== 'body' && node.name !== 'html'; level++) {
    const sc = scores.get(node);
    if (sc !== undefined && sc >= topScore * NEAR_EQUAL) return node;
    node = node.parent as Element | null;
  }
  return top;
}
