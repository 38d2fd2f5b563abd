import { closeSync, constants, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

/** Writes a new file and fsyncs it before returning: a snapshot must never be half on disk after a power cut. */
export function writeFileDurable(path: string, data: Uint8Array | string): void {
  const fd = openSync(path, constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY, 0o644);
  try {
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    for (let offset = 0; offset < bytes.length; ) offset += writeSync(fd, bytes, offset, bytes.length - offset);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** fsync a directory so a rename or new entry in it is durable. Some platforms can't; that's not fatal. */
export function fsyncDirSync(path: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    fsyncSync(fd);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== 'EISDIR' && code !== 'EPERM' && code !== 'EINVAL' && code !== 'ENOENT') throw err;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * mkdir -p that also fsyncs the parent of every directory it created, so the chain
 * `<host>/<YYYY>/<MM>/<DD>` survives a crash along with the snapshot renamed into it.
 */
export function mkdirDurable(path: string): void {
  const firstCreated = mkdirSync(path, { recursive: true });
  if (firstCreated === undefined) return;
  const created = [path];
  for (let dir = path; dir !== firstCreated; ) {
    dir = dirname(dir);
    created.push(dir);
  }
  for (const dir of created.reverse()) fsyncDirSync(dirname(dir));
}

/** Rename a finished folder into place and make the rename durable in both parents. */
export function renameDurable(from: string, to: string): void {
  renameSync(from, to);
  fsyncDirSync(dirname(to));
  if (dirname(from) !== dirname(to)) fsyncDirSync(dirname(from));
}

export function removeTreeSync(path: string): void {
  rmSync(path, { recursive: true, force: true });
}
