import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, rm, rmdir, stat } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { BlobStore } from '../interfaces.js';

/** A blob key that could leave the store's root or mean something to the filesystem: refused before any I/O. */
export class UnsafeBlobKeyError extends Error {
  constructor(readonly key: string, reason: string) {
    super(`unsafe blob key ${JSON.stringify(key)}: ${reason}`);
    this.name = 'UnsafeBlobKeyError';
  }
}

/** Temp files live beside their target (same directory, same filesystem: the rename is atomic) under this prefix. */
const TEMP_PREFIX = '.blob-tmp-';

/**
 * Why `key` may not be used, or null. Keys are `/`-separated relative paths (`<host>/<YYYY>/<MM>/<DD>/<id>/<file>`);
 * a key comes partly from crawled URLs, so anything that could climb out of the root is refused outright rather
 * than normalised: `..` or `.` segments, an absolute path, backslashes (a separator on Windows), NUL, empty segments.
 */
function keyProblem(key: string, allowEmpty: boolean): string | null {
  if (key === '') return allowEmpty ? null : 'empty';
  if (key.includes('\0')) return 'contains NUL';
  if (key.includes('\\')) return 'contains a backslash';
  if (key.startsWith('/') || /^[A-Za-z]:/.test(key)) return 'absolute';
  const segments = key.split('/');
  // A prefix may end with `/` (list everything in a folder); a key may not.
  const inner = allowEmpty && key.endsWith('/') ? segments.slice(0, -1) : segments;
  for (const s of inner) {
    if (s === '') return 'empty path segment';
    if (s === '.' || s === '..') return `"${s}" segment`;
    if (s.startsWith(TEMP_PREFIX)) return 'reserved name';
  }
  return null;
}

/**
 * Blobs as files under one root directory: the store directory on one machine, or a path every worker mounts
 * (NFS and the like) when several machines share a crawl. Writes are atomic and durable: a reader sees the whole
 * file or none, and a file `put` returned for survives a crash (file, then directory, fsynced).
 */
export class FsBlobStore implements BlobStore {
  readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  /** Absolute path of a key; throws UnsafeBlobKeyError for keys that are not plain relative paths. */
  pathOf(key: string): string {
    const problem = keyProblem(key, false);
    if (problem) throw new UnsafeBlobKeyError(key, problem);
    const full = resolve(this.root, key);
    // Belt and braces: the checks above already rule this out.
    const rel = relative(this.root, full);
    if (rel === '' || rel.startsWith(`..${sep}`) || rel === '..') throw new UnsafeBlobKeyError(key, 'escapes the root');
    return full;
  }

