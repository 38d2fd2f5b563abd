import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, test } from 'node:test';
import { HttpFetcher, PrivateAccess, productToken, RobotsCache, type RobotsCacheOptions } from '../../src/fetch/index.js';
import { openStoreDatabase, type StoreDatabase } from '../../src/storage/index.js';
import { startTestServer, type RouteHandler, type TestServer } from '../fixtures/http-server.js';
import { tempDir } from '../helpers/tmp.js';

const UA = 'snapcrawl/0.1 (+https://example.org/bot)';

/** Fetcher with the SSRF guard ON (the default); tests pass a privateAccess per check. */
const fetcher = new HttpFetcher({ userAgent: UA, retryBaseDelayMs: 5 });
after(() => fetcher.close());

function openDb(dir = tempDir()): StoreDatabase {
  const db = openStoreDatabase(dir);
  after(() => db.close());
  return db;
}

function robotsCache(options: Partial<RobotsCacheOptions> = {}): RobotsCache {
  return new RobotsCache({ db: openDb(), fetcher, userAgent: UA, ...options });
}

async function server(handler: RouteHandler): Promise<TestServer> {
  const s = await startTestServer(handler);
  after(() => s.close());
  return s;
}

/** A server whose /robots.txt answers with the given text; every other path 200s. */
function robotsServer(text: string): Promise<TestServer> {
  return server((req, res) => {
    if (req.url === '/robots.txt') res.writeHead(200, { 'Content-Type': 'text/plain' }).end(text);
    else res.end('page');
  });
}

/** Every private address open: these tests are about robots.txt, not about the scope (see the scoped tests below). */
const loopback = { privateAccess: PrivateAccess.ALL };

const RULES = `
User-agent: *
Disallow: /private

User-agent: snapcrawl
Disallow: /*.pdf$
Disallow: /tmp/
Allow: /tmp/ok
Crawl-delay: 2

Sitemap: https://example.org/sitemap.xml
Sitemap: https://example.org/news-sitemap.xml
`;

test('the product token comes from the User-Agent', () => {
  assert.equal(productToken(UA), 'snapcrawl');
  assert.equal(productToken('Mozilla/5.0 (compatible; SnapCrawl/2.0; +https://x)'), 'snapcrawl');
  assert.equal(productToken('OtherBot'), 'otherbot');
});

test('our group applies, with wildcard and $ rules, Crawl-delay and Sitemap lines', async () => {
  const s = await robotsServer(RULES);
  const robots = robotsCache();
  const check = async (path: string): Promise<boolean> => (await robots.check(`${s.url}${path}`, loopback)).allowed;
  assert.equal(await check('/docs/report.pdf'), false);
  assert.equal(await check('/docs/report.pdf?download=1'), true, '$ anchors the end');
  assert.equal(await check('/tmp/x'), false);
  assert.equal(await check('/tmp/ok'), true, 'longer Allow wins');
  assert.equal(await check('/private'), true, 'the * group does not apply when ours exists');
  const verdict = await robots.check(`${s.url}/news/1`, loopback);
  assert.deepEqual(verdict, { allowed: true, robotsUrl: `${s.url}/robots.txt`, reason: 'rules', crawlDelaySec: 2 });
  assert.deepEqual(robots.sitemaps(s.url), ['https://example.org/sitemap.xml', 'https://example.org/news-sitemap.xml']);
  assert.equal(s.requests.filter((r) => r === 'GET /robots.txt').length, 1);

  const other = robotsCache({ userAgent: 'otherbot/1.0' });
  assert.equal((await other.check(`${s.url}/private/x`, loopback)).allowed, false);
  assert.equal((await other.check(`${s.url}/a.pdf`, loopback)).allowed, true);
});

test('a 404 robots.txt allows everything', async () => {
  const s = await server((_req, res) => {
    res.writeHead(404).end();
  });
  const verdict = await robotsCache().check(`${s.url}/anything`, loopback);
  assert.deepEqual(verdict, { allowed: true, robotsUrl: `${s.url}/robots.txt`, reason: 'no-robots (404)' });
});

test('a 500 disallows everything, and a later success after failureRetryMs allows', async () => {
  let broken = true;
  const s = await server((_req, res) => {
    if (broken) res.writeHead(500).end();
    else res.end('User-agent: *\nDisallow: /admin\n');
  });
  const robots = robotsCache({ failureRetryMs: 1_000 });
  const first = await robots.check(`${s.url}/news`, loopback);
  assert.deepEqual([first.allowed, first.reason], [false, 'unreachable (500)']);
  broken = false;
  assert.equal((await robots.check(`${s.url}/news`, loopback)).allowed, false, 'failure is cached for a while');
  await sleep(1_100);
  assert.equal((await robots.check(`${s.url}/news`, loopback)).allowed, true);
  assert.equal((await robots.check(`${s.url}/admin`, loopback)).allowed, false);
});

test('a robots.txt that never answers disallows (timeout)', async () => {
  const s = await server(() => {
    /* never respond */
  });
  const started = Date.now();
  const verdict = await robotsCache({ timeoutMs: 200 }).check(`${s.url}/x`, loopback);
  assert.deepEqual([verdict.allowed, verdict.reason], [false, 'unreachable (timeout)']);
  assert.ok(Date.now() - started < 2000);
});

test('429 counts as unreachable, not as "no robots.txt"', async () => {
  const s = await server((_req, res) => {
    res.writeHead(429).end();
  });
  const verdict = await robotsCache().check(`${s.url}/x`, loopback);
  assert.deepEqual([verdict.allowed, verdict.reason], [false, 'unreachable (429)']);
});

