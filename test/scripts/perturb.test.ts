import { test } from 'node:test';
import assert from 'node:assert/strict';
import { anonymiseNames, flattenTags, perturb, stripHints } from '../../scripts/eval/perturb.js';

const PAGE = `<html><head><meta charset="gbk"><meta http-equiv="Content-Type" content="text/html; charset=gbk">
<meta property="article:published_time" content="2025-01-02T03:04:05Z"><meta name="author" content="Ann Lee">
<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2025-01-02"}</script><title>T</title></head>
<body><article class="post-body main" id="story" itemscope itemtype="https://schema.org/NewsArticle">
<time datetime="2025-01-02" itemprop="datePublished">2 Jan 2025</time><p class="lede">The property of class="x" and id=y stays as text.</p>
<p class=lede>Again</p></article></body></html>`;

test('stripHints removes meta hints, JSON-LD and microdata attributes, and keeps the charset and every visible word', () => {
  const out = stripHints(PAGE);
  assert.match(out, /<meta charset="gbk">/);
  assert.match(out, /http-equiv/);
  assert.doesNotMatch(out, /article:published_time|name="author"|ld\+json|itemprop|itemscope|datetime=/);
  assert.match(out, /<time>2 Jan 2025<\/time>/);
  assert.match(out, /The property of class="x" and id=y stays as text\./);
});

test('anonymiseNames gives each class and id word one opaque token and leaves text alone', () => {
  const out = anonymiseNames(PAGE);
  assert.doesNotMatch(out, /post-body|"story"|class="lede"/);
  const ledes = [...out.matchAll(/<p class="([^"]+)">/g)].map((m) => m[1]);
  assert.equal(ledes.length, 2);
  assert.equal(ledes[0], ledes[1], 'the same name gets the same token, quoted or not');
  assert.match(out, /The property of class="x" and id=y stays as text\./);
  assert.equal(perturb(PAGE, 'both'), anonymiseNames(stripHints(PAGE)));
});

test('flattenTags turns headings and semantic tags into divs, attributes and text kept, other tags untouched', () => {
  const html = '<header><h1 class="t">Head <b>line</b></h1><time datetime="2025-01-02">2 Jan</time></header><p>the header of h1 text</p><hr><th>x</th><html>';
  const out = flattenTags(html);
  assert.equal(out, '<div><div class="t">Head <b>line</b></div><div datetime="2025-01-02">2 Jan</div></div><p>the header of h1 text</p><hr><th>x</th><html>');
  assert.equal(perturb(PAGE, 'all'), flattenTags(anonymiseNames(stripHints(PAGE))));
  assert.doesNotMatch(perturb(PAGE, 'all'), /<article|<time|itemprop|post-body/);
});
