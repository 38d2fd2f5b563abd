import type { SourceConfig } from '../config/index.js';
import { compileSafePattern, type SafePattern } from '../config/safePattern.js';

/**
 * Longest URL the config patterns are matched against. RE2 is linear, but the URL still comes from the page, so
 * it is bounded before matching; the trap guard separately drops URLs over the source's `limits.maxUrlLength`.
 */
export const MAX_SCOPE_URL_LENGTH = 4096;

/**
 * URLs whose verdicts a scope keeps. A pattern test crosses into RE2's WebAssembly (6-15 µs, against 0.1 µs for a
 * Map lookup), and the same URLs are judged again and again: a site's navigation links on every page, a page's
 * discovery lineage for every page below it. Emptied when full: a crawl's working set of URLs is far smaller.
 */
const MAX_REMEMBERED = 10_000;
/** Longer URLs are judged each time: kept, hostile ones could fill memory (10 000 × 512 characters is 5-10 MB). */
const MAX_REMEMBERED_URL = 512;

/** Decides which links belong to a source and which fetched pages are articles to snapshot. */
export class SourceScope {
  private readonly hosts: Set<string>;
  private readonly include: SafePattern[];
  private readonly exclude: SafePattern[];
  private readonly article: SafePattern | null;
  /** allows() and isArticleUrl() per URL: both depend on the URL alone (the patterns and hosts never change). */
  private readonly allowed = new Map<string, boolean>();
  private readonly articles = new Map<string, boolean>();

  constructor(readonly source: SourceConfig) {
    this.hosts = new Set(
      [...source.seeds, ...source.feeds, ...source.sitemaps].map((u) => new URL(u).hostname.toLowerCase()),
    );
    // Linear-time matching: these run on attacker-controlled URLs, so a pattern like `(a+)+$` must not backtrack.
    this.include = source.include.map((p) => compileSafePattern(p));
    this.exclude = source.exclude.map((p) => compileSafePattern(p));
    this.article = source.articlePattern ? compileSafePattern(source.articlePattern) : null;
  }

  /** Same host as one of the source's entry points (or matching `include`), and not `exclude`d. Overlong URLs never are. */
  allows(url: string): boolean {
    if (url.length > MAX_REMEMBERED_URL) return this.judge(url);
    let verdict = this.allowed.get(url);
    if (verdict === undefined) remember(this.allowed, url, (verdict = this.judge(url)));
    return verdict;
  }

  private judge(url: string): boolean {
    if (url.length > MAX_SCOPE_URL_LENGTH) return false;
    if (this.exclude.some((r) => r.test(url))) return false;
    if (this.include.length > 0) return this.include.some((r) => r.test(url));
    try {
      return this.hosts.has(new URL(url).hostname.toLowerCase());
    } catch {
      return false;
    }
  }

  /** Whether `url` matches `articlePattern` (never when overlong); null when the source has none (the crawler then judges by content). */
  isArticleUrl(url: string): boolean | null {
    if (!this.article) return null;
    if (url.length > MAX_REMEMBERED_URL) return url.length <= MAX_SCOPE_URL_LENGTH && this.article.test(url);
    let verdict = this.articles.get(url);
    if (verdict === undefined) remember(this.articles, url, (verdict = this.article.test(url)));
    return verdict;
  }
}

function remember(verdicts: Map<string, boolean>, url: string, verdict: boolean): void {
  if (verdicts.size >= MAX_REMEMBERED) verdicts.clear();
  verdicts.set(url, verdict);
}
