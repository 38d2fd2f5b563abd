/** Account platforms, script variables and the source a page's text credits (issue 12). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractArticle } from '../../src/extract/index.js';
import { extractFrom, zhParagraphs } from './helpers.js';

const wechat = (meta: string, tail = ''): string => `<html><head><title>石榴花开</title><meta property="og:site_name" content="微信公众平台"></head>
  <body><h2 id="activity-name">石榴花开</h2>${meta}<div id="js_content">${zhParagraphs()}${tail}</div></body></html>`;

test('a WeChat article credits its account even when the text names another source', () => {
  const a = extractArticle(wechat('<div id="meta_content"><em id="post-date">2018-03-20</em><a id="post-user" href="##">共产党员</a></div>', '<p>（来源：新华社）</p>'), { url: 'https://mp.weixin.qq.com/s/a' });
  assert.equal(a.publisher, '共产党员');
});

test('the account name in a nickname-classed element is found without #js_name', () => {
  const a = extractArticle(wechat('<div class="rich_media_meta_list"><span class="rich_media_meta rich_media_meta_nickname">掌上绥德</span></div>'), { url: 'https://mp.weixin.qq.com/s/b' });
  assert.equal(a.publisher, '掌上绥德');
});

test("WeChat's script account name, wrapped in its htmlDecode call, is the source", () => {
  const a = extractArticle(wechat('', '<script>var nickname = htmlDecode("掌上绥德");</script>'), { url: 'https://mp.weixin.qq.com/s/d' });
  assert.equal(a.publisher, '掌上绥德');
});

test('without the account name a platform is no source', () => {
  const a = extractArticle(wechat(''), { url: 'https://mp.weixin.qq.com/s/c' });
  assert.notEqual(a.publisher, '微信公众平台');
});

test("a blog's script nickName is its writer, not the page's source", () => {
  const a = extractFrom(`<h1 class="title-article">SolVES模型的评估</h1><div class="bar-content"><a class="follow-nickName" href="/u">Jeremy Tsheng</a><span class="time">于 2023-03-12 13:08:03 发布</span></div><div id="content_views">${zhParagraphs()}</div><script>var nickName = "Jeremy Tsheng";</script>`, {
    head: '<title>SolVES模型的评估-CSDN博客</title>',
  });
  assert.equal(a.author, 'Jeremy Tsheng');
  assert.notEqual(a.publisher, 'Jeremy Tsheng');
});

test('a .reporter element in a Chinese CMS is a byline element', () => {
  const a = extractFrom(`<h1>九月政爭</h1><p class="meta dateline">時間：2014/01/31 18:32</p><p class="meta reporter">記者：邱婉柔</p><div class="content">${zhParagraphs()}</div>`, {
    head: '<title>九月政爭</title>',
  });
  assert.equal(a.author, '邱婉柔');
});

test("WeChat's newer page data names the account as nick_name: JsDecode('…'); its JsDecode'd clock is not the time", () => {
  const page = `<html><head><title>石榴花开</title><meta property="og:site_name" content="微信公众平台"></head><body><h2 id="activity-name">石榴花开</h2>
    <div id="js_content">${zhParagraphs()}</div>
    <script>window.cgiDataNew = { user_name: JsDecode('gh_0123456789ab'), nick_name: JsDecode('左岸书房'), create_time: JsDecode('2026-01-02 17:39'), ct: '1767346773' };</script></body></html>`;
  const a = extractArticle(page, { url: 'https://mp.weixin.qq.com/s/c' });
  assert.equal(a.publisher, '左岸书房');
  assert.equal(a.publishedAt, '2026-01-02T17:39:33+08:00');
});

test("a WeChat post saved without the platform's site name or layout is known by its address: the script's nickname is the account", () => {
  const page = `<html><head><title>石榴花开</title></head><body><h2>石榴花开</h2><div class="content">${zhParagraphs()}</div><script>var nickname = "城市日记";</script></body></html>`;
  assert.equal(extractArticle(page, { url: 'https://mp.weixin.qq.com/s/d' }).publisher, '城市日记');
  // Elsewhere a script's nickname is a blog's writer, no source.
  assert.notEqual(extractArticle(page, { url: 'https://blog.example.com/p/1' }).publisher, '城市日记');
});

test("a page pointing to WeChat only by og:url: a script object's nickname is no account, and the printed source wins", () => {
  const page = (script: string) =>
    `<html><head><title>石榴花开</title><meta property="og:url" content="https://mp.weixin.qq.com/s/d"></head><body><h2>石榴花开</h2><div>2024-05-01 来源：左岸读书</div><div class="content">${zhParagraphs()}</div><script>${script}</script></body></html>`;
  assert.equal(extractArticle(page('window.user = { nickname: "游客" };'), { url: 'https://reader.example.com/p/1' }).publisher, '左岸读书');
  assert.equal(extractArticle(page('var nickname = "城市日记";'), { url: 'https://reader.example.com/p/1' }).publisher, '左岸读书');
});
