import PQueue from 'p-queue';
import type { CrawlConfig } from '../config/index.js';
import { CRAWL_FINISH_COALESCING, Frontier, type FrontierEntry } from '../frontier/index.js';
import { compactIfRequested, storeTrouble, StoreFullError } from '../storage/index.js';
import { silentLogger, type Logger } from '../util/logger.js';
import { INDEX_PRIORITY } from './discovery.js';
import { PageProcessor } from './pageProcessor.js';
import { acquireRunLock, RUN_LOCK_LEASE_MS } from '../storage/index.js';
import { RunRegistry } from './runs.js';
import { RunFaults } from './runFaults.js';
import { ClaimBooks } from './claimBooks.js';
import { progressMeter } from './progressMeter.js';
import type { CrawlOptions } from './crawlOptions.js';
import { SourceScope } from './scope.js';
import { emptySummary, failedTotal, resumeSummary, type RunSummary } from './summary.js';
import { detectDrift } from './health.js';
import { setMaxListeners } from 'node:events';
import { StageClock } from './stageClock.js';
import { StoreGate } from './storeGate.js';
import { RunResources } from './runResources.js';

export type { CrawlOptions, CrawlProgress } from './crawlOptions.js';

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * Orchestrates one crawl run: takes the store's lock, resumes or starts a run, seeds the frontier,
 * then feeds a p-queue with URLs the frontier says are polite to fetch now, until nothing is left
 * or a budget is spent.
 */
export class Crawler {
  private stopping = false;
  private wake: (() => void) | null = null;
  private readonly abort = new AbortController();
  private abortTimer: NodeJS.Timeout | null = null;
  /** The store's errors under the run: `faults.fatal` (a full disk) ends it (runFaults.ts). */
  private readonly faults: RunFaults;
  /** URLs claimed and not yet finished: their leases are renewed while the run works on them. */
  private readonly held = new Set<string>();
  /** Where this run's pages spent their time, stage by stage (wall time summed over pages: stageClock.ts). */
  readonly stages = new StageClock();
  /** Frees a page's fetch slot when its snapshot write begins (storeGate.ts); set per page by the loop. */
  private readonly fetchSlotOf = new WeakMap<FrontierEntry, () => void>();
  private readonly storeSlotOf = new WeakMap<FrontierEntry, () => void>();
  private storeGate?: StoreGate;
  /** The most pages in flight at once, those writing their snapshots included: up to twice the concurrency. */
  peakOpen = 0;

  constructor(private readonly config: CrawlConfig, private readonly options: CrawlOptions) {
    // Every fetch in flight listens on the stop signal: as many listeners as the concurrency, by design (Node's
    // warning at 11 would put a non-JSON line in a cron run's log).
    setMaxListeners(0, this.abort.signal);
    this.faults = new RunFaults(options.storeDir ?? config.store, () => this.wake?.());
  }

  /** Asks the run to stop: no new work is claimed; in-flight pages finish. */
  stop(): void {
    this.stopping = true;
    this.abortInFlightAfterGrace();
    this.wake?.();
  }

  /** A second stop: in-flight fetches are cut off now and requeued; the run still ends with its report. */
  stopNow(): void {
    this.stopping = true;
    this.abort.abort(new Error('run stopping now'));
    this.wake?.();
  }

  /** In-flight pages get a grace period to finish; then their fetches are aborted and they are requeued. */
  private abortInFlightAfterGrace(): void {
    this.abortTimer ??= setTimeout(() => this.abort.abort(new Error('run stopping')), this.options.stopGraceMs ?? 10_000);
    this.abortTimer.unref();
  }

