import type { SourceConfig } from '../config/index.js';
import { purgeSearchDocs } from '../site/search-index.js';
import { appendAuditLine } from './audit.js';
import { SnapshotStore } from '../snapshot/store.js';
import type { SnapshotSummary } from '../snapshot/types.js';
import { compactDatabase, requestCompaction, runLockHolder } from '../storage/index.js';

/** Append-only log of prunes, beside takedowns.jsonl. */
export const PRUNE_LOG_FILE = 'prunes.jsonl';

/** A source's retention: the newest `keepVersions` versions of each article, and none older than `keepDays` (never the latest). */
export interface RetentionPolicy {
  keepVersions?: number;
  keepDays?: number;
}

export interface PruneOptions {
  /** List what would go; change nothing (no files, rows or audit line). */
  dryRun?: boolean;
  /** Clock for tests. */
  now?: Date;
}

export interface SourcePrune {
  source: string;
  policy: RetentionPolicy;
  /** Versions removed (or, for a dry run, that would be), oldest first per article. */
  removed: SnapshotSummary[];
  removedFiles: number;
}

export interface PruneResult {
  sources: SourcePrune[];
  dryRun: boolean;
  /** Whether store.db was compacted (VACUUM) after the removal; false beside a crawl (deferred) or when busy. */
  compacted?: boolean;
  /** A crawl held the store: it compacts the database before it ends. */
  compactionDeferred?: boolean;
}

/** One line of prunes.jsonl: ids and URLs of what went, never content. */
export interface PruneAuditEntry {
  time: string;
  source: string;
  policy: RetentionPolicy;
  removed: { id: string; url: string; fetchedAt: string }[];
  removedFiles: number;
}

const DAY_MS = 86_400_000;

export function policyOf(source: Pick<SourceConfig, 'keepVersions' | 'keepDays'>): RetentionPolicy | null {
  const policy: RetentionPolicy = {};
  if (source.keepVersions !== undefined) policy.keepVersions = source.keepVersions;
  if (source.keepDays !== undefined) policy.keepDays = source.keepDays;
  return Object.keys(policy).length ? policy : null;
}

/**
 * The versions a policy drops among one source's snapshots: per article (its `url`), versions beyond the newest
 * `keepVersions` and versions fetched more than `keepDays` ago. An article's latest version is never dropped.
 */
export function selectPrunable(store: SnapshotStore, source: string, policy: RetentionPolicy, now: Date): SnapshotSummary[] {
  const total = store.count({ source });
  const urls = [...new Set(store.list({ source, limit: total }).map((s) => s.url))].sort();
  const cutoff = policy.keepDays === undefined ? null : now.getTime() - policy.keepDays * DAY_MS;
  const out: SnapshotSummary[] = [];
  for (const url of urls) {
    const newestFirst = store.versions(url).reverse();
    newestFirst.forEach((v, i) => {
      if (i === 0 || v.source !== source) return; // the latest stays; another source's versions follow its own policy
      const tooMany = policy.keepVersions !== undefined && i >= policy.keepVersions;
      const tooOld = cutoff !== null && Date.parse(v.fetchedAt) < cutoff;
      if (tooMany || tooOld) out.push(v);
    });
  }
  return out.sort((a, b) => a.url.localeCompare(b.url) || a.fetchedAt.localeCompare(b.fetchedAt));
}


/**
 * Applies each source's retention (`keepVersions`, `keepDays`) to the store: old versions go through the
 * takedown's primitive (SnapshotStore.remove: rows and search docs in one transaction, then folders), but no
 * exclusion is recorded — the article may be crawled again. One audit line per source that lost versions.
 * Beside a running crawl the compaction is left to the crawl, as for a takedown.
 */
export function prune(
  target: string | SnapshotStore,
  sources: Pick<SourceConfig, 'name' | 'keepVersions' | 'keepDays'>[],
  options: PruneOptions = {},
): PruneResult {
  const store = typeof target === 'string' ? SnapshotStore.open(target) : target;
  const now = options.now ?? new Date();
  try {
    const results: SourcePrune[] = [];
    for (const source of sources) {
      const policy = policyOf(source);
      if (!policy) continue;
      const removed = selectPrunable(store, source.name, policy, now);
      let removedFiles = 0;
      if (!options.dryRun && removed.length > 0) {
        const ids = removed.map((s) => s.id);
        removedFiles = store.remove(ids, () => purgeSearchDocs(store.db, ids));
        const entry: PruneAuditEntry = {
          time: now.toISOString(),
          source: source.name,
          policy,
          removed: removed.map((s) => ({ id: s.id, url: s.url, fetchedAt: s.fetchedAt })),
          removedFiles,
        };
        appendAuditLine(store.storeDir, PRUNE_LOG_FILE, entry);
      }
      results.push({ source: source.name, policy, removed, removedFiles });
    }
    if (options.dryRun || results.every((r) => r.removed.length === 0)) return { sources: results, dryRun: options.dryRun ?? false };
    const crawlRunning = runLockHolder(store.storeDir) !== null;
    if (crawlRunning) requestCompaction(store.storeDir);
    const compacted = crawlRunning ? false : compactDatabase(store.db);
    return { sources: results, dryRun: false, compacted, ...(crawlRunning ? { compactionDeferred: true } : {}) };
  } finally {
    if (typeof target === 'string') store.close();
  }
}
