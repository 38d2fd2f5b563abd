import type { SnapshotSummary } from '../snapshot/types.js';

/** What to take down: one URL (all its versions), every URL under a prefix, a host and its subdomains, or the URL of one snapshot id. */
export type TakedownSelector = { url: string } | { prefix: string } | { host: string } | { id: string };

export interface TakedownOptions {
  /** Why (e.g. "DMCA notice 2025-118"); required, recorded in the exclusion and the audit log. */
  reason: string;
  requester?: string;
  /** List what would be removed; change nothing (no files, rows, exclusions or audit line). */
  dryRun?: boolean;
  /** Clock for tests. */
  now?: Date;
}

export interface TakedownResult {
  /** Every snapshot version removed (or, for a dry run, that would be). */
  matched: SnapshotSummary[];
  /** Files deleted from snapshot folders (0 for a dry run). */
  removedFiles: number;
  /** New exclusion rules recorded (0 for a dry run or when they already existed). */
  exclusionsAdded: number;
  dryRun: boolean;
  /**
   * Whether store.db was rewritten (VACUUM) so no copy of the removed text survives in its free space;
   * false when another process held the database (the next takedown or `VACUUM` finishes it).
   */
  compacted?: boolean;
  /** A crawl held the store: it compacts the database before it ends (and a later run does, if it is killed). */
  compactionDeferred?: boolean;
}
