import type { SourceConfig } from '../config/index.js';
import { BrowserError, decideRender, decodeHtml, RobotsCache, type BrowserRenderResult, type FetchResult } from '../fetch/index.js';
import { hostKey, normalizeUrl, type FinishResult, type FrontierEntry } from '../frontier/index.js';
import { isExcluded } from '../frontier/index.js';
import { FetchError } from '../util/errors.js';
import { renderOptionsFor, renderRecord } from './browserPage.js';
import { ExtractCrashError } from './extractPool.js';
import type { ExtractResult } from './extractTask.js';
import { redirectRefusal, refusedRedirect, type RedirectRefusal } from './redirectRules.js';
import { privateAccessFor } from './privateScope.js';
import { LinkIntake } from './linkIntake.js';
import { HostPacing } from './hostPacing.js';
import { MAX_ATTEMPTS, nextRevisitAt, retryAfterFailure } from './revisitPolicy.js';
import { bump } from './summary.js';
import { detectChallenge, recordBlocked } from './health.js';
import { applyOutcome, finishWith, mergeOutcome, retryWith, type PageOutcome } from './pageOutcome.js';
import { isOutcome, type Admitted, type Fetched, type PageProcessorDeps } from './pageStages.js';
import { classifyAndStore } from './pageStore.js';

export type { PageProcessorDeps } from './pageStages.js';

const isHtml = (ct: string | undefined) => !ct || /html|xml\+xhtml/i.test(ct);
const looksLikeFeed = (ct: string | undefined) => !!ct && /(xml|rss|atom|json)/i.test(ct) && !/html/i.test(ct);

/**
 * Everything that happens to one claimed URL, as stages that each return a value: admission (source, takedowns,
 * robots.txt), fetch (HTTP, conditional on a revisit), render (Chromium, for `render: browser|auto`), routing
 * (status, challenge, feed, type), extraction, classification and storage (requisites and the snapshot; pageStore.ts).
 * The stages never write to the frontier; their one PageOutcome is applied once, at the end (pageOutcome.ts).
 */
export class PageProcessor {
  private readonly pacing: HostPacing;
  private readonly intake: LinkIntake;

  constructor(private readonly d: PageProcessorDeps) {
    this.intake = new LinkIntake(d);
    this.pacing = new HostPacing(d.frontier);
  }

  /** Minimum spacing between request starts to a host (hostPacing.ts). */
  delayFor(host: string, source: SourceConfig | undefined): number {
    return this.pacing.delayFor(host, source);
  }

  recordCrash(entry: FrontierEntry, err: unknown): void {
    bump(this.d.summary.failed, 'crash');
    this.apply(entry, finishWith({ state: 'failed', outcome: 'crash', error: String((err as Error)?.message ?? err) }));
  }

  /** The store failed under this page (busy, full): it goes back in the queue with its attempt refunded. */
  requeueAfterStoreError(entry: FrontierEntry, at: number): void {
    bump(this.d.summary.limitsHit, 'requeuedAfterStoreError');
    this.apply(entry, retryWith(at, 'store error', true));
  }

  /** Runs the page's stages, then applies their one outcome to the frontier. */
  async process(entry: FrontierEntry): Promise<void> {
    this.apply(entry, await this.timed('page', () => this.outcomeOf(entry)));
  }

  /** A stage timed by the run's clock, if it has one. */
  private timed<T>(stage: string, work: () => Promise<T>): Promise<T> {
    return this.d.clock ? this.d.clock.time(stage, work) : work();
  }

  /** Applies a page's outcome to the frontier (process() does, once per page; exposed for tests of the stages). */
  apply(entry: FrontierEntry, outcome: PageOutcome): void {
    applyOutcome(this.d.frontier, this.intake, entry, this.d.sources.get(entry.source), outcome);
  }

