/** Body (issue 12): a comment thread known by its structure (poster link + time per unit), not by class names. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractFrom } from './helpers.js';

const head = '<title>周末随笔</title>';
const post = '<p>今天天气很好，去公园走了一圈，看到很多人在放风筝，心情也跟着好了起来。</p><p>回家路上买了一束花。</p>';
const reply = '这篇写得真好，我也很喜欢去公园散步，尤其是周末的早上，空气特别清新，人也不多，推荐大家试试看。';

function unit(i: number, poster: string, extra = ''): string {
  return `<div class="item"><div class="meta"><a href="/u/${i}">${poster}</a><span>2023-07-0${(i % 9) + 1} 12:0${i % 9}</span></div>${extra}<div class="txt">${reply}第${i}楼</div><a href="#r">回复</a></div>`;
}

test('a short post keeps out the longer thread under it when the thread is known only by its structure', () => {
  const thread = Array.from({ length: 8 }, (_, i) => unit(i, `用户${i}`)).join('');
  const a = extractFrom(`<h1>周末随笔</h1><div class="main"><div class="post">${post}</div><h3>8条评论</h3><div class="list">${thread}</div></div>`, { head });
  assert.match(a.body, /放风筝/);
  assert.match(a.body, /买了一束花/);
  assert.ok(!a.body.includes('推荐大家试试看'), a.body);
});

test('entries by one writer, or with headlines, are not a thread (a live blog); a page of nothing but posts keeps them', () => {
  const sameWriter = Array.from({ length: 5 }, (_, i) => unit(i, '记者王明')).join('');
  const a = extractFrom(`<h1>周末随笔</h1><div class="main"><div class="post">${post}</div><div class="list">${sameWriter}</div></div>`, { head });
  assert.match(a.body, /试试看。第4楼/);
  const headlined = Array.from({ length: 5 }, (_, i) => unit(i, `用户${i}`, `<h3>第${i}条快讯</h3>`)).join('');
  const b = extractFrom(`<h1>周末随笔</h1><div class="main"><div class="post">${post}</div><div class="list">${headlined}</div></div>`, { head });
  assert.match(b.body, /试试看。第4楼/);
  const only = Array.from({ length: 5 }, (_, i) => unit(i, `用户${i}`)).join('');
  const c = extractFrom(`<h1>周末随笔</h1><div class="list">${only}</div>`, { head });
  assert.match(c.body, /试试看。第0楼/);
});
