/**
 * Publish times on pages without metadata (issue 12, the eval's `--perturb bare`): the time must come from the visible
 * page. Synthetic pages with no <meta>, JSON-LD or microdata.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDateText } from '../../src/extract/dates.js';
import { dateFromUrl } from '../../src/extract/dates-machine.js';
import { extractArticle } from '../../src/extract/index.js';
import { enParagraphs } from './helpers.js';

const utc = { timezone: 'UTC' };

function page(body: string, lang = 'en', title = 'Governor endorses revised state budget'): string {
  return `<!DOCTYPE html><html lang="${lang}"><head><title>${title}</title></head><body><h1>${title}</h1>${body}</body></html>`;
}

test('a clock printed before the date, with AM/PM, a zone or a weekday between, is the date\'s time', () => {
  assert.deepEqual(parseDateText('11:00 AM PDT • May 16, 2024', utc), { year: 2024, month: 5, day: 16, hour: 11, minute: 0, offsetMinutes: -420 });
  assert.deepEqual(parseDateText('17:41 JST, October 13, 2024', utc), { year: 2024, month: 10, day: 13, hour: 17, minute: 41, offsetMinutes: 540 });
  assert.deepEqual(parseDateText('Published: 15:56 BST, 27 April 2024 | Updated: 15:57 BST, 27 April 2024', utc), { year: 2024, month: 4, day: 27, hour: 15, minute: 56, offsetMinutes: 60 });
  assert.deepEqual(parseDateText('11:48, Thu, Jul 18, 2024 | UPDATED: 11:50, Thu, Jul 18, 2024', utc), { year: 2024, month: 7, day: 18, hour: 11, minute: 48 });
  assert.deepEqual(parseDateText('9:05 pm, March 3, 2025', utc), { year: 2025, month: 3, day: 3, hour: 21, minute: 5 });
  // A word after the clock that is no zone is a name or label: the date stands alone. So does an impossible clock.
  assert.deepEqual(parseDateText('10:20 BY, May 5, 2020', utc), { year: 2020, month: 5, day: 5 });
  assert.deepEqual(parseDateText('25:30, May 5, 2020', utc), { year: 2020, month: 5, day: 5 });
  // The Chinese form it was written for still reads.
  assert.deepEqual(parseDateText('14:30 2023-10-08', utc), { year: 2023, month: 10, day: 8, hour: 14, minute: 30 });
});

test('a media length or a verse before a date is no clock: a bare one before a month-first date, or one after a word', () => {
  const day = (month: number, d: number) => ({ year: 2024, month, day: d });
  // A length with only a bullet or pipe before the date (video and podcast pages).
  assert.deepEqual(parseDateText('Video 3:41 • July 18, 2024', utc), day(7, 18));
  assert.deepEqual(parseDateText('1:45 | May 16, 2024', utc), day(5, 16));
  assert.deepEqual(parseDateText('Episode 42 · 45:10 · Listen 4:32 · Jul 18, 2024', utc), day(7, 18));
  assert.deepEqual(parseDateText('Duration 02:31 · May 16, 2024', utc), day(5, 16));
  assert.deepEqual(parseDateText('1:45 | 16 May 2024', utc), day(5, 16));
  // A weekday or a zone does not make a clock of a verse, a score or a kickoff named by the word before it.
  assert.deepEqual(parseDateText('John 3:16, Sunday, May 5, 2024', utc), day(5, 5));
  assert.deepEqual(parseDateText('Score 21:19 Sat, Oct 12, 2024', utc), day(10, 12));
  assert.deepEqual(parseDateText('Kick-off 15:00 GMT, 27 April 2024', utc), day(4, 27));
  // A publish or update label before the clock is the clock's own.
  assert.deepEqual(parseDateText('Updated20:49, 5 Aug 2024', utc), { year: 2024, month: 8, day: 5, hour: 20, minute: 49 });
  assert.deepEqual(parseDateText('Last updated: 9:05 pm, March 3, 2025', utc), { year: 2025, month: 3, day: 3, hour: 21, minute: 5 });
});

test('a URL path naming the month in English (/2023/apr/28/) dates the page', () => {
  assert.deepEqual(dateFromUrl('https://www.example.com/news/2023/apr/28/indiana-budget/'), { year: 2023, month: 4, day: 28 });
  assert.deepEqual(dateFromUrl('https://www.example.com/world/2016/November/29/x'), { year: 2016, month: 11, day: 29 });
  assert.deepEqual(dateFromUrl('https://www.example.com/2016/nov/x'), { year: 2016 });
  assert.deepEqual(dateFromUrl('https://www.example.com/2023/april/28/x'), { year: 2023, month: 4, day: 28 });
  assert.deepEqual(dateFromUrl('https://www.example.com/2020/sept/3/x'), { year: 2020, month: 9, day: 3 });
});

test('a URL word that only starts like a month is no month, and an impossible day keeps the year', () => {
  assert.deepEqual(dateFromUrl('https://www.example.com/2019/marketing/12/x'), { year: 2019 });
  assert.deepEqual(dateFromUrl('https://www.example.com/blog/2020/decisions/3/'), { year: 2020 });
  assert.deepEqual(dateFromUrl('https://www.example.com/2021/junior/5/roster'), { year: 2021 });
  assert.deepEqual(dateFromUrl('https://www.example.com/2018/augusta/14/'), { year: 2018 });
  assert.deepEqual(dateFromUrl('https://www.example.com/2020/feb/30/x'), { year: 2020 });
});

test("an ambiguous zone abbreviation is read on the page's own clock: IST on an Irish page is Irish time", () => {
  const url = 'https://www.rte.ie/news/1445678-budget/';
  // No zone is given: the page's country (.ie) and language tag (en-IE) say where its clock is.
  for (const line of ['11:48 IST, 27 April 2024', '27 April 2024 11:48 IST']) {
    assert.equal(extractArticle(page(`<p class="meta">${line}</p>${enParagraphs()}`, 'en-IE'), { url }).publishedAt, '2024-04-27T11:48:00+01:00');
  }
  assert.deepEqual(parseDateText('11:48 IST, 27 April 2024', { timezone: 'UTC', shownZone: 'Europe/Dublin' }), { year: 2024, month: 4, day: 27, hour: 11, minute: 48, offsetMinutes: 60 });
  // Elsewhere IST stays India's (moneycontrol.com's "01:38:07 PM IST Nov 20, 2019").
  assert.equal(parseDateText('11:48 IST, 27 April 2024', utc)?.offsetMinutes, 330);
  // CST on a page from China (a .cn host or a Chinese page) is China's; elsewhere US Central.
  const cn = extractArticle(page(`<p class="meta">10:30 CST, May 5, 2024</p>${enParagraphs()}`), { url: 'https://www.chinadaily.com.cn/a/202405/05/x.html' });
  assert.equal(cn.publishedAt, '2024-05-05T10:30:00+08:00');
  assert.equal(parseDateText('10:30 CST, May 5, 2024', utc)?.offsetMinutes, -360);
  // BST on a British page is London's clock: a template printing it in December shows GMT.
  assert.deepEqual(parseDateText('15:56 BST, 27 Dec 2024', { timezone: 'UTC', shownZone: 'Europe/London' })?.offsetMinutes, 0);
  assert.deepEqual(parseDateText('15:56 BST, 27 April 2024', { timezone: 'UTC', shownZone: 'Europe/London' })?.offsetMinutes, 60);
});

/** Sixteen links to other stories: a sidebar that pushes what follows it away from the headline. */
const SIDEBAR = `<div class="rail"><ul>${Array.from({ length: 16 }, (_, i) => `<li><a href="/o/${i}">Other story number ${i + 1} about the budget</a></li>`).join('')}</ul></div>`;