test('the robots.txt fetch honours the SSRF guard', async () => {
  const s = await robotsServer('User-agent: *\nAllow: /\n');
  const verdict = await robotsCache().check(`${s.url}/x`);
  assert.deepEqual([verdict.allowed, verdict.reason], [false, 'unreachable (blocked-address)']);
  assert.equal(s.requests.length, 0);
});

test('a guard refusal cached for one caller does not block a caller that allows private addresses', async () => {
  const s = await robotsServer('User-agent: *\nDisallow: /admin\n');
  const robots = robotsCache();
  assert.equal((await robots.check(`${s.url}/x`)).reason, 'unreachable (blocked-address)');
  const allowed = await robots.check(`${s.url}/x`, loopback);
  assert.deepEqual([allowed.allowed, allowed.reason], [true, 'rules']);
  assert.equal((await robots.check(`${s.url}/admin`, loopback)).allowed, false, 'the real rules apply');
  assert.equal(s.requests.length, 1, 'fetched once, for the caller that may reach it');
});

test('a cross-origin redirect is followed and its rules apply to the original origin', async () => {
  const target = await robotsServer('User-agent: *\nDisallow: /secret\n');
  const s = await server((_req, res) => {
    res.writeHead(301, { Location: `${target.url}/robots.txt` }).end();
  });
  const robots = robotsCache();
  assert.equal((await robots.check(`${s.url}/secret/1`, loopback)).allowed, false);
  assert.equal((await robots.check(`${s.url}/public`, loopback)).allowed, true);
});

test('a scoped policy opens only its endpoints: robots.txt of another private origin, or a redirect there, is refused unfetched', async () => {
  const other = await robotsServer('User-agent: *\nAllow: /\n');
  const s = await server((_req, res) => {
    res.writeHead(301, { Location: `${other.url}/robots.txt` }).end();
  });
  const own = await robotsServer('User-agent: *\nDisallow: /admin\n');
  const scoped = { privateAccess: PrivateAccess.of([`${own.url}/`, `${s.url}/seed`]) };
  const robots = robotsCache();
  // The policy's own endpoint: fetched over the open path, its rules apply.
  assert.equal((await robots.check(`${own.url}/news`, scoped)).allowed, true);
  assert.equal((await robots.check(`${own.url}/admin`, scoped)).allowed, false);
  // Another port on the same IP is another endpoint: refused by the guard, never contacted.
  assert.equal((await robots.check(`${other.url}/x`, scoped)).reason, 'unreachable (blocked-address)');
  // An allowed origin whose robots.txt redirects there: the hop is judged on its own and refused.
  assert.equal((await robots.check(`${s.url}/x`, scoped)).reason, 'unreachable (blocked-address)');
  assert.deepEqual(other.requests, []);
  assert.deepEqual(s.requests, ['GET /robots.txt']);
});

test('more than 5 redirects means no robots.txt (allow)', async () => {
  const s = await server((req, res) => {
    res.writeHead(302, { Location: `${req.url ?? '/'}x` }).end();
  });
  const verdict = await robotsCache().check(`${s.url}/x`, loopback);
  assert.deepEqual([verdict.allowed, verdict.reason], [true, 'no-robots (too-many-redirects)']);
  assert.equal(s.requests.length, 6);
});

test('concurrent checks for one origin share a single fetch', async () => {
  const s = await server(async (req, res) => {
    await sleep(50);
    res.end('User-agent: *\nDisallow: /no\n');
  });
  const robots = robotsCache();
  const verdicts = await Promise.all(Array.from({ length: 10 }, (_, i) => robots.check(`${s.url}/${i % 2 ? 'no' : 'yes'}/${i}`, loopback)));
  assert.deepEqual(verdicts.map((v) => v.allowed), Array.from({ length: 10 }, (_, i) => i % 2 === 0));
  assert.equal(s.requests.length, 1);
});

test('the cache persists in SQLite across RobotsCache instances and expires', async () => {
  const s = await robotsServer('User-agent: *\nDisallow: /hidden\nSitemap: https://example.org/s.xml\n');
  const dir = tempDir();
  const first = new RobotsCache({ db: openDb(dir), fetcher, userAgent: UA });
  assert.equal((await first.check(`${s.url}/hidden`, loopback)).allowed, false);

  const reopened = openDb(dir);
  const row = reopened.prepare('SELECT outcome, status, reason FROM robots_cache WHERE origin = ?').get(s.url);
  assert.deepEqual(row, { outcome: 'rules', status: 200, reason: 'rules' });
  const second = new RobotsCache({ db: reopened, fetcher, userAgent: UA });
  assert.equal((await second.check(`${s.url}/hidden`, loopback)).allowed, false);
  assert.equal((await second.check(`${s.url}/open`, loopback)).allowed, true);
  assert.deepEqual(second.sitemaps(`${s.url}/any/page`), ['https://example.org/s.xml']);
  assert.equal(s.requests.length, 1, 'second instance used the stored copy');

  const shortLived = new RobotsCache({ db: reopened, fetcher, userAgent: UA, ttlMs: 1 });
  reopened.prepare('UPDATE robots_cache SET expires_at = 0').run();
  await shortLived.check(`${s.url}/open`, loopback);
  assert.equal(s.requests.length, 2, 'an expired row is fetched again');
});
