/**
 * Finding the main content container. Like Readability, every paragraph-like run of text scores itself
 * (1 + punctuation + length bonus, CJK aware) and hands the score to its ancestors with decay; candidates are then
 * weighted by link density and class/id hints. Unlike Readability, a container holding <br>-separated text
 * (common on Chinese sites) scores itself, and sentence punctuation (。，、 included) drives the score.
 */
import { BLOCK_TAGS, isTag, isText, MAX_NODES, type Element } from './dom.js';
import { classWeight, isMarkedArticleBody, tagWeight } from './hints.js';
import { textMetrics } from './text.js';
import { FarReach, holds, onlyTextChild } from './body-reach.js';

export interface NodeStats {
  /** Weighted length (CJK ×2) of all text below. */
  len: number;
  /** Weighted length of text inside links. */
  linkLen: number;
  punct: number;
  /** Text reachable without crossing a block element: the element's own paragraph text. */
  inlineLen: number;
  inlinePunct: number;
  inlineLinkLen: number;
  /** <br>s among the inline content: several mean several paragraphs laid out in one element. */
  inlineBreaks: number;
  hasBlockChild: boolean;
  /** Element children holding any text (len > 0): body-reach asks whether a box holds only one. */
  textChildren: number;
  /** Content score from paragraph runs at or below this element (Readability-style). */
  score: number;
}

/** Elements that cannot be the content container themselves (they are its paragraphs or furniture). */
const NOT_CANDIDATE = new Set([
  'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'dl', 'dt', 'a', 'span', 'strong', 'b', 'em', 'i',
  'font', 'pre', 'figure', 'figcaption', 'caption', 'nav', 'aside', 'footer', 'header', 'thead', 'th', 'label',
  'html', 'small', 'sup', 'sub', 'u', 'code', 'cite', 'abbr', 'time',
]);
const PARAGRAPH_MIN_LEN = 25;
/** A candidate with less text than this (weighted length) gets its tag/class bonus only up to its own score… */
const SMALL_CANDIDATE_LEN = 300;
/** …or up to this floor. */
const MIN_HINT_CAP = 10;

/** Where computeStats leaves an element's stats: on the element itself. */
const STATS = Symbol('snapcrawl.nodeStats');
interface OwnedStats extends NodeStats {
  /** The StatsMap that computed these (another computeStats over the same elements keeps its own). */
  readonly owner: StatsMap;
}
type StatsHolder = Element & { [STATS]?: OwnedStats };

/**
 * NodeStats per element, as a Map would keep them, but stored on the elements: the extractors read an element's
 * stats tens of thousands of times per page, and a property read is several times cheaper than a Map lookup.
 */
export class StatsMap {
  /** Elements that already held another map's stats (computeStats run twice over one tree): kept here instead. */
  private others: Map<Element, NodeStats> | undefined;

  get(el: Element): NodeStats | undefined {
    const s = (el as StatsHolder)[STATS];
    if (s !== undefined && s.owner === this) return s;
    return this.others?.get(el);
  }

  has(el: Element): boolean {
    return this.get(el) !== undefined;
  }

  /** Stats for `el` belonging to this map (computeStats fills them in). */
  create(el: Element): NodeStats {
    const s: OwnedStats = { len: 0, linkLen: 0, punct: 0, inlineLen: 0, inlinePunct: 0, inlineLinkLen: 0, inlineBreaks: 0, hasBlockChild: false, textChildren: 0, score: 0, owner: this };
    const held = (el as StatsHolder)[STATS];
    if (held === undefined || held.owner === this) (el as StatsHolder)[STATS] = s;
    else (this.others ??= new Map()).set(el, s);
    return s;
  }
}

/**
 * One bottom-up pass computing NodeStats for every element of `order` (the page's elements in pre-order, as
 * elementsIn or removeJunk list them), in reverse: children before parents.
 */
export function computeStats(order: Element[]): { stats: StatsMap; order: Element[] } {
  const stats = new StatsMap();
  // In reverse pre-order an element comes right after its children's subtrees, so its element children's stats are
  // the last ones computed and not yet taken: kept on a stack, they need no map lookup. A list cut at MAX_NODES
  // misses some children: there, children are looked up (absent ones have no stats).
  const complete = order.length < MAX_NODES;
  const done: NodeStats[] = [];
  for (let i = order.length - 1; i >= 0; i--) {
    const el = order[i];
    const s = stats.create(el);
    const isLink = el.name === 'a';
    for (const c of el.children) {
      if (isText(c)) {
        const m = textMetrics(c.data);
        s.len += m.len;
        s.punct += m.punct;
        s.inlineLen += m.len;
        s.inlinePunct += m.punct;
      } else if (isTag(c)) {
        const cs = complete ? done.pop() : stats.get(c);
        if (!cs) continue;
        if (cs.len > 0) s.textChildren++;
        s.len += cs.len;
        s.linkLen += cs.linkLen;
        s.punct += cs.punct;
        if (c.name === 'br') s.inlineBreaks++;
        else if (!BLOCK_TAGS.has(c.name)) {
          s.inlineLen += cs.inlineLen;
          s.inlinePunct += cs.inlinePunct;
          s.inlineLinkLen += cs.inlineLinkLen;
          s.inlineBreaks += cs.inlineBreaks;
        } else s.hasBlockChild = true;
      }
    }
    if (isLink) {
      s.linkLen = s.len;
      s.inlineLinkLen = s.inlineLen;
    }
    if (complete) done.push(s);
  }
  return { stats, order };
}

