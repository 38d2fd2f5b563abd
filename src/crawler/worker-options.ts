import type { SourceConfig } from '../config/index.js';
import type { BlobStore, FrontierStore, IndexStores, WorkerId } from '../storage/interfaces.js';
import type { Logger } from '../util/logger.js';
import type { ExtractPoolMode } from './extractPool.js';
import type { SourceHealth } from './health.js';

/** What a caller sets for one crawl worker over shared stores (worker.ts), and the summary it gets back. */
export interface SharedStores {
  frontier: FrontierStore;
  index: IndexStores;
  blobs: BlobStore;
}

export interface WorkerOptions {
  sources: SourceConfig[];
  stores: SharedStores;
  logger?: Logger;
  /** Lease length; renewed while the page is worked on. Default 60 s. */
  leaseMs?: number;
  /** Overrides config.concurrency: URLs this worker holds at once. */
  concurrency?: number;
  allowPrivate?: boolean;
  /** How often the loop looks for due work or the crawl's end when idle. Default 200 ms. */
  idlePollMs?: number;
  /** The run's page budget across every worker and source (overrides config.maxPages), on top of each source's. */
  maxPages?: number;
  /** This worker stops claiming after this long (in-flight pages finish); the crawl goes on with the others. */
  maxTimeMs?: number;
  /**
   * Parse + extract + hashing on threads, as the embedded crawl can (extractPool.ts). Default false (this thread):
   * more worker processes are how a shared crawl uses more cores, and a thread per worker cost 1.2-1.45x the worker
   * CPU per article in scripts/bench/workers.ts on 2 cores (1 and 2 workers) for no throughput gained.
   */
  extractPool?: ExtractPoolMode;
  /** Extraction threads; default the machine's cores less one. */
  extractThreads?: number;
  /** The extraction thread's module (tests substitute one that dies on some pages). */
  extractWorkerFile?: URL;
}

export interface WorkerSummary {
  worker: WorkerId;
  runId: string;
  status: 'completed' | 'interrupted';
  seeded: boolean;
  claimed: number;
  fetched: number;
  /** Outcomes of the URLs this worker finished (`snapshot-new`, `index`, `http-404`, `excluded`, …). */
  outcomes: Record<string, number>;
  /** URLs given back to the queue (transient failures, slots started too late, robots.txt fetched first). */
  retried: Record<string, number>;
  /** Links not queued, by the limit they broke. */
  limitsHit: Record<string, number>;
  leasesLost: number;
  /** Pages extracted on the worker threads, in this thread, and extraction threads that died under a page. */
  extraction: { inWorker: number; inProcess: number; crashes: number };
  reclaimed: number;
  orphansRemoved: number;
  /**
   * Field fill-rates of the articles this worker stored, per source (health.ts): its share of the run, for the
   * operator's log. The run's report (shared-report.ts) has the whole run's, every worker's share merged.
   */
  perSource: Record<string, SourceHealth>;
  /** This worker wrote the run's report (`runs/<run-id>.json`): one worker per run, once the crawl is over. */
  reportWritten: boolean;
  startedAt: string;
  finishedAt: string;
}
