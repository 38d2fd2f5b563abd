/**
 * Query-parameter learning in a shared crawl, as in the embedded crawl (paramLearning.ts): the crawl worker on real
 * Redis and PostgreSQL records what fetched pages say about a tracking parameter in the shared frontier, learns it
 * once two articles showed it changes nothing, and drops it from links found afterwards — so an article linked only
 * through decorated URLs is fetched once, under its plain URL.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { makeConfig, type SourceInput } from '../../src/config/index.js';
import { CrawlWorker } from '../../src/crawler/worker.js';
import { startTestServer, type TestServer } from '../fixtures/http-server.js';
import { crawlOnce } from '../helpers/crawl.js';
import { sharedBackends, type SharedBackends } from '../helpers/shared-stores.js';
import { tempDir } from '../helpers/tmp.js';

const html = (title: string, body: string) => `<!DOCTYPE html><html><head><title>${title}</title></head><body>${body}</body></html>`;

describe('a tracking parameter in a shared crawl on Redis + PostgreSQL', { timeout: 120_000 }, () => {
  let site: TestServer;
  let shared: SharedBackends;

  before(async () => {
    site = await startTestServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      res.writeHead(200, { 'content-type': url.pathname === '/robots.txt' ? 'text/plain' : 'text/html; charset=utf-8' });
      if (url.pathname === '/robots.txt') return res.end('User-agent: *\nAllow: /\n');
      // The home page links two articles both plain and decorated (the evidence), then a list fetched after them.
      // A second site map: a decorated link queued before the parameter is learned (it must become an alias, unfetched).
      if (url.pathname === '/early.html') return res.end(html('Early', '<a href="/a/1.html">1</a> <a href="/a/1.html?utm=home">1</a> <a href="/a/2.html?utm=top">2</a> <a href="/a/2.html">2</a> <a href="/a/5.html?utm=early">5</a>'));
      if (url.pathname === '/') return res.end(html('Home', '<a href="/a/1.html">1</a> <a href="/a/1.html?utm=home">1</a> <a href="/a/2.html?utm=top">2</a> <a href="/a/2.html">2</a> <a href="/more.html">more</a>'));
      // Found after the parameter is learned: only decorated links, which must come in plain.
      if (url.pathname === '/more.html') return res.end(html('More', '<a href="/a/3.html?utm=more">3</a> <a href="/a/3.html?utm=side">3</a> <a href="/a/4.html?utm=more">4</a>'));
      const n = url.pathname.replace(/\D/g, '');
      // The same article whatever the utm parameter says (no canonical link: the content decides).
      res.end(html(`Story ${n}`, `<article><h1>Story ${n}</h1>${`<p>The harbour council approved plan ${n} for the east quay after a long debate about flooding, traffic and the fishing fleet.</p>`.repeat(3)}</article>`));
    });
    shared = await sharedBackends();
  });
  after(async () => {
    await shared?.cleanup();
    await site?.close();
  });

  test('is learned from the pages fetched and dropped from later links; as embedded', async () => {
    const source: SourceInput = {
      name: 'gazette', seeds: [`${site.url}/`], articlePattern: '/a/', maxDepth: 2,
      politeness: { delayMs: 5, perHostConcurrency: 1 }, allowPrivate: true, requisites: { images: false },
    };
    const articleFetches = () => site.requests.filter((r) => r.startsWith('GET /a/')).map((r) => r.slice(4));
    const expected = ['/a/1.html', '/a/1.html?utm=home', '/a/2.html?utm=top', '/a/2.html', '/a/3.html', '/a/4.html'];
    const embedded = await crawlOnce(tempDir(), [source], { concurrency: 1 });
    assert.deepEqual(articleFetches(), expected, `the embedded crawl: ${JSON.stringify(embedded.limitsHit)}`);

    site.requests.length = 0;
    const config = makeConfig({ store: shared.storeDir, concurrency: 1, sources: [source] });
    const summary = await new CrawlWorker(config, { sources: config.sources, stores: await shared.open(), idlePollMs: 20 }).run();
    assert.deepEqual(articleFetches(), expected, `the worker too: ${JSON.stringify(summary.outcomes)}`);
    const host = new URL(site.url).host;
    assert.equal(summary.limitsHit[`learnedParam:${host}:utm`], 1);
    const { frontier } = await shared.open();
    assert.deepEqual(await frontier.learnedParams(host), ['utm'], 'every worker of the crawl reads the learned set');
    assert.equal(await frontier.has(`${site.url}/a/3.html?utm=more`), false);
    assert.equal(await frontier.has(`${site.url}/a/3.html`), true);
  });
  test('turns URLs queued before it was learned into aliases of their plain URL; as embedded', async () => {
    const source: SourceInput = {
      name: 'early', seeds: [`${site.url}/early.html`], articlePattern: '/a/', maxDepth: 1,
      politeness: { delayMs: 5, perHostConcurrency: 1 }, allowPrivate: true, requisites: { images: false },
    };
    const articleFetches = () => site.requests.filter((r) => r.startsWith('GET /a/')).map((r) => r.slice(4));
    // Learned after /a/2.html (two pages confirmed it): /a/5.html?utm=early is already queued by then.
    const expected = ['/a/1.html', '/a/1.html?utm=home', '/a/2.html?utm=top', '/a/2.html', '/a/5.html'];
    site.requests.length = 0;
    const embedded = await crawlOnce(tempDir(), [source], { concurrency: 1 });
    assert.deepEqual(articleFetches(), expected, `the embedded crawl: ${JSON.stringify(embedded.limitsHit)}`);
    // (The embedded count also takes the fetched variants, whose revisits move to their plain URL.)
    assert.ok((embedded.limitsHit.aliasedByLearnedParam ?? 0) >= 1);

    // A crawl of its own: the other test's crawl learned the parameter for this host already.
    const fresh = await sharedBackends();
    try {
      site.requests.length = 0;
      const stores = await fresh.open();
      const config = makeConfig({ store: fresh.storeDir, concurrency: 1, sources: [source] });
      const summary = await new CrawlWorker(config, { sources: config.sources, stores, idlePollMs: 20 }).run();
      assert.deepEqual(articleFetches(), expected, `the worker too: ${JSON.stringify(summary.outcomes)}`);
      assert.equal(summary.limitsHit.aliasedByLearnedParam, 1);
      assert.equal(await stores.frontier.has(`${site.url}/a/5.html?utm=early`), true, 'the variant stays seen, as an alias');
      const counts = await stores.frontier.counts();
      assert.equal(counts.queued + counts.inFlight, 0);
      // The seed, the five article URLs fetched, and the alias finished by the store without a fetch.
      assert.equal(counts.done, 7);
    } finally {
      await fresh.cleanup();
    }
  });
});
