import type { CrawlConfig, SourceConfig } from '../config/index.js';
import { BrowserError, decideRender, decodeHtml, type BrowserFetcher, type FetchResult, type HttpFetcher, type PrivateAccess } from '../fetch/index.js';
import { normalizeUrl, type UrlHistory } from '../frontier/index.js';
import { ExcludedUrlError } from '../snapshot/errors.js';
import { writeSharedSnapshot } from '../snapshot/shared-writer.js';
import type { BlobStore, ClaimedItem, FinishedFetch, FrontierStore, IndexStores, QueueItem, UrlValidators, WorkerId } from '../storage/interfaces.js';
import { FetchError } from '../util/errors.js';
import type { Logger } from '../util/logger.js';
import { browserPageInput, renderOptionsFor, renderRecord, type BrowserPage } from './browserPage.js';
import type { Article } from '../extract/index.js';
import { ExtractCrashError, type ExtractPool } from './extractPool.js';
import { runExtractTask } from './extractTask.js';
import { detectChallenge } from './health.js';
import { sameEntryPoint } from './entryPoint.js';
import { privateAccessFor } from './privateScope.js';
import { withRequisites } from './requisites.js';
import { excludedAnywhere, isSeed, redirectRefusal, type RedirectRefusal } from './worker-guards.js';
import { workerPageRequisites } from './worker-requisites.js';
import { MAX_ATTEMPTS, nextRevisitAt } from './revisitPolicy.js';
import type { SourceScope } from './scope.js';
import { queueItem, type SiteSignal, type WorkerLinks } from './worker-links.js';
import { BLOCKED_REASON, type SharedRobots } from './worker-robots.js';
import type { PageReport } from './worker-report.js';
import { filledFields } from './health.js';

/** The one thing that happens to a claimed URL, applied to the frontier once by the worker. */
export type PageOutcome =
  /** `signals`: a feed's or sitemap's change signals of its items (worker-signals.ts). */
  /** `adopt`: the canonical article a variant was stored as, and the fetch it takes as its own. */
  /** `report`: what the run's report counts of the page beyond its result (worker-report.ts). */
  | { kind: 'finish'; result: FinishedFetch; links: QueueItem[]; handled?: QueueItem[]; signals?: SiteSignal[]; adopt?: { item: QueueItem; fetch: FinishedFetch }; report?: PageReport }
  | { kind: 'retry'; at: number; error: string; links: QueueItem[]; handled?: QueueItem[] }
  /** The lease went to another worker meanwhile: nothing of ours may be applied. */
  | { kind: 'lost' };

export interface PageStageDeps {
  config: CrawlConfig;
  sources: ReadonlyMap<string, SourceConfig>;
  scopes: ReadonlyMap<string, SourceScope>;
  allowPrivate: boolean;
  frontier: FrontierStore;
  index: IndexStores;
  blobs: BlobStore;
  fetcher: HttpFetcher;
  robots: SharedRobots;
  links: WorkerLinks;
  worker: WorkerId;
  leaseMs: number;
  /** Aborted on a second stop signal: in-flight fetches are cut and their URLs go back to the queue. */
  runSignal: AbortSignal;
  logger: Logger;
  /**
   * Longest a request may start after the time its claim booked the host's slot: later (a stalled event loop, a
   * slow store), and it is given back unfetched, since starting it could crowd the next worker's slot on the host.
   */
  startSlackMs: (source: SourceConfig) => number | null;
  /** A robots.txt Crawl-delay longer than the source's delay: the worker books this host's slots further apart. */
  noteCrawlDelay: (host: string, ms: number) => void;
  /** The spacing the worker books between request starts to a host (its claims' policy delay). */
  delayFor: (host: string, source: SourceConfig) => number;
  /** Counts something the run's summary reports under limitsHit (page requisites' outcomes). */
  tally?: (key: string, by?: number) => void;
  /** Counts a stored article's fields toward the source's fill-rates (health.ts). */
  recordHealth?: (source: string, article: Article, status: 'new' | 'changed' | 'unchanged') => void;
  /** Present when a source renders with `browser` or `auto`; Chromium starts on the first render. */
  browser?: BrowserFetcher | null;
  /**
   * URLs whose HTTP fetch showed an app shell (`render: auto`), with why: rendered at their next claim, so the render
   * is a request of its own, in a slot of its own. Another worker claiming one meanwhile fetches and decides again.
   */
  renderNext?: Map<string, string>;
  /** Where pages are parsed and extracted: worker threads or this thread (extractPool.ts); absent: this thread. */
  extractor?: ExtractPool;
}

