import type { CrawlConfig, SourceConfig } from '../config/index.js';
import {
  BrowserError,
  decideRender,
  decodeHtml,
  RobotsCache,
  type BrowserFetcher,
  type BrowserRenderResult,
  type FetchResult,
  type HttpFetcher,
  type PrivateAccess,
  type RobotsVerdict,
} from '../fetch/index.js';
import { normalizeUrl, type Frontier, type FrontierEntry, type UrlHistory } from '../frontier/index.js';
import { ExcludedUrlError, type SnapshotStore, type WriteOutcome } from '../snapshot/index.js';
import type { StoreDatabase } from '../storage/index.js';
import { isExcluded } from '../frontier/index.js';
import { FetchError } from '../util/errors.js';
import type { Logger } from '../util/logger.js';
import { browserPageInput, renderOptionsFor, renderRecord, type BrowserPage } from './browserPage.js';
import { ExtractCrashError, type ExtractPool } from './extractPool.js';
import type { ExtractResult } from './extractTask.js';
import { privateAccessFor } from './privateScope.js';
import { fetchPageRequisites, withRequisites } from './requisites.js';
import { LinkIntake } from './linkIntake.js';
import { MAX_ATTEMPTS, nextRevisitAt, retryAfterFailure } from './revisitPolicy.js';
import type { SourceScope } from './scope.js';
import { bump, recordClassification, type RunSummary } from './summary.js';
import { detectChallenge, recordArticleHealth, recordBlocked } from './health.js';

interface RedirectRefusal {
  reason: 'robots' | 'excluded' | 'known';
  target: string;
}

export interface PageProcessorDeps {
  config: CrawlConfig;
  db: StoreDatabase;
  frontier: Frontier;
  store: SnapshotStore;
  fetcher: HttpFetcher;
  /** Present when a source renders with `browser` or `auto`; Chromium starts on the first render. */
  browser?: BrowserFetcher | null;
  robots: RobotsCache;
  summary: RunSummary;
  logger: Logger;
  scopes: Map<string, SourceScope>;
  sources: Map<string, SourceConfig>;
  /** The global allowPrivate: opens each source's own entry points only (privateScope.ts). */
  allowPrivate: boolean;
  snapshotAllPages: boolean;
  /** Where pages are parsed and extracted: worker threads, or in-process (extractPool.ts). */
  extractor: ExtractPool;
  /** Aborted when the run must stop now (grace after SIGTERM or --max-time is over): in-flight pages are requeued. */
  runSignal: AbortSignal;
}

/**
 * Whether a seed's fetch landed on another page: not when the redirect only changed the scheme, a `www.`,
 * or a trailing slash (the same entry point), nor when it landed on another seed.
 */
function redirectedElsewhere(seedUrl: string, finalUrl: string, frontier: Frontier): boolean {
  if (finalUrl === seedUrl) return false;
  const key = (u: string) => {
    const url = new URL(u);
    return `${url.hostname.replace(/^www\./, '')}${url.port ? `:${url.port}` : ''}${url.pathname.replace(/\/+$/, '')}${url.search}`;
  };
  try {
    if (key(seedUrl) === key(finalUrl)) return false;
  } catch {
    return false;
  }
  return frontier.get(finalUrl)?.kind !== 'seed';
}

const isHtml = (ct: string | undefined) => !ct || /html|xml\+xhtml/i.test(ct);
const looksLikeFeed = (ct: string | undefined) => !!ct && /(xml|rss|atom|json)/i.test(ct) && !/html/i.test(ct);

/** Everything that happens to one claimed URL: exclusion, robots, politeness, fetch, extract, discover, store. */
export class PageProcessor {
  private readonly crawlDelayMs = new Map<string, number>();
  private readonly lastStart = new Map<string, number>();
  /** When a request to the host actually started (lastStart is the slot reserved, which a stalled event loop can overrun). */
  private readonly startedAt = new Map<string, number>();
  private readonly intake: LinkIntake;

  constructor(private readonly d: PageProcessorDeps) {
    this.intake = new LinkIntake(d);
  }

