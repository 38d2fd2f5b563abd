import { statfsSync } from 'node:fs';
import { SnapcrawlError } from '../util/errors.js';

/** Below this many free bytes, an I/O error from SQLite on the store is taken for a full disk. */
const NEARLY_FULL_BYTES = 256 * 1024;

/**
 * What kind of trouble a store operation ran into, read from SQLite's and the OS's error codes:
 * - `busy`: another process holds a lock (a takedown, verify or serve beside a crawl); retry soon;
 * - `full`: the disk (or the store's file system) is full; the run cannot go on;
 * - `readonly`: the store cannot be written at all;
 * - null: anything else (a bug, a corrupt file), handled as before.
 */
export type StoreTrouble = 'busy' | 'full' | 'readonly';

const BY_CODE: ReadonlyMap<string, StoreTrouble> = new Map([
  ['SQLITE_BUSY', 'busy'],
  ['SQLITE_BUSY_SNAPSHOT', 'busy'],
  ['SQLITE_BUSY_RECOVERY', 'busy'],
  ['SQLITE_BUSY_TIMEOUT', 'busy'],
  ['SQLITE_LOCKED', 'busy'],
  ['SQLITE_LOCKED_SHAREDCACHE', 'busy'],
  ['SQLITE_FULL', 'full'],
  ['SQLITE_IOERR_WRITE', 'full'], // what a full disk often looks like to SQLite once the WAL cannot grow
  ['ENOSPC', 'full'],
  ['EDQUOT', 'full'],
  ['SQLITE_READONLY', 'readonly'],
  ['SQLITE_READONLY_DBMOVED', 'readonly'],
  ['EROFS', 'readonly'],
]);

/**
 * The store trouble an error (or any error in its `cause` chain) stands for. SQLite reports a full disk
 * as SQLITE_FULL only sometimes (a WAL or shared-memory file that cannot grow is a "disk I/O error"):
 * given the store's folder, an I/O error on a disk with next to no free space counts as full.
 */
export function storeTrouble(err: unknown, storeDir?: string): StoreTrouble | null {
  for (let e: unknown = err, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (e instanceof StoreFullError) return 'full';
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') {
      const trouble = BY_CODE.get(code);
      if (trouble) return trouble;
      if (code.startsWith('SQLITE_IOERR') && storeDir !== undefined && freeBytes(storeDir) < NEARLY_FULL_BYTES) return 'full';
    }
  }
  return null;
}

function freeBytes(dir: string): number {
  try {
    const { bavail, bsize } = statfsSync(dir);
    return bavail * bsize;
  } catch {
    return Infinity;
  }
}

/** The disk under the store is full: the run stops, marked failed, and says where. */
export class StoreFullError extends SnapcrawlError {
  constructor(readonly storeDir: string, options?: { cause?: unknown }) {
    super(`disk full at ${storeDir}: free some space and run again (the run is resumable)`, options);
  }
}
