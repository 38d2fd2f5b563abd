import type { CrawlConfig } from '../config/index.js';
import type { Frontier } from '../frontier/index.js';
import { BrowserFetcher, HttpFetcher, RobotsCache } from '../fetch/index.js';
import { compactIfRequested, openStoreDatabase, SpaceReserve, type RunLock, type StoreDatabase } from '../storage/index.js';
import { SnapshotStore } from '../snapshot/index.js';
import type { Logger } from '../util/logger.js';
import { startMemoryBudget, type MemoryBudget } from '../util/memoryBudget.js';
import { ExtractPool } from './extractPool.js';
import type { CrawlOptions } from './crawlOptions.js';

/**
 * What one crawl run holds open and must give back, in order: the store's lock, its space reserve, the memory
 * budget, the database and snapshot store, the frontier (its coalesced finishes, its leases' renewal), the fetchers
 * and the extraction pool. Each is kept here the moment it is open, so a run that throws halfway through its setup
 * still closes what it had opened; `close()` is the run's teardown, in the one order that is safe (crawler.ts).
 */
export class RunResources {
  db: StoreDatabase | null = null;
  store: SnapshotStore | null = null;
  fetcher: HttpFetcher | null = null;
  browser: BrowserFetcher | null = null;
  extractor: ExtractPool | null = null;
  private frontier: Frontier | null = null;
  private renewal: NodeJS.Timeout | null = null;
  readonly reserve: SpaceReserve;
  private readonly memory: MemoryBudget;
  // A third signal exits at once: the finishes still waiting are written on the way out (better-sqlite3 is synchronous).
  private readonly flushOnExit = () => flushFinishes(this.frontier, this.log);

  constructor(storeDir: string, private readonly lock: RunLock, memoryBudgetMb: number, private readonly log: Logger) {
    this.reserve = new SpaceReserve(storeDir).hold();
    this.memory = startMemoryBudget({ budgetMb: memoryBudgetMb, logger: log });
  }

  /** The store's database; a takedown made beside an earlier run that was killed left its compaction to us. */
  openDatabase(storeDir: string): StoreDatabase {
    const db = (this.db = openStoreDatabase(storeDir));
    if (compactIfRequested(storeDir, db)) this.log.info({ storeDir }, 'compacted the store database, as a takedown asked');
    return db;
  }

  /** The run's frontier: its finishes are written at the end, and on a forced exit. */
  holdFrontier(frontier: Frontier): Frontier {
    this.frontier = frontier;
    process.once('exit', this.flushOnExit);
    return frontier;
  }

  /** Renews the leases of the URLs in `held` (those in flight) every third of a lease, until the run closes. */
  renewLeases(frontier: Frontier, held: ReadonlySet<string>, leaseMs: number): void {
    this.renewal = setInterval(() => renewLeases(frontier, held, this.log), Math.max(1000, Math.floor(leaseMs / 3)));
    this.renewal.unref();
  }

  /** The snapshot store, on the run's database; its pending writes are owned by the run's worker id (the lock's). */
  openStore(storeDir: string, db: StoreDatabase): SnapshotStore {
    return (this.store = SnapshotStore.open(storeDir, { db, owner: this.lock.worker }));
  }

  /** The HTTP fetcher and robots cache; Chromium only where a source may render (it starts on the first render). */
  openFetchers(config: CrawlConfig, options: CrawlOptions, db: StoreDatabase): { fetcher: HttpFetcher; robots: RobotsCache; browser: BrowserFetcher | null } {
    const log = this.log;
    const fetcher = (this.fetcher = new HttpFetcher({
      userAgent: config.userAgent,
      ...config.fetch,
      // No private address by default: every request carries its source's scope (privateScope.ts).
      logger: log,
      ...(options.retryBaseDelayMs !== undefined ? { retryBaseDelayMs: options.retryBaseDelayMs } : {}),
    }));
    const robots = new RobotsCache({ db, fetcher, userAgent: config.userAgent, logger: log });
    // Only sources with render browser/auto can need Chromium, and it starts on the first render.
    if (options.sources.some((s) => s.render !== 'http')) {
      this.browser = new BrowserFetcher({
        userAgent: config.userAgent,
        maxBytes: config.fetch.maxBytes, // the source's private endpoints go with each render
        logger: log,
      });
    }
    return { fetcher, robots, browser: this.browser };
  }

  /** The pool of threads that extract the fetched pages. */
  openExtractor(options: CrawlOptions): ExtractPool {
    return (this.extractor = new ExtractPool({ mode: options.extractPool, threads: options.extractThreads, logger: this.log }));
  }

  /** The run's teardown: pools closed, finishes written (twice: pages may finish while the pools close), then the store. */
  async close(): Promise<void> {
    this.memory.stop();
    if (this.renewal) clearInterval(this.renewal);
    flushFinishes(this.frontier, this.log); // the loop's end wrote them unless it threw
    this.reserve.release();
    await this.extractor?.close();
    await this.browser?.close();
    await this.fetcher?.close();
    flushFinishes(this.frontier, this.log); // pages that finished while the pools closed (a loop that threw was not drained)
    process.off('exit', this.flushOnExit);
    this.store?.close();
    this.db?.close();
    this.lock.release();
  }
}

/**
 * Extends the leases of the URLs in flight, and takes back any in-flight URL whose lease ran out meanwhile (a
 * dead holder's, from before this run took the store over). A busy store skips one tick; the lease outlasts it.
 */
function renewLeases(frontier: Frontier, held: ReadonlySet<string>, log: Logger): void {
  try {
    frontier.renew([...held]);
    const reclaimed = frontier.reclaimExpired();
    if (reclaimed > 0) log.info({ reclaimed }, 'expired leases back in the queue');
  } catch (err) {
    log.warn({ err: String(err) }, 'lease renewal skipped');
  }
}

/** Writes the frontier's coalesced finishes; one that cannot be written is logged (the next run claims its URL again). */
function flushFinishes(frontier: Frontier | null, log: Logger): void {
  try {
    frontier?.flush();
  } catch (err) {
    log.warn({ err: String(err) }, 'finishes not written: their URLs are claimed again by the next run');
  }
}
