/** Visible-text publish times on unseen sites (issue 12): labels in many languages, update wording, dated lists. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dayFirstLanguage, parseDateText } from '../../src/extract/dates.js';
import { extractArticle } from '../../src/extract/index.js';
import { parseRelative } from '../../src/extract/relative.js';
import { MODIFIED_LABEL, PUBLISHED_LABEL } from '../../src/extract/time-candidates.js';
import { enParagraphs } from './helpers.js';

const deParagraphs = (): string =>
  [
    'Der Stadtrat hat am Dienstag beschlossen, das Busnetz in der Innenstadt deutlich auszubauen und zwölf neue Linien einzurichten.',
    'Die neuen Linien sollen mit Elektrobussen betrieben werden, zu Stoßzeiten alle zehn Minuten und sonst alle zwanzig Minuten.',
    'Fahrgäste können die Abfahrtszeiten in der App abrufen, die Fahrpreise bleiben nach Angaben der Verkehrsbetriebe unverändert.',
    'Einige Linien fahren künftig auch nachts, eine Änderung, die sich Schichtarbeiter und Gastronomen seit Jahren gewünscht hatten.',
  ]
    .map((p) => `<p>${p}</p>`)
    .join('\n');

/** Three more paragraphs: a list starts more than six lines below the info line, as on a real page. */
const MORE = ['Riders welcomed the plan.', 'Critics asked about the cost.', 'The council will review it next year.'].map((p) => `<p>${p}</p>`).join('');

function page(body: string, lang = 'en', title = 'City expands bus network'): string {
  return `<!DOCTYPE html><html lang="${lang}"><head><title>${title}</title></head><body><h1>${title}</h1>${body}</body></html>`;
}

test('publish and update labels are read in the languages of the European press', () => {
  for (const [text, label] of [
    ['Publiziert: 01.07.2023, 11:16', 'Publiziert:'],
    ['Publikacja: 02.02.2025 21:52', 'Publikacja:'],
    ['publié: 3 février 2021', 'publié:'],
    ['Gepubliceerd op 3 maart 2021', 'Gepubliceerd op'],
    ['Yayınlanma tarihi: 20 Nisan 2026', 'Yayınlanma tarihi:'],
    ['Stand: 28.04.2023 17:23 Uhr', 'Stand:'],
  ]) {
    assert.equal(PUBLISHED_LABEL.exec(text)?.[0].trim(), label, text);
  }
  for (const text of ['Aktualizacja: 19.04.2026 19:45', 'aktualizováno 12:56', 'Güncelleme : 05.04.2025', 'Mis à jour le 3 mars 2021', 'Bijgewerkt op 4 maart']) {
    assert.ok(MODIFIED_LABEL.test(text), text);
  }
  // Inside a word or an English sentence they are no labels.
  assert.equal(PUBLISHED_LABEL.exec('Outstanding results in 2023'), null);
  assert.equal(PUBLISHED_LABEL.exec('We stand with them on 3 March 2021'), null);
  assert.equal(MODIFIED_LABEL.exec('unmodified copy 2021'), null);
});

test('a Polish info line "Aktualizacja: … Publikacja: …" gives the publish time to publishedAt and the update to modifiedAt', () => {
  const a = extractArticle(page(`<div class="x1">Aktualizacja: 19.04.2026 19:45 Publikacja: 19.04.2026 19:05</div><div class="x2">${deParagraphs()}</div>`, 'pl', 'Iran rezygnuje z rozmów'), {
    url: 'https://www.example.pl/polityka/art1-iran',
    timezone: 'Europe/Warsaw',
  });
  assert.equal(a.publishedAt, '2026-04-19T19:05:00+02:00');
  assert.equal(a.modifiedAt, '2026-04-19T19:45:00+02:00');
});

test('a German "Stand:" line outranks an unlabelled date line above it', () => {
  const body = `<div class="x2"><p>Der Ausschuss tagte am 24. März 2023 um 05:20 Uhr.</p><p>Stand: 28.04.2023 17:23 Uhr</p>${deParagraphs()}</div>`;
  const a = extractArticle(page(body, 'de', 'Ausschuss zur Flut'), { url: 'https://www.example.de/inland/flut-100.html', timezone: 'Europe/Berlin' });
  assert.equal(a.publishedAt, '2023-04-28T17:23:00+02:00');
});

