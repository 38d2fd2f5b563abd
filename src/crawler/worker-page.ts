import type { SourceConfig } from '../config/index.js';
import { BrowserError, decideRender, decodeHtml, type FetchResult, type PrivateAccess } from '../fetch/index.js';
import { normalizeUrl, type UrlHistory } from '../frontier/index.js';
import type { ClaimedItem, QueueItem, UrlValidators } from '../storage/interfaces.js';
import { FetchError } from '../util/errors.js';
import { renderOptionsFor, renderRecord, type BrowserPage } from './browserPage.js';
import { detectChallenge } from './health.js';
import { privateAccessFor } from './privateScope.js';
import { excludedAnywhere, redirectRefusal, type RedirectRefusal } from './worker-guards.js';
import { MAX_ATTEMPTS, nextRevisitAt } from './revisitPolicy.js';
import { queueItem } from './worker-links.js';
import { BLOCKED_REASON } from './worker-robots.js';
import { handleHtml } from './worker-html.js';
import {
  failureRetryAt,
  finish,
  retry,
  transientRetryAt,
  RETRY_LATE_SLOT,
  RETRY_RENDER_NEXT,
  RETRY_ROBOTS_FIRST,
  type PageOutcome,
  type PageStageDeps,
  type RobotsVerdictLike,
} from './worker-stage.js';

export { RETRY_LATE_SLOT, RETRY_RENDER_NEXT, RETRY_ROBOTS_FIRST, type PageOutcome, type PageStageDeps } from './worker-stage.js';

const isHtml = (ct: string | undefined) => !ct || /html|xml\+xhtml/i.test(ct);
const looksLikeFeed = (ct: string | undefined) => !!ct && /(xml|rss|atom|json)/i.test(ct) && !/html/i.test(ct);
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
