import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { openStoreDatabase } from '../../src/storage/index.js';
import { articleFixture } from '../fixtures/browser/site.js';
import { browserSite, CHROMIUM_SKIP, fixtureSource, snapshotOf } from '../fixtures/browser/harness.js';
import { crawlOnce } from '../helpers/crawl.js';
import { tempDir } from '../helpers/tmp.js';

/** Chromium processes started by this test process (the crawler's browser is our child). */
function childChromiumPids(): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const [, comm = '', rest = ''] = /^\d+ \((.*)\) (.*)$/s.exec(stat) ?? [];
      if (Number(rest.split(' ')[1]) === process.pid && /chrom/i.test(comm)) pids.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return pids;
}

describe('crawling with render http / browser / auto', { skip: CHROMIUM_SKIP }, () => {
  test('http gets no article body; browser and auto get the article, and say why in snapshot.json', async () => {
    const site = await browserSite({ scriptDelayMs: 200, indexArticles: 2 });
    const expected = articleFixture(1);
    const stores = { http: tempDir(), browser: tempDir(), auto: tempDir() };
    // Three crawls of the same site into their own stores, at once (independent runs; their waits overlap).
    const renders = ['http', 'browser', 'auto'] as const;
    const summaries = await Promise.all(renders.map((render) => crawlOnce(stores[render], [fixtureSource(site.url, render)], { concurrency: 3 })));
    renders.forEach((render, i) => {
      assert.deepEqual(summaries[i]!.failed, {}, `${render}: nothing failed`);
      assert.equal(summaries[i]!.snapshots.new, 4, `${render}: two static and two app-shell articles`);
    });
    const js = `${site.url}/js/1`;
    const viaHttp = snapshotOf(stores.http, js);
    assert.equal(viaHttp.body.includes(expected.paragraphs[0]), false);
    assert.deepEqual(viaHttp.render, { mode: 'http' });

    for (const render of ['browser', 'auto'] as const) {
      const record = snapshotOf(stores[render], js);
      assert.equal(record.title, expected.title, render);
      assert.equal(record.publishedAt, expected.publishedAt, render);
      assert.ok(record.body.includes(expected.paragraphs[3]), `${render}: full body`);
      assert.equal(record.render.mode, 'browser');
      assert.equal(record.files.screenshot, 'screenshot.png');
    }
    assert.equal(snapshotOf(stores.browser, js).render.reason, 'source render: browser');
    assert.match(snapshotOf(stores.auto, js).render.reason ?? '', /^auto: app shell: .*#root is empty/);
    const staticAuto = snapshotOf(stores.auto, `${site.url}/static/1`);
    assert.equal(staticAuto.render.mode, 'http');
    assert.match(staticAuto.render.reason ?? '', /^auto: server-rendered content/);
    assert.equal(staticAuto.files.screenshot, undefined);
  });

  test('render: browser revisits ask over HTTP first: a 304 spares the render, a change is rendered', async () => {
    const etags = { version: 1 };
    const site = await browserSite({ scriptDelayMs: 50, indexArticles: 1, etags });
    const storeDir = tempDir();
    const source = { ...fixtureSource(site.url, 'browser'), articlePattern: '/js/\\d+$', exclude: ['/static/'] };
    const makeDue = () => {
      const db = openStoreDatabase(storeDir);
      db.prepare('UPDATE frontier SET next_revisit_at=1 WHERE next_revisit_at IS NOT NULL').run();
      db.close();
    };
    const requestsDuring = async (run: () => Promise<unknown>) => {
      const from = site.requests.length;
      await run();
      return site.requests.slice(from);
    };
    const first = await crawlOnce(storeDir, [source]);
    assert.equal(first.snapshots.new, 1);
    const firstId = snapshotOf(storeDir, `${site.url}/js/1`).id;

    makeDue();
    let second: Awaited<ReturnType<typeof crawlOnce>> | undefined;
    const during304 = await requestsDuring(async () => (second = await crawlOnce(storeDir, [source])));
    assert.equal(second!.snapshots.unchanged, 1, JSON.stringify(second!.snapshots));
    assert.equal(during304.filter((r) => r === 'GET /js/1').length, 1, 'one conditional request');
    assert.ok(!during304.includes('GET /api/article/1'), `no render on 304: ${during304.join(', ')}`);

    etags.version = 2;
    makeDue();
    let third: Awaited<ReturnType<typeof crawlOnce>> | undefined;
    const duringChange = await requestsDuring(async () => (third = await crawlOnce(storeDir, [source])));
    assert.ok(duringChange.includes('GET /api/article/1'), 'a changed validator means a fresh render');
    assert.equal(third!.snapshots.unchanged, 1, 'same article text: checked, no new version');
    const latest = snapshotOf(storeDir, `${site.url}/js/1`);
    assert.equal(latest.id, firstId);
    assert.equal(latest.render.mode, 'browser');
    assert.equal(latest.title, articleFixture(1).title);
  });

  test('a browser killed mid-crawl is restarted and the crawl completes', async () => {
    const site = await browserSite({ scriptDelayMs: 50, apiDelayMs: 700, indexArticles: 4 });
    const storeDir = tempDir();
    const source = { ...fixtureSource(site.url, 'browser'), articlePattern: '/js/\\d+$', exclude: ['/static/'] };
    const crawl = crawlOnce(storeDir, [source], { concurrency: 2 });
    let killed: number[] = [];
    for (const deadline = Date.now() + 60_000; killed.length === 0 && Date.now() < deadline; ) {
      await sleep(50);
      if (site.requests.some((r) => r.startsWith('GET /api/article/'))) killed = childChromiumPids();
    }
    assert.ok(killed.length > 0, 'found the crawler\'s browser');
    for (const pid of killed) process.kill(pid, 'SIGKILL');
    const summary = await crawl;
    assert.deepEqual(summary.failed, {});
    assert.equal(summary.snapshots.new, 4);
    assert.ok((summary.limitsHit['browser-restart'] ?? 0) >= 1, 'a page was retried on a fresh browser');
    for (let n = 1; n <= 4; n++) assert.equal(snapshotOf(storeDir, `${site.url}/js/${n}`).title, articleFixture(n).title);
  });
});
