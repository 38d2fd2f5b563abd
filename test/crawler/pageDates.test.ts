import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normalizeUrl } from '../../src/frontier/index.js';
import { SnapshotStore } from '../../src/snapshot/index.js';
import { startTestServer } from '../fixtures/http-server.js';
import { crawlOnce } from '../helpers/crawl.js';
import { tempDir } from '../helpers/tmp.js';

const PARAGRAPH = '<p>市交通运输局表示，新开通的公交线路将覆盖城区主要居民区、学校和医院，进一步方便市民日常出行，缓解高峰时段的交通压力。</p>';
const article = (title: string, dateLine: string) =>
  `<html lang="zh-CN"><head><meta charset="utf-8"><title>${title}</title></head><body><h1>${title}</h1>` +
  `<div class="info">${dateLine}</div><div class="content">${PARAGRAPH.repeat(4)}</div></body></html>`;

/** Month and day, in Shanghai, `days` from now. */
function shanghaiMonthDay(days: number): { year: number; month: number; day: number } {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'numeric', day: 'numeric' })
    .formatToParts(new Date(Date.now() + days * 86_400_000));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { year: get('year'), month: get('month'), day: get('day') };
}

test('dates on a page are read against the time it was fetched: "3小时前" and a year-less future day', async () => {
  const ahead = shanghaiMonthDay(10);
  const server = await startTestServer((req, res) => {
    const send = (body: string) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
    if (req.url === '/robots.txt') return void res.writeHead(404).end();
    if (req.url === '/') return send('<html><body><a href="/a/1">一</a> <a href="/a/2">二</a></body></html>');
    if (req.url === '/a/1') return send(article('公交线路调整', '发布时间：3小时前 来源：鲁网'));
    if (req.url === '/a/2') return send(article('新年音乐会', `本报${ahead.month}月${ahead.day}日讯`));
    res.writeHead(404).end();
  });
  const storeDir = tempDir();
  try {
    const before = Date.now();
    const summary = await crawlOnce(storeDir, [
      { name: 'zh', seeds: [`${server.url}/`], articlePattern: '/a/\\d+$', timezone: 'Asia/Shanghai', politeness: { delayMs: 0 }, allowPrivate: true },
    ]);
    assert.equal(summary.snapshots.new, 2);
    const store = SnapshotStore.open(storeDir, { readonly: true });
    try {
      const record = (path: string) => store.get(store.latestFor(normalizeUrl(`${server.url}${path}`)!)!.id)!;
      const relative = record('/a/1');
      const published = Date.parse(relative.publishedAt ?? '');
      const fetched = Date.parse(relative.fetchedAt);
      assert.ok(fetched >= before);
      // "3小时前" is read to the minute or hour; it must land three hours before the fetch, not "now" or nothing.
      assert.ok(Math.abs(fetched - 3 * 3_600_000 - published) < 61 * 60_000, `${relative.publishedAt} vs fetched ${relative.fetchedAt}`);
      const yearless = record('/a/2');
      const mm = String(ahead.month).padStart(2, '0');
      const dd = String(ahead.day).padStart(2, '0');
      assert.equal(yearless.publishedAt?.slice(0, 10), `${ahead.year - 1}-${mm}-${dd}`, 'ten days ahead is last year');
    } finally {
      store.close();
    }
  } finally {
    await server.close();
  }
});
