import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatDate, parseDateText } from '../../src/extract/dates.js';
import { dateFromUrl } from '../../src/extract/dates-machine.js';
import { extractArticle } from '../../src/extract/index.js';
import { extractFrom, zhParagraphs, enParagraphs } from './helpers.js';

const SH = 'Asia/Shanghai';
const zh = (body: string, url?: string, head?: string): string | undefined =>
  extractFrom(`<h1>标题新闻</h1>${body}<div class="content">${zhParagraphs()}</div>`, { timezone: SH, url, head: `<title>标题新闻</title>${head ?? ''}` }).publishedAt;

test('JSON-LD datePublished (offset kept) and dateModified kept apart', () => {
  const ld = JSON.stringify({ '@type': 'NewsArticle', headline: 'x', datePublished: '2025-10-12T15:41:00Z', dateModified: '2025-10-13T01:00:00+08:00' });
  const a = extractFrom(enParagraphs(), { head: `<script type="application/ld+json">${ld}</script>` });
  assert.equal(a.publishedAt, '2025-10-12T15:41:00+00:00');
  assert.equal(a.modifiedAt, '2025-10-13T01:00:00+08:00');
});

test('article:published_time meta', () => {
  const a = extractFrom(enParagraphs(), { head: '<meta property="article:published_time" content="2025-03-03T16:05:00-05:00">' });
  assert.equal(a.publishedAt, '2025-03-03T16:05:00-05:00');
});

test('<time datetime> and itemprop=datePublished', () => {
  assert.equal(extractFrom(`<time datetime="2025-03-03T10:00:00+01:00">3 March</time>${enParagraphs()}`).publishedAt, '2025-03-03T10:00:00+01:00');
  assert.equal(extractFrom(`<span itemprop="datePublished" content="2025-03-04">March 4</span>${enParagraphs()}`).publishedAt, '2025-03-04');
});

test('Chinese numeric and 年月日 forms in the info line, zone from options.timezone', () => {
  assert.equal(zh('<div>2025-10-12 23:41:00 来源：鲁网</div>'), '2025-10-12T23:41:00+08:00');
  assert.equal(zh('<div>2025年10月12日 23:41　新华网</div>'), '2025-10-12T23:41:00+08:00');
  assert.equal(zh('<div>发布时间：2025/10/12</div>'), '2025-10-12');
  assert.equal(zh('<div>类别:国内 发布时间:2025-10-12 23:41:00 来源:鲁网</div>'), '2025-10-12T23:41:00+08:00');
  assert.equal(zh('<div>作者：小王 发表于 2025-3-3 9:05</div>'), '2025-03-03T09:05:00+08:00');
});

test('"更新时间" is a modification time, not the publication time', () => {
  const a = extractFrom(`<h1>标题新闻</h1><div>发布时间：2025-10-12 08:00 更新时间：2025-10-13 09:00</div><div>${zhParagraphs()}</div>`, { timezone: SH, head: '<title>标题新闻</title>' });
  assert.equal(a.publishedAt, '2025-10-12T08:00:00+08:00');
});

test('a month and day later than today belong to last year', () => {
  const now = new Date('2026-01-05T08:00:00Z');
  const dec = parseDateText('本报12月30日讯', { timezone: SH, contextYear: 2026, now });
  assert.deepEqual([dec?.year, dec?.month, dec?.day], [2025, 12, 30]);
  assert.equal(parseDateText('本报1月4日讯', { timezone: SH, contextYear: 2026, now })?.year, 2026);
  assert.equal(parseDateText('本报1月6日讯', { timezone: SH, contextYear: 2026, now })?.year, 2026, 'within two days: a zone difference, not last year');
  assert.equal(parseDateText('本报12月30日讯', { timezone: SH, contextYear: 2026 })?.year, 2026, 'no clock, no guess');
});

test('"10月11日讯" takes its year from context (the URL)', () => {
  assert.equal(parseDateText('鲁网10月11日讯', { timezone: SH, contextYear: 2025 })?.day, 11);
  assert.equal(zh('<p>鲁网10月11日讯（记者 王玉龙）潍坊自古就有包容并蓄的开放传统。</p>', 'https://news.example.com/2025/1011/1.html'), '2025-10-11');
});

test('English forms: "March 3, 2025 4:05 PM ET" and "3 Mar 2025"', () => {
  const et = parseDateText('Published March 3, 2025 4:05 PM ET', { timezone: 'UTC' });
  assert.ok(et);
  assert.equal(formatDate(et, 'UTC'), '2025-03-03T16:05:00-05:00');
  const summer = parseDateText('July 3, 2025 4:05 p.m. ET', { timezone: 'UTC' });
  assert.equal(formatDate(summer!, 'UTC'), '2025-07-03T16:05:00-04:00');
  assert.equal(formatDate(parseDateText('Updated 3 Mar 2025', { timezone: 'UTC' })!, 'UTC'), '2025-03-03');
  const a = extractFrom(`<h1>Bus news</h1><p class="byline">By Maria Gonzalez · March 3, 2025 4:05 PM ET</p>${enParagraphs()}`, { head: '<title>Bus news</title>' });
  assert.equal(a.publishedAt, '2025-03-03T16:05:00-05:00');
});

