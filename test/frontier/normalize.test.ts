import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normalizeUrl } from '../../src/frontier/index.js';

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
