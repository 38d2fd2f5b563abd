import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { makeConfig } from '../../src/config/index.js';
import { Crawler, type RunSummary } from '../../src/crawler/index.js';
import { StoreGate } from '../../src/crawler/storeGate.js';
import { openStoreDatabase } from '../../src/storage/index.js';

test('the store gate lets `capacity` pages in, frees a fetch slot on entry, and queues the rest in order', async () => {
  const gate = new StoreGate(2);
  const entered: string[] = [];
  const a = await gate.enter(() => entered.push('a'));
  const b = await gate.enter(() => entered.push('b'));
  let cEntered = false;
  const c = gate.enter(() => (entered.push('c'), (cEntered = true)));
  await new Promise((r) => setTimeout(r, 20));
  assert.equal(cEntered, false, 'a third page waits while two write');
  assert.deepEqual(entered, ['a', 'b']);
  a();
  a(); // leaving twice frees one slot only
  // A page arriving just after a slot was freed does not take it from the one already waiting.
  let dEntered = false;
  const d = gate.enter(() => (entered.push('d'), (dEntered = true)));
  const leaveC = await c;
  assert.deepEqual(entered, ['a', 'b', 'c']);
  assert.equal(dEntered, false);
  assert.equal(gate.size, 2);
  assert.equal(gate.peak, 2);
  b();
  const leaveD = await d;
  assert.deepEqual(entered, ['a', 'b', 'c', 'd']);
  leaveC();
  leaveD();
  assert.equal(gate.size, 0);
  assert.throws(() => new StoreGate(0), RangeError);
});

/**
 * A site with a chain of articles (each links only to the next, so one page at a time is open and every link arrives
 * after its page's write) and a fan of slow articles off the index, counting the requests open at once.
 */
async function startSite(chain: number, fan: number): Promise<{ url: string; server: Server; peakRequests: () => number }> {
  let open = 0;
  let peak = 0;
  const page = (title: string, links: string[]) =>
    `<!doctype html><html><head><title>${title}</title></head><body><article><h1>${title}</h1>` +
    `<p>${`The story of ${title} goes on for a while so that it reads as an article. `.repeat(8)}</p>` +
    `${links.map((l) => `<a href="${l}">${l}</a>`).join(' ')}</article></body></html>`;
  const server = createServer((req, res) => {
    open++;
    peak = Math.max(peak, open);
    const done = (status: number, body: string) => {
      open--;
      res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' }).end(body);
    };
    const path = req.url ?? '/';
    if (path === '/robots.txt') return done(404, '');
    if (path === '/') return done(200, page('Index', ['/story/chain-0', ...Array.from({ length: fan }, (_, i) => `/story/fan-${i}`)]));
    const m = /^\/story\/(chain|fan)-(\d+)$/.exec(path);
    if (!m) return done(404, 'no');
    const i = Number(m[2]);
    if (m[1] === 'chain') return done(200, page(`Chain ${i}`, i + 1 < chain ? [`/story/chain-${i + 1}`] : []));
    setTimeout(() => done(200, page(`Fan ${i}`, [])), 40);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server, peakRequests: () => peak };
}

/** Crawls a fresh site of `chain` + `fan` articles into a temporary store; `check` sees the run before both go. */
async function crawlGateSite(
  shape: { chain: number; fan: number; concurrency: number; perHostConcurrency: number },
  check: (run: { crawler: Crawler; summary: RunSummary; site: Awaited<ReturnType<typeof startSite>>; store: string }) => void,
): Promise<void> {
  const site = await startSite(shape.chain, shape.fan);
  const store = mkdtempSync(join(tmpdir(), 'snapcrawl-storegate-'));
  try {
    const config = makeConfig({
      store,
      concurrency: shape.concurrency,
      sources: [{ name: 'gate', seeds: [`${site.url}/`], articlePattern: '/story/', maxDepth: 30, politeness: { delayMs: 0, perHostConcurrency: shape.perHostConcurrency }, allowPrivate: true, requisites: { images: false } }],
    });
    const crawler = new Crawler(config, { sources: config.sources, storeDir: store, extractPool: false });
    const summary = await crawler.run();
    assert.equal(summary.status, 'completed');
    check({ crawler, summary, site, store });
  } finally {
    await new Promise((r) => site.server.close(r));
    rmSync(store, { recursive: true, force: true });
  }
}

test('pages writing snapshots hand their fetch slots on: never more requests than the concurrency, every link of a page written last still followed', async () => {
  const concurrency = 3;
  await crawlGateSite({ chain: 25, fan: 40, concurrency, perHostConcurrency: concurrency }, ({ crawler, summary, site, store }) => {
    // The chain's last pages are found only through links applied after each write: none may be left behind.
    assert.equal(summary.snapshots.new, 25 + 40, JSON.stringify(summary.snapshots));
    assert.ok(site.peakRequests() <= concurrency, `at most ${concurrency} requests at once, saw ${site.peakRequests()}`);
    assert.ok(crawler.peakOpen > concurrency, `writing pages freed their fetch slots (peak open ${crawler.peakOpen})`);
    assert.ok(crawler.peakOpen <= 2 * concurrency, `bounded by twice the concurrency (peak open ${crawler.peakOpen})`);
    const db = openStoreDatabase(store);
    try {
      const rows = db.prepare('SELECT count(*) AS n, count(DISTINCT url) AS urls FROM snapshots').get() as { n: number; urls: number };
      assert.deepEqual(rows, { n: 65, urls: 65 }, 'one snapshot per article');
    } finally {
      db.close();
    }
  });
});

test('at concurrency 1 a page runs start to finish before the next is claimed (no hand-off)', async () => {
  await crawlGateSite({ chain: 5, fan: 5, concurrency: 1, perHostConcurrency: 1 }, ({ crawler, summary }) => {
    assert.equal(summary.snapshots.new, 10);
    assert.equal(crawler.peakOpen, 1);
  });
});

test('a host taken one page at a time keeps its slot through the write: its next page waits for the outcome', async () => {
  await crawlGateSite({ chain: 4, fan: 8, concurrency: 3, perHostConcurrency: 1 }, ({ crawler, summary, site }) => {
    assert.equal(summary.snapshots.new, 12);
    assert.equal(site.peakRequests(), 1);
    assert.equal(crawler.peakOpen, 1, 'one page of the one host open at a time, its write included');
  });
});