type RobotsVerdictLike = { allowed: boolean; robotsUrl: string; reason: string };

/** Why a claim went back unfetched: its slot started too late, or the slot went to the origin's robots.txt. */
export const RETRY_LATE_SLOT = 'started late for its slot';
export const RETRY_ROBOTS_FIRST = 'robots.txt fetched first';
/** An app shell over HTTP (`render: auto`): the page was fetched, and its render comes at the next claim. */
export const RETRY_RENDER_NEXT = 'app shell: rendering next';

const finish = (result: FinishedFetch, links: QueueItem[] = []): PageOutcome => ({ kind: 'finish', result, links });
const retry = (at: number, error: string, links: QueueItem[] = []): PageOutcome => ({ kind: 'retry', at, error, links });
const isHtml = (ct: string | undefined) => !ct || /html|xml\+xhtml/i.test(ct);
const looksLikeFeed = (ct: string | undefined) => !!ct && /(xml|rss|atom|json)/i.test(ct) && !/html/i.test(ct);
/** First retry of a failed URL in a later run, doubling per failure (revisitPolicy.ts's schedule). */
const failureRetryAt = (attempts: number) => (attempts < MAX_ATTEMPTS ? Date.now() + 15 * 60_000 * 2 ** Math.max(0, attempts - 1) : null);
/** Transient failures (network, 5xx, 429) retried inside the run: each retry is a new claim, paced like any request. */
const transientRetryAt = (attempts: number) => Date.now() + Math.min(30_000, 500 * 2 ** Math.max(0, attempts - 1));

function history(v: UrlValidators | null): UrlHistory | null {
  if (!v) return null;
  return { etag: v.etag, lastModified: v.lastModified, snapshotId: v.snapshotId, fetchedBefore: v.fetchCount > 0, revisitCount: Math.max(0, v.fetchCount - 1) };
}

/**
 * The stages of one claimed URL — exclusion, robots, fetch, classification, extraction, storage — as a pure
 * function of the claim: it returns one outcome and changes nothing in the frontier itself (the snapshot index and
 * blobs are written by the storage stage, whose insert is the commit point between workers).
 */