export function linkDensity(s: Pick<NodeStats, 'len' | 'linkLen'>): number {
  return s.len === 0 ? 0 : s.linkLen / s.len;
}

/**
 * Unlinked text of the siblings after (step 1) or before (-1) `el`, at every level up to `root`: how much of the
 * container's text stands beside an element. `counts` picks which siblings count (default: all).
 */
export function unlinkedTextBeside(el: Element, root: Element, stats: StatsMap, step: 1 | -1, counts?: (k: Element, s: NodeStats) => boolean): number {
  let n = 0;
  for (let cur: Element = el; cur !== root && cur.parent && isTag(cur.parent); cur = cur.parent as Element) {
    const kids = cur.parent.children;
    for (let i = kids.indexOf(cur) + step; i >= 0 && i < kids.length; i += step) {
      const k = kids[i];
      if (!isTag(k)) continue;
      const s = stats.get(k);
      if (s && (!counts || counts(k, s))) n += s.len - s.linkLen;
    }
  }
  return n;
}

/** Per stats map, the stats whose score the last scoring raised above 0 (every contribution is positive). */
const raised = new WeakMap<StatsMap, NodeStats[]>();

/** Propagate paragraph scores to ancestors; returns each candidate's final score (link density, hints applied). */
export function scoreCandidates(order: Element[], stats: StatsMap, exclude?: Set<Element>): Map<Element, number> {
  const finalScores = new Map<Element, number>();
  // Scores accumulate in the stats: start from zero so the finder can score twice (with and without exclusions).
  // Only the stats an earlier scoring raised are non-zero (computeStats starts every score at 0): just those are
  // reset, not every element's.
  const previous = raised.get(stats);
  if (previous) for (const s of previous) s.score = 0;
  const touched: NodeStats[] = [];
  const far = new FarReach();
  // The box scoring highest from near contributions: far scores count only in boxes holding it (body-reach.ts).
  let [nearTop, nearTopScore]: [Element | undefined, number] = [undefined, 0];
  raised.set(stats, touched);
  for (const el of order) {
    if (!BLOCK_TAGS.has(el.name)) continue;
    // Paragraphs of comment threads and related cards do not vote for a container (body-unlikely).
    if (exclude?.has(el)) continue;
    const s = stats.get(el)!;
    if (s.inlineLen < PARAGRAPH_MIN_LEN) continue;
    const ownLinkDensity = s.inlineLen === 0 ? 0 : s.inlineLinkLen / s.inlineLen;
    if (ownLinkDensity > 0.6) continue;
    const contribution = (1 + s.inlinePunct + Math.min(s.inlineLen / 100, 3)) * (1 - ownLinkDensity);
    // A <p>, or a div holding one paragraph, hands everything up; a container whose own text is several
    // <br>-separated paragraphs (or mixed with block children) is its own first "parent".
    const selfContainer = !NOT_CANDIDATE.has(el.name) && (s.inlineBreaks >= 2 || s.hasBlockChild);
    // `level` counts every step up (the reach: five); `branches` only steps into a box holding other text too, as
    // far as five of them: past the reach, scores gather in boxes where parts meet (body-reach.ts).
    let [level, branches] = selfContainer ? [-1, -1] : [0, 0];
    let node: Element | null = selfContainer ? el : (el.parent as Element | null);
    let [wrapped, from]: [boolean, Element | undefined] = [false, undefined];
    while (node && isTag(node) && branches < 5) {
      const at = level < 5 ? level : branches;
      const divider = at <= 0 ? 1 : at === 1 ? 2 : at * 3;
      if (!NOT_CANDIDATE.has(node.name)) {
        const ns = level < 5 ? stats.get(node) : undefined;
        if (level >= 5) far.add(node, from!, contribution / divider);
        else if (ns) {
          if (ns.score === 0) touched.push(ns);
          ns.score += contribution / divider;
          if (ns.score > nearTopScore) [nearTop, nearTopScore] = [node, ns.score];
        }
      }
      from = node;
      const up = node.parent as Element | null;
      const single = !!up && isTag(up) && onlyTextChild(up, node, stats);
      if (!single || !wrapped) branches++;
      wrapped = single;
      level++;
      node = up;
    }
  }
  for (const [node, score] of far.meetingPoints()) {
    if (!holds(node, nearTop)) continue;
    const ns = stats.get(node);
    if (ns?.score === 0) touched.push(ns);
    if (ns) ns.score += score;
  }
  for (const el of order) {
    const s = stats.get(el)!;
    if (s.score <= 0 || NOT_CANDIDATE.has(el.name) || exclude?.has(el)) continue;
    let bonus = tagWeight(el) + classWeight(el);
    // A name is evidence only next to text: a "post" box holding two short lines (a comment form's prompt and
    // rules) must not outscore a short article on its class alone. On a small candidate the tag/class bonus is at
    // most its text's own score (or a small floor); a schema.org/microdata articleBody mark counts in full.
    if (s.len < SMALL_CANDIDATE_LEN && bonus > Math.max(s.score, MIN_HINT_CAP)) bonus = Math.max(s.score, MIN_HINT_CAP);
    if (isMarkedArticleBody(el)) bonus += 25;
    finalScores.set(el, (s.score + bonus) * (1 - linkDensity(s)));
  }
  return finalScores;
}
