/**
 * Which candidate wins (published.ts), issue 12: a later time chosen over the article's own. On a Chinese page the
 * time printed under the headline is the article's; structured data some hours later is a CMS's index or edit time.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { enParagraphs, extractFrom, zhParagraphs } from './helpers.js';

const H = '全市将新开通12条公交线路';
const opts = { head: `<title>${H}_某某网</title>`, timezone: 'Asia/Shanghai' };
const page = (info: string): string => `<div class="art"><h1>${H}</h1><div class="info">${info}</div>${zhParagraphs(4)}</div>`;

test('structured data a few hours later than the time under the headline, on the next day, gives way to the shown time', () => {
  const head = `<title>${H}_某某网</title><meta property="article:published_time" content="2023-10-09T02:00:00+08:00">`;
  assert.equal(extractFrom(page('2023-10-08 14:30'), { ...opts, head }).publishedAt, '2023-10-08T14:30:00+08:00');
  // An earlier structured time is not overruled: the shown time may be an edit.
  const earlier = `<title>${H}_某某网</title><meta property="article:published_time" content="2023-10-07T22:00:00+08:00">`;
  assert.equal(extractFrom(page('2023-10-08 14:30'), { ...opts, head: earlier }).publishedAt, '2023-10-07T22:00:00+08:00');
});

const enPage = (above: string, under: string, comments: string): string =>
  `<div class="top">${above}</div><h1>Planning a small garden</h1><div class="meta">${under}</div>` +
  `<div class="post">${enParagraphs(4)}</div><div class="discussion">${comments}</div>`;
const enOpts = { head: '<title>Planning a small garden</title>', timezone: 'UTC' };
const comment = (day: string): string => `<div class="c"><span class="comment-date">${day}</span><p>Thanks, this helped a lot.</p></div>`;

test('an update date labelled at the headline beats the only other dates, comments below the body', () => {
  const twoComments = comment('December 2, 2025') + comment('December 9, 2025');
  // Right above the headline: not the info line under it, still the page's own statement.
  assert.equal(extractFrom(enPage('<p>Last updated: December 1, 2025</p>', 'By Ann Lee', twoComments), enOpts).publishedAt, '2025-12-01');
  // A date under the headline is the article's: the update does not replace it.
  assert.equal(extractFrom(enPage('<p>Last updated: December 1, 2025</p>', 'By Ann Lee · March 3, 2025', twoComments), enOpts).publishedAt, '2025-03-03');
  // A <time> closing the post below the body is its own date, not a comment's.
  const closing = '<p class="c">Posted on <time datetime="2025-03-03">March 3, 2025</time></p>';
  assert.equal(extractFrom(enPage('<p>Last updated: December 1, 2025</p>', 'By Ann Lee', closing + twoComments), enOpts).publishedAt, '2025-03-03');
});

test("one instant in UTC metadata and on the page's own clock across midnight: the day the page prints is the reader's", () => {
  // "…T20:15:00Z" is 04:15 the next morning in Beijing; the page prints that morning's date and clock, and nothing else
  // (no URL date, no date-only label) names either day.
  const a = extractFrom(`<h1>市民热议新规出台</h1><div>2021年03月04日 04:15</div>${zhParagraphs(6)}`, {
    head: '<title>市民热议新规出台</title><meta property="article:published_time" content="2021-03-03T20:15:00Z">',
    url: 'https://news.example.cn/a/123.html',
    timezone: 'Asia/Shanghai',
  });
  assert.equal(a.publishedAt?.slice(0, 10), '2021-03-04');
  assert.equal(Date.parse(a.publishedAt!), Date.parse('2021-03-03T20:15:00Z'));
});
