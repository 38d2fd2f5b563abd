/**
 * False credits a review of the zh credit rules found (issue 12): page chrome under an empty 来源 label, a department
 * after the writer's institution, a book's author in a review's first line, a reprint verb after a slash label, a
 * picture credit, a reporter's column heading, a wire photo caption, and prose naming a WeChat account. Each wrong
 * output below was produced before the fix; the credit lines the rules were written for keep reading.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sourceUnderLabel } from '../../src/extract/byline.js';
import { extractFrom, zhParagraphs } from './helpers.js';

const TITLE = '<h1>某市召开专题会议部署重点工作</h1>';
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

