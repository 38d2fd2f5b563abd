import { setMaxListeners } from 'node:events';
import type { CrawlConfig, SourceConfig } from '../config/index.js';
import { BrowserFetcher, HttpFetcher } from '../fetch/index.js';
import type { ClaimedItem, WorkerId } from '../storage/interfaces.js';
import { newWorkerId } from '../storage/workerId.js';
import { silentLogger, type Logger } from '../util/logger.js';
import { startMemoryBudget } from '../util/memoryBudget.js';
import { ExtractPool } from './extractPool.js';
import { recordArticleHealth } from './health.js';
import { SourceScope } from './scope.js';
import { WorkerLinks } from './worker-links.js';
import { excludedAnywhere } from './worker-guards.js';
import type { PageStageDeps } from './worker-stage.js';
import { SharedRobots } from './worker-robots.js';
import { endRun, seedOnce } from './worker-seed.js';
import { RunBudgets } from './worker-budgets.js';
import { RunReportTally } from './worker-report.js';
import { applyWorkerOutcome, claimOutcome } from './worker-outcome.js';
import type { WorkerOptions, WorkerSummary } from './worker-options.js';
import { hostPolicy, startSlackFor } from './worker-pacing.js';
import { HeldLeases } from './worker-leases.js';

export { newWorkerId, startSlackFor };
export type { SharedStores, WorkerOptions, WorkerSummary } from './worker-options.js';

