/**
 * A variant URL of an article (a query parameter the page's canonical link drops) in a shared crawl, as in the
 * embedded crawl (Frontier.finishAsAlias): the crawl worker on real Redis and PostgreSQL stores the article once,
 * under its canonical URL, which takes the fetch as its own — not fetched again this run, and it carries the
 * revisits, while the variant is never revisited under its name.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { makeConfig, type SourceInput } from '../../src/config/index.js';
import { CrawlWorker } from '../../src/crawler/worker.js';
import { allowAllRobots, startTestServer, type TestServer } from '../fixtures/http-server.js';
import { crawlOnce } from '../helpers/crawl.js';
import { sharedBackends, type SharedBackends } from '../helpers/shared-stores.js';
import { tempDir } from '../helpers/tmp.js';

describe('a variant URL of an article in a shared crawl on Redis + PostgreSQL', { timeout: 120_000 }, () => {
  let site: TestServer;
  let shared: SharedBackends;

  before(async () => {
    site = await startTestServer((req, res) => {
      const path = req.url ?? '/';
      if (path === '/robots.txt') {
        allowAllRobots(res);
      } else if (path === '/') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        // The variant first: it is fetched before the article's own URL comes up.
        res.end('<!DOCTYPE html><html><head><title>Home</title></head><body><a href="/a/1.html?channel=3">from the channel</a> <a href="/a/1.html">the article</a></body></html>');
      } else {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(`<!DOCTYPE html><html><head><title>The quay</title><link rel="canonical" href="${site.url}/a/1.html"></head><body><article><h1>The quay</h1>${'<p>The harbour council approved the plan for the east quay after a long debate about flooding, traffic and the fishing fleet.</p>'.repeat(3)}</article></body></html>`);
      }
    });
    shared = await sharedBackends();
  });
  after(async () => {
    await shared?.cleanup();
    await site?.close();
  });

  test('is stored once, as its canonical article, which takes the fetch and the revisits; as embedded', async () => {
    const source: SourceInput = {
      name: 'gazette', seeds: [`${site.url}/`], articlePattern: '/a/', maxDepth: 1, revisit: ['1h'],
      politeness: { delayMs: 5, perHostConcurrency: 1 }, allowPrivate: true, requisites: { images: false },
    };
    const articleFetches = () => site.requests.filter((r) => r.startsWith('GET /a/')).map((r) => r.slice(4));
    const embedded = await crawlOnce(tempDir(), [source], { concurrency: 1 });
    assert.equal(embedded.snapshots.new, 1, JSON.stringify(embedded));
    assert.deepEqual(articleFetches(), ['/a/1.html?channel=3'], 'the embedded crawl fetches the article once, through the variant');

    site.requests.length = 0;
    const config = makeConfig({ store: shared.storeDir, concurrency: 1, sources: [source] });
    const summary = await new CrawlWorker(config, { sources: config.sources, stores: await shared.open(), idlePollMs: 20 }).run();
    assert.deepEqual(articleFetches(), ['/a/1.html?channel=3'], `the worker too: ${JSON.stringify(summary.outcomes)}`);
    assert.equal(summary.limitsHit.aliasOfCanonical, 1);
    const { index, frontier } = await shared.open();
    assert.equal(await index.snapshots.count({}), 1);
    const row = await index.snapshots.latestFor(`${site.url}/a/1.html`);
    assert.ok(row, 'stored under the canonical URL');
    const [canonical, variant] = await frontier.siteSignals([`${site.url}/a/1.html`, `${site.url}/a/1.html?channel=3`]);
    assert.equal(canonical?.state, 'done');
    assert.ok(canonical?.nextRevisitAt, 'the article’s own URL carries the revisit');
    assert.equal(variant?.nextRevisitAt, null, 'the variant is never revisited under its name');
    assert.equal((await frontier.validators(`${site.url}/a/1.html`))?.snapshotId, row.id);
  });
});
