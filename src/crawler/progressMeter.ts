import type { Frontier } from '../frontier/index.js';
import type { ClaimBooks } from './claimBooks.js';
import type { CrawlOptions } from './crawlOptions.js';
import { failedTotal, type RunSummary } from './summary.js';

/**
 * The embedded run's progress reports to its caller's onProgress (crawler.ts calls the meter as pages finish, and
 * once at the end with `final`). `survivable` says whether a store error counting the queue may be shrugged off.
 */
export function progressMeter(
  options: Pick<CrawlOptions, 'onProgress'>,
  frontier: Frontier,
  books: ClaimBooks,
  summary: RunSummary,
  survivable: (err: unknown) => boolean,
  inFlight: () => number,
  t0: number,
): (final?: boolean) => void {
  let lastQueued = 0;
  let countedAt = -Infinity;
  return (final = false) => {
    if (!options.onProgress) return;
    // Counting the queue is a query over the frontier: at most a few times a second, not once per page.
    const now = Date.now();
    try {
      if (final || now - countedAt >= 250) {
        lastQueued = frontier.queuedCount(books.exhausted, books.exhaustedHosts);
        countedAt = now;
      }
    } catch (err) {
      if (!survivable(err)) throw err; // a busy store shows the last count
    }
    options.onProgress({
      done: summary.fetched,
      queued: lastQueued,
      failed: failedTotal(summary),
      inFlight: inFlight(),
      pagesPerSecond: summary.fetched / Math.max(0.001, (Date.now() - t0) / 1000),
    });
  };
}
