/**
 * Label-driven Chinese bylines that hold on layouts the rules were not written against (issue 12): the author label
 * with a qualifier (本文作者, 专栏作者), a label word after the name that is not a second name (发布时间：), a date glued
 * to the name, and a Latin name after 作者：. Synthetic lines, not copied pages.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { authorFromText } from '../../src/extract/byline.js';
import { extractFrom, zhParagraphs } from './helpers.js';

test('an author label with a qualifier (本文作者, 专栏作者, 特约作者) labels the name after it', () => {
  assert.equal(authorFromText('本文作者：张三'), '张三');
  assert.equal(authorFromText('专栏作者：李四 来源：某某日报'), '李四');
  assert.equal(authorFromText('特约作者｜王五'), '王五');
  // A word merely ending in 作者 inside prose is no label.
  assert.equal(authorFromText('很多合作者认为这个方法可行'), undefined);
});

test('a word followed by a colon is the next label, not a second name', () => {
  assert.equal(authorFromText('作者：张三 发布时间：2020-01-01'), '张三');
  assert.equal(authorFromText('作者：张三 阅读数：1024'), '张三');
  assert.equal(authorFromText('记者 张三 李四 发稿时间：10:20'), '张三 李四');
  // Two names stay two names.
  assert.equal(authorFromText('作者：张三 李四'), '张三 李四');
});

test('a date or time glued after the name ends it', () => {
  assert.equal(authorFromText('作者：张三2020-01-01 10:00'), '张三');
  assert.equal(authorFromText('作者：李小明2019年5月1日'), '李小明');
  assert.equal(authorFromText('记者 王五 08:30'), '王五');
});

test('a Latin name after 作者： keeps its capitalised words', () => {
  assert.equal(authorFromText('作者：Jane Doe'), 'Jane Doe');
  assert.equal(authorFromText('作者：Jane Doe 来源：某某网'), 'Jane Doe');
  assert.equal(authorFromText('作者：maomaobear 2015-07-04'), 'maomaobear');
});

test('on a page: the qualified label in the info line gives the author', () => {
  const html = `<div class="art"><h1>全市将新开通12条公交线路</h1><div class="info"><span>2023-10-08 14:30</span> <span>本文作者：赵六</span> <span>阅读：120</span></div>${zhParagraphs(4)}</div>`;
  assert.equal(extractFrom(html, { head: '<title>全市将新开通12条公交线路</title>', timezone: 'Asia/Shanghai' }).author, '赵六');
});

test('a name spaced out after its label, a role after the name (王小明／文), 主笔 and an @ handle', () => {
  assert.equal(authorFromText('作者： 王 小 明'), '王小明');
  assert.equal(authorFromText('王小明／文'), '王小明');
  assert.equal(authorFromText('主笔：王小明'), '王小明');
  assert.equal(authorFromText('作者：@王小明'), '王小明');
});

test('correspondents credited before the reporter are not the author; a role word ends a name list', () => {
  assert.equal(authorFromText('通讯员 李四 记者 王小明'), '王小明');
  assert.equal(authorFromText('本报讯（记者王小明 通讯员李四）'), '王小明');
  // Only correspondents named: they are what the page credits.
  assert.equal(authorFromText('通讯员 李四'), '李四');
});

test('"Contributors:" labels the writers; "Contributor" without its colon is a role, not a label', () => {
  assert.equal(authorFromText('Contributors: Janet Loughrey'), 'Janet Loughrey');
  assert.equal(authorFromText('Contributor Janet Loughrey'), undefined);
});

test("a name particle is a whole word: 'van der Merwe' is read to its end, and the list after it goes on", () => {
  assert.equal(authorFromText('Written by Dr Marna van der Merwe, Dr Dieter Veldsman, Erik van Vulpen'), 'Dr Marna van der Merwe, Dr Dieter Veldsman, Erik van Vulpen');
  assert.equal(authorFromText('By Jane de la Cruz'), 'Jane de la Cruz');
  // A lower-case word that only starts like a particle ("dele") is no particle: the name ends before it.
  assert.equal(authorFromText('Written by Marna dele Merwe'), 'Marna');
});

test("an outlet's whole name after 'By' is not cut back to a name's shape; a reporter before an outlet stays", () => {
  assert.equal(authorFromText('By THE NEW YORK TIMES'), undefined);
  assert.equal(authorFromText('By Jane Doe and John Roe, The New York Times'), 'Jane Doe and John Roe');
  assert.equal(authorFromText('By Mei Reyes, Associated Press'), 'Mei Reyes');
});
