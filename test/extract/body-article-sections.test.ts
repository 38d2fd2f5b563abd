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

test("a page builder's text widgets, each classed with its own instance id, are chunks of one article", () => {
  const widget = (id: string, kind: string, inner: string) => `<div class="elementor-element elementor-element-${id} elementor-widget elementor-widget-${kind}">${inner}</div>`;
  const box = (inner: string) => `<div class="elementor-element elementor-element-9f3e2a1 e-flex e-con"><div class="e-con-inner">${inner}</div></div>`;
  const long = (n: number, k = 3) => [1, 2, 3].slice(0, k).map((i) => `<p>Platform number ${n} handles payments, inventory and shipping for a growing shop, and its plan ${i} adds reports, discounts and a theme editor that needs no code at all.</p>`).join('');
  const parts = [1, 2, 3, 4].map((n) => box(widget(`a1b2c${n}d`, 'heading', `<h2>Platform ${n}</h2>`) + widget(`0${n}be854`, 'text-editor', n === 1 ? long(n) + long(9) + long(8) : long(n, 1)))).join('');
  const footer = `<footer>${widget('77aa001', 'text-editor', '<p>Our agency builds online shops for brands in five countries; write to us to start your project with a free call.</p>')}</footer>`;
  const a = extractFrom(`<h1>The best shop platforms</h1><div class="elementor elementor-8467">${parts}</div>${footer}`, { head: '<title>The best shop platforms</title>' });
  for (const n of [1, 2, 3, 4]) assert.match(a.body, new RegExp(`Platform number ${n} handles payments`));
  assert.ok(!a.body.includes('Our agency builds online shops'), a.body);
});

test('an <article> whose text beyond the chosen section is mostly links (a digest of other stories) does not replace it', () => {
  const digest = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((n) => `<div><a href="/story/${n}">Other story number ${n} about studio microphones and cables</a><p>A short summary of story ${n}, on recording at home.</p></div>`).join('');
  const article = `<article><section><p>${intro[0]}</p><p>${intro[1]}</p></section><section>${gear(7)}${gear(8)}</section><div class="stories">${digest}</div>${sections(`<section>${[1, 2, 3, 4].map(gear).join('')}</section>`)}</article>`;
  const a = extractFrom(`<main>${article}</main>`, { head });
  assert.match(a.body, /setup number 4 pairs a dynamic microphone/);
  assert.ok(!a.body.includes('Other story number'), a.body);
});

const story = [
  'The city council voted on Tuesday to expand the downtown bus network, adding four new routes that will run every ten minutes during rush hour.',
  'Officials said the plan would be funded largely by a state grant, with the remaining cost covered by a modest increase in parking fees near the stadium.',
  'Riders who spoke at the meeting welcomed the change but asked for more late-night service, especially on weekends when the trains stop early.',
  'The transit agency expects the first of the new routes to open in September, once drivers are hired and trained for the longer shifts.',
].map((p) => `<p>${p}</p>`).join('');
const busHead = '<title>Council expands downtown bus network</title>';

test('a list of teasers with long summaries after the story inside the <article> is not taken in', () => {
  const summary = 'The board approved a budget that adds twelve teachers and repairs two gyms, after months of debate over class sizes and the cost of heating old buildings.';
  const card = (n: number) => `<div class="card"><h3><a href="/2024/05/other-${n}/">School board approves new budget for year ${n}</a></h3><p>${summary}</p><span>May ${n}, 2024 · Jane Roe</span></div>`;
  const article = `<article class="story"><h1>Council expands downtown bus network</h1><div class="story-body"><div class="rich">${story}</div></div><div class="story-more"><h2>Read more</h2>${[1, 2, 3, 4, 5].map(card).join('')}</div></article>`;
  const a = extractFrom(`<main>${article}</main>`, { head: busHead });
  assert.match(a.body, /once drivers are hired and trained/);
  assert.ok(!a.body.includes('School board approves') && !a.body.includes('adds twelve teachers'), a.body);
});

test('an unnamed author bio and newsletter box after the story inside the <article> are not taken in', () => {
  const bio = '<div class="wp-block-group"><div class="inner"><p><b>Jane Roe</b> has covered city hall and transport for the Tribune since 2012. Before that she reported on courts and schools in Ohio, and she still rides her bike to work every day of the year, rain or shine.</p></div></div>';
  const news = '<div class="wp-block-group"><div class="inner"><h3>Sign up for The Morning</h3><p>Get the news you need to start your day, with the most important local stories, the weather and what is on this weekend, in your inbox every weekday before seven.</p><p>We never share your address. You can unsubscribe at any time with one click from any issue.</p><form><input type="email"><button>Sign up</button></form></div></div>';
  const hdr = '<header class="entry-header"><h1 class="entry-title">Council expands downtown bus network</h1><div class="entry-meta">By <a href="/author/jane">Jane Roe</a> · May 7, 2024</div></header>';
  const a = extractFrom(`<main><article class="post type-post">${hdr}<div class="entry-content"><div class="content-inner">${story}</div></div>${bio}${news}</article></main>`, { head: busHead });
  assert.match(a.body, /once drivers are hired and trained/);
  assert.ok(!a.body.includes('has covered city hall') && !a.body.includes('Get the news you need'), a.body);
});

test("a page builder's testimonial or call-to-action widget after the article's widgets does not join them", () => {
  const widget = (id: string, kind: string, inner: string) => `<div class="elementor-element elementor-element-${id} elementor-widget elementor-widget-${kind}">${inner}</div>`;
  const box = (inner: string) => `<div class="elementor-element elementor-element-9f3e2a1 e-flex e-con"><div class="e-con-inner">${inner}</div></div>`;
  const long = (n: number, k = 3) => [1, 2, 3].slice(0, k).map((i) => `<p>Platform number ${n} handles payments, inventory and shipping for a growing shop, and its plan ${i} adds reports, discounts and a theme editor that needs no code at all.</p>`).join('');
  const parts = [1, 2, 3, 4].map((n) => box(widget(`a1b2c${n}d`, 'heading', `<h2>Platform ${n}</h2>`) + widget(`0${n}be854`, 'text-editor', n === 1 ? long(n) + long(9) + long(8) : long(n, 1)))).join('');
  const testimonial = box(widget('0ffe811', 'text-editor', '<p>“Working with the Studio team was the best decision we made this year. Our new shop launched in six weeks, sales doubled by the spring, and they answered every question we had.”</p><p>— Maria Lopez, founder of Casa Verde Ceramics, Austin</p>'));
  const cta = box(widget('0ffe812', 'text-editor', '<p>Ready to grow your online shop? Our agency builds fast, beautiful stores for brands in five countries. Book a free thirty-minute call and we will review your current shop and send you a plan.</p>'));
  const a = extractFrom(`<h1>The best shop platforms</h1><div class="elementor elementor-8467">${parts}${testimonial}${cta}</div>`, { head: '<title>The best shop platforms</title>' });
  for (const n of [1, 2, 3, 4]) assert.match(a.body, new RegExp(`Platform number ${n} handles payments`));
  assert.ok(!a.body.includes('Working with the Studio team') && !a.body.includes('Book a free thirty-minute call'), a.body);
});