export async function processClaim(d: PageStageDeps, item: ClaimedItem, claimedAt: number): Promise<PageOutcome> {
  const source = d.sources.get(item.source);
  if (!source) return finish({ state: 'skipped', outcome: 'unknown-source' });
  const privateAccess = privateAccessFor(source, d.allowPrivate);
  const origin = new URL(item.requestUrl).origin;
  // The look-ups before the fetch go out together: time from the claim to the request start is what pacing must bound.
  // A claim that checked the frontier's takedown rules and read the validators (claimChecks) leaves only the durable
  // list to ask (a copy in this process, usually): no round trip to the frontier between the claim and the fetch.
  const checked = item.claimChecks;
  const [excluded, known, stored] = await Promise.all([
    checked ? d.index.exclusions.isExcluded(item.url) : excludedAnywhere(d, item.url),
    d.robots.known(origin),
    checked ? checked.validators : d.frontier.validators(item.url),
  ]);
  if (excluded) return finish({ state: 'skipped', outcome: 'excluded' });
  const slack = d.startSlackMs(source);
  // Early: wait for the booked slot. Late beyond the slack: give the slot back rather than crowd the next one.
  const untilSlot = async (): Promise<void> => {
    const early = claimedAt - Date.now();
    if (early > 0) await new Promise((r) => setTimeout(r, early));
  };
  // Measured by the caller after its await of untilSlot resumes, in the same step as the request it guards: the
  // resumption itself can wait behind other pages' work (an extraction run in a microtask before it), so a verdict
  // taken inside untilSlot let a request go out 66 ms after its slot under load, crowding the host's next one.
  const late = (): boolean => slack !== null && Date.now() - claimedAt > slack;
  // robots.txt not known yet: this lease's request to the host is the robots.txt fetch; the page waits for a slot of its own.
  if (!known) {
    await untilSlot();
    if (late()) return retry(Date.now(), RETRY_LATE_SLOT);
  }
  // The robots.txt request, if one is needed, must still start within the slot's slack (a slow cache look-up first).
  const verdict = await d.robots.check(item.requestUrl, privateAccess, !known && slack !== null ? { startBy: claimedAt + slack } : {});
  if (verdict.late) return retry(Date.now(), RETRY_LATE_SLOT);
  // Logged once it is known that a request went out: another worker may have cached robots.txt since `known` was
  // read, and then no request was made and this slot is the page's (a start logged regardless was a phantom).
  if (!known && verdict.fetchedNow) {
    const started = verdict.requestStartedAt ?? Date.now();
    d.logger.debug({ host: item.host, url: `${origin}/robots.txt`, slot: claimedAt, lagMs: started - claimedAt }, 'request start');
  }
  if (verdict.crawlDelaySec !== undefined) d.noteCrawlDelay(item.host, verdict.crawlDelaySec * 1000);
  const sitemapLinks = d.links.robotsSitemaps(item, source, (o) => d.robots.sitemaps(o));
  if (!verdict.allowed && verdict.reason === BLOCKED_REASON) {
    return finish({ state: 'failed', outcome: 'blocked-address', error: 'private or loopback address refused' }, sitemapLinks);
  }
  if (!verdict.allowed && verdict.reason.startsWith('unreachable')) {
    return finish({ state: 'failed', outcome: 'robots-unreachable', error: verdict.reason, nextRevisitAt: failureRetryAt(item.attempts) }, sitemapLinks);
  }
  if (!verdict.allowed) return finish({ state: 'skipped', outcome: 'robots' }, sitemapLinks);
  if (!known && verdict.fetchedNow) return retry(Date.now(), RETRY_ROBOTS_FIRST, sitemapLinks);

  const validators = history(stored);
  const revisit = Boolean(validators?.fetchedBefore && validators.snapshotId);
  // render: browser — pages go straight to the browser (a revisit with validators asks over HTTP first, as the
  // embedded crawl does: a 304 spares the render); render: auto — an app shell seen over HTTP is rendered next time.
  const conditional = revisit && Boolean(validators?.etag || validators?.lastModified);
  const renderReason =
    d.browser && item.kind !== 'feed' && item.kind !== 'sitemap'
      ? (d.renderNext?.get(item.url) ?? (source.render === 'browser' && !conditional ? decideRender('browser').reason : undefined))
      : undefined;
  if (renderReason !== undefined) {
    await untilSlot();
    if (late()) return retry(Date.now(), RETRY_LATE_SLOT, sitemapLinks);
    d.renderNext?.delete(item.url);
    return renderClaim(d, item, source, privateAccess, verdict, validators, renderReason, sitemapLinks);
  }
  const headers: Record<string, string> = {};
  if (source.userAgent) headers['user-agent'] = source.userAgent;
  if (revisit && validators?.etag) headers['if-none-match'] = validators.etag;
  if (revisit && validators?.lastModified) headers['if-modified-since'] = validators.lastModified;
  await untilSlot();
  // From here to the fetch call no await: the request is handed to the fetcher in the step that found it in its slot.
  if (late()) return retry(Date.now(), RETRY_LATE_SLOT, sitemapLinks);
  let result: FetchResult;
  let refused: RedirectRefusal | null = null;
  d.logger.debug({ host: item.host, url: item.requestUrl, slot: claimedAt, lagMs: Date.now() - claimedAt }, 'request start');
  try {
    result = await d.fetcher.fetch(item.requestUrl, {
      privateAccess,
      headers,
      retries: 0,
      signal: d.runSignal,
      totalTimeoutMs: d.config.fetch.totalTimeoutMs,
      beforeRedirect: async (target) => {
        refused = await redirectRefusal(d, target, source, privateAccess);
        return refused?.reason;
      },
    });
  } catch (err) {
    if (err instanceof FetchError && err.kind === 'redirect-refused' && refused) return refusedRedirect(d, item, refused, sitemapLinks);
    return fetchFailed(d, item, err, sitemapLinks);
  }
  if (result.status === 304 && revisit) {
    return finish({ state: 'done', outcome: 'not-modified', status: 304, nextRevisitAt: nextRevisitAt(source, validators, true) }, sitemapLinks);
  }
  return routeFetched(d, item, source, result, validators, verdict, sitemapLinks);
}

