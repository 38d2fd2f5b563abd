import assert from 'node:assert/strict';
import { test } from 'node:test';
import { articleBodyMarkdown, renderMarkdownBody, renderPlainBody } from '../../src/site/article-body.js';
import { EXTERNAL_REL, escapeHtml, externalLink, html, safeUrl } from '../../src/site/html.js';

test('html escapes every interpolated value, nested templates pass through once', () => {
  const evil = `<script>alert("x")</script>&'`;
  const out = html`<p title="${evil}">${evil}${html`<b>${evil}</b>`}</p>`.value;
  assert.equal(out.includes('<script>'), false);
  assert.equal(
    out,
    `<p title="${escapeHtml(evil)}">${escapeHtml(evil)}<b>${escapeHtml(evil)}</b></p>`,
  );
  assert.equal(html`${['a<', html`<i>b</i>`, null, false, undefined, 3]}`.value, 'a&lt;<i>b</i>3');
});

test('URL attributes only take relative, http(s) and mailto URLs', () => {
  for (const bad of ['javascript:alert(1)', ' JaVaScRiPt:alert(1)', 'java\nscript:alert(1)', 'data:text/html,<b>', 'vbscript:x', '//evil.example/x', 'file:///etc/passwd']) {
    assert.equal(safeUrl(bad), '#', bad);
    assert.match(html`<a href="${bad}">x</a>`.value, /href="#"/, bad);
  }
  for (const good of ['/s/1', './a/index.html', '../../c/x', '?q=1', '#top', 'https://example.com/a?b=1&c=2', 'http://x.test/', 'mailto:a@b.c']) {
    assert.equal(safeUrl(good), good);
  }
  assert.match(html`<img src="${'https://e.com/a.jpg?x=1&y=2'}">`.value, /src="https:\/\/e\.com\/a\.jpg\?x=1&amp;y=2"/);
  // Not a URL attribute: kept as text (escaped).
  assert.match(html`<p data-x="${'javascript:1'}">`.value, /data-x="javascript:1"/);
});

test('an unquoted attribute interpolation is a template bug and throws', () => {
  assert.throws(() => html`<a href=${'/x'}>x</a>`, TypeError);
  // `=` in text content is fine.
  assert.equal(html`<p>a = ${'b'}</p>`.value, '<p>a = b</p>');
});

test('external links never send a referrer and carry noopener noreferrer nofollow', () => {
  const link = externalLink('https://news.example/a', 'story').value;
  assert.match(link, new RegExp(`rel="${EXTERNAL_REL}"`));
  assert.equal(EXTERNAL_REL, 'noopener noreferrer nofollow');
  assert.match(link, /referrerpolicy="no-referrer"/);
});

test('article.md renders as escaped HTML with images in place, captions and safe links', () => {
  const md = `---
title: "t"
original_url: "https://e.com/a"
---

# The title

First paragraph with <script>alert(1)</script> and a [link](https://e.com/more) and an [evil one](javascript:alert%281%29) and a \\*star\\*.

![A kite over Weifang](https://e.com/kite.jpg)
*Caption with \\* star*

## Heading

- one
- two
  - nested

> quoted [text](https://q.example/)

| a | b \\| c |
| --- | --- |
| 1 | 2 |

![bad](javascript:alert(1))`;
  const body = articleBodyMarkdown(md);
  assert.equal(body.startsWith('First paragraph'), true);
  const out = renderMarkdownBody(body).value;
  assert.equal(out.includes('<script>'), false);
  assert.match(out, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
  assert.match(out, new RegExp(`<a href="https://e.com/more" rel="${EXTERNAL_REL}"[^>]*>link</a>`));
  assert.doesNotMatch(out, /javascript:/);
  assert.match(out, /and an evil one and a \*star\*\./);
  assert.match(out, /<figure><img src="https:\/\/e.com\/kite.jpg" alt="A kite over Weifang"[^>]*referrerpolicy="no-referrer"[^>]*><figcaption>Caption with \* star<\/figcaption><\/figure>/);
  assert.match(out, /<h2>Heading<\/h2>/);
  assert.match(out, /<ul><li>one<\/li><li>two<ul><li>nested<\/li><\/ul><\/li><\/ul>/);
  assert.match(out, /<blockquote><p>quoted <a href="https:\/\/q.example\/"/);
  assert.match(out, /<th>b \| c<\/th>/);
  assert.equal((out.match(/<img/g) ?? []).length, 1, 'the javascript: image is dropped');
});

test('the plain-text fallback keeps paragraphs and appends the images', () => {
  const out = renderPlainBody({ body: 'One <b>\n\nTwo\nlines', images: [{ src: 'https://e.com/i.jpg', alt: 'x', caption: 'cap' }] }).value;
  assert.equal(out, '<p>One &lt;b&gt;</p><p>Two<br>lines</p><figure><img src="https://e.com/i.jpg" alt="x" loading="lazy" decoding="async" referrerpolicy="no-referrer"><figcaption>cap</figcaption></figure>');
});
