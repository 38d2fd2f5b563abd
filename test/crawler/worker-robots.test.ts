/**
 * robots.txt for workers (src/crawler/worker-robots.ts): one fetch per origin serves every worker through the
 * FrontierStore's robots cache, with the same outcomes as the embedded RobotsCache.
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { SharedRobots, BLOCKED_REASON } from '../../src/crawler/worker-robots.js';
import { HttpFetcher, PrivateAccess } from '../../src/fetch/index.js';
import { SqliteFrontierStore } from '../../src/storage/sqlite/frontier-store.js';
import { tempDir } from '../helpers/tmp.js';

let server: Server;
let origin = '';
const hits: string[] = [];
let robotsStatus = 200;

before(async () => {
  server = createServer((req, res) => {
    hits.push(req.url ?? '');
    if (req.url === '/robots.txt') {
      res.writeHead(robotsStatus, { 'content-type': 'text/plain' });
      res.end('User-agent: *\nDisallow: /private/\nCrawl-delay: 2\nSitemap: /sitemap.xml\n');
      return;
    }
    res.end('ok');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => new Promise<void>((r) => server.close(() => r())));

const UA = 'snapcrawl/0.1 (+test)';
const access = () => PrivateAccess.of([origin]);

test('the first worker fetches robots.txt once; a second worker reads it from the shared cache', async () => {
  hits.length = 0;
  robotsStatus = 200;
  const frontier = SqliteFrontierStore.open(tempDir());
  const fetcher = new HttpFetcher({ userAgent: UA });
  const a = new SharedRobots(frontier, fetcher, UA);
  assert.equal(await a.known(origin), false);
  const [v1, v2] = await Promise.all([a.check(`${origin}/news/1.html`, access()), a.check(`${origin}/private/x`, access())]);
  assert.equal(v1.allowed, true);
  assert.equal(v2.allowed, false);
  assert.equal(v1.crawlDelaySec, 2);
  assert.ok(v1.fetchedNow, 'this check paid for the fetch');
  assert.equal(hits.filter((h) => h === '/robots.txt').length, 1, 'concurrent checks share one fetch');
  assert.equal(a.sitemaps(origin).length, 1);
  assert.match(a.sitemaps(origin)[0]!, /\/sitemap\.xml$/);
  const b = new SharedRobots(frontier, fetcher, UA);
  assert.equal(await b.known(origin), true);
  const v3 = await b.check(`${origin}/private/y`, access());
  assert.equal(v3.allowed, false);
  assert.equal(v3.fetchedNow, false);
  assert.equal(hits.filter((h) => h === '/robots.txt').length, 1, 'no second fetch');
  await fetcher.close();
  await frontier.close();
});

test('a 5xx robots.txt disallows the origin for a while (unreachable); a 404 allows everything', async () => {
  hits.length = 0;
  const fetcher = new HttpFetcher({ userAgent: UA });
  robotsStatus = 503;
  const down = new SharedRobots(SqliteFrontierStore.open(tempDir()), fetcher, UA);
  const v = await down.check(`${origin}/news/1.html`, access());
  assert.equal(v.allowed, false);
  assert.match(v.reason, /^unreachable \(503\)/);
  robotsStatus = 404;
  const missing = new SharedRobots(SqliteFrontierStore.open(tempDir()), fetcher, UA);
  const w = await missing.check(`${origin}/private/x`, access());
  assert.equal(w.allowed, true);
  assert.match(w.reason, /^no-robots \(404\)/);
  await fetcher.close();
});

test('a private address the source may not reach is refused by the guard, and that refusal is not shared', async () => {
  const frontier = SqliteFrontierStore.open(tempDir());
  const fetcher = new HttpFetcher({ userAgent: UA });
  const r = new SharedRobots(frontier, fetcher, UA);
  const v = await r.check(`${origin}/news/1.html`, PrivateAccess.NONE);
  assert.equal(v.allowed, false);
  assert.equal(v.reason, BLOCKED_REASON);
  assert.equal(await frontier.robots(origin, Date.now()), null, 'our own guard’s refusal stays out of the shared cache');
  await fetcher.close();
  await frontier.close();
});

test("a robots.txt request that could not start by its slot's deadline is not made; the one made reports when it started", async () => {
  hits.length = 0;
  robotsStatus = 200;
  const store = SqliteFrontierStore.open(tempDir());
  // The shared-cache look-up takes 40 ms, as a loaded Redis might: longer than the slack left before startBy.
  const slow = new Proxy(store, {
    get(target, prop, receiver) {
      if (prop === 'robots') return async (o: string, now: number) => (await new Promise((r) => setTimeout(r, 40)), target.robots(o, now));
      const v = Reflect.get(target, prop, receiver) as unknown;
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
  const fetcher = new HttpFetcher({ userAgent: UA });
  const robots = new SharedRobots(slow, fetcher, UA);
  const late = await robots.check(`${origin}/news/1.html`, access(), { startBy: Date.now() + 10 });
  assert.equal(late.late, true);
  assert.equal(late.fetchedNow, false);
  assert.equal(hits.filter((h) => h === '/robots.txt').length, 0, 'no request went out');
  const before = Date.now();
  // Two checks at once: the one that loads pays for the request and says when it started; the other joined it.
  const [v, joined] = await Promise.all([robots.check(`${origin}/news/1.html`, access(), { startBy: Date.now() + 5_000 }), robots.check(`${origin}/news/2.html`, access())]);
  assert.equal(v.fetchedNow, true);
  assert.equal(joined.fetchedNow, false);
  assert.ok(v.requestStartedAt !== undefined && v.requestStartedAt >= before + 40 && v.requestStartedAt <= Date.now(), `started ${v.requestStartedAt! - before} ms after the call`);
  assert.equal(hits.filter((h) => h === '/robots.txt').length, 1);
  await fetcher.close();
  await store.close();
});
