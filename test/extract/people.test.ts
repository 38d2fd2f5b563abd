import { test } from 'node:test';
import assert from 'node:assert/strict';
import { authorFromText, editorFromText, sourceFromInfoLine, sourceFromText, trailingNames } from '../../src/extract/byline.js';
import { enParagraphs, extractFrom, zhParagraphs } from './helpers.js';

const page = (info: string, tail = '', head = ''): ReturnType<typeof extractFrom> =>
  extractFrom(`<h1>市区新开12条公交线路</h1><div class="info">${info}</div><div class="article">${zhParagraphs()}${tail}</div>`, {
    head: `<title>市区新开12条公交线路_某某网</title>${head}`,
  });

test('Chinese byline patterns', () => {
  assert.equal(authorFromText('作者：茉莉'), '茉莉');
  assert.equal(authorFromText('鲁网10月11日讯(记者 王玉龙)潍坊自古就有'), '王玉龙');
  assert.equal(authorFromText('本报记者 刘国栋 周炜'), '刘国栋 周炜');
  assert.equal(authorFromText('光明日报记者 王建宏 张文攀'), '王建宏 张文攀');
  assert.equal(authorFromText('新京报记者 彭冲 山东冠县报道'), '彭冲');
  assert.equal(authorFromText('记者王玉龙报道'), '王玉龙');
  assert.equal(authorFromText('文/李四'), '李四');
  assert.equal(authorFromText('（姚峰 上海报道）'), '姚峰');
  assert.equal(authorFromText('本报讯（记者 孙八 通讯员 周九）10月11日'), '孙八');
  assert.equal(authorFromText('执笔人：闵乐夫 赵兰波 刘韬'), '闵乐夫 赵兰波 刘韬');
  assert.equal(authorFromText('作者: 赵 培：北京物资学院，北京'), '赵培');
  assert.equal(authorFromText('ggjjzhzz 发表于 2005-9-15 11:46:00'), 'ggjjzhzz');
  assert.equal(authorFromText('作者： 放飞&心情'), '放飞&心情');
  assert.equal(authorFromText('作者： size="20" 来源：'), undefined);
  assert.equal(authorFromText('记者在会上获悉，潍坊经验获推广'), undefined);
  assert.equal(authorFromText('By taking off just the top half of bread, you save calories.'), undefined);
});

test('names closing the last paragraph, and a writer given as 来源 at the end', () => {
  assert.equal(trailingNames('…过一个平安、祥和、温馨、廉洁的新春佳节。（常书香 马丹阳 ）'), '常书香 马丹阳');
  assert.equal(trailingNames('…持续至10月14日。（完）'), undefined);
  assert.equal(trailingNames('…据新华社报道。（新华社）'), undefined);
  const a = extractFrom(`<h1>市区新开12条公交线路</h1><div class="info">2025年03月21日 11:21 《理财周刊》</div><div class="article">${zhParagraphs()}<p>来源: 尹娟</p></div>`, { head: '<title>市区新开12条公交线路_新浪财经</title>' });
  assert.equal(a.publisher, '理财周刊');
  assert.equal(a.author, '尹娟');
});

test('English bylines', () => {
  // Several authors keep the page's separators.
  assert.equal(authorFromText('By Jane Doe and John Roe'), 'Jane Doe and John Roe');
  assert.equal(authorFromText('By JOSH HASKELL, DAVID CAPLAN and PATRICK REEVELL'), 'JOSH HASKELL, DAVID CAPLAN and PATRICK REEVELL');
  assert.equal(authorFromText('By Mei Reyes, AP'), 'Mei Reyes');
  assert.equal(authorFromText('By Maria Gonzalez · March 3, 2025'), 'Maria Gonzalez');
});

test('editors are found and never taken as authors', () => {
  assert.equal(editorFromText('责任编辑：赵岳'), '赵岳');
  assert.equal(editorFromText('【责任编辑:王五】'), '王五');
  assert.equal(editorFromText('(编辑：山石)'), '山石');
  assert.equal(editorFromText('责任编辑：钱七_NA2345'), '钱七');
  const a = page('2025-10-12 08:00 来源：某某日报', '<p>编辑：山石</p>');
  assert.equal(a.editor, '山石');
  assert.equal(a.author, undefined);
});

