/**
 * Page shapes that are not bylines (reviewer probes of issue 12): a bold subhead or interviewee opening the body, a
 * sentence opening "Reporting by", a caption naming a writer. They must neither name a writer nor override the
 * <meta name="author">.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractFrom, enParagraphs } from './helpers.js';

const P = enParagraphs(5);
const page = (start: string, end = ''): string =>
  `<main><h1>City expands bus network</h1><p>March 5, 2020</p><div class="story">${start}${P}${end}</div></main>`;
const title = '<title>City expands bus network</title>';
const withMeta = { head: title + '<meta name="author" content="Karen Ellis">' };

test('a bold subhead, obituary name or dateline opening the body does not replace the meta author', () => {
  assert.equal(extractFrom(page('<p>Lead text of the story.</p><p><strong>Route Changes</strong></p>'), withMeta).author, 'Karen Ellis');
  assert.equal(extractFrom(page('<p><strong>Thabo Mokoena</strong></p><p>Thabo was born in Maseru in 1950.</p>'), withMeta).author, 'Karen Ellis');
  assert.equal(extractFrom(page('<p><strong>Cape Town</strong></p>'), { head: title }).author, undefined);
  assert.equal(extractFrom(page('<p><strong>Maria Gonzalez</strong></p><p><b>Q:</b> Why buses?</p>'), { head: title }).author, undefined);
});

test('a sentence opening "Reporting by" is not a wire credit', () => {
  const prose = '<p>Reporting by Jane Doe and colleagues at the Gazette in 2019 first exposed the scheme, prompting the inquiry.</p>';
  assert.equal(extractFrom(page(prose), withMeta).author, 'Karen Ellis');
  assert.equal(extractFrom(page('<p>Reporting by ProPublica and The Texas Tribune revealed the gaps last year.</p>'), { head: title }).author, undefined);
});

test('a caption or a related story naming a writer\'s role is not the byline', () => {
  const caption = '<figure><img src="a.jpg"><figcaption>Maria Lopez, a freelance writer</figcaption></figure>';
  assert.equal(extractFrom(page(caption), withMeta).author, 'Karen Ellis');
  assert.equal(extractFrom(page('', '<p>Tom Baker | Former BBC correspondent</p>'), { head: title }).author, undefined);
});

test('a wire story\'s closing credit line names its reporters, after the meta author', () => {
  const credit = (line: string, head = title): string | undefined => extractFrom(page('', `<p>${line}</p>`), { head }).author;
  assert.equal(credit('(Reporting by Jane Doe; Editing by John Roe)'), 'Jane Doe');
  assert.equal(credit('Reporting by Jane Doe; Editing by John Roe'), 'Jane Doe');
  assert.equal(credit('Reporting By Jane Doe and John Roe'), 'Jane Doe and John Roe');
  assert.equal(credit('Reporting by Jane Doe.'), 'Jane Doe');
  assert.equal(credit('Reporting by Jane Doe in London; Writing by Mark Smith'), 'Jane Doe');
  assert.equal(credit('(Reporting by Jane Doe; Editing by John Roe)', withMeta.head), 'Karen Ellis');
  // Not a helper's credit, an outlet, or a sentence.
  assert.equal(credit('Additional reporting by Jane Doe; Editing by John Roe'), undefined);
  assert.equal(credit('Reporting by The Associated Press'), undefined);
  assert.equal(credit('Reporting by Jane Doe and colleagues first exposed the scheme.'), undefined);
});

test('a line of a name, a separator and a writer\'s role over the story names the writer; a caption\'s or a former one\'s does not', () => {
  const top = (info: string, head = title): string | undefined =>
    extractFrom(`<main><h1>City expands bus network</h1>${info}<div class="story">${P}</div></main>`, { head }).author;
  assert.equal(top('<div>Jane Doe | Staff writer</div><div>March 5, 2020</div>'), 'Jane Doe');
  assert.equal(top('<p>Jane Doe, Contributor</p><p>March 5, 2020</p>'), 'Jane Doe');
  assert.equal(top('<p>Jane Q. Doe – Senior Political Correspondent</p>'), 'Jane Q. Doe');
  assert.equal(top('<p>Jane Doe | Staff writer</p>', withMeta.head), 'Karen Ellis');
  assert.equal(top('<p>Jane Doe, Managing Editor</p>'), undefined);
  assert.equal(top('<p>Tom Baker | Former BBC correspondent</p>'), undefined);
  assert.equal(top('<p>Maria Lopez, a freelance writer</p>'), undefined);
  assert.equal(top('<figure><img src="a.jpg"><figcaption>Jane Doe, science journalist</figcaption></figure>'), undefined);
  const related = '<aside><h3>Related</h3><ul><li><a href="/b">Council approves budget</a></li><li>John Roe | Staff Writer</li></ul></aside>';
  assert.equal(extractFrom(page('') + related, { head: title }).author, undefined);
});
