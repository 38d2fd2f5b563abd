/**
 * Revisit scheduling in a shared crawl, as the embedded crawl does it (revisitPolicy.ts): a later run of crawl
 * workers on real Redis and PostgreSQL refetches the known articles whose revisit is due — conditionally when they
 * sent validators — and stores a new version only of the one that changed; articles not due yet are not fetched.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { makeConfig } from '../../src/config/index.js';
import { CrawlWorker, type WorkerSummary } from '../../src/crawler/worker.js';
import { allowAllRobots, startTestServer, type TestServer } from '../fixtures/http-server.js';
import { sharedBackends, type SharedBackends } from '../helpers/shared-stores.js';

const REVISIT_MS = 400;
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

const paragraph = (k: number, v: number) =>
  `<p>Report ${k}: the council met again about the east quay, heard residents on flooding, traffic and the fishing fleet, and set a date for its vote${v > 1 ? `; update ${v} adds what the mayor said afterwards about the cost of moving the fleet` : ''}.</p>`;

describe('revisits in a shared crawl on Redis + PostgreSQL', { timeout: 120_000 }, () => {
  let site: TestServer;
  let shared: SharedBackends;
  /** Article requests: path and the If-None-Match they carried. */
  const hits: { path: string; ifNoneMatch?: string }[] = [];
  const served = new Map<number, number>();

  before(async () => {
    site = await startTestServer((req, res) => {
      const path = req.url ?? '/';
      let m: RegExpExecArray | null;
      if (path === '/robots.txt') {
        allowAllRobots(res);
      } else if (path === '/') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end('<!DOCTYPE html><html><head><title>Gazette</title></head><body><a href="/a/1.html">1</a> <a href="/a/2.html">2</a> <a href="/a/3.html">3</a></body></html>');
      } else if ((m = /^\/a\/(\d)\.html$/.exec(path))) {
        const k = Number(m[1]);
        const ifNoneMatch = req.headers['if-none-match'];
        hits.push({ path, ...(typeof ifNoneMatch === 'string' ? { ifNoneMatch } : {}) });
        // 1 sends an ETag and never changes (304 on a conditional request); 2 changes at every fetch; 3 never changes.
        if (k === 1 && ifNoneMatch === '"v1"') {
          res.writeHead(304, { etag: '"v1"' });
          res.end();
          return;
        }
        const v = (served.get(k) ?? 0) + 1;
        served.set(k, v);
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...(k === 1 ? { etag: '"v1"' } : {}) });
        res.end(`<!DOCTYPE html><html><head><title>Report ${k}</title></head><body><article><h1>Report ${k}</h1>${paragraph(k, k === 2 ? v : 1).repeat(3)}</article></body></html>`);
      } else {
        res.writeHead(404);
        res.end();
      }
    });
    shared = await sharedBackends();
  });
  after(async () => {
    await shared?.cleanup();
    await site?.close();
  });

  const run = async (): Promise<WorkerSummary> => {
    const config = makeConfig({
      store: shared.storeDir,
      concurrency: 2,
      sources: [{ name: 'gazette', seeds: [`${site.url}/`], articlePattern: '/a/\\d\\.html$', maxDepth: 1, revisit: [REVISIT_MS, '1h'], politeness: { delayMs: 5, perHostConcurrency: 1 }, allowPrivate: true, requisites: { images: false } }],
    });
    const workers = await Promise.all([0, 1].map(async () => new CrawlWorker(config, { sources: config.sources, stores: await shared.open(), idlePollMs: 20 })));
    const summaries = await Promise.all(workers.map((w) => w.run()));
    const outcomes: Record<string, number> = {};
    for (const s of summaries) for (const [k, n] of Object.entries(s.outcomes)) outcomes[k] = (outcomes[k] ?? 0) + n;
    return { ...summaries[0]!, outcomes };
  };

  test('the next run refetches the articles due, conditionally when it can; one not due yet waits', async () => {
    const first = await run();
    assert.equal(first.outcomes['snapshot-new'], 3, JSON.stringify(first));
    assert.equal(hits.length, 3);

    await sleep(REVISIT_MS + 100);
    hits.length = 0;
    const second = await run();
    assert.deepEqual(hits.map((h) => h.path).sort(), ['/a/1.html', '/a/2.html', '/a/3.html'], 'every article was due');
    assert.equal(hits.find((h) => h.path === '/a/1.html')?.ifNoneMatch, '"v1"', 'asked with the validator it sent');
    assert.equal(second.outcomes['not-modified'], 1, JSON.stringify(second.outcomes));
    assert.equal(second.outcomes['snapshot-changed'], 1, JSON.stringify(second.outcomes));
    assert.equal(second.outcomes['snapshot-unchanged'], 1, JSON.stringify(second.outcomes));
    const { index } = await shared.open();
    assert.equal((await index.snapshots.versions(`${site.url}/a/2.html`)).length, 2, 'a new version of the changed article');
    assert.equal((await index.snapshots.versions(`${site.url}/a/3.html`)).length, 1);

    // The second revisit waits revisit[1] (an hour): a run now fetches the home page only.
    hits.length = 0;
    const third = await run();
    assert.deepEqual(hits, [], 'nothing due yet');
    assert.equal(third.outcomes['index'], 1, JSON.stringify(third.outcomes));
  });
});