/** How far ahead of the claim call its reference time is: the look-ups before a fetch take about this long. */
const CLAIM_AHEAD_MS = 5;
/** How often a worker asks again when the due URLs are on hosts at their concurrency limit. */
const BLOCKED_POLL_MS = 25;
const bump = (m: Record<string, number>, k: string, by = 1) => (m[k] = (m[k] ?? 0) + by);
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * One stateless crawl worker over shared stores. Everything that must hold across workers lives in the stores:
 * the queue and leases, host pacing and concurrency (claim books a host's slot), budgets (counters), the robots
 * cache, exclusions, the snapshot index. A worker claims URLs under leases, runs each through its stages to one
 * outcome, applies that outcome once, and exits when the shared queue is empty and no lease is live anywhere.
 */
export class CrawlWorker {
  readonly id: WorkerId = newWorkerId();
  private stopping = false;
  private readonly abort = new AbortController();
  private wake: (() => void) | null = null;
  /** The URLs this worker holds under lease, renewed together (worker-leases.ts). */
  private readonly held = new HeldLeases(this.id);
  private readonly crawlDelay = new Map<string, number>();
  /** When the shared run began: a page finished before it was handled by an earlier run (site change signals). */
  private runStartedAt = Date.now();
  private log: Logger | null = null;
  /** This worker's side of the run's report: each page's share goes with its finish (worker-report.ts). */
  private report: RunReportTally | null = null;

  constructor(private readonly config: CrawlConfig, private readonly options: WorkerOptions) {
    // Every fetch in flight listens on the stop signal: as many listeners as the worker's concurrency, by design.
    setMaxListeners(0, this.abort.signal);
  }

  /** No more claims; in-flight pages finish and are applied. */
  stop(): void {
    this.stopping = true;
    this.wake?.();
  }

  /** In-flight fetches are cut off too; their URLs go straight back to the queue. */
  stopNow(): void {
    this.stopping = true;
    this.abort.abort(new Error('worker stopping now'));
    this.wake?.();
  }

  async run(): Promise<WorkerSummary> {
    const { frontier, index, blobs } = this.options.stores;
    const log = (this.options.logger ?? silentLogger).child({ worker: this.id });
    const sources = this.options.sources;
    const leaseMs = this.options.leaseMs ?? 60_000;
    const concurrency = this.options.concurrency ?? this.config.concurrency;
    const { id: runId, resumed } = await index.runs.begin(new Date());
    this.log = log;
    const begun = (await index.runs.recent(20)).find((r) => r.id === runId)?.startedAt;
    if (begun !== undefined && Number.isFinite(Date.parse(begun))) this.runStartedAt = Date.parse(begun);
    log.info({ runId, resumed }, resumed ? 'joining the running crawl' : 'starting a crawl');
    const summary: WorkerSummary = {
      worker: this.id, runId, status: 'completed', seeded: false, claimed: 0, fetched: 0, outcomes: {}, retried: {}, limitsHit: {},
      leasesLost: 0, extraction: { inWorker: 0, inProcess: 0, crashes: 0 }, reclaimed: 0, orphansRemoved: 0, perSource: {}, reportWritten: false, startedAt: new Date().toISOString(), finishedAt: '',
    };
    this.report = new RunReportTally(runId, this.id, this.runStartedAt, summary.limitsHit);
    const fetcher = new HttpFetcher({ userAgent: this.config.userAgent, ...this.config.fetch, logger: log });
    // Only sources with render browser/auto can need Chromium, and it starts on the first render.
    const browser = sources.some((s) => s.render !== 'http')
      ? new BrowserFetcher({ userAgent: this.config.userAgent, maxBytes: this.config.fetch.maxBytes, logger: log })
      : null;
    const bySource = new Map(sources.map((s) => [s.name, s]));
    const scopes = new Map(sources.map((s) => [s.name, new SourceScope(s)]));
    const extractor = new ExtractPool({
      mode: this.options.extractPool ?? false,
      logger: log,
      ...(this.options.extractThreads !== undefined ? { threads: this.options.extractThreads } : {}),
      ...(this.options.extractWorkerFile ? { workerFile: this.options.extractWorkerFile } : {}),
    });
    const deps: PageStageDeps = {
      config: this.config, sources: bySource, scopes, allowPrivate: this.options.allowPrivate ?? this.config.allowPrivate,
      frontier, index, blobs, fetcher, robots: new SharedRobots(frontier, fetcher, this.config.userAgent),
      links: new WorkerLinks(scopes, (k, by) => bump(summary.limitsHit, k, by), log, { frontier, runId }),
      worker: this.id, leaseMs, runSignal: this.abort.signal, logger: log,
      startSlackMs: startSlackFor,
      noteCrawlDelay: (host, ms) => this.crawlDelay.set(host, ms),
      delayFor: (host, source) => this.policyFor(host, source).delayMs,
      tally: (k, by) => bump(summary.limitsHit, k, by),
      recordHealth: (source, article, status) => recordArticleHealth(summary, source, article, status),
      browser,
      renderNext: new Map(),
      extractor,
    };
    const renewal = setInterval(() => void this.held.renewAll(frontier, leaseMs, log), Math.max(1000, Math.floor(leaseMs / 3)));
    renewal.unref();
    // A worker extracts in its own thread: the same budget as the embedded crawl keeps its uncollected garbage bounded.
    const memory = startMemoryBudget({ budgetMb: this.config.memoryBudgetMb, logger: log });
    try {
      summary.seeded = await seedOnce(frontier, runId, this.id, sources, log, () => this.stopping);
      const over = await this.loop(deps, runId, concurrency, summary, log);
      // Out of time, this worker leaves the crawl to the others: only the crawl's end ends the run.
      if (over) {
        const ended = await endRun({ frontier, index, blobs }, runId, this.id, leaseMs, sources, log);
        summary.orphansRemoved = ended.removed;
        summary.reportWritten = ended.report !== null;
      }
    } finally {
      clearInterval(renewal);
      memory.stop();
      summary.extraction = { ...extractor.counts };
      await extractor.close();
      await browser?.close();
      await fetcher.close();
    }
    summary.status = this.stopping ? 'interrupted' : 'completed';
    summary.finishedAt = new Date().toISOString();
    log.info({ summary }, 'worker finished');
    return summary;
  }

  /** Claims and works until the crawl is over for everyone (true), or this worker stops or runs out of time (false). */
  private async loop(d: PageStageDeps, runId: string, concurrency: number, summary: WorkerSummary, log: Logger): Promise<boolean> {
    const { frontier } = d;
    const sources = this.options.sources;
    const bySource = new Map(sources.map((s) => [s.name, s]));
    const inFlight = new Set<Promise<void>>();
    const idle = this.options.idlePollMs ?? 200;
    let lastReclaim = 0;
    const budgets = new RunBudgets(frontier, runId, this.options.maxPages ?? this.config.maxPages, summary.limitsHit, sources);
    const { exhausted, exhaustedHosts } = budgets;
    // Each claim then reads them for the next one (see step): a worker joining a crawl whose budget is spent claims nothing.
    await budgets.refresh().catch(() => undefined); // a store down for a moment: the first claim reads them again
    const deadline = this.options.maxTimeMs === undefined ? Infinity : Date.now() + this.options.maxTimeMs;
    let outOfTime = false;
    const horizon = () => Date.now() + this.config.fetch.maxRetryAfterMs;
    let emptySince: number | null = null;
    /** One turn of the loop: claims what it can; true when the crawl is over for everyone. */
    const step = async (): Promise<boolean> => {
      const now = Date.now();
      if (now - lastReclaim >= 1000) {
        lastReclaim = now;
        const n = await frontier.reclaimExpired(now);
        if (n > 0) log.info({ reclaimed: n }, 'expired leases back in the queue');
        summary.reclaimed += n;
      }
      if (!outOfTime && now >= deadline) {
        outOfTime = true;
        summary.limitsHit.maxTime ??= this.options.maxTimeMs ?? 0;
        log.info({ maxTimeMs: this.options.maxTimeMs }, 'out of time: no more claims; in-flight pages finish');
      }
      const slots = outOfTime ? 0 : concurrency - inFlight.size;
      if (slots > 0) {
        // The claim books slots from a moment just ahead, when the request can really start (see processClaim).
        const at = Date.now() + CLAIM_AHEAD_MS;
        // The budgets are read in the same round trip as the claim, which skips what was known spent at the previous
        // turn (and what this worker spent since): a budget another worker spent just now costs at most this claim's
        // pages, each given back unstarted by budgets.start — as when it is spent between a read and a claim.
        const [reopened, claimed] = await Promise.all([
          budgets.refresh(),
          frontier.claim({
            worker: this.id, limit: slots, now: at, leaseMs: d.leaseMs, exhaustedSources: new Set(exhausted), exhaustedHosts: new Set(exhaustedHosts),
            policyFor: (host, source) => this.policyFor(host, bySource.get(source)),
          }),
        ]);
        for (const item of claimed) {
          summary.claimed++;
          this.held.add(item.url);
          const task = this.work(d, item, at, budgets, bySource, summary, log).finally(() => {
            this.held.delete(item.url);
            inFlight.delete(task);
            this.wake?.();
          });
          inFlight.add(task);
        }
        if (claimed.length > 0) {
          emptySince = null;
          return false;
        }
        // A budget open again (a page given back by any worker) was read beside a claim made with the old marks: its
        // URLs are claimable at the next turn, so this turn must not judge the crawl stuck on them.
        if (reopened) {
          emptySince = null;
          return false;
        }
      } else if (!outOfTime) {
        // Every slot busy: nothing can be claimed before one of our pages finishes (which wakes the loop), so the
        // queue is not asked when work is due — a 25 ms poll of it per busy worker was a round trip for nothing.
        await Promise.race([new Promise<void>((r) => (this.wake = r)), sleep(idle)]);
        this.wake = null;
        return false;
      }
      if (outOfTime) return inFlight.size === 0;
      // With nothing of ours in flight, the crawl's end is judged on the queue and every worker's leases read at one
      // instant (queueState): read apart, another worker's page finishing between the reads looked like the end.
      const state = inFlight.size === 0 ? await frontier.queueState(Date.now()) : null;
      const next = state ? state.nextDueAt : await frontier.nextDueAt();
      if (state) {
        const live = state.liveLeases;
        const allExhausted = sources.every((s) => exhausted.has(s.name));
        // Due work nobody can claim (only spent sources' URLs left) for a while also ends the crawl.
        if (next !== null && next <= Date.now()) emptySince ??= Date.now();
        else emptySince = null;
        const stuck = emptySince !== null && exhausted.size + exhaustedHosts.size > 0 && Date.now() - emptySince > 2000;
        if (live === 0 && (next === null || next > horizon() || allExhausted || stuck)) {
          // The marks this turn claimed with were read before the leases were: another worker's page given back in
          // between uncounted its budget before its lease ended, so a budget held spent may be open now — read
          // after the leases, the counters are the ones the end is judged on (two workers ended a crawl with both
          // hosts one page short of their budget and 80 URLs queued, each holding a mark the other had just undone).
          if (exhausted.size + exhaustedHosts.size > 0 && (await budgets.refresh(true))) {
            emptySince = null;
            return false;
          }
          // A lease that ran out since the last reclaim (its worker died) is work left, not the crawl's end.
          const back = await frontier.reclaimExpired(Date.now());
          summary.reclaimed += back;
          if (back === 0) return true;
          log.info({ reclaimed: back }, 'expired leases back in the queue');
          emptySince = null;
          return false;
        }
      }
      // Until the next URL is due (a host's slot opens), one of our pages finishes, or a poll. Due work that could not
      // be claimed waits on hosts at their concurrency, which another worker's finish may free: poll, not spin.
      const until = next === null ? idle : next - Date.now();
      const wait = until <= 1 ? BLOCKED_POLL_MS : Math.min(idle, Math.max(2, until));
      await Promise.race([new Promise<void>((r) => (this.wake = r)), sleep(wait)]);
      this.wake = null;
      return false;
    };
    let troubleSince: number | null = null;
    let over = false;
    while (!this.stopping) {
      try {
        if (await step()) {
          over = !outOfTime;
          break;
        }
        troubleSince = null;
      } catch (err) {
        // A store that drops out for a moment (a Redis failover, a PostgreSQL restart): the pages in flight go on
        // and the loop tries again; one gone for longer than a lease ends the worker (its leases expire for others).
        troubleSince ??= Date.now();
        if (Date.now() - troubleSince > d.leaseMs) {
          await Promise.allSettled(inFlight);
          throw err;
        }
        log.warn({ err: String(err) }, 'shared store unavailable; retrying');
        await sleep(500);
      }
    }
    await Promise.allSettled(inFlight);
    return over && !this.stopping;
  }

  /** One claimed URL: the budget, the stages, then the outcome applied to the frontier once. */
  private async work(
    d: PageStageDeps,
    item: ClaimedItem,
    claimedAt: number,
    budgets: RunBudgets,
    bySource: Map<string, SourceConfig>,
    summary: WorkerSummary,
    log: Logger,
  ): Promise<void> {
    const outcome = await claimOutcome(d, item, claimedAt, budgets, bySource.get(item.source), log);
    // Out of the renewal set before the lease is released: a renewal racing the finish would report it lost.
    this.held.delete(item.url);
    try {
      const applier = { id: this.id, runStartedAt: this.runStartedAt, log: this.log, report: this.report };
      await applyWorkerOutcome(applier, d.frontier, item, outcome, summary);
    } catch (err) {
      // The lease expires and another worker takes the URL again.
      log.error({ url: item.url, err: String(err) }, 'could not record the outcome; the lease will expire');
    }
  }

  /** Source delay (or a longer robots Crawl-delay) plus twice the start slack (worker-pacing.ts). */
  private policyFor(host: string, source: SourceConfig | undefined): { delayMs: number; concurrency: number } {
    return hostPolicy(source, this.crawlDelay.get(host));
  }
}

export { excludedAnywhere };
