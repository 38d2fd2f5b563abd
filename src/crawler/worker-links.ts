import type { SourceConfig } from '../config/index.js';
import type { FetchResult } from '../fetch/index.js';
import { hostKey, normalizeUrl, requestUrl } from '../frontier/normalize.js';
import type { ClaimedItem, QueueItem, QueuedKind } from '../storage/interfaces.js';
import type { Logger } from '../util/logger.js';
import { INDEX_PRIORITY, parseDiscovery, priorityFromDate } from './discovery.js';
import { followsRobotsSitemaps } from './linkIntake.js';
import type { SourceScope } from './scope.js';
import { TrapGuard } from './trapGuard.js';

/** What a worker counts about links it did not queue (per limit name), for its summary. */
export type LinkTally = (key: string, by?: number) => void;

/** One link as a queue item: the normalized key, the URL as linked (what is fetched), its host for pacing. */
export function queueItem(link: string, source: string, depth: number, kind: QueuedKind, priority: number, from: string | null): QueueItem | null {
  const url = normalizeUrl(link);
  const request = requestUrl(link);
  if (url === null || request === null) return null;
  return { url, requestUrl: request, host: hostKey(url), source, depth, kind, priority, discoveredFrom: from };
}

/**
 * Turns what a worker found on a page, a feed or a sitemap into queue items: the source's scope and trap limits
 * applied as the embedded crawler's LinkIntake applies them. The items are returned, not queued: the worker adds
 * them to the shared frontier once, with the page's outcome. Trap budgets are this worker's (each worker of a
 * crawl caps a template on its own); the frontier's seen set keeps re-found URLs from being queued twice.
 */
export class WorkerLinks {
  private readonly guards = new Map<string, TrapGuard>();
  private readonly robotsSitemapsSeen = new Set<string>();

  constructor(
    private readonly scopes: ReadonlyMap<string, SourceScope>,
    private readonly tally: LinkTally,
    private readonly log: Logger,
  ) {}

  /** Links of a page at `item.depth`, one level deeper, kept when in scope and past the trap guard. */
  pageLinks(item: ClaimedItem, links: readonly string[], source: SourceConfig): QueueItem[] {
    const scope = this.scopes.get(source.name);
    const guard = this.guardFor(source);
    const lineage = [item.url, ...(item.discoveredFrom ? [item.discoveredFrom] : [])];
    const origin = guard.foundOn(lineage, (u) => scope?.isArticleUrl(u) === true);
    const out: QueueItem[] = [];
    for (const link of links) {
      const q = queueItem(link, source.name, item.depth + 1, 'page', 0, item.url);
      if (!q) continue;
      if (scope && !scope.allows(q.url)) {
        this.tally('outOfScope');
        continue;
      }
      const broken = guard.check(q.url, origin);
      if (broken) {
        this.tally(broken);
        continue;
      }
      out.push(q);
    }
    return out;
  }

  /** Items of a feed or sitemap (dated ones first) and child sitemaps; nothing beyond the entry points with maxDepth 0. */
  feedLinks(item: ClaimedItem, result: FetchResult, source: SourceConfig): QueueItem[] {
    let found;
    try {
      found = parseDiscovery(result.body, result.finalUrl, result.headers['content-type']);
    } catch (err) {
      this.log.warn({ url: item.url, err: (err as Error).message }, 'feed or sitemap could not be parsed');
      return [];
    }
    if (source.maxDepth === 0) {
      if (found.links.length + found.sitemaps.length > 0) this.tally('maxDepth');
      return [];
    }
    const scope = this.scopes.get(source.name);
    const guard = this.guardFor(source);
    const out: QueueItem[] = [];
    for (const child of found.sitemaps) {
      const q = queueItem(child, source.name, 0, 'sitemap', INDEX_PRIORITY, item.url);
      if (q && (!scope || scope.allows(q.url))) out.push(q);
    }
    for (const link of found.links) {
      const q = queueItem(link.url, source.name, 1, 'page', priorityFromDate(link.date), item.url);
      if (!q) continue;
      if (scope && !scope.allows(q.url)) {
        this.tally('outOfScope');
        continue;
      }
      const broken = guard.check(q.url);
      if (broken) {
        this.tally(broken);
        continue;
      }
      out.push(q);
    }
    return out;
  }

  /** robots.txt `Sitemap:` lines as entry points, once per origin per worker, for sources that follow links. */
  robotsSitemaps(item: ClaimedItem, source: SourceConfig, sitemaps: (origin: string) => string[]): QueueItem[] {
    if (!followsRobotsSitemaps(source)) return [];
    const origin = new URL(item.url).origin;
    if (this.robotsSitemapsSeen.has(origin)) return [];
    this.robotsSitemapsSeen.add(origin);
    const scope = this.scopes.get(source.name);
    const out: QueueItem[] = [];
    for (const url of sitemaps(origin)) {
      const q = queueItem(url, source.name, 0, 'sitemap', INDEX_PRIORITY, null);
      if (q && (!scope || scope.allows(q.url))) out.push(q);
    }
    return out;
  }

  private guardFor(source: SourceConfig): TrapGuard {
    let guard = this.guards.get(source.name);
    if (!guard) {
      guard = new TrapGuard(source.limits, {
        onTemplateCapped: (template, limit, url) => this.log.warn({ source: source.name, template, limit, url }, 'spider trap: URL template capped'),
      });
      this.guards.set(source.name, guard);
    }
    return guard;
  }
}
