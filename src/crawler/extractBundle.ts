import { fileURLToPath } from 'node:url';
import { loadBundle } from '../../bin/cli-bundle.js';

/**
 * The extraction worker's code (extractWorkerEntry.ts and what it imports from src/) as plain JavaScript, bundled
 * by esbuild (the compiler tsx itself uses) the way the CLI is (bin/cli-bundle.js): cached under
 * node_modules/.cache/snapcrawl/ by a fingerprint of the sources (path, size, mtime), so a crawl's start costs a
 * few hundred stats, not a build (~0.3 s of esbuild at every start, pages extracted on the crawl's own thread
 * meanwhile). A worker that loads it needs no TypeScript loader: extractWorker.mjs, the fallback, brings tsx to
 * the worker, whose loader thread and per-file compiles cost ~60 MB of RSS and ~0.5 s of CPU per worker. Packages
 * stay external (imported from node_modules as they are).
 * Returns null when it cannot be built (esbuild missing, read-only install): the caller falls back.
 */
export async function bundleExtractWorker(): Promise<URL | null> {
  const entry = fileURLToPath(new URL('./extractWorkerEntry.ts', import.meta.url));
  const href = await loadBundle(entry, 'extract-worker');
  return href === null ? null : new URL(href);
}