test("a teaser's, caption's or promo's date right above the body is not the article's", () => {
  const story = `<div class="story">${enParagraphs(5)}</div>`;
  const dated = 'https://news.example.com/2023/04/28/budget/';
  const undated = 'https://news.example.com/a/1.html';
  const teaser = '<div class="teaser"><a href="/x">Budget vote delayed</a><p>March 3, 2023</p></div>';
  assert.equal(extractArticle(page(SIDEBAR + teaser + story), { url: dated }).publishedAt, '2023-04-28');
  assert.equal(extractArticle(page(SIDEBAR + teaser + story), { url: undated }).publishedAt, undefined);
  for (const box of [
    '<figure><img src="/a.jpg"><figcaption>The statehouse, March 3, 2019</figcaption></figure>',
    '<div class="img"><img src="/a.jpg"><p class="credit">AP Photo, March 3, 2019</p></div>',
    '<div class="promo"><p>Newsletter: next issue Friday, May 5, 2023</p></div>',
    '<div class="event"><p>Budget hearing</p><p>Tuesday, May 16, 2023</p></div>',
  ]) {
    assert.equal(extractArticle(page(SIDEBAR + box + story), { url: undated }).publishedAt, undefined, box);
  }
});

test("a story's first sentence or a fact box after a long lead caption does not beat the URL's date", () => {
  const caption = `<figure><img src="/bus.jpg" alt=""><figcaption>${[1, 2, 3, 4].map((i) => `<p>Caption line ${i} about buses at the depot.</p>`).join('')}</figcaption></figure>`;
  const url = 'https://news.example.com/2024/05/15/buses/';
  for (const first of ['<p>The plan was first announced on March 3, 2019.</p>', '<p>WASHINGTON (AP) — On Jan. 6, 2021, rioters stormed the Capitol.</p>', '<ul><li>Founded: March 3, 1998</li><li>Routes: 12</li></ul>']) {
    const html = page(`<div class="share"><a href="#">Post</a> <a href="#">Share</a></div><div class="story">${caption}${first}${enParagraphs(5)}${enParagraphs(5)}</div>`, 'en', 'Council expands the downtown bus network');
    assert.equal(extractArticle(html, { url }).publishedAt, '2024-05-15', first);
  }
});

test("a podcast's or video's length beside a date is not the publish time", () => {
  const ep = '<p class="byline">By Ann Lee · July 17, 2024</p><p class="ep">Episode 42 · 45:10 · Listen 4:32 · Jul 18, 2024</p>';
  assert.equal(extractArticle(page(ep + enParagraphs(5), 'en', 'Podcast: the budget explained'), { url: 'https://news.example.com/a/1.html' }).publishedAt, '2024-07-17');
  const video = '<p class="meta">Video 3:41 • July 18, 2024</p>';
  assert.equal(extractArticle(page(video + enParagraphs(5), 'en', 'Video: the budget explained'), { url: 'https://news.example.com/a/1.html' }).publishedAt, '2024-07-18');
});