test('"Updated <time>Jul 24, 2018</time>": the words before the element make it the update, the URL keeps the publish day', () => {
  const body = `<div class="byline">By Ann Writer <span>Updated <time class="stamp">Jul 24, 2018, 2:15pm EDT</time></span></div><div class="body">${enParagraphs()}</div>`;
  const a = extractArticle(page(body), { url: 'https://www.example.com/2017/12/15/16751138/bus-network' });
  assert.equal(a.publishedAt, '2017-12-15');
  assert.equal(a.modifiedAt?.slice(0, 10), '2018-07-24');
  // An itemprop="datePublished" value around the same words stays the publish time.
  const marked = `<div class="meta" itemprop="datePublished" content="2023-10-03T05:30:41-04:00">Updated on June 26, 2025</div><div class="body">${enParagraphs()}</div>`;
  assert.equal(extractArticle(page(marked), { url: 'https://www.example.com/blog/x' }).publishedAt, '2023-10-03T05:30:41-04:00');
});

test('dates of a related-stories list in the body do not outrank the line under the headline, though each is read twice (<time> and text)', () => {
  const related = ['Oct. 12, 2022', 'Oct. 1, 2022', 'Sept. 23, 2022', 'Sept. 15, 2022']
    .map((d, i) => `<li><a href="/r${i}">Another story number ${i}</a><time class="item-date">${d}</time></li>`)
    .join('');
  const body = `<div class="meta">December 7, 2016</div><div class="article">${enParagraphs(5)}${MORE}<ul class="related">${related}</ul></div>`;
  const a = extractArticle(page(body), { url: 'https://www.example.com/news/articles/bus-network' });
  assert.equal(a.publishedAt, '2016-12-07');
});

test("a list of one day's stories at different times is a dated list too", () => {
  const related = ['16:46', '13:22', '12:59']
    .map((t, i) => `<li><a href="/r${i}">Weitere Meldung Nummer ${i}</a><time class="item-date">28.04.2023 ${t}</time></li>`)
    .join('');
  const body = `<div class="meta">27.04.2023</div><div class="article">${deParagraphs()}${MORE}<ul class="related">${related}</ul></div>`;
  const a = extractArticle(page(body, 'de', 'Pendler zahlen weniger'), { url: 'https://www.example.de/aktuell/pendler-1.html', timezone: 'Europe/Berlin' });
  assert.equal(a.publishedAt, '2023-04-27');
});

test('two-digit years: dotted day-first and slashed, only with a clock or as a date line of their own', () => {
  const ctx = { timezone: 'UTC' };
  assert.deepEqual(parseDateText('25.4.24', ctx), { year: 2024, month: 4, day: 25 });
  assert.deepEqual(parseDateText('Veröffentlicht am 27.04.24 um 07:39 Uhr', ctx), { year: 2024, month: 4, day: 27, hour: 7, minute: 39 });
  assert.deepEqual(parseDateText('10/13/16 12:34PM', ctx), { year: 2016, month: 10, day: 13, hour: 12, minute: 34 });
  assert.deepEqual(parseDateText('By Sage Lazzaro • 12/16/16 12:21pm', ctx), { year: 2016, month: 12, day: 16, hour: 12, minute: 21 });
  assert.deepEqual(parseDateText('05/04/24 9:05', { ...ctx, lang: 'fr' }), { year: 2024, month: 4, day: 5, hour: 9, minute: 5 });
  // In running text without a clock they are left alone (versions, scores, fractions).
  assert.equal(parseDateText('Update to version 1.2.24 of the app', ctx), undefined);
  assert.equal(parseDateText('The ratio was 3/4/25 in the sample', ctx), undefined);
});

