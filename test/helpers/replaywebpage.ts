/**
 * ReplayWeb.page's static files (ui.js, sw.js) for replay tests, from the `replaywebpage` npm package.
 *
 * It is not a devDependency: the package declares Node >= 22 and pulls in electron and webpack-era
 * dependencies, while a browser needs only its two bundled files. So the pinned tarball is fetched with
 * `npm pack` (the ordinary client, npm's own cache, the registry CI already uses), checked against its
 * pinned sha512 integrity, unpacked once into node_modules/.cache and reused. REPLAYWEBPAGE_DIR points
 * at an unpacked copy instead (offline machines).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './cli.js';

export const REPLAYWEBPAGE_VERSION = '2.5.3';
/** `npm view replaywebpage@2.5.3 dist.integrity` */
const INTEGRITY = 'sha512-nCj2PSON3BxeSJKE8AsYPyULv0XPZKJWfy4l9PyQre9SqwLZ+WKZVs/sfLqPOQ4GrH+0YkjbwOhr8cSTH08gsQ==';
const FILES = ['ui.js', 'sw.js'] as const;

/** The tarball's bytes do not match the pinned integrity: never run what was fetched. */
export class ReplayWebPageIntegrityError extends Error {
  constructor(readonly expected: string, readonly actual: string) {
    super(`replaywebpage ${REPLAYWEBPAGE_VERSION} tarball integrity ${actual}, expected ${expected}`);
  }
}

export type ReplayWebPageFiles = { dir: string } | { unavailable: string };

function complete(dir: string): boolean {
  return FILES.every((f) => existsSync(join(dir, f)));
}

/** An unpacked replaywebpage package (a folder holding ui.js and sw.js), or why there is none. */
export function replayWebPageFiles(): ReplayWebPageFiles {
  const given = process.env.REPLAYWEBPAGE_DIR;
  if (given) return complete(given) ? { dir: given } : { unavailable: `REPLAYWEBPAGE_DIR=${given} has no ui.js and sw.js` };
  const cacheRoot = join(ROOT, 'node_modules', '.cache');
  const cached = join(cacheRoot, `replaywebpage-${REPLAYWEBPAGE_VERSION}`);
  if (complete(cached)) return { dir: cached };

  mkdirSync(cacheRoot, { recursive: true });
  const work = mkdtempSync(join(cacheRoot, 'replaywebpage-'));
  try {
    const pack = spawnSync('npm', ['pack', `replaywebpage@${REPLAYWEBPAGE_VERSION}`, '--json', '--pack-destination', work], {
      cwd: work,
      encoding: 'utf8',
      timeout: 180_000,
    });
    if (pack.status !== 0) return { unavailable: `npm pack replaywebpage@${REPLAYWEBPAGE_VERSION} failed (registry unreachable?): ${pack.stderr.trim().split('\n').pop() ?? ''}` };
    const [{ filename }] = JSON.parse(pack.stdout) as { filename: string }[];
    const tarball = join(work, filename);
    const actual = `sha512-${createHash('sha512').update(readFileSync(tarball)).digest('base64')}`;
    if (actual !== INTEGRITY) throw new ReplayWebPageIntegrityError(INTEGRITY, actual);
    const untar = spawnSync('tar', ['xzf', tarball, '-C', work], { encoding: 'utf8' });
    if (untar.status !== 0) return { unavailable: `cannot unpack ${filename}: ${untar.stderr.trim()}` };
    const unpacked = join(work, 'package');
    if (!complete(unpacked)) return { unavailable: `${filename} has no ui.js and sw.js` };
    // Another test process may have won the race; either copy is the same verified package.
    if (!complete(cached)) {
      rmSync(cached, { recursive: true, force: true });
      renameSync(unpacked, cached);
    }
    return { dir: cached };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
