/** Author/source cleaning (issue 12): interface words, glued links, affiliations, slash bylines, account platforms. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { authorFromText, cleanPersonName, sourceFromText } from '../../src/extract/byline.js';
import { extractArticle } from '../../src/extract/index.js';
import { zhParagraphs } from './helpers.js';

test('a login box or tool bar is not an author', () => {
  assert.equal(cleanPersonName('账号 密码 自动登录 登录并发表'), undefined);
  assert.equal(cleanPersonName('字号'), undefined);
  assert.equal(cleanPersonName('分享'), undefined);
  assert.equal(cleanPersonName('好看的hk 粉丝 - 1 关注 - 0'), '好看的hk');
});

test('a name glued to an interface word or followed by a title keeps only the name', () => {
  assert.equal(cleanPersonName('张晓明举报'), '张晓明');
  assert.equal(cleanPersonName('甜阁下 心理咨询师'), '甜阁下');
  assert.equal(cleanPersonName('杜卿卿 李隽'), '杜卿卿 李隽');
});

test('slash-separated bylines give the reporter (traditional characters too)', () => {
  assert.equal(cleanPersonName('【聯合晚報╱記者楊正海╱即時報導】'), '楊正海');
  assert.equal(cleanPersonName('記者陳嘉寧／桃園機場報導'), '陳嘉寧');
});

test('source: the dateline place in brackets and a following tool link are cut off', () => {
  assert.equal(sourceFromText('来源: 中国新闻网(北京)'), '中国新闻网');
  assert.equal(sourceFromText('来源：新京报举报'), '新京报');
});

test('a WeChat page credits the account (#js_name / var nickname), not 微信公众平台', () => {
  const page = (extra: string): string => `<html><head><title>公众号文章标题</title><meta property="og:site_name" content="微信公众平台"></head>
    <body><h1 id="activity-name">公众号文章标题</h1>${extra}<div id="js_content">${zhParagraphs()}</div></body></html>`;
  const a = extractArticle(page('<div id="meta_content"><span id="js_author_name">李四</span><a id="js_name">某某观察</a></div>'), { url: 'https://mp.weixin.qq.com/s/x' });
  assert.equal(a.publisher, '某某观察');
  assert.equal(a.author, '李四');
  const b = extractArticle(page('<script>var nickname = "城市日记";</script>'), { url: 'https://mp.weixin.qq.com/s/y' });
  assert.equal(b.publisher, '城市日记');
});

test('a source glued to the page tool after it ends where the tool begins', () => {
  for (const tail of ['我要纠错', '【打印】', '[复制链接]', '二维码', '扫一扫', 'A-A+', '点赞', '返回顶部', '网友评论', '【字体：大 中 小】']) {
    assert.equal(sourceFromText(`来源：江城日报${tail}`), '江城日报', tail);
  }
  // A dash inside the credit is part of it as printed.
  assert.equal(sourceFromText('来源：环球时报-环球网'), '环球时报-环球网');
});

test('a writer glued to a follow, message or bracketed tool, or followed by a production role, is the writer alone', () => {
  for (const tail of ['已关注', '私信', '【打印】', '[收藏]']) assert.equal(authorFromText(`作者：张三${tail}`), '张三', tail);
  assert.equal(authorFromText('记者 张三 美编 王五'), '张三');
  assert.equal(authorFromText('记者 张三 海报 王五'), '张三');
  assert.equal(authorFromText('记者 张三 李四'), '张三 李四');
});

test('reading, listening, type-size and navigation tools beside a byline are no writer', () => {
  const page = (tool: string): string => `<html><head><title>公众号文章标题</title></head><body><div class="article"><h1>全市新开通十二条公交线路方便市民出行</h1>
    <div class="info">2024-05-01 10:00 作者：<a href="#">${tool}</a></div><div class="content">${zhParagraphs(5)}</div></div></body></html>`;
  for (const tool of ['阅读原文', '展开全文', '朗读', '简体', '繁體', '无障碍', '上一篇', '微信扫一扫', '在看', '编者按']) {
    assert.equal(extractArticle(page(tool), { url: 'https://news.example.com/a/1.html' }).author, undefined, tool);
  }
});

test('tool words inside an outlet name do not end it: only set off, or as the whole tool phrase after it', () => {
  const cases: Array<[string, string | undefined]> = [
    ['来源：NASA-JPL', 'NASA-JPL'],
    ['来源：KBA-Nachrichten', 'KBA-Nachrichten'],
    ['来源：宁波网友之家', '宁波网友之家'],
    ['来源：华侨返回祖国纪念馆', '华侨返回祖国纪念馆'],
    ['来源：中国二维码产业网', '中国二维码产业网'],
    ['来源：点赞中国', '点赞中国'],
    ['来源：我要去旅行杂志', '我要去旅行杂志'],
    ['来源：A-Share观察', 'A-Share观察'],
    ['来源：江城日报 A+ A-', '江城日报'],
    ['来源：江城日报 网友评论(3)', '江城日报'],
  ];
  for (const [line, want] of cases) assert.equal(sourceFromText(line), want, line);
});
