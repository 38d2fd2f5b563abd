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

test("a colon after the year (CNN: 'November 29, 2016: 3:42 PM ET') sets the clock after it", () => {
  assert.deepEqual(parseDateText('November 29, 2016: 3:42 PM ET', EN), { year: 2016, month: 11, day: 29, hour: 15, minute: 42, offsetMinutes: -300 });
  assert.deepEqual(parseDateText('29 November 2016: 15:42 GMT', EN), { year: 2016, month: 11, day: 29, hour: 15, minute: 42, offsetMinutes: 0 });
  // The clock first, as CNN also prints it, was read before and still is.
  assert.deepEqual(parseDateText('Updated 3:42 PM ET, Tue November 29, 2016', EN), { year: 2016, month: 11, day: 29, hour: 15, minute: 42, offsetMinutes: -300 });
  const html = page('Storm closes schools across the state', 'By Jane Doe, CNN · Updated November 29, 2016: 3:42 PM ET');
  assert.equal(extractFrom(html, { head: '<title>Storm closes schools across the state</title>' }).publishedAt, '2016-11-29T15:42:00-05:00');
});

test("what follows a date's colon is no clock unless it is h:mm with AM/PM or a zone", () => {
  const day = { year: 2016, month: 11, day: 29 };
  assert.deepEqual(parseDateText('November 29, 2016: 3.4 million visitors', EN), day);
  assert.deepEqual(parseDateText('November 29, 2016: 2:1 win over Leeds', EN), day);
  assert.deepEqual(parseDateText('November 29, 2016: John 3:16 read aloud', EN), day);
  assert.deepEqual(parseDateText('November 29, 2016: 15:42', EN), day);
});

const DA = { timezone: 'Europe/Copenhagen', lang: 'da' };
const DA_PARAGRAPHS = [
  'Byrådet besluttede tirsdag at udvide busnettet i midtbyen med tolv nye linjer, der skal forbinde boligområderne med erhvervskvarteret.',
  'De nye linjer skal køre med elbusser, og i myldretiden kommer der en bus hvert tiende minut, oplyser forvaltningen.',
  'Borgerne kan følge bussernes ankomsttider i appen, og billetpriserne bliver de samme som på de eksisterende linjer.',
  'Nogle linjer kommer også til at køre senere om aftenen, hvilket de lokale erhvervsdrivende har ønsket i flere år.',
].map((p) => `<p>${p}</p>`).join('\n');

test("the Nordic clock marker kl. in any case ('02/02/2025 KL. 09:00') sets the clock after the date", () => {
  const at9 = { year: 2025, month: 2, day: 2, hour: 9, minute: 0 };
  assert.deepEqual(parseDateText('02/02/2025 KL. 09:00', DA), at9);
  assert.deepEqual(parseDateText('02/02/2025 Kl. 09:00', DA), at9);
  assert.deepEqual(parseDateText('02.02.2025 KL. 09:00', DA), at9);
  assert.deepEqual(parseDateText('2025-02-02 kl. 09:00', DA), at9);
  assert.deepEqual(parseDateText('14/03/2025 kl 17:45', DA), { year: 2025, month: 3, day: 14, hour: 17, minute: 45 });
  const html = page('Byen får tolv nye buslinjer', 'Af Mette Hansen · 02/02/2025 KL. 09:00', 'da', DA_PARAGRAPHS);
  assert.equal(extractFrom(html, { head: '<title>Byen får tolv nye buslinjer</title>', url: 'https://nyheder.example.dk/a/1.html', timezone: 'Europe/Copenhagen' }).publishedAt, '2025-02-02T09:00:00+01:00');
});

test('kl as a word, or kl. before no clock, leaves the day alone', () => {
  const day = { year: 2025, month: 2, day: 2 };
  assert.deepEqual(parseDateText('02/02/2025 klasse 09:00', DA), day);
  assert.deepEqual(parseDateText('02/02/2025 kl. 25:00', DA), day);
  assert.deepEqual(parseDateText('02/02/2025 kl 9 på Rådhuspladsen', DA), day);
});
