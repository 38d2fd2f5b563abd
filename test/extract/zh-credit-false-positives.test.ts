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

test('a newer source form with no usable name lets the older ones read the line', () => {
  assert.equal(sourceFromText('本文来自微信公众号，原载于《南方周末》'), '南方周末');
  assert.equal(sourceFromText('本文来自公众号，转载自新京报'), '新京报');
  assert.equal(sourceFromText('本文来自微信公众号 ，摘自《读者》2023年第5期'), '读者');
  assert.equal(sourceFromText('来源/ 本文转载自新京报'), '新京报');
  assert.equal(sourceFromText('出处/ 摘自《读者》'), '读者');
});

test("a picture's credit under a slash label is no source of the story", () => {
  assert.equal(sourceFromText('来源/视觉中国'), undefined);
  assert.equal(sourceFromText('图 来源/视觉中国'), undefined);
  // An outlet after the slash still reads.
  assert.equal(sourceFromText('来源／新华社'), '新华社');
  assert.equal(sourceFromText('作者/张三 来源/某某日报'), '某某日报');
  const site = extractFrom(`${TITLE}<div class="info">2023-05-03 10:20</div><div class="content"><p><img src="a.jpg"></p><p>来源/视觉中国</p>${zhParagraphs()}</div>`, { head: SITE });
  assert.equal(site.publisher, '江城日报');
  const credited = extractFrom(`${TITLE}<div class="info">2023-05-03 10:20</div><div class="content"><p><img src="a.jpg"></p><p>来源/视觉中国</p>${zhParagraphs()}<p>来源：人民日报</p></div>`);
  assert.equal(credited.publisher, '人民日报');
});

test("a reporter's column heading or a photo credit is no reporter credit line", () => {
  assert.equal(sourceFromReporterLine('澎湃新闻记者手记'), undefined);
  assert.equal(sourceFromReporterLine('新京报记者调查'), undefined);
  assert.equal(sourceFromReporterLine('新华社记者李贺摄'), undefined);
  assert.equal(sourceFromReporterLine('图为央视网记者 张三'), undefined);
  assert.equal(sourceFromReporterLine('澎湃新闻记者 张三 李四'), '澎湃新闻');
  // Role words between the names keep the line a credit.
  assert.equal(sourceFromReporterLine('南方日报记者 张三 通讯员 李四'), '南方日报');
  assert.equal(sourceFromReporterLine('红星新闻记者 张三 实习记者 李四'), '红星新闻');
  const a = extractFrom(`${TITLE}<div class="info">2023-05-03 10:20</div><div class="content"><p><strong>澎湃新闻记者手记</strong></p>${zhParagraphs()}</div>`, { head: SITE });
  assert.equal(a.publisher, '江城日报');
});

test("a wire photo caption with a space after the service is no dateline", () => {
  assert.equal(sourceFromDateline('（新华社 记者 张三 摄）'), undefined);
  assert.equal(sourceFromDateline('新华社 北京5月9日电'), '新华社');
  const a = extractFrom(`${TITLE}<div class="info">2023-05-03 10:20</div><div class="content"><p><img src="a.jpg"></p><p>（新华社 记者 张三 摄）</p>${zhParagraphs()}<p>来源：人民日报</p></div>`, { head: SITE });
  assert.equal(a.publisher, '人民日报');
});

test('prose naming a WeChat account is no reprint credit; the credit sentence names the whole account', () => {
  assert.equal(sourceFromText('这份榜单，来自公众号“江城数据”的统计。'), undefined);
  assert.equal(sourceFromText('本文来自微信公众号文章，版权归原作者所有，如有侵权请联系删除。'), undefined);
  assert.equal(sourceFromText('本文来自微信公众号：上海发布（ID：shanghaifabu），作者：张三'), '上海发布');
  assert.equal(sourceFromText('本文来自于微信公众号：某某研究（ID：mmyj），作者：张三'), '某某研究');
  assert.equal(sourceFromText('（本文来自微信公众号：某某观察）'), '某某观察');
  assert.equal(sourceFromText('本文来自微信公众号：某某研究（ID：mmyj），作者：张三'), '某某研究');
  const a = extractFrom(`${TITLE}<div class="info">2023-05-03 10:20</div><div class="content">${zhParagraphs()}<p>这份榜单，来自公众号“江城数据”的统计。</p></div>`, { head: SITE });
  assert.equal(a.publisher, '江城日报');
});
