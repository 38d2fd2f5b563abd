export { Frontier, revisitSchedule, CRAWL_FINISH_COALESCING, type FinishCoalescing, type FrontierEntry, type AddUrl, type ClaimOptions, type FinishResult, type UrlHistory, type UrlKind, type UrlState } from './frontier.js';
export { normalizeUrl, normalizeEscapes, requestUrl, hostKey } from './normalize.js';
export { ensureFrontierSchema } from './schema.js';
export {
  isExcluded,
  addExclusions,
  removeExclusion,
  listExclusions,
  ensureExclusionsTable,
  invalidateExclusionCache,
  normalizeHostname,
  type ExclusionRule,
} from './exclusions.js';
export {
  ParamLearner,
  stripLearnedParams,
  learnedParamsFor,
  trustedCanonical,
  withoutParams,
  MIN_CONFIRMATIONS,
  type LearnedParam,
  type ObserveResult,
  type PageObservation,
} from './paramLearning.js';
