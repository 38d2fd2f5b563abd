import { normalizeUrl } from '../frontier/normalize.js';
import { compactDatabase, requestCompaction, runLockHolder, type StoreDatabase } from '../storage/index.js';
import { SnapshotStore } from '../snapshot/store.js';
import type { SnapshotMatch } from '../snapshot/snapshot-index.js';
import { StoreError } from '../util/errors.js';
import { purgeSearchDocs } from '../site/search-index.js';
import { appendTakedownAudit } from './audit.js';
import { addExclusions, invalidateExclusionCache, isExcluded, normalizeHostname, type ExclusionRule } from '../frontier/exclusions.js';
import type { TakedownOptions, TakedownResult, TakedownSelector } from './types.js';

/** A takedown request that can't be carried out as given (bad selector, no reason). */
export class TakedownError extends StoreError {
  constructor(message: string, readonly selector: TakedownSelector) {
    super(`${message} (${JSON.stringify(selector)})`);
  }
}

/** Where to take down from: a store directory (opened and closed here), an open store, or a store directory plus the shared db. */
export type TakedownTarget = string | SnapshotStore | { store: SnapshotStore | string; db?: StoreDatabase };

function openTarget(target: TakedownTarget): { store: SnapshotStore; close: boolean } {
  if (typeof target === 'string') return { store: SnapshotStore.open(target), close: true };
  if (target instanceof SnapshotStore) return { store: target, close: false };
  if (target.store instanceof SnapshotStore) return { store: target.store, close: false };
  return { store: SnapshotStore.open(target.store, { db: target.db }), close: true };
}

/** The normalized index match and the exclusion rule a selector stands for (id: resolved via the index). */
function interpret(store: SnapshotStore, selector: TakedownSelector): { match: SnapshotMatch; rule: ExclusionRule } {
  if ('url' in selector) {
    const url = normalizeUrl(selector.url);
    if (url === null) throw new TakedownError('not an http(s) URL', selector);
    return { match: { url }, rule: { kind: 'url', value: url } };
  }
  if ('prefix' in selector) {
    const prefix = normalizeUrl(selector.prefix);
    if (prefix === null) throw new TakedownError('a prefix must be an absolute http(s) URL', selector);
    return { match: { prefix }, rule: { kind: 'prefix', value: prefix } };
  }
  if ('host' in selector) {
    const hostname = normalizeHostname(selector.host);
    if (hostname === null) throw new TakedownError('not a host name', selector);
    return { match: { hostname }, rule: { kind: 'host', value: hostname } };
  }
  if ('id' in selector) {
    const snapshot = store.summary(selector.id);
    if (!snapshot) throw new TakedownError('no such snapshot (already removed?)', selector);
    // An id names one page: exclude that page's URL (ids are never fetched, so an id rule would guard nothing).
    return { match: { id: selector.id }, rule: { kind: 'url', value: snapshot.url } };
  }
  throw new TakedownError('selector needs one of url, prefix, host or id', selector);
}

/**
 * Remove every version of the selected snapshots (folders and index rows), record exclusions so the
 * crawler never fetches or stores them again, and append an audit line to takedowns.jsonl.
 * Exclusions are recorded even when nothing is archived yet, so a takedown can precede the crawl.
 * The selector's rule commits first (so a crawl running beside cannot add a version after the match); the index
 * deletes and the rules for URLs matched through a final or canonical URL commit in one transaction; folders go
 * right after (a crash in between is finished by the next open).
 */
export function takedown(target: TakedownTarget, selector: TakedownSelector, options: TakedownOptions): TakedownResult {
  if (!options.reason || options.reason.trim() === '') throw new TakedownError('a reason is required', selector);
  const { store, close } = openTarget(target);
  try {
    const { match, rule } = interpret(store, selector);
    if (options.dryRun) return { matched: store.matchAllVersions(match), removedFiles: 0, exclusionsAdded: 0, dryRun: true };

    const rules: ExclusionRule[] = [rule];
    const now = options.now ?? new Date();
    const meta = { reason: options.reason, requester: options.requester ?? null, createdAt: now };
    // The rule first, in a commit of its own: from then on a crawl beside us cannot store a page it covers (the
    // writer checks exclusions again inside its index commit), so the versions matched next are all there will be.
    // Matched first, a crawl could commit a new version between the match and the rule, and that version stayed.
    let exclusionsAdded = addExclusions(store.db, [rule], meta);
    invalidateExclusionCache(store.db);
    const matched = store.matchAllVersions(match);
    const urls = [...new Set(matched.map((s) => s.url))];
    let removedFiles: number;
    const ids = matched.map((s) => s.id);
    try {
      removedFiles = store.remove(
        ids,
        () => {
          purgeSearchDocs(store.db, ids);
          // Pages matched through their final or canonical URL are excluded under the URL the crawler asks for, too.
          const uncovered = urls.filter((u) => !isExcluded(store.db, u)).map((value): ExclusionRule => ({ kind: 'url', value }));
          exclusionsAdded += addExclusions(store.db, uncovered, meta);
          rules.push(...uncovered);
        },
      );
    } finally {
      invalidateExclusionCache(store.db);
    }
    // Beside a running crawl the compaction is the crawl's to do (it runs it before it ends): a VACUUM here
    // would hold the write lock longer than the crawl's writes can wait.
    const crawlRunning = runLockHolder(store.storeDir) !== null;
    if (crawlRunning) requestCompaction(store.storeDir);
    const compacted = crawlRunning ? false : compactDatabase(store.db);

    appendTakedownAudit(store.storeDir, {
      time: now.toISOString(),
      selector,
      reason: options.reason,
      requester: options.requester ?? null,
      removed: matched.map((s) => ({ id: s.id, url: s.url })),
      urls,
      removedFiles,
      exclusions: rules,
    });
    return { matched, removedFiles, exclusionsAdded, dryRun: false, compacted, ...(crawlRunning ? { compactionDeferred: true } : {}) };
  } finally {
    if (close) store.close();
  }
}
