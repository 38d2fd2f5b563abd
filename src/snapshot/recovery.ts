import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { endWorkerId, isLiveHere, newWorkerId, processAlive, startWorkerId, workerLiveness, type StoreDatabase, type WorkerId } from '../storage/index.js';
import { ownerLeaseStatements } from '../storage/sqlite/owner-queries.js';
import type { Logger } from '../util/logger.js';
import { fsyncDirSync, removeTreeSync } from './durable-fs.js';
import { resolveInside, TMP_DIR_NAME } from './paths.js';
import type { SnapshotIndex } from './snapshot-index.js';



/** How long an owner's lease lasts past its last renewal (renewed every third of it while the store is open). */
export const OWNER_LEASE_MS = 60_000;

/**
 * A writable store's claim on its pending writes: its owner id, leased in the store database while it is open, so
 * that another process — on this machine or another sharing the store — leaves its half-written snapshots alone.
 */
export class OwnerLease {
  private readonly timer: NodeJS.Timeout | null = null;
  private readonly s: ReturnType<typeof ownerLeaseStatements> | null;

  constructor(readonly owner: WorkerId, db: StoreDatabase | null, private readonly leaseMs = OWNER_LEASE_MS) {
    startWorkerId(owner);
    this.s = db && !db.readonly ? leaseStatementsOf(db) : null;
    if (!this.s) return;
    this.hold();
    this.timer = setInterval(() => this.hold(), Math.max(1000, Math.floor(leaseMs / 3)));
    this.timer.unref();
  }

  private hold(): void {
    try {
      this.s!.hold.run(this.owner, Date.now() + this.leaseMs);
    } catch {
      /* a busy or full store skips one renewal; the lease has two more thirds to go */
    }
  }

  release(): void {
    endWorkerId(this.owner);
    if (this.timer) clearInterval(this.timer);
    try {
      this.s?.release.run(this.owner);
    } catch {
      /* left to expire */
    }
  }
}

/** The owner-lease statements, or null on a handle whose schema predates them (then only this machine can tell). */
function leaseStatementsOf(db: StoreDatabase): ReturnType<typeof ownerLeaseStatements> | null {
  try {
    return ownerLeaseStatements(db);
  } catch {
    return null;
  }
}

/** A new owner id for a store opened without one (a CLI command's store). */
export const newOwnerId = (): WorkerId => newWorkerId();

/**
 * Whether the store instance that recorded a pending row may still be working on it. Another live holder (a crawl
 * while the CLI runs a takedown, here or on another machine) must not have its in-flight write swept away. An owner
 * is live while its lease in the store has not expired; on this machine its process speaks for it too (gone: debris
 * at once; running: kept). An id of this process not open any more is an earlier, closed store's: debris. Owners
 * written by an older snapcrawl (`<pid>:<token>`) are judged by their pid, as they were.
 */
export function isOwnerAlive(owner: string, leaseExpiresAt: (owner: string) => number | undefined = () => undefined, now = Date.now()): boolean {
  if (isLiveHere(owner)) return true;
  const seen = workerLiveness(owner);
  if (seen === 'running') return true;
  if (seen === 'gone') return false;
  if (owner.split(':').length === 2) {
    const pid = Number(owner.split(':')[0]);
    if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return false;
    return processAlive(pid);
  }
  const until = leaseExpiresAt(owner);
  return until !== undefined && until > now;
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
export function recoverStore(storeDir: string, index: SnapshotIndex, logger?: Logger, db?: StoreDatabase): RecoveryReport {
  const report: RecoveryReport = { tmpRemoved: [], foldersRemoved: [], pendingResolved: 0 };
  const leases = db ? leaseStatementsOf(db) : null;
  const now = Date.now();
  const alive = (owner: string) => isOwnerAlive(owner, (o) => leases?.expiresAt.get(o), now);
  const tmpRoot = join(storeDir, TMP_DIR_NAME);
  let tmpEntries: string[] = [];
  try {
    tmpEntries = readdirSync(tmpRoot);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }

  for (const name of tmpEntries) {
    const pending = index.pendingById.get(name);
    if (pending && alive(pending.owner)) continue;
    removeTreeSync(join(tmpRoot, name));
    report.tmpRemoved.push(name);
  }
  if (report.tmpRemoved.length > 0) fsyncDirSync(tmpRoot);

  for (const pending of index.allPending.all()) {
    if (alive(pending.owner)) continue;
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

  // Leases expired a day ago have no pending rows left to speak for (this sweep judged them): drop them.
  if (leases && !db!.readonly) leases.dropExpired.run(now - 86_400_000);
  if (report.tmpRemoved.length + report.pendingResolved > 0) {
    logger?.warn({ storeDir, ...report }, 'recovered interrupted snapshot writes');
  }
  return report;
}
