import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractArticle } from '../../src/extract/index.js';
import { enParagraphs } from './helpers.js';

// Review of d09b4c6 (a page read in UTC shows its country's clock): only a clock the page shows as text, without a
// zone, is on the country's clock.
const page = (lang: string, info: string, head = ''): string =>
  `<html lang="${lang}"><head><title>Stadtrat vertagt Abstimmung</title>${head}</head><body><h1>Stadtrat vertagt Abstimmung</h1><div>${info}</div><div class="content">${enParagraphs()}</div></body></html>`;
const at = (html: string, url: string, now?: Date): string | undefined => extractArticle(html, { url, now }).publishedAt;
const instant = (s: string | undefined): number => (s === undefined ? NaN : Date.parse(s));

test('a relative time is an instant already: the country clock does not shift it', () => {
  const now = new Date('2018-06-15T12:00:00Z');
  assert.equal(instant(at(page('de', 'vor 2 Stunden'), 'https://www.example.de/a', now)), Date.parse('2018-06-15T10:00:00Z'));
  assert.equal(instant(at(page('en-GB', 'Published 2 hours ago'), 'https://www.example.co.uk/a', now)), Date.parse('2018-06-15T10:00:00Z'));
});

test('a zone stated after a European date is read: UTC, GMT, GMT+2, UTC+3, MEZ, MESZ', () => {
  const cases: [string, string, string, string][] = [
    ['de', 'Stand: 15.02.2018, 10:20 UTC', 'https://www.example.de/a', '2018-02-15T10:20:00Z'],
    ['de', 'Stand: 15.02.2018, 10:20 Uhr UTC', 'https://www.example.de/a', '2018-02-15T10:20:00Z'],
    ['de', '15.02.2018, 10:20 GMT', 'https://www.example.de/a', '2018-02-15T10:20:00Z'],
    ['de', '15. Februar 2018, 10:20 Uhr (UTC)', 'https://www.example.de/a', '2018-02-15T10:20:00Z'],
    ['fr', 'Publié le 15 juin 2018 à 10:20 GMT', 'https://www.example.fr/a', '2018-06-15T10:20:00Z'],
    ['nl', '15 juni 2018 10:20 UTC', 'https://www.example.nl/a', '2018-06-15T10:20:00Z'],
    ['de', '15.07.2020, 14:05 GMT+2', 'https://www.example.de/a', '2020-07-15T12:05:00Z'],
    ['tr', '15.07.2020 14:05 (UTC+3)', 'https://www.example.com.tr/a', '2020-07-15T11:05:00Z'],
    ['fr', 'Publié le 5 mars 2020 à 10h20 (GMT+1)', 'https://www.example.fr/a', '2020-03-05T09:20:00Z'],
    ['de', '15.02.2018, 10:20 Uhr MEZ', 'https://www.example.com/a', '2018-02-15T09:20:00Z'],
    ['de', '15.07.2018, 10:20 Uhr MESZ', 'https://www.example.com/a', '2018-07-15T08:20:00Z'],
  ];
  for (const [lang, info, url, want] of cases) assert.equal(instant(at(page(lang, info), url)), Date.parse(want), info);
});

test("a zone-less <time datetime> is the machine's: a shown clock must be the line's text", () => {
  const a = page('de', '<time datetime="2018-06-15T08:20:00">15.06.2018, 10:20 Uhr</time>');
  assert.equal(at(a, 'https://www.example.de/a'), '2018-06-15T08:20:00+00:00');
  const b = page('de', '<time datetime="2018-06-15T08:20:00">15. Juni 2018</time>');
  assert.equal(at(b, 'https://www.example.de/a'), '2018-06-15T08:20:00+00:00');
  // The element's own text is still a shown clock.
  assert.equal(at(page('de', '<time>15.06.2018, 10:20 Uhr</time>'), 'https://www.example.de/a'), '2018-06-15T10:20:00+02:00');
});

test('domains used as generic hosts (.co, .io, .tv, .me, .ai …) name no country clock; country news domains do', () => {
  const en = (info: string): string => page('en', info);
  for (const tld of ['co', 'io', 'tv', 'me', 'ai', 'is', 'ls', 'tz', 'in', 'fm', 'ly', 'to', 'cc', 'ws']) {
    assert.equal(at(en('June 15, 2018 10:20 AM'), `https://example.${tld}/a`), '2018-06-15T10:20:00+00:00', tld);
  }
  assert.equal(at(page('it', '15 giugno 2018, 10:20'), 'https://www.example.it/a'), '2018-06-15T10:20:00+02:00');
  assert.equal(at(en('June 15, 2018 10:20 AM'), 'https://www.example.co.in/a'), '2018-06-15T10:20:00+05:30');
});

test("a relative day with a shown clock ('Heute, 10:20 Uhr', 'Yesterday at 10:20') is on the country's clock", () => {
  const now = new Date('2018-06-15T12:00:00Z');
  assert.equal(at(page('de', 'Heute, 10:20 Uhr'), 'https://www.example.de/a', now), '2018-06-15T10:20:00+02:00');
  assert.equal(at(page('de', 'gestern, 18:30 Uhr'), 'https://www.example.de/a', now), '2018-06-14T18:30:00+02:00');
  assert.equal(at(page('en-GB', 'Yesterday at 10:20'), 'https://www.example.co.uk/a', now), '2018-06-14T10:20:00+01:00');
  assert.equal(at(page('en-GB', 'Today, 9:05am'), 'https://www.example.co.uk/a', now), '2018-06-15T09:05:00+01:00');
  // The day is the country's today: at 23:30 UTC it is already the 16th in Berlin.
  const late = new Date('2018-06-15T23:30:00Z');
  assert.equal(at(page('de', 'Heute, 01:10 Uhr'), 'https://www.example.de/a', late), '2018-06-16T01:10:00+02:00');
});

test('an offset after GMT/UTC is read after an English clock, and after a spaced European one', () => {
  assert.equal(instant(at(page('en', 'June 15, 2018 10:20 GMT+2'), 'https://www.example.com/a')), Date.parse('2018-06-15T08:20:00Z'));
  assert.equal(instant(at(page('en', 'June 15, 2018 10:20 (UTC+05:30)'), 'https://www.example.com/a')), Date.parse('2018-06-15T04:50:00Z'));
  assert.equal(instant(at(page('de', '15.07.2020, 14:05 Uhr (GMT +2)'), 'https://www.example.com/a')), Date.parse('2020-07-15T12:05:00Z'));
});
