/**
 * The report of a shared crawl's run, as the embedded crawl writes it (`runs/<run-id>.json` and the run's row):
 * built once the crawl is over from the run's tally (worker-report.ts), which holds every worker's share including
 * a killed one's, then checked for extraction drift against the earlier completed runs of the same index.
 */
import type { SourceConfig } from '../config/index.js';
import type { PageKind } from '../extract/index.js';
import type { BlobStore, FrontierStore, IndexStores, QueueCounts } from '../storage/interfaces.js';
import type { Logger } from '../util/logger.js';
import { detectDriftAgainst, healthOf, type StoredArticleFill } from './health.js';
import { emptySummary, failedTotal, type ClassifiedExample, type RunSummary } from './summary.js';
import { fillOfMask, runTallyKey, type ArticleRecord } from './worker-report.js';

/** A shared run's report: the embedded run's fields, and what only a shared run has. */
export interface SharedRunSummary extends RunSummary {
  shared: {
    /** Workers that finished at least one page of the run. */
    workers: number;
    /** Finished pages by `<state>:<outcome>`, as each worker's summary line gives its share. */
    outcomes: Record<string, number>;
    /** Pages given back to the queue (transient failures, slots started late, robots.txt first). */
    retried: number;
    /** The shared queue when the report was made. */
    queue: QueueCounts;
  };
}

/** Past runs whose summaries make the drift baseline (the embedded crawl reads up to 200 too). */
const HISTORY_RUNS = 200;
const EXAMPLES_PER_KIND = 5;
const BLOCKED_EXAMPLES = 5;

/** Where a finished outcome goes among the embedded report's counters (the rest are only in `shared.outcomes`). */
function countOutcome(s: RunSummary, state: string, outcome: string, n: number): void {
  if (state === 'failed') {
    s.failed[outcome] = (s.failed[outcome] ?? 0) + n;
    return;
  }
  if (outcome === 'robots' || outcome === 'redirect-robots') s.skipped.robots += n;
  else if (outcome === 'excluded' || outcome === 'redirect-excluded') s.skipped.excluded += n;
  else if (outcome === 'not-html') s.skipped.notHtml += n;
  else if (outcome === 'index' || outcome === 'discovery' || outcome === 'redirect-known') s.discoveryOnly += n;
  // A 304 is an article seen again, as the embedded crawl counts it.
  else if (outcome === 'not-modified') s.snapshots.unchanged += n;
}