/**
 * The render stage: the page in Chromium, then routed like an HTTP fetch. Its redirect hops get the HTTP path's
 * check (no taken-down target); sub-resources of the page's own origin obey robots.txt (renderOptionsFor).
 */
async function renderClaim(
  d: PageStageDeps,
  item: ClaimedItem,
  source: SourceConfig,
  privateAccess: PrivateAccess,
  verdict: RobotsVerdictLike,
  validators: UrlHistory | null,
  reason: string,
  links: QueueItem[],
): Promise<PageOutcome> {
  let rendered;
  d.logger.debug({ host: item.host, url: item.requestUrl, reason }, 'render start');
  try {
    rendered = await d.browser!.render(item.requestUrl, {
      ...renderOptionsFor(source, privateAccess, item.requestUrl, async (url) => (await d.robots.check(url, privateAccess)).allowed),
      signal: d.runSignal,
    });
  } catch (err) {
    if (d.runSignal.aborted) return retry(0, 'interrupted by stop', links);
    if (!(err instanceof BrowserError)) throw err;
    d.logger.warn({ url: item.url, kind: err.kind, err: err.message }, 'render failed');
    return finish({ state: 'failed', outcome: `browser-${err.kind}`, error: err.message, nextRevisitAt: failureRetryAt(item.attempts) }, links);
  }
  // Chromium followed the redirects itself; a hop the HTTP path would refuse means the page is not kept.
  for (const hop of rendered.document.redirects) {
    const refused = await redirectRefusal(d, hop.location, source, privateAccess);
    if (refused) return refusedRedirect(d, item, refused, links);
  }
  const page: BrowserPage = { rendered, render: renderRecord(reason, rendered) };
  return routeFetched(d, item, source, rendered.document, validators, verdict, links, page);
}

/** A fetched (or rendered) document: transient statuses, challenges, status, type, then the HTML stage. */
async function routeFetched(
  d: PageStageDeps,
  item: ClaimedItem,
  source: SourceConfig,
  result: FetchResult,
  validators: UrlHistory | null,
  verdict: RobotsVerdictLike,
  sitemapLinks: QueueItem[],
  page?: BrowserPage,
): Promise<PageOutcome> {
  const outcome = await routeDocument(d, item, source, result, validators, verdict, sitemapLinks, page);
  // A redirect followed: its final URL was handled under this URL's name, and is not fetched again under its own
  // (the embedded crawl's markAlias) — else a page linked both ways is fetched and stored twice.
  const finalKey = normalizeUrl(result.finalUrl);
  const target = finalKey !== null && finalKey !== item.url ? queueItem(result.finalUrl, item.source, item.depth, 'page', 0, item.url) : null;
  return target && outcome.kind !== 'lost' ? { ...outcome, handled: [target] } : outcome;
}

async function routeDocument(
  d: PageStageDeps,
  item: ClaimedItem,
  source: SourceConfig,
  result: FetchResult,
  validators: UrlHistory | null,
  verdict: RobotsVerdictLike,
  sitemapLinks: QueueItem[],
  page?: BrowserPage,
): Promise<PageOutcome> {
  if ((result.status >= 500 || result.status === 429) && item.attempts <= d.config.fetch.retries) {
    return retry(transientRetryAt(item.attempts), `http-${result.status}`, sitemapLinks);
  }
  const challenge = detectChallenge(result);
  if (challenge) {
    return finish({ state: 'failed', outcome: 'blocked', status: result.status, error: `challenge page (${challenge})`, nextRevisitAt: failureRetryAt(item.attempts) }, sitemapLinks);
  }
  if (result.status < 200 || result.status >= 300) {
    const gone = result.status === 404 || result.status === 410;
    return finish({ state: 'failed', outcome: `http-${result.status}`, status: result.status, nextRevisitAt: gone ? null : failureRetryAt(item.attempts) }, sitemapLinks);
  }
  const contentType = result.headers['content-type'];
  if (!page && (item.kind === 'feed' || item.kind === 'sitemap' || looksLikeFeed(contentType))) {
    const feed = await d.links.feedLinks(item, result, source);
    return { kind: 'finish', result: { state: 'done', outcome: 'discovery', status: result.status }, links: [...sitemapLinks, ...feed.links], signals: feed.signals };
  }
  if (!isHtml(contentType)) return finish({ state: 'done', outcome: 'not-html', status: result.status }, sitemapLinks);
  let render: { mode: 'http' | 'browser'; reason?: string } = page?.render ?? { mode: 'http' };
  let decodedText: string | undefined;
  if (!page && source.render === 'auto' && d.browser && d.renderNext) {
    decodedText = decodeHtml(result.body, contentType).text;
    const decision = decideRender('auto', decodedText);
    if (decision.mode === 'browser') {
      d.renderNext.set(item.url, decision.reason);
      return retry(Date.now(), RETRY_RENDER_NEXT, sitemapLinks);
    }
    render = decision;
  }
  return handleHtml(d, item, source, result, validators, verdict, sitemapLinks, { page, render, decodedText });
}