test('two-digit years on Chinese, Japanese and Korean pages open the date (22/01/07 is 7 January 2022)', () => {
  assert.deepEqual(parseDateText('22/01/07 14:30', { timezone: 'Asia/Shanghai', lang: 'zh-CN' }), { year: 2022, month: 1, day: 7, hour: 14, minute: 30 });
  assert.deepEqual(parseDateText('22.01.07', { timezone: 'Asia/Seoul', lang: 'ko' }), { year: 2022, month: 1, day: 7 });
  assert.deepEqual(parseDateText('22/01/07', { timezone: 'Asia/Tokyo', lang: 'ja' }), { year: 2022, month: 1, day: 7 });
  // Hong Kong writes the day first; elsewhere the page's convention stands unless the first number can be no day.
  assert.deepEqual(parseDateText('22/01/07', { timezone: 'Asia/Hong_Kong', lang: 'zh-HK' }), { year: 2007, month: 1, day: 22 });
  assert.deepEqual(parseDateText('22.01.07', { timezone: 'Europe/Berlin', lang: 'de' }), { year: 2007, month: 1, day: 22 });
  assert.deepEqual(parseDateText('98/01/07', { timezone: 'UTC', lang: 'en' }), { year: 1998, month: 1, day: 7 });
  // A one-digit first number is no two-digit year; the page's year (its URL's) settles a reading both ways real.
  assert.deepEqual(parseDateText('3/5/24 10:30', { timezone: 'Asia/Shanghai', lang: 'zh-CN' }), { year: 2024, month: 3, day: 5, hour: 10, minute: 30 });
  const underUrl = { timezone: 'Asia/Shanghai', lang: 'zh-CN', urlDay: { year: 2022, month: 5, day: 11 } };
  assert.deepEqual(parseDateText('05/11/22 10:30', underUrl), { year: 2022, month: 5, day: 11, hour: 10, minute: 30 });
  assert.deepEqual(parseDateText('22/05/11 10:30', underUrl), { year: 2022, month: 5, day: 11, hour: 10, minute: 30 });
  // The URL's day settles the day/month order of a slashed date that names it.
  const july = { timezone: 'Asia/Shanghai', lang: 'zh-CN', urlDay: { year: 2022, month: 7, day: 1 } };
  assert.deepEqual(parseDateText('01/07/22 14:30', july), { year: 2022, month: 7, day: 1, hour: 14, minute: 30 });
  assert.deepEqual(parseDateText('07/01/22 14:30', july), { year: 2022, month: 7, day: 1, hour: 14, minute: 30 });
  assert.deepEqual(parseDateText('07/01/22 14:30', { ...july, lang: 'en-GB', timezone: 'Europe/London' }), { year: 2022, month: 7, day: 1, hour: 14, minute: 30 });
});

test('slashed dates: the URL day, else the page language, decides the day/month order; a dash may precede the clock', () => {
  const text = 'Published on 06/01/2026 - 13:55';
  assert.deepEqual(parseDateText(text, { timezone: 'UTC', lang: 'en' }), { year: 2026, month: 6, day: 1, hour: 13, minute: 55 });
  assert.deepEqual(parseDateText(text, { timezone: 'UTC', lang: 'en', urlDay: { year: 2026, month: 1, day: 6 } }), { year: 2026, month: 1, day: 6, hour: 13, minute: 55 });
  assert.deepEqual(parseDateText(text, { timezone: 'UTC', lang: 'de' }), { year: 2026, month: 1, day: 6, hour: 13, minute: 55 });
  assert.deepEqual(parseDateText(text, { timezone: 'UTC', lang: 'en-GB' }), { year: 2026, month: 1, day: 6, hour: 13, minute: 55 });
  assert.equal(dayFirstLanguage('en-US'), false);
  assert.equal(dayFirstLanguage('zh-CN'), false);
  assert.equal(dayFirstLanguage('pl'), true);
  const a = extractArticle(page(`<div class="x1">Published on 06/01/2026 - 13:55 GMT+1</div><div class="x2">${enParagraphs()}</div>`), {
    url: 'https://www.example.com/2026/01/06/bus-network',
  });
  assert.equal(a.publishedAt, '2026-01-06T13:55:00+01:00');
});

test('other numeric forms: bullet-separated year first, month-first dots, a clock before the day, a duration is no clock', () => {
  const ctx = { timezone: 'UTC' };
  assert.deepEqual(parseDateText('2025•01•08', ctx), { year: 2025, month: 1, day: 8 });
  assert.deepEqual(parseDateText('2025 · 01 · 08', ctx), { year: 2025, month: 1, day: 8 });
  assert.deepEqual(parseDateText('06.18.2025', ctx), { year: 2025, month: 6, day: 18 });
  assert.deepEqual(parseDateText('14:00, 28 Apr 2024', ctx), { year: 2024, month: 4, day: 28, hour: 14, minute: 0 });
  assert.deepEqual(parseDateText('Politik 05.08.2024 03:33 min', ctx), { year: 2024, month: 8, day: 5 });
  assert.deepEqual(parseDateText('05.08.2024 03:33 Uhr', ctx), { year: 2024, month: 8, day: 5, hour: 3, minute: 33 });
});

test("a photo caption's date under the headline loses to the date line after it", () => {
  const body = `<figure><img src="/p.jpg"><figcaption>Fire is seen on an airplane after it takes off in Nepal, April 24, 2023.</figcaption></figure><div class="x1">April 25, 2023</div><div class="article">${enParagraphs()}</div>`;
  const a = extractArticle(page(body), { url: 'https://www.example.com/business/nepal-plane' });
  assert.equal(a.publishedAt, '2023-04-25');
});

