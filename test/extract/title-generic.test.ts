/**
 * A <title> made only of site and section names ("某某网-新闻中心") names where the page is, not what it says: an old
 * table layout's plain headline cell above the info line is the title then (issue 12).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { namesOnlySiteAndSection } from '../../src/extract/title-site-section.js';
import { extractFrom, zhParagraphs } from './helpers.js';

const P = zhParagraphs(4);
const table = (): string =>
  `<table><tr><td>全市将新开通12条公交线路</td></tr><tr><td>2023-10-08 14:30 来源：新京报</td></tr><tr><td>${P}</td></tr></table>`;

test('a <title> of site and section names only is generic', () => {
  assert.equal(namesOnlySiteAndSection('某某网-新闻中心'), true);
  assert.equal(namesOnlySiteAndSection('正文_某某市人民政府'), true);
  assert.equal(namesOnlySiteAndSection('新闻动态 | 某某大学'), true);
  // A headline part, even one ending like a name, is longer than a name; a lone name is judged elsewhere.
  assert.equal(namesOnlySiteAndSection('全市将新建一个大数据中心-某某网'), false);
  assert.equal(namesOnlySiteAndSection('某某网'), false);
});

test("the plain line above the info line is the headline when <title> names only the site and section", () => {
  assert.equal(extractFrom(table(), { head: '<title>某某网-新闻中心</title>' }).title, '全市将新开通12条公交线路');
  assert.equal(extractFrom(table(), { head: '<title>正文_某某市人民政府</title>' }).title, '全市将新开通12条公交线路');
});

test('a plain headline opening the content block, over its info line, is the title when <title> is generic', () => {
  const page = `<div class="art"><div>全市将新开通12条公交线路</div><div>2023-10-08 14:30 来源：新京报</div>${P}</div>`;
  const a = extractFrom(page, { head: '<title>某某网-新闻中心</title>' });
  assert.equal(a.title, '全市将新开通12条公交线路');
  assert.ok(a.body.startsWith('近日'));
  // Without an info line under it, the first line is the body's: the <title> stays.
  const noInfo = extractFrom(`<div class="art"><div>全市将新开通12条公交线路</div>${P}</div>`, { head: '<title>某某网-新闻中心</title>' });
  assert.equal(noInfo.title, '某某网-新闻中心');
});

test('a <title> naming only the body that runs the site yields to the plain headline line that holds it and says more', () => {
  const page = (headline: string) =>
    `<div class="nav"><a href="/">首页</a></div><div class="art"><div>${headline}</div><div>2024-02-21 08:30</div>${P}</div>`;
  const org = '<title>浙江省某某水产研究所</title>';
  assert.equal(extractFrom(page('浙江省某某水产研究所召开年度工作会议部署全年任务'), { head: org }).title, '浙江省某某水产研究所召开年度工作会议部署全年任务');
  // A line not naming it leaves the <title>: nothing shows that it is generic.
  assert.equal(extractFrom(page('年度工作会议部署全年重点任务'), { head: org }).title, '浙江省某某水产研究所');
});

test("a channel's name in a <title> of names only is generic too: the channel heading over the story is not its headline", () => {
  assert.equal(namesOnlySiteAndSection('国内新闻_某某网'), true);
  assert.equal(namesOnlySiteAndSection('网易娱乐_网易网'), true);
  assert.equal(namesOnlySiteAndSection('财经频道-某某网'), true);
  // A headline's short part ending in a topic word is still a headline's.
  assert.equal(namesOnlySiteAndSection('全市将新建一个体育公园_某某网'), false);
  const H = '北京市举办首届城市文化节吸引数万市民参与';
  const page = `<h1>国内新闻</h1><div><b>${H}</b></div><div>2020-03-05 10:20:00</div><div class="content">${P}</div>`;
  assert.equal(extractFrom(page, { head: '<title>国内新闻_某某网</title>' }).title, H);
});

test('a page with no title sources: the info line opening with an 原创 badge is not the headline above it', () => {
  const H = '最后的止痛药';
  const post = (top: string): string => `<div class="rich">${top}${P}</div>`;
  // The headline over the badge line, and the headline as the content block's first line, the badge line under it.
  assert.equal(extractFrom(`<div>${H}</div><div>原创 张三 某某公众号</div><div class="rich">${P}</div>`).title, H);
  assert.equal(extractFrom(post(`<div>${H}</div><div><span>原创</span><span>我是左岸</span><a href="/acct">左岸读书</a></div>`)).title, H);
});

test('a short headline over its deck, in a <title> beside the site name, is no channel: the heading stays the title', () => {
  const deck = '市卫健委联合多部门开展儿童健康体检进校园活动';
  const info = '<div>2023-10-08 14:30 来源：某某市卫健委</div>';
  const head = '<title>全民健康_某某市人民政府</title>';
  assert.equal(namesOnlySiteAndSection('全民健康_某某市人民政府'), false);
  assert.equal(namesOnlySiteAndSection('智慧教育_某某学院'), false);
  for (const under of [`<h2>${deck}</h2>`, `<h3>${deck}</h3>`, `<div class="subtitle">${deck}</div>`]) {
    assert.equal(extractFrom(`<h1>全民健康</h1>${under}${info}<div class="content">${P}</div>`, { head }).title, '全民健康');
  }
  const table = `<table><tr><td><h1>智慧教育</h1></td></tr><tr><td><b>${deck}</b></td></tr><tr><td>2023-10-08 14:30 来源：某某学院</td></tr><tr><td>${P}</td></tr></table>`;
  assert.equal(extractFrom(table, { head: '<title>智慧教育_某某学院</title>' }).title, '智慧教育');
  // A brand's desk is one when the site's own name shows the brand; a place's news desk and a bare topic are too.
  assert.equal(namesOnlySiteAndSection('北京新闻_某某网'), true);
  assert.equal(namesOnlySiteAndSection('体育_某某网'), true);
  assert.equal(namesOnlySiteAndSection('网易娱乐_某某网'), false);
  // Without a site's name beside it a channel's name proves nothing.
  assert.equal(namesOnlySiteAndSection('国内新闻_财经频道'), true);
  assert.equal(namesOnlySiteAndSection('国内新闻_体育'), false);
});

test("a heading showing a piece of a part of a names-only <title> is not that part: it stays the title", () => {
  const H = '北京市举办首届城市文化节吸引数万市民参与';
  const page = (h1: string): string => `<h1>${h1}</h1><div><b>${H}</b></div><div>2020-03-05 10:20:00</div><div class="content">${P}</div>`;
  assert.equal(extractFrom(page('国内'), { head: '<title>国内新闻_某某网</title>' }).title, '国内');
  assert.equal(extractFrom(page('国内新闻'), { head: '<title>国内新闻_某某网</title>' }).title, H);
});

test('a headline opening with the word 原创 is no badge line: it stays the headline over its info line', () => {
  const info = '<div>来源：某某网 2021-10-08</div>';
  const film = '原创动画电影《哪吒》票房突破50亿元';
  const music = '原创音乐人扶持计划正式启动报名';
  for (const head of ['<title>某某网</title>', '']) {
    assert.equal(extractFrom(`<div>${film}</div>${info}<div class="rich">${P}</div>`, { head }).title, film);
    assert.equal(extractFrom(`<div class="nav">首页</div><div>${music}</div>${info}<div class="rich">${P}</div>`, { head }).title, music);
    assert.equal(extractFrom(`<div class="rich"><div>${music}</div>${info}${P}</div>`, { head }).title, music);
  }
  // The badge set off by a colon is still one.
  assert.equal(extractFrom(`<div>最后的止痛药</div><div>原创：张三 某某公众号</div><div class="rich">${P}</div>`).title, '最后的止痛药');
});
