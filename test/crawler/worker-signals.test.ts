/**
 * A site's change signals in a shared crawl (worker-signals.ts, decided as the embedded frontier decides them:
 * src/frontier/siteSignal.ts): in a later run of crawl workers on real Redis and PostgreSQL, a sitemap whose lastmod
 * for a known article moved on makes that article due at once, whatever its revisit schedule; the others wait.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { makeConfig } from '../../src/config/index.js';
import { CrawlWorker, type WorkerSummary } from '../../src/crawler/worker.js';
import { allowAllRobots, startTestServer, type TestServer } from '../fixtures/http-server.js';
import { sharedBackends, type SharedBackends } from '../helpers/shared-stores.js';

const paragraph = (text: string) => `<p>${text} The council heard residents on flooding, traffic and the fishing fleet before it set a date for the vote on the east quay.</p>`;

describe('site change signals in a shared crawl on Redis + PostgreSQL', { timeout: 120_000 }, () => {
  let site: TestServer;
  let shared: SharedBackends;
  const lastmod = new Map([['/a/1.html', '2025-10-01T08:00:00Z'], ['/a/2.html', '2025-10-01T09:00:00Z']]);
  let version = 1;

  before(async () => {
    site = await startTestServer((req, res) => {
      const path = req.url ?? '/';
      if (path === '/robots.txt') {
        allowAllRobots(res);
      } else if (path === '/sitemap.xml') {
        res.writeHead(200, { 'content-type': 'application/xml' });
        res.end(`<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${[...lastmod]
          .map(([p, m]) => `<url><loc>${site.url}${p}</loc><lastmod>${m}</lastmod></url>`)
          .join('')}</urlset>`);
      } else {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        const v = path === '/a/1.html' ? version : 1;
        res.end(`<!DOCTYPE html><html><head><title>Report ${path}</title></head><body><article><h1>Report ${path}</h1>${paragraph(`Version ${v}.`).repeat(3)}</article></body></html>`);
      }
    });
    shared = await sharedBackends();
  });
  after(async () => {
    await shared?.cleanup();
    await site?.close();
  });

  const run = async (): Promise<WorkerSummary[]> => {
    const config = makeConfig({
      store: shared.storeDir,
      concurrency: 2,
      sources: [{ name: 'gazette', sitemaps: [`${site.url}/sitemap.xml`], articlePattern: '/a/\\d\\.html$', maxDepth: 1, revisit: ['1h'], politeness: { delayMs: 5, perHostConcurrency: 1 }, allowPrivate: true, requisites: { images: false } }],
    });
    const workers = await Promise.all([0, 1].map(async () => new CrawlWorker(config, { sources: config.sources, stores: await shared.open(), idlePollMs: 20 })));
    return Promise.all(workers.map((w) => w.run()));
  };
  const articleRequests = () => site.requests.filter((r) => r.startsWith('GET /a/')).map((r) => r.slice(4)).sort();
  const total = (summaries: WorkerSummary[], pick: (s: WorkerSummary) => number | undefined) => summaries.reduce((n, s) => n + (pick(s) ?? 0), 0);

  test('a newer lastmod makes the known article due now; the unchanged one waits for its revisit', async () => {
    const first = await run();
    assert.equal(total(first, (s) => s.outcomes['snapshot-new']), 2, JSON.stringify(first.map((s) => s.outcomes)));

    site.requests.length = 0;
    lastmod.set('/a/1.html', '2025-10-02T08:00:00Z');
    version = 2;
    const second = await run();
    assert.deepEqual(articleRequests(), ['/a/1.html'], 'only the article the sitemap says changed');
    assert.equal(total(second, (s) => s.limitsHit.requeuedBySiteChange), 1, JSON.stringify(second.map((s) => s.limitsHit)));
    assert.equal(total(second, (s) => s.outcomes['snapshot-changed']), 1, JSON.stringify(second.map((s) => s.outcomes)));

    // The same lastmod again: nothing is due.
    site.requests.length = 0;
    await run();
    assert.deepEqual(articleRequests(), []);
  });
});
