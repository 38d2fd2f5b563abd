/**
 * One snapcrawl crawl of the bench site, in its own process (see measure.ts): full snapshots
 * (snapshot.json, page.warc.gz, article.md, fsynced and indexed), no politeness delay, robots.txt obeyed.
 * Images are not fetched (requisites off) because Crawlee fetches none either.
 */
import { makeConfig } from '../../src/config/index.js';
import { Crawler } from '../../src/crawler/index.js';
import { ARTICLE_PATTERN, emit, MAX_DEPTH, readRequest, startMeter } from './measure.js';

const req = readRequest();
const config = makeConfig({
  store: req.workDir,
  concurrency: req.concurrency,
  sources: [
    {
      name: 'bench',
      seeds: [`${req.url}/`, `${req.url}/en/`],
      sitemaps: [`${req.url}/sitemap.xml`],
      articlePattern: ARTICLE_PATTERN,
      maxDepth: MAX_DEPTH,
      maxPages: 1_000_000,
      politeness: { delayMs: 0, perHostConcurrency: req.concurrency },
      allowPrivate: true,
      requisites: { images: false },
    },
  ],
});
const stop = startMeter();
const crawler = new Crawler(config, { sources: config.sources, storeDir: req.workDir, extractPool: req.pool ?? true, ...(req.threads ? { extractThreads: req.threads } : {}) });
const summary = await crawler.run();
const m = stop();
emit({
  crawler: req.pool === false ? 'snapcrawl (no pool)' : req.threads ? `snapcrawl (${req.threads} threads)` : 'snapcrawl',
  articles: summary.snapshots.new + summary.snapshots.changed,
  pages: summary.fetched,
  ...m,
  notes: { failed: summary.failed, status: summary.status, stages: crawler.stages.summary() },
});
