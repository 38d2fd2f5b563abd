/**
 * A shared crawl's run report on real Redis + PostgreSQL: written once the crawl is over, as `runs/<run-id>.json` in
 * the store and the run's row, with the embedded report's figures for the same pages (per-source fill-rates
 * included) and its drift check against the earlier shared runs. The same site is crawled by the embedded crawl
 * beside it, run after run, and the two reports must agree.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { makeConfig, type SourceInput } from '../../src/config/index.js';
import type { SharedRunSummary } from '../../src/crawler/shared-report.js';
import type { RunSummary } from '../../src/crawler/summary.js';
import { CrawlWorker } from '../../src/crawler/worker.js';
import { startTestServer, type TestServer } from '../fixtures/http-server.js';
import { crawlOnce } from '../helpers/crawl.js';
import { sharedBackends, type SharedBackends } from '../helpers/shared-stores.js';
import { tempDir } from '../helpers/tmp.js';
import { driftArticlePage } from '../fixtures/drift-article.js';

/** The figures both reports must give alike (times, ids and the shared run's own section aside). */
const figures = (r: RunSummary) => ({
  status: r.status, fetched: r.fetched, snapshots: r.snapshots, discoveryOnly: r.discoveryOnly, skipped: r.skipped, failed: r.failed,
  perSource: r.perSource, drift: r.drift, classified: r.classified, blockedExamples: r.blockedExamples, queuedLeft: r.queuedLeft,
  // The embedded report keeps the first examples met, the shared one the first by URL: the same ones when few.
  classifiedExamples: Object.fromEntries(Object.entries(r.classifiedExamples).map(([k, list]) => [k, [...list!].sort((a, b) => a.url.localeCompare(b.url))])),
});

