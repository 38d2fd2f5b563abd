import type { CrawlConfig, SourceConfig } from '../config/index.js';
import type { Article } from '../extract/index.js';
import type { BrowserFetcher, HttpFetcher } from '../fetch/index.js';
import type { BlobStore, FinishedFetch, FrontierStore, IndexStores, QueueItem, WorkerId } from '../storage/interfaces.js';
import type { Logger } from '../util/logger.js';
import type { ExtractPool } from './extractPool.js';
import { MAX_ATTEMPTS } from './revisitPolicy.js';
import type { SourceScope } from './scope.js';
import type { SiteSignal, WorkerLinks } from './worker-links.js';
import type { PageReport } from './worker-report.js';
import type { SharedRobots } from './worker-robots.js';

/*
 * What the stages of a claimed URL (worker-page.ts, worker-html.ts) read and return: the worker's services, the one
 * outcome the worker applies, its constructors, and when a failed or transient page is tried again.
 */

/** The one thing that happens to a claimed URL, applied to the frontier once by the worker. */
export type PageOutcome =
  /** `signals`: a feed's or sitemap's change signals of its items (worker-signals.ts). */
  /** `adopt`: the canonical article a variant was stored as, and the fetch it takes as its own. */
  /** `report`: what the run's report counts of the page beyond its result (worker-report.ts). */
  | { kind: 'finish'; result: FinishedFetch; links: QueueItem[]; handled?: QueueItem[]; signals?: SiteSignal[]; adopt?: { item: QueueItem; fetch: FinishedFetch }; report?: PageReport }
  | { kind: 'retry'; at: number; error: string; links: QueueItem[]; handled?: QueueItem[] }
  /** The lease went to another worker meanwhile: nothing of ours may be applied. */
  | { kind: 'lost' };

export interface PageStageDeps {
  config: CrawlConfig;
  sources: ReadonlyMap<string, SourceConfig>;
  scopes: ReadonlyMap<string, SourceScope>;
  allowPrivate: boolean;
  frontier: FrontierStore;
  index: IndexStores;
  blobs: BlobStore;
  fetcher: HttpFetcher;
  robots: SharedRobots;
  links: WorkerLinks;
  worker: WorkerId;
  leaseMs: number;
  /** Aborted on a second stop signal: in-flight fetches are cut and their URLs go back to the queue. */
  runSignal: AbortSignal;
  logger: Logger;
  /**
   * Longest a request may start after the time its claim booked the host's slot: later (a stalled event loop, a
   * slow store), and it is given back unfetched, since starting it could crowd the next worker's slot on the host.
   */
  startSlackMs: (source: SourceConfig) => number | null;
  /** A robots.txt Crawl-delay longer than the source's delay: the worker books this host's slots further apart. */
  noteCrawlDelay: (host: string, ms: number) => void;
  /** The spacing the worker books between request starts to a host (its claims' policy delay). */
  delayFor: (host: string, source: SourceConfig) => number;
  /** Counts something the run's summary reports under limitsHit (page requisites' outcomes). */
  tally?: (key: string, by?: number) => void;
  /** Counts a stored article's fields toward the source's fill-rates (health.ts). */
  recordHealth?: (source: string, article: Article, status: 'new' | 'changed' | 'unchanged') => void;
  /** Present when a source renders with `browser` or `auto`; Chromium starts on the first render. */
  browser?: BrowserFetcher | null;
  /**
   * URLs whose HTTP fetch showed an app shell (`render: auto`), with why: rendered at their next claim, so the render
   * is a request of its own, in a slot of its own. Another worker claiming one meanwhile fetches and decides again.
   */
  renderNext?: Map<string, string>;
  /** Where pages are parsed and extracted: worker threads or this thread (extractPool.ts); absent: this thread. */
  extractor?: ExtractPool;
}

export type RobotsVerdictLike = { allowed: boolean; robotsUrl: string; reason: string };

/** Why a claim went back unfetched: its slot started too late, or the slot went to the origin's robots.txt. */
export const RETRY_LATE_SLOT = 'started late for its slot';
export const RETRY_ROBOTS_FIRST = 'robots.txt fetched first';
/** An app shell over HTTP (`render: auto`): the page was fetched, and its render comes at the next claim. */
export const RETRY_RENDER_NEXT = 'app shell: rendering next';

export const finish = (result: FinishedFetch, links: QueueItem[] = []): PageOutcome => ({ kind: 'finish', result, links });
export const retry = (at: number, error: string, links: QueueItem[] = []): PageOutcome => ({ kind: 'retry', at, error, links });
/** First retry of a failed URL in a later run, doubling per failure (revisitPolicy.ts's schedule). */
export const failureRetryAt = (attempts: number) => (attempts < MAX_ATTEMPTS ? Date.now() + 15 * 60_000 * 2 ** Math.max(0, attempts - 1) : null);
/** Transient failures (network, 5xx, 429) retried inside the run: each retry is a new claim, paced like any request. */
export const transientRetryAt = (attempts: number) => Date.now() + Math.min(30_000, 500 * 2 ** Math.max(0, attempts - 1));
