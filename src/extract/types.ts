import type { FieldOverride } from '../config/index.js';
import type { PageClassification } from './articleEvidence.js';

export interface ExtractOptions {
  /** The page's URL (final URL after redirects): resolves relative links, and dates in the path. */
  url: string;
  /** IANA zone used when the page gives a time without an offset. Default: Asia/Shanghai (Taipei, Hong Kong,
   * Tokyo, Seoul) for Chinese (Japanese, Korean) pages and those countries' domains, else UTC, where a clock the page
   * shows as text is on its country's (or one-clock language's) zone (timezone.ts shownClockZone). */
  timezone?: string;
  /** The moment the page was fetched: resolves relative dates ("3 hours ago", "昨天 14:20", "刚刚") and dates
   * without a year. Without it relative dates are left unread, so the result never depends on the clock. */
  now?: Date;
  /** Per-field overrides from the source config: field name → selector/regex. */
  overrides?: Record<string, FieldOverride>;
}

export interface ArticleImage {
  src: string;
  alt?: string;
  caption?: string;
}

/** Everything extracted from one page. Missing fields are undefined, never throw. */
export interface Article {
  title?: string;
  canonicalUrl?: string;
  language?: string;
  description?: string;
  /** ISO 8601 with offset, e.g. 2025-10-12T23:41:00+08:00 (or a date-only YYYY-MM-DD when only a date is known). */
  publishedAt?: string;
  modifiedAt?: string;
  author?: string;
  editor?: string;
  publisher?: string;
  category?: string;
  tags: string[];
  images: ArticleImage[];
  /** Plain text, paragraphs separated by a blank line. */
  body: string;
  /** The body as Markdown (headings, lists, quotes, images). */
  markdown: string;
  /** Absolute http(s) links found on the page (deduplicated, fragments dropped), for discovery. */
  outlinks: string[];
  /** Why a field is empty or the page was odd (hostile/huge/broken), for logs. */
  warnings: string[];
  /** Whether the page is an article, by its own evidence, with the score and reasons (always set by extractArticle). */
  classification?: PageClassification;
}
