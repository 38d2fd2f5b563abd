export { Crawler, type CrawlOptions, type CrawlProgress } from './crawler.js';
export { type RunSummary, failedTotal } from './summary.js';
export { RunRegistry } from './runs.js';
export { acquireRunLock } from '../storage/index.js';
export { parseDiscovery, type Discovery, type DiscoveredLink } from './discovery.js';
export { CrawlScheduler, type ScheduledRun } from './scheduler.js';
export { verifyStore, type VerifyReport, type VerifyProblem } from './verify.js';
export { storeStatus, type StoreStatus } from './status.js';
