import { makeConfig, type ConfigInput, type SourceInput } from '../../src/config/index.js';
import { Crawler, type CrawlOptions, type RunSummary } from '../../src/crawler/index.js';

/** The article URL pattern of the demo news site (demo/). */
export const DEMO_ARTICLE_PATTERN =
  '/(?:zh/[a-z]+/\\d{6}/\\d{2}/t\\d{8}_\\d+\\.html|en/[a-z]+/\\d{4}/\\d{2}/\\d{2}/[a-z0-9-]+)(?:[?#]|$)';

/** A source for the demo site at `siteUrl`, with test-friendly politeness; loopback allowed. */
export function demoSource(siteUrl: string, over: Partial<SourceInput> = {}): SourceInput {
  return {
    name: 'demo',
    seeds: [`${siteUrl}/`, `${siteUrl}/en/`],
    articlePattern: DEMO_ARTICLE_PATTERN,
    maxDepth: 4,
    maxPages: 300,
    politeness: { delayMs: 0, perHostConcurrency: 4 },
    timezone: 'Asia/Shanghai',
    allowPrivate: true,
    ...over,
  };
}

/** Runs one crawl of the given sources into `storeDir` and returns its summary. */
export async function crawlOnce(
  storeDir: string,
  sources: SourceInput[],
  options: Partial<CrawlOptions> = {},
  config: Partial<ConfigInput> = {},
): Promise<RunSummary> {
  const cfg = makeConfig({
    store: storeDir,
    concurrency: 4,
    fetch: { retries: 2, maxRetryAfterMs: 5000, headersTimeoutMs: 5000, connectTimeoutMs: 2000 },
    ...config,
    sources,
  });
  const crawler = new Crawler(cfg, { sources: cfg.sources, storeDir, retryBaseDelayMs: 20, ...options });
  return crawler.run();
}
