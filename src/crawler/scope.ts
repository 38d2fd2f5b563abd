import type { SourceConfig } from '../config/index.js';
import { compileSafePattern, type SafePattern } from '../config/safePattern.js';

/**
 * Longest URL the config patterns are matched against. RE2 is linear, but the URL still comes from the page, so
 * it is bounded before matching; the trap guard separately drops URLs over the source's `limits.maxUrlLength`.
 */
export const MAX_SCOPE_URL_LENGTH = 4096;

/** Decides which links belong to a source and which fetched pages are articles to snapshot. */
export class SourceScope {
  private readonly hosts: Set<string>;
  private readonly include: SafePattern[];
  private readonly exclude: SafePattern[];
  private readonly article: SafePattern | null;

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
    return url.length <= MAX_SCOPE_URL_LENGTH && this.article.test(url);
  }
}