test('来源 gives the publisher/source, generic values are skipped', () => {
  assert.equal(sourceFromText('2025-10-12 08:00 来源：新华日报 作者：葛灵丹'), '新华日报');
  assert.equal(sourceFromText('来源：[ 国际金融报 ]'), '国际金融报');
  assert.equal(sourceFromText('来源: 21世纪经济报道 举报'), '21世纪经济报道');
  assert.equal(sourceFromText('来源：转载文章 第1页/共1页'), undefined);
  assert.equal(sourceFromInfoLine('http://house.sina.com.cn 2005年03月31日03:18 北京娱乐信报'), '北京娱乐信报');
  assert.equal(sourceFromInfoLine('2005年03月21日 11:21 《理财周刊》'), '理财周刊');
  assert.equal(page('发布时间：2025-10-12 08:00 来源：某某日报').publisher, '某某日报');
});

test('author from the info line and from the body opening, editor from the end', () => {
  const a = page('2025-10-12 08:00 来源：鲁网', '<p>责任编辑:赵岳</p>');
  assert.equal(a.author, undefined);
  const b = extractFrom(`<h1>市区新开12条公交线路</h1><div class="info">2025-10-12 来源：鲁网</div><div class="article"><p>鲁网10月11日讯(记者 王玉龙)近日，记者从市交通运输局获悉，全市将新开通12条公交线路。</p>${zhParagraphs()}<p>责任编辑:赵岳</p></div>`, { head: '<title>市区新开12条公交线路_某某网</title>' });
  assert.equal(b.author, '王玉龙');
  assert.equal(b.editor, '赵岳');
  assert.equal(b.publisher, '鲁网');
  assert.ok(!b.body.includes('责任编辑'));
});

test('structured data: JSON-LD author and publisher, meta author, rel=author', () => {
  const ld = JSON.stringify({ '@type': 'NewsArticle', headline: 'Bus news', author: { '@type': 'Person', name: 'Jane Doe' }, publisher: { name: 'City Paper' } });
  const a = extractFrom(`<h1>Bus news</h1>${enParagraphs()}`, { head: `<title>Bus news</title><script type="application/ld+json">${ld}</script>` });
  assert.equal(a.author, 'Jane Doe');
  assert.equal(a.publisher, 'City Paper');
  const b = extractFrom(`<h1>Bus news</h1>${enParagraphs()}`, { head: '<title>Bus news</title><meta name="author" content="Sam Lee"><meta property="og:site_name" content="City Paper">' });
  assert.equal(b.author, 'Sam Lee');
  assert.equal(b.publisher, 'City Paper');
  const c = extractFrom(`<h1>Bus news</h1><span>by <a rel="author" href="/staff/kim">Kim Park</a></span>${enParagraphs()}`, { head: '<title>Bus news</title>' });
  assert.equal(c.author, 'Kim Park');
  const d = extractFrom(`<h1>Bus news</h1>${enParagraphs()}`, { head: '<title>Bus news</title><meta name="author" content="edu">' });
  assert.equal(d.author, undefined, 'a channel code in meta author is not a name');
  const e = extractFrom(`<h1>Bus news</h1>${enParagraphs()}<form id="respond"><p class="comment-form-author"><label>Name (required)</label></p></form>`, { head: '<title>Bus news</title>' });
  assert.equal(e.author, undefined, 'comment form labels are not bylines');
});

test('category from breadcrumb, 类别 label, or article:section; tags from keywords', () => {
  const a = extractFrom(`<div class="breadcrumb"><a href="/">首页</a> &gt; <a href="/gn/">国内</a> &gt; 正文</div><h1>市区新开12条公交线路</h1>${zhParagraphs()}`, {
    head: '<title>市区新开12条公交线路</title><meta name="keywords" content="公交 线路 出行">',
  });
  assert.equal(a.category, '国内');
  assert.deepEqual(a.tags, ['公交', '线路', '出行']);
  assert.equal(page('类别:国内 发布时间:2025-10-12 23:41:00 来源:鲁网').category, '国内');
  const b = extractFrom(enParagraphs(), { head: '<meta property="article:section" content="Politics"><meta property="article:tag" content="Transit"><meta property="article:tag" content="Budget">' });
  assert.equal(b.category, 'Politics');
  assert.deepEqual(b.tags, ['Transit', 'Budget']);
  const c = extractFrom(`<div>当前位置：首页 &gt;&gt; 政务公开 &gt;&gt; 通知公告</div><h1>市区新开12条公交线路</h1>${zhParagraphs()}`, { head: '<title>市区新开12条公交线路</title>' });
  assert.equal(c.category, '通知公告');
});

