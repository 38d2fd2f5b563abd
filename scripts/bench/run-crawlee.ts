/**
 * The peer: one Crawlee CheerioCrawler crawl of the same bench site, in its own process (see measure.ts),
 * configured as a Crawlee user would for the same job: the seeds and the sitemap, links followed on the
 * site to the same depth, robots.txt obeyed, concurrency fixed (min = max) with no request-rate cap, and
 * each article's title and text pushed to a Dataset persisted under the temp work dir (no network but
 * the bench site: Crawlee sends no telemetry and no Apify platform is configured).
 */
import { join } from 'node:path';
import { ARTICLE_PATTERN, emit, MAX_DEPTH, readRequest, startMeter } from './measure.js';

const req = readRequest();
// Set before Crawlee loads: its global Configuration reads these once.
process.env.CRAWLEE_STORAGE_DIR = join(req.workDir, 'crawlee-storage');
process.env.CRAWLEE_PURGE_ON_START = 'true';
const { CheerioCrawler, Configuration, Dataset, log } = await import('crawlee');
log.setLevel(log.LEVELS.WARNING);

const article = new RegExp(ARTICLE_PATTERN);
let articles = 0;
let pages = 0;
const config = new Configuration({ persistStorage: true, systemInfoV2: true });
const dataset = await Dataset.open(undefined, { config });
const crawler = new CheerioCrawler(
  {
    minConcurrency: req.concurrency,
    maxConcurrency: req.concurrency,
    respectRobotsTxtFile: true,
    additionalMimeTypes: ['application/xml', 'text/xml'],
    requestHandlerTimeoutSecs: 60,
    async requestHandler({ request, $, body, enqueueLinks, crawler: self }) {
      pages++;
      const depth = (request.userData.depth as number | undefined) ?? 0;
      if (request.url.endsWith('/sitemap.xml')) {
        const locs = [...String(body).matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
        await self.addRequests(locs.map((url) => ({ url, userData: { depth: depth + 1 } })));
        return;
      }
      if (article.test(new URL(request.loadedUrl ?? request.url).pathname)) {
        articles++;
        await dataset.pushData({ url: request.loadedUrl ?? request.url, title: $('title').text().trim(), text: $('body').text().replace(/\s+/g, ' ').trim() });
      }
      if (depth < MAX_DEPTH) await enqueueLinks({ strategy: 'same-hostname', userData: { depth: depth + 1 } });
    },
  },
  config,
);
const stop = startMeter();
const stats = await crawler.run([
  { url: `${req.url}/`, userData: { depth: 0 } },
  { url: `${req.url}/en/`, userData: { depth: 0 } },
  { url: `${req.url}/sitemap.xml`, userData: { depth: 0 } },
]);
const m = stop();
emit({ crawler: 'Crawlee', articles, pages, ...m, notes: { failed: stats.requestsFailed } });
