import type { SourceConfig } from '../config/index.js';
import type { Logger } from '../util/logger.js';
import type { ExtractPoolMode } from './extractPool.js';

/** What a caller (the CLI, the scheduler, tests) sets for one embedded crawl run (crawler.ts), and what it is told back. */
export interface CrawlProgress {
  done: number;
  queued: number;
  failed: number;
  inFlight: number;
  pagesPerSecond: number;
}

export interface CrawlOptions {
  /** Sources to crawl (already selected and validated). */
  sources: SourceConfig[];
  /** Overrides config.store. */
  storeDir?: string;
  /** Global page budget for this run, on top of each source's maxPages. */
  maxPages?: number;
  /** Stop claiming new pages after this long (in-flight pages finish); the rest waits for the next run. */
  maxTimeMs?: number;
  /** Overrides config.concurrency. */
  concurrency?: number;
  /**
   * allowPrivate for every source (overrides config.allowPrivate): each may reach its own entry points'
   * endpoints on private/loopback addresses, nothing else (privateScope.ts).
   */
  allowPrivate?: boolean;
  /** Snapshot every HTML page fetched, not only articles (one-off `crawl <url>`). */
  snapshotAllPages?: boolean;
  logger?: Logger;
  onProgress?: (p: CrawlProgress) => void;
  /** How long in-flight pages may take to finish after a stop or --max-time before they are cut off. Default 10 s. */
  stopGraceMs?: number;
  /** Retry backoff base for fetches (tests shorten it). */
  retryBaseDelayMs?: number;
  /**
   * Parse + extract + hashing + gzip on worker threads (extractPool.ts): 'auto' (default) starts them
   * after the first pages, true at once, false never (all in this thread).
   */
  extractPool?: ExtractPoolMode;
  /** Extraction worker threads; default the machine's cores less the crawl's own thread (at least 1). */
  extractThreads?: number;
  /**
   * Lease length of the run lock and of each claimed URL (renewed every third of it while the run works). Default
   * 60 s. A run on another machine waits this long after this one dies before it takes the store over.
   */
  leaseMs?: number;
}
