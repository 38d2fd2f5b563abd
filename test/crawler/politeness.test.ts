import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startTestServer } from '../fixtures/http-server.js';
import { crawlOnce } from '../helpers/crawl.js';
import { tempDir } from '../helpers/tmp.js';

/** A site of `n` linked pages; each page links to the next and to a robots-disallowed page. */
function linkedPages(robots: string | null, n: number, onPage?: (path: string) => Promise<void>) {
  return async (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => {
    const path = req.url ?? '/';
    if (path === '/robots.txt') {
      if (robots === null) return; // never answers: a robots.txt that times out
      res.writeHead(200, { 'content-type': 'text/plain' }).end(robots);
      return;
    }
    const i = Number(/^\/p(\d+)$/.exec(path)?.[1] ?? 0);
    await onPage?.(path);
    const next = i + 1 < n ? `<a href="/p${i + 1}">next</a>` : '';
    res
      .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      .end(`<html><head><title>Page ${i}</title></head><body><h1>Page ${i}</h1><p>${'Text of the page. '.repeat(30)}</p>${next} <a href="/private/x">x</a></body></html>`);
  };
}

test('robots.txt Crawl-delay spaces requests to a host even when the source delay is shorter', async () => {
  const times: number[] = [];
  const server = await startTestServer(linkedPages('User-agent: *\nCrawl-delay: 1\nDisallow: /private/\n', 3, async () => void times.push(Date.now())));
  try {
    const summary = await crawlOnce(tempDir(), [
      { name: 's', seeds: [`${server.url}/p0`], maxDepth: 5, politeness: { delayMs: 0, perHostConcurrency: 1 }, allowPrivate: true },
    ], { snapshotAllPages: true });
    assert.equal(summary.snapshots.new, 3);
    assert.equal(summary.skipped.robots, 1);
    assert.ok(!server.requests.some((r) => r.includes('/private/')), 'disallowed URL never fetched');
    for (let i = 1; i < times.length; i++) assert.ok(times[i] - times[i - 1] >= 950, `gap ${times[i] - times[i - 1]} ms`);
  } finally {
    await server.close();
  }
});

test('per-host concurrency holds under a higher global concurrency', async () => {
  let inFlight = 0;
  let peak = 0;
  const slow = async () => {
    inFlight++;
    peak = Math.max(peak, inFlight);
    await new Promise((r) => setTimeout(r, 60));
    inFlight--;
  };
  const server = await startTestServer(async (req, res) => {
    if (req.url === '/robots.txt') return void res.writeHead(404).end();
    await slow();
    const links = Array.from({ length: 8 }, (_, i) => `<a href="/a${i}">a${i}</a>`).join(' ');
    res.writeHead(200, { 'content-type': 'text/html' }).end(`<title>x</title><p>${'words '.repeat(60)}</p>${req.url === '/' ? links : ''}`);
  });
  try {
    const summary = await crawlOnce(
      tempDir(),
      [{ name: 's', seeds: [`${server.url}/`], maxDepth: 1, politeness: { delayMs: 0, perHostConcurrency: 2 }, allowPrivate: true }],
      { concurrency: 8, snapshotAllPages: true },
    );
    assert.equal(summary.fetched, 9);
    assert.ok(peak <= 2, `peak concurrent requests to one host: ${peak}`);
    assert.equal(peak, 2, 'and it does use the two slots it has');
  } finally {
    await server.close();
  }
});

test('a robots.txt that times out keeps the crawler off the origin: no page fetched, counted as a failure, the run ends', async () => {
  const server = await startTestServer(linkedPages(null, 2));
  try {
    const started = Date.now();
    const summary = await crawlOnce(
      tempDir(),
      [{ name: 's', seeds: [`${server.url}/p0`], politeness: { delayMs: 0, perHostConcurrency: 1 }, allowPrivate: true }],
      {},
      { fetch: { headersTimeoutMs: 300, retries: 0 } },
    );
    assert.equal(summary.failed['robots-unreachable'], 1);
    assert.equal(summary.skipped.robots, 0);
    assert.deepEqual(server.requests, ['GET /robots.txt']);
    assert.ok(Date.now() - started < 15_000);
  } finally {
    await server.close();
  }
});
