import type { CrawlConfig, SourceConfig } from '../config/index.js';
import type { BrowserFetcher, FetchResult, HttpFetcher, PrivateAccess, RobotsCache, RobotsVerdict } from '../fetch/index.js';
import type { Frontier, FrontierEntry, UrlHistory } from '../frontier/index.js';
import type { SnapshotStore } from '../snapshot/index.js';
import type { StoreDatabase } from '../storage/index.js';
import type { Logger } from '../util/logger.js';
import type { BrowserPage } from './browserPage.js';
import type { ExtractPool } from './extractPool.js';
import type { PageOutcome } from './pageOutcome.js';
import type { SourceScope } from './scope.js';
import type { StageClock } from './stageClock.js';
import type { RunSummary } from './summary.js';

/*
 * What a page's stages (pageProcessor.ts, pageStore.ts) read, and the values they hand each other: the run's
 * services, the admission stage's verdict, the fetched or rendered document. A stage returns either its value or
 * the page's final outcome (isOutcome).
 */

export interface PageProcessorDeps {
  config: CrawlConfig;
  db: StoreDatabase;
  frontier: Frontier;
  store: SnapshotStore;
  fetcher: HttpFetcher;
  /** Present when a source renders with `browser` or `auto`; Chromium starts on the first render. */
  browser?: BrowserFetcher | null;
  robots: RobotsCache;
  summary: RunSummary;
  logger: Logger;
  scopes: Map<string, SourceScope>;
  sources: Map<string, SourceConfig>;
  /** The global allowPrivate: opens each source's own entry points only (privateScope.ts). */
  allowPrivate: boolean;
  snapshotAllPages: boolean;
  /** Where pages are parsed and extracted: worker threads, or in-process (extractPool.ts). */
  extractor: ExtractPool;
  /** Aborted when the run must stop now (grace after SIGTERM or --max-time is over): in-flight pages are requeued. */
  runSignal: AbortSignal;
  /** Where pages spend their time, stage by stage (stageClock.ts); absent: not timed. */
  clock?: StageClock;
  /**
   * Called as an article's snapshot write begins; resolves once the page may write. The embedded crawl frees the
   * page's fetch slot here for a store slot it keeps until the page's outcome is in (storeGate.ts); absent: the
   * page holds its fetch slot to the end.
   */
  storeHandoff?: (entry: FrontierEntry) => Promise<void>;
}

/** The admission stage's result for a page that may be fetched: its source, scope and robots verdict. */
export interface Admitted {
  source: SourceConfig;
  privateAccess: PrivateAccess;
  verdict: RobotsVerdict;
  history: UrlHistory | null;
}

/** The fetch and render stages' result: the document (the rendered page's too, when the browser fetched it). */
export interface Fetched {
  result: FetchResult;
  page?: BrowserPage;
}

export const isOutcome = (x: object): x is PageOutcome => 'row' in x;
