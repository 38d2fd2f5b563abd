import assert from 'node:assert/strict';
import type { ServerResponse } from 'node:http';
import { after, describe, test } from 'node:test';
import { makeSource } from '../../src/config/index.js';
import type { RunSummary } from '../../src/crawler/index.js';
import { privateAccessFor } from '../../src/crawler/privateScope.js';
import { openStoreDatabase } from '../../src/storage/index.js';
import { ConfigError } from '../../src/util/errors.js';
import { captureLogger, CHROMIUM_SKIP, type LogLine } from '../fixtures/browser/harness.js';
import { startTestServer, type TestServer } from '../fixtures/http-server.js';
import { runCli } from '../helpers/cli.js';
import { crawlOnce } from '../helpers/crawl.js';
import { tempDir } from '../helpers/tmp.js';

/*
 * Issue 10 point 5: `allowPrivate` opens the source's own endpoints (host and port of its seeds, feeds
 * and sitemaps), not the network. Server A is the source (127.0.0.1, one port); server B is another
 * private service on the same IP, another port (/admin-secret). A links to B, redirects to B, names a
 * sitemap on B in robots.txt, and a browser-rendered page of A loads an image and an XHR from B.
 * B must never receive a request, and nothing of it may be stored.
 */

const PARAGRAPH = 'The harbour authority said on Tuesday that the new quay would open next spring, after two years of works. ';

