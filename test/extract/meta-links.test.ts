import { test } from 'node:test';
import assert from 'node:assert/strict';
import { enParagraphs, extractFrom, zhParagraphs } from './helpers.js';

test('outlinks: every http(s) link incl. navigation, absolute, deduplicated, fragments dropped', () => {
  const a = extractFrom(
    `<nav><a href="/">Home</a><a href="/world/">World</a><a href="/world/#top">World again</a></nav>
     ${enParagraphs()}<a href="story.html#comments">x</a><a href="mailto:a@b.c">mail</a><a href="javascript:void(0)">js</a>
     <a href="//other.example.net/path?q=1">proto-relative</a><map><area href="/area-link" alt="a"></map>`,
    { url: 'https://news.example.com/section/page.html' },
  );
  assert.deepEqual(a.outlinks, [
    'https://news.example.com/',
    'https://news.example.com/world/',
    'https://news.example.com/section/story.html',
    'https://other.example.net/path?q=1',
    'https://news.example.com/area-link',
  ]);
});

test('<base href> is honoured when it is in the head', () => {
  const a = extractFrom(`<a href="x.html">x</a>${enParagraphs()}`, { head: '<base href="https://cdn.example.org/base/">', url: 'https://news.example.com/a/1.html' });
  assert.deepEqual(a.outlinks, ['https://cdn.example.org/base/x.html']);
});

test('canonical URL, description, language (declared and guessed)', () => {
  const a = extractFrom(enParagraphs(), { head: '<link rel="canonical" href="/a/1.html?amp=0"><meta name="description" content="Twelve new routes.">' });
  assert.equal(a.canonicalUrl, 'https://news.example.com/a/1.html?amp=0');
  assert.equal(a.description, 'Twelve new routes.');
  assert.equal(a.language, 'en');
  assert.equal(extractFrom(zhParagraphs()).language, 'zh');
  const html = `<html lang="zh_CN"><head></head><body>${zhParagraphs()}</body></html>`;
  assert.equal(extractFrom(html).language, 'zh-CN');
});

test('images: og:image first, then body images with alt and caption; icons and spacers skipped', () => {
  const a = extractFrom(
    `${enParagraphs(2)}<figure><img data-src="/img/bus.jpg" src="data:image/gif;base64,R0lGOD" alt="A bus"><figcaption>A new electric bus.</figcaption></figure>
     <img src="/img/icon-share.png" width="16" height="16">${enParagraphs(3)}`,
    { head: '<meta property="og:image" content="https://news.example.com/img/cover.jpg">' },
  );
  assert.deepEqual(a.images, [
    { src: 'https://news.example.com/img/cover.jpg' },
    { src: 'https://news.example.com/img/bus.jpg', alt: 'A bus', caption: 'A new electric bus.' },
  ]);
});
