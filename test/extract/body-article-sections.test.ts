/**
 * An article set as sections nested in sections (body-pick.ts enclosingArticle): the best-scoring section is one
 * part of the <article>; the wrappers between score little, and the article is the body.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractFrom } from './helpers.js';

const head = '<title>The podcast gear I recommend</title>';
const intro = [
  'When I started podcasting over ten years ago, one of the most intimidating parts of the hobby was choosing the equipment to record with.',
  'It was expensive and technical, and I did not trust that I could tell which microphone actually sounded better than the others on sale.',
  'So after five hundred recordings I am writing the guide I wish I had had back then, with no affiliate links and no paid promotion at all.',
];
const gear = (n: number) => `<h2>Setup number ${n}</h2><p>This setup number ${n} pairs a dynamic microphone that rejects background noise with wired headphones, so you hear your own voice without any lag while recording.</p><p>It costs far less than a studio kit, travels well in a small bag, and has survived years of interviews in hotel rooms, closets and noisy offices without failing.</p>`;
const sections = (body: string) => `<section><section><section>${body}</section><div class="callout">Tip: record a test first.</div></section></section>`;

test('the intro sections of an <article> whose gear guide sits in nested sections are kept', () => {
  const article = `<article class="block_inner"><hgroup><h1>The podcast gear I recommend</h1></hgroup><section>${intro.map((p) => `<p>${p}</p>`).join('')}</section><section>${gear(7)}${gear(8)}</section>${sections(`<section>${[1, 2, 3, 4].map(gear).join('')}</section>`)}</article>`;
  const a = extractFrom(`<main>${article}</main><footer><p>© Podcast Co. All rights reserved.</p></footer>`, { head });
  assert.match(a.body, /When I started podcasting over ten years ago/);
  assert.match(a.body, /no affiliate links and no paid promotion/);
  assert.match(a.body, /setup number 8 pairs a dynamic microphone/);
  assert.match(a.body, /setup number 4 pairs a dynamic microphone/);
});

test('a section holding nearly all of the <article> stays the body: the article header beside it does not join', () => {
  const article = `<article><div class="meta-strip"><p>Filed under Gear and Audio, Studio and Travel, Reviews and Guides for new podcasters and hosts</p></div>${sections(`<section>${intro.map((p) => `<p>${p}</p>`).join('')}${[1, 2, 3, 4, 5, 6].map(gear).join('')}</section>`)}</article>`;
  const a = extractFrom(`<main>${article}</main>`, { head });
  assert.match(a.body, /When I started podcasting over ten years ago/);
  assert.ok(!a.body.includes('Filed under Gear'), a.body);
});