  /** Minimum spacing between request starts to a host: the source's delay or robots Crawl-delay, whichever is longer. */
  delayFor(host: string, source: SourceConfig | undefined): number {
    return Math.max(source?.politeness.delayMs ?? 1000, this.crawlDelayMs.get(host) ?? 0);
  }

  recordCrash(entry: FrontierEntry, err: unknown): void {
    bump(this.d.summary.failed, 'crash');
    this.d.frontier.finish(entry.url, { state: 'failed', outcome: 'crash', error: String((err as Error)?.message ?? err) });
  }

  /** The store failed under this page (busy, full): it goes back in the queue with its attempt refunded. */
  requeueAfterStoreError(entry: FrontierEntry, at: number): void {
    bump(this.d.summary.limitsHit, 'requeuedAfterStoreError');
    this.d.frontier.retryLater(entry.url, at, 'store error', { refundAttempt: true });
  }

  async process(entry: FrontierEntry): Promise<void> {
    const { frontier, summary, logger: log } = this.d;
    const source = this.d.sources.get(entry.source);
    if (!source) {
      frontier.finish(entry.url, { state: 'skipped', outcome: 'unknown-source' });
      return;
    }
    const privateAccess = privateAccessFor(source, this.d.allowPrivate);
    if (isExcluded(this.d.db, entry.url)) {
      summary.skipped.excluded++;
      frontier.finish(entry.url, { state: 'skipped', outcome: 'excluded' });
      log.info({ url: entry.url }, 'skipped: excluded by a takedown');
      return;
    }
    // Robots and the fetch see the URL as linked (entry.requestUrl), never the re-sorted, normalised key.
    const verdict = await this.d.robots.check(entry.requestUrl, { privateAccess });
    if (verdict.crawlDelaySec !== undefined) this.crawlDelayMs.set(entry.host, verdict.crawlDelaySec * 1000);
    this.intake.addRobotsSitemaps(entry, source);
    if (!verdict.allowed && RobotsCache.isBlockedAddress(verdict)) {
      bump(summary.failed, 'blocked-address');
      frontier.finish(entry.url, { state: 'failed', outcome: 'blocked-address', error: 'private or loopback address refused' });
      log.warn({ url: entry.url }, 'refused: private or loopback address not among the endpoints allowPrivate opens for this source');
      return;
    }
    if (!verdict.allowed && verdict.reason.startsWith('unreachable')) {
      // robots.txt could not be read (5xx, timeout, dead host): RFC 9309 says stay away, but this is an
      // outage, not a rule, so it counts as a failure and is retried by a later run.
      bump(summary.failed, 'robots-unreachable');
      bump(summary.perHostErrors, entry.host);
      frontier.finish(entry.url, { state: 'failed', outcome: 'robots-unreachable', error: verdict.reason, nextRevisitAt: retryAfterFailure(entry) });
      log.warn({ url: entry.url, robots: verdict.robotsUrl, reason: verdict.reason }, 'skipped: robots.txt unreachable; will retry later');
      return;
    }
    if (!verdict.allowed) {
      summary.skipped.robots++;
      frontier.finish(entry.url, { state: 'skipped', outcome: 'robots' });
      log.info({ url: entry.url, robots: verdict.robotsUrl, reason: verdict.reason }, 'skipped: disallowed by robots.txt');
      return;
    }
    await this.waitForHost(entry.host, source);

    const history = this.d.frontier.validators(entry.url);
    const revisit = Boolean(history?.fetchedBefore && history.snapshotId);
    // render: browser — pages go straight to the browser; feeds and sitemaps are data, fetched over HTTP.
    // A revisit with validators asks over HTTP first: a 304 spares the render, anything else is rendered.
    const conditional = revisit && Boolean(history?.etag || history?.lastModified);
    if (source.render === 'browser' && this.d.browser && entry.kind !== 'feed' && entry.kind !== 'sitemap' && !conditional) {
      await this.processInBrowser(entry, source, verdict, history, decideRender('browser').reason);
      return;
    }
    const headers: Record<string, string> = {};
    if (source.userAgent) headers['user-agent'] = source.userAgent;
    if (revisit && history?.etag) headers['if-none-match'] = history.etag;
    if (revisit && history?.lastModified) headers['if-modified-since'] = history.lastModified;
    let result: FetchResult;
    let refusal: RedirectRefusal | null = null;
    try {
      result = await this.d.fetcher.fetch(entry.requestUrl, {
        privateAccess,
        headers,
        signal: this.d.runSignal,
        totalTimeoutMs: this.d.config.fetch.totalTimeoutMs,
        beforeRedirect: async (target) => {
          refusal = await this.redirectRefusal(target, privateAccess, entry);
          return refusal?.reason;
        },
      });
    } catch (err) {
      if (err instanceof FetchError && err.kind === 'redirect-refused' && refusal) {
        summary.fetched++;
        this.recordRefusedRedirect(entry, refusal);
        return;
      }
      this.recordFetchError(entry, err);
      return;
    }
    summary.fetched++;
    if (result.status === 304 && revisit) {
      summary.snapshots.unchanged++;
      frontier.finish(entry.url, {
        state: 'done',
        outcome: 'not-modified',
        status: 304,
        nextRevisitAt: nextRevisitAt(source, history, true),
        revisited: true,
      });
      return;
    }
    await this.afterFetch(entry, result, source, verdict, history);
  }

