/** What a worker checks before it follows a URL: takedowns, robots.txt on redirect hops, whether a URL is an entry point. */
import type { SourceConfig } from '../config/index.js';
import type { PrivateAccess } from '../fetch/index.js';
import { normalizeUrl } from '../frontier/index.js';
import type { PageStageDeps } from './worker-stage.js';
import { pacedRobotsCheck } from './worker-requisites.js';
import { BLOCKED_REASON } from './worker-robots.js';

/** Why a redirect hop was not followed, and where it led. */
export interface RedirectRefusal {
  reason: 'robots' | 'excluded';
  target: string;
}

/** Whether `url` is an entry point (seed) of one of the crawl's sources. */
export function isSeed(d: Pick<PageStageDeps, 'sources'>, url: string): boolean {
  for (const s of d.sources.values()) if (s.seeds.some((seed) => normalizeUrl(seed) === url)) return true;
  return false;
}

/** Whether a taken-down rule covers the URL: the frontier's copy (fresh within seconds) or the durable list. */
export async function excludedAnywhere(d: Pick<PageStageDeps, 'frontier' | 'index'>, url: string): Promise<boolean> {
  const [a, b] = await Promise.all([d.frontier.isExcluded(url), d.index.exclusions.isExcluded(url)]);
  return a || b;
}

/**
 * Whether a redirect hop may be followed, as the embedded crawl decides (pageProcessor.ts): never into a taken-down
 * URL, nor one robots.txt disallows. A target on an origin whose robots.txt is not known yet costs a request to it,
 * paced on that host like any other. A private target the source may not reach is left to the fetcher's guard.
 */
export async function redirectRefusal(
  d: PageStageDeps,
  target: string,
  source: SourceConfig,
  privateAccess: PrivateAccess,
): Promise<RedirectRefusal | null> {
  const url = normalizeUrl(target);
  if (!url) return null;
  if (await excludedAnywhere(d, url)) return { reason: 'excluded', target: url };
  const verdict = await pacedRobotsCheck(d, target, source, privateAccess, (host, slot, startedAt) =>
    d.logger.debug({ host, url: `${new URL(target).origin}/robots.txt`, slot: slot ?? startedAt, lagMs: slot === null ? 0 : startedAt - slot }, 'request start'),
  );
  if (!verdict.allowed && verdict.reason !== BLOCKED_REASON) return { reason: 'robots', target: url };
  return null;
}

