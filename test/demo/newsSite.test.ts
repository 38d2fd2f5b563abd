import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { after, before, describe, it } from 'node:test';
import iconv from 'iconv-lite';
import { startNewsSite, type NewsSite } from '../../demo/index.js';
import { escapeHtml } from '../../demo/html.js';

async function get(site: NewsSite, path: string, headers: Record<string, string> = {}) {
  const res = await fetch(site.url + path, { redirect: 'manual', headers });
  const bytes = Buffer.from(await res.arrayBuffer());
  return { status: res.status, headers: res.headers, bytes, text: bytes.toString('utf8') };
}

function hrefs(html: string): string[] {
  return [...html.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((m) => m[1].replace(/&amp;/g, '&'));
}

describe('demo news site', () => {
  let site: NewsSite;
  before(async () => {
    site = await startNewsSite();
  });
  after(async () => site.close());

  it('listens on 127.0.0.1 with 40 deterministic articles, half Chinese and half English', async () => {
    assert.match(site.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.equal(site.articles.length, 40);
    assert.equal(site.articles.filter((a) => a.lang === 'zh').length, 20);
    assert.equal(new Set(site.articles.map((a) => a.path)).size, 40);
    assert.equal(new Set(site.articles.map((a) => a.title)).size, 40);
    const again = await startNewsSite({ articles: 40 });
    const other = await startNewsSite({ seed: 2, articles: 10 });
    try {
      assert.deepEqual(again.articles, site.articles);
      assert.notDeepEqual(other.articles.map((a) => a.title), site.articles.slice(0, 10).map((a) => a.title));
    } finally {
      await Promise.all([again.close(), other.close()]);
    }
    for (const a of site.articles) {
      assert.match(a.publishedAt, a.lang === 'zh' ? /^\d{4}-\d\d-\d\dT\d\d:\d\d:00\+08:00$/ : /^\d{4}-\d\d-\d\dT\d\d:\d\d:00Z$/);
      assert.ok(a.body.length >= 4 && a.body.length <= 8, `${a.path} has ${a.body.length} paragraphs`);
      assert.ok(a.images.length >= 1);
    }
    assert.equal(new Set(site.articles.map((a) => a.template)).size, 6, 'every markup template is used');
  });

  it('serves robots.txt with Disallow rules, a Crawl-delay only for another bot, and a Sitemap line', async () => {
    const { status, headers, text } = await get(site, '/robots.txt');
    assert.equal(status, 200);
    assert.equal(headers.get('content-type'), 'text/plain; charset=utf-8');
    const starGroup = text.slice(text.indexOf('User-agent: *'));
    assert.match(starGroup, /Disallow: \/private\/\nDisallow: \/search\n/);
    assert.doesNotMatch(starGroup, /Crawl-delay/);
    assert.match(text, /User-agent: GreedyBot\nCrawl-delay: 30/);
    assert.ok(text.includes(`Sitemap: ${site.url}/sitemap.xml`));
    assert.deepEqual(site.disallowedPaths, ['/private/', '/search']);
    const home = (await get(site, '/')).text;
    for (const prefix of site.disallowedPaths) assert.ok(hrefs(home).some((h) => h.startsWith(prefix)), `home links to ${prefix}`);
    assert.equal((await get(site, '/private/drafts/latest.html')).status, 200, 'disallowed pages exist');
  });

  it('serves a sitemap with every article and lastmod, and RSS 2.0 with the latest 20', async () => {
    const sitemap = await get(site, '/sitemap.xml');
    assert.equal(sitemap.headers.get('content-type'), 'application/xml; charset=utf-8');
    const locs = [...sitemap.text.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
    assert.deepEqual(new Set(locs), new Set(site.articles.map((a) => site.url + a.path)));
    assert.equal([...sitemap.text.matchAll(/<lastmod>/g)].length, 40);

    const rss = await get(site, '/rss.xml');
    assert.equal(rss.headers.get('content-type'), 'application/rss+xml; charset=utf-8');
    assert.match(rss.text, /<rss version="2.0"/);
    const links = [...rss.text.matchAll(/<item>\s*<title>[^<]*<\/title>\s*<link>([^<]+)<\/link>/g)].map((m) => m[1]);
    const newest = [...site.articles].sort((a, b) => Date.parse(b.publishedAt) - Date.parse(a.publishedAt)).slice(0, 20);
    assert.deepEqual(links, newest.map((a) => site.url + a.path));
  });

  it('serves a GBK article declared only in <meta charset="gbk">, whose bytes decode back', async () => {
    const article = site.articles.find((a) => a.gbkDeclaration === 'meta-only');
    assert.ok(article);
    const { status, headers, bytes } = await get(site, article.path);
    assert.equal(status, 200);
    assert.equal(headers.get('content-type'), 'text/html');
    assert.throws(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes), 'bytes are not UTF-8');
    assert.ok(bytes.includes(iconv.encode(article.title, 'gbk')), 'title is GBK-encoded');
    const html = iconv.decode(bytes, 'gbk');
    assert.ok(iconv.encode(html, 'gbk').equals(bytes), 'lossless round trip');
    assert.match(html, /<meta charset="gbk">/);
    assert.doesNotMatch(html, /\uFFFD/);
    for (const p of article.body) assert.ok(html.includes(escapeHtml(p)), `paragraph present: ${p.slice(0, 20)}`);
  });

  it('serves every GBK variant losslessly, and every article page contains its ground truth', async () => {
    const gbkHeader = site.articles.find((a) => a.gbkDeclaration === 'header');
    assert.ok(gbkHeader);
    assert.equal((await get(site, gbkHeader.path)).headers.get('content-type'), 'text/html; charset=GBK');
    for (const a of site.articles) {
      const { status, bytes } = await get(site, a.path);
      assert.equal(status, 200, a.path);
      const html = a.charset === 'gbk' ? iconv.decode(bytes, 'gbk') : bytes.toString('utf8');
      if (a.charset === 'gbk') assert.ok(iconv.encode(html, 'gbk').equals(bytes), `${a.path} round-trips`);
      assert.ok(html.includes(`>${escapeHtml(a.title)}</h1>`), `${a.path} title`);
      for (const p of a.body) assert.ok(html.includes(escapeHtml(p)), `${a.path} paragraph`);
      for (const img of a.images) {
        const at = html.indexOf(`src="${img.src}"`);
        assert.ok(at > 0, `${a.path} image ${img.src}`);
        assert.ok(html.slice(at, at + 600).includes(escapeHtml(img.caption)), `${a.path} caption follows its image`);
      }
      if (a.author) assert.ok(html.includes(a.author), `${a.path} author`);
      if (a.editor) assert.ok(html.includes(a.editor), `${a.path} editor`);
    }
  });

  it('shows the Chinese info line and English ET timestamps', async () => {
    const classic = site.articles.find((a) => a.template === 'zh-classic' && a.charset === 'utf-8')!;
    const zh = (await get(site, classic.path)).text;
    const local = classic.publishedAt.slice(0, 19).replace('T', ' ');
    assert.ok(zh.includes(`类别:${classic.category} 发布时间:${local} 来源:${classic.source}`));
    assert.ok(zh.includes(`责任编辑:${classic.editor}`));
    const en = site.articles.find((a) => a.template === 'en-jsonld' && a.author)!;
    const enHtml = (await get(site, en.path)).text;
    assert.ok(enHtml.includes(`By <span class="author">${en.author}</span>`));
    assert.match(enHtml, /<span class="timestamp">[A-Z][a-z]+ \d{1,2}, \d{4} \d{1,2}:\d\d [AP]M ET<\/span>/);
    assert.match(enHtml, /"@type": "NewsArticle"/);
    const plain = site.articles.find((a) => a.template === 'en-plain')!;
    const plainHtml = (await get(site, plain.path)).text;
    assert.doesNotMatch(plainHtml, /og:|ld\+json/);
  });

  it('links every article from paginated category indexes and keeps all links on its own origin', async () => {
    const found = new Set<string>();
    const queue = ['/', '/en/'];
    const seen = new Set(queue);
    while (queue.length > 0) {
      const path = queue.shift()!;
      const { text } = await get(site, path);
      for (const href of hrefs(text)) {
        assert.ok(href.startsWith('/') || href.startsWith('#') || href.startsWith('javascript:') || href.startsWith(site.url), `local link: ${href}`);
        const p = href.startsWith(site.url) ? href.slice(site.url.length) : href;
        if (site.articles.some((a) => a.path === p)) found.add(p);
        if (/^\/(zh|en)\/[a-z]+\/(index_\d+\.html|page\/\d+\/)?$/.test(p) && !seen.has(p)) {
          seen.add(p);
          queue.push(p);
        }
      }
    }
    assert.equal(found.size, site.articles.length);
    assert.ok(seen.has('/zh/guonei/index_1.html') && seen.has('/en/world/page/2/'), 'pagination pages exist');
  });

  it('records every request in order, with method, path, user agent and time; resetRequests clears', async () => {
    site.resetRequests();
    const t0 = Date.now();
    await get(site, '/robots.txt', { 'user-agent': 'test-agent/1.0' });
    await fetch(site.url + '/search?q=x', { method: 'HEAD', headers: { 'user-agent': 'other' } });
    assert.deepEqual(site.requests.map((r) => [r.method, r.path, r.userAgent]), [
      ['GET', '/robots.txt', 'test-agent/1.0'],
      ['HEAD', '/search?q=x', 'other'],
    ]);
    assert.ok(site.requests.every((r) => r.at >= t0 && r.at <= Date.now()));
    site.resetRequests();
    assert.equal(site.requests.length, 0);
  });

  it('has no fault paths unless asked', async () => {
    assert.equal(site.faultPaths, undefined);
    assert.equal((await get(site, '/loop/a')).status, 404);
    assert.equal((await get(site, '/calendar/2025/10?page=1')).status, 404);
    assert.doesNotMatch((await get(site, '/')).text, /utm_source|jsessionid/);
  });

  it('answers conditional requests with 304', async () => {
    const a = site.articles[1];
    const first = await get(site, a.path);
    const etag = first.headers.get('etag')!;
    const lastModified = first.headers.get('last-modified')!;
    assert.equal((await get(site, a.path, { 'if-none-match': etag })).status, 304);
    assert.equal((await get(site, a.path, { 'if-modified-since': lastModified })).status, 304);
    assert.equal((await get(site, a.path, { 'if-none-match': '"other"' })).status, 200);
  });
});

describe('demo news site lifecycle', () => {
  it('close() frees the port', async () => {
    const site = await startNewsSite();
    const port = Number(new URL(site.url).port);
    await get(site, '/');
    await site.close();
    await new Promise<void>((resolve, reject) => {
      const probe = createServer();
      probe.once('error', reject);
      probe.listen(port, '127.0.0.1', () => probe.close(() => resolve()));
    });
    const again = await startNewsSite({ port });
    assert.equal(again.url, `http://127.0.0.1:${port}`);
    await again.close();
  });
});
