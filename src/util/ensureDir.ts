import { mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/**
 * `mkdir -p` one level at a time. Node's `mkdirSync(dir, { recursive: true })` spins forever, synchronously
 * (signals never get a turn), on a file system that answers ENOENT to every mkdir (`/proc`): this fails on
 * the first level refused instead, with that call's error (code and path intact).
 */
export function ensureDirectory(dir: string): void {
  const missing: string[] = [];
  let current = resolve(dir);
  for (;;) {
    try {
      if (statSync(current).isDirectory()) break;
      throw Object.assign(new Error(`ENOTDIR: not a directory, mkdir '${current}'`), { code: 'ENOTDIR', path: current });
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' || dirname(current) === current) throw err;
      missing.unshift(current);
      current = dirname(current);
    }
  }
  for (const path of missing) {
    try {
      mkdirSync(path);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST' && statSync(path, { throwIfNoEntry: false })?.isDirectory()) continue;
      throw err;
    }
  }
}
