import assert from 'node:assert/strict';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { after, describe, test } from 'node:test';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { SourceInput } from '../../src/config/index.js';
import { siteChangedSince } from '../../src/crawler/revisitPolicy.js';
import { ensureFrontierSchema, Frontier } from '../../src/frontier/index.js';
import { SnapshotStore } from '../../src/snapshot/index.js';
import { openStoreDatabase } from '../../src/storage/index.js';
import { startTestServer, type TestServer } from '../fixtures/http-server.js';
import { crawlOnce } from '../helpers/crawl.js';
import { tempDir } from '../helpers/tmp.js';

/*
 * Issue 11, change signals: a sitemap lastmod / feed updated newer than the one the site gave before for a
 * URL makes that known article due now (conditional GET), whatever the revisit schedule says. Only the
 * site's own values are compared, never our clock.
 */

const PARAGRAPH = 'The harbour authority said on Tuesday that the new quay would open next spring, after two years of works. ';

interface Article {
  body: string;
  etag: string;
  lastModified: Date;
  /** As the sitemap or feed writes it. */
  lastmod: string;
}

interface ChangeSite {
  server: TestServer;
  articles: Map<number, Article>;
  /** Requests with their conditional headers: `GET /a/1 inm="…" ims=…`. */
  log: string[];
}

