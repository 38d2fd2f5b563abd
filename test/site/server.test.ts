/**
 * The site over real HTTP on loopback, against a store the real crawler filled from the fixture site.
 * Tests run in order: the last ones crawl more and take snapshots down.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { SnapshotStore } from '../../src/snapshot/index.js';
import { startSiteServer, type ApiListPage, type SiteServer } from '../../src/site/index.js';
import type { SnapshotRecord } from '../../src/snapshot/index.js';
import { crawlFixtureSite } from '../fixtures/site/fixture-site.js';
import { crawledFixture, get, getJson, type CrawledFixture } from './helpers.js';

const CONTACT = 'takedown@example.org';

describe('snapshot site server', () => {
  let fx: CrawledFixture;
  let server: SiteServer;
  let base: string;

  before(async () => {
    fx = await crawledFixture({ skip: ['battery'] });
    server = await startSiteServer({
      storeDir: fx.storeDir,
      port: 0,
      pageSize: 5,
      site: { title: '测试快照站', locale: 'zh-CN', takedownContact: CONTACT },
    });
    base = server.url;
  });
  after(async () => {
    await server?.close();
    await fx?.cleanup();
  });

  test('listens on 127.0.0.1 and answers the home page with strict headers', async () => {
    assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
    const home = await get(base, '/');
    assert.equal(home.status, 200);
    assert.match(home.headers.get('content-type') ?? '', /text\/html; charset=utf-8/);
    const csp = home.headers.get('content-security-policy') ?? '';
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /img-src 'self';/);
    assert.doesNotMatch(csp, /script-src|http:|https:/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.equal(home.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(home.headers.get('referrer-policy'), 'no-referrer');
    assert.equal(home.headers.get('cache-control'), 'no-store');
    assert.match(home.text, /<html lang="zh-CN">/);
    assert.doesNotMatch(home.text, /<script/i);
  });

  test('home lists the latest first, five a page, with working pages', async () => {
    const first = await get(base, '/');
    const order = [...first.text.matchAll(/<a class="title" href="\/s\/([^"]+)">/g)].map((m) => m[1]);
    assert.deepEqual(order, [fx.ids.tangshan, fx.ids.safety, fx.ids.julu, fx.ids.hostile, fx.ids.montevideo]);
    assert.match(first.text, /第 1 \/ 3 页/);
    assert.match(first.text, /href="\/\?page=2" rel="next"/);
    const last = await get(base, '/?page=3');
    assert.match(last.text, new RegExp(fx.ids.masks));
    assert.equal((await get(base, '/?page=999')).status, 200);
    assert.equal((await get(base, '/?page=-1')).status, 200);
  });

  test('category pages list only their category; unknown ones are 404, bad encoding 400', async () => {
    const zh = await get(base, `/c/${encodeURIComponent('国内')}`);
    assert.equal(zh.status, 200);
    assert.match(zh.text, /<h1>国内<\/h1>/);
    assert.match(zh.text, /8 篇快照/);
    assert.doesNotMatch(zh.text, /Reservoir levels/);
    const world = await get(base, '/c/World');
    assert.match(world.text, /Reservoir levels in Nairobi/);
    assert.doesNotMatch(world.text, /潍坊/);
    assert.equal((await get(base, '/c/NoSuchCategory')).status, 404);
    assert.equal((await get(base, '/c/%E0%A4%A')).status, 400);
  });

  test('a snapshot page gives everything the reference page gives', async () => {
    const page = await get(base, `/s/${fx.ids.weifang}`);
    assert.equal(page.status, 200);
    const t = page.text;
    const url = fx.fixture.urlOf('weifang');
    assert.match(t, /<nav class="crumb"[^>]*><ol><li><a href="\/">首页<\/a><\/li><li><a href="\/c\/%E5%9B%BD%E5%86%85">国内<\/a><\/li><\/ol><\/nav>/);
    assert.match(t, /<h1>潍坊“友城伙伴”增至45个,“朋友圈”遍布6大洲25国<\/h1>/);
    assert.match(t, /类别：<a href="\/c\/%E5%9B%BD%E5%86%85">国内<\/a>/);
    assert.match(t, /发布时间：<time datetime="2025-10-12T23:41:00\+08:00">2025-10-12 23:41 \(UTC\+8\)<\/time>/);
    assert.match(t, /来源：鲁网/);
    assert.match(t, /以文化为媒,潍坊美誉度在全球范围显著提升/);
    // The picture is named, never hotlinked from the original site: its URL is a link out.
    assert.doesNotMatch(t, /<img|srcset=/);
    assert.match(t, new RegExp(`<figure class="image-placeholder"><p class="image-name"><span class="image-mark">图片</span></p><figcaption>潍坊“友城伙伴”增至45个`));
    assert.match(t, new RegExp(`原图地址：<a href="${fx.fixture.site.url}/uploads/2025/10/kite" rel="noopener noreferrer nofollow"`));
    assert.match(t, /作者：王玉龙/);
    assert.match(t, /责任编辑：赵岳/);
    // Provenance: snapshot of <original URL> taken <time> by <crawler>, not modified; link; time; contact.
    assert.match(t, /<aside class="provenance"/);
    assert.match(t, new RegExp(`以上内容为 <a href="${url}" rel="noopener noreferrer nofollow" referrerpolicy="no-referrer" target="_blank" class="original-url">`));
    assert.match(t, /由 snapcrawl \d+\.\d+\.\d+ 爬虫采集并收录，本站未对内容做任何修改/);
    assert.match(t, /快照生成时间<\/dt><dd><time datetime="\d{4}-\d\d-\d\dT[\d:.]+Z">\d{4}-\d\d-\d\d \d\d:\d\d:\d\d \(UTC\+8\)<\/time>/);
    assert.match(t, new RegExp(`<a href="mailto:${CONTACT}">${CONTACT}</a>`));
    for (const link of t.matchAll(/<a href="https?:[^"]*"([^>]*)>/g)) assert.match(link[1], /rel="noopener noreferrer nofollow"/);
  });

  test('related snapshots share terms (Chinese handled); more in the category follows', async () => {
    const t = (await get(base, `/s/${fx.ids.weifang}`)).text;
    const related = t.slice(t.indexOf('id="related-title"'), t.indexOf('id="more-title"'));
    for (const key of ['promotion', 'highland', 'exports', 'masks']) assert.match(related, new RegExp(fx.ids[key]), key);
    assert.doesNotMatch(related, new RegExp(fx.ids.weifang));
    assert.doesNotMatch(related, /Nairobi/);
    assert.match(related, /<time datetime="2025-10-10T19:37:00\+08:00">/);
    const more = t.slice(t.indexOf('id="more-title"'));
    assert.match(more, /更多关于国内的资讯/);
    assert.match(more, new RegExp(fx.ids.julu));
    const en = (await get(base, `/s/${fx.ids.nairobi}`)).text;
    assert.match(en.slice(en.indexOf('id="related-title"')), new RegExp(fx.ids.montevideo));
  });

  test('an archived page with markup, scripts and forms comes out escaped and inert', async () => {
    const t = (await get(base, `/s/${fx.ids.hostile}`)).text;
    assert.match(t, /<h1>Council &lt;b&gt;votes&lt;\/b&gt; &amp; &quot;scripts&quot; pass the budget<\/h1>/);
    assert.doesNotMatch(t, /<script|javascript:|onerror=|<iframe|PWNED/i);
    assert.deepEqual([...t.matchAll(/<form[^>]*action="([^"]*)"/g)].map((m) => m[1]), ['/search']);
  });

  test('search finds Chinese words of any length and English word forms', async () => {
    const total = async (q: string) => (await getJson<ApiListPage>(base, `/api/snapshots?q=${encodeURIComponent(q)}`)).body.total;
    assert.equal(await total('潍坊'), 5);
    assert.equal(await total('友城伙伴'), 1);
    assert.equal(await total('友城'), 2);
    assert.equal(await total('潍'), 5);
    assert.equal(await total('潍坊 博物馆'), 1);
    assert.equal(await total('reservoirs'), 3);
    assert.equal(await total('Nairobi'), 1);
    assert.equal(await total('不存在的词'), 0);
    for (const odd of ['"', 'NEAR(', '*', 'a OR', "'; DROP TABLE snapshots; --", '%', '_']) {
      assert.equal((await get(base, `/search?q=${encodeURIComponent(odd)}`)).status, 200, odd);
    }
    const page = await get(base, `/search?q=${encodeURIComponent('友城 <script>')}`);
    assert.doesNotMatch(page.text, /<script>/);
    assert.match(page.text, /value="友城 &lt;script&gt;"/);
    const hits = await get(base, `/search?q=${encodeURIComponent('友城')}`);
    assert.match(hits.text, /<mark>友城<\/mark>/);
    assert.match(hits.text, new RegExp(fx.ids.weifang));
    assert.match((await get(base, '/search')).text, /输入关键词搜索/);
  });

  test('JSON: lists with q, category and page; one snapshot as its snapshot.json', async () => {
    const list = await getJson<ApiListPage>(base, '/api/snapshots?category=World&page=1');
    assert.equal(list.status, 200);
    assert.deepEqual(new Set(list.body.items.map((i) => i.category)), new Set(['World']));
    assert.equal(list.body.total, 3);
    assert.deepEqual(list.body.items[0].links, {
      html: `/s/${fx.ids.hostile}`,
      raw: `/s/${fx.ids.hostile}/raw`,
      versions: `/s/${fx.ids.hostile}/versions`,
      json: `/api/snapshots/${fx.ids.hostile}`,
    });
    const paged = await getJson<ApiListPage>(base, `/api/snapshots?q=${encodeURIComponent('潍坊')}&page=2`);
    assert.deepEqual([paged.body.page, paged.body.pages, paged.body.items.length], [1, 1, 5]);
    const one = await getJson<SnapshotRecord>(base, `/api/snapshots/${fx.ids.weifang}`);
    const store = SnapshotStore.open(fx.storeDir, { readonly: true });
    try {
      assert.deepEqual(one.body, store.get(fx.ids.weifang));
    } finally {
      store.close();
    }
    assert.equal((await get(base, '/api/snapshots/20990101T000000Z-00000000')).status, 404);
    assert.equal((await get(base, '/api/nothing')).status, 404);
  });

  test('versions of one URL with a readable diff', async () => {
    const t = (await get(base, `/s/${fx.ids.promotion}/versions`)).text;
    assert.match(t, /同一原文地址共有 2 个快照版本/);
    assert.match(t, /外交部<\/del>|<del>5<\/del><ins>6<\/ins>/);
    assert.match(t, /<del>两<\/del><ins>三<\/ins>/);
    assert.match(t, /外交部<ins>再次<\/ins>推广/);
    assert.match(t, /<p class="added"><ins>潍坊还将在更多友城设立尼山书屋。<\/ins><\/p>/);
    const explicit = await get(base, `/s/${fx.ids.promotion}/versions?from=${fx.ids.promotion}&to=${fx.promotionV1}`);
    assert.match(explicit.text, /<del>5<\/del><ins>6<\/ins>/, 'the older one is always "from"');
    assert.match((await get(base, `/s/${fx.ids.weifang}/versions`)).text, /共有 1 个快照版本/);
  });

  test('raw view: exact archived bytes in a script-less sandbox with a strict CSP', async () => {
    const view = await get(base, `/s/${fx.ids.hostile}/raw`);
    assert.match(view.text, new RegExp(`<iframe class="raw-frame" sandbox="" referrerpolicy="no-referrer"[^>]*src="/s/${fx.ids.hostile}/raw/content"`));
    const res = await fetch(new URL(`/s/${fx.ids.hostile}/raw/content`, base));
    const csp = res.headers.get('content-security-policy') ?? '';
    assert.match(await res.text(), /<script>/, 'the frame shows the archived page, scripts and all (they cannot run)');
    // The exact bytes are a download, never rendered.
    const original = await fetch(new URL(`/s/${fx.ids.hostile}/raw/original`, base));
    assert.equal(original.headers.get('content-type'), 'application/octet-stream');
    assert.match(original.headers.get('content-disposition') ?? '', /^attachment;/);
    assert.equal(original.headers.get('x-content-type-options'), 'nosniff');
    assert.match(view.text, new RegExp(`href="/s/${fx.ids.hostile}/raw/original" download`));
    const bytes = Buffer.from(await original.arrayBuffer());
    assert.match(csp, /^sandbox;/);
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /img-src data:;/);
    assert.doesNotMatch(csp, /script-src|allow-scripts/);
    assert.equal(res.headers.get('x-robots-tag'), 'noindex, nofollow');
    const record = (await getJson<SnapshotRecord>(base, `/api/snapshots/${fx.ids.hostile}`)).body;
    assert.equal(createHash('sha256').update(bytes).digest('hex'), record.sha256);
    assert.match(bytes.toString('utf8'), /<script>/);
    const source = await get(base, `/s/${fx.ids.hostile}/raw?view=source`);
    assert.match(source.text, /<pre class="source">[^]*&lt;script&gt;[^]*<\/pre>/);
    assert.doesNotMatch(source.text, /<script/i);
  });

  test('no path parameter reads outside the store; only GET and HEAD', async () => {
    for (const path of [
      '/s/..%2F..%2Fstore.db',
      '/s/..%2Fstore.db/raw/content',
      '/s/%2e%2e/raw/content',
      '/api/snapshots/..%2F..%2F..%2Fetc%2Fpasswd',
      '/c/..%2F..%2Fstore.db',
      '/assets/../store.db',
      '/s/20251013T054501Z-0123abcd%00/raw',
      '/store.db',
    ]) {
      const res = await get(base, path);
      assert.ok(res.status === 404 || res.status === 400, `${path} → ${res.status}`);
      assert.doesNotMatch(res.text, /SQLite format|root:x:0/);
    }
    const post = await get(base, '/', { method: 'POST', body: 'x' });
    assert.equal(post.status, 405);
    assert.equal(post.headers.get('allow'), 'GET, HEAD');
    const head = await get(base, '/', { method: 'HEAD' });
    assert.equal(head.status, 200);
    assert.equal(head.text, '');
  });

  test('a new crawl shows in lists and search at once', async () => {
    assert.equal((await getJson<ApiListPage>(base, '/api/snapshots?q=battery')).body.total, 0);
    await crawlFixtureSite(fx.fixture, fx.storeDir, ['battery']);
    assert.equal((await getJson<ApiListPage>(base, '/api/snapshots?q=battery')).body.total, 1);
    assert.match((await get(base, '/c/Business')).text, /Battery recycling plant/);
  });
});
