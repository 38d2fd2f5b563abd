import { siteSignalDecision } from '../frontier/siteSignal.js';
import type { FrontierStore } from '../storage/interfaces.js';
import { siteChangedSince } from './revisitPolicy.js';
import type { SiteSignal } from './worker-links.js';

/**
 * A feed's or sitemap's change signals in a shared crawl, decided as the embedded frontier's noteSiteModified decides
 * them (src/frontier/siteSignal.ts): the newest value per URL is kept in the frontier store, and a page of `source`
 * fetched before this run began whose signal is newer than the site gave before is due now. Returns the URLs requeued.
 */
export async function noteSiteSignals(frontier: FrontierStore, signals: readonly SiteSignal[], source: string, runStartedAt: number): Promise<string[]> {
  if (signals.length === 0) return [];
  const rows = await frontier.siteSignals(signals.map((s) => s.url));
  const newest: SiteSignal[] = [];
  const requeued: string[] = [];
  for (const [i, signal] of signals.entries()) {
    const row = rows[i];
    if (!row) continue;
    const handledEarlier = row.fetchedAt !== null && row.fetchedAt < runStartedAt;
    const decided = siteSignalDecision(row, signal.modified, source, handledEarlier, siteChangedSince);
    if (decided.store) newest.push(signal);
    if (decided.requeue && (await frontier.requeue(signal.url, Date.now()))) requeued.push(signal.url);
  }
  await frontier.setSiteModified(newest);
  return requeued;
}