function refusedRedirect(d: PageStageDeps, item: ClaimedItem, refused: RedirectRefusal, links: QueueItem[]): PageOutcome {
  d.logger.info({ url: item.url, target: refused.target, reason: refused.reason }, 'redirect not followed');
  return finish({ state: 'skipped', outcome: `redirect-${refused.reason}` }, links);
}

function fetchFailed(d: PageStageDeps, item: ClaimedItem, err: unknown, links: QueueItem[]): PageOutcome {
  if (d.runSignal.aborted) return retry(0, 'interrupted by stop', links);
  if (!(err instanceof FetchError)) throw err;
  if (err.kind === 'retry-later' && item.attempts < MAX_ATTEMPTS) {
    const now = Date.now();
    const asked = err.retryAt?.getTime();
    return retry(Number.isFinite(asked) ? Math.min(Math.max(asked!, now), now + d.config.fetch.maxRescheduleMs) : now + 60_000, err.message, links);
  }
  if ((err.kind === 'network' || err.kind === 'timeout') && item.attempts <= d.config.fetch.retries) {
    return retry(transientRetryAt(item.attempts), err.message, links);
  }
  const permanent = err.kind === 'blocked-address' || err.kind === 'invalid-url' || err.kind === 'redirect-loop' || err.kind === 'too-many-redirects';
  d.logger.warn({ url: item.url, kind: err.kind, err: err.message }, 'fetch failed');
  return finish({ state: 'failed', outcome: err.kind, error: err.message, nextRevisitAt: permanent ? null : failureRetryAt(item.attempts) }, links);
}

