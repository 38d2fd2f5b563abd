export { takedown, TakedownError, type TakedownTarget } from './takedown.js';
export type { TakedownSelector, TakedownOptions, TakedownResult } from './types.js';
export { appendTakedownAudit, TAKEDOWN_LOG_FILE, type TakedownAuditEntry } from './audit.js';
