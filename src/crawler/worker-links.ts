import type { SourceConfig } from '../config/index.js';
import type { FetchResult } from '../fetch/index.js';
import { hostKey, normalizeUrl, requestUrl } from '../frontier/normalize.js';
import { paramPlan, trustedCanonical, withoutParams } from '../frontier/paramLearning.js';
import { contentHashOf, sha256Hex } from '../snapshot/hash.js';
import type { ClaimedItem, FrontierStore, QueueItem, QueuedKind } from '../storage/interfaces.js';
import type { Logger } from '../util/logger.js';
import { INDEX_PRIORITY, parseDiscovery, priorityFromDate } from './discovery.js';
import { followsRobotsSitemaps } from './linkIntake.js';
import type { SourceScope } from './scope.js';
import { TrapGuard } from './trapGuard.js';
import { SharedTrapState } from './worker-traps.js';

/** Longest discovery lineage read for the template rules (as linkIntake.ts). */
const MAX_LINEAGE = 128;
const NONE: ReadonlySet<string> = new Set();

/** A site's change signal for one of its URLs (sitemap lastmod, feed updated). */
export interface SiteSignal {
  url: string;
  modified: string;
}

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
 * them to the shared frontier once, with the page's outcome. With the crawl's frontier (`shared`), the trap guard
 * works as the embedded one does over the whole crawl: its per-run state is the frontier store's (worker-traps.ts),
 * a page's lineage is read from the frontier, and URLs the frontier knows are re-found, spending nothing. Without
 * it (tests of one page), the guard's state is this worker's.
 */
export class WorkerLinks {
  private readonly guards = new Map<string, TrapGuard>();
  private readonly robotsSitemapsSeen = new Set<string>();
  /** URLs of the batch being checked that the frontier already has (the guard's isKnown). */
  private known: ReadonlySet<string> = NONE;

  constructor(
    private readonly scopes: ReadonlyMap<string, SourceScope>,
    private readonly tally: LinkTally,
    private readonly log: Logger,
    private readonly shared?: { frontier: FrontierStore; runId: string },
  ) {}

  /** Links of a page at `item.depth`, one level deeper, kept when in scope and past the trap guard. */
  async pageLinks(item: ClaimedItem, links: readonly string[], source: SourceConfig): Promise<QueueItem[]> {
    const scope = this.scopes.get(source.name);
    const guard = this.guardFor(source);
    // The page and the pages it was found through, up to a seed: the template rules count the ones sharing a link's template.
    const ancestors = item.discoveredFrom ? [item.discoveredFrom, ...((await this.shared?.frontier.lineage(item.discoveredFrom, MAX_LINEAGE - 2)) ?? [])] : [];
    const origin = guard.foundOn([item.url, ...ancestors], (u) => scope?.isArticleUrl(u) === true);
    const candidates: QueueItem[] = [];
    // Parameters learned to be ignorable for the host are dropped first: a decorated link is its plain URL.
    const strip = await this.learnedStripper(links);
    for (const link of links) {
      const q = queueItem(strip(link), source.name, item.depth + 1, 'page', 0, item.url);
      if (!q) continue;
      if (scope && !scope.allows(q.url)) {
        this.tally('outOfScope');
        continue;
      }
      candidates.push(q);
    }
    return this.guarded(source, candidates, (q) => guard.check(q.url, origin));
  }

  /**
   * Items of a feed or sitemap (dated ones first) and child sitemaps; nothing beyond the entry points with maxDepth 0.
   * `signals`: the site's change signal (lastmod, updated) of each item admitted, for noteSiteSignals.
   */
  async feedLinks(item: ClaimedItem, result: FetchResult, source: SourceConfig): Promise<{ links: QueueItem[]; signals: SiteSignal[] }> {
    let found;
    try {
      found = parseDiscovery(result.body, result.finalUrl, result.headers['content-type']);
    } catch (err) {
      this.log.warn({ url: item.url, err: (err as Error).message }, 'feed or sitemap could not be parsed');
      return { links: [], signals: [] };
    }
    if (source.maxDepth === 0) {
      if (found.links.length + found.sitemaps.length > 0) this.tally('maxDepth');
      return { links: [], signals: [] };
    }
    const scope = this.scopes.get(source.name);
    const guard = this.guardFor(source);
    const out: QueueItem[] = [];
    for (const child of found.sitemaps) {
      const q = queueItem(child, source.name, 0, 'sitemap', INDEX_PRIORITY, item.url);
      if (q && (!scope || scope.allows(q.url))) out.push(q);
    }
    const candidates: QueueItem[] = [];
    const modified = new Map<string, string>();
    const strip = await this.learnedStripper(found.links.map((l) => l.url));
    for (const link of found.links) {
      const q = queueItem(strip(link.url), source.name, 1, 'page', priorityFromDate(link.date), item.url);
      if (!q) continue;
      if (scope && !scope.allows(q.url)) {
        this.tally('outOfScope');
        continue;
      }
      candidates.push(q);
      if (link.modified) modified.set(q.url, link.modified);
    }
    const admitted = await this.guarded(source, candidates, (q) => guard.check(q.url));
    const signals = admitted.flatMap((q) => (modified.has(q.url) ? [{ url: q.url, modified: modified.get(q.url)! }] : []));
    return { links: [...out, ...admitted], signals };
  }