test('a byline glued to the next label by adjacent spans is cut at the name', () => {
  assert.equal(authorFromText('本文来源：投资快报 作者：孙宁责任编辑：NF041'), '孙宁');
  assert.equal(authorFromText('作者：孙宁 责任编辑：NF041'), '孙宁');
  assert.equal(authorFromText('本报记者 王建宏 张文攀'), '王建宏 张文攀');
});

test('the old WeChat layout names the writer in the undated meta <em>', () => {
  const a = extractFrom(
    `<h2 class="rich_media_title" id="activity-name">春天的第一场展览开幕了</h2>
    <div id="meta_content" class="rich_media_meta_list"><em id="post-date" class="rich_media_meta rich_media_meta_text">2018-04-06</em>
    <em class="rich_media_meta rich_media_meta_text">华商君</em>
    <a class="rich_media_meta rich_media_meta_link rich_media_meta_nickname" href="##" id="post-user">华商报</a></div>
    <div id="js_content">${zhParagraphs()}</div>`,
    { head: '<title>春天的第一场展览开幕了</title>', url: 'https://mp.weixin.qq.com/s/abc' },
  );
  assert.equal(a.author, '华商君');
});

test("the site's short name closing the body in brackets is the source, not an author", () => {
  const a = extractFrom(`<h1>市区新开12条公交线路</h1><div class="article">${zhParagraphs()}<p>(中時 )</p></div>`, {
    head: '<title>市区新开12条公交线路 - 中時電子報</title><meta property="og:site_name" content="中時電子報">',
  });
  assert.equal(a.author, undefined);
  assert.equal(a.publisher, '中時');
  // A person's name in the same place is still the writer.
  const b = extractFrom(`<h1>市区新开12条公交线路</h1><div class="article">${zhParagraphs()}<p>（常书香 马丹阳）</p></div>`, {
    head: '<title>市区新开12条公交线路 - 中時電子報</title><meta property="og:site_name" content="中時電子報">',
  });
  assert.equal(b.author, '常书香 马丹阳');
});

const ldAuthor = (name: string): string => `<script type="application/ld+json">${JSON.stringify({ '@type': 'NewsArticle', headline: '市区新开12条公交线路', author: { '@type': 'Person', name } })}</script>`;

test('a printed byline element wins over a JSON-LD author the page never shows', () => {
  const body = `<h1>市区新开12条公交线路</h1><div class="info"><span>2018年09月16日 15:31</span><div class="author"><a href="/reporter/899">謝明俊</a></div></div><div class="article">${zhParagraphs()}</div>`;
  assert.equal(extractFrom(body, { head: `<title>市区新开12条公交线路</title>${ldAuthor('陳昱光')}` }).author, '謝明俊');
  // When the structured author is printed too, it stays.
  const shown = body.replace('<div class="author">', '<span>陳昱光</span><div class="author">');
  assert.equal(extractFrom(shown, { head: `<title>市区新开12条公交线路</title>${ldAuthor('陳昱光')}` }).author, '陳昱光');
});

test('the "Written by" pair of link-preview meta tags names the author', () => {
  const head = '<title>Council expands bus network</title><meta name="twitter:label1" content="Written by"><meta name="twitter:data1" content="Chase Bernath"><meta name="twitter:label2" content="Est. reading time"><meta name="twitter:data2" content="8 minutes">';
  assert.equal(extractFrom(`<h1>Council expands bus network</h1><article>${enParagraphs()}</article>`, { head }).author, 'Chase Bernath');
  // Another label in that slot names no one.
  const other = '<title>Council expands bus network</title><meta name="twitter:label1" content="Est. reading time"><meta name="twitter:data1" content="8 minutes">';
  assert.equal(extractFrom(`<h1>Council expands bus network</h1><article>${enParagraphs()}</article>`, { head: other }).author, undefined);
});

