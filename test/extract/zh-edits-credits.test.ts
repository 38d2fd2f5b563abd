/**
 * Chinese pages of sites never seen (issue 12), written before the mechanisms they check: an edit time in a date
 * element's hover text, a signed-in reader's name in the site's menu, the byline labels 撰文者/撰文 and the credit
 * 出自, an outlet╱name bracket, and a closing wire credit. Class names are plain or meaningless.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { authorFromText } from '../../src/extract/byline.js';
import { enParagraphs, extractFrom, zhParagraphs } from './helpers.js';

const P = zhParagraphs(4);
const H = '全市将新开通12条公交线路';
const opts = { head: `<title>${H} - 某某笔记</title>`, timezone: 'Asia/Shanghai' };

test("a date element's hover text worded as an edit is the update time; the element's own text is the publish time", () => {
  const at = (span: string) => extractFrom(`<div class="note"><h1>${H}</h1><div class="meta"><a href="/u/1">张三</a> ${span}</div>${P}</div>`, opts);
  const a = at('<span class="publish-time" title="最后编辑于 2017.12.03 05:36">2016.05.18 16:03*</span>');
  assert.equal(a.publishedAt, '2016-05-18T16:03:00+08:00');
  assert.equal(a.modifiedAt, '2017-12-03T05:36:00+08:00');
  // Traditional wording, a class that says only "time".
  const b = at('<span class="x-time" title="最後修改 2019/01/02 10:00">2018/12/30 09:15</span>');
  assert.equal(b.publishedAt, '2018-12-30T09:15:00+08:00');
  assert.equal(b.modifiedAt, '2019-01-02T10:00:00+08:00');
  // A hover text that is not worded as an edit still dates the element (a full timestamp behind a short date).
  assert.equal(at('<span class="publish-time" title="2016-05-18 16:03:20">05-18</span>').publishedAt, '2016-05-18T16:03:20+08:00');
});

test('traditional update labels (更新於, 修改於, 最後修改) mark a line\'s time as the update, not the publish time', () => {
  for (const label of ['更新於', '修改於', '最後修改：']) {
    const a = extractFrom(`<h1>${H}</h1><p>${label} 2019-01-02 10:00</p><p>臨江日報 2018-12-30 09:15</p><div class="content">${P}</div>`, opts);
    assert.equal(a.publishedAt, '2018-12-30T09:15:00+08:00', label);
  }
});

test("a related list's cards after the article, each with its own author element, do not name the page's writer", () => {
  const cards = ['笨小孩你谁啊', 'reader_lin', '梦里花落'].map(
    (n, i) => `<div class="note"><a class="title" href="/p/${i}">${H}（转载${i}）</a><p>摘要……</p><a class="author" href="/u/${i}"><span class="name">${n}</span></a></div>`,
  ).join('');
  const post = (meta: string) =>
    extractFrom(`<div class="post"><h1>${H}</h1><div class="who">${meta}<div><span class="publish-time">2016.05.18 16:03</span> <span>字数 1002</span></div></div><div class="show-content">${P}</div></div><div class="more"><div>相关文章</div>${cards}</div>`, opts).author;
  // The writer's name under the headline, as a plain link to the profile.
  assert.equal(post('<span class="name"><a href="/u/abc">临江老张_note</a></span>'), '临江老张_note');
  // The article's byline with the list's own class stays the page's.
  assert.equal(post('<a class="author" href="/u/abc"><span class="name">临江老张</span></a>'), '临江老张');
});

test('byline labels 撰文者 / 撰稿人 and a leading slash (/撰文/name); a name compiled or translated (編譯) is the writer', () => {
  assert.equal(authorFromText('臨江科技網｜撰文者：林美君編譯 發表日期：2012-05-16'), '林美君');
  assert.equal(authorFromText('撰稿人：王小明'), '王小明');
  assert.equal(authorFromText('撰文者 張志豪'), '張志豪');
  assert.equal(authorFromText('作者：林美君翻譯'), '林美君');
  assert.equal(authorFromText('/撰文/陳志明'), '陳志明');
  // On a page: the info row under the headline, its fields in list items.
  const row = '<ul class="bar"><li>2012-02-09 02:42</li><li>臨江雜誌</li><li>/撰文/陳志明</li></ul>';
  assert.equal(extractFrom(`<div class="box"><h1>${H}</h1>${row}<div class="content">${P}</div></div>`, opts).author, '陳志明');
});

test('an outlet╱name bracket (【臨江新聞╱張志豪】) names the writer; a place, a desk or a kind after the slash does not', () => {
  assert.equal(authorFromText('【臨江新聞╱張志豪】'), '張志豪');
  assert.equal(authorFromText('〔江城日報／林美君〕 2012-05-07'), '林美君');
  for (const t of ['【中央社╱台北】', '【聯合報╱社論】', '【江城時報╱專題】']) assert.equal(authorFromText(t), undefined, t);
  const row = '<ul class="bar"><li>2012-05-07 07:47</li><li>新聞速報</li><li>【臨江新聞╱張志豪】</li></ul>';
  assert.equal(extractFrom(`<div class="box"><h1>${H}</h1>${row}<div class="content">${P}</div></div>`, opts).author, '張志豪');
});

test('出自 and a Latin name on a line of its own credits that outlet; prose that says 出自 does not', () => {
  const page = (last: string) => extractFrom(`<h1>${H}</h1><p class="info">發表日期：2012-05-16</p><div class="content">${P}<p>${last}</p></div>`, opts).publisher;
  assert.equal(page('出自<a href="http://example.com/a">TechWire</a>'), 'TechWire');
  assert.equal(page('本文出自 The Daily Byte'), 'The Daily Byte');
  assert.notEqual(page('这个想法出自 Google 的工程师团队，他们说明了原因。'), 'Google');
});

test('a wire service in brackets closing the story (…。（中央社）) is the source; a reporter or note bracket is not', () => {
  const page = (last: string) => extractFrom(`<h1>${H}</h1><p class="info">2012-05-15 20:21</p><div class="content">${P}<p>市府表示，將依法辦理。${last}</p></div>`, { head: `<title>${H}</title>`, timezone: 'Asia/Taipei' }).publisher;
  assert.equal(page('（中央社）'), '中央社');
  assert.equal(page('（路透）'), '路透');
  assert.notEqual(page('（記者張志豪）'), '張志豪');
  assert.equal(page('（完）'), undefined);
  // A picture's credit closing the story names where the photo came from.
  for (const pic of ['（圖片擷取自江城郵報）', '（取自日網）', '（翻攝江城日報）']) assert.equal(page(pic), undefined, pic);
});

test("a one-word byline still takes its full form from a related card's byline (only the pick of the writer skips the list)", () => {
  const card = (n: string, slug: string) => `<div class="card"><a href="/p/${slug}">Another trip</a><div class="post-author"><a itemprop="author" href="/author/${slug}/">${n}</a></div></div>`;
  const html = `<article><h1>Travel slow, stay longer</h1><div class="post-author"><a itemprop="author" href="/author/admin/">Linda</a></div><div class="entry">${enParagraphs(5)}</div></article><aside class="related"><h3>Related posts</h3>${card('Linda', 'admin')}${card('Linda McCall', 'linda-mccall')}${card('Mark Stone', 'mark')}</aside>`;
  assert.equal(extractFrom(html, { head: '<title>Travel slow, stay longer</title>' }).author, 'Linda McCall');
});

test('a closing bracket that glosses the last words, or names a common noun ending 社/報/網, credits no outlet', () => {
  const page = (last: string) => extractFrom(`<h1>${H}</h1><p class="info">2012-05-15 20:21</p><div class="content">${P}<p>${last}</p></div>`, { head: `<title>${H}</title>`, timezone: 'Asia/Taipei' }).publisher;
  for (const last of [
    '这家公司主营业务为互联网（物联网）',
    '他说他每天都看报。（包括晚报）',
    '民眾可洽詢當地公所或農會（合作社）',
    '參加者包括多個團體。（登山社）',
    '這是早期的人民公社。（人民公社）',
    '他說這是假消息（假新聞）',
    '該報導引述消息人士說法（英國廣播電台）',
  ]) assert.equal(page(last), undefined, last);
  // A word before the outlet's name is read past.
  assert.equal(page('市府表示，將依法辦理。（綜合中央社）'), '中央社');
  assert.equal(page('市府表示，將依法辦理。（原刊於江城日報）'), '江城日報');
});

test('出自 quoting a book, a poem or a speaker, or crediting a picture, credits no outlet', () => {
  const page = (last: string, mid = '') => extractFrom(`<h1>${H}</h1><p class="info">發表日期：2012-05-16</p><div class="content">${P}${mid}<p>${last}</p></div>`, opts).publisher;
  for (const last of ['“关关雎鸠，在河之洲”出自《诗经》。', '——出自《论语》', '出自《诗经·周南》的名句流传至今，人们仍在传诵。', '—— 出自 Steve Jobs', '（圖／出自：Shutterstock）', '圖｜出自 Unsplash']) {
    assert.equal(page(last), undefined, last);
  }
  assert.equal(page('全文完。', '<p>他说：“路漫漫其修远兮”，出自《离骚》，意思是道路还很漫长。</p>'), undefined);
});

test('outlet╱name brackets with two characters after the slash (a place, a desk) give no writer; a slash in a path or tag list opens no label', () => {
  for (const t of ['【中央社╱華府】美國國務院今天表示。', '【中廣新聞╱焦點】', '【中廣新聞╱林口】']) assert.equal(authorFromText(t), undefined, t);
  assert.equal(authorFromText('標籤：AI/撰文/寫作'), undefined);
  assert.equal(authorFromText('https://example.com/撰文/abc'), undefined);
  assert.equal(authorFromText('2024-01-02 /撰文/梁任瑋'), '梁任瑋');
});

test('byline elements after the article are kept when no other byline is left (an "about the authors" box)', () => {
  const bios = ['Jane Smith', 'John Doe', 'Ann Lee'].map((n) => `<div><span class="author">${n}</span><p>Writes about cities and transport.</p></div>`).join('');
  const a = extractFrom(`<article><h1>City adds twelve new bus routes</h1>${enParagraphs(5)}</article><div class="bio">${bios}</div>`, { head: '<title>City adds twelve new bus routes</title>' });
  assert.equal(a.author?.startsWith('Jane Smith'), true, a.author);
});

test('a hover text holding both the publish and the edit time gives the edit time as the update', () => {
  const a = extractFrom(`<div class="note"><h1>${H}</h1><div class="meta"><a href="/u/1">张三</a> <span class="publish-time" title="发布于 2016-05-18 10:00 最后编辑于 2017-12-03 05:36">2016-05-18 10:00</span></div>${P}</div>`, opts);
  assert.equal(a.publishedAt, '2016-05-18T10:00:00+08:00');
  assert.equal(a.modifiedAt, '2017-12-03T05:36:00+08:00');
});

test('a role glued to a bare surname (作者：張編譯) gives no writer, not the surname alone', () => {
  assert.equal(authorFromText('作者：張編譯'), undefined);
  assert.equal(authorFromText('撰文者：許凱玲編譯'), '許凱玲');
});
