/**
 * Failure classes seen on unseen Chinese pages (issue 12), as general layouts: an update label sharing a line with
 * the article's own date, a byline read on into the links after it, a site name carrying its channel, an outlet
 * opening the byline element, and a blog engine's "posted @" footer naming the poster.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withoutTrailingChrome } from '../../src/extract/people-names.js';
import { posterAfterDate } from '../../src/extract/byline-posters.js';
import { extractFrom, zhParagraphs } from './helpers.js';

const P = zhParagraphs(4);
const page = (info: string, after = ''): string =>
  `<div class="art"><h1>全市将新开通12条公交线路</h1><div class="info">${info}</div>${P}${after}</div>`;
const opts = { head: '<title>全市将新开通12条公交线路</title>', timezone: 'Asia/Shanghai' };

test("an update label on the article's date line names its own date only", () => {
  // Two elements read as one line, the update first or last: the unlabelled date is the article's.
  assert.equal(extractFrom(page('<span>最后修改：2023-10-09 09:00</span><span>2023-10-08 14:30</span>'), opts).publishedAt, '2023-10-08T14:30:00+08:00');
  assert.equal(extractFrom(page('<span>2023-10-08 14:30</span><span>最后修改：2023-10-09 09:00</span>'), opts).publishedAt, '2023-10-08T14:30:00+08:00');
  // With only the update shown, the update is what the page states.
  assert.equal(extractFrom(page('<span>最后修改：2023-10-09 09:00</span>'), opts).publishedAt, '2023-10-09T09:00:00+08:00');
});

test('a byline read on into the outlet and report links after it ends before them', () => {
  assert.equal(withoutTrailingChrome('张三 新京报 举报'), '张三');
  assert.equal(withoutTrailingChrome('张三 李四 分享'), '张三 李四');
  // Nothing before the first such word: unchanged (and rejected later as no name).
  assert.equal(withoutTrailingChrome('新京报 张三'), '新京报 张三');
  assert.equal(withoutTrailingChrome('Jane Doe Share'), 'Jane Doe Share');
  const a = extractFrom(page('<span>2023-10-08 14:30</span><span>作者：张三</span><a href="/x">新京报</a><a href="/r">举报</a>'), opts);
  assert.equal(a.author, '张三');
});

test('a site name carrying its channel after a bar is the name the <title> ends with', () => {
  const head = '<title>全市将新开通12条公交线路 - 影視 - 某某電子報</title><meta property="og:site_name" content="某某電子報 - 影視">';
  assert.equal(extractFrom(page('<span>2023-10-08 14:30</span>'), { ...opts, head }).publisher, '某某電子報');
  // A site name the <title> repeats whole is left as it is.
  const whole = '<title>全市将新开通12条公交线路 - 某某 - 生活</title><meta property="og:site_name" content="某某 - 生活">';
  assert.equal(extractFrom(page('<span>2023-10-08 14:30</span>'), { ...opts, head: whole }).publisher, '某某 - 生活');
});

test('an outlet opening the byline element before the writer is the source', () => {
  const info = '<div class="reporter"><a href="/list/5">中廣</a> 溫蘭魁 <time datetime="2013/06/29">2013年06月29日 18:24</time></div>';
  const a = extractFrom(page(info), { ...opts, head: '<title>全市将新开通12条公交线路 - 某某電子報</title><meta property="og:site_name" content="某某電子報">' });
  assert.equal(a.publisher, '中廣');
  assert.equal(a.author, '溫蘭魁');
  // A byline element opening with a name credits no outlet.
  const plain = extractFrom(page('<div class="reporter">溫蘭魁 <time>2013年06月29日 18:24</time></div>'), { ...opts, head: '<title>t - 某某電子報</title><meta property="og:site_name" content="某某電子報">' });
  assert.equal(plain.publisher, '某某電子報');
});

test('a blog footer "posted @ <time> <name>" names the poster, also below tag and profile rows', () => {
  assert.equal(posterAfterDate('posted @ 2024-05-09 14:45 好看的hk 阅读(430) 评论(2) 编辑 收藏 举报'), '好看的hk');
  assert.equal(posterAfterDate('posted @ 2024-05-09 14:45 阅读(430)'), undefined);
  assert.equal(posterAfterDate('2024-05-09 14:45 好看的hk'), undefined);
  const rows = ['标签: 容器技术', '好文要顶 关注我 收藏该文', '粉丝 - 1 关注 - 0', '+加关注', '3', '0', '升级成为会员', '上一篇：某某', '下一篇：某某'].map((r) => `<div>${r}</div>`).join('');
  const body = `<div class="post"><h1 class="postTitle">对于容器的一点使用经验</h1><div id="body">${P}</div>${rows}
    <div class="postDesc">posted @ <span id="post-date">2024-05-09 14:45</span>&nbsp; <a href="https://blog.example.com/hk">好看的hk</a>&nbsp; 阅读(<span>430</span>)&nbsp; 评论(<span>2</span>)</div></div>`;
  assert.equal(extractFrom(body, { head: '<title>对于容器的一点使用经验 - 好看的hk - 某某博客</title>' }).author, '好看的hk');
});

test('a board name before "--" in <title> is cut off like a site name', () => {
  const body = `<table><tr><td class="t"><a href="/blog/more.asp?id=1">全市将新开通12条公交线路</a></td></tr><tr><td>${P}</td></tr></table>`;
  assert.equal(extractFrom(body, { head: '<title>财经风云--全市将新开通12条公交线路</title>' }).title, '全市将新开通12条公交线路');
  // A dash pair inside a headline ("主标题——副标题") stays.
  assert.equal(extractFrom(`<h1>主标题——副标题在这里</h1>${P}`, { head: '<title>主标题——副标题在这里</title>' }).title, '主标题——副标题在这里');
});

test('a name with its role written after it ("Derek 作者") is the author; "原创" and "来自雪球" are no names', () => {
  const card = '<div class="info"><a href="/users/1">某某技术团队</a><span class="type">原创</span><time>2019/02/18 16:24</time></div><div class="des"><span class="top">Derek</span><span class="bottom">作者</span></div>';
  const a = extractFrom(`<div class="art">${card}<h1>全市将新开通12条公交线路</h1>${P}</div>`, opts);
  assert.equal(a.author, 'Derek');
  const from = '<div class="author"><a class="name" href="/7598135991">W安全边际</a><span class="source">来自雪球</span><a class="time" href="/p/1">发布于05-16 19:12</a></div>';
  assert.equal(extractFrom(`<div class="art">${from}<h1>全市将新开通12条公交线路</h1>${P}</div>`, opts).author, 'W安全边际');
});

test('a 来源 line citing a reference (authors, year in brackets) credits no outlet', () => {
  const body = `<div class="art"><h1>全市将新开通12条公交线路</h1><div class="info">2023-10-08 14:30</div>${P}
    <div class="card">来源：<a href="https://example.org/x">LeCun, Y., Bengio, Y., &amp; Hinton, G. (2015). Deep learning. nature, 521(7553), 436.</a></div></div>`;
  assert.notEqual(extractFrom(body, opts).publisher, 'LeCun');
});

test('a WeChat meta list naming the writer in a <span> after "原创：" gives that writer, the account the source', () => {
  const meta = `<div id="meta_content" class="rich_media_meta_list"><span id="copyright_logo" class="rich_media_meta rich_media_meta_text meta_tag_text">原创：</span>
    <span class="rich_media_meta rich_media_meta_text"> 小视本人 </span><span class="rich_media_meta rich_media_meta_nickname" id="profileBt"><a id="js_name"> 视觉志 </a></span></div>`;
  const body = `<div id="img-content"><h2 class="rich_media_title" id="activity-name">全市将新开通12条公交线路</h2>${meta}<div id="js_content">${P}<p>作者 | 不一</p></div></div>`;
  const a = extractFrom(body, { head: '<title>全市将新开通12条公交线路</title>', url: 'https://mp.weixin.qq.com/s/abc' });
  assert.equal(a.author, '小视本人');
  assert.equal(a.publisher, '视觉志');
});

test("a copyright note ('开心老头 原创，如需…转载') names the author; a member link near the headline gives a handle", () => {
  const note = '<div class="copy"><i>开心老头 原创，如需商业用途或转载请与开心老头联系,谢谢配合。</i></div>';
  assert.equal(extractFrom(`<div class="art"><h1>文字书法之美教程分享</h1>${note}${P}</div>`, opts).author, '开心老头');
  // "本文原创" names nobody.
  const own = '<div class="copy">本文原创，未经授权禁止转载</div>';
  assert.notEqual(extractFrom(`<div class="art"><h1>文字书法之美教程分享</h1>${own}${P}</div>`, opts).author, '本文');
  const member = '<div class="menu-auth"><a href="http://m.example.com/u/u28067837597024.html"><img src="/a.jpg"><p>Fomney</p></a></div>';
  assert.equal(extractFrom(`<div class="art"><h1>酥焖带鱼的家常做法</h1>${member}${P}</div>`, opts).author, 'Fomney');
});
