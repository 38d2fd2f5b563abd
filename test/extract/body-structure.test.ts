/**
 * Body finding on structure (issue 12): a post versus its comment thread (and related cards), an article's
 * closing numbered list laid out as siblings of its text block, reprint trailers.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { enParagraphs, extractFrom, zhParagraphs } from './helpers.js';

const ZH_COMMENTS = [
  '这篇文章写得很好，把事情的来龙去脉讲得清清楚楚，希望有关部门能够认真听取市民的意见，尽快把线路落实到位。',
  '我家附近一直没有公交车，每天上班都要走二十分钟去地铁站，真心希望新线路能经过我们小区，方便老人和孩子出行。',
  '新能源车辆是好事，但是发车间隔还是太长了，高峰期十分钟一班根本不够用，建议再增加一些车辆，缩短等车时间。',
  '票价不变这一点很好，不过换乘优惠能不能也考虑一下？现在换乘一次要花两份钱，对于每天通勤的人来说负担不小。',
  '夜间延长运营时间非常必要，我经常加班到很晚，打车太贵了，有夜班公交的话能省下不少钱，点赞市交通运输局。',
  '希望官方应用能做得好用一点，之前的版本经常卡顿，实时到站信息也不准确，有时候显示还有三分钟结果等了半小时。',
];

function commentThread(cls: string): string {
  const items = ZH_COMMENTS.map(
    (c, i) => `<li class="${cls}-item"><span class="user">网友${i + 1}</span><span class="time">2024-05-0${i + 1} 10:0${i}</span><p>${c}</p><a href="#">回复</a> <a href="#">赞</a></li>`,
  ).join('');
  return `<div class="${cls}-list"><ul>${items}</ul></div>`;
}

test('a short post is the body, not the longer comment thread below it', () => {
  const post = '<p>今天去了趟新开的图书馆，环境很安静，藏书也多，周末人有点多，建议工作日去，开放时间到晚上九点。</p><p>馆里还有一个小小的咖啡角，可以边看书边喝东西。</p>';
  const a = extractFrom(`<h1>新图书馆一日游</h1><div class="post">${post}</div><div class="thread">${commentThread('comment')}</div>`, { head: '<title>新图书馆一日游</title>' });
  assert.match(a.body, /新开的图书馆/);
  assert.match(a.body, /咖啡角/);
  assert.ok(!a.body.includes('这篇文章写得很好'), `comments left out:\n${a.body}`);
});

test('when the only text sits in a comment-named box it is still found', () => {
  const a = extractFrom(`<h1>标题新闻</h1><div class="comment-wrap">${zhParagraphs()}</div>`, { head: '<title>标题新闻</title>' });
  assert.match(a.body, /新开通12条公交线路/);
});

test('a hidden related card holding another story does not outscore the article', () => {
  const other = Array.from({ length: 6 }, (_, i) => `<p>Another story paragraph ${i}: the museum reopened its west wing on Saturday after a renovation that took two years, officials said, and visitors queued for hours.</p>`).join('');
  const a = extractFrom(
    `<h1>Bus network</h1><div class="story"><p>The city council voted on Tuesday to expand the downtown bus network, adding twelve new routes.</p><p>Officials said the new routes would use electric buses, with services every ten minutes at peak times.</p></div>
     <div class="related-cards"><div class="card"><div class="hide">${other}</div></div></div>`,
    { head: '<title>Bus network</title>' },
  );
  assert.match(a.body, /twelve new routes/);
  assert.ok(!a.body.includes('museum reopened'));
});

test('a short article with a promo box beats a "post"-named comment form holding two short lines', () => {
  const links = Array.from({ length: 6 }, (_, i) => `<p><a href="/n/${i}.html">证券要闻第${i}条消息汇总与解读</a></p>`).join('');
  const a = extractFrom(
    `<h1>新线路开通</h1><div id="main"><div class="end-text">${zhParagraphs(2)}<div>${links}</div></div></div>
     <div class="area"><div class="tie-post"><p>文明上网，理性发言，登录后即可发表您的看法。</p><p>网友发言仅代表个人观点，请遵守相关管理规定。</p></div></div>`,
    { head: '<title>新线路开通</title>' },
  );
  assert.match(a.body, /新开通12条公交线路/);
  assert.ok(!a.body.includes('文明上网'), a.body);
});

test("an article's closing numbered list laid out as sibling lines is kept", () => {
  const items = ['1、王某某，男，1970年出生', '2、李某，女，1982年出生', '3、张某某，男，1990年出生'].map((t) => `<p>${t}</p>`).join('');
  const a = extractFrom(
    `<h1>通报名单</h1><div class="wrap"><div class="text">${zhParagraphs()}<p>现将有关人员名单通报如下：</p></div>${items}<div class="foot-links"><a href="/">首页</a></div></div>`,
    { head: '<title>通报名单</title>' },
  );
  for (const t of ['1、王某某', '3、张某某']) assert.ok(a.body.includes(t), `body keeps ${t}:\n${a.body}`);
});

test('a numbered run that is mostly links after the article is not taken', () => {
  const items = ['1、相关报道一', '2、相关报道二', '3、相关报道三'].map((t, i) => `<p><a href="/r/${i}.html">${t}</a></p>`).join('');
  const a = extractFrom(`<h1>通报名单</h1><div class="wrap"><div class="text">${zhParagraphs()}</div>${items}</div>`, { head: '<title>通报名单</title>' });
  assert.ok(!a.body.includes('相关报道'), a.body);
});

test('reprint trailers and hosting notices after the article are dropped; sentences about sources stay', () => {
  const a = extractFrom(
    `<h1>新线路开通</h1><div class="text">${zhParagraphs(3)}
      <p>据市交通运输局介绍，线路规划数据来源于去年开展的居民出行调查，共收集有效问卷两万余份。</p>
      <p>本文来源：某某日报。更多精彩，请登录某某网 http://www.example.com</p>
      <p>特别声明：以上内容(如有图片或视频亦包括在内)为自媒体平台用户上传并发布，本平台仅提供信息存储服务。</p>
      <p>【免责声明】本文仅代表作者个人观点，与本网无关。</p></div>`,
    { head: '<title>新线路开通</title>' },
  );
  assert.match(a.body, /数据来源于去年开展的居民出行调查/);
  for (const t of ['本文来源', '特别声明', '免责声明']) assert.ok(!a.body.includes(t), `${t} dropped:\n${a.body}`);
});

test('a section whose id is its heading slug is not furniture for a word in its title', () => {
  const a = extractFrom(
    `<div class="content"><h1>Shared history</h1>${enParagraphs(3)}
      <div class="section" id="getting-into-trouble-with-shared-mutable-history"><h2>Getting into trouble with shared mutable history</h2>
        <p>Two other types of troubles can happen when several developers rewrite the same changesets and push them to a shared repository.</p></div>
      <div class="share-bar" id="share"><a href="/s/1">Share</a> <a href="/s/2">Tweet</a></div></div>`,
    { head: '<title>Shared history</title>' },
  );
  assert.match(a.body, /Two other types of troubles can happen/);
  assert.ok(!a.body.includes('Tweet'));
});

test('a lone linked subheading over its paragraph is kept; a run of links and a shouted promo link are not', () => {
  const para = (t: string) => `<p>${t}，新闻发言人当天表示，相关工作正在按计划推进，下一步将继续加强监管，维护市场稳定运行。</p>`;
  const a = extractFrom(
    `<h1>发布会汇总</h1><div class="text">${zhParagraphs(2)}
      <p><a href="/n/1.html">证监会：继续推进长期资金入市</a></p>${para('长期资金入市')}
      <p><a href="/n/2.html">证监会部署第五批案件</a></p>${para('案件查办')}
      <p><a href="/p/1.html">GET THE NEWS APP BY CLICKING HERE</a></p>${para('信息披露')}
      <p><a href="/r/1.html">相关报道一</a></p><p><a href="/r/2.html">相关报道二</a></p>${para('市场监管')}</div>`,
    { head: '<title>发布会汇总</title>' },
  );
  for (const t of ['证监会：继续推进长期资金入市', '证监会部署第五批案件']) assert.ok(a.body.includes(t), `keeps ${t}:\n${a.body}`);
  for (const t of ['GET THE NEWS APP', '相关报道一', '相关报道二']) assert.ok(!a.body.includes(t), `drops ${t}:\n${a.body}`);
});

test('an intro beside a "read more" wrapper holding the rest of the article is kept', () => {
  const para = (i: number, what: string) => `<p>${what} ${i}: the council said the change would take effect next spring, after a consultation with residents, bus operators and the unions, and that fares would not rise this year.</p>`;
  const intro = [1, 2, 3, 4].map((i) => para(i, 'Intro paragraph')).join('');
  const rest = [1, 2, 3, 4, 5].map((i) => para(i, 'Later paragraph')).join('');
  const a = extractFrom(
    `<div id="page"><h1>Bus network</h1><div class="sb">${intro}<div id="read-more"><div id="rest-inner">${rest}</div></div></div>
      <div class="promo"><a href="/x">Subscribe</a></div></div>`,
    { head: '<title>Bus network</title>' },
  );
  assert.match(a.body, /^Intro paragraph 1/);
  assert.match(a.body, /Later paragraph 5/);
});

test('comments inside highlighted code are code, not a comment section', () => {
  const a = extractFrom(
    `<article><h1>Shell tips</h1>${enParagraphs(3)}
      <pre><code><span class="hljs-comment"># set the alias before anything else</span>
shopt -s expand_aliases
<span class="hljs-comment"># run it</span>
docker ps</code></pre>${enParagraphs(5).split('\n').slice(3).join('\n')}</article>`,
    { head: '<title>Shell tips</title>' },
  );
  assert.match(a.body, /# set the alias before anything else\nshopt -s expand_aliases\n# run it\ndocker ps/);
});

test('an article built of "widget"-named blocks (page builders) is not thrown away as furniture', () => {
  const blocks = enParagraphs(5).split('\n').map((p) => `<section class="builder-section"><div class="builder-widget-editor">${p}</div></section>`).join('');
  const a = extractFrom(`<h1>Bus network</h1><div class="wrap">${blocks}</div><div class="side"><a href="/a">A</a> <a href="/b">B</a></div>`, {
    head: '<title>Bus network</title>',
  });
  assert.match(a.body, /The city council voted on Tuesday/);
  assert.match(a.body, /funded largely by a state grant/);
});

test('a data table whose cells each hold one <p> is a table: a "Comment" column header does not end the article', () => {
  const cell = (t: string) => `<td><p><b>${t}</b></p></td>`;
  const row = (a: string, b: string, c: string) => `<tr>${cell(a)}${cell(b)}${cell(c)}</tr>`;
  const table = `<table><tbody>${row('Entity status', 'Assoc status', 'Comment')}${row('new', 'enqueued', 'Pick up new tasks that are ready.')}${row('claimed', 'started', 'Re-enqueue when the claim times out.')}</tbody></table>`;
  const closing = '<p>Concurrent task execution is avoided because tasks are explicitly claimed through an exclusive state before they run.</p>';
  const a = extractFrom(`<h1>Task states</h1><article><div class="entry-content">${enParagraphs(4)}${table}${closing}</div></article>`, { head: '<title>Task states</title>' });
  assert.match(a.body, /Pick up new tasks that are ready\./);
  assert.match(a.body, /Concurrent task execution is avoided/);
  assert.match(a.markdown, /\| *Entity status *\| *Assoc status *\| *Comment *\|/);
});

test('a table whose cells hold several paragraphs is still read as layout', () => {
  const col = (n: number) => `<td>${enParagraphs(n)}</td>`;
  const a = extractFrom(`<h1>Buses</h1><table><tr>${col(2)}${col(3)}</tr><tr><td><p>Posted in news</p></td><td><p>Tags: transit</p></td></tr></table>`, { head: '<title>Buses</title>' });
  assert.match(a.body, /expand the downtown bus network/);
  assert.ok(!a.markdown.includes('|'), a.markdown);
});

test('a <header> opening a section inside the article keeps its subheading; the page header is still dropped', () => {
  const section = (h: string, n: number) => `<section><header><h2>${h}</h2></header>${enParagraphs(n)}</section>`;
  const pageHeader = '<header><h2>City Desk Daily</h2><p>Local news, every morning.</p></header>';
  const a = extractFrom(`${pageHeader}<h1>Buses</h1><article><div class="entry-content">${enParagraphs(3)}${section('Requirements analysis of your route', 2)}${section('Choosing a timetable', 2)}</div></article>`, { head: '<title>Buses</title>' });
  assert.match(a.body, /Requirements analysis of your route/);
  assert.match(a.body, /Choosing a timetable/);
  assert.ok(!a.body.includes('City Desk Daily'), a.body);
});

test('an author box closing the post ("author-box", "about-the-author") is furniture', () => {
  const box = (cls: string) => `<section class="${cls}"><div class="meta"><p>The owner of a sewing studio in Kettering, Ohio. I love teaching, and the lightbulb moments are my favourite part of it.</p></div></section>`;
  for (const cls of ['author-box', 'about-the-author vcard']) {
    const a = extractFrom(`<h1>Buses</h1><article class="post">${enParagraphs(5)}${box(cls)}</article>`, { head: '<title>Buses</title>' });
    assert.match(a.body, /expand the downtown bus network/);
    assert.ok(!a.body.includes('sewing studio'), `${cls}:\n${a.body}`);
  }
});

test('a ranking table of linked names beside plain figures stays; a grid of links only does not', () => {
  const names = ['Quanta Services', 'MYR Group', 'MasTec', 'Rosendin Electric', 'Cupertino Electric'];
  const rows = (plain: boolean) => names.map((n, i) => `<tr><td><a href="https://co${i}.example.com/">${n} Incorporated</a></td><td>${plain ? `$${9 - i}.${i}B` : `<a href="/p/${i}">Profile</a>`}</td></tr>`).join('');
  const table = (plain: boolean) => `<div class="w-embed"><table><thead><tr><th>Company</th><th>Revenue</th></tr></thead><tbody>${rows(plain)}</tbody></table></div>`;
  const page = (plain: boolean) => extractFrom(`<h1>Contractors</h1><article><div class="entry-content">${enParagraphs(3)}${table(plain)}${enParagraphs(2)}</div></article>`, { head: '<title>Contractors</title>' }).body;
  assert.match(page(true), /Rosendin Electric Incorporated \$6\.3B/);
  assert.ok(!page(false).includes('Rosendin Electric'), page(false));
});

test('a call-to-action box ("inline-cta") and a "popupMessage" box inside the article are furniture', () => {
  const cta = '<div class="container inline-cta"><div class="cta-text"><h3>Thinking of selling your business?</h3><p>Get a free valuation and a readiness assessment. Sell when you are ready.</p></div></div>';
  const popup = '<div id="popupMessage"><span>We are sorry. This promotion has ended, but we have many more deals for you.</span></div>';
  const a = extractFrom(`<h1>Buses</h1><article><div class="entry-content">${enParagraphs(3)}${cta}${enParagraphs(5).slice(-300)}${popup}</div></article>`, { head: '<title>Buses</title>' });
  assert.match(a.body, /expand the downtown bus network/);
  assert.ok(!a.body.includes('free valuation'), a.body);
  assert.ok(!a.body.includes('promotion has ended'), a.body);
});

test('a line of section tags over the headline does not start the article: the headline repeat and the dated byline under it still go', () => {
  const head = '<p>City Politics • Public Transport • Local Government • Budget</p><h1>Council expands bus network</h1><p>By Jane Doe • March 12, 2025</p>';
  const a = extractFrom(`<div class="post">${head}${enParagraphs(5)}</div>`, { head: '<title>Council expands bus network</title>' });
  assert.match(a.body, /funded largely by a state grant/);
  assert.ok(!/By Jane Doe|^Council expands bus network$/m.test(a.body), a.body);
  // A sentence ending in a full stop is prose, whatever separates its parts.
  const prose = extractFrom(`<div class="post"><p>Routes | Fares | Timetables are all changing this spring, the council said.</p><p>By Jane Doe • March 12, 2025</p>${enParagraphs(5)}</div>`, { head: '<title>Council expands bus network</title>' });
  assert.match(prose.body, /Routes \| Fares/);
});
