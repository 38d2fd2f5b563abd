import assert from 'node:assert/strict';
import { test } from 'node:test';
import { wallClock, zoneOffsetForLocal } from '../../src/extract/timezone.js';
import { extractArticle } from '../../src/extract/index.js';
import { enParagraphs, zhParagraphs } from './helpers.js';

test('zone offsets at a local time follow daylight saving, asked once or again (the second answer is remembered)', () => {
  for (let round = 0; round < 2; round++) {
    // New York: EST in January, EDT in July; Shanghai has no DST; the same instants asked of two zones do not mix.
    assert.equal(zoneOffsetForLocal('America/New_York', 2024, 1, 15, 12, 0, 0), -300);
    assert.equal(zoneOffsetForLocal('Asia/Shanghai', 2024, 1, 15, 12, 0, 0), 480);
    assert.equal(zoneOffsetForLocal('America/New_York', 2024, 7, 15, 12, 0, 0), -240);
    assert.equal(zoneOffsetForLocal('Asia/Shanghai', 2024, 7, 15, 12, 0, 0), 480);
    // Just after the spring-forward switch (2024-03-10 03:30 local is EDT), and before it (01:30 is EST).
    assert.equal(zoneOffsetForLocal('America/New_York', 2024, 3, 10, 3, 30, 0), -240);
    assert.equal(zoneOffsetForLocal('America/New_York', 2024, 3, 10, 1, 30, 0), -300);
    assert.equal(zoneOffsetForLocal('Not/A_Zone', 2024, 3, 10, 1, 30, 0), 0);
  }
  assert.deepEqual(wallClock('Asia/Shanghai', Date.UTC(2024, 0, 15, 20, 5, 9)), { year: 2024, month: 1, day: 16, hour: 4, minute: 5, second: 9 });
});

test('many distinct instants (past the remembered ones) still give exact offsets', () => {
  for (let i = 0; i < 5000; i++) {
    const day = 1 + (i % 28);
    const month = 1 + (Math.floor(i / 28) % 12);
    const expected = month >= 4 && month <= 10 ? -240 : month === 12 || month <= 2 ? -300 : undefined;
    const got = zoneOffsetForLocal('America/New_York', 2023, month, day, 12, i % 60, 0);
    if (expected !== undefined) assert.equal(got, expected, `2023-${month}-${day}`);
  }
});

test("a page read in UTC for want of a zone shows its clock in its country's zone, machine times kept as stated", () => {
  const page = (lang: string, info: string, head = ''): string =>
    `<html lang="${lang}"><head><title>Stadtrat vertagt Abstimmung</title>${head}</head><body><h1>Stadtrat vertagt Abstimmung</h1><div>${info}</div><div class="content">${enParagraphs()}</div></body></html>`;
  const at = (html: string, url: string, timezone?: string): string | undefined => extractArticle(html, { url, timezone }).publishedAt;
  // The domain's country (CET in February, CEST in July), else the language's.
  assert.equal(at(page('de', '15.02.2018, 10:20 Uhr'), 'https://www.example.de/a'), '2018-02-15T10:20:00+01:00');
  assert.equal(at(page('de', '15.07.2018, 10:20 Uhr'), 'https://www.example.com/a'), '2018-07-15T10:20:00+02:00');
  assert.equal(at(page('fr', 'Publié le 5 mars 2020 à 10h20'), 'https://www.example.fr/a'), '2020-03-05T10:20:00+01:00');
  assert.equal(at(page('en-GB', '5 March 2020, 10:20'), 'https://www.example.co.uk/a'), '2020-03-05T10:20:00+00:00');
  // A language spoken on many clocks, on a domain naming no country: no guess.
  assert.equal(at(page('es', '5 de marzo de 2020, 10:20'), 'https://www.example.com/a'), '2020-03-05T10:20:00+00:00');
  // A zone given by the caller wins; so does an offset the page states.
  assert.equal(at(page('de', '15.02.2018, 10:20 Uhr'), 'https://www.example.de/a', 'UTC'), '2018-02-15T10:20:00+00:00');
  const stated = page('de', '15.02.2018, 10:20 Uhr', '<meta property="article:published_time" content="2018-02-15T10:20:00+00:00">');
  assert.equal(at(stated, 'https://www.example.de/a'), '2018-02-15T10:20:00+00:00');
  // A zone-less machine time that the page does not show is the server's: left in UTC.
  const machine = page('de', 'Berlin', '<meta property="article:published_time" content="2018-02-15 10:20:00">');
  assert.equal(at(machine, 'https://www.example.de/a'), '2018-02-15T10:20:00+00:00');
});

test("a Chinese page keeps China's clock on another country's domain (.com.my, .ph, .fr), shown or machine time", () => {
  const H = '马克龙星期一在莫斯科与普京会面';
  const html = (info: string, head = ''): string =>
    `<html lang="zh"><head><title>${H}</title>${head}</head><body><h1>${H}</h1><div>${info}</div><div class="content">${zhParagraphs()}</div></body></html>`;
  const shown = html('发布时间：2022-02-06 13:48');
  for (const url of ['https://www.example.com/cn/a', 'https://www.example.com.my/cn/a', 'https://www.example.ph/cn/a', 'https://www.example.fr/cn/a']) {
    assert.equal(extractArticle(shown, { url }).publishedAt, '2022-02-06T13:48:00+08:00', url);
  }
  const ld = html('', '<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2023-06-15T21:48:00"}</script>');
  assert.equal(extractArticle(ld, { url: 'https://www.sinchew.com.my/news/a' }).publishedAt, '2023-06-15T21:48:00+08:00');
});
