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