async function handleHtml(
  d: PageStageDeps,
  item: ClaimedItem,
  source: SourceConfig,
  result: FetchResult,
  validators: UrlHistory | null,
  verdict: RobotsVerdictLike,
  links: QueueItem[],
  how: { page?: BrowserPage; render: { mode: 'http' | 'browser'; reason?: string }; decodedText?: string },
): Promise<PageOutcome> {
  const scope = d.scopes.get(source.name);
  const finalUrl = normalizeUrl(result.finalUrl) ?? result.finalUrl;
  const byPattern = scope?.isArticleUrl(finalUrl) ?? scope?.isArticleUrl(item.url) ?? null;
  // Off this thread when the crawl runs extraction threads (the embedded crawl's ExtractPool). A render's DOM is what
  // readers saw (extracted from); the document bytes stay the archived original.
  const task = {
    fetch: result,
    html: how.page ? how.page.rendered.html : how.decodedText,
    options: { url: result.finalUrl, timezone: source.timezone, overrides: source.extract, now: result.fetchedAt },
    prepare: !how.page && byPattern !== false,
  };
  let extracted;
  try {
    extracted = d.extractor ? await d.extractor.run(task) : runExtractTask(task);
  } catch (err) {
    if (!(err instanceof ExtractCrashError)) throw err;
    // The thread died under this page (out of memory on a hostile page): the page fails, the crawl goes on.
    d.logger.error({ url: item.url, err: err.message }, 'extraction failed: worker crashed');
    return finish({ state: 'failed', outcome: 'extract-crash', error: err.message, nextRevisitAt: failureRetryAt(item.attempts) }, links);
  }
  const { article } = extracted;
  // What the page says about its URL's query parameters, before its links are read (they drop learned ones). A page
  // whose links are not read records it with the lease check before its commit (one round trip for both), or last.
  let noted: Promise<void> | null = null;
  const note = () => (noted ??= d.links.notePage(item, result, article, extracted.prepared?.contentHash));
  const readsLinks = item.depth < source.maxDepth && scope !== undefined;
  if (readsLinks) await note();
  const found = readsLinks ? await d.links.pageLinks(item, article.outlinks, source) : [];
  const all = [...links, ...found];
  // A seed whose redirect kept it the same entry point (scheme, www., trailing slash), or landed on another seed, is
  // judged as a seed, as in the embedded crawl.
  const asSeed = item.kind === 'seed' && (sameEntryPoint(item.url, finalUrl) || isSeed(d, finalUrl));
  const isArticle = byPattern ?? (!asSeed && article.classification?.isArticle === true);
  // Without an articlePattern the page's own evidence decided: counted in the run's report, as embedded.
  const c = article.classification;
  const report: PageReport = byPattern === null && c ? { classified: { kind: c.kind, score: c.score, reasons: c.reasons } } : {};
  if (!isArticle) {
    await note();
    const next =
      item.kind !== 'page' ? null : item.depth <= 1 && source.revisit[0] !== undefined ? Date.now() + source.revisit[0] : nextRevisitAt(source, validators, Boolean(validators?.fetchedBefore));
    return { kind: 'finish', result: { state: 'done', outcome: 'index', status: result.status, nextRevisitAt: next }, links: all, report };
  }
  const excluded = (url: string) => excludedAnywhere(d, url);
  // The images the article shows, fetched as the embedded crawl fetches them (requisites.ts): the snapshot archives
  // them in its WARC and records each in snapshot.json, whichever way the article was crawled.
  const requisites = await workerPageRequisites(d, item, source, privateAccessFor(source, d.allowPrivate), result, article, extracted.prepared, excluded);
  let outcome;
  try {
    outcome = await writeSharedSnapshot(
      {
        blobs: d.blobs,
        snapshots: d.index.snapshots,
        search: d.index.search,
        isExcluded: excluded,
        stillHeld: async () => (await Promise.all([d.frontier.renew(d.worker, [item.url], Date.now() + d.leaseMs), note()]))[0].includes(item.url),
      },
      { fetch: result, article, decoded: extracted.decoded, source: source.name, userAgent: source.userAgent ?? d.config.userAgent, robots: verdict, defaultCategory: source.category, render: how.render, ...withRequisites(how.page ? browserPageInput(how.page) : {}, requisites) },
      extracted.prepared,
    );
  } catch (err) {
    if (!(err instanceof ExcludedUrlError)) throw err;
    d.logger.info({ url: item.url, err: err.message }, 'not stored: excluded by a takedown');
    return finish({ state: 'skipped', outcome: 'excluded' }, all);
  } finally {
    // Recorded whatever the write did (an unchanged page returns before its lease check).
    await note();
  }
  if (outcome.status === 'lease-lost') return { kind: 'lost' };
  const status = outcome.status === 'lost-race' ? 'unchanged' : outcome.status;
  d.recordHealth?.(source.name, article, status);
  report.article = {
    source: source.name, status, snapshotId: outcome.id, filled: filledFields(article), title: article.title ?? null,
    ...(outcome.status === 'unchanged' || outcome.status === 'lost-race' ? { matched: { fetchedAt: outcome.fetchedAt, previousId: outcome.previousId } } : {}),
  };
  const revisited = Boolean(validators?.fetchedBefore && validators.snapshotId);
  d.logger[status === 'unchanged' ? 'debug' : 'info']({ id: outcome.id, url: item.url, version: status }, 'snapshot');
  const done: FinishedFetch = {
    state: 'done',
    outcome: `snapshot-${status}`,
    status: result.status,
    snapshotId: outcome.id,
    etag: result.headers.etag,
    lastModified: result.headers['last-modified'],
    nextRevisitAt: item.kind === 'page' ? nextRevisitAt(source, validators, revisited) : null,
  };
  // Fetched through a variant of an article known under another URL (its canonical URL): as in the embedded crawl
  // (finishAsAlias), the variant is never revisited under its name, and the article's own URL takes the fetch — not
  // fetched again this run, and it carries the revisits.
  const target = outcome.key !== item.url && item.kind === 'page' ? queueItem(outcome.key, source.name, item.depth, 'page', 0, item.url) : null;
  if (target) {
    d.tally?.('aliasOfCanonical');
    return { kind: 'finish', result: { ...done, nextRevisitAt: null }, links: all, adopt: { item: target, fetch: { ...done, outcome: `${done.outcome}:via-alias` } }, report };
  }
  return { kind: 'finish', result: done, links: all, report };
}