  /** Status, content type and alias bookkeeping for a fetched page (HTTP or browser), then on to handleHtml. */
  private async afterFetch(
    entry: FrontierEntry,
    result: FetchResult,
    source: SourceConfig,
    verdict: RobotsVerdict,
    history: UrlHistory | null,
    page?: BrowserPage,
  ): Promise<void> {
    const { frontier, summary, logger: log } = this.d;
    const finalUrl = normalizeUrl(result.finalUrl) ?? result.finalUrl;
    if (finalUrl !== entry.url) frontier.markAlias(result.finalUrl, `redirect-from:${entry.url}`, entry.source, entry.depth);
    // A challenge or bot wall (200 or 403/503 with a challenge script) is no article: failed `blocked`, retried later.
    const challenge = detectChallenge(result);
    if (challenge) return recordBlocked(this.d, entry, result.status, challenge);
    if (result.status < 200 || result.status >= 300) {
      bump(summary.failed, `http-${result.status}`);
      bump(summary.perHostErrors, entry.host);
      const gone = result.status === 404 || result.status === 410;
      frontier.finish(entry.url, {
        state: 'failed',
        outcome: `http-${result.status}`,
        status: result.status,
        nextRevisitAt: gone ? null : retryAfterFailure(entry),
      });
      log.warn({ url: entry.url, status: result.status }, 'fetch failed: HTTP status');
      return;
    }
    const contentType = result.headers['content-type'];
    if (!page && (entry.kind === 'feed' || entry.kind === 'sitemap' || looksLikeFeed(contentType))) {
      this.intake.addFromFeed(entry, result, source);
      summary.discoveryOnly++;
      frontier.finish(entry.url, { state: 'done', outcome: 'discovery', status: result.status });
      return;
    }
    if (!isHtml(contentType)) {
      summary.skipped.notHtml++;
      frontier.finish(entry.url, { state: 'done', outcome: 'not-html', status: result.status });
      return;
    }
    await this.handleHtml(entry, result, source, verdict, finalUrl, history, page);
  }

  /**
   * Renders the page in Chromium (render: browser, or auto on an app shell) and goes on like an HTTP
   * fetch: same redirect rules, status and type checks, then extraction from the rendered DOM.
   * `reason` is why the browser was used; it goes into snapshot.json render.reason.
   */
  private async processInBrowser(
    entry: FrontierEntry,
    source: SourceConfig,
    verdict: RobotsVerdict,
    history: UrlHistory | null,
    reason: string,
    alreadyCounted = false,
  ): Promise<void> {
    const { summary, logger: log } = this.d;
    const privateAccess = privateAccessFor(source, this.d.allowPrivate);
    let rendered: BrowserRenderResult;
    try {
      rendered = await this.d.browser!.render(entry.requestUrl, {
        ...renderOptionsFor(source, privateAccess, entry.requestUrl, this.d.robots),
        signal: this.d.runSignal, // the render has its own time limit; a stop cuts it short
      });
    } catch (err) {
      this.recordFetchError(entry, err);
      return;
    }
    if (!alreadyCounted) summary.fetched++;
    if (rendered.attempts > 1) bump(summary.limitsHit, 'browser-restart');
    if (rendered.wait.settled === 'time-limit') bump(summary.limitsHit, 'render-time-limit');
    if (rendered.blocked.some((b) => b.cause === 'address')) bump(summary.limitsHit, 'render-blocked-address');
    // Chromium followed the redirects itself; a hop the HTTP path would refuse means the page is not kept.
    for (const hop of rendered.document.redirects) {
      const refusal = await this.redirectRefusal(hop.location, privateAccess, entry);
      if (refusal) {
        this.recordRefusedRedirect(entry, refusal);
        return;
      }
    }
    log.debug({ url: entry.url, reason, wait: rendered.wait, resources: rendered.resources.length, blocked: rendered.blocked.length }, 'rendered in browser');
    const page: BrowserPage = { rendered, render: renderRecord(reason, rendered) };
    await this.afterFetch(entry, rendered.document, source, verdict, history, page);
  }

