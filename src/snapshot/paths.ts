import { isAbsolute, relative, resolve, sep } from 'node:path';
import { UnsafePathError } from './errors.js';

/** Where a snapshot's files are written first; a sibling of the host folders, so renames stay on one filesystem. */
export const TMP_DIR_NAME = '.tmp';

/**
 * Folder name for a URL's host. Only [a-z0-9.-] survive (anything else becomes `-`), a port becomes
 * `_port`, and names that could mean something to the filesystem (`..`, leading dot, empty) are
 * refused: a hostile URL must never choose where files land.
 */
export function hostDirName(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch (cause) {
    throw new UnsafePathError('not a URL', { url }, { cause });
  }
  // IPv6 literals lose their brackets; their colons become `-` like any other disallowed character.
  const hostname = parsed.hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1').replace(/\.+$/, '');
  const safe = hostname.replace(/[^a-z0-9.-]/g, '-');
  if (safe === '' || safe.startsWith('.') || safe.includes('..')) {
    throw new UnsafePathError(`unsafe host name "${hostname}"`, { url });
  }
  const port = parsed.port;
  if (port !== '' && !/^\d{1,5}$/.test(port)) throw new UnsafePathError(`unsafe port "${port}"`, { url });
  return port === '' ? safe : `${safe}_${port}`;
}

/** `<host>/<YYYY>/<MM>/<DD>/<id>` (UTC date of the fetch), always with forward slashes. */
export function snapshotRelDir(hostDir: string, fetchedAt: Date, id: string): string {
  const iso = fetchedAt.toISOString();
  return [hostDir, iso.slice(0, 4), iso.slice(5, 7), iso.slice(8, 10), id].join('/');
}

/**
 * Absolute path of `relPath` inside `storeDir`; throws if it resolves to the store itself or anywhere
 * outside it. Used for every path built from a URL or read back from the index.
 */
export function resolveInside(storeDir: string, relPath: string): string {
  const root = resolve(storeDir);
  const full = resolve(root, relPath);
  const rel = relative(root, full);
  if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) {
    throw new UnsafePathError('path escapes the store', { path: relPath });
  }
  return full;
}