test('a label alone on its line with the name on the next is a byline', () => {
  const info = '<div class="meta"><div><h3>Published</h3><p><time datetime="2024-08-30T12:00:00Z">August 30, 2024</time></p></div><div><h3>Author</h3><p> Lisa D. Ellis</p></div></div>';
  const a = extractFrom(`<h1>Council expands bus network</h1>${info}<article>${enParagraphs()}</article>`, { head: '<title>Council expands bus network</title>' });
  assert.equal(a.author, 'Lisa D. Ellis');
  // A heading "Author" over a sentence is not a byline.
  const prose = '<div class="meta"><h3>Author</h3><p>Our writers cover transport for the county.</p></div>';
  assert.equal(extractFrom(`<h1>Council expands bus network</h1>${prose}<article>${enParagraphs()}</article>`, { head: '<title>Council expands bus network</title>' }).author, undefined);
});

test("a byline cut to the first name, or run on into the next word, takes the meta author's wording", () => {
  const body = (byline: string): string => `<h1>Council expands bus network</h1><div class="byline">By ${byline}</div><article>${enParagraphs()}</article>`;
  const head = (name: string): string => `<title>Council expands bus network</title><meta name="author" content="${name}">`;
  assert.equal(extractFrom(body('<a href="/author/linda">Linda</a>'), { head: head('Linda McCall') }).author, 'Linda McCall');
  assert.equal(extractFrom(body('Harsh Vaibhav Global'), { head: head('Harsh Vaibhav') }).author, 'Harsh Vaibhav');
  // A different person in meta changes nothing.
  assert.equal(extractFrom(body('Jane Doe'), { head: head('John Roe') }).author, 'Jane Doe');
});

test('a one-word display name takes the fuller byline a later byline element shows', () => {
  const ld = (name: string): string => `<script type="application/ld+json">{"@type":"BlogPosting","headline":"Council expands bus network","author":{"@type":"Person","name":"${name}"}}</script>`;
  const page = (name: string, full: string): string =>
    `<h1>Council expands bus network</h1><div class="byline"><a href="/author/x">${name}</a></div><article>${enParagraphs()}</article><div class="post-info-author"><a itemprop="author" href="/author/x"><span>by</span> ${full}</a></div>`;
  const head = (name: string): string => `<title>Council expands bus network</title><meta name="author" content="${name}">${ld(name)}`;
  assert.equal(extractFrom(page('Linda', 'Linda McCall'), { head: head('Linda') }).author, 'Linda McCall');
  // Another person further down changes nothing; nor does an agency's initials run on into a word.
  assert.equal(extractFrom(page('Linda', 'Mark Jones'), { head: head('Linda') }).author, 'Linda');
  assert.equal(extractFrom(page('SID', 'SID Nachrichtenagentur'), { head: head('SID') }).author, 'SID');
});

test("without og:site_name the <title>'s last part, named like a site, is the site's name (the publisher when nothing else is credited)", () => {
  const a = extractFrom(`<h1>北市老舊公寓火警 消防隊及時撲滅</h1><div>2018年09月16日 15:31 某時 記者林志明／台北報導</div>${zhParagraphs(6)}`, {
    head: '<title>北市老舊公寓火警 消防隊及時撲滅 - 某時電子報</title>',
    url: 'https://news.example.com.tw/realtimenews/20180916001767',
  });
  assert.equal(a.publisher, '某時電子報');
  assert.equal(a.author, '林志明');
});

test("a channel at the <title>'s end ('…_新闻频道') is no site name: it is never the publisher", () => {
  const a = extractFrom(`<h1>北市老舊公寓火警 消防隊及時撲滅</h1><div>2018年09月16日 15:31</div>${zhParagraphs(6)}`, {
    head: '<title>北市老舊公寓火警 消防隊及時撲滅_新闻频道</title>',
    url: 'https://news.example.cn/a/1.html',
  });
  assert.equal(a.publisher, undefined);
});
