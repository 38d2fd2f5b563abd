/**
 * A date printed as stacked tiles under the headline (time-candidates.ts yearTileDate), issue 12: Tencent's 2020
 * article layout shows "2020" / "07/08" / "16:37" in three elements, and its zone-less "apub:time" meta is hours later.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { enParagraphs, extractFrom, zhParagraphs } from './helpers.js';

const H = '烧警车、闯议会，塞尔维亚宵禁引发十年最大规模抗议';
const opts = { head: `<title>${H}_腾讯新闻</title>`, timezone: 'Asia/Shanghai' };
const tiles =
  '<div class="left-stick-wp"><div class="year through"><span>2020</span></div><div class="md">07/08</div>' +
  '<div class="time">16:37</div><div class="author">纵相新闻</div></div>';
const page = `<div class="art"><h1>${H}</h1><div class="content">${tiles}<div class="content-article">${zhParagraphs(4)}</div></div></div>`;

test('the year, month/day and clock tiles under the headline read as one date', () => {
  assert.equal(extractFrom(page, opts).publishedAt, '2020-07-08T16:37:00+08:00');
});

test('the shown tiles win over a zone-less structured time some hours later', () => {
  const head = `<title>${H}_腾讯新闻</title><meta name="apub:time" content="2020-7-9 02:57:42">`;
  assert.equal(extractFrom(page, { ...opts, head }).publishedAt, '2020-07-08T16:37:00+08:00');
  // An earlier zone-less structured time is not overruled: the shown time may be an edit.
  const earlier = `<title>${H}_腾讯新闻</title><meta name="apub:time" content="2020-7-7 22:00:00">`;
  assert.equal(extractFrom(page, { ...opts, head: earlier }).publishedAt, '2020-07-07T22:00:00+08:00');
});

test('a bare year line followed by anything but a month/day is no date', () => {
  const html = `<div class="art"><h1>${H}</h1><div class="info"><span>2020</span></div><div>年度报告</div>${zhParagraphs(4)}</div>`;
  assert.equal(extractFrom(html, opts).publishedAt, undefined);
});

test('a day tile over (or beside) its year and month reads as one date', () => {
  const G = '北京市举办首届城市文化节吸引数万市民参与';
  const at = (tile: string, where: 'above' | 'below'): string | undefined => {
    const body = `<div class="art">${where === 'above' ? tile : ''}<h1>${G}</h1>${where === 'below' ? tile : ''}<div class="content">${zhParagraphs(4)}</div></div>`;
    return extractFrom(body, { head: `<title>${G}</title>`, timezone: 'Asia/Shanghai' }).publishedAt;
  };
  for (const where of ['above', 'below'] as const) {
    assert.equal(at('<div class="date"><span>08</span><span>2021.10</span></div>', where), '2021-10-08');
    assert.equal(at('<div class="date"><div>08</div><div>2021-10</div></div>', where), '2021-10-08');
    assert.equal(at('<div class="date"><span>2021年10月</span><br><strong>8</strong></div>', where), '2021-10-08');
  }
  // A number beside anything but a year and month is no date; a stated date beats a related list's tiles.
  assert.equal(at('<div class="n"><span>08</span><span>2021 年度报告</span></div>', 'below'), undefined);
  const related = '<ul class="rel">' + ['03', '05', '07'].map((d) => `<li><div><span>${d}</span><span>2021.09</span></div><a href="/${d}">另一条新闻标题示例</a></li>`).join('') + '</ul>';
  const html = `<div class="art"><h1>${G}</h1><div class="info">2021-10-08 10:20 来源：人民网</div><div class="content">${zhParagraphs(4)}</div>${related}</div>`;
  assert.equal(extractFrom(html, { head: `<title>${G}</title>`, timezone: 'Asia/Shanghai' }).publishedAt, '2021-10-08T10:20:00+08:00');
});

test('a number beside a year and month outside a box named a date, or among other numbers, is no day', () => {
  const G = '北京市举办首届城市文化节吸引数万市民参与';
  const zhAt = (tile: string, where: 'above' | 'below' = 'below'): string | undefined => {
    const body = `<div class="art">${where === 'above' ? tile : ''}<h1>${G}</h1>${where === 'below' ? tile : ''}<div class="content">${zhParagraphs(4)}</div></div>`;
    return extractFrom(body, { head: `<title>${G}</title>`, timezone: 'Asia/Shanghai' }).publishedAt;
  };
  assert.equal(zhAt('<div class="meta"><div class="ym">2021-10</div><div class="views">15</div></div>'), undefined);
  assert.equal(zhAt('<div class="pager"><div>2</div><div>2021/10</div></div>'), undefined);
  assert.equal(zhAt('<div class="crumb"><span>3</span><span>2021.10</span></div>', 'above'), undefined);
  // A date word inside another word names no date box: "update", "today", "timeline".
  assert.equal(zhAt('<div class="update-count"><span>2021-10</span><span>15</span></div>'), undefined);
  assert.equal(zhAt('<div class="today"><span>2021.10</span><span>27</span></div>'), undefined);
  assert.equal(zhAt('<ul class="timeline"><li>2021.10</li><li>3</li></ul>'), undefined);
  // Whole parts do, camel case split: "pubDate", "post-date", "pubday".
  assert.equal(zhAt('<div class="pubDate"><span>08</span><span>2021.10</span></div>'), '2021-10-08');
  assert.equal(zhAt('<div class="post-date"><span>08</span><span>2021.10</span></div>'), '2021-10-08');
  assert.equal(zhAt('<div class="pubday"><span>08</span><span>2021.10</span></div>'), '2021-10-08');
  assert.equal(zhAt('<div class="cal"><div>2021年10月</div><div>1</div><div>2</div></div>')?.slice(0, 10), '2021-10', 'a calendar names its month, no day');
  assert.equal(zhAt('<div class="date-cal"><div>2021年10月</div><div>1</div><div>2</div><div>3</div></div>')?.slice(0, 10), '2021-10', 'a calendar names its month, no day');
  assert.equal(zhAt('<table><caption>2021年10月</caption><tr><td>1</td><td>2</td><td>3</td></tr></table>')?.slice(0, 10), '2021-10', 'a calendar names its month, no day');
  const T = 'City council delays vote on downtown stadium plan';
  const en = `<div class="art"><h1>${T}</h1><div class="meta"><div>2021-10</div><div>27</div></div><div class="content">${enParagraphs()}</div></div>`;
  assert.equal(extractFrom(en, { head: `<title>${T}</title>` }).publishedAt, undefined);
  // Inline tiles with their clock, in a date box.
  assert.equal(zhAt('<div class="date"><span>08</span><span>2021.10</span><span>10:20</span></div>'), '2021-10-08T10:20:00+08:00');
  assert.equal(zhAt('<div class="time"><div>2021.10</div><div>08</div><div>10:20</div></div>'), '2021-10-08T10:20:00+08:00');
});
