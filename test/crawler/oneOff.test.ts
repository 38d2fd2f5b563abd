import assert from 'node:assert/strict';
import type { ServerResponse } from 'node:http';
import { after, describe, test } from 'node:test';
import type { RunSummary } from '../../src/crawler/index.js';
import { Frontier } from '../../src/frontier/index.js';
import { openStoreDatabase } from '../../src/storage/index.js';
import { startTestServer, type TestServer } from '../fixtures/http-server.js';
import { runCli } from '../helpers/cli.js';
import { crawlOnce } from '../helpers/crawl.js';
import { tempDir } from '../helpers/tmp.js';

/*
 * Issue 11, "one-off means one": `snapcrawl crawl URL` fetches that page only (no robots.txt sitemap
 * expansion, no links) unless --depth; a source with maxDepth 0 fetches its seeds only; a seed that
 * redirects to an article keeps the article.
 */

const ARTICLES = 40;
const PARAGRAPH = 'The harbour authority said on Tuesday that the new quay would open next spring, after two years of works. ';

function html(res: ServerResponse, body: string): void {
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
  res.end(body);
}

const articlePage = (n: number) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Story ${n}</title></head><body><main><article><h1>Story ${n}</h1>` +
  `<p>${PARAGRAPH.repeat(4)}</p><p>Story number ${n}.</p></article><aside><a href="/news/${(n % ARTICLES) + 1}">Next</a></aside></main></body></html>`;

async function site(): Promise<TestServer> {
  let base = '';
  const s = await startTestServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path === '/robots.txt') {
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      return res.end(`User-agent: *\nAllow: /\nSitemap: ${base}/sitemap.xml\n`);
    }
    if (path === '/sitemap.xml') {
      res.writeHead(200, { 'Content-Type': 'application/xml' });
      const urls = Array.from({ length: ARTICLES }, (_, i) => `<url><loc>${base}/news/${i + 1}</loc><lastmod>2025-01-01</lastmod></url>`);
      return res.end(`<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${urls.join('')}</urlset>`);
    }
    if (path === '/') {
      const links = [1, 2, 3].map((n) => `<li><a href="/news/${n}">Story ${n}</a></li>`).join('');
      return html(res, `<!doctype html><html><head><title>Harbour News</title></head><body><ul>${links}</ul></body></html>`);
    }
    if (path === '/go') return void res.writeHead(301, { Location: `${base}/news/7` }).end();
    const m = /^\/news\/(\d+)$/.exec(path);
    if (m && Number(m[1]) >= 1 && Number(m[1]) <= ARTICLES) return html(res, articlePage(Number(m[1])));
    res.writeHead(404).end('not found');
  });
  base = s.url;
  after(() => s.close());
  return s;
}

function snapshots(storeDir: string): { url: string; final_url: string }[] {
  const db = openStoreDatabase(storeDir);
  try {
    return db.prepare('SELECT url, final_url FROM snapshots ORDER BY url').all() as { url: string; final_url: string }[];
  } finally {
    db.close();
  }
}

const summaryOf = (stdout: string) => (JSON.parse(stdout.trim().split('\n').pop()!) as { summary: RunSummary }).summary;

describe('one-off means one', () => {
  test('`crawl URL` stores exactly that page; robots.txt names a sitemap of 40 articles that is never requested', async () => {
    const s = await site();
    const store = tempDir();
    const run = await runCli(['crawl', `${s.url}/news/5`, '--allow-private', '--json', '--store', store]);
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(snapshots(store).map((r) => r.url), [`${s.url}/news/5`]);
    assert.ok(!s.requests.includes('GET /sitemap.xml'), s.requests.join(' '));
    assert.deepEqual(s.requests.filter((r) => r !== 'GET /robots.txt'), ['GET /news/5']);
    const summary = summaryOf(run.stdout);
    assert.equal(summary.fetched, 1);
    assert.equal(summary.snapshots.new, 1);
  });

  test('`crawl URL --depth 1` follows the page\'s links, not the robots.txt sitemap', async () => {
    const s = await site();
    const store = tempDir();
    const run = await runCli(['crawl', `${s.url}/`, '--depth', '1', '--allow-private', '--json', '--store', store]);
    assert.equal(run.code, 0, run.stderr);
    assert.ok(!s.requests.includes('GET /sitemap.xml'), s.requests.join(' '));
    assert.deepEqual(
      snapshots(store).map((r) => r.url),
      [`${s.url}/`, `${s.url}/news/1`, `${s.url}/news/2`, `${s.url}/news/3`],
    );
  });

  test('`crawl SITEMAP-URL` fetches the sitemap itself, not its 40 items', async () => {
    const s = await site();
    const store = tempDir();
    const run = await runCli(['crawl', `${s.url}/sitemap.xml`, '--allow-private', '--json', '--store', store]);
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(s.requests.filter((r) => r !== 'GET /robots.txt'), ['GET /sitemap.xml']);
    assert.equal(summaryOf(run.stdout).limitsHit.maxDepth, 1);
  });

  test('maxDepth 0: the seeds only, and a seed that 301-redirects to an article stores that article', async () => {
    const s = await site();
    const store = tempDir();
    const source = { name: 'harbour', seeds: [`${s.url}/go`], maxDepth: 0, politeness: { delayMs: 0 }, allowPrivate: true };
    const summary = await crawlOnce(store, [source]);
    assert.ok(!s.requests.includes('GET /sitemap.xml'), s.requests.join(' '));
    assert.deepEqual(s.requests.filter((r) => r !== 'GET /robots.txt'), ['GET /go', 'GET /news/7']);
    assert.deepEqual(snapshots(store), [{ url: `${s.url}/go`, final_url: `${s.url}/news/7` }], JSON.stringify(summary));
    // The next run fetches the seed again and stores nothing new (same article).
    const again = await crawlOnce(store, [source]);
    assert.equal(again.snapshots.new + again.snapshots.changed, 0, JSON.stringify(again));
    assert.equal(snapshots(store).length, 1);
  });

  test('a seed redirecting to an article another source left queued keeps the article (no redirect-known loss)', async () => {
    const s = await site();
    const store = tempDir();
    const db = openStoreDatabase(store);
    new Frontier(db, 'earlier-run').add({ url: `${s.url}/news/7`, source: 'other', depth: 1 });
    db.close();
    const summary = await crawlOnce(store, [{ name: 'harbour', seeds: [`${s.url}/go`], maxDepth: 0, politeness: { delayMs: 0 }, allowPrivate: true }]);
    assert.deepEqual(snapshots(store), [{ url: `${s.url}/go`, final_url: `${s.url}/news/7` }], JSON.stringify(summary));
  });

  test('with an articlePattern, maxDepth 0 and a redirecting seed store the article too', async () => {
    const s = await site();
    const store = tempDir();
    await crawlOnce(store, [
      { name: 'harbour', seeds: [`${s.url}/go`, `${s.url}/`], articlePattern: '/news/\\d+$', maxDepth: 0, politeness: { delayMs: 0 }, allowPrivate: true },
    ]);
    assert.deepEqual(snapshots(store), [{ url: `${s.url}/go`, final_url: `${s.url}/news/7` }]);
    assert.ok(!s.requests.includes('GET /sitemap.xml') && !s.requests.includes('GET /news/1'), s.requests.join(' '));
  });
});

test("a run of one source leaves another source's queued URLs queued, never skipped as unknown-source", async () => {
  const server = await startTestServer((req, res) => {
    if (req.url === '/robots.txt') return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'text/html' }).end(`<html><head><title>P ${req.url}</title></head><body><h1>P</h1><p>${'Text of the page. '.repeat(20)}</p></body></html>`);
  });
  const store = tempDir();
  try {
    const db = openStoreDatabase(store);
    const other = new Frontier(db, 'seeding');
    other.add({ url: `${server.url}/other/1`, source: 'other', depth: 1 });
    other.add({ url: `${server.url}/other/2`, source: 'other', depth: 1 });
    db.close();
    const summary = await crawlOnce(store, [{ name: 'mine', seeds: [`${server.url}/mine`], maxDepth: 0, politeness: { delayMs: 0 }, allowPrivate: true }]);
    assert.equal(summary.fetched, 1);
    assert.ok(!server.requests.some((r) => r.includes('/other/')), 'the other source is not fetched by this run');
    const check = openStoreDatabase(store);
    const rows = check.prepare(`SELECT state, outcome FROM frontier WHERE source='other'`).all() as { state: string; outcome: string | null }[];
    check.close();
    assert.deepEqual(rows.map((r) => r.state), ['queued', 'queued']);
  } finally {
    await server.close();
  }
});
