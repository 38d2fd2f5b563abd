/**
 * Redirects in a shared crawl follow the embedded crawl's rules (pageProcessor.ts redirectRefusal): two crawl workers
 * on real Redis and PostgreSQL never follow a redirect into a URL robots.txt disallows, on the page's own host or
 * another one, and request exactly what the embedded crawl of the same site requests.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { makeConfig, type SourceInput } from '../../src/config/index.js';
import { CrawlWorker } from '../../src/crawler/worker.js';
import { allowAllRobots, startTestServer, type TestServer } from '../fixtures/http-server.js';
import { crawlOnce } from '../helpers/crawl.js';
import { sharedBackends, type SharedBackends } from '../helpers/shared-stores.js';
import { tempDir } from '../helpers/tmp.js';

const body = (title: string) =>
  `<!DOCTYPE html><html><head><title>${title}</title></head><body><article><h1>${title}</h1>${'<p>The harbour council approved the plan for the east quay after a long debate about flooding, traffic and the fishing fleet.</p>'.repeat(3)}</article></body></html>`;

describe('redirects in a shared crawl on Redis + PostgreSQL', { timeout: 120_000 }, () => {
  let news: TestServer;
  let other: TestServer;
  let shared: SharedBackends;
  const requested = (s: TestServer) => s.requests.map((r) => r.split(' ')[1]!).filter((p) => p !== '/robots.txt').sort();

  before(async () => {
    other = await startTestServer((req, res) => {
      if (req.url === '/robots.txt') {
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end('User-agent: *\nDisallow: /closed/\n');
        return;
      }
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(body('Elsewhere'));
    });
    news = await startTestServer((req, res) => {
      const path = req.url ?? '/';
      const redirect = (to: string) => {
        res.writeHead(302, { location: to });
        res.end();
      };
      if (path === '/robots.txt') {
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end('User-agent: *\nDisallow: /private/\n');
      } else if (path === '/') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end('<!DOCTYPE html><html><head><title>Home</title></head><body><a href="/news/1.html">1</a> <a href="/news/2.html">2</a> <a href="/news/3.html">3</a></body></html>');
      } else if (path === '/news/1.html') redirect('/private/1.html');
      else if (path === '/news/2.html') redirect('/news/moved-2.html');
      else if (path === '/news/3.html') redirect(`${other.url}/closed/3.html`);
      else {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(body(`Page ${path}`));
      }
    });
    shared = await sharedBackends();
  });
  after(async () => {
    await shared?.cleanup();
    await news?.close();
    await other?.close();
  });

  const source = (): SourceInput => ({
    name: 'gazette',
    seeds: [`${news.url}/`],
    articlePattern: '/news/',
    maxDepth: 1,
    politeness: { delayMs: 5, perHostConcurrency: 1 },
    allowPrivate: true,
    allowPrivateHosts: [other.url],
    requisites: { images: false },
  });

  test('no redirect into a robots-disallowed URL is followed, here or on another host; the rest as embedded', async () => {
    const embedded = await crawlOnce(tempDir(), [source()]);
    assert.equal(embedded.skipped.robots, 2, JSON.stringify(embedded));
    const expected = { news: requested(news), other: requested(other) };
    assert.deepEqual(expected, { news: ['/', '/news/1.html', '/news/2.html', '/news/3.html', '/news/moved-2.html'], other: [] });

    news.requests.length = 0;
    other.requests.length = 0;
    const config = makeConfig({ store: shared.storeDir, concurrency: 2, sources: [source()] });
    const workers = await Promise.all([0, 1].map(async () => new CrawlWorker(config, { sources: config.sources, stores: await shared.open(), idlePollMs: 20 })));
    const summaries = await Promise.all(workers.map((w) => w.run()));
    const outcomes = (k: string) => summaries.reduce((n, s) => n + (s.outcomes[k] ?? 0), 0);
    assert.deepEqual({ news: requested(news), other: requested(other) }, expected);
    assert.equal(outcomes('redirect-robots'), 2, JSON.stringify(summaries.map((s) => s.outcomes)));
    assert.equal(outcomes('snapshot-new'), 1, 'the article behind the allowed redirect');
    assert.ok(other.requests.includes('GET /robots.txt'), 'the other host’s robots.txt was read to decide');
  });
});

describe('a redirect target linked under its own name too, in a shared crawl', { timeout: 120_000 }, () => {
  let site: TestServer;
  let shared: SharedBackends;

  before(async () => {
    site = await startTestServer((req, res) => {
      const path = req.url ?? '/';
      if (path === '/robots.txt') {
        allowAllRobots(res);
      } else if (path === '/') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        // The moved article first: its redirect is followed before the new address comes up under its own name.
        res.end('<!DOCTYPE html><html><head><title>Home</title></head><body><a href="/news/old.html">old</a> <a href="/news/new.html">new</a></body></html>');
      } else if (path === '/news/old.html') {
        res.writeHead(301, { location: '/news/new.html' });
        res.end();
      } else {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(body('The moved article'));
      }
    });
    shared = await sharedBackends();
  });
  after(async () => {
    await shared?.cleanup();
    await site?.close();
  });

  test('is fetched and stored once, as in the embedded crawl', async () => {
    const source: SourceInput = {
      name: 'gazette', seeds: [`${site.url}/`], articlePattern: '/news/', maxDepth: 1,
      politeness: { delayMs: 5, perHostConcurrency: 1 }, allowPrivate: true, requisites: { images: false },
    };
    const fetchesOfNew = () => site.requests.filter((r) => r === 'GET /news/new.html').length;
    const embedded = await crawlOnce(tempDir(), [source], { concurrency: 1 });
    assert.equal(embedded.snapshots.new, 1, JSON.stringify(embedded));
    assert.equal(fetchesOfNew(), 1, 'the embedded crawl: once, through the redirect');

    site.requests.length = 0;
    const config = makeConfig({ store: shared.storeDir, concurrency: 1, sources: [source] });
    const summary = await new CrawlWorker(config, { sources: config.sources, stores: await shared.open(), idlePollMs: 20 }).run();
    assert.equal(fetchesOfNew(), 1, `fetched once: ${JSON.stringify(summary.outcomes)}`);
    const { index } = await shared.open();
    assert.equal(await index.snapshots.count({}), 1, 'one snapshot of the article');
  });
});

describe('a seed redirected to itself with a trailing slash, in a shared crawl', { timeout: 120_000 }, () => {
  let site: TestServer;
  let shared: SharedBackends;
  // The entry page reads like an article (what a front page with one long lead story can look like).
  const articleLike = (title: string, links: string) =>
    `<!DOCTYPE html><html><head><title>${title}</title><meta property="og:type" content="article"><meta property="article:published_time" content="2025-10-12T08:00:00Z"></head><body><article><h1>${title}</h1>${'<p>The harbour council approved the plan for the east quay on Tuesday after a debate that lasted well into the night, with residents raising flooding, traffic and the fishing fleet.</p>'.repeat(5)}</article>${links}</body></html>`;

  before(async () => {
    site = await startTestServer((req, res) => {
      const path = req.url ?? '/';
      if (path === '/robots.txt') {
        allowAllRobots(res);
      } else if (path === '/home') {
        res.writeHead(301, { location: '/home/' });
        res.end();
      } else {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(articleLike(`Page ${path}`, path === '/home/' ? '<a href="/story/1">one</a> <a href="/story/2">two</a>' : ''));
      }
    });
    shared = await sharedBackends();
  });
  after(async () => {
    await shared?.cleanup();
    await site?.close();
  });

  test('is judged as the seed (an index page), as in the embedded crawl', async () => {
    // No articlePattern: the page's own evidence decides, and a seed is never an article by it.
    const source: SourceInput = { name: 'front', seeds: [`${site.url}/home`], maxDepth: 1, politeness: { delayMs: 5, perHostConcurrency: 1 }, allowPrivate: true, requisites: { images: false } };
    const embeddedDir = tempDir();
    const embedded = await crawlOnce(embeddedDir, [source]);
    assert.equal(embedded.snapshots.new, 2, `the two stories only: ${JSON.stringify(embedded.snapshots)}`);

    const config = makeConfig({ store: shared.storeDir, concurrency: 1, sources: [source] });
    const summary = await new CrawlWorker(config, { sources: config.sources, stores: await shared.open(), idlePollMs: 20 }).run();
    assert.equal(summary.outcomes['snapshot-new'], 2, JSON.stringify(summary.outcomes));
    assert.equal(summary.outcomes['index'], 1, 'the entry page, as an index page');
    const { index } = await shared.open();
    assert.equal(await index.snapshots.latestFor(`${site.url}/home`), null);
    assert.equal(await index.snapshots.latestFor(`${site.url}/home/`), null);
  });
});
