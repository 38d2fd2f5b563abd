/**
 * `npm run demo`: serves the bundled demo news site on 127.0.0.1 and crawls it with config/demo.yaml
 * into snapshots/, then prints a summary and how to look at the result. Needs no network.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../src/config/index.js';
import { Crawler, storeStatus } from '../src/crawler/index.js';
import { openStoreDatabase, STORE_DB_FILE } from '../src/storage/index.js';
import { startNewsSite } from '../demo/index.js';
import { formatSummary } from '../src/cli/format.js';
import { createLogger } from '../src/util/logger.js';

const CONFIG = 'config/demo.yaml';
const PLACEHOLDER = 'http://127.0.0.1:8787';

/**
 * Known articles this run will not refetch: pages with a snapshot whose next revisit is still ahead
 * (index pages, refetched for links, are not counted), and when the first of them comes due.
 */
function notDueYet(storeDir: string, now = Date.now()): { count: number; nextAt: string | null } | null {
  if (!existsSync(join(storeDir, STORE_DB_FILE))) return null; // first run: nothing known yet
  const { nextRevisitAt } = storeStatus(storeDir, now);
  const db = openStoreDatabase(storeDir, { readonly: true });
  try {
    const row = db
      .prepare(`SELECT count(*) AS n FROM frontier WHERE state IN ('done', 'failed') AND snapshot_id IS NOT NULL AND next_revisit_at IS NOT NULL AND next_revisit_at > ?`)
      .get(now) as { n: number };
    return { count: row.n, nextAt: nextRevisitAt };
  } finally {
    db.close();
  }
}

/** 58 min → "1 h", 12 min → "12 min". */
const roughly = (ms: number): string => (ms >= 45 * 60_000 ? `${Math.round(ms / 3_600_000)} h` : `${Math.max(1, Math.round(ms / 60_000))} min`);

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
  const known = notDueYet(config.store);
  const crawler = new Crawler(config, { sources, logger: createLogger({ level: 'warn' }) });
  const summary = await crawler.run();
  console.log(formatSummary(summary, config.store));
  if (known && known.count > 0) {
    const next = known.nextAt ? ` (next revisit in ${roughly(Date.parse(known.nextAt) - Date.now())})` : '';
    console.log(`  not due yet    ${known.count} known articles not due for a revisit${next}`);
  }
  console.log(`
Look at the result:
  npx snapcrawl list --store ${config.store}          # snapshots, newest first
  npx snapcrawl show <id> --store ${config.store}     # one snapshot.json
  ls ${config.store}/127.0.0.1_*/                      # the files: snapshot.json, page.warc.gz, article.md
  npx snapcrawl serve --config ${CONFIG}       # the snapshot site: open http://127.0.0.1:8080/
Run it again: the second run adds no new snapshots (unchanged pages are only checked).`);
} finally {
  await site.close();
}
