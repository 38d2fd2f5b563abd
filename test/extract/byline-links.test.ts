/**
 * A byline read on into the link after it (issue 12: "author glued to the next link's text"): links that send the
 * reader elsewhere ("更多文章", "查看全部", "进入专栏") are the page's interface, not more names.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isInterfaceWord, withoutTrailingChrome } from '../../src/extract/people-names.js';
import { extractFrom, zhParagraphs } from './helpers.js';

const H = '全市将新开通12条公交线路';
const page = (info: string): string => `<div class="art"><h1>${H}</h1><div class="info">${info}</div>${zhParagraphs(4)}</div>`;
const opts = { head: `<title>${H}_某某网</title>`, timezone: 'Asia/Shanghai' };

test('a link sending the reader elsewhere after the name ends the byline', () => {
  assert.equal(extractFrom(page('2023-10-08 14:30 作者：张三<a href="/u/1/articles">更多文章</a>'), opts).author, '张三');
  assert.equal(extractFrom(page('2023-10-08 14:30 作者：<a href="/u/1">张三</a> <a href="/column/1">进入专栏</a>'), opts).author, '张三');
  assert.equal(withoutTrailingChrome('张三 李四 查看全部'), '张三 李四');
  // Two linked writers stay two writers.
  assert.equal(extractFrom(page('2023-10-08 14:30 作者：<a href="/u/1">张三</a> <a href="/u/2">李四</a>'), opts).author, '张三 李四');
});

test('only the prompt words open such a link: names are not interface words', () => {
  for (const w of ['更多文章', '查看更多', '进入主页', '返回首页', '点击查看']) assert.ok(isInterfaceWord(w), w);
  for (const w of ['张三', '查良镛', '进军', '更生']) assert.ok(!isInterfaceWord(w), w);
});
