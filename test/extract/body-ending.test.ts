/** Body endings (issue 12): a closing run of short numbered lines is the article's, not leftover furniture. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { enParagraphs, extractFrom, zhParagraphs } from './helpers.js';

test('a closing run of short numbered items is kept', () => {
  const items = ['1、王某某', '2、李某', '3、张某某', '4、赵某'].map((t) => `<p>${t}</p>`).join('');
  const a = extractFrom(`<h1>标题新闻</h1><div class="content">${zhParagraphs()}<p>以下人员被列入名单：</p>${items}</div>`, { head: '<title>标题新闻</title>' });
  for (const t of ['1、王某某', '4、赵某']) assert.ok(a.body.includes(t), `body keeps ${t}`);
});

test('a lone short trailing line is still dropped', () => {
  const a = extractFrom(`<h1>标题新闻</h1><div class="content">${zhParagraphs()}<p>更多</p></div>`, { head: '<title>标题新闻</title>' });
  assert.ok(!a.body.endsWith('更多'));
});

test('a closing numbered list in its own wrapper after the article (one <p> per item) is kept', () => {
  const list = '<div class="x"><p>1.火车站—体育中心</p><p>2.大学城—高新区</p><p>3.老城区—滨江公园</p></div>';
  const a = extractFrom(`<h1>市区新开12条公交线路</h1><div class="article">${zhParagraphs(3)}<p>具体线路如下：</p></div>${list}`, { head: '<title>市区新开12条公交线路</title>' });
  assert.match(a.body, /火车站—体育中心/);
  assert.match(a.body, /老城区—滨江公园/);
  // A wrapper of linked numbered headlines (a ranking of other stories) is not the article's list.
  const ranking = '<div class="x"><p><a href="/1">1.城市地铁新线路开通</a></p><p><a href="/2">2.早晚高峰客流大幅增加</a></p><p><a href="/3">3.交通部门回应市民关切</a></p></div>';
  const b = extractFrom(`<h1>市区新开12条公交线路</h1><div class="article">${zhParagraphs(3)}</div>${ranking}`, { head: '<title>市区新开12条公交线路</title>' });
  assert.ok(!b.body.includes('城市地铁新线路开通'), b.body);
});

test('an end-marker line followed by paragraphs of prose does not end the article; followed by links it does', () => {
  const closing = '<p>These are a small sampling of the newsletters I read, and you can see the full leaderboard on the site.</p><p>I also subscribe to many others, such as <a href="/a">Cafe Anne</a> and <a href="/b">Patti Smith</a>, which are worth a look.</p>';
  const links = '<p><a href="/r/1">Bus fares to rise in May</a></p><p><a href="/r/2">New bridge opens to traffic</a></p>';
  const page = (after: string) => extractFrom(`<h1>Buses</h1><article><div class="entry-content">${enParagraphs(5)}<h2>Further reading</h2>${after}</div></article>`, { head: '<title>Buses</title>' });
  assert.match(page(closing).body, /I also subscribe to many others/);
  const cut = page(links).body;
  assert.match(cut, /expand the downtown bus network/);
  assert.ok(!cut.includes('Bus fares to rise'), cut);
});

test("a closing numbered run keeps the line introducing it ('涉及以下线路：' or a subheading)", () => {
  const items = '<p>1、火车站至体育中心</p><p>2、大学城至高新区</p><p>3、老城区至滨江公园</p>';
  const head = '<title>市区新开12条公交线路</title>';
  const h1 = '<h1>市区新开12条公交线路</h1>';
  // The lead-in and items are siblings after the scored article block.
  const a = extractFrom(`${h1}<div class="wrap"><div class="article">${zhParagraphs(3)}</div><p>本次调整涉及以下线路：</p>${items}</div>`, { head });
  for (const t of ['本次调整涉及以下线路：', '1、火车站至体育中心', '3、老城区至滨江公园']) assert.ok(a.body.includes(t), `body keeps ${t}: ${a.body}`);
  // A wrapper opening with a subheading over the numbered lines.
  const b = extractFrom(`${h1}<div class="wrap"><div class="article">${zhParagraphs(3)}</div><div class="x"><h3>调整线路</h3>${items}</div></div>`, { head });
  for (const t of ['调整线路', '2、大学城至高新区']) assert.ok(b.body.includes(t), `body keeps ${t}: ${b.body}`);
  // A lead-in followed by linked numbered headlines (another list's) stays out, and so do they.
  const linked = '<p><a href="/1">1、城市地铁新线路开通</a></p><p><a href="/2">2、早晚高峰客流大幅增加</a></p>';
  const c = extractFrom(`${h1}<div class="wrap"><div class="article">${zhParagraphs(3)}</div><p>热点推荐：</p>${linked}</div>`, { head });
  assert.ok(!c.body.includes('热点推荐') && !c.body.includes('城市地铁新线路开通'), c.body);
});

test('a short line ending in a colon left last ("更多新闻：", "Related:") is a dangling label and is dropped', () => {
  const head = '<title>市区新开12条公交线路</title>';
  const a = extractFrom(`<h1>市区新开12条公交线路</h1><div class="article">${zhParagraphs(4)}<p>更多新闻：</p></div><ul><li><a href="/1">城市地铁新线路开通</a></li></ul>`, { head });
  assert.match(a.body, /换乘方案。$/);
  const b = extractFrom(`<h1>Buses</h1><article>${enParagraphs(4)}<p>Related:</p></article>`, { head: '<title>Buses</title>' });
  assert.ok(!b.body.includes('Related:'), b.body);
  // A line with a colon inside the article, followed by its text, stays.
  const c = extractFrom(`<h1>市区新开12条公交线路</h1><div class="article">${zhParagraphs(2)}<p>市民反映：</p>${zhParagraphs(2)}</div>`, { head });
  assert.match(c.body, /市民反映：/);
});

test('a closing directory written as headings (names over heading-styled feature items) is kept; a few stray headings are not', () => {
  const entry = (name: string, feats: string[]) => `<h2>${name}</h2><ul>${feats.map((f) => `<li><h3>${f}</h3></li>`).join('')}</ul>`;
  const directory = entry('Patagonia', ['organic cotton', 'hemp', 'recycled']) + entry('Prana', ['organic cotton', 'tencel']) + entry('Quince', ['linen', 'factory direct shipping']);
  const a = extractFrom(`<h1>Sustainable clothing brands</h1><div class="content">${enParagraphs(4)}<h2>Pact</h2><p>Coupon code: SAVE15 at checkout, valid on every order this year.</p>${directory}</div>`, { head: '<title>Sustainable clothing brands</title>' });
  assert.match(a.body, /Patagonia/);
  assert.match(a.body, /factory direct shipping/);
  const stray = extractFrom(`<h1>Sustainable clothing brands</h1><div class="content">${enParagraphs(4)}<h2>More stories</h2><h3>Share</h3></div>`, { head: '<title>Sustainable clothing brands</title>' });
  assert.ok(!/More stories|Share$/.test(stray.body), stray.body);
});

test('a small sign-up form inside the article container is left out (its field labels are not prose)', () => {
  const form = '<form action="/subscribe" method="post"><div class="field-group"><label>Email Address *</label><input type="email" name="EMAIL"></div><div class="field-group"><label>First Name</label><input type="text" name="FNAME"></div><div><span>*</span> indicates required</div><input type="submit" value="Subscribe"></form>';
  const a = extractFrom(`<h1>Council expands bus network</h1><div class="elementor-widget-container">${enParagraphs(5)}${form}</div>`, { head: '<title>Council expands bus network</title>' });
  assert.match(a.body, /funded largely by a state grant/);
  assert.ok(!/Email Address|indicates required/.test(a.body), a.body);
});

test('a sign-up form in a part of its own after the article is left out: small against the whole body, not its part', () => {
  const form = '<form action="/subscribe" method="post"><div><span>*</span> indicates required</div><div class="field"><label>Email Address *</label><input type="email" name="EMAIL"></div><div class="field"><label>First Name *</label><input type="text" name="FNAME"></div><div class="field"><label>Last Name</label><input type="text" name="LNAME"></div><input type="submit" value="Subscribe"></form>';
  const signup = `<div><div class="text-block"><div><h4>Weekly Menu Previews</h4><p>Need to resubscribe or just want to receive weekly updates? Use the form below to sign up.</p></div><div>${form}</div></div></div>`;
  const a = extractFrom(`<h1>Council expands bus network</h1><div class="section"><div><div class="text-block">${enParagraphs(5)}</div></div><div><div class="share">Share</div></div>${signup}</div>`, { head: '<title>Council expands bus network</title>' });
  assert.match(a.body, /funded largely by a state grant/);
  assert.ok(!/Email Address|indicates required|First Name|Last Name/.test(a.body), a.body);
});

const SUBJECTS = ['1、张某某，男，45岁', '2、李某某，女，38岁', '3、王某某，男，52岁', '4、赵某某，男，29岁'];

test('a closing numbered list set as <br>-separated lines of one <p> beside the article box is kept', () => {
  const a = extractFrom(`<h1>通报</h1><div class="wrap"><div class="content">${zhParagraphs(4)}</div><p>${SUBJECTS.join('<br>')}</p></div>`, { head: '<title>通报</title>' });
  for (const t of ['张某某，男', '赵某某，男']) assert.ok(a.body.includes(t), `body keeps ${t}:\n${a.body}`);
});

test('a numbered list after the wrapper of the article box is kept when the article announces it, not otherwise', () => {
  const page = (closing: string) => `<h1>通报</h1><div class="wrap"><div class="box"><div class="content">${zhParagraphs(4)}${closing}</div></div>${SUBJECTS.map((t) => `<div>${t}</div>`).join('')}</div>`;
  const announced = extractFrom(page('<p>经查，涉案人员名单如下：</p>'), { head: '<title>通报</title>' });
  for (const t of ['张某某，男', '赵某某，男']) assert.ok(announced.body.includes(t), `body keeps ${t}:\n${announced.body}`);
  const bare = extractFrom(page(''), { head: '<title>通报</title>' });
  assert.ok(!bare.body.includes('张某某'), `an unannounced numbered box stays out:\n${bare.body}`);
});

test("a reprint credit late in the copy closes it: the reposting site's plug and hot list after it stay out", () => {
  const tail = '<p>欢迎关注本公众号，每天为您推送最新最热的本地新闻资讯，点击右上角分享给更多朋友吧。</p><p>热门文章</p><p>城市公园改造工程正式启动</p><p>地铁三号线延长段开工建设</p>';
  for (const credit of ['本文转载自：某某日报', '原文链接：https://example.com/a/1.html']) {
    const a = extractFrom(`<h1>通报</h1><div class="content">${zhParagraphs(5)}<p>${credit}</p>${tail}</div>`, { head: '<title>通报</title>' });
    assert.match(a.body, /首末班时间以站牌公示为准/);
    assert.ok(!/欢迎关注|地铁三号线/.test(a.body), a.body);
  }
  // Each item of a digest credited apart: no single credit closes it.
  const digest = `<h1>通报</h1><div class="content">${zhParagraphs(3)}<p>文章来源：甲报</p>${zhParagraphs(2)}<p>文章来源：乙报</p><p>以上为本周交通资讯摘编，下周同一时间继续为您整理各地公交线路的最新变化。</p></div>`;
  assert.match(extractFrom(digest, { head: '<title>通报</title>' }).body, /以上为本周交通资讯摘编/);
  // An English credit line is the article's own last sentence.
  const en = extractFrom(`<h1>Buses</h1><article>${enParagraphs(4)}<p>Originally published on City Wire.</p><p>Get our newsletter for the best local stories, sent every morning.</p></article>`, { head: '<title>Buses</title>' });
  assert.match(en.body, /Originally published on City Wire\./);
  assert.ok(!en.body.includes('Get our newsletter'), en.body);
});

test('a closing ordered list (<ol>, numbered by the browser) in its own wrapper after the article is kept; a linked one is not', () => {
  const head = '<title>先进集体名单公布</title>';
  const list = '<div class="list"><ol><li>市第一中学</li><li>市实验小学</li><li>市第三中学</li><li>市第五小学</li></ol></div>';
  const a = extractFrom(`<h1>先进集体名单公布</h1><div class="content">${zhParagraphs(3)}<p>名单如下：</p></div>${list}`, { head });
  assert.match(a.body, /名单如下：/);
  assert.match(a.body, /市第五小学/);
  const linked = '<div class="list"><ol><li><a href="/1">城市地铁新线路开通</a></li><li><a href="/2">早晚高峰客流大幅增加</a></li><li><a href="/3">交通部门回应市民关切</a></li></ol></div>';
  const b = extractFrom(`<h1>先进集体名单公布</h1><div class="content">${zhParagraphs(3)}</div>${linked}`, { head });
  assert.ok(!b.body.includes('城市地铁新线路开通'), b.body);
});

test('closing numbered lines written with full-width digits ("１．") or as "第一，" in a wrapper after the article are kept', () => {
  const head = '<title>先进集体名单公布</title>';
  for (const marks of [['１．', '２．', '３．'], ['第一，', '第二，', '第三，']]) {
    const list = `<div class="x"><p>${marks[0]}市第一中学</p><p>${marks[1]}市实验小学</p><p>${marks[2]}市第三中学</p></div>`;
    const a = extractFrom(`<h1>先进集体名单公布</h1><div class="content">${zhParagraphs(3)}</div>${list}`, { head });
    assert.match(a.body, /市第三中学$/, marks[0]);
  }
});
