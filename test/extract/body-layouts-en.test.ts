/**
 * English body layouts the corpora hold few of (issue 12): an article cut into chunks whose last one carries
 * several modifier classes, the writer's box under the article, and closing calls to sign up.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { enParagraphs, extractFrom } from './helpers.js';

const head = '<title>City expands bus network</title>';
const h1 = '<h1>City expands bus network</h1>';

const PARAS = [
  'Transit planners first proposed the riverside loop in 2019, but the pandemic froze the budget for two whole years.',
  'Drivers’ unions backed the plan after the city agreed to hire ninety operators and to build two new depots nearby.',
  'Critics on the council argued that the money would be better spent on repairing the crumbling tram line instead.',
  'A public hearing on the timetable is set for next month at the central library, and written comments are welcome.',
];

test('chunks of one class, the last flagged by two modifier words, are all the article', () => {
  // Each chunk in a wrapper of its own, ads between: the last chunk, the longest, scores above their common parent.
  const chunk = (p: string) => `<div data-area="text"><div class="RichText lg:w-8/12 px-24"><p>${p}</p><p>${PARAS[3]}</p></div></div>`;
  const ad = '<div class="slot"><div class="sticky"><div class="gujAd"><a href="/ad">Advertisement</a></div></div></div>';
  const last = `<div data-area="text"><div class="RichText RichText--lastPmb0 RichText--lastInline lg:w-8/12 px-24">${enParagraphs(5)}</div></div>`;
  const a = extractFrom(`${h1}<main><article><div><div><section>${chunk(PARAS[0])}${ad}${chunk(PARAS[1])}${ad}${last}</section></div></div></article></main>`, { head });
  for (const p of PARAS.slice(0, 2)) assert.ok(a.body.includes(p.slice(0, 40)), `body keeps "${p.slice(0, 40)}": ${a.body}`);
  // A box whose extra word is another component's class (not a modifier of the chunk's) stays out.
  const other = `<div class="wrap"><div class="RichText PromoBox lg:w-8/12 px-24"><p>Our new app is out now for every phone with offline maps, live arrivals and trip alerts for riders everywhere.</p></div></div>`;
  const b = extractFrom(`${h1}<main><article><section><div class="wrap"><div class="RichText lg:w-8/12 px-24">${enParagraphs(4)}</div></div>${other}</section></article></main>`, { head });
  assert.match(b.body, /expand the downtown bus network/);
  assert.ok(!b.body.includes('Our new app is out now'), b.body);
});

const bio = (inner: string) => `<div class="author_detail_box clearfix">${inner}</div>`;
const writerBox = bio(
  '<img class="avatar" src="/a.jpg" alt=""><div class="clearfix"><h3><a href="/author/jane-doe/">Jane Doe</a></h3>' +
    '<div class="social_icon"><a href="https://twitter.com/janedoe" aria-label="Twitter"></a></div>' +
    '<p>Senior reporter covering transport and city hall since 2012, with stints at two regional papers. Keen cyclist. <a href="/author/jane-doe/">View Full Profile</a></p></div>',
);

test("the writer's box under the article (profile link, bio) is left out whatever its class says", () => {
  const a = extractFrom(`${h1}<article><div class="post-inner">${enParagraphs(5)}${writerBox}</div></article>`, { head });
  assert.match(a.body, /expand the downtown bus network/);
  assert.match(a.body, /funded largely by a state grant/);
  assert.ok(!a.body.includes('Senior reporter covering transport'), a.body);
  // rel="author" and a schema.org Person mark it as well as an /author/ path.
  const person = '<div class="box"><div itemprop="author" itemscope itemtype="https://schema.org/Person"><div><b>Jane Doe</b></div><div>Jane Doe has covered transport and city hall for the paper since 2012, after years at two regional dailies.</div></div></div>';
  const b = extractFrom(`${h1}<article><div class="post-inner">${enParagraphs(5)}${person}</div></article>`, { head });
  assert.match(b.body, /expand the downtown bus network/);
  assert.ok(!b.body.includes('has covered transport and city hall'), b.body);
});

test('a paragraph naming a staff page in passing, and a profile link before more prose, stay in the article', () => {
  const passing = '<p>The plan was drawn up by <a href="/people/ann-lee/">Ann Lee</a>, the council’s transport lead, who said it would be reviewed after a year of service.</p>';
  const a = extractFrom(`${h1}<article><div class="post-inner">${enParagraphs(4)}${passing}</div></article>`, { head });
  assert.match(a.body, /drawn up by Ann Lee/);
  // A box-shaped quote from a contributor in the middle of the article (prose after it) is the article's.
  const quote = '<div class="pull"><div><a href="/contributors/ann-lee/">Ann Lee</a></div><div>“We expect the new routes to take thousands of cars off the road within the first year,” the transport lead said on Tuesday.</div></div>';
  const b = extractFrom(`${h1}<article><div class="post-inner">${enParagraphs(2)}${quote}${enParagraphs(5).slice(0)}</div></article>`, { head });
  assert.match(b.body, /take thousands of cars off the road/);
});

test('the next story appended under the article (infinite scroll) is left out; a live blog keeps its entries', () => {
  const story = (title: string, paras: string) => `<article class="article-entity"><header><h1>${title}</h1></header><div class="bodytext">${paras}</div></article>`;
  const next = `<p>${PARAS[0]}</p><p>${PARAS[1]}</p><p>${PARAS[2]}</p><p>${PARAS[3]}</p><p>${PARAS[0]}</p><p>${PARAS[2]}</p>`;
  const page = `<main>${story('City expands bus network', enParagraphs(5))}<div class="under-article">${story('Harbour bridge to close for repairs', next)}</div></main>`;
  const a = extractFrom(page, { head });
  assert.match(a.body, /expand the downtown bus network/);
  assert.ok(!a.body.includes('riverside loop'), a.body);
  // Live-blog entries are <article>s under a headline that none of them holds: all of them are the body.
  const entry = (t: string, p: string) => `<article class="entry"><h2>${t}</h2><p>${p}</p><p>${p}</p></article>`;
  const blog = extractFrom(`<main><h1>City expands bus network</h1><div class="feed">${entry('10:02 Vote passes', PARAS[0])}${entry('10:15 Unions react', PARAS[1])}${entry('10:40 Critics speak', PARAS[2])}</div></main>`, { head });
  for (const p of PARAS.slice(0, 3)) assert.ok(blog.body.includes(p.slice(0, 40)), `live blog keeps "${p.slice(0, 40)}": ${blog.body}`);
});

test("the site's calls to sign up, book a demo or follow it are left out; the article's own talk of signing up stays", () => {
  const plug = '<p>Love buses? Our Transit Weekly newsletter has the best route news, delivered right to your inbox. Sign up now!</p>';
  const demo = '<p>Running a fleet? Book a free demo of RouteDesk and see how scheduling gets easier.</p><p>Follow Transit Daily on Google News and add us as a preferred source to get our news in your feeds.</p>';
  const about = '<p>Riders can sign up for the new loyalty program at any station and earn a free ride for every ten they pay for.</p>';
  const a = extractFrom(`${h1}<article><div class="entry-content">${enParagraphs(3)}${plug}${about}${enParagraphs(5).slice(0)}${demo}</div></article>`, { head });
  assert.match(a.body, /sign up for the new loyalty program/);
  assert.ok(!a.body.includes('delivered right to your inbox'), a.body);
  assert.ok(!a.body.includes('Book a free demo'), a.body);
  assert.ok(!a.body.includes('preferred source'), a.body);
  // WordPress's comment-form labels left in the column.
  const form = '<p>Your email address will not be published. Required fields are marked *</p><p>Save my name, email, and website in this browser for the next time I comment.</p>';
  const b = extractFrom(`${h1}<article><div class="entry-content">${enParagraphs(5)}${form}</div></article>`, { head });
  assert.match(b.body, /expand the downtown bus network/);
  assert.ok(!b.body.includes('will not be published'), b.body);
  assert.ok(!b.body.includes('Save my name'), b.body);
});

test('closing calls to get in touch, sign up to the email or join the site on a messenger are left out', () => {
  const calls =
    '<p>Want to see how we can plan your routes? Get in touch with us today.</p>' +
    '<p>Want weekly updates? Use the form below to sign up to our weekly email so that you do not miss out!</p>' +
    '<p>Get the latest transit news to your phone. Join us on WhatsApp.</p>';
  const about = '<p>Riders who get in touch with the depot can report a missed stop, and the city says replies come within a week.</p>';
  const a = extractFrom(`${h1}<article><div class="entry-content">${enParagraphs(4)}${about}${enParagraphs(2)}${calls}</div></article>`, { head });
  assert.match(a.body, /get in touch with the depot/);
  assert.ok(!a.body.includes('Get in touch with us today'), a.body);
  assert.ok(!a.body.includes('weekly email'), a.body);
  assert.ok(!a.body.includes('Join us on WhatsApp'), a.body);
});

test("the site's affiliate disclosure and opinion disclaimer are left out, even as the first line", () => {
  const disclosure = '<p>This article contains affiliate links that may earn us a commission at no extra cost to you.</p>';
  const disclaimer = '<p>The views expressed by the authors of this blog are their own and do not necessarily reflect the views of the publisher.</p>';
  const a = extractFrom(`${h1}<article><div class="entry-content">${disclosure}${enParagraphs(5)}${disclaimer}</div></article>`, { head });
  assert.match(a.body, /expand the downtown bus network/);
  assert.ok(!a.body.includes('affiliate links'), a.body);
  assert.ok(!a.body.includes('necessarily reflect'), a.body);
});

test('a column of many notes, each with its writer link, is no writer box (and is not walked note by note)', () => {
  const notes = Array.from({ length: 300 }, (_, i) => `<div class="i"><div><a href="/author/w${i}/">Writer ${i}</a></div><p>Wrote a short note about the buses, the trams and the ferries, number ${i}.</p></div>`).join('');
  const a = extractFrom(`${h1}<article><div class="post-inner">${enParagraphs(5)}${notes}</div></article>`, { head });
  assert.match(a.body, /the trams and the ferries, number 299\./);
});

test("a review's pricing line and a closing paragraph linking to a sports club's page stay in the article", () => {
  const pricing = '<p>You can try it free for 30 days, after which the plan costs $9.99 a month or $99 a year for the whole family.</p>';
  const a = extractFrom(`${h1}<article><div class="entry-content">${enParagraphs(5)}${pricing}</div></article>`, { head });
  assert.match(a.body, /after which the plan costs/);
  const club = '<div><p>The <a href="/nba/team/_/name/bos/boston-celtics">Celtics</a> host the Knicks on Friday night, the last game before the break.</p></div>';
  const b = extractFrom(`${h1}<article><div class="post-inner">${enParagraphs(5)}${club}</div></article>`, { head });
  assert.match(b.body, /host the Knicks on Friday night/);
});