  /**
   * Whether a redirect hop may be followed: never into robots-disallowed or excluded URLs, and not into
   * a URL this run already has (it is fetched, or will be, under its own name). An entry point (seed,
   * feed, sitemap) follows its redirect into a URL that is merely queued — that row may be another
   * source's, or beyond this source's depth — and keeps what it lands on; only a target this run has
   * already handled, or has in flight, is refused.
   */
  private async redirectRefusal(target: string, privateAccess: PrivateAccess, from: FrontierEntry): Promise<RedirectRefusal | null> {
    const url = normalizeUrl(target);
    if (!url) return null;
    if (isExcluded(this.d.db, url)) return { reason: 'excluded', target: url };
    const known = this.d.frontier.get(url);
    const handledThisRun = known !== null && known.runId === this.d.frontier.runId && known.state !== 'failed' && known.state !== 'queued';
    if (known && (handledThisRun || (known.state === 'queued' && from.kind === 'page'))) {
      return { reason: 'known', target: url };
    }
    const verdict = await this.d.robots.check(target, { privateAccess }); // as the server sent it, not the key
    // A private target the source may not reach is no robots rule: the hop goes to the fetcher's guard,
    // which refuses it (before any connection) as blocked-address.
    if (!verdict.allowed && !RobotsCache.isBlockedAddress(verdict)) return { reason: 'robots', target: url };
    return null;
  }

  private recordRefusedRedirect(entry: FrontierEntry, refusal: RedirectRefusal): void {
    const { frontier, summary, logger: log } = this.d;
    if (refusal.reason === 'robots') summary.skipped.robots++;
    if (refusal.reason === 'excluded') summary.skipped.excluded++;
    if (refusal.reason === 'known') summary.discoveryOnly++;
    frontier.finish(entry.url, {
      state: refusal.reason === 'known' ? 'done' : 'skipped',
      outcome: `redirect-${refusal.reason}:${refusal.target}`,
    });
    log.info({ url: entry.url, target: refusal.target, reason: refusal.reason }, 'redirect not followed');
  }

