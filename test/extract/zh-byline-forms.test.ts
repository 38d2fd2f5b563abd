/**
 * Chinese byline forms not read before (issue 12), as synthetic lines and pages: names bracketed after 记者, "X 发自 Y"
 * opening a line, 采写/撰写 labels, a bullet before 文/, names glued to the outlet link or page tool after them, page
 * tools written as phrases, and an outlet's correspondent after the reporter.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { authorFromText, cleanPersonName } from '../../src/extract/byline.js';
import { extractFrom, zhParagraphs } from './helpers.js';

const P = zhParagraphs(4);
const opts = { head: '<title>全市将新开通12条公交线路_新闻_某某网</title>', timezone: 'Asia/Shanghai' };
const page = (info: string): string => `<div class="art"><h1>全市将新开通12条公交线路</h1><div class="info"><span>2023-10-08 14:30</span> <span>${info}</span></div>${P}</div>`;

test('names bracketed after the reporter label are the writers', () => {
  assert.equal(authorFromText('记者（张三）'), '张三');
  assert.equal(authorFromText('记者(张三)'), '张三');
  assert.equal(authorFromText('本报记者（张三 李四）'), '张三 李四');
  assert.equal(extractFrom(page('本报记者（王小明）'), opts).author, '王小明');
  assert.equal(authorFromText('记者（张三）报道'), '张三');
  // Prose that mentions a reporter names no writer of the article.
  assert.equal(authorFromText('他在接受记者（小张）采访时表示，这件事很重要。'), undefined);
  assert.equal(authorFromText('昨日，市民向记者（王五）反映了情况。'), undefined);
  assert.equal(authorFromText('他告诉记者（小张），这件事很难办。'), undefined);
  assert.equal(authorFromText('市民李先生接受记者（小张）电话采访时表示'), undefined);
  // A photo's position marker is nobody's name.
  assert.equal(authorFromText('图为记者（左二）。'), undefined);
  assert.equal(authorFromText('新华社记者（王小明）'), '王小明');
});

test('"X 发自 Y" opening a line names the writers who filed from Y', () => {
  assert.equal(authorFromText('张三 发自北京'), '张三');
  assert.equal(authorFromText('张三 李四 发自 上海'), '张三 李四');
  // The place is not a second name, and a sentence with 发自 in its middle is no byline.
  assert.equal(authorFromText('这条消息发自北京的一位读者'), undefined);
  // A feeling is no place, and a word run against 发自 is a sentence's subject, not a writer.
  assert.equal(authorFromText('高兴发自内心'), undefined);
  assert.equal(authorFromText('祝福发自内心的感恩'), undefined);
  assert.equal(authorFromText('傅强 发自北京'), '傅强');
  assert.equal(authorFromText('蔣曉明 發自台北'), '蔣曉明');
});

test('采写 and 撰写 label the writers, and a bullet may open a 文/ byline', () => {
  assert.equal(authorFromText('采写：张三'), '张三');
  assert.equal(authorFromText('采写/张三 李四'), '张三 李四');
  assert.equal(authorFromText('撰写：王小明'), '王小明');
  assert.equal(authorFromText('□文/张三'), '张三');
  assert.equal(authorFromText('◆作者：张三'), '张三');
  assert.equal(extractFrom(page('采写：王小明'), opts).author, '王小明');
});

test('a name glued to the outlet link or page tool after it is the name alone', () => {
  assert.equal(cleanPersonName('张三新京报举报'), '张三');
  assert.equal(cleanPersonName('张三字号'), '张三');
  assert.equal(cleanPersonName('王小明人民网'), '王小明');
  // An outlet's own name is not a person glued to a tail (华西 + 都市报).
  assert.notEqual(cleanPersonName('华西都市报'), '华西');
  assert.notEqual(cleanPersonName('张家口日报'), '张家');
  // The longest name whose rest is a tool: 张小明 before 阅读, not 张小 before "明阅读".
  assert.equal(cleanPersonName('张小明阅读'), '张小明');
  // A label is no tool: "关于作者" is a heading, not a name glued to 作者.
  assert.equal(cleanPersonName('关于作者'), undefined);
  // Too short to hold a name and a tool: left to the other checks.
  assert.equal(cleanPersonName('王大中'), '王大中');
  assert.equal(authorFromText('作者：张三字号：大中小'), '张三');
  assert.equal(extractFrom(page('作者：张三新京报举报'), opts).author, '张三');
});

test('page tools written as phrases end the byline', () => {
  assert.equal(authorFromText('作者：张三 打印本页 关闭窗口'), '张三');
  assert.equal(authorFromText('作者：张三 关闭'), '张三');
});

test("an outlet's correspondent credited after the reporter is not a second writer", () => {
  assert.equal(authorFromText('本报记者 张三 本报通讯员 李四'), '张三');
});

test('a byline opening its paragraph ends before the sentence it runs into', () => {
  const body = (p1: string): string => `<div class="art"><h1>全市将新开通12条公交线路</h1><div>2023-10-08 14:30</div><p>${p1}</p>${P}</div>`;
  assert.equal(extractFrom(body('■本报记者 张三 近日，记者从市交通运输局获悉，全市将新开通12条公交线路。'), opts).author, '张三');
  assert.equal(extractFrom(body('澎湃新闻记者 张三 昨天，记者从市交通运输局获悉。'), opts).author, '张三');
  // A second name with a name's shape stays, whatever follows it.
  assert.equal(authorFromText('本报记者 张三 李四，近日从市交通运输局获悉'), '张三 李四');
});

test('an English label before a Chinese name, 文 before a picture credit, and 等 after the names; 发布人 is a CMS account, no writer', () => {
  assert.equal(authorFromText('Author: 张三'), '张三');
  assert.equal(authorFromText('文 张三 图 李四'), '张三');
  // Without the picture credit, "文 张三" may be prose.
  assert.equal(authorFromText('本文 张三'), undefined);
  assert.equal(authorFromText('发布人：办公室'), undefined);
  assert.equal(authorFromText('发布时间：2024-01-01 发布人：综合科'), undefined);
  assert.equal(authorFromText('作者：张三等'), '张三');
  assert.equal(cleanPersonName('张三 李四等'), '张三 李四');
  assert.equal(extractFrom(page('作者：王小明等'), opts).author, '王小明');
});

test("a writer's page link under the headline outranks a JSON-LD author the page never shows", () => {
  const ld = '<script type="application/ld+json">{"@type":"NewsArticle","headline":"全市将新开通12条公交线路","author":{"@type":"Person","name":"陳昱光"}}</script>';
  const body = `<div><h1>全市将新开通12条公交线路</h1><div><time datetime="2018/09/16 00:00">2018年09月16日 15:31</time><div>中時</div><div><a href="/reporter/899">謝明俊</a></div></div>${P}</div>`;
  assert.equal(extractFrom(body, { head: `<title>全市将新开通12条公交线路 - 某某電子報</title>${ld}` }).author, '謝明俊');
  // A JSON-LD author the page shows stays.
  const shown = body.replace('<div>中時</div>', '<div>中時 陳昱光</div>');
  assert.equal(extractFrom(shown, { head: `<title>全市将新开通12条公交线路 - 某某電子報</title>${ld}` }).author, '陳昱光');
});

test('an info line of the date alone reads the outlet and writer printed each on its own line under it', () => {
  const body = (outlet: string, name: string): string =>
    `<div><h1>全市将新开通12条公交线路</h1><div><div>2018年09月16日 15:31</div><div>${outlet}</div><div>${name}</div></div>${P}</div>`;
  const a = extractFrom(body('中時', '謝明俊'), { head: '<title>全市将新开通12条公交线路 - 某某電子報</title>' });
  assert.equal(a.author, '謝明俊');
  assert.equal(a.publisher, '中時');
  const b = extractFrom(body('澎湃新闻', '张三'), { head: '<title>全市将新开通12条公交线路 - 某某电子报</title>' });
  assert.equal(b.author, '张三');
  assert.equal(b.publisher, '澎湃新闻');
});

test('文/图： before the name (one writer credited for text and pictures) is a writer label', () => {
  assert.equal(authorFromText('文/图：张三'), '张三');
  assert.equal(authorFromText('文／圖：張三'), '張三');
});