function articleHtml(n: number, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Quay story ${n}</title></head><body><main><article>` +
    `<h1>Quay story ${n}</h1><p>${PARAGRAPH.repeat(3)}</p><p>${body}</p></article></main></body></html>`;
}

async function changeSite(format: 'sitemap' | 'rss' | 'atom', firstLastmod: (n: number) => string): Promise<ChangeSite> {
  const articles = new Map<number, Article>();
  for (let n = 1; n <= 5; n++) {
    articles.set(n, { body: `Story ${n} as first published.`, etag: `"a${n}-v1"`, lastModified: new Date(Date.UTC(2020, 0, n)), lastmod: firstLastmod(n) });
  }
  const log: string[] = [];
  let base = '';
  const server = await startTestServer((req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    log.push(`${req.method} ${path} inm=${req.headers['if-none-match'] ?? '-'} ims=${req.headers['if-modified-since'] ?? '-'}`);
    if (path === '/robots.txt') {
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      return res.end('User-agent: *\nAllow: /\n');
    }
    const list = [...articles];
    if (path === '/sitemap.xml' && format === 'sitemap') {
      res.writeHead(200, { 'Content-Type': 'application/xml' });
      const urls = list.map(([n, a]) => `<url><loc>${base}/a/${n}</loc><lastmod>${a.lastmod}</lastmod></url>`);
      return res.end(`<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${urls.join('')}</urlset>`);
    }
    if (path === '/feed.xml' && format === 'rss') {
      res.writeHead(200, { 'Content-Type': 'application/rss+xml' });
      const items = list.map(([n, a]) => `<item><title>Quay story ${n}</title><guid>${base}/a/${n}</guid><pubDate>${a.lastmod}</pubDate></item>`);
      return res.end(`<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour</title>${items.join('')}</channel></rss>`);
    }
    if (path === '/feed.xml' && format === 'atom') {
      res.writeHead(200, { 'Content-Type': 'application/atom+xml' });
      const entries = list.map(
        ([n, a]) => `<entry><title>Quay story ${n}</title><link rel="enclosure" type="video/mp4" href="/media/${n}.mp4"/>` +
          `<link href="/a/${n}"/><published>2020-01-01T00:00:00Z</published><updated>${a.lastmod}</updated></entry>`,
      );
      return res.end(`<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Harbour</title>${entries.join('')}</feed>`);
    }
    const m = /^\/a\/(\d)$/.exec(path);
    const a = m ? articles.get(Number(m[1])) : undefined;
    if (!a) return void res.writeHead(404).end('not found');
    const validators = { ETag: a.etag, 'Last-Modified': a.lastModified.toUTCString() };
    const ims = req.headers['if-modified-since'] ? Date.parse(req.headers['if-modified-since']) : NaN;
    if (req.headers['if-none-match'] === a.etag || (!req.headers['if-none-match'] && ims >= a.lastModified.getTime())) {
      return void res.writeHead(304, validators).end();
    }
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', ...validators });
    res.end(articleHtml(Number(m![1]), a.body));
  });
  base = server.url;
  after(() => server.close());
  return { server, articles, log };
}

function source(site: ChangeSite, format: 'sitemap' | 'rss' | 'atom'): SourceInput {
  const entry = format === 'sitemap' ? { sitemaps: [`${site.server.url}/sitemap.xml`] } : { feeds: [`${site.server.url}/feed.xml`] };
  return {
    name: 'harbour',
    ...entry,
    articlePattern: '/a/\\d$',
    maxDepth: 1,
    revisit: ['6h', '24h'],
    politeness: { delayMs: 0, perHostConcurrency: 2 },
    allowPrivate: true,
  };
}

/** Corrects article n: new body, validators and (as the site writes it) lastmod. */
function correct(site: ChangeSite, n: number, lastmod: string): void {
  const a = site.articles.get(n)!;
  site.articles.set(n, { body: `Story ${n}, corrected: the quay opens in autumn.`, etag: `"a${n}-v2"`, lastModified: new Date(Date.UTC(2020, 5, n)), lastmod });
}

interface Version {
  id: string;
  url: string;
  previous_id: string | null;
}

function versions(storeDir: string): Version[] {
  const db = openStoreDatabase(storeDir);
  try {
    return db.prepare('SELECT id, url, previous_id FROM snapshots ORDER BY url, fetched_at').all() as Version[];
  } finally {
    db.close();
  }
}

function bodyOf(storeDir: string, id: string): string {
  const store = SnapshotStore.open(storeDir);
  try {
    return store.get(id)?.body ?? '';
  } finally {
    store.close();
  }
}

/** Runs the scenario: run 1 stores 5; 3 are corrected with a newer site value; run 2 (not due) stores exactly those 3. */
async function scenario(format: 'sitemap' | 'rss' | 'atom', first: (n: number) => string, corrected: (n: number) => string, unchanged?: (n: number) => string): Promise<void> {
  const site = await changeSite(format, first);
  const store = tempDir();
  const run1 = await crawlOnce(store, [source(site, format)]);
  assert.equal(run1.snapshots.new, 5, JSON.stringify(run1));
  const firstIds = new Map(versions(store).map((v) => [v.url, v.id]));

  for (const n of [1, 3, 5]) correct(site, n, corrected(n));
  // The two others keep their lastmod, or restate another value that is not newer.
  if (unchanged) for (const n of [2, 4]) site.articles.get(n)!.lastmod = unchanged(n);
  site.log.length = 0;
  const run2 = await crawlOnce(store, [source(site, format)]);

  assert.equal(run2.snapshots.changed, 3, JSON.stringify(run2));
  assert.equal(run2.snapshots.new, 0, JSON.stringify(run2));
  assert.equal(run2.limitsHit.requeuedBySiteChange, 3, JSON.stringify(run2.limitsHit));
  const fetched = site.log.filter((l) => l.startsWith('GET /a/'));
  assert.deepEqual(
    fetched.map((l) => l.split(' ')[1]).sort(),
    ['/a/1', '/a/3', '/a/5'],
    `only the corrected articles are refetched: ${site.log.join(' | ')}`,
  );
  // Conditional GETs with the validators of the stored version.
  for (const n of [1, 3, 5]) assert.ok(fetched.some((l) => l.startsWith(`GET /a/${n} inm="a${n}-v1"`)), fetched.join(' | '));
  const all = versions(store);
  assert.equal(all.length, 8);
  for (const n of [1, 3, 5]) {
    const url = `${site.server.url}/a/${n}`;
    const latest = all.filter((v) => v.url === url).find((v) => v.previous_id !== null);
    assert.ok(latest, `a new version of ${url}`);
    assert.equal(latest.previous_id, firstIds.get(url));
    assert.match(bodyOf(store, latest.id), /corrected: the quay opens in autumn/);
  }
  for (const n of [2, 4]) assert.equal(all.filter((v) => v.url === `${site.server.url}/a/${n}`).length, 1);

  // A third run with nothing new from the site fetches no article at all.
  site.log.length = 0;
  const run3 = await crawlOnce(store, [source(site, format)]);
  assert.equal(run3.snapshots.changed + run3.snapshots.new, 0, JSON.stringify(run3));
  assert.deepEqual(site.log.filter((l) => l.startsWith('GET /a/')), []);
}

describe('change signals make a known article due now', () => {
  test('sitemap lastmod: run 2 right after run 1 stores exactly the 3 corrected articles as new versions', async () => {
    await scenario('sitemap', (n) => `2025-03-0${n}T08:00:00+08:00`, (n) => `2025-03-1${n}T08:00:00+08:00`);
  });

  test('lastmods older than our fetch time still count when newer than the site\'s previous value', async () => {
    // A clock comparison ("lastmod after our last fetch?") would refetch nothing here.
    await scenario('sitemap', (n) => `2001-01-0${n}`, (n) => `2001-01-1${n}`);
  });

  test('lastmods in the future count only against the previous value: restated ones do not refetch', async () => {
    // A clock comparison ("lastmod after our last fetch?") would refetch all five every run.
    await scenario(
      'sitemap',
      (n) => `2099-01-0${n}T00:00:00Z`,
      (n) => `2099-02-0${n}T00:00:00Z`,
      (n) => `2099-01-0${n}T00:00:00+00:00`, // the same instant, written another way: no change
    );
  });

  test('an older value than before is no change signal', async () => {
    await scenario('sitemap', (n) => `2025-03-0${n}`, (n) => `2025-03-1${n}`, (n) => `2024-12-0${n}`);
  });

  test('RSS pubDate (guid-only items) and Atom updated are change signals too', async () => {
    await scenario('rss', (n) => `Mon, 0${n} Mar 2025 08:00:00 GMT`, (n) => `Mon, 1${n} Mar 2025 08:00:00 GMT`);
    await scenario('atom', (n) => `2025-03-0${n}T08:00:00Z`, (n) => `2025-03-1${n}T08:00:00Z`);
  });
});

describe('siteChangedSince and the frontier column', () => {
  test('compares the site\'s values with each other only', () => {
    assert.equal(siteChangedSince('2025-01-01', '2025-01-02'), true);
    assert.equal(siteChangedSince('2025-01-02', '2025-01-01'), false);
    assert.equal(siteChangedSince('2025-01-01T08:00:00+08:00', '2025-01-01T00:00:00Z'), false, 'same instant');
    assert.equal(siteChangedSince('Wed, 01 Jan 2025 10:00:00 GMT', '2025-01-01'), false, 'a date-only lastmod is midnight UTC');
    assert.equal(siteChangedSince('Wed, 01 Jan 2025 10:00:00 GMT', '2025-01-01T10:00:01Z'), true, 'against a stored Last-Modified');
    assert.equal(siteChangedSince('2099-01-01', '2099-01-01'), false);
    assert.equal(siteChangedSince('二〇二五年一月', '二〇二五年二月'), true, 'unreadable but different');
  });

  test('site_modified is added in place to an older store, idempotently', () => {
    const dir = tempDir();
    const db = new Database(join(dir, 'store.db'));
    db.exec(`CREATE TABLE frontier (id INTEGER PRIMARY KEY AUTOINCREMENT, url TEXT NOT NULL UNIQUE, host TEXT NOT NULL, source TEXT NOT NULL,
      depth INTEGER NOT NULL, kind TEXT NOT NULL DEFAULT 'page', state TEXT NOT NULL DEFAULT 'queued', priority INTEGER NOT NULL DEFAULT 0,
      attempts INTEGER NOT NULL DEFAULT 0, next_fetch_at INTEGER NOT NULL DEFAULT 0, discovered_from TEXT, discovered_at INTEGER NOT NULL,
      fetched_at INTEGER, http_status INTEGER, outcome TEXT, last_error TEXT, snapshot_id TEXT, run_id TEXT, etag TEXT, last_modified TEXT,
      revisit_count INTEGER NOT NULL DEFAULT 0, next_revisit_at INTEGER)`);
    db.prepare(`INSERT INTO frontier (url, host, source, depth, discovered_at, state, fetched_at, last_modified, run_id)
      VALUES ('https://news.example/a/1', 'news.example', 's', 1, 0, 'done', 1, 'Wed, 01 Jan 2025 10:00:00 GMT', 'old')`).run();
    ensureFrontierSchema(db);
    ensureFrontierSchema(db);
    const cols = (db.prepare('PRAGMA table_info(frontier)').all() as { name: string }[]).map((c) => c.name);
    assert.equal(cols.filter((c) => c === 'site_modified').length, 1);
    // No site value yet: the Last-Modified of the stored version is the baseline.
    const frontier = new Frontier(db, 'now');
    assert.deepEqual(frontier.noteSiteModified([{ url: 'https://news.example/a/1', modified: '2025-01-01' }], 's', siteChangedSince), []);
    assert.deepEqual(frontier.noteSiteModified([{ url: 'https://news.example/a/1', modified: '2025-01-02' }], 's', siteChangedSince), [
      'https://news.example/a/1',
    ]);
    assert.equal(frontier.get('https://news.example/a/1')?.state, 'queued');
    db.close();
  });

  test('a feed\'s older pubDate and a sitemap\'s newer lastmod for one URL do not take turns requeueing it', () => {
    const db = openStoreDatabase(tempDir());
    const url = 'https://news.example/a/2';
    const fetched = (run: string) =>
      db.prepare(`UPDATE frontier SET state='done', fetched_at=1, run_id=?, next_revisit_at=NULL WHERE url=?`).run(run, url);
    const note = (run: string, modified: string) => new Frontier(db, run).noteSiteModified([{ url, modified }], 's', siteChangedSince);
    new Frontier(db, 'r1').add({ url, source: 's', depth: 1 });
    assert.deepEqual(note('r1', 'Wed, 01 Jan 2025 00:00:00 GMT'), [], 'first sight: nothing to compare with');
    fetched('r1');
    assert.deepEqual(note('r2', 'Wed, 01 Jan 2025 00:00:00 GMT'), [], 'the same value again');
    assert.deepEqual(note('r2', '2025-01-05T00:00:00Z'), [url], 'the sitemap says it changed');
    fetched('r2');
    for (const run of ['r3', 'r4']) {
      assert.deepEqual(note(run, 'Wed, 01 Jan 2025 00:00:00 GMT'), [], `${run}: the feed's older pubDate is no change`);
      assert.deepEqual(note(run, '2025-01-05T00:00:00Z'), [], `${run}: nor is the sitemap's lastmod seen before`);
    }
    // Another source's row, a seed, or a page this run fetched are left alone.
    assert.deepEqual(new Frontier(db, 'r5').noteSiteModified([{ url, modified: '2025-02-01' }], 'other', siteChangedSince), []);
    fetched('r6');
    assert.deepEqual(note('r6', '2025-03-01'), [], 'fetched by this run');
    db.close();
  });
});
