import type { SourceConfig } from '../config/index.js';

/** Decides which links belong to a source and which fetched pages are articles to snapshot. */
export class SourceScope {
  private readonly hosts: Set<string>;
  private readonly include: RegExp[];
  private readonly exclude: RegExp[];
  private readonly article: RegExp | null;

  constructor(readonly source: SourceConfig) {
    this.hosts = new Set(
      [...source.seeds, ...source.feeds, ...source.sitemaps].map((u) => new URL(u).hostname.toLowerCase()),
    );
    this.include = source.include.map((p) => new RegExp(p));
    this.exclude = source.exclude.map((p) => new RegExp(p));
    this.article = source.articlePattern ? new RegExp(source.articlePattern) : null;
  }

  /** Same host as one of the source's entry points (or matching `include`), and not `exclude`d. */
  allows(url: string): boolean {
    if (this.exclude.some((r) => r.test(url))) return false;
    if (this.include.length > 0) return this.include.some((r) => r.test(url));
    try {
      return this.hosts.has(new URL(url).hostname.toLowerCase());
    } catch {
      return false;
    }
  }

  /** Whether `url` matches `articlePattern`; null when the source has none (the crawler then judges by content). */
  isArticleUrl(url: string): boolean | null {
    return this.article ? this.article.test(url) : null;
  }
}
