/**
 * Spider-trap limits in a shared crawl (trapGuard.ts through worker-links.ts and worker-traps.ts): two crawl workers
 * on real Redis and PostgreSQL stop an endless chain at maxTemplateChain hops (the page's lineage read from the
 * frontier) and a calendar lattice at one per-run budget for the whole crawl (its state in Redis, not per worker),
 * fetching what the embedded crawl of the same site fetches.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { makeConfig, type SourceInput } from '../../src/config/index.js';
import { CrawlWorker } from '../../src/crawler/worker.js';
import { startTestServer, type TestServer } from '../fixtures/http-server.js';
import { crawlOnce } from '../helpers/crawl.js';
import { sharedBackends, type SharedBackends } from '../helpers/shared-stores.js';
import { tempDir } from '../helpers/tmp.js';

const page = (title: string, links: string[]) =>
  `<!DOCTYPE html><html><head><title>${title}</title></head><body><h1>${title}</h1>${links.map((l) => `<a href="${l}">${l}</a>`).join(' ')}</body></html>`;

describe('trap limits across workers on Redis + PostgreSQL', { timeout: 120_000 }, () => {
  let site: TestServer;
  let shared: SharedBackends;
  let paths: string[] = [];

  before(async () => {
    site = await startTestServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      if (url.pathname !== '/robots.txt') paths.push(req.url ?? '/');
      let m: RegExpExecArray | null;
      res.writeHead(200, { 'content-type': url.pathname === '/robots.txt' ? 'text/plain' : 'text/html; charset=utf-8' });
      if (url.pathname === '/robots.txt') res.end('User-agent: *\nAllow: /\n');
      else if (url.pathname === '/') res.end(page('Home', ['/chain/1', '/cal/1']));
      // An endless chain: each page links the next one only.
      else if ((m = /^\/chain\/(\d+)$/.exec(url.pathname))) res.end(page(`Chain ${m[1]}`, [`/chain/${Number(m[1]) + 1}`]));
      // A calendar lattice: each month links the next month and its own next page.
      else if ((m = /^\/cal\/(\d+)$/.exec(url.pathname))) {
        const p = Number(url.searchParams.get('page') ?? '1');
        res.end(page(`Month ${m[1]} page ${p}`, [`/cal/${Number(m[1]) + 1}`, `/cal/${m[1]}?page=${p + 1}`]));
      } else res.end(page('Other', []));
    });
    shared = await sharedBackends();
  });
  after(async () => {
    await shared?.cleanup();
    await site?.close();
  });

  const source = (): SourceInput => ({
    name: 'traps',
    seeds: [`${site.url}/`],
    articlePattern: '/news/\\d+$',
    maxDepth: 100,
    maxPages: 1000,
    politeness: { delayMs: 0, perHostConcurrency: 4 },
    allowPrivate: true,
    requisites: { images: false },
  });
  const count = (prefix: string) => paths.filter((p) => p.startsWith(prefix)).length;

  test('the chain stops at the same hop, and the lattice at the same budget, as in the embedded crawl', async (t) => {
    const embedded = await crawlOnce(tempDir(), [source()]);
    const embeddedChain = count('/chain/');
    const embeddedCal = count('/cal/');
    assert.ok(embedded.limitsHit.maxTemplateChain, JSON.stringify(embedded.limitsHit));
    assert.equal(embeddedChain, 11, 'the embedded crawl: /chain/1 … /chain/11 (10 hops)');
    assert.ok(embeddedCal > 20 && embeddedCal < 60, `the embedded crawl's lattice: ${embeddedCal}`);

    paths = [];
    const config = makeConfig({ store: shared.storeDir, concurrency: 4, sources: [source()] });
    const workers = await Promise.all([0, 1].map(async () => new CrawlWorker(config, { sources: config.sources, stores: await shared.open(), idlePollMs: 20 })));
    const summaries = await Promise.all(workers.map((w) => w.run()));
    const capped = summaries.reduce((n, s) => n + (s.limitsHit.maxTemplateChain ?? 0), 0);
    assert.ok(capped > 0, JSON.stringify(summaries.map((s) => s.limitsHit)));
    assert.equal(count('/chain/'), embeddedChain, 'the hop limit, from the lineage in the frontier');
    // Two workers checking one template's links at the same moment may each take what was left when they loaded it:
    // at most a page's links (2) per worker beyond the embedded crawl's count.
    const cal = count('/cal/');
    t.diagnostic(JSON.stringify({ embeddedChain, embeddedCal, chain: count('/chain/'), cal }));
    assert.ok(Math.abs(cal - embeddedCal) <= 4, `the lattice: ${cal} pages fetched by two workers, ${embeddedCal} by the embedded crawl`);
  });
});