  async run(): Promise<RunSummary> {
    const storeDir = this.options.storeDir ?? this.config.store;
    const log = this.options.logger ?? silentLogger;
    const leaseMs = this.options.leaseMs ?? RUN_LOCK_LEASE_MS;
    // One worker id names all this run holds: the lock, its in-flight URLs' leases, its pending snapshot writes.
    const lock = acquireRunLock(storeDir, { leaseMs });
    if (lock.recovered) log.warn({ lock: lock.file, pid: lock.recovered.pid, worker: lock.recovered.worker }, 'recovered a lock left by a dead run');
    // What the run opens is closed again, in order, however the run ends (runResources.ts).
    const resources = new RunResources(storeDir, lock, this.config.memoryBudgetMb, log);
    try {
      const db = resources.openDatabase(storeDir);
      const runs = new RunRegistry(db);
      const { id: runId, resumed, previous } = runs.begin();
      // Finishes are coalesced (one commit with the next claim): one not written when the run is killed leaves its URL
      // in flight under this run's lease, and the next run claims it again (finishBuffer.ts).
      const onError = (err: unknown) => log.warn({ err: String(err) }, 'coalesced finishes not written yet: retried at the next claim');
      const frontier = resources.holdFrontier(new Frontier(db, runId, { worker: lock.worker, leaseMs, coalesceFinishes: { ...CRAWL_FINISH_COALESCING, onError } }));
      // Only URLs whose lease ran out, or whose holder is gone (the dead run whose lock this run took over), come back.
      const requeued = frontier.reclaimExpired(Date.now(), lock.recovered?.worker ? [lock.recovered.worker] : []);
      if (resumed || requeued) log.info({ runId, requeued }, 'resuming an interrupted run');
      resources.renewLeases(frontier, this.held, leaseMs);
      const store = resources.openStore(storeDir, db);
      const allowPrivate = this.options.allowPrivate ?? this.config.allowPrivate;
      const { fetcher, robots, browser } = resources.openFetchers(this.config, this.options, db);
      const summary = resumeSummary(previous, emptySummary(runId, resumed, this.options.sources.map((s) => s.name)));
      const checkpoint = setInterval(() => {
        try {
          runs.checkpoint(runId, summary);
        } catch (err) {
          // A busy or full store skips one checkpoint; the next one (or the run's end) catches up.
          log.warn({ err: String(err) }, 'run checkpoint skipped');
        }
      }, 2000);
      checkpoint.unref();
      const extractor = resources.openExtractor(this.options);
      const processor = new PageProcessor({
        config: this.config,
        db,
        frontier,
        store,
        fetcher,
        browser,
        robots,
        summary,
        logger: log,
        scopes: new Map(this.options.sources.map((s) => [s.name, new SourceScope(s)])),
        sources: new Map(this.options.sources.map((s) => [s.name, s])),
        allowPrivate,
        snapshotAllPages: this.options.snapshotAllPages ?? false,
        runSignal: this.abort.signal,
        extractor,
        clock: this.stages,
        storeHandoff: async (entry) => {
          const gate = this.storeGate;
          const free = this.fetchSlotOf.get(entry);
          // The store slot is kept until the page's outcome is in (the loop frees it): pages open stay within
          // twice the concurrency.
          if (gate && free) this.storeSlotOf.set(entry, await gate.enter(free));
        },
      });
      this.seed(frontier);
      const due = frontier.requeueDue(this.options.sources.map((s) => s.name));
      if (due) log.info({ due }, 'known articles due for a revisit');
      const status = await this.loop(frontier, processor, summary, log).finally(() => clearInterval(checkpoint));
      summary.status = status;
      if (this.faults.fatal) resources.reserve.release(); // room for the last writes below
      if (this.faults.fatal) summary.failure = { kind: 'disk-full', message: this.faults.fatal.message };
      else if (status === 'completed' && summary.fetched === 0 && failedTotal(summary) > 0) {
        summary.status = 'failed';
        summary.failure = { kind: 'all-failed', message: 'every fetch failed (source or network down)' };
      }
      summary.finishedAt = new Date().toISOString();
      summary.durationMs = Date.parse(summary.finishedAt) - Date.parse(summary.startedAt);
      try {
        detectDrift(summary, runs, this.options.sources, log); // against this source's last completed runs
      } catch (err) {
        log.warn({ err: String(err) }, 'drift check skipped');
      }
      this.faults.finishRun(summary, () => {
        summary.queuedLeft = frontier.queuedCount();
        runs.end(runId, summary.status, summary);
        if (compactIfRequested(storeDir, db)) log.info({ storeDir }, 'compacted the store database, as a takedown asked');
      }, log);
      log.info({ summary, extraction: { ...extractor.counts, threads: extractor.threads, startupMs: extractor.startupMs }, stages: this.stages.summary() }, 'crawl finished');
      return summary;
    } catch (err) {
      // Before the loop (opening the database, resuming the run) a full disk is no bug either.
      if (storeTrouble(err, storeDir) === 'full' && !(err instanceof StoreFullError)) throw new StoreFullError(storeDir, { cause: err });
      throw err;
    } finally {
      await resources.close();
    }
  }

  private seed(frontier: Frontier): void {
    for (const s of this.options.sources) {
      for (const url of s.seeds) frontier.seed({ url, source: s.name, depth: 0, kind: 'seed', priority: INDEX_PRIORITY });
      for (const url of s.feeds) frontier.seed({ url, source: s.name, depth: 0, kind: 'feed', priority: INDEX_PRIORITY });
      for (const url of s.sitemaps) frontier.seed({ url, source: s.name, depth: 0, kind: 'sitemap', priority: INDEX_PRIORITY });
    }
  }

