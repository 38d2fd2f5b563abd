/** What page renderers need to know about the running site besides the article itself. */
import type { DemoArticle, FaultPaths } from './types.js';

export interface PageContext {
  /** `http://127.0.0.1:PORT` */
  origin: string;
  /** Whether fault links (tracking parameters, traps, broken links) are woven into pages. */
  faults: boolean;
  /** Present when faults are on: pages link to these. */
  faultPaths?: FaultPaths;
  /** Live article list, any order. */
  articles: readonly DemoArticle[];
  /**
   * The href to use for the n-th link to an article on a page: the clean path, or (with faults on)
   * sometimes the same path with tracking parameters (utm_*, spm, fbclid).
   */
  articleHref(path: string, n: number): string;
  /** A fresh session id for trap links (`;jsessionid=…`, `?sid=…`): different on every render. */
  sessionId(): string;
}

const TRACKING_SUFFIXES = [
  '?utm_source=homepage&utm_medium=web&utm_campaign=top_stories',
  '?spm=a2c4g.11186623.0.0.5f6b1e2d',
  '?fbclid=IwAR0demoTrackingClickId0123456789abcdef',
  '?utm_source=related&utm_medium=article&spm=c1.related.3',
];

/** Every third link carries tracking parameters when faults are on. */
export function trackingHref(path: string, n: number, faults: boolean): string {
  if (!faults || n % 3 !== 1) return path;
  return path + TRACKING_SUFFIXES[Math.floor(n / 3) % TRACKING_SUFFIXES.length];
}

/**
 * The article list sorted newest first, memoised per list: a bench site of 20 000 articles would
 * otherwise re-sort (with a Date.parse per comparison) on every page it serves, and serve ~20 pages/s.
 * The memo is checked element by element against the live list (adds and deletes change it; edits do
 * not touch the fields sorted on: ArticleEdit), which costs microseconds.
 */
const sortedMemo = new WeakMap<readonly DemoArticle[], { tieById: boolean; of: DemoArticle[]; sorted: DemoArticle[] }[]>();

function newestFirst(articles: readonly DemoArticle[], tieById: boolean): DemoArticle[] {
  const memos = sortedMemo.get(articles) ?? [];
  sortedMemo.set(articles, memos);
  const memo = memos.find((m) => m.tieById === tieById);
  if (memo && memo.of.length === articles.length && memo.of.every((a, i) => a === articles[i])) return memo.sorted;
  const ms = new Map(articles.map((a) => [a, Date.parse(a.publishedAt)]));
  // Array.prototype.sort is stable: without tieById, equal times keep the list's order, as before.
  const sorted = [...articles].sort((a, b) => ms.get(b)! - ms.get(a)! || (tieById ? b.id - a.id : 0));
  const fresh = { tieById, of: [...articles], sorted };
  if (memo) Object.assign(memo, fresh);
  else memos.push(fresh);
  return sorted;
}

/** Articles in the same language and category as `article`, newest first, excluding itself. */
export function relatedArticles(ctx: PageContext, article: DemoArticle, count: number): DemoArticle[] {
  const out: DemoArticle[] = [];
  for (const a of newestFirst(ctx.articles, false)) {
    if (out.length >= count) break;
    if (a.lang === article.lang && a.categorySlug === article.categorySlug && a.path !== article.path) out.push(a);
  }
  return out;
}

/** Newest articles in a language (the "hot list" sidebar / home page). */
export function latestArticles(ctx: PageContext, lang: DemoArticle['lang'] | 'any', count: number): DemoArticle[] {
  const out: DemoArticle[] = [];
  for (const a of newestFirst(ctx.articles, true)) {
    if (out.length >= count) break;
    if (lang === 'any' || a.lang === lang) out.push(a);
  }
  return out;
}
