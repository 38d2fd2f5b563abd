/**
 * Main-content extraction: score containers (body-score), merge qualifying siblings, drop furniture elements
 * (body-furniture) and lines (body-clean), serialise to blocks (blocks). Falls back to the marked article body or the
 * whole page when scoring finds nothing substantial.
 */
import { isAncestor, type Element } from './dom.js';
import type { Block } from './blocks.js';
import { emitBlocks } from './block-emitter.js';
import { attachCaptions } from './captions.js';
import type { UrlResolver } from './links.js';
import { linkDensity, scoreCandidates, type StatsMap } from './body-score.js';
import { pickTopCandidate } from './body-pick.js';
import { filterBodyBlocks } from './body-clean.js';
import { findFurniture } from './body-furniture.js';
import { isMarkedArticleBody } from './hints.js';
import { pageFooters, siteTeasersInside, teaserCards, unlikelySubtrees } from './body-unlikely.js';
import { commentUnits } from './body-comment-units.js';
import { inputWidgets } from './body-input-widgets.js';
import { authorBoxesIn } from './body-author-box.js';
import { teaserBoxesIn } from './body-teaser-box.js';
import { storyWithHeadline } from './body-next-article.js';
import { withoutPromos } from './body-promo.js';
import { faqAfterBody } from './body-faq.js';
import { withGapsBetween, withSameClassParts, withSiblings } from './body-siblings.js';
import { weightedLength } from './text.js';
import { withoutCreditedCaptions } from './body-credits.js';
import { repeatsBody, standfirstBefore } from './body-standfirst.js';
import { isDiscussionPage, withoutPosterLines, withSubject, withThreadReplies } from './body-discussion.js';

export interface BodyResult {
  blocks: Block[];
  /** Containers the body was taken from (used to locate bylines around it). */
  roots: Element[];
  stats: StatsMap;
  warnings: string[];
}

const MIN_BODY_LEN = 80;
/** A post shorter than MIN_BODY_LEN but with this much text (weighted) is still an article of its own. */
const SHORT_POST_LEN = 30;

export function extractBody(order: Element[], stats: StatsMap, opts: { urls?: UrlResolver; title?: string; description?: string }): BodyResult {
  const warnings: string[] = [];
  // Teaser grids don't vote either: their excerpts ("post"/"excerpt"-named) are other articles' text.
  const cards = teaserCards(order, stats);
  // Nor do comments known by their structure (poster link and time on each of a run of same-class units).
  const comments = commentUnits(order, stats);
  // Nor do comment and login forms known by their controls (a textarea or password field in a small box).
  const widgets = inputWidgets(order, stats);
  // Nor does the page's own footer (its disclaimer is one long paragraph).
  const footers = pageFooters(order, stats);
  const notVoting = comments.size > 0 || widgets.size > 0 || footers.length > 0 ? new Set([...cards, ...comments, ...widgets, ...footers]) : cards;
  const unlikely = unlikelySubtrees(order, notVoting);
  let scores = scoreCandidates(order, stats, unlikely);
  let top = pickTopCandidate(scores, stats);
  const own = top;
  // A short post of its own (a few lines of a blog or a note) followed by its comment thread or related cards: the
  // post is the article, however much more text the thread holds.
  let shortPost = false;
  if (!top || (stats.get(top)?.len ?? 0) < MIN_BODY_LEN) {
    shortPost = own !== undefined && isShortPostBesideThread(own, order, stats, unlikely, footers);
    // Everything readable sits in comment- or related-named boxes (the page's only text is there): score it all.
    const ownScores = scores;
    scores = scoreCandidates(order, stats);
    top = pickTopCandidate(scores, stats);
    if (shortPost && top !== own && (!top || unlikely.has(top) || isAncestor(top, own!))) {
      top = own;
      scores = ownScores;
    }
  }
  // The next story appended under this one (infinite scroll): keep to the story carrying the page's headline.
  const story = top ? storyWithHeadline(top, stats, opts.title) : undefined;
  if (story) top = story;
  // A thread's replies are set in boxes like the first post's: each joins, however short.
  const discussion = isDiscussionPage(opts.urls?.page, order, top, stats);
  let roots = top ? withGapsBetween(withSameClassParts(top, story ? [top] : withSiblings(top, scores, stats, opts.title), order, stats, opts.title, { thread: discussion }), order, stats, unlikely) : [];
  // Nothing of the other stories joins it (their chunks share the story's classes).
  if (story) roots = roots.filter((r) => r === story || isAncestor(story, r));
  // A thread's replies known by their structure (poster and time on each) join it, after the first post.
  if (discussion && roots.length > 0) roots = withThreadReplies(roots, comments, order);
  // The article's closing FAQ, boxed apart from its column (body-faq).
  const faq = roots.length > 0 ? faqAfterBody(roots, stats, unlikely) : undefined;
  if (faq) roots = [...roots, faq];
  // A thread's subject over its first post heads the text (not a root: the byline beside it is still the header's).
  let blocks = roots.length > 0 ? blocksOf(discussion ? withSubject(roots, order, opts.title) : roots, stats, opts, cards, comments, { thread: discussion }) : [];
  // The lead paragraph in the article's header, ahead of the body's column (body-standfirst); once only.
  const lead = roots.length > 0 && blocks.length > 0 ? standfirstBefore(roots, order, stats, opts.description) : undefined;
  const leadBlocks = lead ? blocksOf([lead], stats, opts, undefined, new Set(), { thread: false }) : [];
  if (leadBlocks.length > 0 && !leadBlocks.some((b) => repeatsBody(b.text, blocks.map((x) => x.text)))) blocks = [...leadBlocks, ...blocks];

  // A brief whose container passed the length bar only with its headline and info line is a short post too.
  if (textLength(blocks) < MIN_BODY_LEN && !shortPost && own !== undefined && top === own && blocks.length > 0) {
    shortPost = isShortPostBesideThread(own, order, stats, unlikely, footers);
  }
  if (textLength(blocks) < MIN_BODY_LEN && !(shortPost && top === own && blocks.length > 0)) {
    // Scoring found too little: try an explicitly marked body, then the whole page.
    const marked = order.find((el) => isMarkedArticleBody(el) && (stats.get(el)?.len ?? 0) >= MIN_BODY_LEN);
    const bodyEl = order.find((el) => el.name === 'body') ?? order[0];
    for (const fallback of [marked, bodyEl]) {
      // A page that is nearly all links (a hub or link farm) has no article to fall back to.
      if (!fallback || linkDensity(stats.get(fallback) ?? { len: 0, linkLen: 0 }) > 0.7) continue;
      const alt = blocksOf([fallback], stats, opts, undefined, comments, { thread: discussion });
      if (textLength(alt) > textLength(blocks)) {
        blocks = alt;
        roots = [fallback];
        warnings.push(fallback === marked ? 'body: used the marked article body' : 'body: no content block found, used the whole page');
        break;
      }
    }
  }
  if (blocks.length === 0) warnings.push('body: no text found');
  return { blocks, roots, stats, warnings };
}

