/**
 * Probes of unseen Chinese layouts written from how portals set their article header (issue 12, generalisation): a
 * Chinese page borrowing kana (・ between a foreign name's parts, の in a headline) is still on China's clock; a brief
 * of one paragraph beside its hot-comment box is the body; the writer's post after the name is no outlet; the closing
 * "（作者X是…）" note; the 更新：/出版： labels and an update word printed after its date.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractFrom, zhParagraphs } from './helpers.js';
import { extractArticle } from '../../src/extract/index.js';

const P = zhParagraphs(4);
const H = '全市将新开通12条公交线路';
const opts = { head: `<title>${H}_临江网</title>`, timezone: 'Asia/Shanghai' };
const page = (info: string, tail = '', headline = H): string => `<div class="art"><h1>${headline}</h1><div class="info">${info}</div>${P}${tail}</div>`;

test('a Chinese page with a few kana (・, の) is read on China\'s clock, a Japanese page on Japan\'s', () => {
  // No timezone given: the page's language decides the zone.
  const zh = (headline: string, lead = ''): string | undefined =>
    extractFrom(page('2023-10-08 07:30 来源：新京报', lead, headline), { head: `<title>${headline}</title>` }).publishedAt;
  assert.equal(zh('《鬼灭之刃》の新作动画定档'), '2023-10-08T07:30:00+08:00');
  assert.equal(zh('勒布朗・詹姆斯宣布退役'), '2023-10-08T07:30:00+08:00');
  assert.equal(zh(H, '<p>迈克尔・乔丹表示，他对新赛季充满期待。</p>'), '2023-10-08T07:30:00+08:00');
  // Japanese prose is full of kana: still Japanese, still Tokyo's clock.
  const ja = '<p>東京都は8日、新たに12の路線バスを開通すると発表しました。住宅地と産業団地を結ぶ路線で、通勤の便が良くなる見込みです。</p>'.repeat(3);
  const a = extractFrom(`<div class="art"><h1>都内で新たに12のバス路線が開通へ</h1><div class="info">2023-10-08 07:30</div>${ja}</div>`, { head: '<title>都内で新たに12のバス路線が開通へ</title>' });
  assert.equal(a.language, 'ja');
  assert.equal(a.publishedAt, '2023-10-08T07:30:00+09:00');
});

test('a one-paragraph brief beside a box of longer hot comments is the body; the comments are not', () => {
  const comment = (i: number): string =>
    `<div class="cmt-item"><span class="u">北京网友${i}</span><p>这篇文章写得很好，我也有同样的经历，当时在公交站等了很久，后来才知道线路调整了，希望以后能提前通知大家，并在地铁站附近设置更多换乘站点。${i}</p><span class="t">2023-10-08</span> <a>回复</a> <a>赞</a></div>`;
  const brief = '<p>记者从市交通运输局获悉，全市将新开通12条公交线路，10月10日起试运行。</p>';
  const html = `<div class="article"><h1>${H}</h1><div class="info">2023-10-08 14:30 来源：新京报</div><div class="content">${brief}</div></div><div class="comment-box"><h3>热门评论</h3>${[0, 1, 2, 3, 4].map(comment).join('')}</div>`;
  const a = extractFrom(html, opts);
  assert.match(a.body, /10月10日起试运行/);
  assert.doesNotMatch(a.body, /换乘站点|北京网友/);
  // A full article beside the same comments keeps all its paragraphs, and still no comment.
  const full = extractFrom(html.replace(brief, P), opts);
  assert.match(full.body, /服务热线/);
  assert.doesNotMatch(full.body, /换乘站点/);
});

test("the writer's post or affiliation after the name in the info line is no source; an account there still is", () => {
  const a = extractFrom(page('<span>王文</span><span>中国人民大学重阳金融研究院执行院长</span><span>2023-10-08 14:30</span>'), { head: `<title>${H}</title>`, timezone: 'Asia/Shanghai' });
  assert.equal(a.author, '王文');
  assert.equal(a.publisher, undefined);
  const b = extractFrom(page('<span>张晓明</span><span>清华大学教授</span><span>2023-10-08 14:30</span>'), { head: `<title>${H}</title>`, timezone: 'Asia/Shanghai' });
  assert.equal(b.publisher, undefined);
  // The account or outlet a writer files for stays the source.
  const c = extractFrom(page('<span>陈宇慧</span><span>田螺姑娘hhhaze</span><span>2023-10-08 14:30</span>'), { head: `<title>${H}</title>`, timezone: 'Asia/Shanghai' });
  assert.equal(c.author, '陈宇慧');
  assert.equal(c.publisher, '田螺姑娘hhhaze');
});

test('the closing note "（作者王文是…）" names the writer; a bracketed remark about someone else does not', () => {
  const note = (tail: string): string | undefined => extractFrom(page('2023-10-08 14:30 来源：环球时报', tail), opts).author;
  assert.equal(note('<p>（作者王文是中国人民大学重阳金融研究院执行院长）</p>'), '王文');
  assert.equal(note('<p>（本文作者张晓明为江城大学教授）</p>'), '张晓明');
  assert.equal(note('<p>（作者张晓明系江城大学教授）</p>'), '张晓明');
  // No 作者 before the name: a remark in the story, not a credit.
  assert.equal(note('<p>业内人士指出，该线路由市公交集团运营（王文是该集团负责人）。</p>'), undefined);
});

test('更新： and 出版： label an update and a publish time; an update word after its date marks that date only', () => {
  const at = (info: string): string | undefined => extractFrom(page(info), opts).publishedAt;
  assert.equal(at('<span>更新：2023-10-09 10:00</span> <span>出版：2023-10-08 14:30</span>'), '2023-10-08T14:30:00+08:00');
  assert.equal(at('<span>更新：2023-10-09 10:00</span> <span>发布：2023-10-08 14:30</span>'), '2023-10-08T14:30:00+08:00');
  assert.equal(at('<span>2023-10-09 10:00 更新</span> <span>2023-10-08 09:15 发布</span>'), '2023-10-08T09:15:00+08:00');
  // One time on the line with the word after it (an old portal's "08:13更新"): that is the story's time.
  assert.equal(at('2005-01-06 08:13更新 来源：转载文章'), '2005-01-06T08:13:00+08:00');
  // The word inside a headline-like phrase, no colon: no label ("每日更新" names no date).
  assert.equal(at('2023-10-08 14:30 每日更新 来源：新京报'), '2023-10-08T14:30:00+08:00');
});

test("a sidebar box's 作者： line beside the story credits its own item, not the story; the story's own closing credit still counts", () => {
  const side = '<div class="side"><div class="box"><h3>专栏</h3><p>作者：李大钊</p><p><a href="/c/1">评论：城市公交需要更多关注</a></p></div></div>';
  const html = (post: string): string => `<div class="article"><h1>${H}</h1><div class="info">2023-10-08 14:30 来源：新京报</div><div class="content">${P}</div>${post}</div>${side}`;
  assert.equal(extractFrom(html(''), opts).author, undefined);
  // The credit line after the body inside the article's wrapper is the story's.
  assert.equal(extractFrom(html('<div class="editor">作者：张三　责任编辑：李四</div>'), opts).author, '张三');
  // A page whose headline and body share no wrapper but the page itself: lines after the body are read as before.
  const loose = `<h1>${H}</h1><div class="info">2023-10-08 14:30</div><div class="content">${P}</div><p>作者：张三</p>`;
  assert.equal(extractFrom(loose, opts).author, '张三');
});

test('three unlabelled writers before the date are all kept', () => {
  const at = (info: string): string | undefined => extractFrom(page(info), opts).author;
  assert.equal(at('<span>张三 李四 王五</span> <span>2023-10-08 14:30</span>'), '张三 李四 王五');
  assert.equal(at('<span>张三 李四</span> <span>2023-10-08 14:30</span>'), '张三 李四');
  // A word after two writers that is no name (a place, an outlet before them) is not a third writer.
  assert.equal(at('<span>张三 李四 北京</span> <span>2023-10-08 14:30</span>'), '张三 李四');
  assert.equal(at('<span>新京报 张三 李四</span> <span>2023-10-08 14:30</span>'), '张三 李四');
});

test('a closing list of short unlinked lines under its lead-in is the article\'s ending; a furniture label\'s links are not', () => {
  const body = (tail: string): string => extractFrom(page('2023-10-08 14:30 来源：新京报', tail), opts).body;
  assert.match(body('<p>获奖名单：</p><p>张三</p><p>李四</p><p>王五</p>'), /获奖名单：\n\n张三\n\n李四\n\n王五$/);
  assert.match(body('<p>途经站点：</p><p>火车站</p><p>人民广场</p><p>高新区</p>'), /人民广场\n\n高新区$/);
  assert.match(body('<p>途经站点：</p><ol><li>火车站</li><li>人民广场</li><li>高新区</li></ol>'), /高新区$/);
  // Two short lines under a lead-in, or short lines under a related box's label: leftovers, dropped as before.
  assert.doesNotMatch(body('<p>获奖名单：</p><p>张三</p><p>李四</p>'), /李四/);
  assert.doesNotMatch(body('<p>相关新闻：</p><p>降温</p><p>停课</p><p>停运</p>'), /停运/);
  assert.doesNotMatch(body('<ul><li><a href="/a/1">降温了</a></li><li><a href="/a/2">停课</a></li></ul>'), /停课/);
});

test('a channel banner heading that a "…频道" <title> repeats gives way to the headline under it', () => {
  const html = (banner: string, headline: string): string => `<div class="nav"><h1>${banner}</h1></div><div class="main"><h2>${headline}</h2><p>2023-10-08 14:30:25 来源: 新京报</p>${P}</div>`;
  assert.equal(extractFrom(html('网易娱乐', H), { head: '<title>网易娱乐频道</title>', timezone: 'Asia/Shanghai' }).title, H);
  // A <title> that is the heading and another word than a channel's: the rule does not fire, the heading stays.
  assert.equal(extractFrom(html('雄安新区规划', H), { head: '<title>雄安新区规划纲要</title>', timezone: 'Asia/Shanghai' }).title, '雄安新区规划');
});

test('a text-and-picture credit names its writer: 文图/, 文/摄影, 文、摄影：, 文并摄/', () => {
  const credit = (line: string): string | undefined => extractFrom(page('2023-10-08 14:30 来源：新京报', '', H).replace('<p>', `<p>${line}</p><p>`), opts).author;
  for (const line of ['文图/张三', '文/摄影 张三', '文、摄影：张三', '文并摄/张三', '文、图/张三']) assert.equal(credit(line), '张三', line);
  // A picture credit alone names the photographer, not a writer of the text: no 文 in it, no author from it.
  assert.equal(credit('摄影：张三'), credit(''));
});

test("a credit line right after the article's box (its own div, no heading, no story links) still names the writer", () => {
  const bottom = (line: string): string => `<div id="main"><div class="article"><h1>${H}</h1><div class="info">2023-10-08 14:30</div><div class="text">${P}</div></div><div class="bottom"><p>${line}</p><p>分享到：微信 微博</p></div></div>`;
  for (const line of ['文/张三', '本报记者 张三', '作者：张三　责任编辑：李四', '撰文：张三']) assert.equal(extractFrom(bottom(line), opts).author, '张三', line);
  const nested = `<div class="w"><div class="a"><div class="hd"><h1>${H}</h1><div class="info">2023-10-08 14:30</div></div><div class="bd">${P}</div></div><p class="au">作者：张三</p></div>`;
  assert.equal(extractFrom(nested, opts).author, '张三');
  const en = '<p>City officials said the new bus lines will open next month, linking the northern suburbs with the business district and the airport.</p>'.repeat(4);
  const story = `<div class="page"><div class="story"><h1>New bus lines open next month</h1><div class="body">${en}</div></div><p class="credit">By Jane Smithson</p></div>`;
  assert.equal(extractFrom(story, { head: '<title>New bus lines open next month</title>' }).author, 'Jane Smithson');
});

test('a note after 作者 that names no one (单位, 分别, 本人, 简介, 认为…) is no writer', () => {
  const note = (tail: string): string | undefined => extractFrom(page('2023-10-08 14:30 来源：环球时报', tail), opts).author;
  for (const t of ['（作者分别为清华大学教授、北京大学副教授）', '（作者单位为中国社会科学院）', '（作者认为这是必然的结果）', '（作者本人是一名公交司机）', '（作者所在单位为市交通运输局）', '（作者简介是：资深媒体人）']) {
    assert.equal(note(`<p>${t}</p>`), undefined, t);
  }
  assert.equal(note('<p>（作者李明为本报特约评论员）</p>'), '李明');
});

test('short furniture under a label that announces no list stays out of the body; a list of names stays in', () => {
  const body = (tail: string): string => extractFrom(page('2023-10-08 14:30 来源：新京报', tail), opts).body;
  for (const tail of ['<p>相关标签：</p><p>公交</p><p>地铁</p><p>出行</p>', '<p>关注我们：</p><p>微信</p><p>微博</p><p>抖音</p>', '<p>扫码关注：</p><p>公众号</p><p>视频号</p><p>抖音号</p>', '<p>下载客户端：</p><p>苹果版</p><p>安卓版</p><p>电脑版</p>']) {
    assert.match(body(tail), /换乘方案。$/, tail);
  }
  assert.match(body('<ul><li>全市新开通的12条公交线路均采用新能源车辆，高峰发车间隔不超过10分钟</li><li>首页</li><li>新闻</li><li>体育</li></ul>'), /不超过10分钟$/);
  // Names under a lead-in that is no furniture label: the article's own list.
  assert.match(body('<p>本次表彰的司机：</p><p>张三</p><p>李四</p><p>王五</p>'), /王五$/);
});

test('a kanji-heavy page declared Japanese (人事) stays Japanese on Tokyo\'s clock', () => {
  const h = '人事 東京電力ホールディングス';
  const html = `<article><h1>${h}</h1><div class="date">2023年10月8日 7:30</div><p>東京電力ホールディングス（10月1日）取締役常務執行役員（経営企画担当）山田太郎▽常務執行役員（原子力担当）佐藤一郎▽執行役員（財務担当）鈴木次郎▽執行役員（営業本部長）高橋三郎▽執行役員（技術開発本部長）田中四郎▽常務執行役員（送配電事業担当）伊藤五郎▽執行役員（人事労務担当）渡辺六郎▽執行役員（広報担当）中村七郎▽執行役員（法務担当）小林八郎▽執行役員（監査担当）加藤九郎▽常務執行役員（再生可能事業担当）吉田十郎▽執行役員（情報技術担当）山口一夫▽執行役員（国際事業担当）松本二夫▽執行役員（調達担当）井上三夫▽執行役員（安全品質担当）木村四夫</p></article>`;
  const a = extractArticle(`<!DOCTYPE html><html lang="ja"><head><title>${h}</title></head><body>${html}</body></html>`, { url: 'https://www.nikkei.com/article/DGXZQOUC0812345/' });
  assert.equal(a.language, 'ja');
  assert.equal(a.publishedAt, '2023-10-08T07:30:00+09:00');
  // The same text with no declared language: too little kana for Japanese prose, read as Chinese.
  const bare = extractArticle(`<!DOCTYPE html><html><head><title>${h}</title></head><body>${html}</body></html>`, { url: 'https://www.example.com/a/1.html' });
  assert.equal(bare.language, 'zh');
});

test('an update word beside an event\'s dates or alone marks no publish time away from it', () => {
  const at = (info: string): string | undefined => extractFrom(page(info), opts).publishedAt;
  assert.equal(at('2023-10-08 08:13 更新 | 杭州亚运会 2023-09-23至2023-10-08'), '2023-10-08T08:13:00+08:00');
  assert.equal(at('2023-10-08 08:13 更新 来源：新华社 （原文首发于2023-10-07）'), '2023-10-08T08:13:00+08:00');
  // Bare 更新： as the only date: that time is the story's, not a date read in the text.
  const lone = extractFrom(page('更新：2023-10-09 09:00 来源：新京报', '<p>新线路10月10日起试运行。</p>'), opts);
  assert.equal(lone.publishedAt, '2023-10-09T09:00:00+08:00');
});
