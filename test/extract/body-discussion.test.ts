/** Body (issue 12): on a forum thread or Q&A page the replies are the page's text; on a blog they stay out. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractFrom, zhParagraphs } from './helpers.js';
import { isDiscussionPage } from '../../src/extract/body-discussion.js';

const head = '<title>周末随笔</title>';
const post = '<p>今天天气很好，去公园走了一圈，看到很多人在放风筝，心情也跟着好了起来。</p><p>回家路上买了一束花。</p>';
const reply = '这篇写得真好，我也很喜欢去公园散步，尤其是周末的早上，空气特别清新，人也不多，推荐大家试试看。';

function unit(i: number): string {
  return `<div class="item"><div class="meta"><a href="/u/${i}">用户${i}</a><span>2023-07-0${(i % 9) + 1} 12:0${i % 9}</span></div><div class="txt">${reply}第${i}楼</div><a href="#r">回复</a></div>`;
}
const threadPage = `<h1>周末随笔</h1><div class="main"><div class="post">${post}</div><h3>8条回复</h3><div class="list">${Array.from({ length: 8 }, (_, i) => unit(i)).join('')}</div></div>`;

test('a forum thread keeps its replies known by their structure; the same layout on a blog keeps them out', () => {
  const forum = extractFrom(threadPage, { head, url: 'https://bbs.example.com/topics/1666' });
  assert.match(forum.body, /放风筝/);
  assert.match(forum.body, /试试看。第0楼/);
  assert.match(forum.body, /试试看。第7楼/);
  const blog = extractFrom(threadPage, { head, url: 'https://blog.example.com/2023/07/walk.html' });
  assert.ok(!blog.body.includes('试试看'), blog.body);
});

test('a thread\'s short replies set in boxes like the first post\'s join it', () => {
  const postBox = (i: number, text: string) => `<article class="Post"><header><a href="/u/${i}">用户${i}</a> <time datetime="2024-05-0${i + 1}">5月${i + 1}日</time></header><div class="Post-body">${text}</div></article>`;
  const first = '<p>我写了一个内容审核插件，支持阿里云的内容安全接口，可以自动审核帖子和回复，欢迎大家试用并提出意见。</p><p>安装方法见项目主页，配置好密钥即可使用，有问题可以在这里留言。</p>';
  const html = `<h1>插件发布</h1><div class="PostStream">${postBox(0, first)}${postBox(1, '<p>赞一个</p>')}${postBox(2, '<p>请问支持腾讯云吗？</p>')}</div>`;
  const forum = extractFrom(html, { head: '<title>插件发布</title>', url: 'https://discuss.example.org/d/15448' });
  assert.match(forum.body, /内容审核插件/);
  assert.match(forum.body, /赞一个/);
  assert.match(forum.body, /支持腾讯云吗/);
  const news = extractFrom(html, { head: '<title>插件发布</title>', url: 'https://news.example.com/2024/05/plugin.html' });
  assert.ok(!news.body.includes('赞一个'), news.body);
});

test('a thread is known by its address or its schema.org type, not by any path', () => {
  for (const url of ['https://bbs.example.com/thread-123-1-1.html', 'https://bbs.example.com/forum.php?mod=viewthread&tid=123', 'https://ruby.example.org/topics/43661', 'https://forum.example.com/t/some-slug/123', 'https://qa.example.com/questions/42/why']) {
    assert.ok(isDiscussionPage(url, []), url);
  }
  for (const url of ['https://news.example.com/a/1.html', 'https://blog.example.com/post/123', 'https://example.com/forum/', 'https://example.com/topics', 'https://example.com/news?t=5', 'http://www.example.com.tw/Topic/Popular/3907-1/201308130021-1.aspx']) {
    assert.ok(!isDiscussionPage(url, []), url);
  }
});

test('a thread\'s subject heading the first post\'s box stays its first line; an article\'s repeated headline goes', () => {
  const first = '<p>元旦要来啦，提前祝大家元旦快乐，放假期间大家有什么安排吗？欢迎在下面聊聊各自的计划和打算。</p><p>我打算回老家看看父母，顺便走走亲戚，吃点好吃的。</p>';
  const html = `<div class="main"><div class="topic"><h1>又要放假了元旦要来啦</h1>${first}</div></div>`;
  const head = '<title>又要放假了元旦要来啦</title>';
  const forum = extractFrom(html, { head, url: 'https://bbs.example.com/topic/1666' });
  assert.match(forum.body, /^又要放假了元旦要来啦/);
  const news = extractFrom(html, { head, url: 'https://news.example.com/2024/01/holiday.html' });
  assert.match(news.body, /^元旦要来啦/);
});

test('on a thread each reply\'s poster-and-time line goes; a reply naming a date in its text stays', () => {
  const metaUnit = (i: number, text: string) => `<div class="item"><div class="meta"><a href="/u/${i}">用户${i}</a> <span>2023-07-0${i + 1} 12:0${i}</span></div><div class="txt">${text}</div><a href="#r">回复</a></div>`;
  const replies = [reply, '我们2024年5月去的', reply, reply].map((t, i) => metaUnit(i, t)).join('');
  const html = `<h1>周末随笔</h1><div class="main"><div class="post">${post}</div><div class="list">${replies}</div></div>`;
  const a = extractFrom(html, { head, url: 'https://bbs.example.com/topics/1666' });
  assert.match(a.body, /我们2024年5月去的/);
  assert.ok(!/用户\d\s*2023-07/.test(a.body), a.body);
});

// Review of issue 12's thread rules: a blog's or a news page's comments never join its body.
const blogPost = '<p>上周末我去了一趟杭州，在西湖边走了整整一个下午，看到湖面上的游船来来往往，柳树也刚刚发芽，非常漂亮。</p><p>晚上在河坊街吃了小吃，人很多但是很热闹，推荐大家有空去看看。</p>';
const readerUnit = (i: number, t: string) => `<div class="item"><div class="meta"><a href="/u/${i}">读者${i}</a><span>2023-07-0${i + 1} 12:0${i}</span></div><div class="txt">${t}</div><a href="#r">回复</a></div>`;
const readerComments = ['写得真好，我也去过西湖，确实很美，下次还想再去一次看看荷花开的时候。', '河坊街的小吃有点贵，但是味道还可以，推荐定胜糕。', '博主拍的照片呢？想看看湖边的风景，最好能多发几张图片。', '加微信 abc123 领取旅游优惠券，全国包邮，名额有限先到先得！'];

test('a blog post\'s comments stay out at a thread-like address: a year, a date or a slug is no thread\'s number, and "4条评论" names comments', () => {
  const html = `<h1>杭州游记</h1><div class="main"><div class="post">${blogPost}</div><h3>4条评论</h3><div class="list">${readerComments.map((t, i) => readerUnit(i, t)).join('')}</div></div>`;
  for (const url of ['https://blog.example.com/topics/123', 'https://www.example.com/t/hangzhou-trip/456', 'https://news.example.com/d/20230701-hangzhou', 'https://news.example.com/topic/12345.html', 'https://news.example.com/bbs/1234.html', 'https://news.example.com/forum/12', 'https://www.example.com/question/123', 'https://news.example.com/topic.html?t=1700000000', 'https://www.example.com/thread/2023/07/hangzhou']) {
    const a = extractFrom(html, { head: '<title>杭州游记</title>', url });
    assert.match(a.body, /河坊街吃了小吃/, url);
    assert.ok(!a.body.includes('加微信') && !a.body.includes('定胜糕'), `${url}\n${a.body}`);
  }
  for (const url of ['https://example.com/topics/2024-election', 'https://example.com/t/local-news/2024', 'https://example.com/d/2024-05-01/bus-network', 'https://example.com/topic/12345.html', 'https://example.com/bbs/1234.html', 'https://example.com/thread/2023/07/x']) {
    assert.ok(!isDiscussionPage(url, []), url);
  }
});

test('an English news story\'s "3 Comments on" thread stays out at a /topics/ address', () => {
  const story = '<p>The city council voted on Tuesday to add twelve new bus routes, extending service to the northern suburbs for the first time in a decade.</p><p>Officials said the routes would start running in June, with buses every fifteen minutes at peak hours.</p>';
  const li = (i: number, t: string) => `<li class="comment"><div class="comment-meta"><a href="/u/${i}">reader${i}</a> <span>May ${i + 2}, 2024 10:0${i}</span></div><div class="comment-content"><p>${t}</p></div></li>`;
  const cs = ['Finally, the north side has been waiting for this for years, great news for commuters.', 'Fifteen minutes is still too long at peak hours, they should aim for ten.', 'Buy cheap watches at spam-example dot com, best prices guaranteed.'];
  const html = `<h1>Council expands bus network</h1><div class="main"><div class="story">${story}</div><h3>3 Comments on “Council expands bus network”</h3><ol>${cs.map((t, i) => li(i, t)).join('')}</ol></div>`;
  const a = extractFrom(html, { head: '<title>Council expands bus network</title>', url: 'https://news.example.com/topics/123' });
  assert.match(a.body, /twelve new bus routes/);
  assert.ok(!a.body.includes('spam-example') && !a.body.includes('north side'), a.body);
});

test('a schema.org DiscussionForumPosting in a sidebar does not make a news page a thread', () => {
  const article = '<p>记者从市交通局获悉，本月起我市新开12条公交线路，覆盖北部新区和多个大型居住社区，方便市民出行。</p><p>新线路首末班时间为早6点至晚10点，高峰期发车间隔15分钟。</p>';
  const units = ['终于通车了，北部新区等这一天等了好多年。', '发车间隔还是太长，希望高峰期能再加密一些。', '点赞，出行方便多了，希望早点开通到地铁站的接驳线。'];
  const html = `<h1>我市新开12条公交线路</h1><div class="main"><div class="article">${article}</div><div class="comment"><h3>网友评论（3）</h3><div class="list">${units.map((t, i) => readerUnit(i, t)).join('')}</div></div></div><aside class="hot"><div itemscope itemtype="https://schema.org/DiscussionForumPosting"><a href="/t/1">热帖：周末去哪儿玩</a></div></aside>`;
  const a = extractFrom(html, { head: '<title>我市新开12条公交线路</title>', url: 'https://news.example.com/a/2024/0501/1.html' });
  assert.match(a.body, /新开12条公交线路，覆盖/);
  assert.ok(!a.body.includes('终于通车了'), a.body);
});

const notice = '<p>各位跑友好，本周六我们组织一次环湖夜跑活动，欢迎大家报名参加，全程约十公里，配速不限，量力而行。</p><p>集合地点：公园北门</p><p>集合时间：2024-05-04 18:30</p><p>出发 19:00</p><p>预计结束 20:30</p><p>全场比分 湖人 105:98</p><p>报名请在下方回复，注明姓名和电话。</p>';
const runHead = '<title>周六环湖夜跑</title>';
const replyUnit = (i: number, t: string) => `<div class="item"><div class="meta"><a href="/u/${i}">网友${i}</a><span>2024-05-0${i + 1} 12:0${i}</span></div><div class="txt">${t}</div><a href="#r">回复</a></div>`;
const runReplies = ['报名，张三，请问需要自带水吗？我第一次参加这种活动。', '报名+1，李四，周六一定准时到。', '可以带朋友一起来吗？他平时也跑步，配速大概六分钟。'];

test('on a thread the post\'s own lines ending in a time stay; only the replies\' poster lines go', () => {
  const html = `<h1>周六环湖夜跑</h1><div class="main"><div class="post">${notice}</div><div class="list">${runReplies.map((t, i) => replyUnit(i, t)).join('')}</div></div>`;
  const a = extractFrom(html, { head: runHead, url: 'https://bbs.example.com/thread-123-1-1.html' });
  for (const line of ['集合时间：2024-05-04 18:30', '出发 19:00', '预计结束 20:30', '全场比分 湖人 105:98']) assert.ok(a.body.includes(line), `${line}\n${a.body}`);
  assert.match(a.body, /报名\+1/);
  assert.ok(!/网友\d\s*2024-05/.test(a.body), a.body);
});

test('a sidebar\'s latest replies after the post, and a short same-class box in another column, stay out of a thread', () => {
  const others = ['二手自行车出售，九成新，价格可议，有意者私信联系我。', '求推荐杭州适合周末爬的山，不要太难的那种就行。', '小区楼下新开了一家面馆，味道不错，价格也实惠。'];
  const side = `<div class="side"><h3>最新回复</h3><div class="list">${others.map((t, i) => replyUnit(i + 5, t)).join('')}</div></div>`;
  const a = extractFrom(`<h1>周六环湖夜跑</h1><div class="main"><div class="post">${notice}</div></div>${side}`, { head: runHead, url: 'https://bbs.example.com/thread-123-1-1.html' });
  assert.match(a.body, /环湖夜跑活动/);
  assert.ok(!a.body.includes('二手自行车') && !a.body.includes('面馆'), a.body);
  const boxes = `<h1>周六环湖夜跑</h1><div class="wrap"><div class="col"><div class="box">${notice}</div></div><div class="col2"><div class="box"><p>版规：请文明发言，禁止广告。</p></div><div class="box"><p>扫码关注公众号</p></div></div></div>`;
  const b = extractFrom(boxes, { head: runHead, url: 'https://bbs.example.com/thread-123-1-1.html' });
  assert.match(b.body, /环湖夜跑活动/);
  assert.ok(!b.body.includes('版规') && !b.body.includes('扫码'), b.body);
});

test('a reply\'s poster line closing on "10:01am" or on a reply link goes too', () => {
  const u = (meta: string, t: string) => `<div class="item"><div class="meta">${meta}</div><div class="txt">${t}</div><a href="#r">回复</a></div>`;
  const metas = ['<a href="/u/5">user5</a> May 2, 2024, 10:01am', '<a href="/u/3">用户3</a> · 2024-05-01 12:00 · 回复', '<a href="/u/4">用户4</a> 2024-05-02 09:30'];
  const html = `<h1>周末随笔</h1><div class="main"><div class="post">${post}</div><div class="list">${metas.map((m) => u(m, reply)).join('')}</div></div>`;
  const a = extractFrom(html, { head, url: 'https://bbs.example.com/topics/1666' });
  assert.match(a.body, /试试看/);
  assert.ok(!/user5|用户3|用户4/.test(a.body), a.body);
});

test('a thread\'s subject over the first post (a card\'s header) heads the body; a hero banner\'s or a blog\'s stays out', () => {
  const body = '<p>元旦要来啦，提前祝大家元旦快乐，放假期间大家有什么安排吗？欢迎在下面聊聊各自的计划和打算。</p><p>我打算回老家看看父母，顺便走走亲戚，吃点好吃的。</p>' + zhParagraphs(3);
  const card = `<div class="main"><div class="topic card"><div class="card-header"><h1><a href="/n/1">闲聊</a> 元旦放假安排</h1><span>用户1 · 3 天前</span></div><div class="card-body">${body}</div></div><div class="card replies">${[reply, reply, reply].map((t, i) => unit(i)).join('')}</div></div>`;
  const head = '<title>元旦放假安排</title>';
  const forum = extractFrom(card, { head, url: 'https://bbs.example.com/topics/1666' });
  assert.match(forum.body, /^闲聊 元旦放假安排\n/);
  assert.match(forum.body, /第2楼/);
  const blog = extractFrom(card, { head, url: 'https://blog.example.com/2024/01/holiday.html' });
  assert.ok(!blog.body.includes('元旦放假安排'), blog.body);
  const hero = `<header class="hero"><div class="container"><h1>元旦放假安排</h1></div></header><div class="stream"><div class="post"><div class="post-body">${body}</div></div></div>`;
  const flarum = extractFrom(hero, { head, url: 'https://bbs.example.com/d/1666' });
  assert.match(flarum.body, /^元旦要来啦/);
});

test('a Q&A page\'s question heading heads its answer; the sticky bar\'s copy of it does not', () => {
  const q = '周末带孩子去哪里玩比较好？';
  const html = `<div id="app"><header class="AppHeader"><h1 class="QuestionHeader-title">${q}</h1></header><div class="QuestionPage"><div class="QuestionHeader"><div class="tags"><a href="/t/1">亲子</a></div><h1 class="QuestionHeader-title">${q}</h1></div><div class="QuestionMain"><div class="Answer"><div class="AuthorInfo"><a href="/u/1">用户1</a></div><div class="RichContent">${zhParagraphs(3)}</div></div></div></div></div>`;
  const a = extractFrom(html, { head: `<title>${q} - 问答</title>`, url: 'https://qa.example.com/question/586816837/answer/2916374892' });
  assert.ok(a.body.startsWith(`${q}\n`), a.body);
  assert.equal(a.body.split(q).length, 2, a.body);
  const news = extractFrom(html, { head: `<title>${q} - 问答</title>`, url: 'https://news.example.com/2024/05/kids.html' });
  assert.ok(!news.body.includes(q), news.body);
});
