/**
 * JSON-LD author shapes (issue 12): SEO plugins write the article's author as a reference into the graph
 * (`"author": {"@id": "…#/schema/person/…"}`) and the Person as a node of its own; a CMS login in the author slot
 * ("admin") is neither the writer nor the outlet to credit.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractFrom, enParagraphs, zhParagraphs } from './helpers.js';

const graph = (author: string, nodes: string): string =>
  `<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"Organization","@id":"https://news.example.com/#organization","name":"Example News"},` +
  `{"@type":"NewsArticle","headline":"Council expands bus network","datePublished":"2023-10-08T14:30:00+00:00","author":${author},"publisher":{"@id":"https://news.example.com/#organization"}}${nodes}]}</script>`;
const enPage = `<article><h1>Council expands bus network</h1><p>October 8, 2023</p>${enParagraphs(4)}</article>`;

test('an author given as a reference to a Person node of the graph is that Person', () => {
  const person = ',{"@type":"Person","@id":"https://news.example.com/#/schema/person/ab12","name":"Jane Porter"}';
  assert.equal(extractFrom(enPage, { head: graph('{"@id":"https://news.example.com/#/schema/person/ab12"}', person) }).author, 'Jane Porter');
  // Several references, each resolved.
  const two = `${person},{"@type":["Person"],"@id":"https://news.example.com/#/schema/person/cd34","name":"Tom Reyes"}`;
  const a = extractFrom(enPage, { head: graph('[{"@id":"https://news.example.com/#/schema/person/ab12"},{"@id":"https://news.example.com/#/schema/person/cd34"}]', two) }).author;
  assert.ok(a?.includes('Jane Porter') && a.includes('Tom Reyes'), a);
  // A Chinese page's graph the same way.
  const zh = `<div class="k0"><h1>全市将新开通12条公交线路</h1><div>2023-10-08</div><div>${zhParagraphs(4)}</div></div>`;
  const zhPerson = ',{"@type":"Person","@id":"https://news.example.com/#/p/1","name":"张小明"}';
  assert.equal(extractFrom(zh, { head: graph('{"@id":"https://news.example.com/#/p/1"}', zhPerson), timezone: 'Asia/Shanghai' }).author, '张小明');
});

test('a reference to the Organization node is not followed into the author slot', () => {
  assert.equal(extractFrom(enPage, { head: graph('{"@id":"https://news.example.com/#organization"}', '') }).author, undefined);
});

test('a CMS login in the JSON-LD author slot is not credited as the source', () => {
  const head = `<title>Council expands bus network – Racing Blog</title><script type="application/ld+json">{"@context":"https://schema.org","@type":"BlogPosting","headline":"Council expands bus network","author":"admin"}</script>`;
  const a = extractFrom(enPage, { head });
  assert.notEqual(a.publisher, 'admin');
  assert.equal(a.author, undefined);
});

const ref = (id: string): string => `{"@id":"https://news.example.com/#/schema/person/${id}"}`;
const personNode = (id: string, name: string): string => `,{"@type":"Person","@id":"https://news.example.com/#/schema/person/${id}","name":"${name}"}`;
const plainBy = (n: string): string => `<article><h1>Council expands bus network</h1><p>By ${n} | October 8, 2023</p>${enParagraphs(4)}</article>`;

test("a CMS account's display name in the author slot does not beat the printed byline, nor stands in for one", () => {
  const accounts = ['webmaster', 'Webmaster', 'admin2', 'jdoe_83', 'Site Admin', 'Editor', 'Guest Author', 'Redaktion', 'Marketing Team', 'Editorial Staff', 'The Editorial Team', '小编'];
  for (const n of accounts) {
    assert.equal(extractFrom(plainBy('Tom Reyes'), { head: graph(ref('a'), personNode('a', n)) }).author, 'Tom Reyes', n);
    // Inline the same: the structured data's author is an account, whoever wrote the story.
    assert.equal(extractFrom(plainBy('Tom Reyes'), { head: graph(JSON.stringify({ '@type': 'Person', name: n }), '') }).author, 'Tom Reyes', n);
    assert.equal(extractFrom(enPage, { head: graph(ref('a'), personNode('a', n)) }).author, undefined, n);
  }
  // A desk named with its outlet, and a person whose name opens with a role-like word, are no accounts.
  assert.equal(extractFrom(enPage, { head: graph(ref('a'), personNode('a', 'Admin Smith')) }).author, 'Admin Smith');
  assert.equal(extractFrom(enPage, { head: graph(ref('a'), personNode('a', 'Christopher Guest')) }).author, 'Christopher Guest');
});

test('a Person read through a graph reference yields to the plain byline printed under the headline', () => {
  // The uploader's account (shown nowhere) against the writer the page prints.
  assert.equal(extractFrom(plainBy('Tom Reyes'), { head: graph(ref('a'), personNode('a', 'Mark Editorson')) }).author, 'Tom Reyes');
  // The same person printed: the structured name stands.
  assert.equal(extractFrom(plainBy('Jane Porter'), { head: graph(ref('a'), personNode('a', 'Jane Porter')) }).author, 'Jane Porter');
  // A Person named inline is the site's own statement of the writer: it keeps its place over a plain line.
  assert.equal(extractFrom(plainBy('Tom Reyes'), { head: graph('{"@type":"Person","name":"Jane Porter"}', '') }).author, 'Jane Porter');
});

test('a group typed Person beside the writer in the JSON-LD is no co-writer; two people stay', () => {
  const page = (authors: string[]): string | undefined => {
    const ld = JSON.stringify({ '@context': 'https://schema.org', '@type': 'NewsArticle', headline: 'Green gifts for gardeners', author: authors.map((name) => ({ '@type': 'Person', name })) });
    return extractFrom(`<h1>Green gifts for gardeners</h1><article>${enParagraphs(5)}</article>`, { head: `<title>Green gifts for gardeners</title><script type="application/ld+json">${ld}</script>` }).author;
  };
  assert.equal(page(['Arlene Marlow', 'South Carolina Garden-based Learning Network on Facebook']), 'Arlene Marlow');
  assert.equal(page(['Arlene Marlow', 'Dieter Hogan']), 'Arlene Marlow, Dieter Hogan');
});

test('a co-writer of six words or more in the JSON-LD with a name\'s shape (particles, titles) is a person, kept', () => {
  const page = (authors: string[]): string | undefined => {
    const ld = JSON.stringify({ '@context': 'https://schema.org', '@type': 'NewsArticle', headline: 'Green gifts for gardeners', author: authors.map((name) => ({ '@type': 'Person', name })) });
    return extractFrom(`<h1>Green gifts for gardeners</h1><article>${enParagraphs(5)}</article>`, { head: `<title>Green gifts for gardeners</title><script type="application/ld+json">${ld}</script>` }).author;
  };
  assert.equal(page(['Jane Doe', 'Sheikh Mohammed bin Rashid Al Maktoum']), 'Jane Doe, Sheikh Mohammed bin Rashid Al Maktoum');
  assert.equal(page(['Jane Doe', 'Dr. Anne Marie van den Berg']), 'Jane Doe, Dr. Anne Marie van den Berg');
  // A group of the same length is still dropped.
  assert.equal(page(['Jane Doe', 'South Carolina Garden Learning Network Facebook']), 'Jane Doe');
});
