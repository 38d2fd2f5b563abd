import type { SourceConfig } from '../config/index.js';
import type { Article } from '../extract/index.js';
import type { FetchResult, PrivateAccess } from '../fetch/index.js';
import { hostKey } from '../frontier/normalize.js';
import type { PreparedWrite } from '../snapshot/writer.js';
import { wouldBeUnchangedShared } from '../snapshot/shared-writer.js';
import type { ClaimedItem } from '../storage/interfaces.js';
import { fetchPageRequisites, type PageRequisites } from './requisites.js';
import type { PageStageDeps } from './worker-stage.js';
import type { SharedRobotsVerdict } from './worker-robots.js';

/** Booked starts given up for being late before a requisite request goes anyway (see paceRequest). */
const MAX_REBOOKS = 10;
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * A request to `host` outside any claim (an image, the image host's robots.txt): waits for a start booked on the
 * host's shared pacing (FrontierStore.bookStart), so every worker's requests to the host stay a delay apart, as the
 * embedded crawl's waitForHost keeps its own. Started later than the source's slack after the booked time (a stalled
 * event loop), the start is booked again rather than crowding the next one, as a late claim is given back. Returns
 * the booked time (for the 'request start' log line), or null when the host has no delay to keep.
 */
export async function paceRequest(d: PageStageDeps, host: string, source: SourceConfig, crawlDelaySec?: number): Promise<number | null> {
  if (crawlDelaySec !== undefined) d.noteCrawlDelay(host, crawlDelaySec * 1000);
  const delay = d.delayFor(host, source);
  if (delay === 0) return null;
  const slack = d.startSlackMs(source);
  let at = 0;
  for (let booking = 0; booking <= MAX_REBOOKS; booking++) {
    at = await d.frontier.bookStart(host, Date.now(), delay);
    const early = at - Date.now();
    if (early > 0) await sleep(early);
    if (slack === null || Date.now() - at <= slack) return at;
  }
  d.logger.warn({ host, slot: at }, 'requisite request started late for its slot, after rebooking');
  return at;
}

/**
 * robots.txt of an origin a request outside any claim is about to reach (an image host, a redirect target): from the
 * caches, or fetched in a start booked on the host's pacing — rebooked when the cache look-up before the request
 * outlasted the slack. `logStart` hears of the request that went out, with its booked and actual start.
 */
export async function pacedRobotsCheck(
  d: PageStageDeps,
  url: string,
  source: SourceConfig,
  privateAccess: PrivateAccess,
  logStart?: (host: string, slot: number | null, startedAt: number) => void,
): Promise<SharedRobotsVerdict> {
  if (await d.robots.known(new URL(url).origin)) return d.robots.check(url, privateAccess);
  const host = hostKey(url);
  const slack = d.startSlackMs(source);
  for (let booking = 0; ; booking++) {
    const slot = await paceRequest(d, host, source);
    const startBy = slot !== null && slack !== null && booking < MAX_REBOOKS ? slot + slack : undefined;
    const verdict = await d.robots.check(url, privateAccess, startBy === undefined ? {} : { startBy });
    if (verdict.late) continue;
    if (verdict.fetchedNow) logStart?.(host, slot, verdict.requestStartedAt ?? Date.now());
    return verdict;
  }
}

/**
 * The page requisites of an article a worker is about to store: the embedded crawl's steps and caps
 * (requisites.ts) over the shared stores — takedowns from the frontier and the durable list, robots.txt from the
 * shared cache, each request paced on the host's shared slots, the unchanged check against the shared index.
 */
export async function workerPageRequisites(
  d: PageStageDeps,
  item: ClaimedItem,
  source: SourceConfig,
  privateAccess: PrivateAccess,
  page: FetchResult,
  article: Article,
  prepared: PreparedWrite | undefined,
  excluded: (url: string) => Promise<boolean>,
): Promise<PageRequisites | null> {
  const logStart = (host: string, url: string | undefined, slot: number | null, startedAt = Date.now()) =>
    d.logger.debug({ host, ...(url ? { url } : {}), slot: slot ?? startedAt, lagMs: slot === null ? 0 : startedAt - slot, requisiteOf: item.url }, 'request start');
  return fetchPageRequisites(
    {
      config: d.config,
      fetcher: d.fetcher,
      logger: d.logger,
      runSignal: d.runSignal,
      source,
      privateAccess,
      isExcluded: excluded,
      // Not known yet: reading it is a request to the host, paced like any other.
      robots: (url) => pacedRobotsCheck(d, url, source, privateAccess, (host, slot, startedAt) => logStart(host, `${new URL(url).origin}/robots.txt`, slot, startedAt)),
      wouldBeUnchanged: (fetch, art) => wouldBeUnchangedShared({ snapshots: d.index.snapshots }, { fetch, article: art }, prepared),
      tally: (key) => d.tally?.(key),
      // The slack is judged again where the image request is issued (fetchImage calls this check right before it).
      waitForHost: async (host, crawlDelaySec) => {
        const slot = await paceRequest(d, host, source, crawlDelaySec);
        const slack = d.startSlackMs(source);
        // Late already: paceRequest used up its rebookings (and warned). Booking more slots would only move the
        // host's next start for every worker; this request goes now.
        const gaveUp = slot !== null && slack !== null && Date.now() - slot > slack;
        return (anyway) => {
          const now = Date.now();
          if (!anyway && !gaveUp && slot !== null && slack !== null && now - slot > slack) return false;
          logStart(host, undefined, slot, now);
          return true;
        };
      },
      // Each attempt is a request start of its own: no retry inside the fetcher, outside the host's pacing.
      retries: 0,
    },
    page,
    article,
  );
}
