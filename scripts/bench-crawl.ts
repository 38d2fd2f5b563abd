/**
 * Crawl throughput on the bundled demo site (loopback, no politeness delay): pages per second end to end
 * (fetch, robots, extract, atomic snapshot write, SQLite), median of several runs, and peak RSS.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeConfig } from '../src/config/index.js';
import { Crawler } from '../src/crawler/index.js';
import { startNewsSite } from '../demo/index.js';

const ARTICLE_PATTERN = '/(?:zh/[a-z]+/\\d{6}/\\d{2}/t\\d{8}_\\d+\\.html|en/[a-z]+/\\d{4}/\\d{2}/\\d{2}/[a-z0-9-]+)(?:[?#]|$)';

export interface CrawlBenchResult {
  articles: number;
  runs: number[];
  medianPagesPerSecond: number;
  peakRssMb: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** `images: false` measures pages alone; by default each article's images are fetched and archived too (the default config). */
export async function runCrawlBench(opts: { articles?: number; runs?: number; log?: boolean; images?: boolean } = {}): Promise<CrawlBenchResult> {
  const site = await startNewsSite({ articles: opts.articles ?? 300 });
  const rates: number[] = [];
  let peak = 0;
  const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  try {
    for (let i = 0; i < (opts.runs ?? 3); i++) {
      const store = mkdtempSync(join(tmpdir(), 'snapcrawl-bench-'));
      const config = makeConfig({
        store,
        concurrency: 8,
        sources: [
          {
            name: 'bench',
            seeds: [`${site.url}/`, `${site.url}/en/`],
            sitemaps: [`${site.url}/sitemap.xml`],
            articlePattern: ARTICLE_PATTERN,
            maxDepth: 3,
            maxPages: 10_000,
            politeness: { delayMs: 0, perHostConcurrency: 8 },
            allowPrivate: true,
            requisites: { images: opts.images ?? true },
          },
        ],
      });
      const summary = await new Crawler(config, { sources: config.sources, storeDir: store }).run();
      const rate = summary.fetched / ((summary.durationMs ?? 1) / 1000);
      rates.push(rate);
      if (opts.log !== false) console.log(`  crawl run ${i + 1}: ${summary.fetched} pages, ${summary.snapshots.new} snapshots in ${summary.durationMs} ms = ${rate.toFixed(1)} pages/s`);
      rmSync(store, { recursive: true, force: true });
    }
  } finally {
    clearInterval(sample);
    await site.close();
  }
  return { articles: opts.articles ?? 300, runs: rates, medianPagesPerSecond: median(rates), peakRssMb: peak / 1024 / 1024 };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await runCrawlBench({ images: process.env.BENCH_IMAGES !== 'false' });
  console.log(`crawl: median ${r.medianPagesPerSecond.toFixed(1)} pages/s over ${r.runs.length} runs; peak RSS ${r.peakRssMb.toFixed(0)} MB`);
}
