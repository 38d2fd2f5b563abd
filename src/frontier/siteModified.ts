import { runTransaction, type StoreDatabase } from '../storage/index.js';
import type { siteModifiedStatements } from '../storage/sqlite/frontier-queries.js';
import type { UrlKind, UrlState } from './entry.js';
import { normalizeUrl } from './normalize.js';
import { siteSignalDecision } from './siteSignal.js';

/**
 * Records the site's own change signals (sitemap lastmod, feed updated) for URLs of `source`. Each is
 * compared, by `isNewer`, with the signal the site gave before for that URL, else the Last-Modified of its
 * latest fetch — never with our clock. A newer one puts a page fetched by an earlier run (done, or failed
 * with a retry left) back in the queue now, whatever its revisit schedule; the refetch is conditional as
 * usual. The newest value seen is stored. Returns the URLs requeued.
 */
export function noteSiteModifiedRows(
  db: StoreDatabase,
  stmt: ReturnType<typeof siteModifiedStatements>,
  runId: string,
  items: { url: string; modified: string }[],
  source: string,
  isNewer: (previous: string, next: string) => boolean,
): string[] {
  const { read, store, requeue } = stmt;
  const requeued: string[] = [];
  runTransaction(db, () => {
    for (const item of items) {
      const url = normalizeUrl(item.url);
      if (!url) continue;
      const row = read.get(url) as
        | { url: string; source: string; kind: UrlKind; state: UrlState; site_modified: string | null; last_modified: string | null; fetched_at: number | null; next_revisit_at: number | null; run_id: string | null }
        | undefined;
      if (!row) continue;
      const decided = siteSignalDecision(
        { state: row.state, source: row.source, kind: row.kind, siteModified: row.site_modified, lastModified: row.last_modified, fetchedAt: row.fetched_at, nextRevisitAt: row.next_revisit_at },
        item.modified,
        source,
        // Handled by an earlier run: a page this run fetched is fresh.
        row.run_id !== runId,
        isNewer,
      );
      if (decided.store) store.run({ url, modified: item.modified });
      if (decided.requeue && requeue.run({ url }).changes > 0) requeued.push(url);
    }
  }, 'immediate');
  return requeued;
}
