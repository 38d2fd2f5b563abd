/**
 * A published date printed at the headline against structured data that names another day (time-shown.ts): the
 * printed day wins when it is days earlier (the markup re-dated the page) and no line of the page names the markup's day.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractArticle } from '../../src/extract/index.js';
import { enParagraphs, extractFrom, zhParagraphs } from './helpers.js';

const T = 'How much to charge for a yoga class';
const ld = (day: string): string => `<title>${T}</title><script type="application/ld+json">{"@type":"Article","headline":"${T}","datePublished":"${day}"}</script>`;
const page = (info: string, end = ''): string => `<article><h1>${T}</h1><div class="meta"><span>${info}</span></div>${enParagraphs(4)}${end}</article>`;
const opts = (day: string) => ({ head: ld(day), url: 'https://blog.example.com/how-much-to-charge', timezone: 'UTC' });

test('a published date printed under the headline, months before the structured one, is the article date', () => {
  assert.equal(extractFrom(page('By Ann Lee · August 25, 2024'), opts('2025-06-24')).publishedAt, '2024-08-25');
  // Printed above the headline, right over it, too.
  const above = `<article><p>August 25, 2024</p><h1>${T}</h1>${enParagraphs(4)}</article>`;
  assert.equal(extractFrom(above, opts('2025-06-24')).publishedAt, '2024-08-25');
});

test('the structured date stays when the printed one is later, a day apart, labelled an update, or the page names its day', () => {
  // Later: an update the page does not label as one.
  assert.equal(extractFrom(page('By Ann Lee · July 16, 2025'), opts('2022-02-08')).publishedAt, '2022-02-08');
  // A day earlier: one instant in two zones ("…T00:47:31Z" printed as the evening before).
  assert.equal(extractFrom(page('By Ann Lee · June 23, 2025'), opts('2025-06-24T00:47:31Z')).publishedAt, '2025-06-24T00:47:31+00:00');
  // A labelled update at the headline keeps the structured published date.
  assert.equal(extractFrom(page('Updated August 25, 2024'), opts('2025-06-24')).publishedAt, '2025-06-24');
  // The page's closing line names the structured day: the markup is witnessed.
  const closing = '<p class="posted">This entry was posted on June 24, 2025.</p>';
  assert.equal(extractFrom(page('By Ann Lee · August 25, 2024', closing), opts('2025-06-24')).publishedAt, '2025-06-24');
});

test('meta names "published" and "modified" are read as such; a plain description is not a date', () => {
  const head = (meta: string): string => `<title>${T}</title>${meta}`;
  const body = page('By Ann Lee');
  assert.equal(extractFrom(body, { head: head('<meta name="published" content="July 17, 2025">'), timezone: 'UTC' }).publishedAt, '2025-07-17');
  const both = extractFrom(body, { head: head('<meta name="published" content="2025-07-17"><meta name="modified" content="2025-09-02">'), timezone: 'UTC' });
  assert.equal(both.publishedAt, '2025-07-17');
  assert.equal(both.modifiedAt, '2025-09-02');
  // A modified meta alone does not become the publish date.
  assert.equal(extractFrom(body, { head: head('<meta name="modified" content="2025-09-02">'), timezone: 'UTC' }).publishedAt, undefined);
});

test("the URL's day keeps the article's <time> out of a dated list it opens; without one the list penalty stands", () => {
  const H = 'A working mom seeks balance';
  const other = (d: string, t: string): string => `<li><a href="/x">An older post</a> <time datetime="${d}">${t}</time></li>`;
  const body =
    `<div class="side"><p>Posted on <span class="date">October 7, 2008</span></p></div><h1>${H}</h1>` +
    `<div class="entry-meta"><time datetime="2015-01-08T10:07:06-05:00">January 8, 2015</time></div>` +
    `<ul class="recent">${other('2008-10-07T11:49:07-04:00', 'October 7, 2008')}${other('2008-10-10T15:44:08-04:00', 'October 10, 2008')}${other('2009-06-06T06:03:16-04:00', 'June 6, 2009')}</ul>` +
    `<div class="entry">${enParagraphs(4)}</div>`;
  const at = (url: string): string | undefined => extractFrom(body, { head: `<title>${H}</title>`, url, timezone: 'UTC' }).publishedAt;
  assert.equal(at('https://blog.example.org/2015/01/08/a-working-mom/'), '2015-01-08T10:07:06-05:00');
  assert.equal(at('https://blog.example.org/a-working-mom/'), '2008-10-07T11:49:07-04:00');
});

test('Spanish "3 de marzo del 2021" is read; a year-less "3 de marzo" alone is not a full date', () => {
  const es = (info: string): string | undefined => extractFrom(page(info), { head: `<title>${T}</title>`, timezone: 'UTC' }).publishedAt;
  assert.equal(es('Publicado el 3 de marzo del 2021'), '2021-03-03');
  assert.equal(es('Publicado el 3 de marzo de 2021'), '2021-03-03');
  assert.equal(es('Publicado el 3 de marzo, sin año'), undefined);
});

// Review probes (rvdate): dates near the headline that are not the article's own publish line keep the markup's date.
const story = (above: string, below: string): string => `${above}<article><h1>${T}</h1>${below}${enParagraphs(4)}</article>`;
const at = (html: string, day = '2025-03-07T12:00:00Z'): string | undefined => extractFrom(html, opts(day)).publishedAt;
const KEPT = '2025-03-07T12:00:00+00:00';

test("a lede's, standfirst's or dateline's sentence and a caption at the headline do not replace the structured date", () => {
  assert.equal(at(story('', '<p class="byline">By Ann Lee</p><p>On Monday, March 3, 2025, the city council voted to expand the downtown bus network, adding twelve new routes.</p>')), KEPT);
  assert.equal(at(story('', '<p>The vote, held on March 3, 2025, followed months of debate over the cost of the expansion and its funding.</p>')), KEPT);
  assert.equal(at(story('', '<p>WASHINGTON, March 3, 2025 — The city council voted on Tuesday to expand the downtown bus network.</p>')), KEPT);
  assert.equal(at(story('', '<p>NEW YORK, March 3, 2025 /PRNewswire/ -- Acme Corp. today announced record results for the quarter.</p>')), KEPT);
  assert.equal(at(story('', '<p class="dek">On March 3, 2021, the river rose six metres in a night.</p><p class="byline">By Ann Lee</p>')), KEPT);
  assert.equal(at(story('', '<img src="/a.jpg"><p class="photo-credit">Buses wait at the depot, March 3, 2025. (Photo: Ann Lee)</p>')), KEPT);
  // A bare printed date line still replaces it (the positive case above, here in the same frame).
  assert.equal(at(story('', '<p class="date">March 3, 2025</p>')), '2025-03-03');
  assert.equal(at(story('', '<p class="date">Published Mar 3, 2025</p>')), '2025-03-03');
});

test('a date at the headline under a label other than a publish label keeps the structured date', () => {
  assert.equal(at(story('', '<p class="byline">Medically reviewed by Dr. Ann Lee on March 3, 2025</p>')), KEPT);
  assert.equal(at(story('', '<p class="byline">Ann Lee · Member since March 3, 2021</p>')), KEPT);
  assert.equal(at(story('', '<div class="meta">Match day: Saturday, March 1, 2025</div><div class="byline">By Ann Lee, 2 hours ago</div>'), '2025-03-05T09:00:00Z'), '2025-03-05T09:00:00+00:00');
  assert.equal(at(story('', '<div class="event-info">O2 Arena, London — Monday, March 3, 2025</div>'), '2025-03-05T08:00:00Z'), '2025-03-05T08:00:00+00:00');
  assert.equal(at(`<div class="ticker">Latest: Mayor resigns — March 3, 2025</div>${story('', '<p class="byline">By Ann Lee</p>')}`), KEPT);
  assert.equal(at(story('', '').replace('<article>', '<article><p class="kicker">Election 2025</p><p>Live updates from March 3, 2025</p>')), KEPT);
});

test('an earlier printing\'s date ("Originally published", "first published", "Erstmals erschienen") does not replace it', () => {
  const day = '2025-06-24T09:00:00Z';
  const kept = '2025-06-24T09:00:00+00:00';
  assert.equal(at(story('', '<div class="meta">By Ann Lee · Originally published March 3, 2021</div>'), day), kept);
  assert.equal(at(story('', '<div class="meta">Originally published March 3, 2021</div>'), day), kept);
  assert.equal(at(story('', '<div class="meta">Part 4 of our series, first published March 3, 2021</div>'), day), kept);
  assert.equal(at(story('', '<p class="meta">Erstmals erschienen am 3. März 2021</p>'), day), kept);
});

test("Chinese pages keep the structured date over the info line's (reprint portals print the source's date there)", () => {
  const zh = (head: string): string | undefined =>
    extractArticle(`<!DOCTYPE html><html lang="zh-CN"><head><title>全市新开通12条公交线路</title>${head}</head><body><div class="article"><h1>全市新开通12条公交线路</h1><div class="info">2025年03月05日 来源：人民网</div>${zhParagraphs(4)}</div></body></html>`, { url: 'https://news.example.cn/a/1.html', timezone: 'UTC' }).publishedAt;
  assert.equal(zh('<meta property="article:published_time" content="2025-03-10T08:00:00+08:00">'), '2025-03-10T08:00:00+08:00');
  assert.equal(zh(`<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2025-03-10T08:00:00+08:00"}</script>`), '2025-03-10T08:00:00+08:00');
});

test('a generic meta "published" does not beat a printed byline date; an update meta before the publish date is dropped', () => {
  const head = (meta: string): string => `<title>${T}</title>${meta}`;
  const byline = story('', '<p class="byline">By Ann Lee · March 3, 2025</p>');
  assert.equal(extractFrom(byline, { head: head('<meta name="published" content="2010-01-01">'), timezone: 'UTC' }).publishedAt, '2025-03-03');
  const old = extractFrom(byline, { head: head('<meta name="modified" content="2010-01-01">'), timezone: 'UTC' });
  assert.equal(old.publishedAt, '2025-03-03');
  assert.equal(old.modifiedAt, undefined);
  assert.equal(extractFrom(byline, { head: head('<meta name="revised" content="Kevin Smith, 12/04/2003">'), timezone: 'UTC' }).modifiedAt, undefined);
  // A later update meta stays.
  assert.equal(extractFrom(byline, { head: head('<meta name="modified" content="2025-09-02">'), timezone: 'UTC' }).modifiedAt, '2025-09-02');
});
