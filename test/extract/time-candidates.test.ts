/** The scored publish-time model (issue 12): European forms, script timestamps, year-less dates, joins, ranking. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDateText } from '../../src/extract/dates.js';
import { monthFromName } from '../../src/extract/dates-eu.js';
import { extractArticle } from '../../src/extract/index.js';
import { rankCandidates } from '../../src/extract/published.js';
import { distanceAdjustment, type TimeCandidate } from '../../src/extract/time-candidates.js';
import { enParagraphs, extractFrom, zhParagraphs } from './helpers.js';

const ctx = { timezone: 'Europe/Berlin' };

test('dotted day-first dates, with and without a time', () => {
  assert.deepEqual(parseDateText('15.2.2018', ctx), { year: 2018, month: 2, day: 15 });
  assert.deepEqual(parseDateText('Stand: 01.11.2023, 14:30 Uhr', ctx), { year: 2023, month: 11, day: 1, hour: 14, minute: 30 });
  assert.equal(parseDateText('version 1.2.3', ctx), undefined);
});

test('a day before a month name in German, French, Spanish, with abbreviations', () => {
  assert.deepEqual(parseDateText('6. August 2009', ctx), { year: 2009, month: 8, day: 6 });
  assert.deepEqual(parseDateText('Montag, 13. Januar 2014', ctx), { year: 2014, month: 1, day: 13 });
  assert.deepEqual(parseDateText('publié le 3 février 2021 à 10h15', ctx), { year: 2021, month: 2, day: 3, hour: 10, minute: 15 });
  assert.deepEqual(parseDateText('5 de marzo de 2020', ctx), { year: 2020, month: 3, day: 5 });
  assert.deepEqual(parseDateText('12. Okt. 2022', ctx), { year: 2022, month: 10, day: 12 });
  assert.equal(monthFromName('Mär'), 3);
  assert.equal(monthFromName('ju'), undefined);
  assert.equal(monthFromName('Hauptstadt'), undefined);
});

test('English month with a weekday between day and year (blog date widgets)', () => {
  assert.deepEqual(parseDateText('Dec 28 Sat 2013 00:28', ctx), { year: 2013, month: 12, day: 28, hour: 0, minute: 28 });
});

test("WeChat's var ct (Unix seconds) in an inline script is a publish-time candidate", () => {
  const page = `<html><head><title>公众号文章</title></head><body><h1>公众号文章</h1>${zhParagraphs()}
    <script>var nickname = "某某号"; var ct = "1601092800";</script></body></html>`;
  const a = extractArticle(page, { url: 'https://mp.weixin.qq.com/s/abc' });
  assert.equal(Date.parse(a.publishedAt ?? ''), 1601092800_000);
});

test("WeChat's page-data property d.ct = \"<unix>\" counts too (small script and bundle-sized), a bare obj.ct count does not", () => {
  const page = (script: string) => `<html><head><title>公众号文章</title></head><body><h1>公众号文章</h1>${zhParagraphs()}<script>${script}</script></body></html>`;
  const small = extractArticle(page('var d = {}; d.ct = "1601092800"; d.nick_name = "某某号";'), { url: 'https://mp.weixin.qq.com/s/abc' });
  assert.equal(Date.parse(small.publishedAt ?? ''), 1601092800_000);
  const bundle = extractArticle(page(`var pad = "${'x'.repeat(210_000)}"; d.ct = '1601092800';`), { url: 'https://mp.weixin.qq.com/s/abc' });
  assert.equal(Date.parse(bundle.publishedAt ?? ''), 1601092800_000);
  const count = extractArticle(page('stats.ct = 1601092800;'), { url: 'https://news.example.cn/a.html' });
  assert.equal(count.publishedAt, undefined);
});

test('a year-less 10-08 with the time beside it takes the year from the URL', () => {
  const a = extractFrom(`<h1>标题新闻</h1><div class="info"><span>10-08</span> <span>14:20</span></div><div class="content">${zhParagraphs()}</div>`, {
    url: 'https://news.example.cn/2020/10/123.html',
    head: '<title>标题新闻</title>',
  });
  assert.equal(a.publishedAt, '2020-10-08T14:20:00+08:00');
});

test('a date line and a time-only line next to it are joined', () => {
  const a = extractFrom(`<h1>标题新闻</h1><div>2021-03-05</div><div>09:30</div><div class="content">${zhParagraphs()}</div>`, { head: '<title>标题新闻</title>' });
  assert.equal(a.publishedAt, '2021-03-05T09:30:00+08:00');
});

test('span.time with an absolute time beats relative times elsewhere on the page', () => {
  const html = `<!DOCTYPE html><html><head><title>标题新闻</title></head><body><h1>标题新闻</h1>
    <div class="meta"><span class="time">2022-06-01 08:15:00</span></div><div class="content">${zhParagraphs()}</div>
    <ul class="hot"><li>热门一 <span>1小时前</span></li><li>热门二 <span>3小时前</span></li></ul></body></html>`;
  const a = extractArticle(html, { url: 'https://news.example.cn/a/1.html', now: new Date('2022-06-03T00:00:00Z') });
  assert.equal(a.publishedAt, '2022-06-01T08:15:00+08:00');
});

test('a Chinese page declared lang=ja is still read in China time, never +09:00', () => {
  const html = `<!DOCTYPE html><html lang="ja"><head><title>标题新闻</title></head><body><h1>标题新闻</h1>
    <div>2023-02-01 10:00</div><div class="content">${zhParagraphs()}</div></body></html>`;
  const a = extractArticle(html, { url: 'https://news.example.com/a/1.html' });
  assert.equal(a.publishedAt, '2023-02-01T10:00:00+08:00');
});

test('the info-line time beats a later labelled time among related items', () => {
  const related = Array.from({ length: 6 }, (_, i) => `<li><a href="/r${i}">相关新闻${i}</a> 发布时间：2024-05-0${i + 2} 12:00</li>`).join('');
  const a = extractFrom(`<h1>标题新闻</h1><div>2024-05-01 08:00 来源：某报</div><div class="content">${zhParagraphs()}</div><ul>${related}</ul>`, { head: '<title>标题新闻</title>' });
  assert.equal(a.publishedAt, '2024-05-01T08:00:00+08:00');
});

test('published and modified stay apart', () => {
  const a = extractFrom(`<h1>Bus routes</h1><p>Published: 3 March 2025 09:00 · Updated: 4 March 2025 18:00</p>${enParagraphs()}`, { head: '<title>Bus routes</title>', timezone: 'UTC' });
  assert.equal(a.publishedAt, '2025-03-03T09:00:00+00:00');
});

test('ranking: agreement between kinds and position decide; the info line gains, text above the headline loses', () => {
  const zones = { titleIndex: 10, bodyStart: 14, bodyEnd: 40 };
  assert.equal(distanceAdjustment(12, zones), 10);
  assert.equal(distanceAdjustment(5, zones), -10);
  assert.equal(distanceAdjustment(20, zones), -5);
  assert.ok(distanceAdjustment(200, zones) <= -25);
  const c = (day: number, kind: TimeCandidate['kind'], score: number): TimeCandidate => ({ parts: { year: 2024, month: 1, day }, kind, score, modified: false });
  // A meta date alone loses to a day that the visible line, an element and the URL all state.
  const ranked = rankCandidates([c(9, 'meta', 90), c(2, 'labelled', 80), c(2, 'element', 75), c(2, 'url', 30)]);
  assert.equal(ranked[0].parts.day, 2);
});

test('a datetime attribute on any element (not only <time>) is a machine-readable publish time', () => {
  const a = extractFrom(
    `<h1>A light filled loft</h1><div class="PostByline"><span class="PostByline__name">Jane Doe</span><div class="PostByline__timestamp" datetime="2016-10-13 17:00:00 -0400"> Oct 13, 2016 </div></div><div class="content">${enParagraphs()}</div>`,
    { head: '<title>A light filled loft</title>', url: 'https://news.example.com/a-light-filled-loft' },
  );
  assert.equal(a.publishedAt, '2016-10-13T17:00:00-04:00');
});

test('an <ins datetime> dates an edit, not the story', () => {
  const a = extractFrom(`<h1>A light filled loft</h1><div class="content">${enParagraphs()}<p><ins datetime="2019-02-03T10:00:00Z">Corrected the architect's name.</ins></p></div>`, {
    head: '<title>A light filled loft</title>',
    url: 'https://news.example.com/a-light-filled-loft',
  });
  assert.equal(a.publishedAt, undefined);
});

test('a <time> without datetime gives the machine time its template put in a data-published attribute', () => {
  const a = extractFrom(
    `<h1>Houston hires new head coach</h1><div class="byline"><span class="article-time"><time data-published="2016-12-09 09:13:00Z"> Dec 9, 2016 </time></span></div><div class="content">${enParagraphs()}</div>`,
    { head: '<title>Houston hires new head coach</title>', url: 'https://news.example.com/houston-hires-coach' },
  );
  assert.equal(a.publishedAt, '2016-12-09T09:13:00+00:00');
});

test("a post's date line takes the clock beside it, not the first comment's clock on the next line", () => {
  const post = (dateBox: string, after: string) =>
    `<html><head><title>读书随笔 - 流泉的博客</title></head><body><div class="post"><h2>读书随笔</h2>${zhParagraphs(4)}${dateBox}</div>${after}</body></html>`;
  const url = 'http://blog.example.cn/post/1.html';
  // The date closes the post; the comments box under it opens with a commenter's time.
  const comments = '<div class="comments"><p>20:01</p><p>张三：写得真好，受教了。</p></div>';
  assert.equal(extractArticle(post('<p>发表于 2005-08-30</p>', comments), { url }).publishedAt, '2005-08-30');
  // The clock in the date's own box still joins it ("<div>10-08</div><div>14:20</div>" in one info bar).
  const infoBar = '<div class="info"><p>发表于 2005-08-30</p><p>14:20</p></div>';
  assert.equal(extractArticle(post(infoBar, comments), { url }).publishedAt, '2005-08-30T14:20:00+08:00');
});
