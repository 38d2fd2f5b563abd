/** Element boundaries are token boundaries for bylines and sources: no text glued across separate elements. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { elementRuns, runLines } from '../../src/extract/people-segments.js';
import { elementsIn, parsePage } from '../../src/extract/dom.js';
import { extractFrom, enParagraphs, zhParagraphs } from './helpers.js';

function firstEl(html: string, name: string) {
  const { doc } = parsePage(`<html><body>${html}</body></html>`);
  const el = elementsIn(doc).find((e) => e.name === name);
  assert.ok(el);
  return el;
}

test('runs split at every element boundary and lines at <br> and block children', () => {
  const div = firstEl('<div>来源：<a href="/m">新京报</a><a href="/r">举报</a><br>作者：<span>张三</span><p>第二段</p></div>', 'div');
  assert.deepEqual(runLines(div), [['来源：', '新京报', '举报'], ['作者：', '张三'], ['第二段']]);
  const byline = firstEl('<div class="byline"><span>Howard Blume</span><span>Staff Writer</span></div>', 'div');
  assert.deepEqual(elementRuns(byline), ['Howard Blume', 'Staff Writer']);
});

test('a source link followed by a report link or a location gives only the source', () => {
  const a = extractFrom(`<h1>苹果称美国反垄断诉讼应被驳回</h1><div class="post_info">2024-05-22 07:16:06 来源: <a href="/m">鞭牛士</a><img src="/ip.svg">北京 <a href="/tipoff" class="post_jubao">举报</a></div><div class="post_body">${zhParagraphs()}</div>`, {
    head: '<title>苹果称美国反垄断诉讼应被驳回</title>',
  });
  assert.equal(a.publisher, '鞭牛士');
});

test('two spans in the info line are two values, not one glued source', () => {
  const a = extractFrom(`<h1>以战时内阁审查提案</h1><div class="info"><span>发稿时间：2024-05-20 13:15:00</span><span>来源：<a href="/c">央视新闻客户端</a></span><span>中国青年网</span></div><div class="article">${zhParagraphs()}</div>`, {
    head: '<title>以战时内阁审查提案</title>',
  });
  assert.equal(a.publisher, '央视新闻客户端');
});

test('a byline element of several spans gives the name, not the name glued to the role', () => {
  const a = extractFrom(`<article><h1>Schools face a budget gap</h1><div class="byline"><span>Howard Blume</span><span>Staff Writer</span></div>${enParagraphs()}</article>`, {
    head: '<title>Schools face a budget gap</title>',
  });
  assert.equal(a.author, 'Howard Blume');
});

test('several rel=author links in one byline are all kept, with the page separator', () => {
  const a = extractFrom(`<article><h1>Protesters hold out</h1><address><a rel="author" href="/p/a">Julia Carrie Wong</a> and <a rel="author" href="/p/b">Sam Levin</a></address>${enParagraphs()}</article>`, {
    head: '<title>Protesters hold out</title>',
  });
  assert.equal(a.author, 'Julia Carrie Wong and Sam Levin');
});

test('a link to a writer page near the headline is the byline even without byline markup', () => {
  const a = extractFrom(`<article><h1>Deadline day trades</h1><div class="x1"><a href="/author/miserableshitehawk">Chris Thompson</a></div><div class="x2"><time>Oct 13, 2016</time></div>${enParagraphs()}</article>`, {
    head: '<title>Deadline day trades</title>',
  });
  assert.equal(a.author, 'Chris Thompson');
  // A link to a section page is no byline.
  const b = extractFrom(`<article><h1>Deadline day trades</h1><div class="x1"><a href="/sports/football">Premier League</a></div>${enParagraphs()}</article>`, {
    head: '<title>Deadline day trades</title>',
  });
  assert.equal(b.author, undefined);
});

test('a long opening paragraph still gives the byline at its start', () => {
  const long = '新华社北京5月20日电（记者王雨萧）' + '商务部20日发布数据显示，前4个月全国实际使用外资保持稳定，高技术产业引资占比继续提升。'.repeat(12);
  const a = extractFrom(`<h1>前4个月实际使用外资保持稳定</h1><div class="info">2024-05-20 10:38</div><div id="detail"><p>${long}</p>${zhParagraphs()}</div>`, {
    head: '<title>前4个月实际使用外资保持稳定</title>',
  });
  assert.equal(a.author, '王雨萧');
});
