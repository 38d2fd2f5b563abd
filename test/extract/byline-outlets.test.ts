/**
 * Outlets, desks and datelines where a person or a source is expected (issue 12): an outlet credited before its
 * writer, a dateline in the author slot, a desk's name split into "outlet" and "name", an account platform named
 * before the account, a page crediting itself, a copyright <address>. Synthetic lines and pages.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isAcceptableAuthor, isOutletName, withoutLeadingOutlet } from '../../src/extract/people-names.js';
import { sourceFromDateline, sourceFromText } from '../../src/extract/byline.js';
import { enParagraphs, extractFrom, zhParagraphs } from './helpers.js';

test('an outlet (or its channel) credited before the writers is no part of the names', () => {
  assert.equal(withoutLeadingOutlet('某易财经 张艳'), '张艳');
  assert.equal(withoutLeadingOutlet('新华社 张三 李四'), '张三 李四');
  assert.ok(isOutletName('某某科技') && isOutletName('某某财经'));
  // Nothing name-like after it: unchanged (and rejected as a whole later).
  assert.equal(withoutLeadingOutlet('新华社 北京分社'), '新华社 北京分社');
});

test('a dateline in the author slot is no person', () => {
  assert.equal(isAcceptableAuthor('澎湖縣28日電'), false);
  assert.equal(isAcceptableAuthor('北京5月3日讯'), false);
  assert.equal(isAcceptableAuthor('张三'), true);
});

test('a source credit opening with a lower-case preposition ("on Deadspin", "via Reuters") is no author', () => {
  assert.equal(isAcceptableAuthor('on Deadspin'), false);
  assert.equal(isAcceptableAuthor('via Reuters'), false);
  assert.equal(isAcceptableAuthor('from The Guardian'), false);
  assert.equal(isAcceptableAuthor('Patrick Allan'), true);
  assert.equal(isAcceptableAuthor('Ines de la Fuente'), true);
  // A sidebar card's byline-classed credit above the article does not take the author slot from the article's byline.
  const card = '<ul class="trending"><li><h6><a href="https://other.example.com/x">Another site story</a></h6><div class="byline"><a href="https://other.example.com">on Otherblog</a></div></li></ul>';
  const body = `${card}<article><h1>City expands bus network</h1><div class="author">By Patrick Allan</div>${enParagraphs(5)}</article>`;
  assert.equal(extractFrom(body, { head: '<title>City expands bus network</title>' }).author, 'Patrick Allan');
});

test("a desk's name read as outlet and name credits neither", () => {
  const html = `<div class="art"><h1>全市将新开通12条公交线路</h1><div>2023-10-08 14:30</div><p>大陸新聞中心／綜合報導</p>${zhParagraphs(4)}</div>`;
  const a = extractFrom(html, { head: '<title>全市将新开通12条公交线路</title>', timezone: 'Asia/Shanghai' });
  assert.equal(a.author, undefined);
  assert.notEqual(a.publisher, '大陸新聞');
  assert.equal(sourceFromDateline('大陸新聞中心／綜合報導'), undefined);
  // A real outlet and writer glued the same way still credit the outlet.
  assert.equal(sourceFromDateline('中國時報張立勳／特稿'), '中國時報');
});

test('an account platform named before or after the account leaves the account as the source', () => {
  assert.equal(sourceFromText('来源：微信公众号“某某新闻”'), '某某新闻');
  assert.equal(sourceFromText('来源：微信公众号 某某新闻'), '某某新闻');
  assert.equal(sourceFromText('来源：某某新闻微信公众号'), '某某新闻');
  assert.equal(sourceFromText('来源：公众号：某某日报'), '某某日报');
});

test('a page crediting itself (本站原创, 本网) names no source', () => {
  assert.equal(sourceFromText('来源：本站原创'), undefined);
  assert.equal(sourceFromText('来源：本网编辑部'), undefined);
  assert.equal(sourceFromText('来源：某某日报'), '某某日报');
});

test('a copyright <address> in the page footer is no byline', () => {
  const html = `<div class="art"><h1>全市将新开通12条公交线路</h1><div>2023-10-08 14:30</div>${zhParagraphs(4)}</div><div id="footer"><address class="copyright">某某傳媒公司版權所有，非經授權，不許轉載</address></div>`;
  assert.equal(extractFrom(html, { head: '<title>全市将新开通12条公交线路</title>', timezone: 'Asia/Shanghai' }).author, undefined);
});

test('a credit written as a verb (摘自, 原载, 转载自, 来源于, 供稿) names the source; prose does not', () => {
  assert.equal(sourceFromText('本文摘自：《某某日报》'), '某某日报');
  assert.equal(sourceFromText('摘自《某某日报》2023年10月8日'), '某某日报');
  assert.equal(sourceFromText('原载于：某某周末'), '某某周末');
  assert.equal(sourceFromText('本文转载自某某报'), '某某报');
  assert.equal(sourceFromText('文章来源于：某某新闻'), '某某新闻');
  assert.equal(sourceFromText('供稿：新华社'), '新华社');
  // Without a colon or brackets the value must read as an outlet: prose is no credit.
  assert.equal(sourceFromText('他转自己的股份给了朋友'), undefined);
  // A bracketed outlet followed by its edition keeps the bare name.
  assert.equal(sourceFromText('来源：《某某日报》（2023年10月08日 04 版）'), '某某日报');
});

test("a list's per-item credits (a glossary's cards, each 来源：…) are not the page's source", () => {
  const card = (term: string, origin: string) =>
    `<div class="graph-item"><div class="graph-head">${term}</div><p class="graph-body">${term}是一个常用术语，这里给出它的简要定义和说明，供读者参考。</p><div class="graph-origin">来源：<a href="https://ref.example.org/${encodeURIComponent(term)}">${origin}</a></div></div>`;
  const glossary = `<div class="graphs">${card('语言模型', '维基百科')}${card('参数', '某某论文')}${card('收敛', '某某词典')}</div>`;
  const html = `<div class="art"><h1>全市将新开通12条公交线路</h1><div>2023-10-08 14:30</div>${zhParagraphs(5)}</div>${glossary}`;
  const a = extractFrom(html, { head: '<title>全市将新开通12条公交线路</title><meta property="og:site_name" content="某某新闻网">', timezone: 'Asia/Shanghai' });
  assert.notEqual(a.publisher, '维基百科');
  assert.equal(a.publisher, '某某新闻网');
  // One credit after the article, alone, is still the page's.
  const single = `<div class="art"><h1>全市将新开通12条公交线路</h1><div>2023-10-08 14:30</div>${zhParagraphs(5)}<p>来源：南方日报</p></div>`;
  assert.equal(extractFrom(single, { head: '<title>全市将新开通12条公交线路</title>', timezone: 'Asia/Shanghai' }).publisher, '南方日报');
});
