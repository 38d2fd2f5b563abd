/**
 * Where a stated time sits (time-position.ts) and what its label says (time-labels.ts), on hand-written pages of the
 * failure shapes issue 12 lists: a later time (comments, a reprint) chosen over the article's own.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { enParagraphs, extractFrom, zhParagraphs } from './helpers.js';
import { atHeadline, inOtherItems } from '../../src/extract/time-position.js';
import { parseHtml } from '../../src/extract/parser.js';
import { isTag, type Element } from '../../src/extract/dom.js';

const P = zhParagraphs(4);
const H = '全市将新开通12条公交线路';
const opts = { head: `<title>${H}_某某网</title>`, timezone: 'Asia/Shanghai' };
/** A short story whose headline sits inside the article container, as many portal templates print it. */
const page = (info: string, after = ''): string => `<div class="art"><h1>${H}</h1><div class="info">${info}</div>${P}${after}</div>`;

test("a short story's closing lines are no info line: comment times in its container lose to the date under the headline", () => {
  const comments = '<div class="comments"><div>网友甲 2023-10-10 08:00 说得好</div><div>网友乙 2023-10-11 09:12 支持</div></div>';
  assert.equal(extractFrom(page('2023-10-08', comments), opts).publishedAt, '2023-10-08');
  // A summary paragraph between headline and info line leaves the info line an info line.
  const summary = `<div class="art"><h1>${H}</h1><p class="summary">摘要：全市将新开通12条公交线路，覆盖城区主要居住区和产业园区，方便市民出行。</p><div class="info">2023-10-08 14:30</div>${P}${comments}</div>`;
  assert.equal(extractFrom(summary, opts).publishedAt, '2023-10-08T14:30:00+08:00');
});

test('"转载时间" is an update label only: the 时间 inside it labels no second, published date', () => {
  const reprint = '<p>本文转载自某某报，转载时间2023-10-20 09:00</p>';
  assert.equal(extractFrom(page('2023-10-08 14:30', reprint), opts).publishedAt, '2023-10-08T14:30:00+08:00');
});

test('atHeadline: the two lines above the headline and the info lines under it, not banners, body or below', () => {
  const zones = { titleIndex: 10, bodyStart: 14 };
  assert.deepEqual([7, 8, 9, 10, 11, 13, 14, 30].map((l) => atHeadline(l, zones)), [false, true, true, false, true, true, false, false]);
  // A headline inside the body container: its first twelve lines are info lines.
  assert.deepEqual([11, 22, 23].map((l) => atHeadline(l, { titleIndex: 10, bodyStart: 5 })), [true, true, false]);
  assert.equal(atHeadline(undefined, zones), false);
  assert.equal(atHeadline(9, { titleIndex: -1, bodyStart: 5 }), false);
});

test("a photo's words repeated under it are its caption: its date loses to a labelled date beside the article", () => {
  const E = 'Counter-offensive: aims, chances, risks';
  const photo = '<div class="pic"><a href="#"><img src="/p.jpg" alt="Tanks near Bakhmut, 24 April 2023"></a><p>Tanks near Bakhmut, 24 April 2023</p></div>';
  const side = '<div class="col"><ul><li><strong>Date</strong> 28.04.2023</li><li><strong>Author</strong> Roman Petrov</li></ul></div>';
  const opts = { head: `<title>${E}</title>`, url: 'https://www.example.com/a-65464327' };
  assert.equal(extractFrom(`<h1>${E}</h1>${photo}<div class="group"><div class="text">${enParagraphs(5)}</div></div>${side}`, opts).publishedAt, '2023-04-28');
  const shared = `<div class="art"><h1>${E}</h1><div class="share"><a href="/s">Share</a></div>${photo}<div class="text">${enParagraphs(5)}</div></div>${side}`;
  assert.equal(extractFrom(shared, opts).publishedAt, '2023-04-28');
});

test("after a photo caption's date, a labelled date in a related list, comments or a cookie notice is no article's", () => {
  const E = 'Habeck stellt Heizungsgesetz vor';
  const photo = '<div class="pic"><img src="/p.jpg" alt="Habeck am Mittwoch in Berlin, 14.06.2018"><p>Habeck am Mittwoch in Berlin, 14.06.2018</p></div>';
  const opts = { head: `<title>${E}</title>`, url: 'https://www.example.com/a-1' };
  const at = (extra: string): string | undefined => extractFrom(`<h1>${E}</h1>${photo}<div class="text">${enParagraphs(5)}</div>${extra}`, opts).publishedAt;
  assert.equal(at('<aside class="related"><a href="/b">Anderes Thema</a><p>Veröffentlicht am 02.03.2017</p></aside>'), '2018-06-14');
  assert.equal(at('<div class="cookie"><p>Datenschutzerklärung, Stand: 01.01.2018</p></div>'), '2018-06-14');
  assert.equal(at('<div id="comments"><p>Posted: 20 June 2018</p><p>Great piece.</p></div>'), '2018-06-14');
});

test("an <aside> or <footer> inside the <article> is the article's own: its labelled date beats a photo caption's", () => {
  const E = 'Bus plan approved';
  const opts = { head: `<title>${E}</title>`, url: 'https://www.example.com/a-1' };
  const figure = '<figure><img src="/p.jpg" alt="The mayor, 14 June 2018"><figcaption>The mayor, 14 June 2018</figcaption></figure>';
  const at = (closing: string, fig = figure): string | undefined =>
    extractFrom(`<article><h1>${E}</h1>${fig}<div>${enParagraphs(5)}</div>${closing}</article>`, opts).publishedAt;
  assert.equal(at('<footer><p>Published: 15 June 2018</p></footer>'), '2018-06-15');
  assert.equal(at('<aside class="meta">By Jane Doe / Published: 15 June 2018</aside>'), '2018-06-15');
  assert.equal(at('<footer class="entry-footer"><span class="posted-on">Posted on June 15, 2018</span></footer>'), '2018-06-15');
  const de = '<figure><img src="/p.jpg" alt="Habeck in Berlin, 14.06.2018"><figcaption>Habeck in Berlin, 14.06.2018</figcaption></figure>';
  assert.equal(at('<footer><p>Veröffentlicht am 15.06.2018</p></footer>', de), '2018-06-15');
  const zh = '<figure><img src="/p.jpg"><figcaption>10月7日，市长在现场调研。</figcaption></figure>';
  const zhAt = extractFrom(`<article><h1>${H}</h1>${zh}<div>${P}</div><footer><p>发布时间：2021-10-08 10:20</p></footer></article>`, { head: `<title>${H}</title>`, timezone: 'Asia/Shanghai' }).publishedAt;
  assert.equal(zhAt, '2021-10-08T10:20:00+08:00');
});

test("inOtherItems: an <aside>/<footer> inside the <article> is the article's; a sidebar's teaser <article> is not", () => {
  const find = (html: string): boolean => {
    const stack = parseHtml(`<html><body>${html}</body></html>`).children.filter(isTag);
    while (stack.length) {
      const el: Element = stack.pop()!;
      if (el.attribs.id === 'x') return inOtherItems(el);
      stack.push(...el.children.filter(isTag));
    }
    throw new Error('no #x');
  };
  assert.equal(find('<article><footer><p id="x">Published</p></footer></article>'), false);
  assert.equal(find('<footer><p id="x">Published</p></footer>'), true);
  assert.equal(find('<aside class="sidebar"><article><footer><p id="x">Published</p></footer></article></aside>'), true);
  assert.equal(find('<article><nav><p id="x">Published</p></nav></article>'), true);
});