function html(res: ServerResponse, body: string): void {
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
  res.end(body);
}

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body><main><article><h1>${title}</h1>${body}<p>${PARAGRAPH.repeat(4)}</p></article></main></body></html>`;
}

interface Servers {
  a: TestServer;
  b: TestServer;
}

async function servers(): Promise<Servers> {
  const b = await startTestServer((_req, res) => html(res, page('Admin secret', '<p>internal credentials</p>')));
  const a = await startTestServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path === '/robots.txt') {
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      return res.end(`User-agent: *\nAllow: /\nSitemap: ${b.url}/sitemap.xml\n`);
    }
    if (path === '/') {
      return html(res, page('Harbour News', `<ul><li><a href="/a/1">Quay opens</a></li><li><a href="/go-b">Moved</a></li><li><a href="${b.url}/linked-secret">Internal</a></li></ul>`));
    }
    if (path === '/a/1') return html(res, page('Quay opens next spring', '<p>Story.</p>'));
    if (path === '/go-b') return void res.writeHead(302, { Location: `${b.url}/admin-secret` }).end();
    if (path === '/browser-page') {
      return html(
        res,
        page(
          'Rendered story',
          `<img src="${b.url}/pixel.png" alt=""><script>fetch('${b.url}/api').catch(function () {}); document.title = 'Rendered story';</script>`,
        ),
      );
    }
    res.writeHead(404).end('not found');
  });
  after(async () => {
    await a.close();
    await b.close();
  });
  return { a, b };
}

function frontierRows(storeDir: string): Map<string, { state: string; outcome: string | null }> {
  const db = openStoreDatabase(storeDir);
  try {
    const rows = db.prepare('SELECT url, state, outcome FROM frontier').all() as { url: string; state: string; outcome: string | null }[];
    return new Map(rows.map((r) => [r.url, { state: r.state, outcome: r.outcome }]));
  } finally {
    db.close();
  }
}

function storedUrls(storeDir: string): string[] {
  const db = openStoreDatabase(storeDir);
  try {
    const rows = db.prepare('SELECT url, final_url FROM snapshots').all() as { url: string; final_url: string }[];
    return rows.flatMap((r) => [r.url, r.final_url]);
  } finally {
    db.close();
  }
}

function assertNothingFromB(storeDir: string, b: TestServer): void {
  assert.deepEqual(b.requests, [], 'B never received a request');
  const fromB = storedUrls(storeDir).filter((u) => u.startsWith(b.url));
  assert.deepEqual(fromB, [], 'nothing of B is stored');
}

const refusedLogged = (lines: LogLine[], url: string): boolean =>
  lines.some((l) => l.level >= 40 && (l.url === url || String(l.err ?? '').includes(url)));

describe('allowPrivate opens the source\'s own endpoints, not the network', () => {
  test('a link, a redirect and a robots.txt sitemap to another loopback port are refused as blocked-address; A is crawled', async () => {
    const { a, b } = await servers();
    const store = tempDir();
    const { logger, lines } = captureLogger();
    const summary = await crawlOnce(
      store,
      [{ name: 'a', seeds: [`${a.url}/`], maxDepth: 2, politeness: { delayMs: 0 }, allowPrivate: true }],
      { snapshotAllPages: true, logger },
    );

    assertNothingFromB(store, b);
    assert.equal(summary.failed['blocked-address'], 3, JSON.stringify(summary.failed));
    const rows = frontierRows(store);
    assert.equal(rows.get(`${a.url}/go-b`)?.outcome, 'blocked-address', 'the redirect hop to B is refused');
    assert.equal(rows.get(`${b.url}/linked-secret`)?.outcome, 'blocked-address', 'the link to B is refused');
    assert.equal(rows.get(`${b.url}/sitemap.xml`)?.outcome, 'blocked-address', 'the sitemap on B is refused');
    // Logged with the URL (the redirect's message names the hop it refused).
    assert.ok(refusedLogged(lines, `${b.url}/linked-secret`));
    assert.ok(lines.some((l) => l.url === `${a.url}/go-b` && l.kind === 'blocked-address' && String(l.err).includes(`${b.url}/admin-secret`)));
    // A itself, on loopback, is crawled as before.
    const stored = storedUrls(store);
    assert.ok(stored.includes(`${a.url}/`) && stored.includes(`${a.url}/a/1`), stored.join(' '));
    assert.ok(a.requests.includes('GET /robots.txt') && a.requests.includes('GET /a/1'));
  });

  test('allowPrivateHosts lists another internal endpoint explicitly; it is then reached like the source\'s own', async () => {
    const { a, b } = await servers();
    const store = tempDir();
    const summary = await crawlOnce(
      store,
      // maxDepth 1: with maxDepth 0 a source fetches its entry points only, robots.txt sitemaps included (issue 11).
      [{ name: 'a', seeds: [`${a.url}/go-b`], maxDepth: 1, politeness: { delayMs: 0 }, allowPrivate: true, allowPrivateHosts: [`127.0.0.1:${b.port}`] }],
      { snapshotAllPages: true },
    );
    assert.equal(summary.failed['blocked-address'], undefined, JSON.stringify(summary.failed));
    // The redirect is followed (B's robots.txt first), and A's robots.txt sitemap on B is read too.
    assert.deepEqual(b.requests, ['GET /robots.txt', 'GET /admin-secret', 'GET /sitemap.xml']);
    assert.ok(storedUrls(store).includes(`${b.url}/admin-secret`));
  });

  test('a one-off `crawl URL --allow-private` opens that URL\'s endpoint only', async () => {
    const { a, b } = await servers();
    const store = tempDir();
    const run = await runCli(['crawl', `${a.url}/`, '--allow-private', '--depth', '1', '--json', '--store', store]);
    assert.equal(run.code, 0, run.stderr);
    const { summary } = JSON.parse(run.stdout.trim().split('\n').pop()!) as { summary: RunSummary };
    assertNothingFromB(store, b);
    assert.ok((summary.failed['blocked-address'] ?? 0) >= 2, JSON.stringify(summary.failed));
    assert.ok(storedUrls(store).includes(`${a.url}/a/1`));
    assert.match(run.stderr, new RegExp(`${b.url}/linked-secret`), 'the refusal is logged with the URL');
  });

  test('without allowPrivate nothing private is open, allowPrivateHosts alone opens exactly what it lists', () => {
    const source = makeSource({ name: 's', seeds: ['http://127.0.0.1:8787/', 'http://127.0.0.1:8787/en/'], feeds: ['http://localhost:8080/rss.xml'] });
    assert.ok(privateAccessFor(source, false).isNone);
    const global = privateAccessFor(source, true);
    assert.equal(global.toString(), '127.0.0.1:8787,localhost:8080');
    assert.ok(global.allowsUrl('http://127.0.0.1:8787/a/1'));
    assert.ok(!global.allowsUrl('http://127.0.0.1:9999/admin-secret'));
    assert.ok(!global.allowsUrl('https://127.0.0.1/'));
    const listed = makeSource({ name: 's', seeds: ['http://127.0.0.1:8787/'], allowPrivateHosts: ['10.0.0.5:8080', 'https://Intranet.Example'] });
    assert.equal(privateAccessFor(listed, false).toString(), '10.0.0.5:8080,intranet.example:443');
    assert.equal(privateAccessFor({ ...listed, allowPrivate: true }, false).toString(), '10.0.0.5:8080,127.0.0.1:8787,intranet.example:443');
  });

  test('allowPrivateHosts entries must be host:port or an http(s) origin', () => {
    for (const bad of ['10.0.0.5', 'http://10.0.0.5:8080/admin', '10.0.0.5:99999', 'ftp://10.0.0.5:21', '']) {
      assert.throws(
        () => makeSource({ name: 's', seeds: ['http://127.0.0.1:8787/'], allowPrivateHosts: [bad] }),
        (err: unknown) => err instanceof ConfigError && /allowPrivateHosts/.test(err.message) && /host:port/.test(err.message),
        bad,
      );
    }
    for (const good of ['10.0.0.5:8080', '[fd00::5]:443', 'intranet.example:80', 'http://10.0.0.5:8080', 'https://intranet.example/']) {
      assert.doesNotThrow(() => makeSource({ name: 's', seeds: ['http://127.0.0.1:8787/'], allowPrivateHosts: [good] }), good);
    }
  });
});

describe('browser renders of an allowed origin cannot reach another private one', { skip: CHROMIUM_SKIP }, () => {
  test('an image and an XHR to B are refused, a redirect to B fails as blocked-address; A\'s page is stored', async () => {
    const { a, b } = await servers();
    const store = tempDir();
    const { logger, lines } = captureLogger();
    const summary = await crawlOnce(
      store,
      [
        {
          name: 'a',
          seeds: [`${a.url}/browser-page`, `${a.url}/go-b`],
          maxDepth: 1, // so that A's robots.txt sitemap (on B) is read: maxDepth 0 reads none
          politeness: { delayMs: 0, perHostConcurrency: 2 },
          allowPrivate: true,
          render: 'browser',
          browser: { timeLimitMs: 10_000, networkIdleCapMs: 1_000, screenshot: false },
        },
      ],
      { snapshotAllPages: true, logger },
    );
    assertNothingFromB(store, b);
    assert.ok(storedUrls(store).includes(`${a.url}/browser-page`), JSON.stringify(summary));
    assert.ok((summary.limitsHit['render-blocked-address'] ?? 0) >= 1, JSON.stringify(summary.limitsHit));
    // The redirect to B (refused by the guard proxy: Playwright never routes redirect hops) and the robots.txt sitemap on B.
    assert.equal(summary.failed['blocked-address'], 2, JSON.stringify(summary.failed));
    const rows = frontierRows(store);
    assert.equal(rows.get(`${a.url}/go-b`)?.outcome, 'blocked-address');
    assert.equal(rows.get(`${b.url}/sitemap.xml`)?.outcome, 'blocked-address');
    assert.ok(lines.some((l) => l.msg === 'browser request blocked (SSRF guard)' && l.url === `${b.url}/pixel.png`), 'the image is refused by the route guard');
    assert.ok(lines.some((l) => l.msg === 'browser request blocked (SSRF guard)' && l.url === `${b.url}/api`), 'the XHR is refused by the route guard');
    assert.ok(a.requests.includes('GET /browser-page'));
  });
});
