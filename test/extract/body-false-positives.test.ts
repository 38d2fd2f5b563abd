/**
 * Article lines the body cleaning must keep although they open with the words of a furniture line (a reviewer's
 * probes of the edge, thread and credit rules): each snippet lost text before its fix.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { enParagraphs, extractFrom } from './helpers.js';

const en = (from: number, to: number): string => enParagraphs(5).split('\n').slice(from, to).join('');

test('a subhead or sentence opening like a comment header ("Three thoughts on the loss") does not end the article', () => {
  const head = '<title>Buses</title>';
  const a = extractFrom(`<h1>Buses</h1><article>${en(0, 2)}<h2>Three thoughts on the loss</h2>${en(2, 5)}</article>`, { head });
  assert.match(a.body, /Three thoughts on the loss/);
  assert.match(a.body, /funded largely by a state grant/);
  const b = extractFrom(`<h1>Buses</h1><article>${en(0, 1)}<p>Two responses to the proposal emerged at the hearing</p>${en(1, 5)}</article>`, { head });
  assert.match(b.body, /funded largely by a state grant/);
  // The header naming the post ("2 thoughts on “Buses”") still ends a short post.
  const c = extractFrom(`<h1>Buses</h1><article>${en(0, 1)}<h3>2 thoughts on “Buses”</h3><p>I ride the number 12 every day and it is always late, so I hope the new routes change that for good.</p></article>`, { head });
  assert.ok(!c.body.includes('number 12'), c.body);
});
