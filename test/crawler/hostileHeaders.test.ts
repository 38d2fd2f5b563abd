import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseRetryAfter } from '../../src/fetch/http.js';
import { openStoreDatabase } from '../../src/storage/index.js';
import { startTestServer } from '../fixtures/http-server.js';
import { crawlOnce } from '../helpers/crawl.js';
import { tempDir } from '../helpers/tmp.js';

const DAY = 86_400_000;
const article = (title: string, head = '') =>
  `<html><head>${head}<title>${title}</title></head><body><h1>${title}</h1><p>${'Plain running text of the article. '.repeat(20)}</p></body></html>`;

test('Retry-After is bounded: 20 digits, a date in 2099 and garbage never give an invalid time', () => {
  const now = Date.UTC(2026, 0, 1);
  for (const value of ['99999999999999999999', '9'.repeat(400), 'Thu, 01 Jan 2099 00:00:00 GMT']) {
    const ms = parseRetryAfter(value, now);
    assert.ok(ms !== undefined && Number.isFinite(ms) && ms > 0 && ms <= 366 * DAY, `${value.slice(0, 30)} → ${ms}`);
  }
  assert.equal(parseRetryAfter('soon', now), undefined);
  assert.equal(parseRetryAfter('120', now), 120_000);
  assert.equal(parseRetryAfter('Wed, 31 Dec 2025 00:00:00 GMT', now), 0, 'a past date means now');
});

for (const [label, retryAfter] of [
  ['20 digits of seconds', '99999999999999999999'],
  ['a date in 2099', 'Thu, 01 Jan 2099 00:00:00 GMT'],
] as const) {
  test(`a 503 with Retry-After of ${label} reschedules the URL within fetch.maxRescheduleMs, and the run completes`, async () => {
    const server = await startTestServer((req, res) => {
      if (req.url === '/robots.txt') return void res.writeHead(404).end();
      if (req.url === '/busy') return void res.writeHead(503, { 'retry-after': retryAfter }).end('busy');
      res.writeHead(200, { 'content-type': 'text/html' }).end(article('Fine page'));
    });
    const store = tempDir();
    try {
      const before = Date.now();
      const summary = await crawlOnce(
        store,
        [{ name: 's', seeds: [`${server.url}/busy`, `${server.url}/fine`], politeness: { delayMs: 0 }, allowPrivate: true }],
        { snapshotAllPages: true },
        { fetch: { retries: 0, maxRescheduleMs: 2 * DAY } },
      );
      assert.equal(summary.status, 'completed');
      assert.equal(summary.snapshots.new, 1, 'the other page is still captured');
      assert.equal(summary.limitsHit['retry-later'], 1);
      const db = openStoreDatabase(store);
      const row = db.prepare(`SELECT state, next_fetch_at FROM frontier WHERE url=?`).get(`${server.url}/busy`) as { state: string; next_fetch_at: number };
      db.close();
      assert.equal(row.state, 'queued');
      assert.ok(row.next_fetch_at > before && row.next_fetch_at <= Date.now() + 2 * DAY, `next_fetch_at ${new Date(row.next_fetch_at).toISOString()}`);
    } finally {
      await server.close();
    }
  });
}

test('a page declaring <meta charset="__proto__"> is decoded as UTF-8 and stored, not failed', async () => {
  const server = await startTestServer((req, res) => {
    if (req.url === '/robots.txt') return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'text/html' }).end(article('原型标签', '<meta charset="__proto__">'));
  });
  const store = tempDir();
  try {
    const summary = await crawlOnce(store, [{ name: 's', seeds: [`${server.url}/p`], politeness: { delayMs: 0 }, allowPrivate: true }], { snapshotAllPages: true });
    assert.deepEqual(summary.failed, {});
    assert.equal(summary.snapshots.new, 1);
    const db = openStoreDatabase(store);
    const row = db.prepare(`SELECT title FROM snapshots`).get() as { title: string } | undefined;
    db.close();
    assert.equal(row?.title, '原型标签');
  } finally {
    await server.close();
  }
});
