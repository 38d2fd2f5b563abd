/** The info line's bare credit beside the date (info-line.ts): role words label a name, they are none. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { creditBesideDate } from '../../src/extract/info-line.js';
import { extractFrom, zhParagraphs } from './helpers.js';

test('a role word beside the date (通讯员, 实习生, 评论员) is no outlet credited', () => {
  assert.deepEqual(creditBesideDate([{ text: '本报记者 张三 通讯员 李四 2024-05-01 10:00' }]).source, undefined);
  assert.deepEqual(creditBesideDate([{ text: '张三 实习生 2024-05-01 10:00' }]).source, undefined);
  const a = extractFrom(`<div class="article"><h1>全市新开通十二条公交线路方便市民出行</h1><div class="info">本报记者 张三 通讯员 李四 2024-05-01 10:00</div><div class="content">${zhParagraphs(5)}</div></div>`);
  assert.equal(a.publisher, undefined);
  assert.equal(a.author, '张三');
});
