/**
 * Clocks joined to their date in ways major sites print (issue 12, found on bare pages): a year run into its clock
 * (Reuters), a colon after the year (CNN), the Nordic clock marker kl. (Danish and Norwegian papers). Each form with
 * the near misses that must stay as they were.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDateText } from '../../src/extract/dates.js';
import { enParagraphs, extractFrom } from './helpers.js';

const EN = { timezone: 'UTC', lang: 'en' };

/** A page with no metadata: headline, one info line, the story. */
function page(headline: string, info: string, lang = 'en', paragraphs = enParagraphs(4)): string {
  return `<div lang="${lang}"><h1>${headline}</h1><div>${info}</div><div>${paragraphs}</div></div>`;
}

test('a year run into its clock (Reuters: date and time in adjacent elements) is the year and the clock', () => {
  assert.deepEqual(parseDateText('April 25, 20232:26 PM GMT+2', EN), { year: 2023, month: 4, day: 25, hour: 14, minute: 26, offsetMinutes: 120 });
  assert.deepEqual(parseDateText('25 April 202311:05 AM EDT', EN), { year: 2023, month: 4, day: 25, hour: 11, minute: 5, offsetMinutes: -240 });
  const html = page('City expands downtown bus network', '<time><span>April 25, 2023</span><span>2:26 PM GMT+2</span></time>');
  assert.equal(extractFrom(html, { head: '<title>City expands downtown bus network</title>' }).publishedAt, '2023-04-25T14:26:00+02:00');
});

test('a number run into a year is not a clock without minutes and AM/PM or a zone', () => {
  // A clock with neither AM/PM nor a zone, a score, a five-digit count, a year before 1990: as before.
  assert.deepEqual(parseDateText('April 25, 20232:26', EN), undefined);
  assert.deepEqual(parseDateText('April 25, 2023 2:1 final', EN), { year: 2023, month: 4, day: 25 });
  assert.deepEqual(parseDateText('April 25, 20232:1 PM', EN), undefined);
  assert.deepEqual(parseDateText('April 25, 19892:26 PM', EN), undefined);
  assert.deepEqual(parseDateText('Reported in 20232 cases by April 25, 2023', EN), { year: 2023, month: 4, day: 25 });
});
