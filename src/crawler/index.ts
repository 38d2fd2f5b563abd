export { Crawler, type CrawlOptions, type CrawlProgress } from './crawler.js';
export { type RunSummary, failedTotal } from './summary.js';
export { RunRegistry } from './runs.js';
export { acquireRunLock } from './runLock.js';
export { parseDiscovery, type Discovery, type DiscoveredLink } from './discovery.js';
export { CrawlScheduler, type ScheduledRun } from './scheduler.js';
