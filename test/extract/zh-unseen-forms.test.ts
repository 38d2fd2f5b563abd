/**
 * More forms seen failing on unseen Chinese pages (issue 12): a dashed date with a two-digit year, a writer named
 * unlabelled after the source on its line, and an account post whose body opens with <h1> banner lines.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseShortYearDate } from '../../src/extract/dates-eu.js';
import { valid } from '../../src/extract/dates.js';
import { extractFrom, zhParagraphs } from './helpers.js';

const P = zhParagraphs(4);
const page = (info: string): string => `<div class="art"><h1>全市将新开通12条公交线路</h1><div class="info">${info}</div>${P}</div>`;
const opts = { head: '<title>全市将新开通12条公交线路</title>', timezone: 'Asia/Shanghai' };

test('a dashed date with a two-digit year is read year first when a clock follows it', () => {
  assert.equal(extractFrom(page('23-10-08 14:30 来源：新京报'), opts).publishedAt, '2023-10-08T14:30:00+08:00');
  assert.equal(extractFrom(page('发布时间：23-10-08 14:30'), opts).publishedAt, '2023-10-08T14:30:00+08:00');
  // Without the clock it may be a code or a number: not read.
  assert.equal(extractFrom(page('23-10-08'), opts).publishedAt, undefined);
  // A year after the page's own (its URL's or context's year) is no reading of this date; nor is a day-first page's.
  assert.equal(parseShortYearDate('23-10-08 14:30', 'year', 2030, valid, 2022), undefined);
  assert.deepEqual(parseShortYearDate('23-10-08 14:30', 'year', 2030, valid, 2023), { year: 2023, month: 10, day: 8, hour: 14, minute: 30 });
  assert.equal(parseShortYearDate('08-10-23 14:30', 'day', 2030, valid), undefined);
});

test('a name-shaped token right after the source on its line is the writer; other tokens there are not', () => {
  for (const info of ['来源：新京报 张三', '2023-10-08 14:30 来源：新京报 张三', '来源：新京报 欧阳娜娜 2023-10-08']) {
    assert.equal(extractFrom(page(info), opts).author, info.includes('欧阳') ? '欧阳娜娜' : '张三', info);
  }
  for (const info of ['来源：新京报 2023-10-08', '2023-10-08 14:30 来源：新华网 编辑：李四', '来源：新京报 北京网', '来源：新京报 王府井', '来源：新京报 关注', '来源：新京报 高新区', '来源：新京报 北京']) {
    assert.equal(extractFrom(page(info), opts).author, undefined, info);
  }
});

test("a heading above the body is the headline, not an <h1> the body's text opens with", () => {
  // An account's post (no <title>, no og:title) whose editor set the article's banner lines as <h1>s inside it.
  const banner = '<h1 style="text-align:center"><strong>绥德县举行</strong></h1><h1 style="text-align:center"><strong>庆祝建军节双拥文艺汇演暨表彰大会</strong></h1>';
  const html = `<div id="wrap"><h1 class="x1">绥德：33名退役军人被表彰</h1><div class="meta"><a href="/p">掌上绥德</a></div><div class="c1">${banner}${P}</div></div>`;
  assert.equal(extractFrom(html, { timezone: 'Asia/Shanghai' }).title, '绥德：33名退役军人被表彰');
  // With no heading above it, the body's opening heading is still the headline.
  const alone = `<div id="wrap"><div class="c1"><h1>全市将新开通12条公交线路</h1><p>2023-10-08 14:30</p>${P}</div></div>`;
  assert.equal(extractFrom(alone, { timezone: 'Asia/Shanghai' }).title, '全市将新开通12条公交线路');
});
