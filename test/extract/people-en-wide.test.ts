/**
 * English bylines seen on the wider WCXB set: interface labels in the author slot, a job title in the element after
 * the name, reviewers listed beside the writer, a label and its name in elements of their own, "on behalf of".
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isInterfaceWord, isPersonName } from '../../src/extract/people-names.js';
import { withinOneRun } from '../../src/extract/people-bylines.js';
import { reviewerFromText } from '../../src/extract/byline.js';
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
