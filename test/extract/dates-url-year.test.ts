/**
 * A Chinese info line that prints the month, day and time without the year ("发布时间：10-08 14:30"): the year comes
 * from the page's URL, also when the URL names only the year (/2023/) (issue 12). Synthetic pages.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dateFromUrl } from '../../src/extract/dates-machine.js';
import { parseDateText } from '../../src/extract/dates.js';
import { extractFrom, zhParagraphs } from './helpers.js';

function published(url: string, shown = '10-08 14:30'): string | undefined {
  const html = `<div class="art"><h1>全市将新开通12条公交线路</h1><div class="info"><span>发布时间：${shown}</span> <span>来源：江城日报</span></div>${zhParagraphs(4)}</div>`;
  return extractFrom(html, { url, head: '<title>全市将新开通12条公交线路</title>', timezone: 'Asia/Shanghai' }).publishedAt;
}

test('a URL directory that is only a year is read as the year', () => {
  assert.deepEqual(dateFromUrl('https://news.example.com/2023/a1.html'), { year: 2023 });
  assert.deepEqual(dateFromUrl('https://news.example.com/news/2023/a1.html'), { year: 2023 });
  // A year glued to other characters, or the file name, is no year directory.
  assert.equal(dateFromUrl('https://news.example.com/a2023/a1.html'), undefined);
  assert.equal(dateFromUrl('https://news.example.com/news/2023.html'), undefined);
  assert.equal(dateFromUrl('https://news.example.com/news/12023/a1.html'), undefined);
});

test('a year-less month-day and time take the year from the URL', () => {
  assert.equal(published('https://news.example.com/2023/a1.html'), '2023-10-08T14:30:00+08:00');
  assert.equal(published('https://news.example.com/20231008/a1.html'), '2023-10-08T14:30:00+08:00');
  assert.equal(published('https://news.example.com/2023-10/a1.html'), '2023-10-08T14:30:00+08:00');
});

test('without a year in the URL or the page, a year-less date gives no date', () => {
  assert.equal(published('https://news.example.com/a/1.html'), undefined);
});

test('the URL\'s year is taken only when its month and day agree with the page\'s', () => {
  // Across a new year: the URL's day is the last of 2023, the page's first minutes are 2024's.
  assert.equal(published('https://news.example.com/20231231/a1.html', '01-01 00:30'), '2024-01-01T00:30:00+08:00');
  assert.equal(published('https://news.example.com/20231007/a1.html'), '2023-10-08T14:30:00+08:00');
  // Months apart: the URL's year may not be the page date's, so the page's date is left unread (the URL's day stays).
  assert.equal(published('https://news.example.com/20230915/a1.html', '01-01 00:30'), '2023-09-15');
});

test('a URL naming only the month gives a year-less month-day the year that puts it in that month', () => {
  // Published as the year turned: the new year's first day under the old year's December directory, and back.
  assert.equal(published('https://news.example.com/2023/12/a1.html', '01-01 00:30'), '2024-01-01T00:30:00+08:00');
  assert.equal(published('https://news.example.com/2024-01/a1.html', '12-31 23:50'), '2023-12-31T23:50:00+08:00');
  assert.equal(published('https://news.example.com/2023/10/a1.html'), '2023-10-08T14:30:00+08:00');
  // A month-day far from the URL's month is read in the URL's year, as before.
  assert.equal(published('https://news.example.com/2023/10/a1.html', '03-01 10:00'), '2023-03-01T10:00:00+08:00');
});

test('a URL naming only the month does not carry a year-less date past the clock', () => {
  // Read on 10 December 2023 under /2023/12/: "01-01" cannot be the coming New Year's Day.
  const ctx = { timezone: 'UTC', lang: 'zh-CN', contextYear: 2023, urlDay: { year: 2023, month: 12 }, now: new Date('2023-12-10T00:00:00Z') };
  assert.deepEqual(parseDateText('01-01 08:00', ctx), { year: 2023, month: 1, day: 1, hour: 8, minute: 0 });
  assert.deepEqual(parseDateText('01-01 08:00', { ...ctx, now: new Date('2024-01-02T00:00:00Z') }), { year: 2024, month: 1, day: 1, hour: 8, minute: 0 });
});
