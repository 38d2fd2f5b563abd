/**
 * Takedown against a shared store (issue 13): the index on PostgreSQL (or any IndexStores), the files in a
 * BlobStore on a shared path, and the crawl's FrontierStore (Redis) while workers run. The rule goes to the durable
 * list (the index's ExclusionStore) and to the frontier's copy first, so running workers stop fetching and storing
 * the URL within seconds; then the index rows and search documents go, then the files.
 */
import { mkdirSync } from 'node:fs';
import { normalizeHostname } from '../frontier/exclusions.js';
import { normalizeUrl } from '../frontier/normalize.js';
import type { BlobStore, ExclusionRule, FrontierStore, IndexedSnapshot, IndexStores, SnapshotSelector } from '../storage/interfaces.js';
import { appendTakedownAudit } from './audit.js';
import { TakedownError } from './takedown.js';
import type { TakedownOptions, TakedownSelector } from './types.js';

export interface SharedTakedownTarget {
  index: IndexStores;
  blobs: BlobStore;
  /** The shared crawl's frontier, when there is one: it gets a copy of every rule. */
  frontier: FrontierStore | null;
  /** Where takedowns.jsonl goes (the shared blob path, beside the files). */
  auditDir: string;
}

export interface SharedTakedownResult {
  /** Every snapshot version removed (or, for a dry run, that would be). */
  matched: IndexedSnapshot[];
  removedFiles: number;
  /** New rules in the durable list (the index's ExclusionStore). */
  exclusionsAdded: number;
  /** New rules in the frontier's copy (0 without a shared frontier). */
  frontierExclusionsAdded: number;
  dryRun: boolean;
}

/** The index selector and the rule a takedown selector stands for (an id: the URL of that snapshot). */
async function interpret(index: IndexStores, selector: TakedownSelector): Promise<{ select: SnapshotSelector; rule: ExclusionRule }> {
  if ('url' in selector) {
    const url = normalizeUrl(selector.url);
    if (url === null) throw new TakedownError('not an http(s) URL', selector);
    return { select: { url }, rule: { kind: 'url', value: url } };
  }
  if ('prefix' in selector) {
    const prefix = normalizeUrl(selector.prefix);
    if (prefix === null) throw new TakedownError('a prefix must be an absolute http(s) URL', selector);
    return { select: { prefix }, rule: { kind: 'prefix', value: prefix } };
  }
  if ('host' in selector) {
    const hostname = normalizeHostname(selector.host);
    if (hostname === null) throw new TakedownError('not a host name', selector);
    return { select: { hostname }, rule: { kind: 'host', value: hostname } };
  }
  if ('id' in selector) {
    const row = await index.snapshots.get(selector.id);
    if (!row) throw new TakedownError('no such snapshot (already removed?)', selector);
    // An id names one page: exclude that page's URL (ids are never fetched, so an id rule would guard nothing).
    return { select: { id: selector.id }, rule: { kind: 'url', value: row.url } };
  }
  throw new TakedownError('selector needs one of url, prefix, host or id', selector);
}

/** Deletes every file under each snapshot's folder; returns how many. */
async function removeFiles(blobs: BlobStore, rows: readonly IndexedSnapshot[]): Promise<number> {
  let removed = 0;
  for (const row of rows) {
    for (const key of await blobs.list(`${row.dir}/`)) {
      await blobs.delete(key);
      removed++;
    }
  }
  return removed;
}

export async function sharedTakedown(target: SharedTakedownTarget, selector: TakedownSelector, options: TakedownOptions): Promise<SharedTakedownResult> {
  if (!options.reason || options.reason.trim() === '') throw new TakedownError('a reason is required', selector);
  const { index, blobs, frontier } = target;
  const { select, rule } = await interpret(index, selector);
  const first = await index.snapshots.select(select);
  if (options.dryRun) return { matched: first, removedFiles: 0, exclusionsAdded: 0, frontierExclusionsAdded: 0, dryRun: true };

  // Pages matched through their final or canonical URL are excluded under the URL the crawler asks for, too.
  const rules: ExclusionRule[] = [rule];
  for (const url of new Set(first.map((s) => s.url))) if (!(await index.exclusions.isExcluded(url)) && url !== rule.value) rules.push({ kind: 'url', value: url });
  const exclusionsAdded = await index.exclusions.add(rules, options.reason);
  const frontierExclusionsAdded = frontier ? await frontier.addExclusions(rules, options.reason) : 0;

  // A worker that checked the rules just before they were written may still commit one version: select again
  // after removing, until nothing matches (the writer re-checks the rules right before its insert).
  const matched: IndexedSnapshot[] = [];
  let removedFiles = 0;
  for (let rows = first, round = 0; rows.length > 0 && round < 5; rows = await index.snapshots.select(select), round++) {
    const ids = rows.map((r) => r.id);
    await index.search.remove(ids);
    await index.snapshots.remove(ids);
    removedFiles += await removeFiles(blobs, rows);
    matched.push(...rows);
  }

  const now = options.now ?? new Date();
  mkdirSync(target.auditDir, { recursive: true });
  appendTakedownAudit(target.auditDir, {
    time: now.toISOString(),
    selector,
    reason: options.reason,
    requester: options.requester ?? null,
    removed: matched.map((s) => ({ id: s.id, url: s.url })),
    urls: [...new Set(matched.map((s) => s.url))],
    removedFiles,
    exclusions: rules,
  });
  return { matched, removedFiles, exclusionsAdded, frontierExclusionsAdded, dryRun: false };
}
