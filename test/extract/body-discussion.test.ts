/** Body (issue 12): on a forum thread or Q&A page the replies are the page's text; on a blog they stay out. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractFrom } from './helpers.js';
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