/** The run's summary from its tally (fields: worker-report.ts). */
export function summaryFromTally(tally: ReadonlyMap<string, string>, run: { runId: string; startedAt: string; sources: string[]; queue: QueueCounts }): SharedRunSummary {
  const s = emptySummary(run.runId, false, run.sources);
  s.startedAt = run.startedAt;
  const shared: SharedRunSummary['shared'] = { workers: 0, outcomes: {}, retried: 0, queue: run.queue };
  const articles: StoredArticleFill[] = [];
  const fetchedBySource = new Map<string, number>();
  const examples: [PageKind, string, ClassifiedExample][] = [];
  const blocked: [string, { status: number; marker: string }][] = [];
  for (const [field, value] of tally) {
    const colon = field.indexOf(':');
    const kind = colon < 0 ? field : field.slice(0, colon);
    const rest = colon < 0 ? '' : field.slice(colon + 1);
    const n = Number(value);
    switch (kind) {
      case 'fetched':
        s.fetched = n;
        break;
      case 'retried':
        shared.retried = n;
        break;
      case 'out': {
        const at = rest.indexOf(':');
        const state = rest.slice(0, at);
        const outcome = rest.slice(at + 1);
        shared.outcomes[rest] = n;
        countOutcome(s, state, outcome, n);
        break;
      }
      case 'hosterr':
        s.perHostErrors[rest] = n;
        break;
      case 'limit':
      case 'limitset':
        s.limitsHit[rest] = n;
        break;
      case 'cls':
        s.classified[rest as PageKind] = n;
        break;
      case 'clsex': {
        const at = rest.indexOf(':');
        examples.push([rest.slice(0, at) as PageKind, rest.slice(at + 1), JSON.parse(value) as ClassifiedExample]);
        break;
      }
      case 'blocked':
        blocked.push([rest, JSON.parse(value) as { status: number; marker: string }]);
        break;
      case 'srcfetched':
        fetchedBySource.set(rest, n);
        break;
      case 'article': {
        const [source, status, mask, title] = JSON.parse(value) as ArticleRecord;
        s.snapshots[status]++;
        articles.push({ source, filled: fillOfMask(mask), title });
        break;
      }
      case 'worker':
        shared.workers++;
        break;
    }
  }
  // Links the workers refused for their source's scope are the embedded report's skipped.outOfScope.
  if (s.limitsHit.outOfScope !== undefined) {
    s.skipped.outOfScope = s.limitsHit.outOfScope;
    delete s.limitsHit.outOfScope;
  }
  s.perSource = healthOf(articles, fetchedBySource);
  // Article pages that reached the store without storing anything this run: seen again, unchanged.
  for (const h of Object.values(s.perSource)) s.snapshots.unchanged += h.fetched - h.stored;
  // The examples of the embedded report are the first few; here the first by URL (the tally keeps no order).
  examples.sort((a, b) => (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
  for (const [kind, url, e] of examples) {
    const list = (s.classifiedExamples[kind] ??= []);
    if (list.length < EXAMPLES_PER_KIND) list.push({ url, score: e.score, reasons: e.reasons });
  }
  blocked.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  s.blockedExamples = blocked.slice(0, BLOCKED_EXAMPLES).map(([url, b]) => ({ url, status: b.status, marker: b.marker }));
  s.queuedLeft = run.queue.queued;
  return { ...s, shared };
}

/**
 * Builds the run's report, checks it for drift, writes `runs/<run-id>.json` under the store and ends the run with it;
 * then the tally goes. The caller holds the run's report claim (one worker per run). The file comes before the run's
 * end: a worker killed between them leaves the run running, and the next worker to join it finds the crawl over and,
 * once the claim expired, writes the report again from the same tally.
 */
export async function writeSharedReport(
  stores: { frontier: FrontierStore; index: IndexStores; blobs: BlobStore },
  runId: string,
  sources: SourceConfig[],
  log: Logger,
): Promise<SharedRunSummary> {
  const { frontier, index, blobs } = stores;
  const [tally, runs, queue] = await Promise.all([frontier.readTally(runTallyKey(runId)), index.runs.recent(HISTORY_RUNS + 1), frontier.counts()]);
  const startedAt = runs.find((r) => r.id === runId)?.startedAt ?? new Date().toISOString();
  const summary = summaryFromTally(tally, { runId, startedAt, sources: sources.map((s) => s.name), queue });
  if (summary.fetched === 0 && failedTotal(summary) > 0) {
    summary.status = 'failed';
    summary.failure = { kind: 'all-failed', message: 'every fetch failed (source or network down)' };
  }
  summary.finishedAt = new Date().toISOString();
  summary.durationMs = Date.parse(summary.finishedAt) - Date.parse(summary.startedAt);
  try {
    // Against the same sources' last completed runs of this index (newest first), as the embedded crawl's check.
    const history = runs.filter((r) => r.id !== runId && r.status === 'completed').map((r) => r.summary);
    detectDriftAgainst(summary, history, sources, log);
  } catch (err) {
    log.warn({ err: String(err) }, 'drift check skipped');
  }
  await blobs.put(`runs/${runId}.json`, Buffer.from(JSON.stringify(summary, null, 2)));
  await index.runs.end(runId, summary.status, summary, new Date(summary.finishedAt));
  await frontier.dropTally(runTallyKey(runId));
  log.info({ runId, report: `runs/${runId}.json`, fetched: summary.fetched, snapshots: summary.snapshots, drift: summary.drift.length }, 'run report written');
  return summary;
}
