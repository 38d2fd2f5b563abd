export { takedown, TakedownError, type TakedownTarget } from './takedown.js';
export type { TakedownSelector, TakedownOptions, TakedownResult } from './types.js';
export {
  isExcluded,
  addExclusions,
  removeExclusion,
  listExclusions,
  ensureExclusionsTable,
  invalidateExclusionCache,
  normalizeHostname,
  type Exclusion,
  type ExclusionKind,
  type ExclusionRule,
} from '../frontier/exclusions.js';
export { appendTakedownAudit, TAKEDOWN_LOG_FILE, type TakedownAuditEntry } from './audit.js';
