import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { StoreDatabase } from '../storage/database.js';
import { fsyncDirSync, removeTreeSync } from './durable-fs.js';
import { SnapshotStoreError } from './errors.js';
import { resolveInside } from './paths.js';
import type { SnapshotIndex, SnapshotRow } from './snapshot-index.js';

function countFiles(dir: string): number {
  let count = 0;
  try {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      count += entry.isDirectory() ? countFiles(join(dir, entry.name)) : 1;
    }
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  return count;
}

/**
 * Delete snapshots for good. One transaction drops the index rows, records a pending `delete` row per
 * folder and runs `alsoInTransaction` (the takedown's exclusions), so "gone from the index" and "never
 * fetched again" commit together. Folders are removed after the commit; if we crash before that, the
 * pending rows make the next open finish the job. Returns the number of files removed.
 */
export function removeSnapshots(
  ctx: { storeDir: string; db: StoreDatabase; index: SnapshotIndex; owner: string },
  rows: SnapshotRow[],
  alsoInTransaction?: () => void,
): number {
  // Resolve every path before changing anything: a row pointing outside the store aborts the lot.
  const targets = rows.map((row) => {
    try {
      return { row, dir: resolveInside(ctx.storeDir, row.dir) };
    } catch (cause) {
      throw new SnapshotStoreError('index row points outside the store', { id: row.id, url: row.url, path: row.dir }, { cause });
    }
  });
  const now = new Date().toISOString();
  ctx.db.transaction(() => {
    for (const { row } of targets) {
      ctx.index.deleteRow.run(row.id);
      ctx.index.deletePending.run(row.id);
      ctx.index.insertPending.run({ id: row.id, op: 'delete', dir: row.dir, owner: ctx.owner, created_at: now });
    }
    alsoInTransaction?.();
  }).immediate();

  let removedFiles = 0;
  const parents = new Set<string>();
  for (const { row, dir } of targets) {
    try {
      removedFiles += countFiles(dir);
      removeTreeSync(dir);
      parents.add(dirname(dir));
      ctx.index.deletePending.run(row.id);
    } catch (cause) {
      throw new SnapshotStoreError('could not remove snapshot folder (will be retried on next open)', { id: row.id, url: row.url, path: row.dir }, { cause });
    }
  }
  for (const parent of parents) fsyncDirSync(parent);
  return removedFiles;
}
