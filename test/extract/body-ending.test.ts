/** Body endings (issue 12): a closing run of short numbered lines is the article's, not leftover furniture. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractFrom, zhParagraphs } from './helpers.js';

test('a closing run of short numbered items is kept', () => {
  const items = ['1、王某某', '2、李某', '3、张某某', '4、赵某'].map((t) => `<p>${t}</p>`).join('');
  const a = extractFrom(`<h1>标题新闻</h1><div class="content">${zhParagraphs()}<p>以下人员被列入名单：</p>${items}</div>`, { head: '<title>标题新闻</title>' });
  for (const t of ['1、王某某', '4、赵某']) assert.ok(a.body.includes(t), `body keeps ${t}`);
});

test('a lone short trailing line is still dropped', () => {
  const a = extractFrom(`<h1>标题新闻</h1><div class="content">${zhParagraphs()}<p>更多</p></div>`, { head: '<title>标题新闻</title>' });
  assert.ok(!a.body.endsWith('更多'));
});
