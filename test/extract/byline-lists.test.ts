/**
 * Chinese author labels naming several people split by slashes or bars, and a label whose value opens with the
 * writer's affiliation and title before the name (issue 12). Several Chinese names come out joined by one space, as
 * cleanPersonName writes every Chinese name list. Synthetic lines, not copied pages.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { authorFromText } from '../../src/extract/byline.js';
import { extractFrom, zhParagraphs } from './helpers.js';

test('names after an author label split by a slash, a bar or 、 are all credited', () => {
  assert.equal(authorFromText('作者：张三/李四'), '张三 李四');
  assert.equal(authorFromText('作者：张三／李四／王小明'), '张三 李四 王小明');
  assert.equal(authorFromText('作者：张三 | 李四'), '张三 李四');
  assert.equal(authorFromText('作者：张三｜李四 发布时间：2023-10-08'), '张三 李四');
  assert.equal(authorFromText('作者：张三、李四'), '张三 李四');
});

test('what follows a bar after the name is another name only when it has a name\'s shape', () => {
  // The bar splits the info line's fields: the next field is a label, a date, an outlet or a counter.
  assert.equal(authorFromText('作者：张三 | 来源：江城日报'), '张三');
  assert.equal(authorFromText('作者：张三 | 2023-10-08 14:30'), '张三');
  assert.equal(authorFromText('作者：张三 | 江城日报'), '张三');
  assert.equal(authorFromText('作者：张三 | 阅读 1024'), '张三');
  assert.equal(authorFromText('作者：张三/江城日报'), '张三');
  // A short outlet that opens with a common surname is still an outlet.
  assert.equal(authorFromText('作者：张三 | 黄河网'), '张三');
});

test('names after 文/ or a reporter label split by slashes are all credited, up to a part that is no name', () => {
  assert.equal(authorFromText('文/张三/李四'), '张三 李四');
  assert.equal(authorFromText('文／张三／李四／王小明'), '张三 李四 王小明');
  assert.equal(authorFromText('记者 张三/李四'), '张三 李四');
  assert.equal(authorFromText('本报记者 张三/李四 北京报道'), '张三 李四');
  // A place reported from, an outlet or a photo credit after the slash is no second writer.
  assert.equal(authorFromText('记者 张三/北京报道'), '张三');
  assert.equal(authorFromText('文/张三/新华社'), '张三');
  assert.equal(authorFromText('文/张三/摄影 李四'), '张三');
  assert.equal(authorFromText('文/张三/李四 摄'), '张三');
  // Dateline places that open with a surname's character, and photo credits written with a slash or glued on.
  for (const place of ['武汉', '华盛顿', '石家庄', '白宫']) assert.equal(authorFromText(`记者 张三/${place}`), '张三', place);
  assert.equal(authorFromText('文/张三/石家庄'), '张三');
  assert.equal(authorFromText('记者 张三/李四/摄'), '张三');
  assert.equal(authorFromText('文/张三/李四摄'), '张三');
});

test('an affiliation and title before the name are skipped: the name after them is the author', () => {
  assert.equal(authorFromText('作者：清华大学教授 张三'), '张三');
  assert.equal(authorFromText('作者：江城市第一人民医院主任医师 李小明 来源：健康报'), '李小明');
  assert.equal(authorFromText('作者：某某研究院研究员 张三/李四'), '张三 李四');
  // A name alone or two names stay as they are.
  assert.equal(authorFromText('作者：张三 李四'), '张三 李四');
});

test('on a page: the slash-split label in the info line gives both authors', () => {
  const html = `<div class="art"><h1>全市将新开通12条公交线路</h1><div class="info"><span>2023-10-08 14:30</span> <span>作者：张三/李四</span> <span>阅读：120</span></div>${zhParagraphs(4)}</div>`;
  assert.equal(extractFrom(html, { head: '<title>全市将新开通12条公交线路</title>', timezone: 'Asia/Shanghai' }).author, '张三 李四');
});

test('on a page: a title before the name in the author label', () => {
  const html = `<div class="art"><h1>冬季如何预防流感</h1><div class="info"><span>2023-10-08 14:30</span> <span>作者：清华大学教授 张三</span></div>${zhParagraphs(4)}</div>`;
  assert.equal(extractFrom(html, { head: '<title>冬季如何预防流感</title>', timezone: 'Asia/Shanghai' }).author, '张三');
});

test("the serial comma's ', and' keeps the last of an English byline's names", () => {
  assert.equal(authorFromText('By Jane Doe, John Roe, and Mary Major'), 'Jane Doe, John Roe, and Mary Major');
  assert.equal(authorFromText('Written by Jane Doe, John Roe, and Mary Major'), 'Jane Doe, John Roe, and Mary Major');
});