  /** The stages, in order; each either ends the page with an outcome or hands the next stage its value. */
  async outcomeOf(entry: FrontierEntry): Promise<PageOutcome> {
    const source = this.d.sources.get(entry.source);
    if (!source) return finishWith({ state: 'skipped', outcome: 'unknown-source' });
    const admitted = await this.timed('admit', () => this.admit(entry, source));
    if (isOutcome(admitted)) return admitted;
    await this.timed('host wait', () => this.pacing.waitForHost(entry.host, source));
    const fetched = await this.timed('fetch', () => this.fetchStage(entry, admitted));
    const outcome = isOutcome(fetched) ? fetched : await this.routeStage(entry, admitted, fetched);
    return { ...outcome, robotsRead: true };
  }

  /** Admission: the source's takedowns and robots.txt. Any outcome here is final (robots.txt was read: robotsRead). */
  private async admit(entry: FrontierEntry, source: SourceConfig): Promise<Admitted | PageOutcome> {
    const { summary, logger: log } = this.d;
    const privateAccess = privateAccessFor(source, this.d.allowPrivate);
    if (isExcluded(this.d.db, entry.url)) {
      summary.skipped.excluded++;
      log.info({ url: entry.url }, 'skipped: excluded by a takedown');
      return finishWith({ state: 'skipped', outcome: 'excluded' });
    }
    // Robots and the fetch see the URL as linked (entry.requestUrl), never the re-sorted, normalised key.
    const verdict = await this.d.robots.check(entry.requestUrl, { privateAccess });
    if (verdict.crawlDelaySec !== undefined) this.pacing.learnCrawlDelay(entry.host, verdict.crawlDelaySec);
    const refused = (result: FinishResult): PageOutcome => finishWith(result, { robotsRead: true });
    if (!verdict.allowed && RobotsCache.isBlockedAddress(verdict)) {
      bump(summary.failed, 'blocked-address');
      log.warn({ url: entry.url }, 'refused: private or loopback address not among the endpoints allowPrivate opens for this source');
      return refused({ state: 'failed', outcome: 'blocked-address', error: 'private or loopback address refused' });
    }
    if (!verdict.allowed && verdict.reason.startsWith('unreachable')) {
      // robots.txt could not be read (5xx, timeout, dead host): RFC 9309 says stay away, but this is an
      // outage, not a rule, so it counts as a failure and is retried by a later run.
      bump(summary.failed, 'robots-unreachable');
      bump(summary.perHostErrors, entry.host);
      log.warn({ url: entry.url, robots: verdict.robotsUrl, reason: verdict.reason }, 'skipped: robots.txt unreachable; will retry later');
      return refused({ state: 'failed', outcome: 'robots-unreachable', error: verdict.reason, nextRevisitAt: retryAfterFailure(entry) });
    }
    if (!verdict.allowed) {
      summary.skipped.robots++;
      log.info({ url: entry.url, robots: verdict.robotsUrl, reason: verdict.reason }, 'skipped: disallowed by robots.txt');
      return refused({ state: 'skipped', outcome: 'robots' });
    }
    return { source, privateAccess, verdict, history: this.d.frontier.validators(entry.url) };
  }