  /**
   * The candidates that pass `check`, the rest tallied by the limit they broke. With the crawl's frontier, the check
   * runs against the part of the shared trap state the batch reads, and what it admitted is added back to it.
   */
  private async guarded(source: SourceConfig, candidates: QueueItem[], check: (q: QueueItem) => string | null): Promise<QueueItem[]> {
    const guard = this.guardFor(source);
    let state: SharedTrapState | null = null;
    if (this.shared && candidates.length > 0) {
      const { frontier, runId } = this.shared;
      const urls = candidates.map((q) => q.url);
      // Only a URL with a digit can have a template the guard tracks: the others need no known-check.
      const asked = urls.filter((u) => /\d/.test(u));
      const [loaded, known] = await Promise.all([
        SharedTrapState.load(frontier, `trap:${runId}:${source.name}:`, urls),
        frontier.hasMany(asked),
      ]);
      state = loaded;
      guard.useState(state);
      this.known = new Set(asked.filter((_, i) => known[i]));
    }
    const out: QueueItem[] = [];
    try {
      for (const q of candidates) {
        const broken = check(q);
        if (broken) this.tally(broken);
        else out.push(q);
      }
    } finally {
      this.known = NONE;
    }
    await state?.commit();
    return out;
  }

  /**
   * What a fetched HTML page says about the query parameters of its URL, recorded in the crawl's frontier store
   * (paramLearning.ts, as LinkIntake.notePage in the embedded crawl): a parameter learned now is logged and counted
   * as `learnedParam:<host>:<name>`, and every worker's links drop it from then on. An optimisation: a failure here
   * never fails the page. A store that can (Redis) turns the queued URLs carrying it into aliases in the same step.
   */
  async notePage(item: ClaimedItem, result: FetchResult, article: { canonicalUrl?: string | null; body: string }, contentHash?: string): Promise<void> {
    if (!this.shared) return;
    const url = normalizeUrl(result.finalUrl);
    if (url === null) return;
    try {
      const canonical = trustedCanonical(article.canonicalUrl, result.finalUrl);
      const strip = await this.learnedStripper(canonical === null ? [url] : [url, canonical]);
      const plan = paramPlan({ url, canonical, contentHash: contentHash ?? contentHashOf(article.body, sha256Hex(result.body)) }, strip);
      if (plan === null) return;
      const changes = await this.shared.frontier.observeParams(plan, Date.now());
      for (const p of changes.learned) {
        this.tally(`learnedParam:${p.host}:${p.param}`);
        this.log.info({ host: p.host, param: p.param, confirmations: p.confirmations, url: item.url }, 'learned: query parameter does not change the page; links drop it');
      }
      if (changes.aliased) {
        this.tally('aliasedByLearnedParam', changes.aliased);
        this.log.info({ aliased: changes.aliased, url: item.url }, 'queued URLs carrying a learned parameter became aliases of their plain URL');
      }
      for (const p of changes.unlearned) {
        this.tally(`unlearnedParam:${p.host}:${p.param}`);
        this.log.warn({ host: p.host, param: p.param, url: item.url }, 'query parameter learned as ignorable changes the page after all; kept from now on');
      }
    } catch (err) {
      this.log.warn({ url: item.url, err: (err as Error).message }, 'query parameter learning skipped for this page');
    }
  }

  /** A function dropping from a URL the parameters learned for its host, read from the frontier for the hosts of `urls`. */
  private async learnedStripper(urls: readonly string[]): Promise<(url: string) => string> {
    const frontier = this.shared?.frontier;
    const hostOf = (u: string): string | null => {
      if (!u.includes('?')) return null;
      try {
        return new URL(u).host;
      } catch {
        return null;
      }
    };
    const hosts = [...new Set(urls.map(hostOf).filter((h): h is string => h !== null))];
    if (!frontier || hosts.length === 0) return (u) => u;
    const learned = new Map<string, ReadonlySet<string>>();
    await Promise.all(hosts.map(async (h) => learned.set(h, new Set(await frontier.learnedParams(h)))));
    return (u) => {
      const host = hostOf(u);
      const names = host === null ? undefined : learned.get(host);
      return names ? withoutParams(u, names) : u;
    };
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
        // A URL the frontier already has is not new: re-finding it deep in a chain spends nothing and is not refused.
        isKnown: (url) => this.known.has(url),
        onTemplateCapped: (template, limit, url) => this.log.warn({ source: source.name, template, limit, url }, 'spider trap: URL template capped'),
      });
      this.guards.set(source.name, guard);
    }
    return guard;
  }
}
