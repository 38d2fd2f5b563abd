import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractArticle } from '../../src/extract/index.js';
import { normalizeLang } from '../../src/extract/meta.js';
import { enParagraphs, zhParagraphs } from './helpers.js';

// A language tag's script subtag ("Hant", "Latn") was read as a region: "zh-Hant-TW" became "zh-HA", so the
// snapshot's language was wrong and the region (with the clock it gives) was lost.
test('language tags keep their script and region subtags', () => {
  assert.equal(normalizeLang('zh-Hant-TW'), 'zh-Hant-TW');
  assert.equal(normalizeLang('zh_hant'), 'zh-Hant');
  assert.equal(normalizeLang('sr-Latn-RS'), 'sr-Latn-RS');
  assert.equal(normalizeLang('en-gb'), 'en-GB');
  assert.equal(normalizeLang('es-419'), 'es-419');
  assert.equal(normalizeLang('de'), 'de');
  assert.equal(normalizeLang('en-GB-oxendict'), 'en-GB');
});

test("a page's language keeps its script subtag, and the region past it still gives the shown clock", () => {
  const zh = `<html lang="zh-Hant-TW"><head><title>市議會延後表決</title></head><body><h1>市議會延後表決</h1><div>2020-03-05 10:20</div><div class="content">${zhParagraphs()}</div></body></html>`;
  assert.equal(extractArticle(zh, { url: 'https://news.example.com/a' }).language, 'zh-Hant-TW');
  const sr = `<html lang="sr-Latn-RS"><head><title>Odbornici odložili glasanje</title></head><body><h1>Odbornici odložili glasanje</h1><div>15.02.2018, 10:20</div><div class="content">${enParagraphs()}</div></body></html>`;
  const a = extractArticle(sr, { url: 'https://www.example.com/a' });
  assert.equal(a.language, 'sr-Latn-RS');
  assert.equal(a.publishedAt, '2018-02-15T10:20:00+01:00');
});
