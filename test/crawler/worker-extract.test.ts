/**
 * The extraction threads in a shared crawl (extractPool.ts, as the embedded crawl uses them): a crawl worker on real
 * Redis and PostgreSQL extracts its pages off its own thread, and a page whose extraction thread dies (what an
 * out-of-memory page looks like: test/crawler/fixtures/crashingWorker.mjs) fails alone, `extract-crash`, while the
 * crawl goes on and stores the rest.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { makeConfig } from '../../src/config/index.js';
import { CrawlWorker } from '../../src/crawler/worker.js';
import { startTestServer, type TestServer } from '../fixtures/http-server.js';
import { sharedBackends, type SharedBackends } from '../helpers/shared-stores.js';

/** Pages held back until the extraction thread says it is up (it loads the extractor first), and this long after. */
const LATE_MS = 300;
/** At most this long: a thread that never comes up fails the test on its counts, not on a hang. */
const READY_CAP_MS = 60_000;
const body = (title: string) =>
  `<!DOCTYPE html><html><head><title>${title}</title></head><body><article><h1>${title}</h1>${'<p>The harbour council approved the plan for the east quay after a long debate about flooding, traffic and the fishing fleet.</p>'.repeat(3)}</article></body></html>`;

describe('extraction threads in a crawl worker on Redis + PostgreSQL', { timeout: 120_000 }, () => {
  let site: TestServer;
  let shared: SharedBackends;

  let threadUp: () => void = () => {};
  const threadReady = new Promise<void>((resolve) => {
    threadUp = resolve;
    setTimeout(resolve, READY_CAP_MS).unref();
  });

  before(async () => {
    site = await startTestServer((req, res) => {
      const path = req.url ?? '/';
      const send = (type: string, text: string) => {
        res.writeHead(200, { 'content-type': type });
        res.end(text);
      };
      if (path === '/thread-ready') {
        threadUp();
        send('text/plain', 'ok');
      } else if (path === '/robots.txt') send('text/plain', 'User-agent: *\nAllow: /\n');
      else if (path === '/') send('text/html; charset=utf-8', ['1', '2', 'late-1', 'late-2', 'crash'].map((k) => `<a href="/news/${k}.html">${k}</a>`).join(' '));
      else if (/^\/news\/(late|crash)/.test(path)) void threadReady.then(() => setTimeout(() => send('text/html; charset=utf-8', body(path)), LATE_MS));
      else send('text/html; charset=utf-8', body(path));
    });
    shared = await sharedBackends();
    process.env.SNAPCRAWL_TEST_THREAD_READY_URL = `${site.url}/thread-ready`;
  });
  after(async () => {
    await shared?.cleanup();
    await site?.close();
  });

  test('pages are extracted on the threads; the one whose thread dies fails alone, the rest are stored', async () => {
    const config = makeConfig({
      store: shared.storeDir,
      concurrency: 4,
      sources: [{ name: 'gazette', seeds: [`${site.url}/`], articlePattern: '/news/', maxDepth: 1, politeness: { delayMs: 0, perHostConcurrency: 4 }, allowPrivate: true, requisites: { images: false } }],
    });
    const worker = new CrawlWorker(config, {
      sources: config.sources,
      stores: await shared.open(),
      idlePollMs: 20,
      extractPool: true,
      extractThreads: 1,
      extractWorkerFile: new URL('./fixtures/crashingWorker.mjs', import.meta.url),
    });
    const summary = await worker.run();
    assert.equal(summary.status, 'completed');
    assert.equal(summary.outcomes['extract-crash'], 1, JSON.stringify(summary));
    assert.equal(summary.outcomes['snapshot-new'], 4, JSON.stringify(summary.outcomes));
    assert.equal(summary.extraction.crashes, 1);
    assert.ok(summary.extraction.inWorker >= 2, `the late pages went to the thread: ${JSON.stringify(summary.extraction)}`);
    const { index } = await shared.open();
    assert.equal(await index.snapshots.latestFor(`${site.url}/news/crash.html`), null, 'the crashed page is not stored');
    assert.ok(await index.snapshots.latestFor(`${site.url}/news/late-2.html`), 'a page after the crash is');
  });
});
