/**
 * Extraction throughput: pages/second on one core for extractArticle and for @mozilla/readability + jsdom, on the
 * same pages in the same process (median of several runs; a warm-up pass first). Pages come from the shared
 * corpora (../shared/extraction) when present, else from test/fixtures/extract.
 *   tsx scripts/bench-extract.ts [--runs N] [--limit N] [--no-readability] [--sources]
 * The extractor runs as the crawl's extraction workers run it: src/extract bundled by esbuild into plain JavaScript
 * (bin/cli-bundle.js loadBundle, the bundle extractBundle.ts builds for the workers). tsx compiles the sources
 * with esbuild's keepNames, which wraps every function declared inside another in a naming call each time it is
 * created (~1% of extraction); `--sources` measures the TypeScript sources through tsx instead.
 * runExtractBench() returns the figures for the lead's `npm run bench`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { decodeHtml } from '../src/fetch/encoding.js';
import { extractArticle as extractFromSources } from '../src/extract/index.js';
import { loadBundle } from '../bin/cli-bundle.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SHARED = process.env.EXTRACTION_CORPUS_DIR ?? resolve(ROOT, '../shared/extraction');

export interface EngineFigures {
  pagesPerSecond: number;
  msPerPage: number;
  /** pages/second of each timed run. */
  runs: number[];
  /** CPU time (user + system, this process) per page, median over the runs: steadier than wall clock on a busy machine. */
  cpuMsPerPage: number;
}

export interface ExtractBenchResult {
  pages: number;
  bytes: number;
  source: string;
  snapcrawl: EngineFigures;
  /** Undefined when @mozilla/readability or jsdom is not installed (they are devDependencies). */
  readability?: EngineFigures;
  /** snapcrawl pages/s ÷ Readability+jsdom pages/s. */
  ratio?: number;
  note?: string;
}

interface Page {
  url: string;
  html: string;
}

function loadPages(limit: number): { pages: Page[]; source: string } {
  const pages: Page[] = [];
  for (const corpus of ['scrapinghub-dev', 'zh-dev']) {
    const dir = join(SHARED, corpus);
    if (!existsSync(join(dir, 'ground-truth.json'))) continue;
    const truth = JSON.parse(readFileSync(join(dir, 'ground-truth.json'), 'utf8')) as Record<string, { url?: string }>;
    for (const [id, t] of Object.entries(truth)) {
      const file = join(dir, 'html', `${id}.html.gz`);
      if (existsSync(file)) pages.push({ url: t.url ?? 'http://example.invalid/', html: decodeHtml(gunzipSync(readFileSync(file))).text });
    }
  }
  if (pages.length > 0) return { pages: pages.slice(0, limit), source: SHARED };
  const fixtures = join(ROOT, 'test/fixtures/extract');
  for (const f of readdirSync(fixtures).filter((x) => x.endsWith('.html'))) {
    const exp = JSON.parse(readFileSync(join(fixtures, f.replace(/\.html$/, '.json')), 'utf8')) as { url: string };
    pages.push({ url: exp.url, html: readFileSync(join(fixtures, f), 'utf8') });
  }
  return { pages: pages.slice(0, limit), source: fixtures };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Time `fn` over all pages `runs` times (wall clock, one thread) after one warm-up pass. */
function measure(pages: Page[], runs: number, fn: (p: Page) => void): EngineFigures {
  for (const p of pages) fn(p);
  const perRun: number[] = [];
  const cpuPerRun: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    for (const p of pages) fn(p);
    const cpu = process.cpuUsage(c0);
    perRun.push(pages.length / ((performance.now() - t0) / 1000));
    cpuPerRun.push((cpu.user + cpu.system) / 1000 / pages.length);
  }
  const pps = median(perRun);
  return { pagesPerSecond: pps, msPerPage: 1000 / pps, runs: perRun, cpuMsPerPage: median(cpuPerRun) };
}

type ReadabilityRunner = (p: Page) => void;

async function loadReadability(): Promise<ReadabilityRunner | undefined> {
  try {
    const { JSDOM, VirtualConsole } = await import('jsdom');
    const { Readability } = await import('@mozilla/readability');
    const quiet = new VirtualConsole();
    return (p) => {
      const dom = new JSDOM(p.html, { url: p.url, virtualConsole: quiet });
      new Readability(dom.window.document).parse();
      dom.window.close();
    };
  } catch {
    return undefined;
  }
}

type Extract = typeof extractFromSources;

/** extractArticle as the crawl's workers run it (bundled), or from the sources when no bundle can be built. */
async function loadExtractor(sources: boolean): Promise<{ extract: Extract; how: string }> {
  if (!sources) {
    const href = await loadBundle(join(ROOT, 'src', 'extract', 'index.ts'), 'extract-bench');
    if (href) {
      const mod = (await import(href)) as { extractArticle: Extract };
      return { extract: mod.extractArticle, how: 'bundled as the workers run it' };
    }
  }
  return { extract: extractFromSources, how: 'TypeScript sources through tsx' };
}

export async function runExtractBench(opts: { runs?: number; limit?: number; log?: boolean; readability?: boolean; sources?: boolean } = {}): Promise<ExtractBenchResult> {
  const runs = opts.runs ?? 5;
  const log = opts.log ?? false;
  const { pages, source } = loadPages(opts.limit ?? Number.POSITIVE_INFINITY);
  const bytes = pages.reduce((n, p) => n + Buffer.byteLength(p.html), 0);
  const { extract: extractArticle, how } = await loadExtractor(opts.sources ?? false);
  if (log) console.log(`${pages.length} pages (${(bytes / 1e6).toFixed(1)} MB) from ${source}; ${runs} runs each, median; extractor ${how}`);

  const snapcrawl = measure(pages, runs, (p) => {
    extractArticle(p.html, { url: p.url });
  });
  if (log) console.log(`snapcrawl extractArticle      ${snapcrawl.pagesPerSecond.toFixed(1).padStart(8)} pages/s  (${snapcrawl.msPerPage.toFixed(2)} ms/page; CPU ${snapcrawl.cpuMsPerPage.toFixed(2)} ms/page)`);

  // Readability + jsdom takes minutes on the full set: skippable when only our own figure is wanted.
  const readabilityRun = opts.readability === false ? undefined : await loadReadability();
  if (!readabilityRun) {
    const note = opts.readability === false ? 'Readability.js not run (--no-readability)' : '@mozilla/readability / jsdom not installed (devDependencies): no comparison';
    if (log) console.log(note);
    return { pages: pages.length, bytes, source, snapcrawl, note };
  }
  const readability = measure(pages, Math.max(1, Math.min(runs, 3)), readabilityRun);
  const ratio = snapcrawl.pagesPerSecond / readability.pagesPerSecond;
  if (log) {
    console.log(`Readability.js + jsdom        ${readability.pagesPerSecond.toFixed(1).padStart(8)} pages/s  (${readability.msPerPage.toFixed(2)} ms/page)`);
    console.log(`ratio                         ${ratio.toFixed(1).padStart(8)} ×`);
  }
  return { pages: pages.length, bytes, source, snapcrawl, readability, ratio };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const flag = (name: string): number | undefined => {
    const i = args.indexOf(name);
    return i >= 0 ? Number(args[i + 1]) : undefined;
  };
  await runExtractBench({ runs: flag('--runs'), limit: flag('--limit'), log: true, readability: !args.includes('--no-readability'), sources: args.includes('--sources') });
}
