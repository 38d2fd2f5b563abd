import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { test } from 'node:test';
import iconv from 'iconv-lite';
import { parseDiscovery } from '../../src/crawler/index.js';

const base = 'https://news.example/feed';

test('RSS 2.0: item links resolved against the feed, with their dates', () => {
  const d = parseDiscovery(
    Buffer.from(`<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>
      <item><title>a</title><link>/a/1</link><pubDate>Mon, 13 Oct 2025 05:45:01 GMT</pubDate></item>
      <item><title><![CDATA[b & c]]></title><link>https://news.example/b</link></item>
      <item><guid isPermaLink="true">https://news.example/g</guid></item></channel></rss>`),
    base,
  );
  assert.equal(d.kind, 'rss');
  assert.deepEqual(d.links, [
    { url: 'https://news.example/a/1', date: 'Mon, 13 Oct 2025 05:45:01 GMT', modified: 'Mon, 13 Oct 2025 05:45:01 GMT' },
    { url: 'https://news.example/b', date: undefined },
    { url: 'https://news.example/g', date: undefined },
  ]);
});

test('Atom and JSON Feed', () => {
  const atom = parseDiscovery(
    Buffer.from(`<feed xmlns="http://www.w3.org/2005/Atom"><entry><link rel="alternate" href="/e1"/><link rel="edit" href="/x"/>
      <published>2025-10-12T23:41:00+08:00</published></entry></feed>`),
    base,
  );
  assert.equal(atom.kind, 'atom');
  assert.deepEqual(atom.links, [{ url: 'https://news.example/e1', date: '2025-10-12T23:41:00+08:00', modified: '2025-10-12T23:41:00+08:00' }]);
  const json = parseDiscovery(
    Buffer.from(JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', items: [{ id: '1', url: '/j/1', date_published: '2025-10-12T00:00:00Z' }] })),
    base,
  );
  assert.equal(json.kind, 'jsonfeed');
  assert.deepEqual(json.links, [{ url: 'https://news.example/j/1', date: '2025-10-12T00:00:00Z', modified: '2025-10-12T00:00:00Z' }]);
});

test('sitemaps: gzipped index, a Google News sitemap, lastmod', () => {
  const index = parseDiscovery(
    gzipSync(`<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
      <sitemap><loc>https://news.example/s1.xml.gz</loc></sitemap><sitemap><loc>https://news.example/s2.xml</loc></sitemap></sitemapindex>`),
    base,
  );
  assert.equal(index.kind, 'sitemapindex');
  assert.deepEqual(index.sitemaps, ['https://news.example/s1.xml.gz', 'https://news.example/s2.xml']);
  const news = parseDiscovery(
    Buffer.from(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
      <url><loc>https://news.example/n1</loc><lastmod>2025-01-01</lastmod><news:news><news:publication_date>2025-10-12T23:41:00+08:00</news:publication_date></news:news></url>
      <url><loc>https://news.example/n2</loc><lastmod>2025-02-02</lastmod></url></urlset>`),
    base,
  );
  assert.deepEqual(news.links, [
    // `date` orders the queue (publication first); `modified` is the change signal (lastmod first).
    { url: 'https://news.example/n1', date: '2025-10-12T23:41:00+08:00', modified: '2025-01-01' },
    { url: 'https://news.example/n2', date: '2025-02-02', modified: '2025-02-02' },
  ]);
});

test('a GBK feed keeps its Chinese link paths; garbage yields nothing', () => {
  const gbk = iconv.encode(`<?xml version="1.0" encoding="gbk"?><rss><channel><item><link>https://news.example/新闻/1</link></item></channel></rss>`, 'gbk');
  assert.deepEqual(parseDiscovery(gbk, base).links.map((l) => decodeURI(l.url)), ['https://news.example/新闻/1']);
  assert.deepEqual(parseDiscovery(Buffer.from('<html><body>not a feed'), base).links, []);
  assert.deepEqual(parseDiscovery(Buffer.from('{broken json'), base).links, []);
  const bomb = `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><urlset><url><loc>&c;</loc></url></urlset>`;
  assert.doesNotThrow(() => parseDiscovery(Buffer.from(bomb), base));
});
