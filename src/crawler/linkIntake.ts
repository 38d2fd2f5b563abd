import type { SourceConfig } from '../config/index.js';
import type { FetchResult, RobotsCache } from '../fetch/index.js';
import { normalizeUrl, trustedCanonical, type Frontier, type FrontierEntry } from '../frontier/index.js';
import { contentHashOf, sha256Hex } from '../snapshot/hash.js';
import type { Logger } from '../util/logger.js';
import { INDEX_PRIORITY, parseDiscovery, priorityFromDate } from './discovery.js';
import { siteChangedSince } from './revisitPolicy.js';
import type { SourceScope } from './scope.js';
import { bump, type RunSummary } from './summary.js';
import { TrapGuard, type LinkOrigin } from './trapGuard.js';

/** Longest discovery lineage read for the template rules (maxDepth is at most 100; also a guard against cycles). */
const MAX_LINEAGE = 128;

/** Marks a source whose crawl never expands through robots.txt `Sitemap:` lines (a one-off `crawl URL…`). */
const NO_ROBOTS_SITEMAPS = Symbol('snapcrawl.noRobotsSitemaps');
type Marked = SourceConfig & { [NO_ROBOTS_SITEMAPS]?: true };

/**
 * A one-off crawl's source: it fetches its URLs (and, with a depth, their links), never the sitemaps a
 * robots.txt names. The mark is a symbol property, so it survives `{ ...source }` copies and is never
 * part of the config.
 */
export function withoutRobotsSitemaps<T extends SourceConfig>(source: T): T {
  return Object.assign(source, { [NO_ROBOTS_SITEMAPS]: true as const });
}

/**
 * Whether a source's crawl reads robots.txt `Sitemap:` lines as further entry points: not with maxDepth 0
 * (its seeds, feeds and sitemaps only), not for a one-off `crawl URL…`.
 */
export function followsRobotsSitemaps(source: SourceConfig): boolean {
  return source.maxDepth > 0 && !(source as Marked)[NO_ROBOTS_SITEMAPS];
}

export interface LinkIntakeDeps {
  frontier: Frontier;
  robots: RobotsCache;
  scopes: Map<string, SourceScope>;
  summary: RunSummary;
  logger: Logger;
}

/**
 * Where new URLs enter the frontier during a run: links found on pages, items of feeds and sitemaps,
 * and robots.txt `Sitemap:` lines. Each passes the source's scope and trap limits; what does not is counted.
 */
export class LinkIntake {
  private readonly sitemapsSeeded = new Set<string>();
  private readonly trapGuards = new Map<string, TrapGuard>();

  constructor(private readonly d: LinkIntakeDeps) {}

  /** Links of a page at `entry.depth`, queued one level deeper. */
  addPageLinks(entry: FrontierEntry, urls: string[], source: SourceConfig): void {
    const guard = this.guardFor(source);
    const scope = this.d.scopes.get(source.name);
    // The page and the pages it was found through: the template rules count the ones sharing a link's template.
    // Read from the frontier (first discovery of each), so a resumed or later run continues the same chains.
    const origin = guard.foundOn(this.lineage(entry), (url) => scope?.isArticleUrl(url) === true);
    const links = this.admit(urls, source, origin);
    this.d.frontier.addMany(links.map((url) => ({ url, source: source.name, depth: entry.depth + 1, discoveredFrom: entry.url })));
  }

  /**
   * Feeds and sitemaps: items go in first (dated ones by date), child sitemaps are followed. Items are one
   * hop from the feed: with maxDepth 0 neither they nor child sitemaps are queued (counted as `maxDepth`).
   * The site's change signal of each item (lastmod, updated) is recorded; a newer one than the site gave
   * before makes a known article due now (Frontier.noteSiteModified).
   */
  addFromFeed(entry: FrontierEntry, result: FetchResult, source: SourceConfig): void {
    const scope = this.d.scopes.get(source.name);
    let found;
    try {
      found = parseDiscovery(result.body, result.finalUrl, result.headers['content-type']);
    } catch (err) {
      this.d.logger.warn({ url: entry.url, err: (err as Error).message }, 'feed or sitemap could not be parsed');
      return;
    }
    if (source.maxDepth === 0) {
      const beyond = found.links.length + found.sitemaps.length;
      if (beyond > 0) bump(this.d.summary.limitsHit, 'maxDepth');
      return;
    }
    for (const child of found.sitemaps) {
      if (scope?.allows(child)) this.d.frontier.seed({ url: child, source: source.name, depth: 0, kind: 'sitemap', priority: INDEX_PRIORITY });
    }
    // Parameters learned to be ignorable for the host are dropped first: a decorated item is its plain URL.
    const links = found.links.map((l) => ({ ...l, url: this.d.frontier.params.strip(l.url) }));
    const allowed = new Set(this.admit(links.map((l) => l.url), source));
    const items = links.filter((l) => allowed.has(l.url));
    this.d.frontier.addMany(
      items.map((l) => ({ url: l.url, source: source.name, depth: 1, priority: priorityFromDate(l.date), discoveredFrom: entry.url })),
    );
    const signals = items.filter((l): l is typeof l & { modified: string } => Boolean(l.modified)).map((l) => ({ url: l.url, modified: l.modified }));
    if (signals.length === 0) return;
    const changed = this.d.frontier.noteSiteModified(signals, source.name, siteChangedSince);
    if (changed.length > 0) {
      bump(this.d.summary.limitsHit, 'requeuedBySiteChange', changed.length);
      this.d.logger.info({ url: entry.url, requeued: changed.length, urls: changed.slice(0, 20) }, 'site says known pages changed: due now');
    }
  }

