import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseDiscovery } from '../../src/crawler/index.js';

/* Issue 11, archive fidelity (A): which URL of an RSS item or Atom entry is the article. */

const base = 'https://news.example/feed';
const urls = (xml: string) => parseDiscovery(Buffer.from(xml), base).links.map((l) => l.url);
const rss = (items: string) => `<?xml version="1.0"?><rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>t</title>${items}</channel></rss>`;
const atom = (entries: string) => `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>${entries}</feed>`;

test('RSS: an item with only a permalink <guid> (isPermaLink absent or "true") uses it as the link', () => {
  assert.deepEqual(
    urls(rss(`
      <item><title>plain</title><guid>https://news.example/2025/10/plain</guid></item>
      <item><title>explicit</title><guid isPermaLink="true">https://news.example/2025/10/explicit</guid></item>
      <item><title>spaced</title><guid isPermaLink=" TRUE ">  https://news.example/2025/10/spaced  </guid></item>`)),
    ['https://news.example/2025/10/plain', 'https://news.example/2025/10/explicit', 'https://news.example/2025/10/spaced'],
  );
});

test('RSS: a guid with isPermaLink="false", or one that is no absolute URL, is no link', () => {
  assert.deepEqual(
    urls(rss(`
      <item><guid isPermaLink="false">https://news.example/not-a-permalink</guid></item>
      <item><guid isPermaLink="FALSE">https://news.example/also-not</guid></item>
      <item><guid>tag:news.example,2025:1234</guid></item>
      <item><guid>1234</guid></item>`)),
    [],
  );
});

test('RSS: <link> wins over the guid; an atom:link beside it is read by Atom\'s rules', () => {
  assert.deepEqual(
    urls(rss(`
      <item><link>https://news.example/by-link</link><guid>https://news.example/by-guid</guid></item>
      <item><atom:link rel="self" href="https://news.example/feed-self"/><link>/relative</link></item>
      <item><atom:link rel="enclosure" type="audio/mpeg" href="/a.mp3"/><guid>https://news.example/guid-after-enclosure</guid></item>
      <item><link></link><guid isPermaLink="false">x</guid><guid>https://news.example/second-guid</guid></item>`)),
    ['https://news.example/by-link', 'https://news.example/relative', 'https://news.example/guid-after-enclosure', 'https://news.example/second-guid'],
  );
});

test('Atom: the alternate link (or one without rel) of an HTML type, never enclosure/self/license/related/via/edit', () => {
  assert.deepEqual(
    urls(atom(`
      <entry><link rel="enclosure" type="video/mp4" href="/movie.mp4"/><link rel="alternate" type="text/html" href="/story/1"/></entry>
      <entry><link rel="self" href="/entries/2.atom"/><link href="/story/2"/></entry>
      <entry><link rel="license" href="https://creativecommons.org/licenses/by/4.0/"/><link rel="alternate" type="application/xhtml+xml" href="/story/3"/></entry>
      <entry><link rel="related" href="/other"/><link rel="via" href="/source"/><link rel="edit" href="/edit/4"/><link rel="http://www.iana.org/assignments/relation/alternate" href="/story/4"/></entry>
      <entry><link rel="ALTERNATE" type="text/html; charset=utf-8" href="/story/5"/></entry>`)),
    [
      'https://news.example/story/1',
      'https://news.example/story/2',
      'https://news.example/story/3',
      'https://news.example/story/4',
      'https://news.example/story/5',
    ],
  );
});

test('Atom: an entry without an article link yields nothing (not its enclosure, licence or self link)', () => {
  assert.deepEqual(
    urls(atom(`
      <entry><title>video only</title><link rel="enclosure" type="video/mp4" href="/movie.mp4"/></entry>
      <entry><title>licence only</title><link rel="license" href="https://creativecommons.org/licenses/by/4.0/"/></entry>
      <entry><title>self only</title><link rel="self" href="/entries/9.atom"/></entry>
      <entry><title>alternate, but a PDF</title><link rel="alternate" type="application/pdf" href="/report.pdf"/></entry>
      <entry><title>no rel, but JSON</title><link type="application/json" href="/api/9"/></entry>
      <entry><title>no link at all</title><id>urn:uuid:1</id></entry>`)),
    [],
  );
});

test('change signals: Atom updated and RSS atom:updated / pubDate, JSON Feed date_modified', () => {
  const a = parseDiscovery(Buffer.from(atom(`<entry><link href="/s"/><published>2025-01-01T00:00:00Z</published><updated>2025-02-01T00:00:00Z</updated></entry>`)), base);
  assert.deepEqual(a.links, [{ url: 'https://news.example/s', date: '2025-01-01T00:00:00Z', modified: '2025-02-01T00:00:00Z' }]);
  const r = parseDiscovery(
    Buffer.from(rss(`<item><link>/r</link><pubDate>Wed, 01 Jan 2025 00:00:00 GMT</pubDate><atom:updated>2025-02-01T00:00:00Z</atom:updated></item><item><link>/q</link></item>`)),
    base,
  );
  assert.deepEqual(r.links, [
    { url: 'https://news.example/r', date: 'Wed, 01 Jan 2025 00:00:00 GMT', modified: '2025-02-01T00:00:00Z' },
    { url: 'https://news.example/q', date: undefined },
  ]);
  const j = parseDiscovery(Buffer.from(JSON.stringify({ items: [{ url: '/j', date_published: '2025-01-01T00:00:00Z', date_modified: '2025-03-01T00:00:00Z' }] })), base);
  assert.deepEqual(j.links, [{ url: 'https://news.example/j', date: '2025-01-01T00:00:00Z', modified: '2025-03-01T00:00:00Z' }]);
});
