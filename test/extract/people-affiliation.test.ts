/**
 * A writer's affiliation or title written before the name (issue 12: "author glued to an affiliation/title"): the
 * name stays, the affiliation goes; an affiliation or title alone is no author.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isAcceptableAuthor, withoutLeadingOutlet } from '../../src/extract/people-names.js';
import { extractFrom, zhParagraphs } from './helpers.js';

const H = '全市将新开通12条公交线路';
const page = (info: string): string => `<div class="art"><h1>${H}</h1><div class="info">${info}</div>${zhParagraphs(4)}</div>`;
const opts = { head: `<title>${H}_某某网</title>`, timezone: 'Asia/Shanghai' };

test('an affiliation or title before the names is cut off', () => {
  assert.equal(withoutLeadingOutlet('某某大学 张三'), '张三');
  assert.equal(withoutLeadingOutlet('某某研究院研究员 张三 李四'), '张三 李四');
  assert.equal(withoutLeadingOutlet('清华大学教授 张三'), '张三');
  assert.equal(extractFrom(page('2023-10-08 14:30 作者：某某大学 张三'), opts).author, '张三');
});

test('an affiliation or title alone is no author', () => {
  assert.equal(isAcceptableAuthor('清华大学教授'), false);
  assert.equal(isAcceptableAuthor('某某研究院研究员'), false);
  assert.equal(isAcceptableAuthor('张三'), true);
  assert.notEqual(extractFrom(page('2023-10-08 14:30 作者：清华大学教授 张三'), opts).author, '清华大学教授');
});

test('a four-character name with a compound surname glued to its affiliation keeps all four characters', () => {
  const a = extractFrom(page('2024-05-01 10:00 作者：欧阳晓明北京大学教授'), opts);
  assert.equal(a.author, '欧阳晓明');
});
