/**
 * `npm run demo`: serves the bundled demo news site on 127.0.0.1 and crawls it with config/demo.yaml
 * into snapshots/, then prints a summary and how to look at the result. Needs no network.
 */
import { loadConfig } from '../src/config/index.js';
import { Crawler } from '../src/crawler/index.js';
import { startNewsSite } from '../src/demo/index.js';
import { formatSummary } from '../src/cli/format.js';
import { createLogger } from '../src/util/logger.js';

const CONFIG = 'config/demo.yaml';
const PLACEHOLDER = 'http://127.0.0.1:8787';

async function startSite() {
  try {
    return await startNewsSite({ port: 8787 });
  } catch {
    return await startNewsSite({ port: 0 }); // 8787 taken: any free port, URLs rewritten below
  }
}

const site = await startSite();
try {
  const config = loadConfig(CONFIG);
  const origin = site.url.replace(/\/$/, '');
  const rewrite = (u: string) => u.replace(PLACEHOLDER, origin);
  const sources = config.sources.map((s) => ({
    ...s,
    seeds: s.seeds.map(rewrite),
    feeds: s.feeds.map(rewrite),
    sitemaps: s.sitemaps.map(rewrite),
    include: s.include.map((p) => p.replace(PLACEHOLDER.replace(/\./g, '\\.'), origin.replace(/\./g, '\\.'))),
  }));
  console.log(`demo news site: ${site.url} (${site.articles.length} articles)`);
  console.log(`crawling it with ${CONFIG} into ${config.store}/ …`);
  const crawler = new Crawler(config, { sources, logger: createLogger({ level: 'warn' }) });
  const summary = await crawler.run();
  console.log(formatSummary(summary, config.store));
  console.log(`
Look at the result:
  npx snapcrawl list --store ${config.store}          # snapshots, newest first
  npx snapcrawl show <id> --store ${config.store}     # one snapshot.json
  ls ${config.store}/127.0.0.1_*/                      # the files: snapshot.json, page.warc.gz, article.md
Run it again: the second run adds no new snapshots (unchanged pages are only checked).`);
} finally {
  await site.close();
}
