import { createHash } from 'node:crypto';
import { mkdir, rename, stat, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

/**
 * The extraction worker's code (extractTask.ts and what it imports from src/) as one plain-JavaScript
 * module, bundled by esbuild (the compiler tsx itself uses) when the pool starts. A worker that loads it
 * needs no TypeScript loader: extractWorker.mjs, the fallback, brings tsx to the worker, whose loader
 * thread and per-file compiles cost ~60 MB of RSS and ~0.5 s of CPU per worker. Packages stay external
 * (imported from node_modules as they are), so the file is written under node_modules/.cache, where
 * they resolve; its name is the hash of its contents, so concurrent crawls and later runs share it.
 * Returns null when it cannot be built (esbuild missing, read-only install): the caller falls back.
 */
export async function bundleExtractWorker(): Promise<URL | null> {
  try {
    const esbuild = await import('esbuild');
    const task = fileURLToPath(new URL('./extractTask.ts', import.meta.url));
    const out = await esbuild.build({
      stdin: { contents: `export { runExtractTask as default } from ${JSON.stringify(task)};`, resolveDir: fileURLToPath(new URL('.', import.meta.url)), loader: 'ts' },
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      write: false,
      logLevel: 'silent',
    });
    const code = out.outputFiles[0]?.contents;
    if (!code) return null;
    const dir = new URL('../../node_modules/.cache/snapcrawl/', import.meta.url);
    const file = new URL(`extract-worker-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.mjs`, dir);
    if (!(await stat(file).then(() => true, () => false))) {
      await mkdir(dir, { recursive: true });
      // Written aside, then renamed: a concurrent crawl never loads a half-written module.
      const tmp = new URL(`${file.pathname.split('/').pop()}.${process.pid}.tmp`, dir);
      await writeFile(tmp, code);
      await rename(tmp, file);
    }
    return file;
  } catch {
    return null;
  }
}