/**
 * Is `post` a short article of its own beside a comment thread (or related cards)? It holds some text, and most of
 * the rest of the page's text sits in the comment- and related-named subtrees that did not vote. The page's footer
 * did not vote either and adds to a thread's weight, but it is no thread of its own: beside a footer alone (a
 * one-page site's tagline over its footer's "about us"), a short line is no post, and the page falls back to its text.
 */
function isShortPostBesideThread(post: Element, order: Element[], stats: StatsMap, unlikely: Set<Element>, footers: Element[]): boolean {
  const postLen = stats.get(post)?.len ?? 0;
  if (postLen < SHORT_POST_LEN) return false;
  const page = order.find((el) => el.name === 'body');
  const rest = (stats.get(page ?? post)?.len ?? 0) - postLen;
  let [thread, footer] = [0, 0];
  for (const el of unlikely) {
    const parent = el.parent as Element | null;
    if (parent && unlikely.has(parent)) continue;
    if (el === post || isAncestor(el, post) || isAncestor(post, el)) continue;
    const len = stats.get(el)?.len ?? 0;
    if (footers.includes(el)) footer += len;
    else thread += len;
  }
  return thread > 0 && thread + footer >= rest * 0.5;
}

function blocksOf(roots: Element[], stats: StatsMap, opts: { urls?: UrlResolver; title?: string }, cards: Set<Element> | undefined, comments: Set<Element>, page: { thread: boolean }): Block[] {
  const thread = page.thread;
  const skip = findFurniture(roots, stats);
  if (cards) for (const c of siteTeasersInside(roots, cards, stats, opts.urls)) skip.add(c);
  // On a thread (body-discussion.ts) the replies are the page's text.
  if (!thread) for (const el of threadUnder(roots, comments, stats)) skip.add(el);
  // The writer's box closing the article (name, profile link, bio), whatever its class calls it.
  for (const root of roots) for (const el of authorBoxesIn(root, stats)) skip.add(el);
  // Another story's teaser set in the column (its picture, headline and "more" link to one page, over its excerpt).
  for (const root of roots) for (const el of teaserBoxesIn(root, stats, opts.urls)) skip.add(el);
  const emitted = withoutCreditedCaptions(attachCaptions(emitBlocks(roots, { urls: opts.urls, skip, sizeOf: (el) => stats.get(el)?.len ?? 0 })));
  return withoutPromos(filterBodyBlocks(thread ? withoutPosterLines(emitted, comments) : emitted, opts.title, { thread }));
}

/**
 * The structural comment units inside the chosen containers, when the containers hold text of their own besides
 * them (a post above its thread): the thread is not the article. A container that is nothing but units (a page
 * whose only text is its posts) keeps them.
 */
function threadUnder(roots: Element[], comments: Set<Element>, stats: StatsMap): Element[] {
  if (comments.size === 0) return [];
  const out: Element[] = [];
  for (const root of roots) {
    const inside = [...comments].filter((c) => c !== root && isAncestor(root, c));
    if (inside.length === 0) continue;
    let threadLen = 0;
    for (const c of inside) threadLen += stats.get(c)?.len ?? 0;
    if ((stats.get(root)?.len ?? 0) - threadLen >= SHORT_POST_LEN) out.push(...inside);
  }
  return out;
}

function textLength(blocks: Block[]): number {
  let n = 0;
  for (const b of blocks) n += weightedLength(b.text);
  return n;
}
