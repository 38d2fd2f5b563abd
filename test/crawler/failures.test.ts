import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openStoreDatabase } from '../../src/storage/index.js';
import { startTestServer } from '../fixtures/http-server.js';
import { crawlOnce } from '../helpers/crawl.js';
import { exposeGc } from '../helpers/gc.js';
import { tempDir } from '../helpers/tmp.js';

const page = (title: string) => `<html><head><title>${title}</title></head><body><h1>${title}</h1><p>${'Body text here. '.repeat(30)}</p></body></html>`;

test('a server that drips bytes forever cannot hold a run: the page deadline fires even while the GC runs', async () => {
  const server = await startTestServer((req, res) => {
    if (req.url === '/robots.txt') return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'text/html' });
    const t = setInterval(() => res.write('x'), 1000); // one byte a second, inside every idle timeout
    res.on('close', () => clearInterval(t));
  });
  // Node 20 can collect an AbortSignal.timeout() held only by AbortSignal.any(): collect often to prove the deadline survives.
  const collecting = setInterval(exposeGc(), 25);
  try {
    const started = Date.now();
    const summary = await crawlOnce(
      tempDir(),
      [{ name: 's', seeds: [`${server.url}/drip`], politeness: { delayMs: 0 }, allowPrivate: true }],
      { snapshotAllPages: true },
      { fetch: { totalTimeoutMs: 2500, retries: 0, bodyTimeoutMs: 60_000 } },
    );
    const took = Date.now() - started;
    assert.ok(took < 2500 + 5000, `took ${took} ms`);
    assert.equal(summary.failed.timeout, 1, JSON.stringify(summary.failed));
  } finally {
    clearInterval(collecting);
    await server.close();
  }
});

test('--max-time ends a run with a hung fetch after the grace period and requeues the page', async () => {
  const server = await startTestServer((req, res) => {
    if (req.url === '/robots.txt') return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'text/html' });
    const t = setInterval(() => res.write('x'), 100);
    res.on('close', () => clearInterval(t));
  });
  const store = tempDir();
  try {
    const started = Date.now();
    const summary = await crawlOnce(
      store,
      [{ name: 's', seeds: [`${server.url}/drip`], politeness: { delayMs: 0 }, allowPrivate: true }],
      { snapshotAllPages: true, maxTimeMs: 500, stopGraceMs: 500 },
    );
    assert.ok(Date.now() - started < 6000, `took ${Date.now() - started} ms`);
    assert.equal(summary.limitsHit.maxTime, 500);
    assert.deepEqual(summary.failed, {});
    assert.equal(summary.queuedLeft, 1, 'the cut-off page waits for the next run');
  } finally {
    await server.close();
  }
});

test('a page that failed is retried by a later run once its backoff is over, and then captured', async () => {
  let healthy = false;
  const server = await startTestServer((req, res) => {
    if (req.url === '/robots.txt') return void res.writeHead(404).end();
    if (!healthy) return void res.writeHead(500).end('down');
    res.writeHead(200, { 'content-type': 'text/html' }).end(page('Back again'));
  });
  const store = tempDir();
  const source = { name: 's', seeds: [`${server.url}/`], include: ['.*'], politeness: { delayMs: 0 }, allowPrivate: true };
  try {
    const first = await crawlOnce(store, [{ ...source, seeds: [`${server.url}/index`] }], {}, { fetch: { retries: 0 } });
    assert.equal(first.failed['http-500'], 1);
    // The article URL itself failing: add it as a discovered page and fail it once.
    const db = openStoreDatabase(store);
    db.prepare(`INSERT INTO frontier (url, host, source, depth, kind, state, attempts, discovered_at, outcome, next_revisit_at)
      VALUES (?, ?, 's', 1, 'page', 'failed', 1, 0, 'http-500', ?)`).run(`${server.url}/a/1`, new URL(server.url).host, Date.now() + 3_600_000);
    db.close();
    healthy = true;
    const early = await crawlOnce(store, [source], { snapshotAllPages: true });
    assert.ok(!server.requests.includes('GET /a/1'), 'not before its backoff is over');
    assert.equal(early.snapshots.new, 1, 'the seed itself');
    const db2 = openStoreDatabase(store);
    db2.prepare(`UPDATE frontier SET next_revisit_at=1 WHERE url=?`).run(`${server.url}/a/1`);
    db2.close();
    const later = await crawlOnce(store, [source], { snapshotAllPages: true });
    assert.ok(server.requests.includes('GET /a/1'));
    assert.equal(later.snapshots.new, 1);
  } finally {
    await server.close();
  }
});

test('an unreachable robots.txt is a failure (retried later), not a robots rule', async () => {
  const server = await startTestServer((req, res) => {
    if (req.url === '/robots.txt') return void res.writeHead(503).end();
    res.writeHead(200, { 'content-type': 'text/html' }).end(page('x'));
  });
  const store = tempDir();
  try {
    const summary = await crawlOnce(store, [{ name: 's', seeds: [`${server.url}/`], allowPrivate: true }], {}, { fetch: { retries: 0 } });
    assert.equal(summary.skipped.robots, 0);
    assert.equal(summary.failed['robots-unreachable'], 1);
    assert.deepEqual(server.requests, ['GET /robots.txt'], 'no page fetched while robots.txt is unreachable');
    const db = openStoreDatabase(store);
    const row = db.prepare(`SELECT state, next_revisit_at FROM frontier`).get() as { state: string; next_revisit_at: number | null };
    db.close();
    assert.equal(row.state, 'failed');
    assert.ok(row.next_revisit_at && row.next_revisit_at > Date.now(), 'scheduled for a retry');
  } finally {
    await server.close();
  }
});
