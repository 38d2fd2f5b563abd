import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Frontier, normalizeUrl } from '../../src/frontier/index.js';
import { SnapshotStore } from '../../src/snapshot/index.js';
import { openStoreDatabase } from '../../src/storage/index.js';
import { startTestServer } from '../fixtures/http-server.js';
import { crawlOnce } from '../helpers/crawl.js';
import { tempDir } from '../helpers/tmp.js';

const PARAGRAPH = '<p>市交通运输局表示，新开通的公交线路将覆盖城区主要居民区、学校和医院，进一步方便市民日常出行，缓解高峰时段的交通压力。</p>';
const article = (title: string) =>
  `<html lang="zh-CN"><head><meta charset="utf-8"><title>${title}</title></head><body><h1>${title}</h1>` +
  `<div class="content">${PARAGRAPH.repeat(4)}</div></body></html>`;

test('GBK query URLs: fetched byte-exact as linked, two pages stay two; robots sees the URL as linked', async () => {
  const seen: string[] = [];
  const server = await startTestServer((req, res) => {
    seen.push(req.url!);
    const send = (body: string) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
    if (req.url === '/robots.txt') return void res.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *\nDisallow: /search?q=\n');
    if (req.url === '/') {
      return send(
        '<html><body>' +
          '<a href="/s?wd=%D6%D0%CE%C4">中文</a> ' + // GBK for 中文
          '<a href="/s?wd=%B9%FA%BC%D2">国家</a> ' + // GBK for 国家
          '<a href="/s?wd=%d6%d0%ce%c4#again">中文 again</a> ' + // same key: not fetched a second time
          '<a href="/search?q=x&amp;page=2">blocked</a> ' + // Disallow: /search?q= matches it as linked
          '<a href="/search?page=3&amp;q=y">allowed</a>' + // matches only once re-sorted: must be allowed
          '</body></html>',
      );
    }
    if (req.url === '/s?wd=%D6%D0%CE%C4') return send(article('中文'));
    if (req.url === '/s?wd=%B9%FA%BC%D2') return send(article('国家'));
    if (req.url === '/search?page=3&q=y') return send(article('搜索结果'));
    res.writeHead(404).end();
  });
  const storeDir = tempDir();
  try {
    const summary = await crawlOnce(storeDir, [
      { name: 'gbk', seeds: [`${server.url}/`], articlePattern: '/s(?:earch)?\\?', maxDepth: 1, politeness: { delayMs: 0 }, allowPrivate: true },
    ]);
    // The server got exactly the bytes the page linked, once each; the disallowed link never left the crawler.
    assert.deepEqual(seen.filter((u) => u.startsWith('/s?')).sort(), ['/s?wd=%B9%FA%BC%D2', '/s?wd=%D6%D0%CE%C4']);
    assert.ok(seen.includes('/search?page=3&q=y'), `allowed link fetched as linked: ${seen.join(' ')}`);
    assert.ok(!seen.some((u) => u.startsWith('/search?q=')), `disallowed link fetched: ${seen.join(' ')}`);
    assert.ok(!seen.some((u) => u.includes('%EF%BF%BD')));
    assert.equal(summary.skipped.robots, 1);
    assert.equal(summary.snapshots.new, 3);

    const db = openStoreDatabase(storeDir);
    try {
      const rows = db.prepare(`SELECT url, request_url AS requestUrl, outcome FROM frontier ORDER BY url`).all() as {
        url: string;
        requestUrl: string;
        outcome: string;
      }[];
      const byPath = new Map(rows.map((r) => [r.url.slice(server.url.length), r]));
      assert.ok(!rows.some((r) => r.url.includes('%EF%BF%BD')), 'no key went through UTF-8 decoding');
      assert.equal(byPath.get('/s?wd=%D6%D0%CE%C4')?.outcome, 'snapshot-new');
      assert.equal(byPath.get('/s?wd=%B9%FA%BC%D2')?.outcome, 'snapshot-new');
      const blocked = byPath.get('/search?page=2&q=x');
      assert.equal(blocked?.outcome, 'robots');
      assert.equal(blocked?.requestUrl, `${server.url}/search?q=x&page=2`);
      assert.equal(new Frontier(db, 'check').get(`${server.url}/search?q=y&page=3`)?.requestUrl, `${server.url}/search?page=3&q=y`);
    } finally {
      db.close();
    }

    // Provenance: the snapshot's final URL is the exact URL fetched.
    const store = SnapshotStore.open(storeDir, { readonly: true });
    try {
      const record = store.get(store.latestFor(normalizeUrl(`${server.url}/s?wd=%d6%d0%ce%c4`)!)!.id)!;
      assert.equal(record.finalUrl, `${server.url}/s?wd=%D6%D0%CE%C4`);
      assert.equal(record.title, '中文');
      const other = store.get(store.latestFor(`${server.url}/s?wd=%B9%FA%BC%D2`)!.id)!;
      assert.equal(other.title, '国家');
    } finally {
      store.close();
    }
  } finally {
    await server.close();
  }
});
