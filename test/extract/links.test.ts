/** Links to the page itself (links.ts linksToSelf): a blog's permalinked headline, never a script's "#" button. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractFrom, zhParagraphs } from './helpers.js';

const H = '市区新开12条公交线路方便居民出行';

test('a link to the page with an empty fragment is a button, not the permalinked headline', () => {
  const page = (bar: string) => extractFrom(`<div class="bar">${bar}</div><div class="main"><div><b>${H}</b></div><div>${zhParagraphs()}</div></div>`, { head: '<title>某某社区</title>' });
  assert.equal(page('<a href="https://news.example.com/a/1.html#">没有账号？立即注册</a>').title, H);
  // The page's own address, no fragment: a permalink, the headline.
  const a = extractFrom(`<div class="bar"><a href="https://news.example.com/a/1.html">${H}</a></div><div class="main"><div>${zhParagraphs()}</div></div>`, { head: '<title>某某社区</title>' });
  assert.equal(a.title, H);
});
