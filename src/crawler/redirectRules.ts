import type { PrivateAccess } from '../fetch/index.js';
import { RobotsCache } from '../fetch/index.js';
import { isExcluded, normalizeUrl, type Frontier, type FrontierEntry } from '../frontier/index.js';
import type { StoreDatabase } from '../storage/index.js';
import type { Logger } from '../util/logger.js';
import { sameEntryPoint } from './entryPoint.js';
import { finishWith, type PageOutcome } from './pageOutcome.js';
import type { RunSummary } from './summary.js';

/** Which redirects a page's fetch follows, and what a refused one makes of the page. */
export interface RedirectDeps {
  db: StoreDatabase;
  frontier: Frontier;
  robots: RobotsCache;
  summary: RunSummary;
  logger: Logger;
}

/** A redirect hop not followed, and why. */
export interface RedirectRefusal {
  reason: 'robots' | 'excluded' | 'known';
  target: string;
}

/** Whether a seed's fetch landed on another page: not the same entry point (sameEntryPoint), nor another seed. */
export function redirectedElsewhere(seedUrl: string, finalUrl: string, frontier: Frontier): boolean {
  return !sameEntryPoint(seedUrl, finalUrl) && frontier.get(finalUrl)?.kind !== 'seed';
}

/**
 * Whether a redirect hop may be followed: never into robots-disallowed or excluded URLs, and not into
 * a URL this run already has (it is fetched, or will be, under its own name). An entry point (seed,
 * feed, sitemap) follows its redirect into a URL that is merely queued — that row may be another
 * source's, or beyond this source's depth — and keeps what it lands on; only a target this run has
 * already handled, or has in flight, is refused.
 */
export async function redirectRefusal(d: RedirectDeps, target: string, privateAccess: PrivateAccess, from: FrontierEntry): Promise<RedirectRefusal | null> {
  const url = normalizeUrl(target);
  if (!url) return null;
  if (isExcluded(d.db, url)) return { reason: 'excluded', target: url };
  const known = d.frontier.get(url);
  const handledThisRun = known !== null && known.runId === d.frontier.runId && known.state !== 'failed' && known.state !== 'queued';
  if (known && (handledThisRun || (known.state === 'queued' && from.kind === 'page'))) {
    return { reason: 'known', target: url };
  }
  const verdict = await d.robots.check(target, { privateAccess }); // as the server sent it, not the key
  // A private target the source may not reach is no robots rule: the hop goes to the fetcher's guard,
  // which refuses it (before any connection) as blocked-address.
  if (!verdict.allowed && !RobotsCache.isBlockedAddress(verdict)) return { reason: 'robots', target: url };
  return null;
}

/** A page whose redirect was refused: counted, logged, and finished (done when the target is this run's anyway). */
export function refusedRedirect(d: Pick<RedirectDeps, 'summary' | 'logger'>, entry: FrontierEntry, refusal: RedirectRefusal): PageOutcome {
  const { summary, logger: log } = d;
  if (refusal.reason === 'robots') summary.skipped.robots++;
  if (refusal.reason === 'excluded') summary.skipped.excluded++;
  if (refusal.reason === 'known') summary.discoveryOnly++;
  log.info({ url: entry.url, target: refusal.target, reason: refusal.reason }, 'redirect not followed');
  return finishWith({ state: refusal.reason === 'known' ? 'done' : 'skipped', outcome: `redirect-${refusal.reason}:${refusal.target}` });
}
