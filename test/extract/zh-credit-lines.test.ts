/**
 * Credit lines read on Chinese pages outside the corpus (issue 12): a desk's section name in a bracket dateline, a wire
 * service's dateline with a space after the service, a reporter's credit line opening a reprint, a WeChat post's
 * markup pasted into a blog, a second credit glued to its outlet, a slash after 来源, and contact labels. Snippets shaped
 * after real pages (自由時報, 聯合新聞網, 腾讯新闻, CSDN, a company page) and common credit lines.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { authorFromText, sourceFromDateline, sourceFromReporterLine, sourceFromText, sourceUnderLabel } from '../../src/extract/byline.js';
import { isInterfaceWord } from '../../src/extract/people-names.js';
import { isSectionName } from '../../src/extract/people-patterns.js';
import { extractArticle } from '../../src/extract/index.js';
import { extractFrom, zhParagraphs } from './helpers.js';

test('a section name heading a desk dateline credits no outlet', () => {
  assert.equal(sourceFromDateline('〔即時新聞／綜合報導〕2008年，台北市萬華區發生父親殺子'), undefined);
  assert.equal(sourceFromText('来源：国际新闻'), undefined);
  assert.ok(isSectionName('即時新聞') && isSectionName('社会新闻'));
  // Outlets named "…新聞" stay outlets.
  assert.equal(isSectionName('三立新聞'), false);
  assert.equal(isSectionName('澎湃新闻'), false);
  assert.equal(sourceFromDateline('【聯合晚報╱記者楊正海╱即時報導】'), '聯合晚報');
});

test('a desk dateline on a page gives neither the desk as source nor an author', () => {
  const a = extractFrom(`<h1>十年前命案凶宅下月法拍 開價425萬</h1><div class="time">2018-07-31 08:19</div>
    <div class="text"><p>〔即時新聞／綜合報導〕2008年，台北市萬華區發生人倫悲劇。過了10年，命案發生處成了凶宅，下月預計拍賣。</p>${zhParagraphs()}</div>`);
  assert.notEqual(a.publisher, '即時新聞');
  assert.equal(a.author, undefined);
});

test('a wire service dateline with a space after the service credits it (a reprint info line)', () => {
  assert.equal(sourceFromDateline('2018-02-28 14:31 中央社 澎湖縣28日電'), '中央社');
  assert.equal(sourceFromDateline('新华社 北京5月9日电'), '新华社');
  const a = extractFrom(`<h1>澎湖重度殘障男子 陳屍馬公空屋</h1>
    <div id="story_bady_info"><div class="story_bady_info_author"><span>2018-02-28 14:31</span>中央社 澎湖縣28日電</div></div>
    <div id="story_body_content">${zhParagraphs()}</div>`, { head: '<meta property="og:site_name" content="聯合新聞網">' });
  assert.equal(a.publisher, '中央社');
  assert.equal(a.author, undefined);
});

test('a reporter credit line opening a reprint credits the outlet before 记者', () => {
  assert.equal(sourceFromReporterLine('东方网·纵相新闻记者 单珊'), '东方网·纵相新闻');
  assert.equal(sourceFromReporterLine('澎湃新闻记者 张三 李四'), '澎湃新闻');
  assert.equal(sourceFromReporterLine('本报记者 张三'), undefined);
  assert.equal(sourceFromReporterLine('记者 张三'), undefined);
  // Prose that names a reporter is no credit line.
  assert.equal(sourceFromReporterLine('据新京报记者张三了解，全市将新开通12条公交线路，方便市民出行。'), undefined);
  const a = extractFrom(`<h1>塞尔维亚宵禁引发大规模抗议</h1><div class="a_time">2020-07-09 02:57</div>
    <div class="content-article"><p><strong>东方网·纵相新闻记者 单珊</strong></p>${zhParagraphs()}</div>`);
  assert.equal(a.author, '单珊');
  assert.equal(a.publisher, '东方网·纵相新闻');
});

test("a WeChat post's content pasted into a blog does not make the blog an account page", () => {
  const html = `<!DOCTYPE html><html><head><title>十个实用技巧_前端小智-CSDN博客</title>
    <script>var nickName = "前端小智@大迁世界"; var isCorporate = false;</script></head><body>
    <h1 class="title-article">十个实用技巧</h1>
    <div class="bar-content"><a class="follow-nickName" href="https://me.example.net/qq449245884">前端小智@大迁世界</a> <span class="time">2020-07-02 08:25:00</span></div>
    <article><div id="content_views"><div id="js_content">${zhParagraphs()}</div></div></article></body></html>`;
  const a = extractArticle(html, { url: 'https://blog.example.net/qq449245884/article/details/107096460' });
  assert.notEqual(a.publisher, '前端小智@大迁世界');
});

test('a second credit glued to its outlet ("新京报实习生") is no further name of the first', () => {
  assert.equal(authorFromText('新京报记者 张三 新京报实习生 李四'), '张三');
  assert.equal(authorFromText('南方周末记者 张三 南方周末实习生 李四'), '张三');
  // Names listed under one label stay together; a slash label still reads.
  assert.equal(authorFromText('记者 张三 李四'), '张三 李四');
  assert.equal(authorFromText('作者/张三'), '张三');
});

test('a source label with a slash, as writer labels take one', () => {
  assert.equal(sourceFromText('作者/张三 来源/某某日报'), '某某日报');
  assert.equal(sourceFromText('来源／新华社'), '新华社');
  // Not inside a path, nor a picture's credit, nor a label word left as the value.
  assert.equal(sourceFromText('https://example.com/来源/abc'), undefined);
  assert.equal(sourceFromText('图片来源/视觉中国'), undefined);
  assert.equal(sourceFromText('来源：来自'), undefined);
});

test('a contact label or a window over the article is no author', () => {
  assert.equal(isInterfaceWord('服務熱線'), true);
  assert.equal(isInterfaceWord('联系电话'), true);
  assert.equal(isInterfaceWord('預覽視窗'), true);
  assert.equal(isInterfaceWord('张三'), false);
  const a = extractFrom(`<h1>聯系我們</h1><div class="info">發布日期：2019-04-25 11:42:00</div>
    <div class="lianxi"><dl><dt><div>服務熱線</div><div class="telx"><p>022-85103518</p></div></dt></dl>${zhParagraphs()}</div>`);
  assert.equal(a.author, undefined);
});

test('a source label on one line and the outlet on the next (a <dl> of the article facts)', () => {
  assert.equal(sourceUnderLabel([{ text: '作者' }, { text: '张三' }, { text: '来源' }, { text: '某某日报' }]), '某某日报');
  assert.equal(sourceUnderLabel([{ text: '来源：' }, { text: '2023-05-03 10:20' }]), undefined);
  const a = extractFrom(`<h1>某市召开专题会议部署重点工作</h1>
    <dl class="info"><dt>作者</dt><dd>张三</dd><dt>来源</dt><dd>某某日报</dd><dt>发布时间</dt><dd>2023-05-03 10:20</dd></dl>
    <div class="content">${zhParagraphs()}</div>`);
  assert.equal(a.publisher, '某某日报');
  assert.equal(a.author, '张三');
});

test("the writer's institution or country before the name in the label's value is no part of it", () => {
  assert.equal(authorFromText('作者：中国科学院 张三'), '张三');
  assert.equal(authorFromText('作者：北京大学 张三'), '张三');
  assert.equal(authorFromText('作者：[美] 约翰·史密斯'), '约翰·史密斯');
  assert.equal(authorFromText('作者：（英）乔治·奥威尔'), '乔治·奥威尔');
});

test("a reprint's credit sentence: the account it came from and the writer after a comma", () => {
  const line = '本文来自微信公众号：某某研究（ID：mmyj），作者：张三，原文标题：《某市召开会议》，题图来自：视觉中国';
  assert.equal(sourceFromText(line), '某某研究');
  assert.equal(authorFromText(line), '张三');
  assert.equal(authorFromText('本文转载自微信公众号“某某观察”（ID：mmgc2023），作者：张三'), '张三');
  // 来自 without the account platform is prose.
  assert.equal(sourceFromText('他来自人民日报'), undefined);
  assert.equal(sourceFromText('来自北京的游客'), undefined);
});

test('a reprint crediting a WeChat account by a verb (本文转载自微信公众号“…”) names the account', () => {
  assert.equal(sourceFromText('本文转载自微信公众号“城市日记”'), '城市日记');
  assert.equal(sourceFromText('本文来源于微信公众号“城市日记”（ID：cityday）'), '城市日记');
  assert.equal(sourceFromText('转载自公众号：城市日记'), '城市日记');
  // Sharing to WeChat's feed names no account.
  assert.equal(sourceFromText('本文转自微信朋友圈'), undefined);
});

test('a reporter label alone on its line, the names on the next; a source label and its outlet closing the article', () => {
  const T = '<h1>全市新开通十二条公交线路方便市民出行</h1><div class="time">2024-05-01 10:00</div>';
  const a = extractFrom(`<div class="article">${T}<dl><dt>本报记者</dt><dd>张三 李四</dd></dl><div class="content">${zhParagraphs(5)}</div></div>`);
  assert.equal(a.author, '张三 李四');
  const b = extractFrom(`<div class="article">${T}<div class="content">${zhParagraphs(5)}</div><div class="foot"><div>来源：</div><div>江城日报</div></div></div>`);
  assert.equal(b.publisher, '江城日报');
});

test('a reporter label alone on its line over a dateline or places names no one', () => {
  const T = '<h1>全市新开通十二条公交线路方便市民出行</h1><div class="time">2024-05-01 10:00</div>';
  const page = (next: string) => extractFrom(`<div class="article">${T}<div>本报记者</div><div>${next}</div><div class="content">${zhParagraphs(5)}</div></div>`).author;
  assert.equal(page('北京报道'), undefined);
  assert.equal(page('上海报道'), undefined);
  assert.equal(page('王府井 大栅栏'), undefined);
  assert.equal(page('张三 李四'), '张三 李四');
});