  async put(key: string, bytes: Uint8Array): Promise<void> {
    const target = this.pathOf(key);
    const dir = dirname(target);
    const created = await mkdir(dir, { recursive: true });
    const temp = join(dir, `${TEMP_PREFIX}${randomBytes(8).toString('hex')}`);
    const handle = await open(temp, 'wx', 0o644);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } catch (err) {
      await handle.close().catch(() => undefined);
      await rm(temp, { force: true });
      throw err;
    }
    await handle.close();
    try {
      await rename(temp, target);
    } catch (err) {
      await rm(temp, { force: true });
      throw err;
    }
    // The rename is durable once its directory is; folders mkdir just made must reach disk in their parents too.
    await fsyncDir(dir);
    if (created) {
      // Every folder from `created` down to `dir` is new: each one's parent must record it.
      const top = dirname(created);
      for (let d = dirname(dir); ; d = dirname(d)) {
        await fsyncDir(d);
        if (d === top || d.length <= this.root.length) break;
      }
    }
  }

  /**
   * The files of one folder written together: each to a temp file and fsynced (in parallel), renamed, then the
   * folder fsynced once (and its new parents once), instead of a folder fsync per file. A snapshot is three files
   * in a folder of its own, so this is a third of the directory syncs. On failure the temp files are removed;
   * files already renamed stay (the caller removes what it wrote, as after a failed `put`).
   */
  async putAll(dir: string, files: readonly (readonly [name: string, bytes: Uint8Array])[]): Promise<void> {
    if (files.length === 0) return;
    for (const [name] of files) if (name.includes('/')) throw new UnsafeBlobKeyError(`${dir}/${name}`, 'a file name in putAll holds a path');
    const targets = files.map(([name]) => this.pathOf(`${dir}/${name}`));
    const folder = dirname(targets[0]!);
    const created = await mkdir(folder, { recursive: true });
    const temps = targets.map(() => join(folder, `${TEMP_PREFIX}${randomBytes(8).toString('hex')}`));
    const removeTemps = () => Promise.all(temps.map((t) => rm(t, { force: true })));
    try {
      await Promise.all(files.map(([, bytes], i) => writeDurably(temps[i]!, bytes)));
      for (let i = 0; i < temps.length; i++) await rename(temps[i]!, targets[i]!);
    } catch (err) {
      await removeTemps();
      throw err;
    }
    await fsyncDir(folder);
    if (created) {
      const top = dirname(created);
      for (let d = dirname(folder); ; d = dirname(d)) {
        await fsyncDir(d);
        if (d === top || d.length <= this.root.length) break;
      }
    }
  }

  async get(key: string): Promise<Buffer | null> {
    try {
      return await readFile(this.pathOf(key));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
  }

  /** Removes the file (absent is fine) and then any directories it leaves empty, up to the root. */
  async delete(key: string): Promise<void> {
    const target = this.pathOf(key);
    await rm(target, { force: true });
    for (let d = dirname(target); d !== this.root && d.startsWith(this.root + sep); d = dirname(d)) {
      try {
        await rmdir(d);
      } catch {
        break; // not empty (or already gone): the folders above it are not empty either
      }
    }
  }

  /** Keys starting with `prefix` (string prefix, `/`-separated), sorted; temp files of writes in progress are not listed. */
  async list(prefix: string): Promise<string[]> {
    const problem = keyProblem(prefix, true);
    if (problem) throw new UnsafeBlobKeyError(prefix, problem);
    // Walk only the deepest folder the prefix names in full.
    const slash = prefix.lastIndexOf('/');
    const base = slash < 0 ? '' : prefix.slice(0, slash);
    const out: string[] = [];
    await this.walk(base, out);
    return out.filter((k) => k.startsWith(prefix)).sort();
  }

  /**
   * Removes temp files of writes that never finished (a writer killed between open and rename) last modified
   * before `olderThan` (epoch ms): a write in progress elsewhere is younger than that. Returns how many.
   */
  async removeStaleTemp(olderThan: number): Promise<number> {
    const temps: string[] = [];
    await this.walk('', temps, true);
    let removed = 0;
    for (const key of temps) {
      const full = join(this.root, key);
      try {
        if ((await stat(full)).mtimeMs >= olderThan) continue;
        await rm(full, { force: true });
        removed++;
      } catch {
        // gone meanwhile: its writer finished or another sweeper got it
      }
    }
    return removed;
  }

  private async walk(relDir: string, out: string[], temps = false): Promise<void> {
    let entries;
    try {
      entries = await readdir(relDir ? join(this.root, relDir) : this.root, { withFileTypes: true });
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') return;
      throw err;
    }
    for (const e of entries) {
      const key = relDir ? `${relDir}/${e.name}` : e.name;
      if (e.isDirectory()) await this.walk(key, out, temps);
      else if (e.isFile() && e.name.startsWith(TEMP_PREFIX) === temps) out.push(key);
    }
  }
}

/** A new file with `bytes`, on disk when this returns (not yet visible under its final name). */
async function writeDurably(path: string, bytes: Uint8Array): Promise<void> {
  const handle = await open(path, 'wx', 0o644);
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function fsyncDir(dir: string): Promise<void> {
  let handle;
  try {
    handle = await open(dir, 'r');
  } catch {
    return; // some filesystems do not let a directory be opened; the rename itself still happened
  }
  try {
    await handle.sync();
  } catch {
    // EINVAL on filesystems without directory fsync: nothing more can be done
  } finally {
    await handle.close();
  }
}
