/**
 * Several writers, each credited in an element or a meta tag of their own (issue 12: "several authors cut to the
 * first"), and the names such elements give.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractFrom, enParagraphs, zhParagraphs } from './helpers.js';

const zhPage = (info: string, head = ''): string =>
  extractFrom(`<div class="article"><h1>全市新开通十二条公交线路方便市民出行</h1>${info}<div class="content">${zhParagraphs(5)}</div></div>`, { head }).author ?? '';
const enPage = (info: string, head = ''): string | undefined =>
  extractFrom(`<article><h1>City council expands the downtown bus network</h1>${info}${enParagraphs(5)}</article>`, { head }).author;

test('co-writers in sibling byline elements are all the writers (Chinese)', () => {
  assert.equal(zhPage('<div class="info"><span class="time">2024-05-01 10:00</span><span class="author">张三</span><span class="author">李四</span></div>'), '张三 李四');
  assert.equal(zhPage('<div class="info"><span class="time">2024-05-01 10:00</span><a class="author" href="/u/1">张三</a>、<a class="author" href="/u/2">李四</a></div>'), '张三 李四');
});

test('co-writers in sibling byline elements, each with a job title, inside a byline wrapper (English)', () => {
  const info = '<div class="authors"><div class="author"><a href="/authors/jane-doe">Jane Doe</a><span class="job-title">News Reporter</span></div><div class="author"><a href="/authors/john-roe">John Roe</a><span class="job-title">News Reporter</span></div><div class="author"><a href="/authors/mary-major">Mary Major</a></div></div>';
  assert.equal(enPage(info), 'Jane Doe, John Roe, Mary Major');
});

test('a sibling element crediting another role, or a list of titles, adds no writer', () => {
  const roles = '<p class="authors"><span>Written by</span> <a href="/author/jane-doe">Jane Doe</a></p><p class="authors"><span>Fact-checked by</span> <a href="/author/john-roe">John Roe</a></p>';
  assert.equal(enPage(roles), 'Jane Doe');
  const cards = '<div class="byline">Jane Doe</div><div class="byline">Ten Ways to Sleep Better at Night</div><div class="byline">4 Relaxation Activities for Better Sleep</div>';
  assert.equal(enPage(cards), 'Jane Doe');
});

test('the printed co-writers win over structured data naming one of them', () => {
  const head = '<script type="application/ld+json">{"@type":"NewsArticle","headline":"City council expands the downtown bus network","author":[{"@type":"Person","name":"John Roe"}]}</script>';
  const info = '<div class="bylines"><div class="byline"><address><a rel="author" href="mailto:jd@example.no"><span class="firstname">Jane</span> <span class="lastname">Doe</span></a></address></div><div class="byline"><address><a rel="author" href="mailto:jr@example.no"><span class="firstname">John</span> <span class="lastname">Roe</span></a></address></div></div>';
  assert.equal(enPage(info, head), 'Jane Doe, John Roe');
  // Structured data naming the one writer the page prints stays as it is.
  assert.equal(enPage('<p class="byline">By John Roe</p>', head), 'John Roe');
});

test('a name split over first-name and last-name spans is one name', () => {
  const info = '<div class="byline"><a rel="author" href="mailto:ml@example.no"><span class="firstname">Marlene</span> <span class="lastname">Lundberg Holm</span></a></div>';
  assert.equal(enPage(info), 'Marlene Lundberg Holm');
});

test('repeated author meta tags (and a paper\'s citation_author list) give every writer', () => {
  assert.equal(enPage('', '<meta name="author" content="Jane Doe"><meta name="author" content="John Roe">'), 'Jane Doe, John Roe');
  assert.equal(enPage('', '<meta name="citation_author" content="Jane Doe"><meta name="citation_author" content="John Roe"><meta name="citation_author" content="Mary Major">'), 'Jane Doe, John Roe, Mary Major');
  // A tag naming the site beside a person is not a list of writers.
  assert.equal(enPage('', '<meta name="author" content="Jane Doe"><meta name="author" content="Example News">'), 'Jane Doe');
});

test("a footer's <address> with a postal address or phone number is no byline", () => {
  const footer = '<footer><address>Rua Example 12<br>Urb. Lagoa Sol, Lote 3<br>8400-357 Lagoa</address></footer>';
  assert.equal(extractFrom(`<article><h1>City council expands the downtown bus network</h1>${enParagraphs(5)}</article>${footer}`).author, undefined);
  // A writer's <address> still is one.
  assert.equal(enPage('<address>Jane Doe</address>'), 'Jane Doe');
});

test('co-writers bracketed after the writer ("(with …)", "(avec … et …)") are writers too', () => {
  assert.equal(enPage('<p class="byline">By <a href="/p/jd">Jane Doe</a> (with John Roe and Mary Major)</p>'), 'Jane Doe, John Roe, Mary Major');
  assert.equal(enPage('<span class="auteur">Par <a href="/journaliste/jd">Jeanne Dupont</a> (avec Paul Martin et Marie Curie)</span>'), 'Jeanne Dupont, Paul Martin, Marie Curie');
  // A bracket naming no people adds nothing.
  assert.equal(enPage('<p class="byline">By <a href="/p/jd">Jane Doe</a> (with additional reporting)</p>'), 'Jane Doe');
});

test('a sibling byline element whose role printed after the name is another job, or labelled as editing, adds no writer', () => {
  const jane = '<div class="author"><a href="/p/jd">Jane Doe</a><span>Reporter</span></div>';
  for (const role of ['Photographer', 'Editor']) {
    const info = `<div class="authors">${jane}<div class="author"><a href="/p/mm">Mary Major</a><span>${role}</span></div></div>`;
    assert.equal(enPage(info), 'Jane Doe', role);
    const ld = '<script type="application/ld+json">{"@type":"NewsArticle","headline":"City council expands the downtown bus network","author":{"@type":"Person","name":"Jane Doe"}}</script>';
    assert.equal(enPage(info, ld), 'Jane Doe', `${role} with JSON-LD`);
  }
  assert.equal(enPage(`<div class="authors">${jane}<div class="author">Edited by <a href="/p/jr">John Roe</a></div></div>`), 'Jane Doe');
});

test('a bracket crediting work, not people, after the writer adds no co-writer', () => {
  assert.equal(enPage('<p class="byline">By Jane Doe (with Additional Reporting)</p>'), 'Jane Doe');
  assert.equal(enPage('<p class="byline">By Jane Doe (with Video and Graphics)</p>'), 'Jane Doe');
  assert.equal(enPage('<p class="byline">By Jane Doe (with John Roe)</p>'), 'Jane Doe, John Roe');
});

test('citation_author names written surname first ("Doe, Jane") are read given name first', () => {
  assert.equal(enPage('', '<meta name="citation_author" content="Doe, Jane"><meta name="citation_author" content="Roe, John">'), 'Jane Doe, John Roe');
  assert.equal(enPage('', '<meta name="citation_author" content="Doe, Jane">'), 'Jane Doe');
  assert.equal(enPage('', '<meta name="citation_author" content="Doe, Jane A."><meta name="citation_author" content="Roe, J.">'), 'Jane A. Doe, J. Roe');
});

test("a card's 'has-author' flag or a post's 'author-<slug>' taxonomy class marks no byline; a byline class still does", () => {
  const cards = ['Motherhood Penalty Explained', 'Relaxation Habits Compared', 'Sleep Cycles Revisited']
    .map((t, i) => `<div class="summary-item summary-item-has-tags summary-item-has-author"><a href="/blog/p${i}">${t}</a></div>`)
    .join('');
  const page = (byline: string): ReturnType<typeof extractFrom> =>
    extractFrom(`<div class="carousel">${cards}</div><article class="BlogItem hentry category-parenting author-dana-whitfield"><h1>Working parents and the long week</h1>${byline}${enParagraphs(5)}</article>`, {
      head: '<title>Working parents and the long week</title>',
    });
  assert.equal(page('<a class="Blog-meta-item Blog-meta-item--author" href="/blog?author=5e27">Dana Whitfield</a>').author, 'Dana Whitfield');
  assert.notEqual(page('').author, 'Motherhood Penalty Explained');
});

test("a meta row's own 'has-author' / 'with-author' flag (no card's) still marks the byline", () => {
  const page = (cls: string): string | undefined =>
    extractFrom(`<article class="post"><h1>Working parents and the long week</h1><div class="entry-meta"><div class="${cls}"><span>Jane Doe</span> <span>May 3, 2024</span></div></div>${enParagraphs(5)}</article>`, {
      head: '<title>Working parents and the long week</title>',
    }).author;
  assert.equal(page('post-meta has-author'), 'Jane Doe');
  assert.equal(page('meta with-author'), 'Jane Doe');
  // On a card's class the flag is still no credit.
  assert.notEqual(page('post-card card-has-author'), 'Jane Doe May 3, 2024');
});