  private async handleHtml(
    entry: FrontierEntry,
    result: FetchResult,
    source: SourceConfig,
    verdict: RobotsVerdict,
    finalUrl: string,
    history: UrlHistory | null,
    page?: BrowserPage,
  ): Promise<void> {
    const { frontier, summary, logger: log } = this.d;
    const scope = this.d.scopes.get(source.name);
    const byPattern = scope?.isArticleUrl(finalUrl) ?? scope?.isArticleUrl(entry.url) ?? null;
    let render: { mode: 'http' | 'browser'; reason?: string } = page?.render ?? { mode: 'http' };
    if (!page && source.render !== 'http' && this.d.browser) {
      const decodedText = decodeHtml(result.body, result.headers['content-type']).text;
      const decision = decideRender(source.render, decodedText);
      if (decision.mode === 'browser') {
        await this.waitForHost(entry.host, source); // the render is a second visit: same spacing as any other
        await this.processInBrowser(entry, source, verdict, history, decision.reason, true);
        return;
      }
      render = decision;
    }
    // Decode, parse, extract, hash and gzip off this thread (extractPool.ts). A render's DOM is what
    // readers saw; the document bytes stay the archived original. The fetch time is "now" for the page:
    // "2小时前" and year-less dates are read against it. Only a page that may be stored gets its hashes
    // and WARC records prepared (an index page by the article pattern never is).
    let extracted: ExtractResult;
    try {
      extracted = await this.d.extractor.run({
        fetch: result,
        // The worker decodes the body itself (the same decodeHtml call): the text decoded here for the render
        // decision is not copied across to it.
        html: page ? page.rendered.html : undefined,
        options: { url: result.finalUrl, timezone: source.timezone, overrides: source.extract, now: result.fetchedAt },
        prepare: !page && (this.d.snapshotAllPages || byPattern !== false),
      });
    } catch (err) {
      if (!(err instanceof ExtractCrashError)) throw err;
      // The worker died under this page (out of memory on a hostile page): the page fails, the crawl goes on.
      bump(summary.failed, 'extract-crash');
      frontier.finish(entry.url, { state: 'failed', outcome: 'extract-crash', error: err.message, nextRevisitAt: retryAfterFailure(entry) });
      log.error({ url: entry.url, err: err.message }, 'extraction failed: worker crashed');
      return;
    }
    const { article, decoded } = extracted;
    // Learns which query parameters of this host do not change the page, before this page's links go in.
    this.intake.notePage(entry, result, article, extracted.prepared?.contentHash);
    if (entry.depth < source.maxDepth && scope) {
      this.intake.addPageLinks(entry, article.outlinks, source);
    } else if (article.outlinks.length > 0) {
      bump(summary.limitsHit, 'maxDepth'); // pages whose links were not followed for depth
    }
    // A seed is an index page, never an article by its size; a seed that redirected to another page (a moved
    // article, a short link) is judged by where it landed, like any page (redirectedElsewhere).
    const asSeed = entry.kind === 'seed' && !redirectedElsewhere(entry.url, finalUrl, frontier);
    // Without an articlePattern the page's own evidence decides (src/extract/articleEvidence.ts): counted and logged.
    const classification = article.classification;
    if (byPattern === null && !this.d.snapshotAllPages && classification) {
      recordClassification(summary, classification.kind, { url: entry.url, score: classification.score, reasons: classification.reasons });
      log.debug({ url: entry.url, kind: classification.kind, score: classification.score, reasons: classification.reasons, seed: asSeed || undefined }, 'classified');
    }
    const isArticle = this.d.snapshotAllPages || (byPattern ?? (!asSeed && classification?.isArticle === true));
    const validators = { etag: result.headers.etag, lastModified: result.headers['last-modified'] };
    if (!isArticle) {
      summary.discoveryOnly++;
      // Index pages one link from a seed (category lists) are where new articles show up: they keep the
      // first interval. Deeper index pages (pagination, archives, traps) back off like articles.
      const next =
        entry.kind !== 'page'
          ? null
          : entry.depth <= 1 && source.revisit[0] !== undefined
            ? Date.now() + source.revisit[0]
            : nextRevisitAt(source, history, Boolean(history?.fetchedBefore));
      frontier.finish(entry.url, { state: 'done', outcome: 'index', status: result.status, nextRevisitAt: next, revisited: Boolean(history?.fetchedBefore) });
      return;
    }
    // Page requisites (source `requisites`): the article's images, archived in its WARC; failures are recorded, never fatal.
    const requisites = await fetchPageRequisites(
      {
        ...this.d,
        source,
        privateAccess: privateAccessFor(source, this.d.allowPrivate),
        waitForHost: (host, crawlDelaySec) => {
          if (crawlDelaySec !== undefined) this.crawlDelayMs.set(host, crawlDelaySec * 1000);
          return this.waitForHost(host, source);
        },
      },
      result,
      article,
    );
    let outcome: WriteOutcome;
    try {
      outcome = await this.d.store.writeAsync(
        {
          fetch: result,
          article,
          decoded,
          source: source.name,
          userAgent: source.userAgent ?? this.d.config.userAgent,
          robots: verdict,
          defaultCategory: source.category,
          render,
          ...withRequisites(page ? browserPageInput(page) : {}, requisites),
        },
        extracted.prepared,
      );
    } catch (err) {
      if (!(err instanceof ExcludedUrlError)) throw err;
      // The store refuses a taken-down URL, final URL or canonical URL (also one taken down mid-flight).
      summary.skipped.excluded++;
      frontier.finish(entry.url, { state: 'skipped', outcome: 'excluded' });
      log.info({ url: entry.url, finalUrl, err: err.message }, 'not stored: excluded by a takedown');
      return;
    }
    summary.snapshots[outcome.status]++;
    recordArticleHealth(summary, source.name, article, outcome.status);
    const revisited = Boolean(history?.fetchedBefore && history.snapshotId);
    const done = {
      state: 'done',
      outcome: `snapshot-${outcome.status}`,
      status: result.status,
      snapshotId: outcome.id,
      ...validators,
      nextRevisitAt: entry.kind === 'page' ? nextRevisitAt(source, history, revisited) : null,
      revisited,
    } as const;
    // Fetched through a variant of an article known under another URL (its canonical URL): the variant is an alias.
    const key = this.d.store.summary(outcome.id)?.url ?? entry.url;
    if (key !== entry.url && entry.kind === 'page') {
      bump(summary.limitsHit, 'aliasOfCanonical');
      frontier.finishAsAlias(entry.url, key, { ...done, source: entry.source, depth: entry.depth });
    } else {
      frontier.finish(entry.url, done);
    }
    log[outcome.status === 'unchanged' ? 'debug' : 'info']({ id: outcome.id, url: entry.url, version: outcome.status, bytes: result.body.length }, 'snapshot');
  }

