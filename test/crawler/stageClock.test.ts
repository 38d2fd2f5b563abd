import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { makeConfig } from '../../src/config/index.js';
import { Crawler } from '../../src/crawler/index.js';
import { StageClock } from '../../src/crawler/stageClock.js';
import { startNewsSite } from '../../demo/index.js';

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

test('a stage is timed by wall time, waits included, and counted when it throws too', async () => {
  const clock = new StageClock();
  assert.equal(await clock.time('fetch', async () => (await sleep(40), 'body')), 'body');
  await clock.time('fetch', () => sleep(20));
  await assert.rejects(clock.time('store', async () => (await sleep(10), Promise.reject(new Error('disk full')))), /disk full/);
  const s = clock.summary();
  assert.deepEqual(Object.keys(s), ['fetch', 'store']);
  assert.equal(s.fetch.pages, 2);
  assert.ok(s.fetch.totalMs >= 55 && s.fetch.avgMs >= 27, `fetch ${JSON.stringify(s.fetch)}`);
  assert.equal(s.store.pages, 1);
  assert.ok(s.store.avgMs >= 8, `store ${JSON.stringify(s.store)}`);
});

test("a crawl times each page's stages: every page, the fetched ones, the extracted ones, the stored ones", async () => {
  const site = await startNewsSite({ articles: 12 });
  const store = mkdtempSync(join(tmpdir(), 'snapcrawl-stages-'));
  try {
    const config = makeConfig({
      store,
      sources: [{ name: 'demo', seeds: [`${site.url}/en/`], maxDepth: 1, politeness: { delayMs: 0, perHostConcurrency: 4 }, allowPrivate: true, requisites: { images: false } }],
    });
    const crawler = new Crawler(config, { sources: config.sources, storeDir: store, extractPool: false });
    const summary = await crawler.run();
    assert.equal(summary.status, 'completed');
    const stages = crawler.stages.summary();
    assert.ok(summary.snapshots.new > 0, 'articles stored');
    assert.equal(stages.store?.pages, summary.snapshots.new, 'one write per stored article');
    assert.equal(stages.fetch?.pages, summary.fetched, 'one fetch per page fetched');
    assert.ok((stages.extract?.pages ?? 0) >= summary.snapshots.new, 'every stored page was extracted first');
    assert.ok((stages.page?.pages ?? 0) >= summary.fetched, 'every page timed whole');
    assert.ok(stages.page!.avgMs >= stages.fetch!.avgMs, 'a page takes at least its fetch');
  } finally {
    await site.close();
    rmSync(store, { recursive: true, force: true });
  }
});