  /** Fetch: over HTTP (conditional on a revisit), or straight to the render stage for `render: browser` pages. */
  private async fetchStage(entry: FrontierEntry, a: Admitted): Promise<Fetched | PageOutcome> {
    const { summary } = this.d;
    const { source, history, privateAccess } = a;
    const revisit = Boolean(history?.fetchedBefore && history.snapshotId);
    // render: browser — pages go straight to the browser; feeds and sitemaps are data, fetched over HTTP.
    // A revisit with validators asks over HTTP first: a 304 spares the render, anything else is rendered.
    const conditional = revisit && Boolean(history?.etag || history?.lastModified);
    if (source.render === 'browser' && this.d.browser && entry.kind !== 'feed' && entry.kind !== 'sitemap' && !conditional) {
      return this.renderStage(entry, a, decideRender('browser').reason);
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
        onRequestSent: (url) => this.pacing.requestSent(hostKey(url.href)),
        beforeRedirect: async (target) => {
          refusal = await redirectRefusal(this.d, target, privateAccess, entry);
          return refusal?.reason;
        },
      });
    } catch (err) {
      if (err instanceof FetchError && err.kind === 'redirect-refused' && refusal) {
        summary.fetched++;
        return refusedRedirect(this.d, entry, refusal);
      }
      return this.fetchFailed(entry, err);
    }
    summary.fetched++;
    if (result.status === 304 && revisit) {
      summary.snapshots.unchanged++;
      return finishWith({ state: 'done', outcome: 'not-modified', status: 304, nextRevisitAt: nextRevisitAt(source, history, true), revisited: true });
    }
    return { result };
  }

  /**
   * Render: the page in Chromium (render: browser, or auto on an app shell), then on like an HTTP fetch: same
   * redirect rules, status and type checks, extraction from the rendered DOM. `reason` is why the browser was used;
   * it goes into snapshot.json render.reason.
   */
  private async renderStage(entry: FrontierEntry, a: Admitted, reason: string, alreadyCounted = false): Promise<Fetched | PageOutcome> {
    const { summary, logger: log } = this.d;
    let rendered: BrowserRenderResult;
    try {
      rendered = await this.d.browser!.render(entry.requestUrl, {
        ...renderOptionsFor(a.source, a.privateAccess, entry.requestUrl, async (url) => (await this.d.robots.check(url, { privateAccess: a.privateAccess })).allowed),
        signal: this.d.runSignal, // the render has its own time limit; a stop cuts it short
      });
    } catch (err) {
      return this.fetchFailed(entry, err);
    }
    if (!alreadyCounted) summary.fetched++;
    if (rendered.attempts > 1) bump(summary.limitsHit, 'browser-restart');
    if (rendered.wait.settled === 'time-limit') bump(summary.limitsHit, 'render-time-limit');
    if (rendered.blocked.some((b) => b.cause === 'address')) bump(summary.limitsHit, 'render-blocked-address');
    // Chromium followed the redirects itself; a hop the HTTP path would refuse means the page is not kept.
    for (const hop of rendered.document.redirects) {
      const refusal = await redirectRefusal(this.d, hop.location, a.privateAccess, entry);
      if (refusal) return refusedRedirect(this.d, entry, refusal);
    }
    log.debug({ url: entry.url, reason, wait: rendered.wait, resources: rendered.resources.length, blocked: rendered.blocked.length }, 'rendered in browser');
    return { result: rendered.document, page: { rendered, render: renderRecord(reason, rendered) } };
  }

  /** Routing: a fetched document's redirect, challenge, status and type decide whether it goes on to extraction. */
  private async routeStage(entry: FrontierEntry, a: Admitted, f: Fetched): Promise<PageOutcome> {
    const { summary, logger: log } = this.d;
    const { result, page } = f;
    const finalUrl = normalizeUrl(result.finalUrl) ?? result.finalUrl;
    const seen: Omit<PageOutcome, 'row'> = finalUrl !== entry.url ? { redirects: [result.finalUrl] } : {};
    // A challenge or bot wall (200 or 403/503 with a challenge script) is no article: failed `blocked`, retried later.
    const challenge = detectChallenge(result);
    if (challenge) return finishWith(recordBlocked(this.d, entry, result.status, challenge), seen);
    if (result.status < 200 || result.status >= 300) {
      bump(summary.failed, `http-${result.status}`);
      bump(summary.perHostErrors, entry.host);
      const gone = result.status === 404 || result.status === 410;
      log.warn({ url: entry.url, status: result.status }, 'fetch failed: HTTP status');
      return finishWith(
        { state: 'failed', outcome: `http-${result.status}`, status: result.status, nextRevisitAt: gone ? null : retryAfterFailure(entry) },
        seen,
      );
    }
    const contentType = result.headers['content-type'];
    if (!page && (entry.kind === 'feed' || entry.kind === 'sitemap' || looksLikeFeed(contentType))) {
      summary.discoveryOnly++;
      return finishWith({ state: 'done', outcome: 'discovery', status: result.status }, { ...seen, feed: result });
    }
    if (!isHtml(contentType)) {
      summary.skipped.notHtml++;
      return finishWith({ state: 'done', outcome: 'not-html', status: result.status }, seen);
    }
    const scope = this.d.scopes.get(a.source.name);
    const byPattern = scope?.isArticleUrl(finalUrl) ?? scope?.isArticleUrl(entry.url) ?? null;
    let render: { mode: 'http' | 'browser'; reason?: string } = page?.render ?? { mode: 'http' };
    if (!page && a.source.render !== 'http' && this.d.browser) {
      const decodedText = decodeHtml(result.body, contentType).text;
      const decision = decideRender(a.source.render, decodedText);
      if (decision.mode === 'browser') {
        await this.pacing.waitForHost(entry.host, a.source); // the render is a second visit: same spacing as any other
        const rendered = await this.renderStage(entry, a, decision.reason, true);
        return mergeOutcome(seen, isOutcome(rendered) ? rendered : await this.routeStage(entry, a, rendered));
      }
      render = decision;
    }
    const extracted = await this.extractStage(entry, a.source, f, byPattern);
    if (isOutcome(extracted)) return mergeOutcome(seen, extracted);
    return mergeOutcome(seen, await classifyAndStore(this.d, this.pacing, entry, a, f, extracted, { finalUrl, byPattern, render }));
  }

  /**
   * Extraction: decode, parse, extract, hash and gzip off this thread (extractPool.ts). A render's DOM is what
   * readers saw; the document bytes stay the archived original. The fetch time is "now" for the page: "2小时前" and
   * year-less dates are read against it. Only a page that may be stored gets its hashes and WARC records prepared
   * (an index page by the article pattern never is).
   */
  private async extractStage(entry: FrontierEntry, source: SourceConfig, f: Fetched, byPattern: boolean | null): Promise<ExtractResult | PageOutcome> {
    try {
      return await this.timed('extract', () => this.d.extractor.run({
        fetch: f.result,
        // The worker decodes the body itself (the same decodeHtml call): the text decoded here for the render
        // decision is not copied across to it.
        html: f.page ? f.page.rendered.html : undefined,
        options: { url: f.result.finalUrl, timezone: source.timezone, overrides: source.extract, now: f.result.fetchedAt },
        prepare: !f.page && (this.d.snapshotAllPages || byPattern !== false),
      }));
    } catch (err) {
      if (!(err instanceof ExtractCrashError)) throw err;
      // The worker died under this page (out of memory on a hostile page): the page fails, the crawl goes on.
      bump(this.d.summary.failed, 'extract-crash');
      this.d.logger.error({ url: entry.url, err: err.message }, 'extraction failed: worker crashed');
      return finishWith({ state: 'failed', outcome: 'extract-crash', error: err.message, nextRevisitAt: retryAfterFailure(entry) });
    }
  }

  private fetchFailed(entry: FrontierEntry, err: unknown): PageOutcome {
    const { summary, logger: log } = this.d;
    if (this.d.runSignal.aborted) {
      // Cut off by a stop, not the page's fault: back in the queue for the next run.
      bump(summary.limitsHit, 'requeuedAtStop');
      return retryWith(0, 'interrupted by stop');
    }
    const kind = err instanceof FetchError ? err.kind : err instanceof BrowserError ? `browser-${err.kind}` : 'error';
    const message = err instanceof Error ? err.message : String(err);
    if (err instanceof FetchError && err.kind === 'retry-later' && entry.attempts < MAX_ATTEMPTS) {
      // Bounded whatever the server said: never NaN, never past fetch.maxRescheduleMs from now.
      const now = Date.now();
      const asked = err.retryAt?.getTime();
      const at = Number.isFinite(asked) ? Math.min(Math.max(asked!, now), now + this.d.config.fetch.maxRescheduleMs) : now + 60_000;
      bump(summary.limitsHit, 'retry-later');
      log.info({ url: entry.url, retryAt: new Date(at).toISOString() }, 'server asked to retry later; requeued');
      return retryWith(at, message);
    }
    bump(summary.failed, kind);
    bump(summary.perHostErrors, entry.host);
    const permanent = kind === 'blocked-address' || kind === 'invalid-url' || kind === 'redirect-loop' || kind === 'too-many-redirects';
    log.warn({ url: entry.url, kind, err: message }, 'fetch failed');
    return finishWith({ state: 'failed', outcome: kind, error: message, nextRevisitAt: permanent ? null : retryAfterFailure(entry) });
  }
}
