/** Shared types of the bundled demo news site (see newsSite.ts for what it serves). */

export type DemoLang = 'zh' | 'en';
export type DemoCharset = 'utf-8' | 'gbk';

/**
 * How an article page is marked up; varied on purpose so extractors meet several real-world patterns.
 * - zh-classic:   `类别:国内 发布时间:2025-10-12 23:41:00 来源:鲁网` line, no structured metadata.
 * - zh-portal:    `2025年10月12日 08:30  来源：江城日报` with `<meta name="publishdate">` and og: tags.
 * - zh-jsonld:    classic info line plus og: tags and JSON-LD NewsArticle.
 * - en-jsonld:    og: tags + JSON-LD NewsArticle, visible "By Jane Doe" and "March 3, 2025 4:05 PM ET".
 * - en-og:        og: tags, `<meta name="author">`, and a `<time datetime>` element.
 * - en-plain:     no metadata at all; only the visible byline and "Published March 3, 2025 4:05 PM ET".
 */
export type ArticleTemplate = 'zh-classic' | 'zh-portal' | 'zh-jsonld' | 'en-jsonld' | 'en-og' | 'en-plain';

/**
 * How a GBK page declares its charset.
 * - meta-only: `<meta charset="gbk">` and a bare `Content-Type: text/html` (no charset parameter).
 * - header:    `Content-Type: text/html; charset=GBK` plus `<meta http-equiv="Content-Type" …charset=gbk>`.
 */
export type GbkDeclaration = 'meta-only' | 'header';

export interface DemoImage {
  /** Site-relative path of the (tiny) JPEG. */
  src: string;
  caption: string;
}

/** Ground truth for one article: exactly what an extractor should recover from its page. */
export interface DemoArticle {
  /** Stable numeric id (used in Chinese paths and to seed per-page clutter). */
  id: number;
  /** Site-relative path, e.g. `/zh/guonei/202510/12/t20251012_1000003.html`. */
  path: string;
  title: string;
  /** ISO 8601: `2025-10-12T23:41:00+08:00` for Chinese articles, `2025-10-12T15:41:00Z` for English. */
  publishedAt: string;
  /** Set by editArticle(); same format as publishedAt. */
  modifiedAt?: string;
  /** Reporter (zh) or byline author (en); absent for staff/wire pieces. */
  author?: string;
  /** Originating outlet shown on the page (`来源:` for zh, wire credit for en). */
  source?: string;
  /** Responsible editor (`责任编辑:赵岳`), Chinese articles only. */
  editor?: string;
  /** Display name of the category, e.g. `国内` or `World`. */
  category: string;
  /** URL slug of the category, e.g. `guonei` or `world`. */
  categorySlug: string;
  lang: DemoLang;
  charset: DemoCharset;
  /** Only for GBK pages. */
  gbkDeclaration?: GbkDeclaration;
  template: ArticleTemplate;
  /** Body paragraphs in order (the Chinese dateline lead is part of the first paragraph). */
  body: string[];
  images: DemoImage[];
  tags: string[];
}

/** One HTTP request received by the demo site, in arrival order. */
export interface RecordedRequest {
  method: string;
  /** Path plus query string exactly as requested, e.g. `/search?q=x`. */
  path: string;
  userAgent: string;
  /** Date.now() on arrival. */
  at: number;
}

export interface NewsSiteOptions {
  /** Port on 127.0.0.1; 0 (default) picks a free one. */
  port?: number;
  /** Serve the fault paths (redirects, loops, flaky/slow/huge pages, traps). Default false. */
  faults?: boolean;
  /** Number of articles, split half Chinese / half English. Default 40. */
  articles?: number;
  /** Seed for all generated content. Default 1. */
  seed?: number;
  /** Delay of the slow page in ms. Default 2000. */
  slowMs?: number;
}

/** Where each fault lives (only when started with `faults: true`). */
export interface FaultPaths {
  /** 301 → 302 → article. */
  redirectChain: string;
  /** Final article the chain ends at. */
  redirectTarget: string;
  /** 302 to /loop/b, which 302s back to /loop/a. */
  redirectLoop: string;
  /** Article answering 500 on its first request, 200 afterwards. */
  flaky500: string;
  /** Article answering 429 + `Retry-After: 1` on its first request, 200 afterwards. */
  rateLimited: string;
  /** Page that answers after `slowMs`. */
  slow: string;
  /** Linked page that does not exist (404). */
  notFound: string;
  /** ~5 MB HTML page. */
  huge: string;
  /** First page of the endless calendar. */
  calendarTrap: string;
}

/** Fields editArticle() may change. */
export type ArticleEdit = Partial<Pick<DemoArticle, 'title' | 'body' | 'author' | 'tags'>>;

export interface NewsSiteMutations {
  /** Generates a new article (newer than all others) in the given language and returns its ground truth. */
  addArticle(lang?: DemoLang): DemoArticle;
  /** Changes an article in place, sets modifiedAt, and returns the new ground truth. */
  editArticle(path: string, edit: ArticleEdit): DemoArticle;
  /** Removes an article: its page then answers 404 and it leaves indexes, sitemap and RSS. */
  deleteArticle(path: string): void;
}

export interface NewsSite {
  /** `http://127.0.0.1:PORT` (no trailing slash). */
  url: string;
  close(): Promise<void>;
  /** Every request received, in order. */
  requests: RecordedRequest[];
  /** Live ground truth (reflects mutate calls). */
  articles: DemoArticle[];
  /** Path prefixes disallowed for `User-agent: *` in robots.txt; pages link to paths under them. */
  disallowedPaths: string[];
  /** Present only with `faults: true`. */
  faultPaths?: FaultPaths;
  resetRequests(): void;
  /** Re-arms the one-shot faults (500 / 429 on first request). */
  resetFaults(): void;
  mutate: NewsSiteMutations;
}
