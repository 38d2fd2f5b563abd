/** Labels in brackets and a year beside another number: read as labels and as the number they are (issue 12). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractFrom, enParagraphs, zhParagraphs } from './helpers.js';

const zhPage = (info: string, tail = ''): string => `<h1>全市新开通十二条公交线路</h1><div class="info">2021-03-05 10:20 ${info}</div>${zhParagraphs()}${tail}`;

test('a source labelled in any bracket, simplified or traditional, is the source and never a writer', () => {
  for (const [info, source] of [['【文章來源】人民日報', '人民日報'], ['【文章来源】人民日报', '人民日报'], ['〔来源〕人民日报', '人民日报'], ['［来源］人民日报', '人民日报'], ['[信息来源]市交通运输局', '市交通运输局']]) {
    const a = extractFrom(zhPage(info), { url: 'https://news.example.cn/a/1.html' });
    assert.equal(a.publisher, source, info);
    assert.equal(a.author, undefined, info);
  }
});

test('the writer label 文 needs its separator: 文章 is no label', () => {
  const a = extractFrom(zhPage('文章来源：人民日报 文／张三'), { url: 'https://news.example.cn/a/2.html' });
  assert.equal(a.author, '张三');
  assert.equal(a.publisher, '人民日报');
});

test('a bracketed editor label names the editor', () => {
  const a = extractFrom(zhPage('来源：新华网', '<p>【责任编辑】张三</p>'), { url: 'https://news.example.cn/a/3.html' });
  assert.equal(a.editor, '张三');
  assert.equal(a.author, undefined);
});

test("a year's separators agree: a view count or a clock beside a date is no month and day", () => {
  const en = extractFrom(`<article><h1>Council expands the bus network</h1><div class="meta">By John Smith · March 5, 2020 • 12.30K views</div>${enParagraphs()}</article>`, { url: 'https://example.com/story' });
  assert.equal(en.publishedAt?.slice(0, 10), '2020-03-05');
  assert.ok(!en.publishedAt?.includes('T12:30'), en.publishedAt);
  const de = extractFrom(`<article><h1>Stadtrat erweitert das Busnetz</h1><div class="meta">05.03.2020 • 10.20 Uhr</div>${enParagraphs()}</article>`, { url: 'https://example.de/artikel', head: '<meta http-equiv="content-language" content="de">' });
  assert.equal(de.publishedAt?.slice(0, 16), '2020-03-05T10:20');
  const dotted = extractFrom(`<h1>全市新开通十二条公交线路</h1><div class="info">2020.12.30 09:15</div>${zhParagraphs()}`, { url: 'https://news.example.cn/a/4.html' });
  assert.equal(dotted.publishedAt, '2020-12-30T09:15:00+08:00');
});

test("a social account's handle mark is no part of the source's name", () => {
  for (const info of ['来源：@人民日报', '来源：＠人民日报']) {
    const a = extractFrom(zhPage(info), { url: 'https://news.example.cn/a/5.html' });
    assert.equal(a.publisher, '人民日报', info);
  }
});
