/** Body: a line of a post's counters alone ("阅读量340 收藏 2") is furniture; a sentence naming reads stays. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isBoilerplateLine } from '../../src/extract/body-clean.js';
import { extractFrom, zhParagraphs } from './helpers.js';

test('a line of counters only is furniture', () => {
  for (const t of ['阅读量340 收藏 2', '浏览次数：1024', '点击数：1.2万', '评论 3 · 转发 5']) assert.ok(isBoilerplateLine(t), t);
  for (const t of ['阅读 3', '评论 3', '阅读3篇文章后回答问题', '该文阅读量超过10万，引发热议。']) assert.ok(!isBoilerplateLine(t), t);
});

test('the counters line under a short post is not its text', () => {
  const a = extractFrom(`<h1>公交线路调整</h1><div class="article">${zhParagraphs(3)}<p>阅读量340 收藏 2</p></div>`, { head: '<title>公交线路调整</title>' });
  assert.match(a.body, /新开通12条公交线路/);
  assert.ok(!a.body.includes('阅读量340'), a.body);
});
