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

const walk = '<p>The weather was lovely today, so I walked around the park and watched people flying kites by the lake.</p><p>On the way home I bought some flowers for the kitchen table.</p>';
const NAMES = ['Alice', 'Bob Smith', 'carol_k', 'Dave', 'Erin W.', 'Frank', 'Grace', 'Heidi'];
const said = (i: number) => `I love walking in the park too, especially early on weekend mornings when the air is fresh and the paths are quiet. Reply ${i} here.`;

function blogWith(unit: (i: number) => string): string {
  return `<h1>A walk in the park</h1><div class="a1"><div class="a2">${walk}</div><h3>8 Comments</h3><ol>${NAMES.map((_, i) => unit(i)).join('')}</ol></div>`;
}

test('a thread of commenters named in bold (no website link) under one Reply button each is kept out of a short post', () => {
  const unit = (i: number) =>
    `<li><article><footer><div><img src="/a.png"><b>${NAMES[i]}</b> <span>says:</span></div><div><a href="#c${i}"><time datetime="2024-03-0${i + 1}T17:12">March ${i + 1}, 2024 at 5:12 pm</time></a></div></footer><div><p>${said(i)}</p></div><div><a href="?replytocom=${i}">Reply</a></div></article></li>`;
  const a = extractFrom(blogWith(unit), { head: '<title>A walk in the park</title>' });
  assert.match(a.body, /flying kites/);
  assert.ok(!a.body.includes('Reply 3 here'), a.body);
});

test('a posting day written out ("March 3, 2024") or in a <time> element marks a comment unit', () => {
  for (const when of [(i: number) => `<span>March ${i + 1}, 2024</span>`, (i: number) => `<time datetime="2024-03-0${i + 1}">3/${i + 1}</time>`]) {
    const unit = (i: number) => `<li><div><div><a href="/u/${i}">${NAMES[i]}</a></div><div>${when(i)}</div><div><p>${said(i)}</p></div></div></li>`;
    const a = extractFrom(blogWith(unit), { head: '<title>A walk in the park</title>' });
    assert.match(a.body, /flying kites/);
    assert.ok(!a.body.includes('Reply 3 here'), a.body);
  }
});

test('embedded posts whose only short link is their date are not a thread', () => {
  const tweet = (i: number) => `<div class="embed"><blockquote><p>${said(i)} <a href="https://t.co/abcdefghij${i}">https://t.co/abcdefghij${i}</a></p>— ${NAMES[i]} (@user${i}) <a href="https://twitter.com/u${i}/status/${i}">March ${i + 1}, 2024</a></blockquote></div>`;
  const html = `<h1>A walk in the park</h1><div class="a1">${walk}<p>People on social media had a lot to say about the park this week, and here is what some of them wrote.</p>${NAMES.map((_, i) => tweet(i)).join('')}</div>`;
  const a = extractFrom(html, { head: '<title>A walk in the park</title>' });
  assert.match(a.body, /Reply 3 here/);
});
