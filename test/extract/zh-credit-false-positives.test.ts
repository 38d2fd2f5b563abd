/**
 * False credits a review of the zh credit rules found (issue 12): page chrome under an empty 来源 label, a department
 * after the writer's institution, a book's author in a review's first line, a reprint verb after a slash label, a
 * picture credit, a reporter's column heading, a wire photo caption, and prose naming a WeChat account. Each wrong
 * output below was produced before the fix; the credit lines the rules were written for keep reading.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { authorFromText, sourceFromDateline, sourceFromReporterLine, sourceFromText, sourceUnderLabel } from '../../src/extract/byline.js';
import { extractFrom, zhParagraphs } from './helpers.js';

const TITLE = '<h1>某市召开专题会议部署重点工作</h1>';
const SITE = '<meta property="og:site_name" content="江城日报">';
const withInfo = (info: string, tail = '') => extractFrom(`${TITLE}${info}<div class="content">${zhParagraphs()}${tail}</div>`);

test('page chrome after an empty source label is no source, and later credits still read', () => {
  for (const chrome of ['【字体：大 中 小】', '【关闭窗口】', '[返回列表]', '视力保护色', '微信扫一扫', '扫一扫在手机打开当前页', '张三', '管理员']) {
    assert.equal(sourceUnderLabel([{ text: '来源：' }, { text: chrome }]), undefined, chrome);
  }
  const font = withInfo('<div class="info"><div>2023-05-03 10:20</div><div>来源：</div><div>【字体：大 中 小】</div></div>');
  assert.equal(font.publisher, undefined);
  const logo = withInfo('<div class="info"><div>2023-05-03 10:20</div><div>来源：<img src="logo.png" alt=""></div><div><a>返回列表</a></div></div>', '<p>来源：人民日报</p>');
  assert.equal(logo.publisher, '人民日报');
  const share = extractFrom(`${TITLE}<ul class="info"><li>2023-05-03 10:20</li><li>来源：</li><li><a>微信</a></li><li><a>微博</a></li></ul><div class="content">${zhParagraphs()}<p>（来源：人民日报）</p></div>`);
  assert.equal(share.publisher, '人民日报');
  const writer = withInfo('<div class="info"><div>2023-05-03 10:20</div><div>来源：</div><div>张三</div></div>');
  assert.notEqual(writer.publisher, '张三');
  // The <dl> of article facts still credits its outlet.
  assert.equal(sourceUnderLabel([{ text: '来源' }, { text: '某某日报' }]), '某某日报');
  assert.equal(sourceUnderLabel([{ text: '来源：' }, { text: '返回列表' }, { text: '来源' }, { text: '新华社' }]), '新华社');
});

test("a department after the writer's institution is no name; the name after it is", () => {
  assert.equal(authorFromText('作者：北京协和医院 急诊科 张三'), '张三');
  assert.equal(authorFromText('作者：中国科学院 物理所 张三'), '张三');
  assert.equal(authorFromText('作者：北京协和医院 急诊科 主治医师 张三'), undefined);
  assert.equal(authorFromText('作者：北京协和医院 科普团队'), undefined);
  assert.equal(authorFromText('作者：上海交通大学 医学院'), undefined);
  assert.equal(authorFromText('作者：北京大学 张三 清华大学 李四'), undefined);
  // The institution alone before the name still drops off.
  assert.equal(authorFromText('作者：中国科学院 张三'), '张三');
  for (const line of ['作者：北京协和医院 急诊科 主治医师 张三', '作者：北京协和医院 科普团队', '作者：上海交通大学 医学院']) {
    const a = withInfo(`<div class="info">2023-05-03 10:20 ${line}</div>`);
    assert.equal(a.author, undefined, line);
  }
});

test("a book's author after a comma is no writer of the article; a reprint's credit sentence still is", () => {
  assert.equal(authorFromText('《活着》，作者：余华，作家出版社2012年8月版'), undefined);
  assert.equal(authorFromText('书名：《活着》，作者：余华，出版社：作家出版社'), undefined);
  assert.equal(authorFromText('推荐阅读：《人类简史》，作者：尤瓦尔·赫拉利'), undefined);
  assert.equal(authorFromText('本文来自微信公众号：某某研究（ID：mmyj），作者：张三'), '张三');
  const review = extractFrom(`<h1>在苦难中读懂活着的意义</h1><div class="info">2023-05-03 10:20</div><div class="content">
    <p>《活着》，作者：余华，作家出版社2012年8月版</p>${zhParagraphs()}<p>（作者：李明华，系某某大学文学院教授）</p></div>`, { head: SITE });
  assert.equal(review.author, '李明华');
});
