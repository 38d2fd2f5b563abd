/**
 * The publish-time model's second round (issue 12): another item's time, list edges, zones stated wrongly, one
 * instant on two days, a time shown beside or apart from its date, a dated banner, new meta names.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractArticle } from '../../src/extract/index.js';
import { parseDateText } from '../../src/extract/dates.js';
import { rankCandidates } from '../../src/extract/published.js';
import type { TimeCandidate } from '../../src/extract/time-candidates.js';
import { enParagraphs, extractFrom, zhParagraphs } from './helpers.js';

const page = (head: string, body: string, lang = ''): string =>
  `<!DOCTYPE html><html${lang ? ` lang="${lang}"` : ''}><head>${head}</head><body>${body}</body></html>`;

test("a time introduced as another item's (最新推荐文章于 …) loses to the author's own line under the headline", () => {
  const a = extractFrom(
    `<h1>模型评估入门</h1><div class="up-time">最新推荐文章于 2023-09-04 17:53:10 发布</div>
     <div class="bar"><span class="time">张三 于 2023-03-12 13:08:03 发布</span></div><div class="content">${zhParagraphs()}</div>`,
    { head: '<title>模型评估入门_博客</title>' },
  );
  assert.equal(a.publishedAt, '2023-03-12T13:08:03+08:00');
});

test('every item of a dated list is a list member, its first item too', () => {
  const c = (day: number, line: number, score: number, kind: TimeCandidate['kind'] = 'element-weak'): TimeCandidate => ({ parts: { year: 2012, month: 11, day }, kind, score, line, modified: false });
  // Items four lines apart: the first has only one neighbour within six lines, yet belongs to the list.
  const list = [c(6, 58, 40), c(27, 62, 39), c(20, 66, 38), c(2, 70, 37)];
  const own = c(10, 12, 30, 'line');
  assert.equal(rankCandidates([...list, own])[0], own);
});

test('a Z timestamp whose clock is the one a Chinese page shows is local time mislabelled: read in the page zone', () => {
  const html = page(
    '<title>标题新闻</title><meta name="pubdate" content="2018-07-31T08:19:35Z">',
    `<h1>标题新闻</h1><div class="info"><span>2018-07-31 08:19</span></div><div class="content">${zhParagraphs()}</div>`,
  );
  const a = extractArticle(html, { url: 'https://news.example.com.tw/a/1' });
  assert.equal(a.publishedAt, '2018-07-31T08:19:35+08:00');
});

test('a +09:00 timestamp on a Chinese page that shows the same clock is read as +08:00', () => {
  const html = page(
    '<title>标题新闻</title><meta property="article:published_time" content="2021-05-06T10:20:00+09:00">',
    `<h1>标题新闻</h1><p class="info">2021-05-06 10:20 来源：某报</p><div class="content">${zhParagraphs()}</div>`,
  );
  assert.equal(extractArticle(html, { url: 'https://news.example.cn/a/1.html' }).publishedAt, '2021-05-06T10:20:00+08:00');
});

test('on a page read in UTC (zone unknown) a stated offset is kept even when the shown clock matches it', () => {
  const html = page(
    '<title>Bus routes</title><meta property="article:published_time" content="2016-12-16T16:19:00-05:00">',
    `<h1>Bus routes</h1><p class="byline">December 16, 2016 4:19 PM</p>${enParagraphs()}`,
  );
  assert.equal(extractArticle(html, { url: 'https://news.example.com/a/1' }).publishedAt, '2016-12-16T16:19:00-05:00');
});

test('one instant written in two zones falls on the day the URL names', () => {
  const html = page(
    '<title>Are bus routes in heat?</title><meta property="article:published_time" content="2025-12-19T03:05:00+00:00">' +
      '<script type="application/ld+json">{"@type":"BlogPosting","headline":"Are bus routes in heat?","datePublished":"2025-12-19T03:05:00+00:00"}</script>',
    `<h1>Are bus routes in heat?</h1><p><time datetime="2025-12-18T19:05:00-08:00">December 18, 2025</time></p>${enParagraphs()}`,
  );
  const a = extractArticle(html, { url: 'https://blog.example.com/2025/12/18/bus-routes' });
  assert.equal(a.publishedAt, '2025-12-18T19:05:00-08:00');
});

test("a UTC meta instant on a Chinese page showing only the day is given on the page's own clock", () => {
  const html = page(
    '<title>标题新闻</title><meta property="article:published_time" content="2023-02-01T18:30:00Z">',
    `<h1>标题新闻</h1><p class="info">2023年02月02日 来源：某报</p><div class="content">${zhParagraphs()}</div>`,
  );
  assert.equal(extractArticle(html, { url: 'https://news.example.cn/a/1.html' }).publishedAt, '2023-02-02T02:30:00+08:00');
});

test('a year-less date element and the time in the element right after it (no space between) are one statement', () => {
  const a = extractFrom(
    `<h1>标题新闻</h1><div class="info"><span class="date">10-08</span><span>14:20</span><span>来源：某报</span></div><div class="content">${zhParagraphs()}</div>`,
    { head: '<title>标题新闻</title>', url: 'https://news.example.cn/2016/1008/1.html' },
  );
  assert.equal(a.publishedAt, '2016-10-08T14:20:00+08:00');
});

test('a dated banner above the headline and a time standing at the end of the headline give the publish time', () => {
  const a = extractFrom(
    `<div class="top"><span>2013年6月29日‧星期六</span></div><div class="nav"><a href="/a">首页</a> <a href="/b">社會</a></div>
     <h2 class="news_title">又傳酒駕釀禍 少婦被撞 <span class="conttime">【17:52】</span></h2><div class="content">${zhParagraphs()}</div>`,
    { head: '<title>又傳酒駕釀禍 少婦被撞</title>', url: 'https://news.example.com.tw/news.php?no=1' },
  );
  assert.equal(a.publishedAt, '2013-06-29T17:52:00+08:00');
});

test('published-date and published_on meta names are publish times', () => {
  for (const name of ['published-date', 'published_on']) {
    const a = extractFrom(`<h1>Bus routes</h1>${enParagraphs()}`, { head: `<title>Bus routes</title><meta name="${name}" content="2021-02-16">` });
    assert.equal(a.publishedAt, '2021-02-16', name);
  }
});

test("a blog's date line with its time right above the headline beats a comment's time at the end of the text", () => {
  const a = extractFrom(
    `<p>Saturday, September 10th, 2005 10:56 am</p><p align="center"><font size="5">播客热潮迅速蔓延</font></p>${zhParagraphs(5)}${zhParagraphs(5)}${zhParagraphs(5)}<p>（2005-09-27 15:25:53）</p>`,
    { head: '<title>多维博客 &raquo; 播客热潮迅速蔓延</title>' },
  );
  assert.equal(a.publishedAt, '2005-09-10T10:56:00+08:00');
});

test('an 编辑于 (edited) time is a modification; the 发布于 time is the publish time', () => {
  const a = extractFrom(`<h1>标题新闻</h1><p class="info">编辑于 2020-02-02 10:00</p><p>发布于 2020-01-01 09:00</p><div class="content">${zhParagraphs()}</div>`, {
    head: '<title>标题新闻</title>',
  });
  assert.equal(a.publishedAt, '2020-01-01T09:00:00+08:00');
  assert.equal(a.modifiedAt, '2020-02-02T10:00:00+08:00');
});

test('a page showing only its update time, with dated related items below the text, gives the update as its time', () => {
  const related = Array.from({ length: 4 }, (_, i) => `<li><a href="/r${i}">相关报道${i}</a><span class="date">2012-1${i}-0${i + 2}</span></li>`).join('');
  const html = page(
    '<title>港特首就违建事件道歉</title><meta name="dcterms.modified" content="2012-12-10T10:41:47+00:00">',
    `<h1>港特首就违建事件道歉</h1><div class="datestamp"><span>更新时间</span> 2012年12月10日, 格林尼治标准时间10:41</div>
     <div class="content">${zhParagraphs(5)}${zhParagraphs(5)}${zhParagraphs(5)}</div><ul class="related">${related}</ul>`,
  );
  const a = extractArticle(html, { url: 'https://news.example.com/zhongwen/a.shtml' });
  assert.equal(a.publishedAt, '2012-12-10T10:41:47+00:00');
});

test('an update shown under the headline does not replace a marked-up publish date after the text', () => {
  const html = page(
    '<title>Bus routes</title>',
    `<h1>Bus routes</h1><p class="meta">Last updated: March 9, 2020</p>${enParagraphs(5)}${enParagraphs(5)}
     <footer class="entry-footer">This entry was posted on <time class="entry-date" datetime="2020-03-03T09:00:00+00:00">March 3, 2020</time>.</footer>`,
  );
  assert.equal(extractArticle(html, { url: 'https://blog.example.com/bus-routes/' }).publishedAt, '2020-03-03T09:00:00+00:00');
});

test('a year-less month-day followed by a time is read anywhere in a short line, dash or slash', () => {
  const ctx = { timezone: 'Asia/Shanghai', contextYear: 2016 };
  assert.deepEqual(parseDateText('作者：张三 10-08 14:20 来源：某报', ctx), { year: 2016, month: 10, day: 8, hour: 14, minute: 20 });
  assert.deepEqual(parseDateText('10/08 14:20', ctx), { year: 2016, month: 10, day: 8, hour: 14, minute: 20 });
  // Without a time a bare n-n inside text stays unread (scores, ranges), and so without a year from context.
  assert.equal(parseDateText('比分 3-1 落后', ctx), undefined);
  assert.equal(parseDateText('作者：张三 10-08 14:20', { timezone: 'Asia/Shanghai' }), undefined);
});

test("WeChat's ct is read as window.ct, from a bundle-sized script, and after many other script variables", () => {
  const at = (script: string): string | undefined =>
    extractArticle(page('<title>公众号文章</title>', `<h1 id="activity-name">公众号文章</h1>${zhParagraphs()}${script}`), { url: 'https://mp.weixin.qq.com/s/x' }).publishedAt;
  assert.equal(at('<script>window.ct = "1601092800";</script>'), '2020-09-26T12:00:00+08:00');
  assert.equal(at(`<script>${'var x=1;'.repeat(30_000)} var ct = "1601092800";</script>`), '2020-09-26T12:00:00+08:00');
  const many = Array.from({ length: 60 }, (_, i) => `var nickname = "号${i}";`).join('');
  assert.equal(at(`<script>${many}</script><script>var ct = "1601092800";</script>`), '2020-09-26T12:00:00+08:00');
});

test("an oversized WeChat page (megabytes of bundles) keeps the small script that holds var ct", () => {
  // Pages over the input limit lose their scripts before parsing; only the bundles need to go for it to fit.
  const bundles = Array.from({ length: 3 }, (_, i) => `<script>var b${i}="${'z'.repeat(900_000)}";</script>`).join('');
  const html = page('<title>公众号文章</title>', `<h1 id="activity-name">公众号文章</h1>${zhParagraphs()}${bundles}<script>var ct = "1767346773";</script>`);
  assert.equal(extractArticle(html, { url: 'https://mp.weixin.qq.com/s/x' }).publishedAt, '2026-01-02T17:39:33+08:00');
});

test('a label alone on the line before a date labels that date (更新时间： in its own element)', () => {
  const a = extractFrom(
    `<h1>标题新闻</h1><div class="info"><div>更新时间：</div><div>2010-05-08 10:00</div><div>2010-05-06 09:00</div></div><div class="content">${zhParagraphs()}</div>`,
    { head: '<title>标题新闻</title>' },
  );
  assert.equal(a.publishedAt, '2010-05-06T09:00:00+08:00');
  assert.equal(a.modifiedAt, '2010-05-08T10:00:00+08:00');
});

test("a time that is the headline's own words is not taken as the publish time of day", () => {
  const a = extractFrom(`<h1>跨年晚会今晚 20:00</h1><p class="info">2013-12-31</p><div class="content">${zhParagraphs()}</div>`, { head: '<title>跨年晚会今晚 20:00</title>' });
  assert.equal(a.publishedAt, '2013-12-31');
});

test('a dated list just above the headline and a time element right before it lose to the info line under it', () => {
  const related = `<ul class="list">${Array.from({ length: 5 }, (_, i) => `<li><a href="/x${i}">其他新闻标题${i}号</a><span class="time">2024-05-1${i} 1${i}:00</span></li>`).join('')}</ul>`;
  const body = `<h1>标题新闻</h1><p class="info">2024-05-03 08:00 来源：某报</p><div class="content">${zhParagraphs(5)}${zhParagraphs(5)}</div>`;
  assert.equal(extractFrom(related + body, { head: '<title>标题新闻_某网</title>' }).publishedAt, '2024-05-03T08:00:00+08:00');
  const side = `<div class="side"><span class="time">2024-05-20 09:00</span></div>`;
  assert.equal(extractFrom(side + body, { head: '<title>标题新闻_某网</title>' }).publishedAt, '2024-05-03T08:00:00+08:00');
});

test('an update stated first on the info line does not hide the publish label after it', () => {
  const a = extractFrom(`<h1>市区新开12条公交线路</h1><div class="info">更新时间：2025-03-22 09:00 发布时间：2025-03-21 11:21</div><div class="article">${zhParagraphs()}</div>`, { head: '<title>市区新开12条公交线路</title>' });
  assert.equal(a.publishedAt, '2025-03-21T11:21:00+08:00');
  assert.equal(a.modifiedAt, '2025-03-22T09:00:00+08:00');
});

test('a metadata timestamp at midnight is a stored date: the clock the page shows that day is the time', () => {
  const body = `<h1>市区新开12条公交线路</h1><div class="info">2025年03月21日 11:21 来源：新京报</div><div class="article">${zhParagraphs()}</div>`;
  const midnight = extractFrom(body, { head: '<title>市区新开12条公交线路</title><meta property="article:published_time" content="2025-03-21T00:00:00+08:00">' });
  assert.equal(midnight.publishedAt, '2025-03-21T11:21:00+08:00');
  // A real time in metadata is kept over the shown clock's rounding.
  const exact = extractFrom(body, { head: '<title>市区新开12条公交线路</title><meta property="article:published_time" content="2025-03-21T11:21:36+08:00">' });
  assert.equal(exact.publishedAt, '2025-03-21T11:21:36+08:00');
});

test('an English day printed without its year ("Sep 16") under the headline takes the year from the fetch clock, never a future one', () => {
  const html = (info: string) =>
    page('<title>Top ten consulting firms</title>', `<h1>Top ten consulting firms</h1><div>Consulting</div><div>${info}</div><div>Written By Alpha Apex</div><div>${enParagraphs()}</div>`);
  const at = (info: string, now: string) => extractArticle(html(info), { url: 'https://blog.example.com/post/consulting-firms', now: new Date(now) }).publishedAt;
  assert.equal(at('Sep 16', '2025-11-02T08:00:00Z'), '2025-09-16');
  assert.equal(at('Sep 16', '2026-01-05T08:00:00Z'), '2025-09-16', 'September read in January is last year’s');
  assert.equal(at('16 September, 10:30', '2025-11-02T08:00:00Z'), '2025-09-16T10:30:00+00:00');
  // Without a clock or any year on the page there is nothing to date it by.
  assert.equal(extractArticle(html('Sep 16'), { url: 'https://blog.example.com/post/consulting-firms' }).publishedAt, undefined);
});

test('year-less English days are read only at the start of a short text, never a number that goes on', () => {
  const ctx = { timezone: 'UTC', contextYear: 2025, yearless: true };
  assert.deepEqual(parseDateText('Jan 4 · 2 min read', ctx), { year: 2025, month: 1, day: 4 });
  assert.deepEqual(parseDateText('May 5th at 3:30 pm', ctx), { year: 2025, month: 5, day: 5, hour: 15, minute: 30 });
  for (const text of ['March 3.5 million', 'Oct 10-12', 'Jan 4 2 min read', 'Mayor 16', 'Jan 45', 'Published in the Sep 16 issue']) assert.equal(parseDateText(text, ctx), undefined, text);
  assert.equal(parseDateText('Sep 16', { timezone: 'UTC', contextYear: 2025 }), undefined, 'only where the caller asks for year-less days');
});

test('elements touching with no space between them ("<span>May 2nd 2025</span><span>11 mins</span>") are separate words on the info line', () => {
  const html = page('<title>Four technologies</title>', `<div><h1>Four technologies</h1><div><span>by Jane Roe</span><span>May 2nd 2025</span><span>11 mins</span></div><div>${enParagraphs()}</div></div>`);
  const a = extractArticle(html, { url: 'https://example.org/four-technologies/' });
  assert.equal(a.publishedAt, '2025-05-02');
  assert.equal(a.author, 'Jane Roe');
});