test('US month-first numeric dates with seconds and PM', () => {
  const p = parseDateText('发布日期： 7/5/2005 9:23:57 PM', { timezone: SH });
  assert.equal(formatDate(p!, SH), '2005-07-05T21:23:57+08:00');
});

test('URL path dates', () => {
  assert.deepEqual(dateFromUrl('https://x.cn/2025/10/12/abc.html'), { year: 2025, month: 10, day: 12 });
  assert.deepEqual(dateFromUrl('http://www.gov.cn/zhengce/202510/t20251012_123.html'), { year: 2025, month: 10, day: 12 });
  assert.deepEqual(dateFromUrl('https://x.com/news/2025-03-03/story'), { year: 2025, month: 3, day: 3 });
  assert.equal(zh('', 'http://www.gov.cn/zhengce/202510/t20251012_123.html'), '2025-10-12');
});

test('a date-only meta is refined by a same-day time shown on the page', () => {
  assert.equal(zh('<div>2025-10-12 08:30 来源：新华网</div>', undefined, '<meta name="pubdate" content="2025-10-12">'), '2025-10-12T08:30:00+08:00');
});

test('missing offsets use options.timezone (UTC by default), DST aware', () => {
  const p = parseDateText('2025-07-01 12:00', { timezone: 'UTC' })!;
  assert.equal(formatDate(p, 'UTC'), '2025-07-01T12:00:00+00:00');
  assert.equal(formatDate(p, 'Europe/London'), '2025-07-01T12:00:00+01:00');
  assert.equal(formatDate(parseDateText('2025-01-01 12:00', { timezone: 'UTC' })!, 'America/New_York'), '2025-01-01T12:00:00-05:00');
});

test('implausible dates are rejected', () => {
  assert.equal(parseDateText('2025-13-45', { timezone: 'UTC' }), undefined);
  assert.equal(parseDateText('电话 010-1234-5678', { timezone: 'UTC' }), undefined);
});

test('Republic of China years: after 民國, or on a zh-TW page; never a bare two-digit number elsewhere', () => {
  const tw = { timezone: 'Asia/Taipei', lang: 'zh-TW' };
  assert.deepEqual(parseDateText('中華民國112年3月2日', { timezone: 'Asia/Taipei' }), { year: 2023, month: 3, day: 2 });
  assert.deepEqual(parseDateText('112年03月02日 14:20', tw), { year: 2023, month: 3, day: 2, hour: 14, minute: 20 });
  assert.deepEqual(parseDateText('發布日期：112-03-02', tw), { year: 2023, month: 3, day: 2 });
  assert.equal(parseDateText('112-03-02', { timezone: SH, lang: 'zh-CN' }), undefined, 'a dashed form needs the era or a Taiwanese page');
  assert.equal(parseDateText('第12-3-4条', tw), undefined, 'year 1923 is no ROC news date');
});

test('a clock printed before its date belongs to it ("14:30 2023-10-08")', () => {
  assert.deepEqual(parseDateText('14:30 2023-10-08', { timezone: SH }), { year: 2023, month: 10, day: 8, hour: 14, minute: 30 });
  assert.deepEqual(parseDateText('14:30:05 2023年10月8日', { timezone: SH }), { year: 2023, month: 10, day: 8, hour: 14, minute: 30, second: 5 });
  assert.deepEqual(parseDateText('2023-10-08 09:15', { timezone: SH }), { year: 2023, month: 10, day: 8, hour: 9, minute: 15 }, 'a clock after the date still wins');
});

test('a Chinese clock written with 点 ("15点05分", "下午3点05分") is the time, as with 时', () => {
  const ctx = { timezone: 'Asia/Shanghai', lang: 'zh' };
  assert.deepEqual(parseDateText('2024年5月10日15点05分', ctx), { year: 2024, month: 5, day: 10, hour: 15, minute: 5 });
  assert.deepEqual(parseDateText('2024年5月10日 下午3点05分', ctx), { year: 2024, month: 5, day: 10, hour: 15, minute: 5 });
  assert.deepEqual(parseDateText('2024年5月10日 15時05分', ctx), { year: 2024, month: 5, day: 10, hour: 15, minute: 5 });
});

test('full-width digits (２０２１年１０月８日　０９：１５) read like ASCII ones, in the text parser and on a page', () => {
  assert.deepEqual(parseDateText('２０２１年１０月８日　０９：１５', { timezone: SH }), { year: 2021, month: 10, day: 8, hour: 9, minute: 15 });
  assert.deepEqual(parseDateText('发布时间：２０２１－１０－０８', { timezone: SH }), { year: 2021, month: 10, day: 8 });
  assert.equal(zh('<div class="info">２０２１年１０月８日　０９：１５　来源：本报</div>', 'https://news.example.cn/a/1.html'), '2021-10-08T09:15:00+08:00');
});

