/**
 * The CLI as one plain-JavaScript module, bundled from src/ by esbuild (the compiler tsx itself uses) and cached
 * under node_modules/.cache/snapcrawl/cli-<fingerprint>/ (one chunk per command) by a fingerprint of the project's sources (path, size, mtime), so a run
 * loads it with no TypeScript loader: tsx's loader thread and its per-file compiles and source maps cost ~30 MB
 * of RSS for the whole run and CPU at every start (a cron job starts often). A changed source file changes the
 * fingerprint, and the next start bundles again (~0.3 s). Packages stay external (resolved from node_modules as
 * they are); each project file's `import.meta.url` is replaced by its own file URL, so paths the code resolves
 * beside itself (package.json, the extraction worker) stay what they are under tsx.
 * Returns the bundle's URL, or null when it cannot be built (esbuild missing, a read-only install): the
 * launcher then runs the sources through tsx, as before.
 */
import { createHash } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { readFile, rename, rm, stat } from 'node:fs/promises';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SOURCE_DIRS = ['src', 'demo'];
const SOURCE_EXT = /\.(?:[cm]?ts|[cm]?js|json|sql)$/;

/** path, size and mtime of every source file: cheap (a few hundred stats) and changes with any edit. */
function fingerprint(dirs) {
  const hash = createHash('sha256');
  const walk = (dir) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const e of entries) {
      const path = join(dir, e.name);
      if (e.isDirectory()) walk(path);
      else if (SOURCE_EXT.test(e.name)) {
        const s = statSync(path);
        hash.update(`${path}\0${s.size}\0${s.mtimeMs}\n`);
      }
    }
  };
  for (const dir of dirs) walk(dir);
  for (const file of ['package.json', 'package-lock.json', 'tsconfig.json', 'bin/cli-bundle.js']) {
    const s = statSync(join(ROOT, file), { throwIfNoEntry: false });
    if (s) hash.update(`${file}\0${s.size}\0${s.mtimeMs}\n`);
  }
  return hash.digest('hex').slice(0, 16);
}

const LOADERS = { '.ts': 'ts', '.mts': 'ts', '.cts': 'ts', '.js': 'js', '.mjs': 'js', '.cjs': 'js' };

/** Each project file's `import.meta.url` (and dirname/filename) as the file's own, not the bundle's. */
const ownImportMeta = {
  name: 'own-import-meta',
  setup(build) {
    build.onLoad({ filter: /\.[cm]?[jt]s$/ }, async (args) => {
      if (args.path.includes(`${'/'}node_modules${'/'}`)) return undefined;
      const source = await readFile(args.path, 'utf8');
      if (!source.includes('import.meta')) return undefined;
      const contents = source
        .replace(/\bimport\.meta\.url\b/g, JSON.stringify(pathToFileURL(args.path).href))
        .replace(/\bimport\.meta\.dirname\b/g, JSON.stringify(join(args.path, '..')))
        .replace(/\bimport\.meta\.filename\b/g, JSON.stringify(args.path));
      return { contents, loader: LOADERS[extname(args.path)] ?? 'ts' };
    });
  },
};

/**
 * `entry` (a project file) bundled as `<name>-<fingerprint>/<name>.mjs`; its own folder is fingerprinted with src/
 * and demo/. The benches bundle their crawler runners this way too, so a measured crawl runs as the CLI does.
 */
export async function loadBundle(entry, name) {
  try {
    const cache = join(ROOT, 'node_modules', '.cache', 'snapcrawl');
    const dirs = [...new Set([...SOURCE_DIRS.map((d) => join(ROOT, d)), dirname(entry)])];
    const dir = join(cache, `${name}-${fingerprint(dirs)}`);
    const out = join(dir, `${name}.mjs`);
    if (await stat(out).then(() => true, () => false)) return pathToFileURL(out).href;
    const esbuild = await import('esbuild');
    // Built aside, then renamed into place: a concurrent start never loads a half-written bundle.
    const tmp = `${dir}.${process.pid}.tmp`;
    try {
      await esbuild.build({
        entryPoints: { [name]: entry },
        bundle: true,
        // Lazily imported modules (each CLI command) stay their own chunks, loaded when used.
        splitting: true,
        outdir: tmp,
        outExtension: { '.js': '.mjs' },
        platform: 'node',
        format: 'esm',
        target: 'node20',
        packages: 'external',
        logLevel: 'silent',
        plugins: [ownImportMeta],
      });
      await rename(tmp, dir).catch(async (err) => {
        // Another start renamed its own build into place first: use that one.
        if (!(await stat(out).then(() => true, () => false))) throw err;
        await rm(tmp, { recursive: true, force: true });
      });
      return pathToFileURL(out).href;
    } catch (err) {
      await rm(tmp, { recursive: true, force: true });
      throw err;
    } finally {
      await esbuild.stop?.();
    }
  } catch {
    return null;
  }
}

/** The CLI (src/cli/main.ts) as a bundle, or null. */
export function loadCliBundle() {
  return loadBundle(join(ROOT, 'src', 'cli', 'main.ts'), 'cli');
}
