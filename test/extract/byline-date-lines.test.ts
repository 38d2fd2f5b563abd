import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nameBesideDateLine } from '../../src/extract/byline-posters.js';
import { isPersonName } from '../../src/extract/people-names.js';
import { extractArticle } from '../../src/extract/index.js';
import { enParagraphs, extractFrom } from './helpers.js';

const lines = (...texts: string[]): { text: string }[] => texts.map((text) => ({ text }));

test('a lone name line next to a lone date line (spacers skipped)', () => {
  assert.equal(nameBesideDateLine(lines('December 14, 2025', '/', 'Maria Lopez'), isPersonName), 'Maria Lopez');
  assert.equal(nameBesideDateLine(lines('Sep 01, 2023', 'Owen Clarke'), isPersonName), 'Owen Clarke');
  assert.equal(nameBesideDateLine(lines('Owen Clarke', 'Published 2023-09-01 14:20'), isPersonName), 'Owen Clarke');
  // No date beside it, or a heading of four words: no byline.
  assert.equal(nameBesideDateLine(lines('Maria Lopez', 'Senior Writer'), isPersonName), undefined);
  assert.equal(nameBesideDateLine(lines('Top Budget Travel Destinations', 'Sep 01, 2023'), isPersonName), undefined);
});

const body = (info: string): string => `<h1>City adds twelve bus routes downtown</h1>${info}<div>${enParagraphs(6)}</div>`;
const head = '<title>City adds twelve bus routes downtown</title>';

test('an info line laid out as separate unmarked elements gives its name (English pages)', () => {
  const info = '<div>December 14, 2025</div><div>/</div><div>Maria Lopez</div>';
  assert.equal(extractFrom(body(info), { head, url: 'https://example.org/news/bus-routes/' }).author, 'Maria Lopez');
  // A page in another language: its agencies and desks take the same two-capitalised-words shape.
  const html = `<!DOCTYPE html><html lang="tr"><head>${head}</head><body>${body('<div>14.12.2025</div><div>Anadolu Haber</div>')}</body></html>`;
  assert.equal(extractArticle(html, { url: 'https://example.org/news/bus-routes/' }).author, undefined);
});

test('a page tool beside the date is no name', () => {
  assert.equal(nameBesideDateLine(lines('Text Size', '05.04.2025'), isPersonName), undefined);
  assert.equal(nameBesideDateLine(lines('Share Article', 'Sep 01, 2023'), isPersonName), undefined);
});

test('a date line carrying the reading time or a "Created on" label still stands beside the name', () => {
  const common = (w: string): boolean => ['public', 'transport', 'local'].includes(w);
  assert.equal(nameBesideDateLine(lines('Elena Marsh', '23.07.2025 · 6 min read'), isPersonName, common), 'Elena Marsh');
  assert.equal(nameBesideDateLine(lines('Elena Marsh', 'Created on Jul 11, 2025'), isPersonName, common), 'Elena Marsh');
  // Without a way to tell a topic's words, only the plain date line counts.
  assert.equal(nameBesideDateLine(lines('Elena Marsh', 'Created on Jul 11, 2025'), isPersonName), undefined);
  const info = '<div><p>Elena Marsh</p><p>23.07.2025 · 6 min read</p></div>';
  assert.equal(extractFrom(body(info), { head, url: 'https://example.org/news/bus-routes/' }).author, 'Elena Marsh');
  // A reading time alone is no date: the name-like line beside it is not taken for a byline.
  assert.equal(nameBesideDateLine(lines('Elena Marsh', '6 min read'), isPersonName), undefined);
  assert.equal(nameBesideDateLine(lines('Elena Marsh', '23.07.2025 · related stories'), isPersonName), undefined);
});

test('a topic line beside a reading-time or "Created on" date line is no name: its words are the page\'s common words', () => {
  const author = (info: string): string | undefined => extractFrom(body(info), { head, url: 'https://example.org/news/bus-routes/' }).author;
  assert.equal(author('<div><p>Public Transport</p><p>Jul 23, 2025 · 6 min read</p></div>'), undefined);
  assert.equal(author('<div><p>Local Government</p><p>Created on Jul 11, 2025</p></div>'), undefined);
  assert.equal(author('<div><p>New York</p><p>Jul 23, 2025 · 6 min read</p></div>'), undefined);
  // A name beside the same line stays.
  assert.equal(author('<div><p>Horea Matei</p><p>Created on Jul 11, 2025</p></div>'), 'Horea Matei');
});

test("a category label beside the date ('Press Release') is no name", () => {
  assert.equal(nameBesideDateLine(lines('Press Release', 'December 19, 2025'), isPersonName), undefined);
  assert.equal(nameBesideDateLine(lines('Chris Releaf', 'December 19, 2025'), isPersonName), 'Chris Releaf');
});
