/**
 * Another story's teaser set into the article's column (picture, headline and "more" link to one page of the site,
 * over its excerpt) is left out of the body; the article's own linked prose, off-site pick boxes and a listing's
 * cards stay (body-teaser-box).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { enParagraphs, extractFrom } from './helpers.js';

const HEAD = '<title>Council expands the bus network</title>';
const URL = 'https://news.example.com/city/bus-network-expands';
/** Ten paragraphs of the article around a box set after the fifth. */
const around = (box: string): string => `<h1>Council expands the bus network</h1><article>${enParagraphs(5)}${box}${enParagraphs(5).replace(/\bThe\b/g, 'Then')}</article>`;
const EXCERPT = 'The opening of the new tram line has been pushed back to next autumn, the operator said on Monday. Engineers found cracks in two bridges along the route, and the repairs will take at least six months.';

function teaser(href: string, headline: string, excerpt: string): string {
  return `<div class="box"><div class="pic"><a href="${href}"><img src="/i.jpg" alt=""></a></div><div class="txt"><a class="title" href="${href}">${headline}</a><p class="lead">${excerpt}</p></div></div>`;
}

test('a teaser box for another story of the site, set between paragraphs, is left out', () => {
  const a = extractFrom(around(teaser('/city/tram-line-delayed', 'Tram line to the airport delayed again', EXCERPT)), { head: HEAD, url: URL });
  assert.match(a.body, /twelve new routes/);
  assert.match(a.body, /Then expansion is expected/);
  assert.ok(!a.body.includes('Tram line to the airport'), a.body);
  assert.ok(!a.body.includes('pushed back to next autumn'), a.body);
});

test('a paragraph linking one page twice in its sentences stays', () => {
  const p = `<div class="note"><p>The <a href="/city/budget-2025">city budget</a> sets aside money for the routes, and the <a href="/city/budget-2025">budget annex</a> lists each of them with its cost and its start date.</p><p>Council members said more routes could follow next year.</p></div>`;
  const a = extractFrom(around(p), { head: HEAD, url: URL });
  assert.match(a.body, /budget annex/);
});

test('a box teasing a page of another site (a pick or product box) stays', () => {
  const a = extractFrom(around(teaser('https://shop.example.org/ebike-x1', 'The E-Bike X1 folding commuter bike', EXCERPT)), { head: HEAD, url: URL });
  assert.match(a.body, /pushed back to next autumn/);
});

test('cards of a listing (each an <article> of its own) stay', () => {
  const card = (i: number) => `<article class="card">${teaser(`/apps/app-${i}`, `Note-taking app number ${i}`, `App ${i} keeps notes in sync across devices and works offline, with a free plan for students.`)}<p>Platforms: web, iOS, Android. License: proprietary, free for personal use.</p></article>`;
  const a = extractFrom(`<h1>Council expands the bus network</h1><main><p>${'Alternatives to the popular notes app, compared. '.repeat(3)}</p>${[1, 2, 3, 4, 5].map(card).join('')}</main>`, { head: HEAD, url: URL });
  assert.match(a.body, /Note-taking app number 3/);
});

test('a callout with a sentence of prose beside its linked lines stays', () => {
  const box = `<div class="callout"><p><a href="/reports/transit-plan-2025">Read the full report: Transit plan 2025</a></p><p>The plan, published on Monday, also proposes a new tram line along the river and a night bus service covering <a href="/reports/transit-plan-2025">the whole plan area</a>.</p></div>`;
  const a = extractFrom(around(box), { head: HEAD, url: URL });
  assert.match(a.body, /new tram line along the river/);
});

test("a guide's own venue write-ups (picture, linked name, description) stay", () => {
  const venue = (slug: string, name: string, text: string) => `<div class="venue"><a href="/venues/${slug}"><img src="/v.jpg"></a><h3><a href="/venues/${slug}">${name}</a></h3><p>${text}</p></div>`;
  const boxes = venue('lucias', "Lucia's Trattoria, Harbour Street", 'Hop off the 14 at Harbour Street for the best fresh pasta in town; the lunch menu is a bargain at twelve dollars and the tiramisu is worth the trip alone.') +
    venue('kiln', 'The Kiln Bakery, Market Square', 'Stay on the night bus to Market Square for sourdough that comes out of the oven at six; the cinnamon buns sell out before eight on most days.');
  const a = extractFrom(around(boxes), { head: HEAD, url: URL });
  assert.match(a.body, /tiramisu is worth the trip/);
  assert.match(a.body, /cinnamon buns sell out/);
});

test('a teaser whose excerpt ends in an ellipsis or carries a "read more" cue is still left out', () => {
  const box = `<div class="box"><a href="/city/tram-line-delayed"><img src="/i.jpg" alt=""></a><h3><a href="/city/tram-line-delayed">Tram line to the airport delayed again</a></h3><p>The opening of the new tram line has been pushed back to next autumn, the operator said on Monday. Engineers found cracks in two …</p><a href="/city/tram-line-delayed">Read more</a></div>`;
  const a = extractFrom(around(box), { head: HEAD, url: URL });
  assert.ok(!a.body.includes('pushed back to next autumn'), a.body);
});

test('a box linking back to the article itself is no teaser, whatever <base href> says', () => {
  const box = `<div class="update"><a href="/city/bus-network-expands#update"><img src="/i.jpg" alt=""></a><p><a href="/city/bus-network-expands#update">Update: route map for the new lines</a></p><p>Route 7 will now stop at the hospital, the department said.</p></div>`;
  const a = extractFrom(around(box), { head: `<base href="https://news.example.com/">${HEAD}`, url: URL });
  assert.match(a.body, /stop at the hospital/);
});
