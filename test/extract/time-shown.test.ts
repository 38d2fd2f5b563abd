/**
 * A published date printed at the headline against structured data that names another day (time-shown.ts): the
 * printed day wins when it is days earlier (the markup re-dated the page) and no line of the page names the markup's day.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { enParagraphs, extractFrom } from './helpers.js';

const T = 'How much to charge for a yoga class';
const ld = (day: string): string => `<title>${T}</title><script type="application/ld+json">{"@type":"Article","headline":"${T}","datePublished":"${day}"}</script>`;
const page = (info: string, end = ''): string => `<article><h1>${T}</h1><div class="meta"><span>${info}</span></div>${enParagraphs(4)}${end}</article>`;
const opts = (day: string) => ({ head: ld(day), url: 'https://blog.example.com/how-much-to-charge', timezone: 'UTC' });

test('a published date printed under the headline, months before the structured one, is the article date', () => {
  assert.equal(extractFrom(page('By Ann Lee · August 25, 2024'), opts('2025-06-24')).publishedAt, '2024-08-25');
  // Printed above the headline, right over it, too.
  const above = `<article><p>August 25, 2024</p><h1>${T}</h1>${enParagraphs(4)}</article>`;
  assert.equal(extractFrom(above, opts('2025-06-24')).publishedAt, '2024-08-25');
});

test('the structured date stays when the printed one is later, a day apart, labelled an update, or the page names its day', () => {
  // Later: an update the page does not label as one.
  assert.equal(extractFrom(page('By Ann Lee · July 16, 2025'), opts('2022-02-08')).publishedAt, '2022-02-08');
  // A day earlier: one instant in two zones ("…T00:47:31Z" printed as the evening before).
  assert.equal(extractFrom(page('By Ann Lee · June 23, 2025'), opts('2025-06-24T00:47:31Z')).publishedAt, '2025-06-24T00:47:31+00:00');
  // A labelled update at the headline keeps the structured published date.
  assert.equal(extractFrom(page('Updated August 25, 2024'), opts('2025-06-24')).publishedAt, '2025-06-24');
  // The page's closing line names the structured day: the markup is witnessed.
  const closing = '<p class="posted">This entry was posted on June 24, 2025.</p>';
  assert.equal(extractFrom(page('By Ann Lee · August 25, 2024', closing), opts('2025-06-24')).publishedAt, '2025-06-24');
});

test('meta names "published" and "modified" are read as such; a plain description is not a date', () => {
  const head = (meta: string): string => `<title>${T}</title>${meta}`;
  const body = page('By Ann Lee');
  assert.equal(extractFrom(body, { head: head('<meta name="published" content="July 17, 2025">'), timezone: 'UTC' }).publishedAt, '2025-07-17');
  const both = extractFrom(body, { head: head('<meta name="published" content="2025-07-17"><meta name="modified" content="2025-09-02">'), timezone: 'UTC' });
  assert.equal(both.publishedAt, '2025-07-17');
  assert.equal(both.modifiedAt, '2025-09-02');
  // A modified meta alone does not become the publish date.
  assert.equal(extractFrom(body, { head: head('<meta name="modified" content="2025-09-02">'), timezone: 'UTC' }).publishedAt, undefined);
});

test("the URL's day keeps the article's <time> out of a dated list it opens; without one the list penalty stands", () => {
  const H = 'A working mom seeks balance';
  const other = (d: string, t: string): string => `<li><a href="/x">An older post</a> <time datetime="${d}">${t}</time></li>`;
  const body =
    `<div class="side"><p>Posted on <span class="date">October 7, 2008</span></p></div><h1>${H}</h1>` +
    `<div class="entry-meta"><time datetime="2015-01-08T10:07:06-05:00">January 8, 2015</time></div>` +
    `<ul class="recent">${other('2008-10-07T11:49:07-04:00', 'October 7, 2008')}${other('2008-10-10T15:44:08-04:00', 'October 10, 2008')}${other('2009-06-06T06:03:16-04:00', 'June 6, 2009')}</ul>` +
    `<div class="entry">${enParagraphs(4)}</div>`;
  const at = (url: string): string | undefined => extractFrom(body, { head: `<title>${H}</title>`, url, timezone: 'UTC' }).publishedAt;
  assert.equal(at('https://blog.example.org/2015/01/08/a-working-mom/'), '2015-01-08T10:07:06-05:00');
  assert.equal(at('https://blog.example.org/a-working-mom/'), '2008-10-07T11:49:07-04:00');
});

test('Spanish "3 de marzo del 2021" is read; a year-less "3 de marzo" alone is not a full date', () => {
  const es = (info: string): string | undefined => extractFrom(page(info), { head: `<title>${T}</title>`, timezone: 'UTC' }).publishedAt;
  assert.equal(es('Publicado el 3 de marzo del 2021'), '2021-03-03');
  assert.equal(es('Publicado el 3 de marzo de 2021'), '2021-03-03');
  assert.equal(es('Publicado el 3 de marzo, sin año'), undefined);
});
