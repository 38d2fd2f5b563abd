import type { SourceConfig } from '../config/index.js';
import { sweepOrphanSnapshots } from '../snapshot/shared-sweep.js';
import { FsBlobStore } from '../storage/fs/blob-store.js';
import type { BlobStore, FrontierStore, IndexStores, QueueItem, WorkerId } from '../storage/interfaces.js';
import type { Logger } from '../util/logger.js';
import { INDEX_PRIORITY } from './discovery.js';
import { queueItem } from './worker-links.js';
import { writeSharedReport, type SharedRunSummary } from './shared-report.js';

/** How long a seeder may take before another worker may seed in its place (the marker's lease). */
const SEED_MARKER_TTL_MS = 30_000;

/** The entry points of the sources, as the embedded crawler seeds them: seeds, feeds and sitemaps, first in line. */
export function seedItems(sources: readonly SourceConfig[]): QueueItem[] {
  const out: QueueItem[] = [];
  for (const s of sources) {
    for (const [urls, kind] of [[s.seeds, 'seed'], [s.feeds, 'feed'], [s.sitemaps, 'sitemap']] as const) {
      for (const url of urls) {
        const q = queueItem(url, s.name, 0, kind, INDEX_PRIORITY, null);
        if (q) out.push(q);
      }
    }
  }
  return out;
}

/**
 * Seeds the run once, whichever worker gets there first: `claimOnce('seed:<runId>')` picks the seeder, which adds
 * the entry points (and puts known ones back in the queue: index pages are fetched every run) and the known pages
 * whose revisit is due (FrontierStore.requeueDue), then marks the run
 * seeded. The others wait for that mark before they judge the queue empty; if the seeder dies first, its marker
 * expires and the next worker seeds instead. Returns whether this worker seeded.
 */
export async function seedOnce(
  frontier: FrontierStore,
  runId: string,
  worker: WorkerId,
  sources: readonly SourceConfig[],
  log: Logger,
  stopping: () => boolean,
): Promise<boolean> {
  const seededKey = `run:${runId}:seeded`;
  for (;;) {
    if ((await frontier.counter(seededKey)) > 0) return false;
    if (await frontier.claimOnce(`seed:${runId}`, worker, SEED_MARKER_TTL_MS)) {
      const items = seedItems(sources);
      const added = await frontier.addMany(items);
      const now = Date.now();
      let requeued = 0;
      for (const item of items) if (await frontier.requeue(item.url, now)) requeued++;
      // Known articles due for a revisit (source `revisit`), and failed URLs due for their retry, as the embedded
      // crawl requeues them at the start of every run.
      const due = await frontier.requeueDue(now, sources.map((s) => s.name));
      await frontier.incrementCounter(seededKey);
      log.info({ runId, added, requeued, due }, 'seeded the run');
      return true;
    }
    if (stopping()) return false;
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * How long the worker that claimed a run's report has to write it: past this, a worker that joins the still-running
 * run (the writer died) finds the crawl over and writes it instead.
 */
const REPORT_CLAIM_MS = 2 * 60_000;

/**
 * The crawl is over for everyone (queue empty, no live lease). One worker — the one whose claim of the run's report
 * wins, however many see the end at once — writes the run's report and ends the run with it (shared-report.ts). And
 * by one worker only, snapshot files no index row points at are removed: a worker killed between writing a
 * snapshot's files and its insert left them. Only files older than two leases are judged, so no writer still
 * holding a lease can lose its files. Returns how many folders this worker removed and the report it wrote, if any.
 */
export async function endRun(
  stores: { frontier: FrontierStore; index: IndexStores; blobs: BlobStore },
  runId: string,
  worker: WorkerId,
  leaseMs: number,
  sources: SourceConfig[],
  log: Logger,
): Promise<{ removed: number; report: SharedRunSummary | null }> {
  const { frontier, index, blobs } = stores;
  const report = (await frontier.claimOnce(`report:${runId}`, worker, REPORT_CLAIM_MS)) ? await writeSharedReport(stores, runId, sources, log) : null;
  if (!(await frontier.claimOnce(`sweep:${runId}`, worker, 10 * 60_000))) return { removed: 0, report };
  const cutoff = Date.now() - 2 * leaseMs;
  const swept = await sweepOrphanSnapshots(blobs, index.snapshots, cutoff);
  if (blobs instanceof FsBlobStore) await blobs.removeStaleTemp(cutoff);
  if (swept.removed.length > 0) log.warn({ removed: swept.removed.length, dirs: swept.removed.slice(0, 20) }, 'removed snapshot files never committed (a worker died writing them)');
  return { removed: swept.removed.length, report };
}
