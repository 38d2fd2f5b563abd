/**
 * Readability.js (@mozilla/readability + jsdom, devDependencies) on the same decoded pages as ours, so the body
 * figures have a reference beside them. jsdom costs ~0.5 s a page, so results are cached on disk by a hash of the
 * page text and URL (node_modules/.cache, which git ignores); a second `npm run eval` is fast.
 *
 * Uncached pages are run up front (`prefill`) in short-lived worker threads, a batch each: jsdom keeps memory past
 * `window.close()`, and one process parsing the ~900 pages of a clean clone's first eval ran out of heap (4 GB).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { load } from 'cheerio';

export interface ReadabilityBody {
  /** Readability's article text for one page (from the cache when prefilled). */
  body(html: string, url: string): string;
  /** Runs every page not cached yet, in worker threads of BATCH pages each. */
  prefill(pages: Array<{ html: string; url: string }>): Promise<void>;
}

const BATCH = 30;

/** Block-level tags whose boundaries become line breaks, so words of adjacent paragraphs do not fuse into a token. */
const BLOCK_TAG = /<\/?(?:p|div|h[1-6]|li|br|tr|td|th|section|article|blockquote|pre|ul|ol|dl|dt|dd|table|figure|figcaption|header|footer)\b[^>]*>/gi;

export function htmlToText(html: string): string {
  return load(html.replace(BLOCK_TAG, '\n')).root().text().replace(/[ \t\u00a0]+/g, ' ').replace(/\s*\n\s*/g, '\n').trim();
}

/** Runs in each worker thread: Readability's article HTML for each page of its batch ('' when jsdom fails). */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { JSDOM, VirtualConsole } = require(workerData.jsdom);
const { Readability } = require(workerData.readability);
const quiet = new VirtualConsole();
const out = workerData.pages.map(({ html, url }) => {
  try {
    const dom = new JSDOM(html, { url, virtualConsole: quiet });
    const article = new Readability(dom.window.document).parse();
    dom.window.close();
    return article && article.content ? article.content : '';
  } catch {
    return '';
  }
});
parentPort.postMessage(out);
`;

function runBatch(pages: Array<{ html: string; url: string }>, modules: { jsdom: string; readability: string }): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { pages, ...modules } });
    worker.once('message', (out: string[]) => resolve(out));
    worker.once('error', reject);
    worker.once('exit', (code) => code !== 0 && reject(new Error(`readability worker exited ${code}`)));
  });
}

/** Undefined when the devDependencies are not installed: the eval then prints our figures alone. */
export async function loadReadability(cacheRoot: string): Promise<ReadabilityBody | undefined> {
  const require = createRequire(import.meta.url);
  let modules: { jsdom: string; readability: string };
  let version: string;
  try {
    modules = { jsdom: require.resolve('jsdom'), readability: require.resolve('@mozilla/readability') };
    version = (require('@mozilla/readability/package.json') as { version: string }).version;
  } catch {
    return undefined;
  }
  const cacheDir = join(cacheRoot, 'node_modules', '.cache', 'snapcrawl-eval', `readability-${version}`);
  mkdirSync(cacheDir, { recursive: true });
  const fileFor = (html: string, url: string) => join(cacheDir, `${createHash('sha1').update(url).update('\0').update(html).digest('hex')}.txt`);
  const prefill = async (pages: Array<{ html: string; url: string }>) => {
    const todo = pages.filter((p) => !existsSync(fileFor(p.html, p.url)));
    for (let i = 0; i < todo.length; i += BATCH) {
      const batch = todo.slice(i, i + BATCH);
      const contents = await runBatch(batch, modules);
      batch.forEach((p, k) => writeFileSync(fileFor(p.html, p.url), contents[k] ? htmlToText(contents[k]) : ''));
    }
  };
  return {
    prefill,
    body(html, url) {
      const file = fileFor(html, url);
      if (!existsSync(file)) throw new Error(`readability: ${url} was not prefilled`);
      return readFileSync(file, 'utf8');
    },
  };
}
