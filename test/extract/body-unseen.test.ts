/**
 * Body classes found on unseen news pages (issue 12, h-body round): text that sighted readers never see, and
 * furniture shapes shared by several sites.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { enParagraphs, extractFrom } from './helpers.js';

const head = '<title>City expands bus network</title>';
const h1 = '<h1>City expands bus network</h1>';
const P = enParagraphs(5).split('\n');

test('screen-reader-only labels between paragraph groups are not the article', () => {
  // A label for assistive technology before every group of paragraphs ("Article content"), and one inside a link.
  const group = (p: string) => `<section class="content-group"><div class="visually-hidden">Article content</div><div>${p}</div></section>`;
  const link = '<p>Maps of every route are on the <a href="/maps">transit site<span class="sr-only"> (opens in a new window)</span></a> now.</p>';
  const a = extractFrom(`${h1}<article>${P.map(group).join('')}${link}</article>`, { head });
  assert.match(a.body, /expand the downtown bus network/);
  assert.match(a.body, /funded largely by a state grant/);
  assert.match(a.body, /Maps of every route are on the transit site/);
  assert.ok(!a.body.includes('Article content'), a.body);
  assert.ok(!a.body.includes('opens in a new window'), a.body);
});

test('a class that only contains a screen-reader word (a hidden field label) keeps its text', () => {
  const field = `<div class="field field--name-body field--label-visually_hidden">${enParagraphs(5)}</div>`;
  const a = extractFrom(`${h1}<article>${field}</article>`, { head });
  assert.match(a.body, /expand the downtown bus network/);
  assert.match(a.body, /funded largely by a state grant/);
});

test('calls to follow a named desk, to get the app or channel, or to register as a member close no article', () => {
  const closing = [
    '<p>Follow City Desk on Instagram, Facebook and YouTube.</p>',
    '<p>Folgst du schon dem Stadtblatt auf Whatsapp? Abonniere den Whatsapp-Kanal und erhalte die Nachrichten am Morgen.</p>',
    '<p>記事に『いいね』ができます。ご利用には会員登録が必要です。</p>',
  ].join('');
  const a = extractFrom(`${h1}<article>${enParagraphs(5)}${closing}</article>`, { head });
  assert.match(a.body, /funded largely by a state grant/);
  for (const gone of ['Follow City Desk', 'Whatsapp-Kanal', '会員登録']) assert.ok(!a.body.includes(gone), `${gone}: ${a.body}`);
  // The writer's own line ("Follow him on Twitter") is the byline box's, left to its own rules.
  const bio = '<p>Sam Reed covers transport for the paper. Follow him on Twitter @samreed or email him at the newsroom.</p>';
  const b = extractFrom(`${h1}<article>${enParagraphs(5)}${bio}</article>`, { head });
  assert.match(b.body, /Follow him on Twitter/);
});

test('ad-slot labels in other languages and reading-time lines are furniture lines', () => {
  const lines = ['Werbung', 'Iklan', '广告', '3 Min Lesezeit', 'Tempo de leitura: 2 minutos', '5 min read'];
  const mixed = P.map((p, i) => `${p}<p>${lines[i] ?? ''}</p>`).join('');
  const a = extractFrom(`${h1}<article>${mixed}<p>${lines[5]}</p></article>`, { head });
  assert.match(a.body, /funded largely by a state grant/);
  for (const l of lines) assert.ok(!a.body.split('\n').includes(l), `${l}: ${a.body}`);
  // Words of a sentence are not a label line.
  const s = extractFrom(`${h1}<article>${enParagraphs(4)}<p>The Werbung agency said reading time on the app rose by 5 min last year.</p></article>`, { head });
  assert.match(s.body, /The Werbung agency said/);
});

test("a teaser's label standing alone between paragraphs is dropped; the same words opening a sentence stay", () => {
  const labels = ["DON'T MISS", 'Czytaj więcej', 'Auch interessant'];
  const mixed = P.slice(0, 4).map((p, i) => `${p}${labels[i] ? `<p>${labels[i]}</p>` : ''}`).join('');
  const a = extractFrom(`${h1}<article>${mixed}${P[4]}</article>`, { head });
  assert.match(a.body, /funded largely by a state grant/);
  for (const l of labels) assert.ok(!a.body.split('\n').includes(l), `${l}: ${a.body}`);
  const s = extractFrom(`${h1}<article>${enParagraphs(4)}<p>Related stories from riders poured in after the vote, most of them about late night buses.</p>${P[4]}</article>`, { head });
  assert.match(s.body, /Related stories from riders poured in/);
});

test("Webflow's unpicked conditional branch (w-condition-invisible), a hidden second copy of the article, is not read", () => {
  const copy = (cls: string) => `<div class="${cls}"><div class="rte w-richtext">${enParagraphs(5)}</div></div>`;
  const a = extractFrom(`${h1}<main>${copy('layout__open')}${copy('layout__gated w-condition-invisible')}</main>`, { head });
  assert.equal(a.body.match(/expand the downtown bus network/g)?.length, 1, a.body);
  // A class that merely starts with the same letters hides nothing.
  const b = extractFrom(`${h1}<main><div class="w-condition-invisible-note">${enParagraphs(5)}</div></main>`, { head });
  assert.match(b.body, /funded largely by a state grant/);
});

test('a zero-width character inside a word (a stray U+FEFF or U+200B) does not split it; one between words is a space', () => {
  const a = extractFrom(`${h1}<article>${enParagraphs(4)}<h2>The 10 B\uFEFFest Projects of 2023</h2><p>Over\u200Bview of the ten\uFEFF \uFEFFprojects and their costs, with the best returns first in the list below.</p>${enParagraphs(5).split('\n')[4]}</article>`, { head });
  assert.match(a.body, /The 10 Best Projects of 2023/);
  assert.match(a.body, /Overview of the ten projects and their costs/);
});

test('a zero-width character inside a title word does not split it either (the title reads collapseSpace)', () => {
  const t = 'The 10 B\uFEFFest Bus Routes of 2023';
  const a = extractFrom(`<h1>${t}</h1><article>${enParagraphs(5)}</article>`, { head: `<title>${t}</title>` });
  assert.equal(a.title, 'The 10 Best Bus Routes of 2023');
  // A real space beside a zero-width one is still a space.
  const b = extractFrom(`<h1>Ten\u200B Bus Routes of 2023</h1><article>${enParagraphs(5)}</article>`, { head: '<title>Ten Bus Routes of 2023</title>' });
  assert.equal(b.title, 'Ten Bus Routes of 2023');
});

test('Thai text with U+200B between its words keeps every character, with no space put in a word', () => {
  const thai = 'ประเทศไทย\u200bมี\u200bประชากร\u200bประมาณ\u200bหกสิบหก\u200bล้าน\u200bคน';
  const a = extractFrom(`${h1}<article>${enParagraphs(4)}<p>${thai} และ\u200bกรุงเทพ\u200bเป็น\u200bเมืองหลวง</p></article>`, { head });
  assert.match(a.body, /ประเทศไทยมีประชากรประมาณหกสิบหกล้านคน และกรุงเทพเป็นเมืองหลวง/);
  assert.ok(!a.body.includes('\u200b'), a.body);
});

test("a post's category and tag classes (WordPress category-…-credits) do not make its paragraphs captions", () => {
  const post = (cls: string) => `${h1}<article class="post-61904 post hentry ${cls}"><div class="entry-content">${enParagraphs(5)}<div class="photo-credit"><p>Photo by Jane Roe for the transit desk</p></div></div></article>`;
  const a = extractFrom(post('category-deductions-and-credits tag-captions'), { head });
  assert.match(a.body, /expand the downtown bus network/);
  assert.match(a.body, /funded largely by a state grant/);
  // A real credit box whose picture is gone still goes.
  assert.ok(!a.body.includes('Photo by Jane Roe'), a.body);
});