describe('the run report of a shared crawl', { timeout: 120_000 }, () => {
  let site: TestServer;
  let shared: SharedBackends;
  let run = 1;
  const PER_RUN = 4;

  before(async () => {
    site = await startTestServer((req, res) => {
      const url = req.url ?? '/';
      if (url === '/robots.txt') return void res.writeHead(404).end();
      if (url === '/') {
        const links = Array.from({ length: PER_RUN }, (_, i) => `<li><a href="/a/r${run}-${i + 1}">Story ${run}-${i + 1}</a></li>`).join('');
        // A challenge page each run, a failure and a page that is not HTML: the report counts them as embedded.
        return void res.writeHead(200, { 'content-type': 'text/html' }).end(`<html><body><ul>${links}</ul>
          <a href="/a/wall-${run}">wall</a> <a href="/a/gone-${run}">gone</a> <a href="/a/file-${run}">file</a></body></html>`);
      }
      if (url.startsWith('/a/wall-')) {
        return void res.writeHead(200, { 'content-type': 'text/html' }).end('<html><head><title>Just a moment...</title></head><body><div id="cf-chl-widget">Checking</div></body></html>');
      }
      if (url.startsWith('/a/file-')) return void res.writeHead(200, { 'content-type': 'application/pdf' }).end('%PDF-1.4');
      // A second source without articlePattern: the classifier decides, and both reports count its decisions.
      if (url === '/wire/') {
        const links = Array.from({ length: 3 }, (_, i) => `<li><a href="/wire/r${run}-${i + 1}">Wire ${run}-${i + 1}</a></li>`).join('');
        return void res.writeHead(200, { 'content-type': 'text/html' }).end(`<html><head><title>Wire</title></head><body><ul>${links}</ul></body></html>`);
      }
      const w = /^\/wire\/r(\d+)-(\d+)$/.exec(url);
      if (w) return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(driftArticlePage(`w${w[1]}-${w[2]}`, Number(w[2]), false));
      const m = /^\/a\/r(\d+)-(\d+)$/.exec(url);
      if (!m) return void res.writeHead(404).end();
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(driftArticlePage(`r${m[1]}-${m[2]}`, Number(m[2]), Number(m[1]) >= 3));
    });
    shared = await sharedBackends();
  });
  after(async () => {
    await shared?.cleanup();
    await site?.close();
  });

  test('is written once the crawl is over, with the embedded figures, and flags drift against the earlier shared runs', async () => {
    const source: SourceInput = {
      name: 'bridge', seeds: [`${site.url}/`], articlePattern: '/a/', maxDepth: 1,
      politeness: { delayMs: 0, perHostConcurrency: 2 }, allowPrivate: true, requisites: { images: false },
      health: { driftMargin: 0.2, minArticles: 3 },
    };
    const wire: SourceInput = {
      name: 'wire', seeds: [`${site.url}/wire/`], maxDepth: 1, politeness: { delayMs: 0, perHostConcurrency: 2 }, allowPrivate: true, requisites: { images: false },
    };
    const sources = [source, wire];
    const embeddedStore = tempDir();
    const config = makeConfig({ store: shared.storeDir, concurrency: 2, fetch: { retries: 0 }, sources });
    const stores = await shared.open();
    const reports: SharedRunSummary[] = [];
    for (run = 1; run <= 3; run++) {
      const embedded = await crawlOnce(embeddedStore, sources, { concurrency: 2 }, { fetch: { retries: 0 } });
      const worker = await new CrawlWorker(config, { sources: config.sources, stores: await shared.open(), idlePollMs: 20 }).run();
      assert.equal(worker.reportWritten, true, 'the only worker writes the report');
      const file = JSON.parse(readFileSync(join(shared.storeDir, 'runs', `${worker.runId}.json`), 'utf8')) as SharedRunSummary;
      assert.deepEqual(figures(file), figures(embedded), `run ${run}: the shared report gives the embedded figures`);
      const row = (await stores.index.runs.recent(10)).find((r) => r.id === worker.runId)!;
      assert.equal(row.status, 'completed');
      assert.deepEqual(row.summary, file, 'the run row holds the same report (the next run’s baseline)');
      assert.equal(file.shared.workers, 1);
      assert.equal(file.shared.outcomes['done:snapshot-new'], PER_RUN + 3);
      assert.equal((await stores.frontier.readTally(`run:${worker.runId}:report`)).size, 0, 'the tally is gone once the report is out');
      reports.push(file);
    }
    const [r1, , r3] = reports;
    assert.deepEqual(r1!.perSource.bridge, {
      fetched: 4, stored: 4, filled: { title: 4, publishedAt: 4, author: 4, source: 0, body: 4 }, fill: { title: 1, publishedAt: 1, author: 1, source: 0, body: 1 },
    });
    assert.deepEqual(r1!.snapshots, { new: 4 + 3, changed: 0, unchanged: 0 });
    assert.equal(r1!.classified.article, 3, `the wire's stories: ${JSON.stringify(r1!.classified)}`);
    assert.equal(r1!.perSource.wire!.stored, 3);
    assert.deepEqual(r1!.failed, { blocked: 1, 'http-404': 1 });
    assert.equal(r1!.skipped.notHtml, 1);
    assert.deepEqual(r1!.blockedExamples, [{ url: `${site.url}/a/wall-1`, status: 200, marker: 'cf-chl' }]);
    assert.deepEqual(r1!.drift, []);
    assert.deepEqual(reports[1]!.drift, []);
    assert.deepEqual(r3!.drift.find((d) => d.field === 'publishedAt'), { source: 'bridge', field: 'publishedAt', before: 1, now: 0 });
    assert.ok(r3!.drift.some((d) => d.field === 'title'), `a generic title shared by every article is a missing title: ${JSON.stringify(r3!.drift)}`);
    assert.ok(!r3!.drift.some((d) => d.field === 'body'));
  });
  test('counts an article once when its worker died between storing it and finishing its URL', async () => {
    const fresh = await sharedBackends();
    try {
      run = 1;
      const source: SourceInput = {
        name: 'bridge', seeds: [`${site.url}/`], articlePattern: '/a/r', maxDepth: 1,
        politeness: { delayMs: 0, perHostConcurrency: 2 }, allowPrivate: true, requisites: { images: false },
      };
      const config = makeConfig({ store: fresh.storeDir, concurrency: 2, fetch: { retries: 0 }, sources: [source] });
      const stores = await fresh.open();
      // The first article's finish never reaches the store, as when its worker is killed right after the commit: the
      // snapshot is in the index, the URL's lease runs out and the URL is fetched again.
      let died: string | null = null;
      const frontier = new Proxy(stores.frontier, {
        get(target, prop, receiver) {
          if (prop === 'finish') {
            return (...args: Parameters<typeof target.finish>) => {
              if (died === null && args[2].outcome === 'snapshot-new') {
                died = args[1];
                return Promise.reject(new Error('worker killed'));
              }
              return target.finish(...args);
            };
          }
          const v = Reflect.get(target, prop, receiver) as unknown;
          return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
        },
      });
      const worker = await new CrawlWorker(config, { sources: config.sources, stores: { ...stores, frontier }, idlePollMs: 20, leaseMs: 1500 }).run();
      assert.ok(died, 'a finish was lost');
      assert.equal(worker.outcomes['snapshot-unchanged'], 1, 'the article was fetched again and found stored');
      const report = JSON.parse(readFileSync(join(fresh.storeDir, 'runs', `${worker.runId}.json`), 'utf8')) as SharedRunSummary;
      assert.deepEqual(report.snapshots, { new: PER_RUN, changed: 0, unchanged: 0 }, 'stored once, by the run, as if nothing had happened');
      assert.equal(report.perSource.bridge!.stored, PER_RUN);
      assert.equal(report.perSource.bridge!.fetched, PER_RUN);
      assert.equal(report.perSource.bridge!.filled.title, PER_RUN);
      assert.equal(report.shared.outcomes['done:snapshot-new'], PER_RUN - 1, 'the lost finish counted nothing');
      assert.equal(report.shared.outcomes['done:snapshot-unchanged'], 1);
      assert.equal(await stores.index.snapshots.count({}), PER_RUN);
    } finally {
      await fresh.cleanup();
    }
  });
});
