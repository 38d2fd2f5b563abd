export { loadConfig, parseConfig, makeConfig, makeSource, formatPath, withSharedStores } from './load.js';
export { sharedStoreUrlProblem } from './schema.js';
export {
  DEFAULT_USER_AGENT,
  type CrawlConfig,
  type SourceConfig,
  type FetchConfig,
  type SiteConfig,
  type FieldOverride,
  type SourceLimits,
  type ConfigInput,
  type SourceInput,
} from './schema.js';
