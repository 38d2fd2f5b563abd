import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normalizeUrl, requestUrl } from '../../src/frontier/index.js';

test('scheme and host lower-case, default port and fragment dropped', () => {
  assert.equal(normalizeUrl('HTTP://News.Example.COM:80/A/b#top'), 'http://news.example.com/A/b');
  assert.equal(normalizeUrl('https://x.example:443/'), 'https://x.example/');
  assert.equal(normalizeUrl('https://x.example:8443/p'), 'https://x.example:8443/p');
});

test('tracking parameters dropped and the rest sorted', () => {
  assert.equal(
    normalizeUrl('https://x.example/a?utm_source=rss&b=2&fbclid=z&a=1&gclid=q&spm=a2c&utm_medium=x'),
    'https://x.example/a?a=1&b=2',
  );
  assert.equal(normalizeUrl('https://x.example/a?utm_campaign=1'), 'https://x.example/a');
  assert.equal(normalizeUrl('https://x.example/a?id=3&id=1'), 'https://x.example/a?id=3&id=1');
});

test('relative URLs resolve against a base; non-http schemes are refused', () => {
  assert.equal(normalizeUrl('../b?x=1#f', 'https://x.example/a/c/d'), 'https://x.example/a/b?x=1');
  assert.equal(normalizeUrl('mailto:a@b.c'), null);
  assert.equal(normalizeUrl('javascript:alert(1)'), null);
  assert.equal(normalizeUrl('not a url'), null);
});

test('international host names become punycode; credentials are dropped', () => {
  assert.equal(normalizeUrl('https://user:pw@例子.中国/新闻'), 'https://xn--fsqu00a.xn--fiqs8s/%E6%96%B0%E9%97%BB');
});

test('session identifiers are dropped so one page is one URL', () => {
  assert.equal(normalizeUrl('http://x.example/a;jsessionid=ABC123DEF456?id=1'), 'http://x.example/a?id=1');
  assert.equal(normalizeUrl('http://x.example/a?PHPSESSID=1f2e3d4c5b6a7980&id=1'), 'http://x.example/a?id=1');
  assert.equal(normalizeUrl('http://x.example/a?sid=0123456789abcdef0123'), 'http://x.example/a');
  assert.equal(normalizeUrl('http://x.example/a?sid=7'), 'http://x.example/a?sid=7', 'a short sid may be content');
});

test('percent-escapes stay byte-exact: two GBK queries are two keys, never U+FFFD', () => {
  const a = normalizeUrl('http://x.example/s?wd=%D6%D0%CE%C4')!; // 中文 in GBK
  const b = normalizeUrl('http://x.example/s?wd=%B9%FA%BC%D2')!; // 国家 in GBK
  assert.equal(a, 'http://x.example/s?wd=%D6%D0%CE%C4');
  assert.equal(b, 'http://x.example/s?wd=%B9%FA%BC%D2');
  assert.notEqual(a, b);
  for (const key of [a, b]) assert.ok(!key.includes('%EF%BF%BD'), key);
  // GBK bytes in the path too, and a UTF-8 query stays what it was.
  assert.equal(normalizeUrl('http://x.example/%D6%D0/a'), 'http://x.example/%D6%D0/a');
  assert.equal(normalizeUrl('http://x.example/s?q=中文'), 'http://x.example/s?q=%E4%B8%AD%E6%96%87');
});

test('escape normalisation (RFC 3986 6.2.2): hex upper-cased, unreserved characters decoded, reserved kept', () => {
  assert.equal(normalizeUrl('http://x.example/%7euser/a%2fb?p=%2f&q=%7E'), 'http://x.example/~user/a%2Fb?p=%2F&q=~');
  assert.equal(normalizeUrl('http://x.example/a%2fb'), normalizeUrl('http://x.example/a%2Fb'));
  assert.notEqual(normalizeUrl('http://x.example/a%2Fb'), normalizeUrl('http://x.example/a/b'), '%2F is not /');
  assert.equal(normalizeUrl('http://x.example/%41%62%2D%5F%2E%30'), 'http://x.example/Ab-_.0');
  assert.equal(normalizeUrl('http://x.example/s?q=a%20b'), 'http://x.example/s?q=a%20b');
  assert.notEqual(normalizeUrl('http://x.example/s?q=a+b'), normalizeUrl('http://x.example/s?q=a%20b'), '+ is kept as sent');
  assert.equal(normalizeUrl('http://x.example/s?q=a%3d1%26b'), 'http://x.example/s?q=a%3D1%26b', 'escaped = and & stay inside the value');
});

test('query split by hand: sorted, tracking names matched after escape normalisation, pieces kept as written', () => {
  assert.equal(normalizeUrl('http://x.example/search?q=x&page=2'), 'http://x.example/search?page=2&q=x');
  assert.equal(normalizeUrl('http://x.example/a?utm%5Fsource=rss&id=1'), 'http://x.example/a?id=1');
  assert.equal(normalizeUrl('http://x.example/a?&b&&a=1&'), 'http://x.example/a?a=1&b');
  assert.equal(normalizeUrl('http://x.example/a?'), 'http://x.example/a');
});

test('normalizeUrl is idempotent', () => {
  for (const u of [
    'http://x.example/s?wd=%d6%d0%ce%c4&utm_source=1',
    'http://x.example/%7e/a%2fb?b=%2f&a=1&a=0',
    'https://例子.中国/新闻?q=中文',
    'http://x.example/a;jsessionid=ABC?z&y=',
  ]) {
    const once = normalizeUrl(u)!;
    assert.equal(normalizeUrl(once), once, u);
  }
});

test('requestUrl keeps the URL as linked (escapes, case, query order); fragment, credentials, tracking and sessions go', () => {
  assert.equal(requestUrl('http://u:p@x.example/s?wd=%d6%d0%ce%c4&b=1#top'), 'http://x.example/s?wd=%d6%d0%ce%c4&b=1');
  assert.equal(requestUrl('/search?q=x&utm_source=a&page=2', 'http://x.example/news/'), 'http://x.example/search?q=x&page=2');
  assert.equal(requestUrl('http://x.example/a;jsessionid=ABC?fbclid=1&utm_medium=2'), 'http://x.example/a');
  assert.equal(requestUrl('http://x.example/a?z=%7e&&y'), 'http://x.example/a?z=%7e&&y', 'nothing dropped: left exactly as linked');
  assert.equal(requestUrl('mailto:a@b.c'), null);
});

test('normalizeUrl gives the same key on every call, before and after its memo of recent inputs turns over', () => {
  const inputs = ['HTTP://X.example:80/a?utm_source=1&b=2#f', 'ftp://x.example/a', 'not a url', 'http://x.example/%7e'];
  const first = inputs.map((u) => normalizeUrl(u));
  assert.deepEqual(first, ['http://x.example/a?b=2', null, null, 'http://x.example/~']);
  assert.deepEqual(inputs.map((u) => normalizeUrl(u)), first, 'remembered');
  for (let i = 0; i < 25_000; i++) normalizeUrl(`http://y.example/${i}`); // past both generations
  assert.deepEqual(inputs.map((u) => normalizeUrl(u)), first, 'recomputed');
  assert.equal(normalizeUrl('b', 'http://x.example/a/'), 'http://x.example/a/b', 'with a base: not from the memo');
});
