import assert from 'node:assert/strict';
import { test } from 'node:test';
import { HttpFetcher } from '../../src/fetch/index.js';
import { startDeadline } from '../../src/fetch/deadline.js';
import { FetchError } from '../../src/util/errors.js';
import { startTestServer } from '../fixtures/http-server.js';
import { exposeGc } from '../helpers/gc.js';

/** A server that sends headers, then one byte every `everyMs`, forever. */
async function dripServer(everyMs: number) {
  return startTestServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    const t = setInterval(() => res.write('x'), everyMs);
    res.on('close', () => clearInterval(t));
  });
}

test('the page deadline fires while the garbage collector runs throughout a drip', async () => {
  const gc = exposeGc();
  const server = await dripServer(200);
  // No rate floor here: only the deadline can end this fetch.
  const fetcher = new HttpFetcher({ userAgent: 't', allowPrivate: true, retries: 0, minBytesPerSecond: 0, bodyTimeoutMs: 60_000 });
  const collecting = setInterval(gc, 20);
  try {
    const started = Date.now();
    const err = await fetcher.fetch(`${server.url}/drip`, { totalTimeoutMs: 1500 }).then(
      () => null,
      (e: unknown) => e,
    );
    const took = Date.now() - started;
    assert.ok(err instanceof FetchError, `expected a FetchError, got ${String(err)}`);
    assert.equal(err.kind, 'timeout');
    assert.ok(took >= 1400 && took < 1500 + 3000, `ended after ${took} ms`);
  } finally {
    clearInterval(collecting);
    await fetcher.close();
    await server.close();
  }
});

test('a body slower than the minimum transfer rate is cut off after one window, and not retried', async () => {
  const server = await dripServer(100); // 10 bytes/s
  const fetcher = new HttpFetcher({ userAgent: 't', allowPrivate: true, retries: 3, minBytesPerSecond: 1024, lowSpeedWindowMs: 1000, retryBaseDelayMs: 10 });
  try {
    const started = Date.now();
    const err = await fetcher.fetch(`${server.url}/slow`).then(() => null, (e: unknown) => e);
    const took = Date.now() - started;
    assert.ok(err instanceof FetchError);
    assert.equal(err.kind, 'timeout');
    assert.match(err.message, /transfer too slow/);
    assert.ok(took < 4000, `ended after ${took} ms`);
    assert.equal(server.requests.length, 1, 'a drip is not retried inline');
  } finally {
    await fetcher.close();
    await server.close();
  }
});

test('a slow but steady body above the minimum rate is read whole', async () => {
  const chunk = 'y'.repeat(4096);
  const server = await startTestServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    let sent = 0;
    const t = setInterval(() => {
      res.write(chunk);
      if (++sent === 12) {
        clearInterval(t);
        res.end();
      }
    }, 150); // ~27 KB/s for ~1.8 s: slower than a window, faster than the floor
    res.on('close', () => clearInterval(t));
  });
  const fetcher = new HttpFetcher({ userAgent: 't', allowPrivate: true, minBytesPerSecond: 1024, lowSpeedWindowMs: 1000 });
  try {
    const result = await fetcher.fetch(`${server.url}/steady`);
    assert.equal(result.body.length, 12 * 4096);
    assert.equal(result.truncated, false);
  } finally {
    await fetcher.close();
    await server.close();
  }
});

test('a deadline follows its parent signal and clearing it leaves nothing pending', () => {
  const parent = new AbortController();
  const d = startDeadline(60_000, parent.signal);
  parent.abort(new Error('stop'));
  assert.equal(d.signal.aborted, true);
  assert.equal((d.signal.reason as Error).message, 'stop');
  d.clear();
  const cleared = startDeadline(10, undefined);
  cleared.clear();
  return new Promise<void>((resolve) =>
    setTimeout(() => {
      assert.equal(cleared.signal.aborted, false, 'a cleared deadline never fires');
      resolve();
    }, 40),
  );
});