test('full-width digits beside ASCII ones (a script-filled clock or counter) are read too', () => {
  assert.deepEqual(parseDateText('２０２１年１０月８日 09:15', { timezone: SH }), { year: 2021, month: 10, day: 8, hour: 9, minute: 15 });
  assert.deepEqual(parseDateText('2021年１０月８日', { timezone: SH }), { year: 2021, month: 10, day: 8 });
  assert.equal(zh('<div class="info">发布时间：２０２１年１０月８日 09:15　点击数：356</div>', 'https://news.example.cn/a/1.html'), '2021-10-08T09:15:00+08:00');
});

test('clocks joined by a bullet, "ore", a weekday before the month, or followed by a European zone', () => {
  const iso = (text: string, lang?: string): string | undefined => {
    const p = parseDateText(text, { timezone: 'UTC', lang });
    return p ? formatDate(p, 'UTC') : undefined;
  };
  assert.equal(iso('5 March 2020 • 10:20', 'en-GB'), '2020-03-05T10:20:00+00:00');
  assert.equal(iso('March 5, 2020 · 10:20 AM', 'en'), '2020-03-05T10:20:00+00:00');
  assert.equal(iso('5 marzo 2020 ore 10:20', 'it'), '2020-03-05T10:20:00+00:00');
  assert.equal(iso('05.03.2020 • 10:20', 'de'), '2020-03-05T10:20:00+00:00');
  assert.equal(iso('Published 3:05 PM ET, Thu March 5, 2020', 'en'), '2020-03-05T15:05:00-05:00');
  assert.equal(iso('5 de marzo de 2020 - 10:20 CET', 'es'), '2020-03-05T10:20:00+01:00');
  assert.equal(iso('15.07.2020, 14:05 Uhr MESZ', 'de'), '2020-07-15T14:05:00+02:00');
  // A word starting with a zone's letters is no zone.
  assert.equal(iso('15.07.2020, 14:05 Uhr Cetera', 'de'), '2020-07-15T14:05:00+00:00');
});

test("an RFC 2822 offset after an English date's clock is read ('Wed, 6 Feb 2002 22:33:19 +0000'), a time range is not one", () => {
  const iso = (text: string, lang?: string): string | undefined => {
    const p = parseDateText(text, { timezone: 'UTC', lang });
    return p ? formatDate(p, 'UTC') : undefined;
  };
  assert.equal(iso('Date: Wed, 6 Feb 2002 22:33:19 +0000', 'en'), '2002-02-06T22:33:19+00:00');
  assert.equal(iso('March 5, 2020 10:20 -0500', 'en'), '2020-03-05T10:20:00-05:00');
  assert.equal(iso('March 5, 2020 10:20-11:30', 'en'), '2020-03-05T10:20:00+00:00');
  // On a French domain the stated offset wins over the country clock.
  const html = `<html lang="en"><head><title>Booting OpenBSD on hppa</title></head><body><h1>Booting OpenBSD on hppa</h1><div>Date: Wed, 6 Feb 2002 22:33:19 +0000</div><div class="content">${enParagraphs()}</div></body></html>`;
  assert.equal(extractArticle(html, { url: 'http://example.online.fr/a.html' }).publishedAt, '2002-02-06T22:33:19+00:00');
});

test('after a bullet, a thousands-grouped count or a video length is no clock', () => {
  const iso = (text: string, lang?: string): string | undefined => {
    const p = parseDateText(text, { timezone: 'UTC', lang });
    return p ? formatDate(p, 'UTC') : undefined;
  };
  assert.equal(iso('05.03.2020 • 1.024 Aufrufe', 'de'), '2020-03-05');
  assert.equal(iso('05.03.2020 | 1.024 Aufrufe', 'de'), '2020-03-05');
  assert.equal(iso('5. März 2020 • 10.000 Leser', 'de'), '2020-03-05');
  assert.equal(iso('5 mars 2020 · 2.345 vues', 'fr'), '2020-03-05');
  assert.equal(iso('March 5, 2020 • 2:45', 'en'), '2020-03-05');
  assert.equal(iso('March 5, 2020 • 12:45:30', 'en'), '2020-03-05');
  // Clocks still read: a two-digit hour, or one marked AM/PM.
  assert.equal(iso('March 5, 2020 • 09:05', 'en'), '2020-03-05T09:05:00+00:00');
  assert.equal(iso('March 5, 2020 • 2:45 PM', 'en'), '2020-03-05T14:45:00+00:00');
  // A one-digit hour followed by a zone is a clock too; a word that merely starts with a zone's letters is not one.
  assert.equal(iso('March 5, 2020 • 9:05 ET', 'en'), '2020-03-05T09:05:00-05:00');
  assert.equal(iso('March 5, 2020 · 9:05 EST', 'en'), '2020-03-05T09:05:00-05:00');
  assert.equal(iso('March 5, 2020 • 2:45 Ethan Smith', 'en'), '2020-03-05');
});
