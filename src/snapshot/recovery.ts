import { randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Logger } from '../util/logger.js';
import { fsyncDirSync, removeTreeSync } from './durable-fs.js';
import { resolveInside, TMP_DIR_NAME } from './paths.js';
import type { SnapshotIndex } from './snapshot-index.js';


/** Owners (`<pid>:<token>`) of the stores open in this process: their pending work is not debris. */
const liveOwners = new Set<string>();

export function registerOwner(): string {
  const owner = `${process.pid}:${randomBytes(4).toString('hex')}`;
  liveOwners.add(owner);
  return owner;
}

export function unregisterOwner(owner: string): void {
  liveOwners.delete(owner);
}

/**
 * Whether the store instance that recorded a pending row may still be working on it. Another live
 * process (a crawl while the CLI runs a takedown) must not have its in-flight write swept away.
 * A pid that died, or this pid from an earlier run, is debris.
 */
export function isOwnerAlive(owner: string): boolean {
  const pid = Number(owner.split(':')[0]);
  if (!Number.isInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return liveOwners.has(owner);
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface RecoveryReport {
  /** `.tmp/<id>` folders of writes that never finished. */
  tmpRemoved: string[];
  /** Snapshot folders renamed into place (or half-deleted) without an index row: removed. */
  foldersRemoved: string[];
  /** Pending rows resolved (each write or delete that was interrupted). */
  pendingResolved: number;
}

/**
 * Finish what a crash interrupted. A pending row means "this folder is not trustworthy unless the
 * index has its row": if the row is there the write committed, else the folder is removed and the
 * URL is simply fetched again. `.tmp` entries without a live pending row are leftovers.
 * Pending rows are read after listing `.tmp`, and writers insert the row before creating the tmp
 * folder, so a live writer's folder is always seen with its row.
 */
export function recoverStore(storeDir: string, index: SnapshotIndex, logger?: Logger): RecoveryReport {
  const report: RecoveryReport = { tmpRemoved: [], foldersRemoved: [], pendingResolved: 0 };
  const tmpRoot = join(storeDir, TMP_DIR_NAME);
  let tmpEntries: string[] = [];
  try {
    tmpEntries = readdirSync(tmpRoot);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }

  for (const name of tmpEntries) {
    const pending = index.pendingById.get(name);
    if (pending && isOwnerAlive(pending.owner)) continue;
    removeTreeSync(join(tmpRoot, name));
    report.tmpRemoved.push(name);
  }
  if (report.tmpRemoved.length > 0) fsyncDirSync(tmpRoot);

  for (const pending of index.allPending.all()) {
    if (isOwnerAlive(pending.owner)) continue;
    if (!index.byId.get(pending.id)) {
      let dir: string | null = null;
      try {
        dir = resolveInside(storeDir, pending.dir);
      } catch {
        // A pending row pointing outside the store is never acted on; just dropped below.
      }
      if (dir !== null) {
        removeTreeSync(dir);
        fsyncDirSync(dirname(dir));
        report.foldersRemoved.push(pending.dir);
      }
    }
    index.deletePending.run(pending.id);
    report.pendingResolved++;
  }

  if (report.tmpRemoved.length + report.pendingResolved > 0) {
    logger?.warn({ storeDir, ...report }, 'recovered interrupted snapshot writes');
  }
  return report;
}
