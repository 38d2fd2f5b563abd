/**
 * The store directory, checked before any command touches it, so an unusable one fails at once with
 * exit 2 and a message that names the path and the cause, instead of an "unexpected error" deep
 * inside SQLite or the lock file.
 *
 * The directory is created one level at a time (never `mkdirSync(…, { recursive: true })`): Node's
 * recursive mkdir spins forever, synchronously and deaf to SIGTERM, when the file system answers
 * ENOENT for a child of a directory that exists — which /proc, /sys and some FUSE mounts do.
 */
import { closeSync, existsSync, mkdirSync, openSync, statSync, unlinkSync, writeSync, type Stats } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { dirname, join, resolve } from 'node:path';
import { STORE_DB_FILE, StoreFullError } from '../storage/index.js';
import { SnapcrawlError } from '../util/errors.js';

/**
 * The machine, not the program, is in the way: a store path that is a file, a read-only or full file
 * system, a port already taken. Exit 2 (like bad usage: the operator has to change something).
 */
export class EnvironmentError extends SnapcrawlError {
  constructor(
    message: string,
    /** The store directory, file or address involved. */
    readonly path?: string,
    /** The errno code behind it (EROFS, ENOTDIR, EADDRINUSE…), when there is one. */
    readonly code?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

const errnoOf = (e: unknown): string | undefined => (e as NodeJS.ErrnoException)?.code;
const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

function kindOf(st: Stats): string {
  if (st.isFile()) return 'a file';
  if (st.isSocket()) return 'a socket';
  if (st.isFIFO()) return 'a named pipe';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  return 'a special file';
}

/** Maps a failed file-system call on the store to a typed error naming the store and the cause. */
function storeProblem(dir: string, err: unknown, hint = ''): EnvironmentError | StoreFullError {
  const code = errnoOf(err);
  const cause = messageOf(err) + hint;
  switch (code) {
    case 'EROFS':
    case 'EACCES':
    case 'EPERM':
      return new EnvironmentError(`store ${dir} is not writable: ${cause}`, dir, code, { cause: err });
    case 'ENOSPC':
    case 'EDQUOT':
      // Exit 1 like a disk that fills mid-run: the store is fine, the disk under it is not.
      return new StoreFullError(dir, { cause: err });
    default:
      return new EnvironmentError(`cannot create store ${dir}: ${cause}`, dir, code, { cause: err });
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** mkdir -p, one level at a time, failing (not looping) on the first level the file system refuses. */
function makeStoreDirectory(dir: string): void {
  const missing: string[] = [];
  let current = resolve(dir);
  for (;;) {
    let st: Stats;
    try {
      st = statSync(current);
    } catch (err) {
      const code = errnoOf(err);
      // ENOTDIR: some ancestor is not a directory; keep climbing to name it.
      if ((code === 'ENOENT' || code === 'ENOTDIR') && dirname(current) !== current) {
        missing.unshift(current);
        current = dirname(current);
        continue;
      }
      throw storeProblem(dir, err);
    }
    if (!st.isDirectory()) {
      const what = kindOf(st);
      throw new EnvironmentError(
        missing.length === 0
          ? `store ${dir} is not a directory: it is ${what}`
          : `cannot create store ${dir}: ${current} is ${what}, not a directory`,
        dir,
        'ENOTDIR',
      );
    }
    break;
  }
  for (const path of missing) {
    try {
      mkdirSync(path);
    } catch (err) {
      const code = errnoOf(err);
      if (code === 'EEXIST' && isDirectory(path)) continue; // created by someone else meanwhile
      if (code === 'EEXIST') throw new EnvironmentError(`cannot create store ${dir}: ${path} exists and is not a directory (a dangling symbolic link?)`, dir, code, { cause: err });
      // The parent exists (we just checked or made it), so ENOENT means this file system refuses new entries.
      throw storeProblem(dir, err, code === 'ENOENT' ? ` (${dirname(path)} does not accept new directories)` : '');
    }
  }
}

/** Creates, writes and removes a small file in the store: the only sure test of writability. */
function probeWritable(dir: string): void {
  const probe = join(dir, `.write-test-${process.pid}-${randomBytes(4).toString('hex')}`);
  let fd: number | null = null;
  try {
    fd = openSync(probe, 'wx');
    writeSync(fd, 'snapcrawl\n');
    closeSync(fd);
    fd = null;
    unlinkSync(probe);
  } catch (err) {
    if (fd !== null) {
      try {
        closeSync(fd);
      } catch {
        /* already failing */
      }
    }
    try {
      unlinkSync(probe);
    } catch {
      /* never created */
    }
    throw storeProblem(dir, err);
  }
}

/**
 * For commands that write (crawl, schedule): makes sure `dir` is a directory this process can write,
 * creating it (and its parents) if needed. Throws EnvironmentError (exit 2) naming the path and cause.
 */
export function resolveWritableStore(dir: string): string {
  makeStoreDirectory(dir);
  probeWritable(dir);
  return dir;
}

/** For commands that read a store: refuses a path that holds none (a mistyped --store must not create one). */
export function requireStore(dir: string): void {
  let st: Stats;
  try {
    st = statSync(dir);
  } catch (err) {
    const code = errnoOf(err);
    if (code === 'ENOENT') {
      throw new EnvironmentError(`no snapshot store at ${dir}: the folder does not exist (crawl something first, or pass --store)`, dir, code);
    }
    throw new EnvironmentError(`no snapshot store at ${dir}: ${messageOf(err)}`, dir, code, { cause: err });
  }
  if (!st.isDirectory()) throw new EnvironmentError(`no snapshot store at ${dir}: it is ${kindOf(st)}, not a directory`, dir, 'ENOTDIR');
  if (!existsSync(join(dir, STORE_DB_FILE))) {
    throw new EnvironmentError(`no snapshot store at ${dir}: it has no ${STORE_DB_FILE} (crawl something first, or pass --store)`, dir, 'ENOENT');
  }
}

/** For commands that change an existing store (takedown, verify, render): it must exist and be writable. */
export function requireWritableStore(dir: string): void {
  requireStore(dir);
  probeWritable(dir);
}
