import { closeSync, fsyncSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { ensureDirectory } from '../util/ensureDir.js';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { LockError } from '../util/errors.js';
import { storeTrouble, StoreFullError } from './storeErrors.js';

export interface LockBody {
  pid: number;
  host: string;
  startedAt: string;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * One crawl per store at a time. The lock file is created with O_EXCL; a lock whose process is gone
 * (killed run) is taken over. Returns a release function.
 */
export function acquireRunLock(storeDir: string): { release: () => void; recovered: LockBody | null; file: string } {
  try {
    return takeLock(storeDir);
  } catch (err) {
    if (storeTrouble(err) === 'full') throw new StoreFullError(storeDir, { cause: err });
    throw err;
  }
}

/** The live run holding the store's lock (a crawl or verify), or null when none does. */
export function runLockHolder(storeDir: string): LockBody | null {
  let held: LockBody;
  try {
    held = JSON.parse(readFileSync(join(storeDir, 'crawl.lock'), 'utf8')) as LockBody;
  } catch {
    return null;
  }
  if (held.host !== hostname()) return held; // cannot tell from here: assume it runs
  return isAlive(held.pid) ? held : null;
}

function takeLock(storeDir: string): { release: () => void; recovered: LockBody | null; file: string } {
  ensureDirectory(storeDir);
  const file = join(storeDir, 'crawl.lock');
  let recovered: LockBody | null = null;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      const body: LockBody = { pid: process.pid, host: hostname(), startedAt: new Date().toISOString() };
      writeSync(fd, JSON.stringify(body));
      fsyncSync(fd);
      closeSync(fd);
      let released = false;
      return {
        file,
        recovered,
        release: () => {
          if (released) return;
          released = true;
          try {
            const held = JSON.parse(readFileSync(file, 'utf8')) as LockBody;
            if (held.pid === process.pid) unlinkSync(file);
          } catch {
            /* already gone */
          }
        },
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    let held: LockBody | null = null;
    try {
      held = JSON.parse(readFileSync(file, 'utf8')) as LockBody;
    } catch {
      held = null; // torn or empty lock file: its writer died before finishing it
    }
    if (held && held.host === hostname() && isAlive(held.pid) && held.pid !== process.pid) {
      throw new LockError(
        `another crawl (pid ${held.pid}, started ${held.startedAt}) holds the lock on ${storeDir}`,
        file,
        held.pid,
      );
    }
    if (held && held.host !== hostname()) {
      throw new LockError(`the store ${storeDir} is locked by host ${held.host} (pid ${held.pid}); remove ${file} if that run is dead`, file, held.pid);
    }
    recovered = held;
    try {
      unlinkSync(file);
    } catch {
      /* someone else recovered it first; retry */
    }
  }
  throw new LockError(`could not take the lock ${file}`, file);
}
