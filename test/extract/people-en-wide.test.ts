/**
 * English bylines seen on the wider WCXB set: interface labels in the author slot, a job title in the element after
 * the name, reviewers listed beside the writer, a label and its name in elements of their own, "on behalf of".
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isAcceptableAuthor, isInterfaceWord, isPersonName } from '../../src/extract/people-names.js';
import { withinOneRun } from '../../src/extract/people-bylines.js';
import { isReviewerCredit, reviewerFromText } from '../../src/extract/byline.js';
import { nameBesideDate } from '../../src/extract/byline-latin.js';
import { extractFrom, enParagraphs } from './helpers.js';

const enPage = (info: string, head = ''): string | undefined =>
  extractFrom(`<article><h1>City council expands the downtown bus network</h1>${info}${enParagraphs(5)}</article>`, { head }).author;

test('English interface labels are no names', () => {
  for (const w of ['Fact Checked', 'Medically Reviewed By', 'About the Author', 'Privacy Policy', 'Terms & Conditions', '10 mins read', '5 min read', 'Written By', 'Read More']) {
    assert.equal(isInterfaceWord(w), true, w);
    assert.equal(isPersonName(w), false, w);
  }
  for (const w of ['Melanie Hanson', 'Policy', 'Read', 'Minnie Read', 'Terry Checked']) assert.equal(isInterfaceWord(w), false, w);
});

test('an author box labelled "About the Author" gives the writer, not its heading', () => {
  const box = '<section class="author-box"><p class="author-box-title">About the Author</p></section>';
  assert.equal(enPage(box, '<meta name="author" content="Lillie">'), 'Lillie');
});

test('a name read on into the next element (a job title) ends with its own element', () => {
  assert.equal(withinOneRun('Celeste Longacre Gardener', ['Written By:', 'Celeste Longacre', 'Gardener & Astrologer']), 'Celeste Longacre');
  // A first name and a surname in elements of their own stay one name; so do co-writers joined by "and".
  assert.equal(withinOneRun('Marlene Lundberg Holm', ['Marlene', 'Lundberg Holm']), 'Marlene Lundberg Holm');
  assert.equal(withinOneRun('Chen Zhao and Daryl Fairweather', ['Chen Zhao', 'and', 'Daryl Fairweather']), 'Chen Zhao and Daryl Fairweather');
  assert.equal(withinOneRun('Jane Doe', ['By', 'Jane Doe']), 'Jane Doe');
  const info = '<div class="author-line-block"><span class="author-label">Written By:</span> <span class="author-name">Celeste Longacre</span> <span class="author-title">Gardener &amp; Astrologer</span></div>';
  assert.equal(enPage(info), 'Celeste Longacre');
});

test('a reviewer is no writer, unless the page credits nobody else', () => {
  const both = '<div class="byline"><p>By <a href="/a/ms">Maureen Salamon</a>, Executive Editor</p><p>Reviewed by <a href="/a/tg">Toni Golen, MD</a>, Editor in Chief</p></div>';
  assert.equal(enPage(both), 'Maureen Salamon');
  assert.equal(reviewerFromText('Medically reviewed by Toni Golen, MD'), 'Toni Golen, MD');
  assert.equal(reviewerFromText('By Maureen Salamon'), undefined);
  assert.equal(enPage('<p class="meta">Reviewed by Justin C. Meserole, Trial Attorney, on December 9, 2024.</p>'), 'Justin C. Meserole');
});

test('a label alone in its element names the writer in the next ("Article by" / name)', () => {
  assert.equal(enPage('<div class="meta"><p>Article by</p><p>Matias Heikkilä</p></div>'), 'Matias Heikkilä');
  assert.equal(enPage('<div class="meta"><p>Article by</p><p>the editors of this site and friends</p></div>'), undefined);
});

test('"on behalf of" a group after a name beside the date leaves the name', () => {
  assert.equal(nameBesideDate('Dec. 19, 2025 · Niko Matsakis on behalf of Vision Doc group'), 'Niko Matsakis');
  assert.equal(nameBesideDate('Dec. 19, 2025 · on behalf of Vision Doc group'), undefined);
});

// Review of 0497c4a: the false positives each rule gave, and the cases that must stay as they were.
const byline = (inner: string, tag = 'div class="byline"'): string | undefined => enPage(`<${tag}>${inner}</${tag.split(' ')[0]}>`);

test('a name split over elements stays whole: surname, initial, particle, suffix, credential', () => {
  assert.equal(withinOneRun('Mary Ann Smith', ['By', 'Mary Ann', 'Smith']), 'Mary Ann Smith');
  assert.equal(withinOneRun('John F. Kennedy', ['By', 'John F.', 'Kennedy']), 'John F. Kennedy');
  assert.equal(withinOneRun('Jean Paul SARTRE', ['By', 'Jean Paul', 'SARTRE']), 'Jean Paul SARTRE');
  assert.equal(withinOneRun('Anna Maria de Vries', ['By', 'Anna Maria', 'de Vries']), 'Anna Maria de Vries');
  assert.equal(withinOneRun('Martin Luther King Jr.', ['By', 'Martin Luther King', 'Jr.']), 'Martin Luther King Jr.');
  assert.equal(withinOneRun('John Doe III', ['By', 'John Doe', 'III']), 'John Doe III');
  assert.equal(withinOneRun('Jane Doe MD', ['By', 'Jane Doe', 'MD']), 'Jane Doe MD');
  // The commit's wins stay: the rest ends inside the next element, or is a job title or tagline.
  assert.equal(withinOneRun('A. J. Neal View In', ['By', 'A. J. Neal', 'View In Digital Edition']), 'A. J. Neal');
  assert.equal(withinOneRun('Celeste Longacre Gardener', ['Written By:', 'Celeste Longacre', 'Gardener']), 'Celeste Longacre');
  assert.equal(withinOneRun('Tracey Bible Your Part-Time Controller', ['By', 'Tracey Bible', 'Your Part-Time Controller']), 'Tracey Bible');
  assert.equal(withinOneRun('Jane Doe Marketing Content', ['By', 'Jane Doe', 'Marketing Content']), 'Jane Doe');
  assert.equal(withinOneRun('Jane Doe Remote Jobs', ['By', 'Jane Doe', '- Remote Jobs']), 'Jane Doe');
  // Pages.
  assert.equal(byline('By <a href="/author/mary-ann">Mary Ann</a> <a href="/author/smith">Smith</a>'), 'Mary Ann Smith');
  assert.equal(byline('By <span class="first">Mary Ann</span> <span class="last">Smith</span>'), 'Mary Ann Smith');
  assert.equal(byline('By <span class="first">Mary Ann</span> <span class="last">Smith</span>', 'p'), 'Mary Ann Smith');
  assert.equal(byline('By <span>John F.</span> <span>Kennedy</span>'), 'John F. Kennedy');
  assert.equal(byline('By <span class="name">Robert Smith</span> <span class="suffix">Jr.</span>'), 'Robert Smith Jr.');
  assert.equal(byline('By <a href="/a/jd">Jane Doe</a> <span>Staff Writer</span>'), 'Jane Doe');
});

test('two writers in adjacent elements with no separator are both kept', () => {
  assert.equal(withinOneRun('Jane Doe John Roe', ['By', 'Jane Doe', 'John Roe']), 'Jane Doe, John Roe');
  assert.equal(byline('By <a href="/a/1">Jane Doe</a> <a href="/a/2">John Roe</a>'), 'Jane Doe, John Roe');
  assert.equal(byline('By <a href="/a/1">Jane Doe</a> <a href="/a/2">John Roe</a>', 'p'), 'Jane Doe, John Roe');
  assert.equal(byline('By <a rel="author" href="/a/1">Jane Doe</a> <a rel="author" href="/a/2">John Roe</a>'), 'Jane Doe, John Roe');
  // Joined writers are unchanged.
  assert.equal(byline('By <a href="/a/1">Jane Doe</a> and <a href="/a/2">John Roe</a>'), 'Jane Doe and John Roe');
});

test('a reviewer\'s credit in a byline element is no author with its label', () => {
  assert.equal(isAcceptableAuthor('Reviewed by Jane Doe'), false);
  assert.equal(isAcceptableAuthor('Medically reviewed by Jane Doe, MD'), false);
  assert.equal(isAcceptableAuthor('Jane Doe'), true);
  assert.equal(isReviewerCredit('Fact checked by Jane Doe'), true);
  assert.equal(isReviewerCredit('By Jane Doe'), false);
  // The only credit on the page: the reviewer, without the label (the last resort).
  assert.equal(byline('Reviewed by Jane Doe'), 'Jane Doe');
  assert.equal(byline('Medically reviewed by Jane Doe, MD'), 'Jane Doe, MD');
  assert.equal(enPage('<div class="author">Fact checked by Jane Doe</div>'), 'Jane Doe');
  // A writer credited elsewhere wins.
  assert.equal(enPage('<div class="byline">Reviewed by John Smith</div>', '<meta name="author" content="Jane Doe">'), 'Jane Doe');
  assert.equal(byline('Reviewed by John Smith, MD — Written by Jane Doe', 'p class="byline"') !== 'Reviewed by John Smith, MD — Written by Jane Doe', true);
});

test('a reviewer is not taken from a line that credits a writer too', () => {
  assert.equal(reviewerFromText('Medically reviewed by John Smith, MD | By Jane Doe'), undefined);
  assert.equal(reviewerFromText('Medically reviewed by John Smith, MD'), 'John Smith, MD');
  assert.equal(enPage('<p class="meta">Medically reviewed by John Smith, MD | By Jane Doe</p>'), undefined);
});

test('"on behalf of" after a statement or an office is no name', () => {
  assert.equal(nameBesideDate('Joint Statement on behalf of G7 Leaders | May 3, 2024'), undefined);
  assert.equal(nameBesideDate('Remarks Delivered on behalf of the Secretary | May 3, 2024'), undefined);
  assert.equal(nameBesideDate('Press Office on behalf of City Council | May 3, 2024'), undefined);
  assert.equal(nameBesideDate('Jane Doe on behalf of The Editorial Board | May 3, 2024'), 'Jane Doe');
  assert.equal(enPage('<p class="meta">Joint Statement on behalf of G7 Leaders | May 3, 2024</p>'), undefined);
});