test('a broadcast notice ("Über dieses Thema berichtet: BR24 Radio am …") names another item, even around a <time>', () => {
  const body = `<h1>Streiks im Nahverkehr</h1><div class="x1">Über dieses Thema berichtet: BR24 Radio am <time>14.04.2026 um 17:50 Uhr</time>.</div><div class="article">${deParagraphs()}</div><div class="x3"><time>15.04.2026, 14:36 Uhr</time></div>`;
  const a = extractArticle(`<!DOCTYPE html><html lang="de"><head><title>Streiks im Nahverkehr</title></head><body><div class="top"><time>15.04.2026, 14:36 Uhr</time></div>${body}</body></html>`, {
    url: 'https://www.example.de/nachrichten/streiks,VGq',
    timezone: 'Europe/Berlin',
  });
  assert.equal(a.publishedAt, '2026-04-15T14:36:00+02:00');
});

test('relative dates in European languages, read against the fetch clock in the page zone', () => {
  const now = new Date('2024-08-27T10:00:00Z'); // 12:00 in Berlin
  const at = (t: string) => parseRelative(t, now, 'Europe/Berlin');
  assert.deepEqual(at('vor 3 Stunden'), { year: 2024, month: 8, day: 27, hour: 9, minute: 0 });
  assert.deepEqual(at('Vor einer Stunde'), { year: 2024, month: 8, day: 27, hour: 11, minute: 0 });
  assert.deepEqual(at('il y a 2 heures'), { year: 2024, month: 8, day: 27, hour: 10, minute: 0 });
  assert.deepEqual(at('hace 3 horas'), { year: 2024, month: 8, day: 27, hour: 9, minute: 0 });
  assert.deepEqual(at('há 2 dias'), { year: 2024, month: 8, day: 25 });
  assert.deepEqual(at('2 ore fa'), { year: 2024, month: 8, day: 27, hour: 10, minute: 0 });
  assert.deepEqual(at('3 uur geleden'), { year: 2024, month: 8, day: 27, hour: 9, minute: 0 });
  assert.deepEqual(at('2 godziny temu'), { year: 2024, month: 8, day: 27, hour: 10, minute: 0 });
  assert.deepEqual(at('před hodinou'), { year: 2024, month: 8, day: 27, hour: 11, minute: 0 });
  assert.deepEqual(at('för 3 timmar sedan'), { year: 2024, month: 8, day: 27, hour: 9, minute: 0 });
  assert.deepEqual(at('3 saat önce'), { year: 2024, month: 8, day: 27, hour: 9, minute: 0 });
  assert.deepEqual(at('Publiziert heute um 12:19 Uhr'), { year: 2024, month: 8, day: 27, hour: 12, minute: 19 });
  assert.deepEqual(at('Gestern, 07:09 Uhr'), { year: 2024, month: 8, day: 26, hour: 7, minute: 9 });
  assert.deepEqual(at('hier à 14h20'), { year: 2024, month: 8, day: 26, hour: 14, minute: 20 });
  assert.deepEqual(at('ayer a las 9:05'), { year: 2024, month: 8, day: 26, hour: 9, minute: 5 });
  // German and Dutch "hier" is "here"; years ago are no publish time.
  assert.equal(at('Hier klicken'), undefined);
  assert.equal(at('Die Geschichte vor 50 Jahren'), undefined);
});

test('"Online seit heute, 7.57 Uhr" under the headline dates the article when the fetch clock is given', () => {
  const html = page(`<div class="x1">Online seit heute, 7.57 Uhr</div><div class="x2">${deParagraphs()}</div>`, 'de', 'Trump-Anwältin soll Justizministerin werden');
  const a = extractArticle(html, { url: 'https://www.example.at/stories/3376705/', timezone: 'Europe/Vienna', now: new Date('2024-11-22T09:30:00Z') });
  assert.equal(a.publishedAt, '2024-11-22T07:57:00+01:00');
  assert.equal(extractArticle(html, { url: 'https://www.example.at/stories/3376705/', timezone: 'Europe/Vienna' }).publishedAt, undefined);
});

test('"Erstellt am" (created) labels the publish date, so an update printed before it on the line is not taken', () => {
  const html = page(`<div class="meta">Aktualisiert am 14.01.2014, erstellt am 13.01.2014</div>${deParagraphs()}`, 'de', 'Stadt baut Busnetz aus');
  const a = extractArticle(html, { url: 'https://www.example.de/stadt/busnetz.html' });
  assert.equal(a.publishedAt?.slice(0, 10), '2014-01-13');
  assert.equal(a.modifiedAt?.slice(0, 10), '2014-01-14');
  assert.equal(PUBLISHED_LABEL.exec('Erstellt: 13.01.2014 - 08:00 Uhr')?.[0].trim(), 'Erstellt:');
  // Only the whole word: "Neu erstellte Linien" is no label.
  assert.equal(PUBLISHED_LABEL.exec('Neu erstellte Linien ab 13.01.2014'), null);
});
