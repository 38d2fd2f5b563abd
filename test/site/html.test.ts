import assert from 'node:assert/strict';
import { test } from 'node:test';
import { articleBodyMarkdown, renderMarkdownBody, renderPlainBody } from '../../src/site/article-body.js';
import { EXTERNAL_REL, escapeHtml, externalLink, html, safeUrl } from '../../src/site/html.js';
import { labelsFor } from '../../src/site/i18n.js';

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

test('article.md renders as escaped HTML with image placeholders in place, captions and safe links', () => {
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
  // Never hotlinked: the image is named (alt, caption) and its URL is a link out, not an <img>.
  assert.equal(/<img|srcset|url\(/i.test(out), false);
  assert.match(
    out,
    new RegExp(
      `<figure class="image-placeholder"><p class="image-name"><span class="image-mark">Image</span> A kite over Weifang</p><figcaption>Caption with \\* star</figcaption>` +
        `<p class="image-source">Not loaded from the original site\\. Original image: <a href="https://e\\.com/kite\\.jpg" rel="${EXTERNAL_REL}"[^>]*>https://e\\.com/kite\\.jpg</a></p></figure>`,
    ),
  );
  assert.match(out, /<h2>Heading<\/h2>/);
  assert.match(out, /<ul><li>one<\/li><li>two<ul><li>nested<\/li><\/ul><\/li><\/ul>/);
  assert.match(out, /<blockquote><p>quoted <a href="https:\/\/q.example\/"/);
  assert.match(out, /<th>b \| c<\/th>/);
  assert.equal((out.match(/<figure/g) ?? []).length, 1, 'the javascript: "image" is not an image');
});

test('the plain-text fallback keeps paragraphs and appends the image placeholders', () => {
  const out = renderPlainBody({ body: 'One <b>\n\nTwo\nlines', images: [{ src: 'https://e.com/i.jpg', alt: 'x', caption: 'cap' }] }).value;
  assert.equal(
    out,
    '<p>One &lt;b&gt;</p><p>Two<br>lines</p><figure class="image-placeholder"><p class="image-name"><span class="image-mark">Image</span> x</p><figcaption>cap</figcaption>' +
      `<p class="image-source">Not loaded from the original site. Original image: <a href="https://e.com/i.jpg" rel="${EXTERNAL_REL}" referrerpolicy="no-referrer" target="_blank">https://e.com/i.jpg</a></p></figure>`,
  );
});

test('image placeholders: labels in the site language, alt shown once, unusable URLs never linked', () => {
  const zh = labelsFor('zh-CN');
  const same = renderPlainBody({ body: '', images: [{ src: 'https://e.com/i.jpg', alt: '风筝', caption: '风筝' }] }, zh).value;
  assert.equal((same.match(/风筝/g) ?? []).length, 1, 'an alt equal to the caption is not repeated');
  assert.match(same, /<span class="image-mark">图片<\/span><\/p><figcaption>风筝<\/figcaption><p class="image-source">本站不从原网站加载图片。原图地址：<a href="https:\/\/e\.com\/i\.jpg"/);
  for (const src of ['/relative.jpg', 'data:image/gif;base64,R0lGOD', '//cdn.example/x.jpg', 'javascript:alert%281%29', ' https://e.com/x.jpg\u0000']) {
    const out = renderMarkdownBody(`![named](${src})`, zh).value;
    assert.equal(out, '<figure class="image-placeholder"><p class="image-name"><span class="image-mark">图片</span> named</p></figure>', src);
  }
  assert.equal(renderMarkdownBody('![](/x.jpg)').value, '', 'nothing to name and no usable URL: dropped');
  assert.match(renderMarkdownBody('![](https://e.com/x.jpg)').value, /<span class="image-mark">Image<\/span><\/p><p class="image-source">/);
});