  private async loop(frontier: Frontier, processor: PageProcessor, summary: RunSummary, log: Logger): Promise<RunSummary['status']> {
    const concurrency = this.options.concurrency ?? this.config.concurrency;
    // As many pages again may be writing their snapshots, their fetch slots handed on (storeGate.ts). At concurrency
    // 1 a page runs start to finish before the next is claimed, so what it teaches (a tracking parameter, a
    // canonical URL) is applied before the next claim, as in a shared worker.
    const gate = (this.storeGate = concurrency > 1 ? new StoreGate(concurrency) : undefined);
    const queue = new PQueue({ concurrency: concurrency + (gate?.capacity ?? 0) });
    const sources = new Map(this.options.sources.map((s) => [s.name, s]));
    // Another source's queued URLs (a one-off or --source run on a shared store) are not this run's to claim:
    // claimed, they would be skipped as unknown-source and lost for the source that queued them.
    const books = new ClaimBooks(sources, frontier.queuedSources().filter((name) => !sources.has(name)));
    const { exhausted, exhaustedHosts } = books;
    const maxPages = this.options.maxPages ?? this.config.maxPages;
    let started = 0;
    /** Pages holding a fetch slot (claimed, not yet writing or done); `open` counts them until their outcome is in. */
    let inFlight = 0;
    let open = 0;
    const t0 = Date.now();
    const progress = progressMeter(this.options, frontier, books, summary, (err) => this.faults.survivable(err, log), () => open, t0);
    const deadline = this.options.maxTimeMs === undefined ? Infinity : t0 + this.options.maxTimeMs;
    const timeLeft = () => {
      if (Date.now() < deadline) return true;
      summary.limitsHit.maxTime ??= this.options.maxTimeMs ?? 0;
      this.abortInFlightAfterGrace();
      return false;
    };
    const budgetLeft = () => (maxPages === undefined || started < maxPages) && timeLeft();

    while (!this.stopping && !this.faults.fatal) {
      const slots = concurrency - inFlight;
      if (slots > 0 && budgetLeft()) {
        const busy = books.busyHosts();
        let claimed: FrontierEntry[];
        try {
          claimed = frontier.claim({
            now: Date.now(),
            limit: Math.min(slots, maxPages === undefined ? slots : maxPages - started),
            busyHosts: busy,
            exhaustedSources: exhausted,
            exhaustedHosts,
            delayFor: (host, source) => processor.delayFor(host, sources.get(source)),
          });
        } catch (err) {
          // Another process (a takedown, verify, serve) held the store a moment too long: try again shortly.
          if (!this.faults.survivable(err, log)) throw err;
          await sleep(250);
          continue;
        }
        for (const entry of claimed) {
          started++;
          inFlight++;
          open++;
          if (open > this.peakOpen) this.peakOpen = open;
          books.start(entry, summary);
          this.held.add(entry.url);
          let slotFreed = false;
          let hostFreed = false;
          const freeHost = () => {
            if (hostFreed) return;
            hostFreed = true;
            books.finish(entry);
          };
          // The host's concurrency counts requests, and a page writing its snapshot makes none; but a host taken one
          // page at a time keeps its slot to the end, so what a page teaches (a redirect's alias, a learned
          // parameter) is in before that host's next claim. Where a host's pages overlap anyway, nothing new.
          const hostOverlaps = (sources.get(entry.source)?.politeness.perHostConcurrency ?? 1) > 1;
          const freeSlot = () => {
            if (slotFreed) return;
            slotFreed = true;
            inFlight--;
            if (hostOverlaps) freeHost();
            this.wake?.();
          };
          this.fetchSlotOf.set(entry, freeSlot);
          void queue
            .add(() => this.faults.process(processor, entry, log))
            .finally(() => {
              this.held.delete(entry.url);
              freeSlot();
              freeHost();
              this.storeSlotOf.get(entry)?.();
              open--;
              progress();
              this.wake?.();
            });
        }
        if (claimed.length > 0) continue;
      }
      if (maxPages !== undefined && started >= maxPages) summary.limitsHit.maxPages ??= maxPages;
      // URLs pushed back past what a run waits inline (Retry-After beyond maxRetryAfterMs) are left for a later run.
      const dueBy = Date.now() + this.config.fetch.maxRetryAfterMs;
      let next: number | null;
      try {
        // A page still writing adds its links when its write is done: the run is over only once every page is.
        if (open === 0 && (!budgetLeft() || frontier.queuedCount(exhausted, exhaustedHosts, dueBy) === 0)) break;
        next = frontier.nextWakeAt(exhausted, exhaustedHosts);
      } catch (err) {
        if (!this.faults.survivable(err, log)) throw err;
        next = Date.now() + 250;
      }
      const wait = Math.min(1000, Math.max(5, Math.min(next ?? Infinity, deadline) - Date.now()));
      // Woken early (a slot freed), the timer goes too: one left per idle turn piled up thousands in a crawl.
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, wait);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = null;
    }
    await queue.onIdle();
    try {
      frontier.flush(); // the last pages' finishes, before the run's summary is counted
    } catch (err) {
      if (!this.faults.survivable(err, log)) throw err;
    }
    if (this.abortTimer) clearTimeout(this.abortTimer);
    progress(true);
    return this.faults.fatal ? 'failed' : this.stopping ? 'interrupted' : 'completed';
  }
}
