import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cleanTitle, tidyTitle } from '../../src/extract/title-text.js';
import { titleTokens, tokenSimilarity } from '../../src/extract/title-similar.js';
import { enParagraphs, extractFrom, zhParagraphs } from './helpers.js';

test('a reworded h1 beats section headings when no element matches <title> exactly', () => {
  const body = `<h2>All posts</h2><h1>Best Office Chairs to Prevent Back Pain</h1>
    <h2>Office Chair &amp; Back Pain: Quick Facts</h2>${enParagraphs(2)}<h2>Features to Look For</h2>${enParagraphs(2)}`;
  const a = extractFrom(body, { head: '<title>Best Office Chairs for Back Pain Relief | VSI</title>' });
  assert.equal(a.title, 'Best Office Chairs to Prevent Back Pain');
});

test('a heading unlike the metadata title is not taken as a reworded headline', () => {
  const a = extractFrom(`<h2>Table of Contents</h2>${enParagraphs()}`, {
    head: '<title>Wine for Beginners: Easy Guide to Types</title><meta property="og:title" content="Wine for Beginners: Easy Guide to Types">',
  });
  assert.equal(a.title, 'Wine for Beginners: Easy Guide to Types');
});

test('a heading with the headline plus a time shows the headline', () => {
  const a = extractFrom(`<h2>又傳酒駕釀禍 少婦被撞陷昏迷 2013-06-29 17:52</h2>${zhParagraphs()}`, {
    head: '<title>又傳酒駕釀禍 少婦被撞陷昏迷 - 自由電子報</title>',
  });
  assert.equal(a.title, '又傳酒駕釀禍 少婦被撞陷昏迷');
});

test('a channel heading cut off the <title> loses to the article headline', () => {
  const body = `<div class="nav"><h1>网易娱乐</h1></div><h2>著名导演新片定档暑期 主演阵容首次公开</h2>${zhParagraphs()}`;
  const a = extractFrom(body, {
    head: '<title>著名导演新片定档暑期 主演阵容首次公开_网易娱乐</title><meta property="og:title" content="网易娱乐">',
  });
  assert.equal(a.title, '著名导演新片定档暑期 主演阵容首次公开');
});

test('twice-escaped entities and a bracketed time are tidied away', () => {
  assert.equal(tidyTitle('Machine Learning &#8211; 10 Benefits &amp;#38; Uses'), 'Machine Learning – 10 Benefits &#38; Uses');
  assert.equal(tidyTitle('又傳酒駕釀禍 少婦被撞陷昏迷 【17:52】'), '又傳酒駕釀禍 少婦被撞陷昏迷');
  assert.equal(tidyTitle('What is Project Management? [2025]'), 'What is Project Management? [2025]');
});

test('a run of spaces separates a blog name only when it is named like a site', () => {
  assert.equal(cleanTitle('我的周末读书笔记  老王的小屋 天极Blog', []), '我的周末读书笔记');
  assert.equal(cleanTitle('Council expands  bus network downtown', []), 'Council expands bus network downtown');
});

test('title similarity: words for Latin, bigrams for Han', () => {
  assert.ok(tokenSimilarity(titleTokens('Best Office Chairs to Prevent Back Pain'), titleTokens('Best Office Chairs for Back Pain Relief')) > 0.5);
  assert.ok(tokenSimilarity(titleTokens('Table of Contents'), titleTokens('Wine for Beginners: Easy Guide')) < 0.2);
  assert.ok(tokenSimilarity(titleTokens('雄安新区建设进展'), titleTokens('雄安新区建设最新进展')) > 0.6);
});

test('blog and site names behind unusual separators are cut; the same marks inside a headline are kept', () => {
  assert.equal(cleanTitle('市区新开12条公交线路 >> 某某网', []), '市区新开12条公交线路');
  assert.equal(cleanTitle('市区新开12条公交线路～某某论坛', []), '市区新开12条公交线路');
  assert.equal(cleanTitle('市区新开12条公交线路[某某网]', []), '市区新开12条公交线路');
  assert.equal(cleanTitle('市区新开12条公交线路（某某网）', []), '市区新开12条公交线路');
  assert.equal(cleanTitle('市区新开12条公交线路 -- 张三的个人空间', []), '市区新开12条公交线路');
  assert.equal(cleanTitle('Brains Are Not Required When It Comes to Thinking and Solving Problems—Simple Cells Can Do It', []), 'Brains Are Not Required When It Comes to Thinking and Solving Problems—Simple Cells Can Do It');
  assert.equal(cleanTitle('周末去哪儿～城郊赏花好去处推荐', []), '周末去哪儿～城郊赏花好去处推荐');
  assert.equal(cleanTitle('iPhone 16（国行版）评测', []), 'iPhone 16（国行版）评测');
  assert.equal(cleanTitle('三家车企发布新车（附价格表）', []), '三家车企发布新车（附价格表）');
});

test('a <title> of a few characters naming the page type ("新闻中心", "正文") yields to the plain headline line above the info line', () => {
  const page = (title: string) =>
    `<div class="nav"><a href="/">首页</a> <a href="/n">新闻</a></div><div><p class="x">苹果发布新款手机引发热议</p><div>2019-03-02 10:00 作者：张三</div><div>${zhParagraphs()}</div></div><div class="footer">关于我们 联系我们</div>`;
  for (const generic of ['新闻中心', '正文', '文章详情']) assert.equal(extractFrom(page(generic), { head: `<title>${generic}</title>` }).title, '苹果发布新款手机引发热议', generic);
  // A short <title> the page repeats as its headline is the headline.
  const own = extractFrom(`<div><h1>雄安新区</h1><div>2019-03-02 10:00</div><div>${zhParagraphs()}</div></div>`, { head: '<title>雄安新区</title>' });
  assert.equal(own.title, '雄安新区');
});
