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