  /**
   * robots.txt `Sitemap:` lines feed discovery once per origin per run, for sources that follow links
   * (followsRobotsSitemaps): maxDepth 0 and a one-off `crawl URL…` fetch exactly their entry points.
   */
  addRobotsSitemaps(entry: FrontierEntry, source: SourceConfig): void {
    if (!followsRobotsSitemaps(source)) return;
    const origin = new URL(entry.url).origin;
    if (this.sitemapsSeeded.has(origin)) return;
    this.sitemapsSeeded.add(origin);
    const scope = this.d.scopes.get(source.name);
    for (const url of this.d.robots.sitemaps(origin)) {
      if (scope?.allows(url)) this.d.frontier.seed({ url, source: source.name, depth: 0, kind: 'sitemap', priority: INDEX_PRIORITY });
    }
  }

  /**
   * What a fetched HTML page says about the query parameters of its URL (its canonical URL and content hash,
   * compared with pages of URLs one parameter apart: paramLearning.ts). A parameter learned now is logged
   * once and counted as `learnedParam:<host>:<name>` in limitsHit; queued URLs carrying it became aliases of
   * their plain URL (`aliasedByLearnedParam`). Learning is an optimisation: a failure here never fails the page.
   */
  /** `contentHash` when the extraction worker already computed it (a page prepared for storing): not hashed again. */
  notePage(entry: FrontierEntry, result: FetchResult, article: { canonicalUrl?: string | null; body: string }, contentHash?: string): void {
    const { summary, logger: log } = this.d;
    const url = normalizeUrl(result.finalUrl);
    if (url === null) return;
    try {
      const observed = this.d.frontier.params.observe({
        url,
        canonical: trustedCanonical(article.canonicalUrl, result.finalUrl),
        contentHash: contentHash ?? contentHashOf(article.body, sha256Hex(result.body)),
      });
      for (const p of observed.learned) {
        bump(summary.limitsHit, `learnedParam:${p.host}:${p.param}`);
        log.info({ host: p.host, param: p.param, confirmations: p.confirmations, url: entry.url }, 'learned: query parameter does not change the page; links drop it');
      }
      for (const p of observed.unlearned) {
        bump(summary.limitsHit, `unlearnedParam:${p.host}:${p.param}`);
        log.warn({ host: p.host, param: p.param, url: entry.url }, 'query parameter learned as ignorable changes the page after all; kept from now on');
      }
      if (observed.aliased > 0) bump(summary.limitsHit, 'aliasedByLearnedParam', observed.aliased);
    } catch (err) {
      log.warn({ url: entry.url, err: (err as Error).message }, 'query parameter learning skipped for this page');
    }
  }

  /** Keeps the links that belong to the source and pass the trap limits; counts the rest. Learned parameters are dropped first. */
  private admit(links: string[], source: SourceConfig, origin?: LinkOrigin): string[] {
    const scope = this.d.scopes.get(source.name);
    const guard = this.guardFor(source);
    const out: string[] = [];
    for (const link of links) {
      const url = this.d.frontier.params.strip(link);
      if (scope && !scope.allows(url)) {
        this.d.summary.skipped.outOfScope++;
        continue;
      }
      const broken = guard.check(url, origin);
      if (broken) {
        bump(this.d.summary.limitsHit, broken);
        continue;
      }
      out.push(url);
    }
    return out;
  }

  private guardFor(source: SourceConfig): TrapGuard {
    let guard = this.trapGuards.get(source.name);
    if (!guard) {
      guard = new TrapGuard(source.limits, {
        // A URL the frontier already has is not new: re-finding it deep in a chain spends nothing and is not refused.
        isKnown: (url) => this.d.frontier.has(url),
        onTemplateCapped: (template, limit, url) =>
          this.d.logger.warn({ source: source.name, template, limit, url }, 'spider trap: URL template capped'),
      });
      this.trapGuards.set(source.name, guard);
    }
    return guard;
  }

  /** `entry.url`, the page it was found on, that page's finder, … up to a seed, feed or sitemap (nearest first). */
  private lineage(entry: FrontierEntry): string[] {
    const out = [entry.url];
    const seen = new Set(out);
    let from = entry.discoveredFrom;
    while (from && !seen.has(from) && out.length < MAX_LINEAGE) {
      out.push(from);
      seen.add(from);
      from = this.d.frontier.discoveredFrom(from);
    }
    return out;
  }
}
