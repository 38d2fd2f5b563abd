/** A weekday between a Chinese day and its clock (dates.ts WEEKDAY_ZH), issue 12: bracketed as Taiwan and Hong Kong print it. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDateText } from '../../src/extract/dates.js';
import { extractFrom, zhParagraphs } from './helpers.js';

const TW = { timezone: 'Asia/Taipei' };

test('a bracketed weekday between the day and the clock keeps the clock', () => {
  assert.deepEqual(parseDateText('2024年5月10日(星期五) 08:17', TW), { year: 2024, month: 5, day: 10, hour: 8, minute: 17 });
  assert.deepEqual(parseDateText('2024年5月10日（星期五）08:17', TW), { year: 2024, month: 5, day: 10, hour: 8, minute: 17 });
  assert.deepEqual(parseDateText('2024/05/10(五) 15:05', TW), { year: 2024, month: 5, day: 10, hour: 15, minute: 5 });
  assert.deepEqual(parseDateText('2024/05/10 （週五） 下午 3:05', TW), { year: 2024, month: 5, day: 10, hour: 15, minute: 5 });
  // A bracket holding anything but a weekday is no weekday: the clock after it is not this day's.
  assert.deepEqual(parseDateText('2024/05/10 (更新) 15:05', TW), { year: 2024, month: 5, day: 10 });
});

test("an info line with a bracketed weekday gives the article's time to the minute", () => {
  const html = `<h1>北市明起試辦公車專用道</h1><div class="info">2024年5月10日(星期五) 08:17　記者王小明／台北報導</div><div class="content">${zhParagraphs(4)}</div>`;
  assert.equal(extractFrom(html, { ...TW, head: '<title>北市明起試辦公車專用道</title>' }).publishedAt, '2024-05-10T08:17:00+08:00');
});
