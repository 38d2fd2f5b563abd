export { takedown, TakedownError, type TakedownTarget } from './takedown.js';
export type { TakedownSelector, TakedownOptions, TakedownResult } from './types.js';
export { appendTakedownAudit, TAKEDOWN_LOG_FILE, type TakedownAuditEntry } from './audit.js';
export { prune, policyOf, selectPrunable, PRUNE_LOG_FILE, type PruneResult, type PruneOptions, type PruneAuditEntry, type RetentionPolicy, type SourcePrune } from './prune.js';
