/**
 * Byline and credit forms from synthetic pages in the shapes of 2019–2020 Chinese portals (issue 12), which the
 * extractor missed: a qualified writer label (特约撰稿人), the picture-and-text credit 图/文, and the source
 * label set in brackets (【来源】光明日报).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractArticle } from '../../src/extract/index.js';
import { extractFrom, zhParagraphs } from './helpers.js';

const P = zhParagraphs(4);
const T = '全市将新开通12条公交线路';
const opts = { head: `<title>${T}</title>`, timezone: 'Asia/Shanghai' };
const withInfo = (info: string): string => `<div class="art"><h1>${T}</h1><div class="info">${info}</div>${P}</div>`;
const opening = (line: string): string => `<div class="art"><h1>${T}</h1><div class="info">2020-03-05 10:20</div><p>${line}</p>${P}</div>`;

test('a writer label with the word saying which kind of writer (特约撰稿人, 本报撰稿) still labels the name', () => {
  assert.equal(extractFrom(opening('特约撰稿人 张三'), opts).author, '张三');
  assert.equal(extractFrom(withInfo('特约撰稿人：张三 来源：新京报'), opts).author, '张三');
  assert.equal(extractFrom(withInfo('本报撰稿 李四 2020-03-05'), opts).author, '李四');
});

test('图/文 before a name credits picture and text to one writer', () => {
  assert.equal(extractFrom(opening('图/文 张三'), opts).author, '张三');
  assert.equal(extractFrom(opening('图／文：欧阳娜娜'), opts).author, '欧阳娜娜');
  // (Prose with the two words is no credit.)
  assert.equal(extractFrom(opening('图/文并茂的展板吸引了不少市民驻足观看。'), opts).author, undefined);
});

test('a source label in brackets, its value after the bracket (【来源】光明日报), is a credit', () => {
  const a = extractFrom(withInfo('【作者】张三 【来源】光明日报 【时间】2020-03-05'), opts);
  assert.equal(a.author, '张三');
  assert.equal(a.publisher, '光明日报');
  assert.equal(extractFrom(withInfo('[来源]经济日报 [日期]2020-03-05'), opts).publisher, '经济日报');
  // (Brackets around label and value together are read as before.)
  assert.equal(extractFrom(withInfo('【来源：新华网】 2020-03-05'), opts).publisher, '新华网');
});

test('a two-character label padded to a longer one\'s width ("来　　源：", "作 者：") is read as the label', () => {
  for (const info of ['作　　者：张三　　来　　源：市教育局　　日　　期：2020-03-05', '作 者：张三 来 源：市教育局', '来  源：市教育局  作  者：张三']) {
    const a = extractFrom(withInfo(info), opts);
    assert.equal(a.author, '张三', info);
    assert.equal(a.publisher, '市教育局', info);
  }
  // (Two words that only look like a label's halves in prose, with no colon after them, are left as they are.)
  assert.equal(extractFrom(withInfo('来 源远流长的传统 2020-03-05'), opts).publisher, undefined);
});

test("a blog's <title> names its writer before the platform's name when the page prints it only in a sidebar", () => {
  const post = (title: string): string =>
    `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${title}</title></head><body><div><h2>${T}</h2><span>(2020-03-05 10:20:00)</span></div><div class="c">${P}</div><div class="side"><strong>张三</strong><a>加关注</a></div></body></html>`;
  const run = (title: string): string | undefined => extractArticle(post(title), { url: 'http://blog.example.com/s/blog_1.html' }).author;
  assert.equal(run(`${T}_张三_新浪博客`), '张三');
  assert.equal(run(`${T} - 张三 - 博客园`), '张三');
  assert.equal(run(`${T}_张三的博客-CSDN博客`), '张三');
  // A portal's title names no blog: no writer from it.
  assert.equal(run(`${T}_新闻中心_江城网`), undefined);  // A handle keeps its underscores; a column or diary named for its owner names the owner.
  assert.equal(run(`${T}_weixin_43456789的博客-CSDN博客`), 'weixin_43456789');
  assert.equal(run(`${T}_zhang_san_dev的博客-CSDN博客`), 'zhang_san_dev');
  assert.equal(run(`${T} - 张三的专栏 - CSDN博客`), '张三');
  assert.equal(run(`${T} - 张三的日志 - 网易博客`), '张三');
  // A category or column before the platform is no writer.
  for (const title of [`${T} - 随笔分类 - 博客园`, `${T}_娱乐_新浪博客`, 'Ten tips | Opinion | The Daily Blog', 'Ten tips | Travel Tips | Anna Everywhere Blog', 'Ten tips | Engineering Team | Netflix TechBlog']) {
    assert.equal(run(title), undefined, title);
  }
});

test('a look-alike of the colon after a label (作者︰, 来源∶, 來源﹕) is read as the colon', () => {
  for (const [info, author, source] of [['作者︰張三　來源︰明報　2020-03-05', '張三', '明報'], ['作者∶张三　来源∶新华网', '张三', '新华网'], ['作者﹕张三 来源﹕新华网', '张三', '新华网']]) {
    const a = extractFrom(withInfo(info), opts);
    assert.equal(a.author, author, info);
    assert.equal(a.publisher, source, info);
  }
});

test('writers after the author label split by semicolons are all kept', () => {
  assert.equal(extractFrom(withInfo('作者：张三；李四 来源：光明网'), opts).author, '张三 李四');
  assert.equal(extractFrom(withInfo('作者：张三;李四'), opts).author, '张三 李四');
  // (After the first, a part that is no name ends the list.)
  assert.equal(extractFrom(withInfo('作者：张三；新华社'), opts).author, '张三');
});

test("an account credited with the platform written beside it keeps its whole name; the platform alone credits nobody", () => {
  for (const info of ['2020-03-05 来源：上海发布微信公众号', '2020-03-05 来源：微信公众号：上海发布', '2020-03-05 来源：微信公众号“上海发布”']) {
    assert.equal(extractFrom(withInfo(info), opts).publisher, '上海发布', info);
  }
  assert.equal(extractFrom(withInfo('2020-03-05 来源：微信公众平台'), opts).publisher, undefined);
  // (Without the platform named, 发布 still ends a name run on into the info line's next field: "来源：新京报发布时间…".)
  assert.equal(extractFrom(withInfo('来源：新京报发布时间：2020-03-05'), opts).publisher, '新京报');
});

test('a page counter glued after the name, or a message button beside it, is no part of the name', () => {
  assert.equal(extractFrom(withInfo('作者：张三阅读量：1234'), opts).author, '张三');
  assert.equal(extractFrom(withInfo('作者：李四浏览次数：56 2020-03-05'), opts).author, '李四');
  assert.equal(extractFrom(withInfo('作者：张三 <a>私信</a> <a>关注</a>'), opts).author, '张三');
  assert.equal(extractFrom(withInfo('作者：张三加关注'), opts).author, '张三');
});

test('a call to write in or a link to the original beside the date is no writer', () => {
  for (const tool of ['<a>我要投稿</a>', '<a>原文链接</a>', '<a>我要爆料</a>']) {
    assert.equal(extractFrom(withInfo(`2020-03-05 10:20 ${tool}`), opts).author, undefined, tool);
  }
});

test('an account named beside its platform still ends at a date, a tool word, a slash or a field label', () => {
  const cases: [string, string | undefined][] = [
    ['来源：微信公众号 2020-03-05 10:20', undefined], ['来源：微信 2020-03-05 10:20', undefined],
    ['来源：微信公众号 阅读原文', undefined], ['来源：微信公众号 点击查看', undefined],
    ['来源：微信扫一扫', undefined], ['来源：微信扫码关注', undefined],
    ['来源：微信公众号：江城日报我要纠错', '江城日报'], ['来源：微信公众号：江城日报A+ A-', '江城日报'],
    ['来源：微信公众号：上海发布网友评论', '上海发布'], ['来源：微信公众号：上海发布2020-03-05 10:20', '上海发布'],
    ['来源：微信公众号：上海发布/上观新闻', '上海发布'],
    ['来源：江城日报编辑张三 公众号', '江城日报'], ['来源：人民日报2020年03月05日 微信公众号', '人民日报'],
    ['来源：江城日报发布时间2020-03-05 公众号', '江城日报'],
  ];
  for (const [info, want] of cases) assert.equal(extractFrom(withInfo(info), opts).publisher, want, info);
});

test('a bracketed source label takes the colon after it; one inside prose is no credit', () => {
  assert.equal(extractFrom(withInfo('2020-03-05 【来源】：光明日报'), opts).publisher, '光明日报');
  assert.equal(extractFrom(withInfo('2020-03-05 【来源】光明日报'), opts).publisher, '光明日报');
  const prose = `<div class="art"><h1>${T}</h1><div class="info">2020-03-05</div>${P}<p>平台规定，对【来源】标注不清的稿件一律下架，并通报相关单位。</p></div>`;
  assert.equal(extractFrom(prose, { ...opts, head: opts.head + '<meta property="og:site_name" content="江城网">' }).publisher, '江城网');
});

test('after a semicolon a place, a photographer or a word of thanks is no second writer', () => {
  for (const info of ['作者：张三；刘洋摄', '作者：张三；石家庄', '作者：张三；谢谢', '作者：张三；北京', '作者：张三/刘洋摄']) {
    assert.equal(extractFrom(withInfo(info), opts).author, '张三', info);
  }
  assert.equal(extractFrom(withInfo('作者：张三；李四'), opts).author, '张三 李四');
});

test('a 图/文 credit names a writer only when its value has a name\'s shape', () => {
  for (const info of ['图/文：资料', '图/文：受访者提供', '图/文 百度百科', '图/文：市交通局', '图/文 来源网络', '图/文：网络']) {
    assert.equal(extractFrom(withInfo(`2020-03-05 ${info}`), opts).author, undefined, info);
  }
  assert.equal(extractFrom(withInfo('2020-03-05 图/文 张三'), opts).author, '张三');
  assert.equal(extractFrom(withInfo('2020-03-05 图／文：李四'), opts).author, '李四');
});

test('a writer label with both its outlet and its kind (本报特约撰稿人) is read', () => {
  assert.equal(extractFrom(withInfo('2020-03-05 本报特约撰稿人 张三'), opts).author, '张三');
  assert.equal(extractFrom(withInfo('本报特约撰稿人：张三 来源：新京报'), opts).author, '张三');
});

test('a platform named without its account credits nobody', () => {
  for (const info of ['来源：微信平台', '来源：微信号', '来源：微博', '来源：新浪微博']) {
    assert.equal(extractFrom(withInfo(`2020-03-05 ${info}`), opts).publisher, undefined, info);
  }
});
