/** Headline copies, empty metadata headlines and misspelt title classes (issue 12, second round). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cleanTitle } from '../../src/extract/title-text.js';
import { extractFrom, zhParagraphs } from './helpers.js';

test('a sticky top bar repeating the headline: the copy above the body is the headline times sit beside', () => {
  const body = `<div class="topbar"><h1 class="article_title">呼和浩特发放一次性育儿津贴</h1><div class="share">分享到：微信 微博</div>
    <div class="lang"><a href="/en">English</a><a href="/fr">Français</a><a href="/de">Deutsch</a><a href="/ja">日本語</a><a href="/es">Español</a></div>
    <ul class="menu">${Array.from({ length: 14 }, (_, i) => `<li><a href="/c${i}">频道${i}</a></li>`).join('')}</ul></div>
    <div class="main"><h1>呼和浩特发放一次性育儿津贴</h1><div class="inform"><p>2024-05-13 13:48</p><p>来源：中国网</p></div>
    <div class="article">${zhParagraphs(5)}</div></div>`;
  const a = extractFrom(body, { head: '<title>呼和浩特发放一次性育儿津贴_中国网</title><meta name="publishdate" content="2024-05-13">' });
  assert.equal(a.title, '呼和浩特发放一次性育儿津贴');
  assert.equal(a.publishedAt, '2024-05-13T13:48:00+08:00');
});

test('headline copies in share boxes between the info line and the body: the copy with the date under it is the headline', () => {
  // A <div> styled as the headline, its info line, then a share box and a sidebar card repeating the headline in
  // the same tag, and list dates after them: the copies nearest the body have no info line of their own.
  const H = '对于容器的一点使用经验和体会';
  const box = (n: number): string => `<div class="b${n}"><div>${H}</div><div>复制链接</div><div>扫一扫</div></div>`;
  const rows = ['分类专栏：容器', '<a href="/c">容器</a> <a href="/k">Docker</a>', '专栏收录该内容', '7 篇文章 4 订阅'].map((r) => `<div>${r}</div>`).join('');
  const related = '<div class="rel"><div><a href="/r1">容器编排入门教程与实践</a></div><div>05-11 2271</div><div><a href="/r2">镜像构建技巧</a></div><div>03-07</div></div>';
  const body = `<div class="top"><div>${H}</div><div>张小明 于 2023-03-12 13:08:03 发布</div><div>阅读量340 收藏 2</div>${rows}</div>
    ${box(1)}${box(2)}${related}<article>${zhParagraphs(5)}</article>`;
  const a = extractFrom(body, { head: `<title>${H}-某某博客</title>`, timezone: 'Asia/Shanghai' });
  assert.equal(a.title, H);
  assert.equal(a.publishedAt, '2023-03-12T13:08:03+08:00');
  assert.equal(a.author, '张小明');
  // A copy nearest the body with a byline opening the body under it stays the headline ("Von …", "By …", "作者：").
  const teaser = `<div class="teaser"><div>${H}</div><div>2023-03-12 13:08</div>${rows}</div>${box(3)}<article><p>作者：李四</p>${zhParagraphs(5)}</article>`;
  assert.equal(extractFrom(teaser, { head: `<title>${H}-某某博客</title>`, timezone: 'Asia/Shanghai' }).author, '李四');
});

test('a metadata title that is only a separator and the site name has no headline in it', () => {
  assert.equal(cleanTitle('-公視新聞網', []), '');
  assert.equal(cleanTitle('_某某日报', []), '');
  // A real headline after a dash stays.
  assert.equal(cleanTitle('- 中風年輕化 劉泰英14歲孫子腦溢血', []), '中風年輕化 劉泰英14歲孫子腦溢血');
});

test('an empty og:title and a generic <title> are not given as the title; a headline line is', () => {
  const a = extractFrom(`<div class="News_page_tittle">中風年輕化 劉泰英14歲孫子腦溢血</div><div class="content">${zhParagraphs()}</div>`, {
    head: '<title>公共電視台 新聞網</title><meta property="og:title" content="-公視新聞網">',
  });
  assert.equal(a.title, '中風年輕化 劉泰英14歲孫子腦溢血');
});

test('a bare site name as the only metadata title gives no title rather than the site name', () => {
  const a = extractFrom(`<div class="content">${zhParagraphs()}</div>`, { head: '<title>公共電視台 新聞網</title>' });
  assert.equal(a.title, undefined);
});

test('a heading naming only the channel cut off the <title> ("… | 回复线索") is never the headline', () => {
  const a = extractFrom(`<h1>回复线索</h1><div class="content">${zhParagraphs()}</div>`, { head: '<title>小区停车位归谁所有 | 回复线索</title>' });
  assert.equal(a.title, '小区停车位归谁所有');
  // With a headline line on the page, that line is taken (not the channel heading, not the <title>).
  const b = extractFrom(`<span class="title">网易娱乐</span><p><strong>周杰伦新专辑首周销量破纪录了</strong></p><div class="content">${zhParagraphs()}</div>`, {
    head: '<title>周杰伦新专辑首周销量破纪录_网易娱乐</title>',
  });
  assert.equal(b.title, '周杰伦新专辑首周销量破纪录了');
});

test("a blog's permalinked headline (all link) under a <title> with the blog name after spaces is the headline", () => {
  const a = extractFrom(`<h1>小明的博客</h1><div class="post"><h2><a href="/p/1">我的读书笔记之三</a></h2><div class="content">${zhParagraphs()}</div></div>`, {
    head: '<title>我的读书笔记之三  小明的博客 天极Blog</title>',
  });
  assert.equal(a.title, '我的读书笔记之三');
});

test('a menu link naming a generic <title> is still not the headline', () => {
  const a = extractFrom(
    `<div class="nav"><a href="/xw/">新闻中心</a> | <a href="/zw/">政务</a></div><div class="main"><h2>临江老城区12个小区启动加装电梯</h2><div class="content">${zhParagraphs()}</div></div>`,
    { head: '<title>新闻中心 - 临江网</title>' },
  );
  assert.equal(a.title, '临江老城区12个小区启动加装电梯');
});

test('a later headline copy whose info line gives the date as dd/mm/yyyy is the headline copy its date sits under', () => {
  const prose = 'The city council voted on Tuesday to approve a new budget for public transport, which includes funding for new bus routes and longer service hours. ';
  const t = 'Council approves new transport budget for the region';
  for (const shown of ['03/05/2024 10:15', '05.03.2024 10:15']) {
    const body = `<div class="topbar"><div class="headline">${t}</div><div class="ticker">Markets close higher, Mar 1, 2024 16:00</div></div>
      <nav><a href="/">Home</a><a href="/n">News</a></nav>
      <article><div class="headline">${t}</div><div class="meta">Jane Doe | ${shown}</div>
      <div class="body">${Array.from({ length: 6 }, () => `<p>${prose.repeat(3)}</p>`).join('')}</div></article>`;
    const a = extractFrom(body, { head: `<title>${t} - Daily</title>`, url: 'https://www.example.com/news/council-budget' });
    assert.match(a.publishedAt ?? '', /^2024-03-0510:15|^2024-0[35]-0[35]T10:15/, `${shown}: not the ticker's time under the top bar's copy`);
    assert.equal(a.author, 'Jane Doe', shown);
  }
});
