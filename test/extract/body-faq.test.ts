/**
 * The article's closing FAQ boxed apart from its column (body-faq): a run of same-template questions with answers
 * about the article's subject joins the body; a notice with questions of its own (a device-limit box) does not.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { enParagraphs, extractFrom } from './helpers.js';

const HEAD = '<title>The downtown bus network grows</title>';

function qa(q: string, a: string, cls = 'faq-question'): string {
  return `<details class="faq-item"><summary class="${cls}">${q}</summary><div class="faq-answer"><p>${a}</p></div></details>`;
}

const FAQ = [
  qa('When will the new bus routes start running?', 'The first electric bus routes start in the spring, and the remaining routes follow over the next three years as the state grant is paid out.'),
  qa('Will fares on the new routes be higher?', 'No. Fares on the new routes remain the same as on existing routes, and residents can check arrival times on the transit app.'),
  qa('Which residential areas do the routes connect?', 'The routes connect residential areas on the east side with the business district, with services every ten minutes at peak times.'),
].join('');

function page(closingBox: string): string {
  return `<h1>The downtown bus network grows</h1><main><div class="wrap"><div class="post-body">${enParagraphs(5)}</div></div><div class="post-extras">${closingBox}</div></main>`;
}

test('a FAQ box after the article column joins the body', () => {
  const a = extractFrom(page(`<section class="faq-box"><h2>Frequently asked questions</h2>${FAQ}</section>`), { head: HEAD });
  assert.match(a.body, /The city council voted/);
  assert.match(a.body, /When will the new bus routes start running\?/);
  assert.match(a.body, /The first electric bus routes start in the spring/);
  assert.match(a.body, /with services every ten minutes at peak times\./);
});

test('a box of questions about something else (a device-limit notice) stays out', () => {
  const notice = [
    qa('Why am I seeing this message?', 'Somebody else is signed in with your subscription elsewhere, and only one screen may stream content at once.'),
    qa('What happens if I keep watching here?', 'The message appears on that other screen instead, which then stops showing content until somebody dismisses it.'),
    qa('Are there other limits?', 'None: sign in with your subscription on as many screens as you like, just one of them at a time.'),
  ].join('');
  const a = extractFrom(page(`<section class="notice">${notice}</section>`), { head: HEAD });
  assert.match(a.body, /The city council voted/);
  assert.ok(!a.body.includes('Somebody else is signed in'), `notice left out:\n${a.body}`);
});

test('questions that are not one template (posters asking in a thread) are not a FAQ', () => {
  const mixed = [
    qa('When will the new bus routes start running?', 'The first electric bus routes start in the spring, as the state grant is paid out over three years.', 'poster-a'),
    qa('Will fares on the new routes be higher?', 'Fares on the new routes remain the same as on existing routes, the transport department said.', 'poster-b'),
  ].join('');
  const a = extractFrom(page(`<section class="more">${mixed}</section>`), { head: HEAD });
  assert.ok(!a.body.includes('state grant is paid out over three years'), `thread left out:\n${a.body}`);
});

test('a thread whose posts ask now and then (one template for all) is not a FAQ', () => {
  const post = (text: string) => `<div class="unit"><p class="line">${text}</p></div>`;
  const thread = [
    post('When will the new bus routes start running?'),
    post('The first electric bus routes start in the spring, as the state grant is paid out over three years, I read.'),
    post('Great news for the east side, the business district really needs better connections at peak times.'),
    post('Will fares on the new routes be higher?'),
    post('Fares on the new routes remain the same as on existing routes, the transport department said so.'),
    post('I hope the routes also run later at night for shift workers, they have waited for years now.'),
  ].join('');
  const a = extractFrom(page(`<section class="more">${thread}</section>`), { head: HEAD });
  assert.match(a.body, /The city council voted/);
  assert.ok(!a.body.includes('state grant is paid out over three years, I read'), `thread left out:\n${a.body}`);
});

test('a comment thread after the article, its posters asking, stays out (its posts are comment units)', () => {
  const post = (who: string, ago: string, q: string, more: string) =>
    `<div><div><a href="/user/${who}">${who}</a> <time>${ago}</time></div><p>${q}</p><p>${more}</p></div>`;
  const thread = [
    post('Anna', '2 hours ago', 'Does anyone know when the downtown bus routes will start running?', 'I heard the first electric routes start in the spring, as the state grant is paid out over three years for the services.'),
    post('Ben', '3 hours ago', 'Will the fares on the new downtown routes be any higher than now?', 'The transport department said fares on the new routes remain the same as on the existing routes for residents.'),
    post('Cleo', '4 hours ago', 'Which residential areas will the new routes connect downtown?', 'Residential areas on the east side get connected with the business district, with services every ten minutes at peak.'),
  ].join('');
  const a = extractFrom(page(`<div>${thread}</div>`), { head: HEAD });
  assert.match(a.body, /The city council voted/);
  assert.ok(!a.body.includes('Ben 3 hours ago') && !a.body.includes('I heard the first electric routes'), `thread left out:\n${a.body}`);
});

test('questions that are links (related stories with teasers) are not a FAQ', () => {
  const teaser = (n: number, q: string) =>
    `<li><h3><a href="/news/${n}.html">${q}</a></h3><p>The city council voted on the downtown bus network and the state grant, and residents on the east side asked about services, routes and fares for the business district at peak times.</p></li>`;
  const related = `<ul>${teaser(10, 'Does anyone know when the downtown bus routes will start running?')}${teaser(11, 'Will the fares on the new downtown routes be any higher than now?')}</ul>`;
  const a = extractFrom(page(related), { head: HEAD });
  assert.match(a.body, /The city council voted/);
  assert.ok(!a.body.includes('Does anyone know when'), `related stories left out:\n${a.body}`);
});
