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

/** Articles in the same language and category as `article`, newest first, excluding itself. */
export function relatedArticles(ctx: PageContext, article: DemoArticle, count: number): DemoArticle[] {
  return [...ctx.articles]
    .filter((a) => a.lang === article.lang && a.categorySlug === article.categorySlug && a.path !== article.path)
    .sort((a, b) => Date.parse(b.publishedAt) - Date.parse(a.publishedAt))
    .slice(0, count);
}

/** Newest articles in a language (the "hot list" sidebar / home page). */
export function latestArticles(ctx: PageContext, lang: DemoArticle['lang'] | 'any', count: number): DemoArticle[] {
  return [...ctx.articles]
    .filter((a) => lang === 'any' || a.lang === lang)
    .sort((a, b) => Date.parse(b.publishedAt) - Date.parse(a.publishedAt) || b.id - a.id)
    .slice(0, count);
}
