/** Reading in context: zone abbreviations, an inferred zone, relative dates, years from the page, bylines, titles. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatDate, parseDateText } from '../../src/extract/dates.js';
import { parseRelative } from '../../src/extract/relative.js';
import { inferTimezone, zoneFromAbbreviation } from '../../src/extract/timezone.js';
import { authorFromText, editorFromText } from '../../src/extract/byline.js';
import { extractArticle } from '../../src/extract/index.js';
import { enParagraphs, extractFrom, zhParagraphs } from './helpers.js';

const iso = (text: string, ctx: Parameters<typeof parseDateText>[1]): string | undefined => {
  const p = parseDateText(text, ctx);
  return p ? formatDate(p, ctx.timezone) : undefined;
};

test('zone abbreviations are read in context', () => {
  assert.equal(iso('2025-10-12 23:41 CST', { timezone: 'UTC', lang: 'zh-CN' }), '2025-10-12T23:41:00+08:00');
  assert.equal(iso('2025-10-12 23:41 CST', { timezone: 'Asia/Shanghai' }), '2025-10-12T23:41:00+08:00');
  assert.equal(iso('Oct 12, 2025 11:41 PM CST', { timezone: 'UTC', lang: 'en-US' }), '2025-10-12T23:41:00-06:00');
  assert.equal(zoneFromAbbreviation('IST', { timezone: 'Europe/Dublin' }), 60);
  assert.equal(zoneFromAbbreviation('IST', { timezone: 'UTC' }), 330);
  assert.equal(iso('Tue 23 Sep 2025 06.00 BST', { timezone: 'UTC' }), '2025-09-23T06:00:00+01:00');
  assert.equal(iso('March 3, 2025 10:00 AM PT', { timezone: 'UTC' }), '2025-03-03T10:00:00-08:00');
  assert.equal(iso('Sept. 3, 2025 9:00 a.m. JST', { timezone: 'UTC' }), '2025-09-03T09:00:00+09:00');
  assert.equal(iso('Updated 4:05 PM EDT, September 22, 2025', { timezone: 'UTC' }), '2025-09-22T16:05:00-04:00');
  assert.equal(iso('北京时间2025年10月12日 23:41', { timezone: 'UTC' }), '2025-10-12T23:41:00+08:00');
  assert.equal(iso('2025年10月12日 08:30（美东时间）', { timezone: 'Asia/Shanghai' }), '2025-10-12T08:30:00-04:00');
});

test('a page without a given zone keeps its country clock', () => {
  assert.equal(inferTimezone('zh-CN', 'https://example.com/'), 'Asia/Shanghai');
  assert.equal(inferTimezone(undefined, 'https://news.example.com.tw/a'), 'Asia/Taipei');
  assert.equal(inferTimezone('en', 'https://example.com/'), undefined);
  const html = `<html><head><title>标题新闻</title></head><body><h1>标题新闻</h1><div>2025-10-12 23:41 来源：鲁网</div><div class="content">${zhParagraphs()}</div></body></html>`;
  assert.equal(extractArticle(html, { url: 'https://news.example.com/a/1.html' }).publishedAt, '2025-10-12T23:41:00+08:00');
});

test('relative dates need options.now and resolve in the page zone', () => {
  const now = new Date('2025-10-12T08:00:00Z');
  const rel = (t: string, zone = 'Asia/Shanghai'): string | undefined => {
    const p = parseRelative(t, now, zone);
    return p ? formatDate(p, zone) : undefined;
  };
  assert.equal(rel('3 hours ago', 'UTC'), '2025-10-12T05:00:00+00:00');
  assert.equal(rel('2小时前'), '2025-10-12T14:00:00+08:00');
  assert.equal(rel('昨天 14:20'), '2025-10-11T14:20:00+08:00');
  assert.equal(rel('前天'), '2025-10-10');
  assert.equal(rel('刚刚'), '2025-10-12T16:00:00+08:00');
  assert.equal(rel('今天 下午3:05'), '2025-10-12T15:05:00+08:00');
  assert.equal(rel('Yesterday at 9:15 PM', 'America/New_York'), '2025-10-11T21:15:00-04:00');
  assert.equal(rel('5 days ago'), '2025-10-07');
  assert.equal(rel('two days ago'), undefined);
  const page = `<h1>标题新闻</h1><div class="info">来源：鲁网 昨天 14:20</div><div class="content">${zhParagraphs()}</div>`;
  assert.equal(extractFrom(page, { head: '<title>标题新闻</title>', timezone: 'Asia/Shanghai' }).publishedAt, undefined);
  const a = extractArticle(`<html><head><title>标题新闻</title></head><body>${page}</body></html>`, { url: 'https://news.example.com/a/1.html', now });
  assert.equal(a.publishedAt, '2025-10-11T14:20:00+08:00');
});

test('"10月11日讯" takes its year from the copyright line when URL and metadata have none', () => {
  const page = `<h1>标题新闻</h1><div class="content"><p>本报10月11日讯（记者 何晓东）近日，全市将新开通12条公交线路，进一步方便市民出行。</p>${zhParagraphs()}</div><div class="foot">版权所有 © 2004-2024 某某网</div>`;
  assert.equal(extractFrom(page, { head: '<title>标题新闻</title>', url: 'https://www.example.cn/news/3521.html' }).publishedAt, '2024-10-11');
  // A year-bearing date that was rejected ("1967年4月23日") does not leave its month and day behind.
  assert.equal(parseDateText('莫斯科时间1967年4月23日凌晨3：35', { timezone: 'UTC', contextYear: 2005 }), undefined);
});

test('bylines: names end at dates, roles and agencies', () => {
  assert.equal(authorFromText('By Mei Reyes September 22, 2025'), 'Mei Reyes');
  assert.equal(authorFromText('By Mei Reyes, AP'), 'Mei Reyes');
  assert.equal(authorFromText('By Jane Doe and John Roe Updated 4:05 PM'), 'Jane Doe and John Roe');
  assert.equal(authorFromText('（记者 吴建国 通讯员 孙凯）'), '吴建国');
  assert.equal(authorFromText('本报记者 张三 李四'), '张三 李四');
  assert.equal(authorFromText('（总台央视记者 周立 胡杨）'), '周立 胡杨');
  assert.equal(authorFromText('澎湃新闻记者 李明 实习生 赵雪'), '李明');
  assert.equal(authorFromText('来源：临江日报 作者：本报记者 浏览次数：1368'), undefined);
  assert.equal(editorFromText('责任编辑：陈浩 图片编辑：金洁'), '陈浩');
  const a = extractFrom(`<h1>Bus news</h1><div class="byline">By <span>Mei Reyes</span> <time>September 22, 2025</time></div>${enParagraphs()}`, { head: '<title>Bus news</title>' });
  assert.equal(a.author, 'Mei Reyes');
  const g = extractFrom(`<h1>Bus news</h1><address><a rel="author" href="/p/mei">Mei Reyes</a> Transport correspondent</address>${enParagraphs()}`, { head: '<title>Bus news</title>' });
  assert.equal(g.author, 'Mei Reyes');
});

test('title: a blog whose <title> is the blog name takes the permalinked headline', () => {
  const html = `<html><head><title>Mei's Kitchen</title></head><body>
    <header class="site-header"><p class="site-title"><a href="https://blog.example.com/">Mei's Kitchen</a></p></header>
    <article><h2 class="entry-title"><a href="https://blog.example.com/2025/09/miso-salmon/">One-pan miso salmon</a></h2>
    <div class="entry-content">${enParagraphs()}</div></article></body></html>`;
  assert.equal(extractArticle(html, { url: 'https://blog.example.com/2025/09/miso-salmon/' }).title, 'One-pan miso salmon');
  const generic = `<html><head><title>新闻中心 - 临江网</title></head><body><div class="menu"><a href="/news/">新闻中心</a></div>
    <div class="tit"><h2>临江老城区12个小区启动加装电梯</h2></div><div class="news_con">${zhParagraphs()}</div></body></html>`;
  assert.equal(extractArticle(generic, { url: 'http://www.example.cn/news/1.html' }).title, '临江老城区12个小区启动加装电梯');
});

test('body: embedded tweets stay, hover cards of links go', () => {
  const tweet = '<div class="social-media-embed"><blockquote class="twitter-tweet"><p>Yes this is real and the state spent half a million dollars on it.</p>— Dianna (@dianna) <a href="https://twitter.com/d/status/1">November 18, 2019</a></blockquote></div>';
  const card = '<p>South Dakota Gov. <span class="rollover-people"><a href="/people/kristi-noem">Kristi Noem</a><span class="rollover-people-block"><a href="/people/kn">Kristi Lynn Noem</a><a href="/a/1">South Dakota governor doubles down on anti-drug campaign</a> <a href="/a/2">South Dakota drops pipeline protest laws after lawsuit</a></span></span> (R) is defending the campaign launched on Monday.</p>';
  const a = extractFrom(`<h1>Meth ad</h1><div class="article-body">${card}${enParagraphs(2)}${tweet}${enParagraphs(3)}</div>`, { head: '<title>Meth ad</title>' });
  assert.ok(a.body.includes('Yes this is real'), a.body);
  assert.ok(a.body.includes('— Dianna (@dianna) November 18, 2019'), a.body);
  assert.ok(a.body.includes('South Dakota Gov. Kristi Noem (R) is defending'), a.body);
  assert.ok(!a.body.includes('pipeline protest'), a.body);
});
