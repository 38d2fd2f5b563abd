/**
 * Browser mode vs HTTP mode on a local fixture site (127.0.0.1): pages per second with the same
 * concurrency (3 = the browser pool's default page bound). `npx tsx scripts/bench-browser.ts`, or
 * through `npm run bench`.
 */
import { pathToFileURL } from 'node:url';
import { extractArticle } from '../src/extract/index.js';
import { BrowserFetcher, chromiumUnavailable, HttpFetcher, type RenderOptions } from '../src/fetch/index.js';
import { startBrowserSite } from '../test/fixtures/browser/site.js';

export interface BrowserBenchFigures {
  pages: number;
  concurrency: number;
  /** First launch of Chromium (once per crawl), not included in the rates below. */
  browserLaunchMs: number;
  http: { pagesPerSecond: number };
  browser: {
    /** Server-rendered pages, full capture: network idle, screenshot, sub-resources. */
    staticPagesPerSecond: number;
    /** App-shell pages whose article a script inserts (50 ms delay + XHR). */
    appShellPagesPerSecond: number;
    /** App shells with a per-source wait selector instead of network idle. */
    appShellWithSelectorPagesPerSecond: number;
    /** Static pages, images blocked and no screenshot. */
    staticLeanPagesPerSecond: number;
  };
  /** HTTP pages/s divided by browser (static, full capture) pages/s. */
  httpToBrowserRatio: number;
}

/** Runs `task` over `items` with at most `concurrency` at once; returns pages per second. */
async function rate<T>(items: T[], concurrency: number, task: (item: T) => Promise<void>): Promise<number> {
  const queue = [...items];
  const start = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let item = queue.shift(); item !== undefined; item = queue.shift()) await task(item);
    }),
  );
  return items.length / ((performance.now() - start) / 1000);
}

const round = (n: number): number => Math.round(n * 10) / 10;

export async function runBrowserBench(options: { pages?: number; concurrency?: number } = {}): Promise<BrowserBenchFigures | { skipped: string }> {
  const unavailable = chromiumUnavailable();
  if (unavailable) return { skipped: unavailable };
  const pages = options.pages ?? 24;
  const concurrency = options.concurrency ?? 3;
  const site = await startBrowserSite({ scriptDelayMs: 50 });
  const userAgent = 'snapcrawl-bench/1.0';
  const http = new HttpFetcher({ userAgent, allowPrivate: true, retries: 0 });
  const browser = new BrowserFetcher({ userAgent, allowedPrivateRanges: ['loopback'], maxPages: concurrency, timeLimitMs: 15_000 });
  const numbers = Array.from({ length: pages }, (_, i) => i + 1);
  const needArticle = (html: string, url: string): void => {
    if (!extractArticle(html, { url }).body) throw new Error(`no article text at ${url}`);
  };
  try {
    const httpRate = await rate(numbers, concurrency, async (n) => {
      const url = `${site.url}/static/${n}`;
      needArticle((await http.fetch(url)).body.toString('utf8'), url);
    });
    const launchStart = performance.now();
    await browser.render(`${site.url}/static/0`);
    const browserLaunchMs = Math.round(performance.now() - launchStart);
    const browserRate = (path: string, renderOptions: RenderOptions = {}) =>
      rate(numbers, concurrency, async (n) => {
        const url = `${site.url}${path}${n}`;
        needArticle((await browser.render(url, renderOptions)).html, url);
      });
    const staticRate = await browserRate('/static/');
    const shellRate = await browserRate('/js/');
    const selectorRate = await browserRate('/js/', { waitForSelector: 'article p' });
    const leanRate = await browserRate('/static/', { blockResources: ['image', 'font', 'media'], screenshot: false });
    return {
      pages,
      concurrency,
      browserLaunchMs,
      http: { pagesPerSecond: round(httpRate) },
      browser: {
        staticPagesPerSecond: round(staticRate),
        appShellPagesPerSecond: round(shellRate),
        appShellWithSelectorPagesPerSecond: round(selectorRate),
        staticLeanPagesPerSecond: round(leanRate),
      },
      httpToBrowserRatio: round(httpRate / staticRate),
    };
  } finally {
    await browser.close();
    await http.close();
    await site.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const figures = await runBrowserBench();
  console.log(JSON.stringify(figures, null, 2));
}