  /** Enforces Crawl-delay learned after the URL was claimed (the claim only knew the source delay). */
  private async waitForHost(host: string, source: SourceConfig): Promise<void> {
    const gap = this.delayFor(host, source);
    const last = this.lastStart.get(host);
    const now = Date.now();
    const wait = last === undefined ? 0 : last + gap - now;
    this.lastStart.set(host, Math.max(now, now + wait));
    if (wait > 0) {
      this.d.frontier.deferHost(host, now + wait + gap);
      await new Promise((r) => setTimeout(r, wait));
    }
    // Two reserved slots whose timers fired together (the event loop was held by a synchronous store write)
    // must still start a gap apart: measure against the last actual start, not the reservation.
    for (let since = Date.now() - (this.startedAt.get(host) ?? -Infinity); since < gap; since = Date.now() - (this.startedAt.get(host) ?? -Infinity)) {
      await new Promise((r) => setTimeout(r, gap - since));
    }
    this.startedAt.set(host, Date.now());
  }

  private recordFetchError(entry: FrontierEntry, err: unknown): void {
    const { frontier, summary, logger: log } = this.d;
    if (this.d.runSignal.aborted) {
      // Cut off by a stop, not the page's fault: back in the queue for the next run.
      frontier.retryLater(entry.url, 0, 'interrupted by stop');
      bump(summary.limitsHit, 'requeuedAtStop');
      return;
    }
    const kind = err instanceof FetchError ? err.kind : err instanceof BrowserError ? `browser-${err.kind}` : 'error';
    const message = err instanceof Error ? err.message : String(err);
    if (err instanceof FetchError && err.kind === 'retry-later' && entry.attempts < MAX_ATTEMPTS) {
      // Bounded whatever the server said: never NaN, never past fetch.maxRescheduleMs from now.
      const now = Date.now();
      const asked = err.retryAt?.getTime();
      const at = Number.isFinite(asked) ? Math.min(Math.max(asked!, now), now + this.d.config.fetch.maxRescheduleMs) : now + 60_000;
      frontier.retryLater(entry.url, at, message);
      bump(summary.limitsHit, 'retry-later');
      log.info({ url: entry.url, retryAt: new Date(at).toISOString() }, 'server asked to retry later; requeued');
      return;
    }
    bump(summary.failed, kind);
    bump(summary.perHostErrors, entry.host);
    const permanent = kind === 'blocked-address' || kind === 'invalid-url' || kind === 'redirect-loop' || kind === 'too-many-redirects';
    frontier.finish(entry.url, { state: 'failed', outcome: kind, error: message, nextRevisitAt: permanent ? null : retryAfterFailure(entry) });
    log.warn({ url: entry.url, kind, err: message }, 'fetch failed');
  }
}
