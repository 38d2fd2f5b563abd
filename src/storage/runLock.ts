import { closeSync, fsyncSync, linkSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { ensureDirectory } from '../util/ensureDir.js';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { LockError } from '../util/errors.js';
import { storeTrouble, StoreFullError } from './storeErrors.js';
import { endWorkerId, isLiveHere, newWorkerId, processAlive, startWorkerId, workerLiveness, type WorkerId } from './workerId.js';

export interface LockBody {
  pid: number;
  host: string;
  startedAt: string;
  /** The holder's worker id (`host:pid:random`); absent in a lock written by an older snapcrawl. */
  worker?: WorkerId;
  /** Epoch ms the lease runs to; the holder renews it while it runs. Absent in an older snapcrawl's lock. */
  expiresAt?: number;
}

export interface RunLock {
  release: () => void;
  /** The lock a dead (or expired) holder left, taken over. */
  recovered: LockBody | null;
  file: string;
  /** Who holds the lock: the same id names the run's frontier leases and pending snapshot writes. */
  worker: WorkerId;
}

export interface RunLockOptions {
  /** Defaults to a new id. */
  worker?: WorkerId;
  /** How long the lock outlives its last renewal (renewed every third of it). Default 60 s. */
  leaseMs?: number;
}

export const RUN_LOCK_LEASE_MS = 60_000;
const LOCK_FILE = 'crawl.lock';

/**
 * One crawl per store at a time — the documented lock `snapcrawl crawl` from cron relies on. The lock file is
 * created whole (linked from a private name, failing when it exists) and carries a lease: the holder's worker id and an expiry it renews while it runs. A second
 * process is refused while that lease is live, whatever machine it runs on; a lock whose lease expired is taken
 * over. On the holder's own machine its process speaks for it too: a lock whose process is gone (a killed run) is
 * taken over at once, one whose process still runs is never taken over.
 */
export function acquireRunLock(storeDir: string, options: RunLockOptions = {}): RunLock {
  try {
    return takeLock(storeDir, options.worker ?? newWorkerId(), options.leaseMs ?? RUN_LOCK_LEASE_MS);
  } catch (err) {
    if (storeTrouble(err) === 'full') throw new StoreFullError(storeDir, { cause: err });
    throw err;
  }
}

/** The live run holding the store's lock (a crawl or verify), or null when none does. */
export function runLockHolder(storeDir: string, now = Date.now()): LockBody | null {
  const held = readLock(join(storeDir, LOCK_FILE));
  if (!held) return null;
  return holderState(held, now, isLiveHere, true) === 'stale' ? null : held;
}

function readLock(file: string): LockBody | null {
  const raw = readRaw(file);
  return raw === null ? null : parseLock(raw);
}

/**
 * 'running': its process runs on this machine. 'leased': another machine's holder whose lease has not expired (or
 * an older snapcrawl's lock from another machine, which has no lease to expire). 'stale': may be taken over.
 */
function holderState(held: LockBody, now: number, ownHere: (w: WorkerId) => boolean, legacySelf: boolean): 'running' | 'leased' | 'stale' {
  const seen = held.worker
    ? workerLiveness(held.worker, ownHere)
    : held.host !== hostname()
      ? 'unknown'
      : (held.pid !== process.pid || legacySelf) && processAlive(held.pid)
        ? 'running'
        : 'gone';
  if (seen === 'running') return 'running';
  if (seen === 'gone') return 'stale';
  return held.expiresAt === undefined || held.expiresAt > now ? 'leased' : 'stale';
}

function refusal(storeDir: string, file: string, held: LockBody, state: 'running' | 'leased'): LockError {
  if (state === 'running') {
    return new LockError(`another crawl (pid ${held.pid}, started ${held.startedAt}) holds the lock on ${storeDir}`, file, held.pid);
  }
  if (held.expiresAt === undefined) {
    return new LockError(`the store ${storeDir} is locked by host ${held.host} (pid ${held.pid}); remove ${file} if that run is dead`, file, held.pid);
  }
  return new LockError(
    `another crawl (${held.worker}, started ${held.startedAt}) holds the lock on ${storeDir}; its lease runs to ${new Date(held.expiresAt).toISOString()} and is taken over once it expires`,
    file,
    held.pid,
  );
}

function takeLock(storeDir: string, worker: WorkerId, leaseMs: number): RunLock {
  ensureDirectory(storeDir);
  const file = join(storeDir, LOCK_FILE);
  let recovered: LockBody | null = null;
  for (let attempt = 0; attempt < 100; attempt++) {
    const body: LockBody = { pid: process.pid, host: hostname(), startedAt: new Date().toISOString(), worker, expiresAt: Date.now() + leaseMs };
    if (createWhole(file, JSON.stringify(body))) return held(file, body, leaseMs, recovered);
    const raw = readRaw(file);
    if (raw === null) continue; // removed meanwhile: try to create it again
    const other = parseLock(raw);
    if (other === null && Date.now() - mtimeOf(file) < TORN_GRACE_MS) {
      sleepSync(5); // an older snapcrawl writing its lock in place: whole in a moment
      continue;
    }
    // An earlier lock of this same process is taken over, as a dead one is (the process that wrote it is this one).
    const state = other ? holderState(other, Date.now(), () => false, false) : 'stale';
    if (other && state !== 'stale') throw refusal(storeDir, file, other, state);
    recovered = other;
    if (!removeStale(file, raw)) sleepSync(5); // another contender is mid-takeover: its lock appears in a moment
  }
  throw new LockError(`could not take the lock ${file}`, file);
}

/**
 * Creates the lock file with its whole content or not at all: the content is written and fsynced under a private
 * name, then hard-linked to the lock's name (link fails when that name exists, as O_EXCL does). A reader therefore
 * never sees a lock still being written — which a contender would take for a dead writer's torn lock and remove.
 */
function createWhole(file: string, content: string): boolean {
  const tmp = `${file}.${process.pid}.${Math.random().toString(16).slice(2)}.new`;
  const fd = openSync(tmp, 'wx');
  try {
    writeSync(fd, content);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    linkSync(tmp, file);
    return true;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP') throw e;
    // A file system without hard links: O_EXCL create, then write (a torn read is covered by TORN_GRACE_MS).
    try {
      const direct = openSync(file, 'wx');
      writeSync(direct, content);
      fsyncSync(direct);
      closeSync(direct);
      return true;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw err;
    }
  } finally {
    try {
      unlinkSync(tmp);
    } catch {
      /* already gone */
    }
  }
}

/** A lock file that does not parse and is younger than this may still be being written (an older snapcrawl). */
const TORN_GRACE_MS = 10_000;

function readRaw(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

function parseLock(raw: string): LockBody | null {
  try {
    return JSON.parse(raw) as LockBody;
  } catch {
    return null; // torn: its writer died before finishing it
  }
}

function mtimeOf(file: string): number {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

/** A takeover guard older than this was left by a contender killed mid-takeover (a takeover lasts milliseconds). */
const GUARD_STALE_MS = 10_000;

/**
 * Removes the stale lock whose content was `seen` — only while holding the takeover guard (an O_EXCL file beside the
 * lock) and only if the file still holds exactly that content. Without the guard, two contenders that both read the
 * stale lock could interleave "A unlinks, A creates its lock, B unlinks A's fresh lock, B creates": two runs at once.
 * Returns false when another contender holds the guard.
 */
function removeStale(file: string, seen: string): boolean {
  const guard = `${file}.takeover`;
  try {
    closeSync(openSync(guard, 'wx'));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    try {
      if (Date.now() - statSync(guard).mtimeMs > GUARD_STALE_MS) unlinkSync(guard);
    } catch {
      /* its taker finished meanwhile */
    }
    return false;
  }
  try {
    if (readRaw(file) === seen) unlinkSync(file);
  } catch {
    /* gone already */
  } finally {
    try {
      unlinkSync(guard);
    } catch {
      /* removed as stale by a contender: harmless, the lock itself was checked under it */
    }
  }
  return true;
}

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** The taken lock: its lease renewed every third of its length until released (or until someone else holds the file). */
function held(file: string, body: LockBody, leaseMs: number, recovered: LockBody | null): RunLock {
  const worker = body.worker!;
  startWorkerId(worker);
  const ours = () => readLock(file)?.worker === worker;
  const renewal = setInterval(() => {
    try {
      const now = readLock(file);
      // Once our lease has run out another machine may be taking the lock over: renewing then could overwrite its lock.
      if (now?.worker !== worker || (now.expiresAt ?? Infinity) <= Date.now()) return;
      // Whole or not at all: a reader never sees a torn lock while the holder lives.
      const tmp = `${file}.${process.pid}.tmp`;
      writeFileSync(tmp, JSON.stringify({ ...body, expiresAt: Date.now() + leaseMs }));
      renameSync(tmp, file);
    } catch {
      /* a full or busy disk skips one renewal; the lease has two more thirds to go */
    }
  }, Math.max(1000, Math.floor(leaseMs / 3)));
  renewal.unref();
  let released = false;
  return {
    file,
    recovered,
    worker,
    release: () => {
      if (released) return;
      released = true;
      clearInterval(renewal);
      endWorkerId(worker);
      try {
        if (ours()) unlinkSync(file);
      } catch {
        /* already gone */
      }
    },
  };
}
