/**
 * Infinite-scroll pages append the next story under the first one: two <article> elements, each with its own
 * headline and body, side by side in the column the scorer picks (their common parent gathers both stories'
 * paragraphs). The page's article is the one carrying the page's headline; the rest are other stories.
 * A live blog's entries are <article>s too, but the headline sits above them, in none of them: left alone.
 */
import { elementsIn, isAncestor, textContent, type Element } from './dom.js';
import type { StatsMap } from './body-score.js';
import { comparable } from './text.js';

/** Each story holds at least this share of the container's text… */
const MIN_STORY_SHARE = 0.2;
/** …and together they hold most of it. */
const MIN_STORIES_SHARE = 0.7;
/** More stories than this in one column is a listing or a live blog, not an appended next story. */
const MAX_STORIES = 4;
const HEADLINE = new Set(['h1', 'h2']);
/** Elements looked at under the container: a bound on hostile pages. */
const MAX_SCAN = 20_000;

/** The story of `top` that carries the headline `title`, when `top` holds it and other stories beside it. */
export function storyWithHeadline(top: Element, stats: StatsMap, title: string | undefined): Element | undefined {
  const key = top.name === 'article' ? undefined : titleKey(title);
  if (!key) return undefined;
  const topLen = stats.get(top)?.len ?? 0;
  const stories: Element[] = [];
  let scanned = 0;
  for (const el of elementsIn(top)) {
    if (++scanned > MAX_SCAN) return undefined;
    if (el.name !== 'article' || stories.some((s) => s === el || isAncestor(s, el))) continue;
    if ((stats.get(el)?.len ?? 0) < topLen * MIN_STORY_SHARE) continue;
    stories.push(el);
    if (stories.length > MAX_STORIES) return undefined;
  }
  if (stories.length < 2) return undefined;
  let inStories = 0;
  for (const s of stories) inStories += stats.get(s)?.len ?? 0;
  if (inStories < topLen * MIN_STORIES_SHARE) return undefined;
  const titled = stories.filter((s) => headlineOf(s, key));
  // Only one story may carry the headline (a repeated template headline says nothing).
  return titled.length === 1 ? titled[0] : undefined;
}

/** Does the story hold a headline (h1/h2) that is the page's title? */
function headlineOf(story: Element, key: string): boolean {
  let n = 0;
  for (const d of elementsIn(story)) {
    if (++n > 400) return false;
    if (!HEADLINE.has(d.name)) continue;
    if (namesTitle(d, key) === true) return true;
  }
  return false;
}

/**
 * Is `el` (a sibling of the chosen story) another story: an <article>, or a wrapper of one, whose headline (h1) is
 * not the page's title? The sibling pass would otherwise add the next story appended under this one.
 */
export function isOtherStory(el: Element, title: string | undefined): boolean {
  const key = titleKey(title);
  if (!key) return false;
  let n = 0;
  for (const d of elementsIn(el)) {
    if (++n > MAX_SCAN) return false;
    if (d.name !== 'h1' || !inArticle(d, el)) continue;
    if (namesTitle(d, key) === false) return true;
  }
  return false;
}

/** Shorter than this, a title or heading is too short to tell one story's headline from another's. */
const MIN_KEY = 8;

/** The page's title as headings are compared with it; undefined when there is none or it is too short. */
function titleKey(title: string | undefined): string | undefined {
  const key = title ? comparable(title) : '';
  return key.length >= MIN_KEY ? key : undefined;
}

/**
 * Whether a heading is the page's title (the title may carry the site's name, the heading a leading dash or a
 * kicker: either holding the other counts); undefined when the heading is too short to tell.
 */
function namesTitle(heading: Element, key: string): boolean | undefined {
  const h = comparable(textContent(heading));
  return h.length < MIN_KEY ? undefined : h.includes(key) || key.includes(h);
}

/** Is `d` inside an <article> at or below `within`? */
function inArticle(d: Element, within: Element): boolean {
  for (let cur: Element | null = d; cur; cur = cur.parent as Element | null) {
    if (cur.name === 'article') return true;
    if (cur === within) return false;
  }
  return false;
}
