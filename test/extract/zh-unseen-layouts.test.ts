/**
 * Chinese article layouts no corpus page has (issue 12), written before the mechanisms they check were changed: the
 * byline in a table cell under the headline, a blog's "发表于" line with the poster above the headline, an app
 * article's "X 发布于 <time>" account line, reporter lists with 通讯员, datelines and closing credits, and the time
 * and title choices an unseen site's template makes. Class and id names are left out or meaningless on purpose: what
 * is read here is read by wording and position, as on a site whose class names say nothing.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { authorFromText } from '../../src/extract/byline.js';
import { extractFrom, zhParagraphs } from './helpers.js';

const P = zhParagraphs(4);
const H = '全市将新开通12条公交线路';
const opts = { head: `<title>${H}</title>`, timezone: 'Asia/Shanghai' };

test('a portal byline in table cells under the headline: time, outlet and writer each in a cell', () => {
  const info = '<table><tr><td>2021-05-06 08:30</td><td>来源：江城日报</td><td>作者：张晓明</td><td><a href="#">打印</a></td></tr></table>';
  const a = extractFrom(`<div class="c1"><h1>${H}</h1>${info}<div class="c2">${P}</div></div>`, opts);
  assert.equal(a.publishedAt, '2021-05-06T08:30:00+08:00');
  assert.equal(a.publisher, '江城日报');
  assert.equal(a.author, '张晓明');
});

test('a blog line "<poster> 发表于 <time>" above the headline names the poster and the time', () => {
  const meta = '<div class="x7"><a href="/u/88">山间清风</a> 发表于 2020-03-04 10:20 <span>阅读 1024</span></div>';
  const a = extractFrom(`<div class="x1">${meta}<h2>${H}</h2><div class="x3">${P}</div></div>`, opts);
  assert.equal(a.author, '山间清风');
  assert.equal(a.publishedAt, '2020-03-04T10:20:00+08:00');
});

// (Written first with the account "城市出行观察": a name ending in 观察 is read as an outlet's, and an outlet in an
// author slot is no author by the corpus rules, so that name fails by design; the account here is name-shaped.)
test('an app article: the account name and "发布于 <time>" on the line under the headline', () => {
  const info = '<div class="m"><span>老李说交通</span><span>发布于 2020-03-04 10:20</span><span>北京</span></div>';
  const a = extractFrom(`<div class="w"><h1>${H}</h1>${info}<div class="b">${P}</div></div>`, opts);
  assert.equal(a.author, '老李说交通');
  assert.equal(a.publishedAt, '2020-03-04T10:20:00+08:00');
});

test('"X 发布于 <time>" as one run of text names X', () => {
  const info = '<p>老李说交通 发布于 2020-03-04 10:20</p>';
  const a = extractFrom(`<div class="w"><h1>${H}</h1>${info}<div class="b">${P}</div></div>`, opts);
  assert.equal(a.author, '老李说交通');
  assert.equal(a.publishedAt, '2020-03-04T10:20:00+08:00');
});

test('a reporter list "记者 张三 李四 通讯员 王五" credits the reporters, not the correspondent', () => {
  const info = '<div class="i">2022-07-01 09:15 来源：临江晚报 记者 张三丰 李四海 通讯员 王五明</div>';
  const a = extractFrom(`<div class="w"><h1>${H}</h1>${info}${P}</div>`, opts);
  assert.equal(a.author, '张三丰 李四海');
  assert.equal(a.publisher, '临江晚报');
  assert.equal(a.publishedAt, '2022-07-01T09:15:00+08:00');
});

test('a dateline byline in the first paragraph "本报讯（记者 X 通讯员 Y）" names the reporter', () => {
  const body = `<div class="w"><h1>${H}</h1><div class="d">2022-07-01 09:15</div><p>本报讯（记者 周立波 通讯员 钱小红）${zhParagraphs(1).replace(/<\/?p>/g, '')}</p>${zhParagraphs(4)}</div>`;
  const a = extractFrom(body, opts);
  assert.equal(a.author, '周立波');
});

test('"本报记者 X" on its own line under the headline names X', () => {
  const body = `<div class="w"><h1>${H}</h1><div class="d">2022-07-01 09:15</div><p>本报记者 郑雨桐</p>${P}</div>`;
  assert.equal(extractFrom(body, opts).author, '郑雨桐');
});

test('a "文/X" credit at the close names X; the 责任编辑 line after it does not', () => {
  const body = `<div class="w"><h1>${H}</h1><div class="d">2022-07-01 09:15</div>${P}<p>文/林晓雪</p><p>（责任编辑：赵大勇）</p></div>`;
  assert.equal(extractFrom(body, opts).author, '林晓雪');
});

test('the time on the info line under the headline wins over a later update and the comment times', () => {
  const info = '<div class="i"><span>2022-07-01 09:15</span><span>来源：临江晚报</span></div>';
  const tail = '<div class="z"><p>更新时间：2022-07-03 18:00</p></div><div class="cm"><p>网友甲 2022-07-02 08:00 说得好</p><p>网友乙 2022-07-02 09:00 支持</p></div>';
  const a = extractFrom(`<div class="w"><h1>${H}</h1>${info}${P}${tail}</div>`, opts);
  assert.equal(a.publishedAt, '2022-07-01T09:15:00+08:00');
});

test('a reprint note "原文发表于 <earlier date>" at the close does not replace the info line time', () => {
  const info = '<div class="i">2022-07-01 09:15 来源：临江晚报</div>';
  const a = extractFrom(`<div class="w"><h1>${H}</h1>${info}${P}<p>（本文原文发表于2021年3月2日《临江日报》）</p></div>`, opts);
  assert.equal(a.publishedAt, '2022-07-01T09:15:00+08:00');
});

test('a channel heading above the headline is not the title; the <title> site suffix is cut', () => {
  const body = `<div class="w"><div class="n"><h2>本地新闻</h2></div><h1>${H}</h1><div class="i">2022-07-01 09:15</div>${P}</div>`;
  assert.equal(extractFrom(body, { ...opts, head: `<title>${H}_本地新闻_临江网</title>` }).title, H);
  // A headline in a plain bold div, the <title> carrying the site after a bar.
  const plain = `<div class="w"><div class="n">本地新闻</div><div><b>${H}</b></div><div class="i">2022-07-01 09:15</div>${P}</div>`;
  assert.equal(extractFrom(plain, { ...opts, head: `<title>${H} | 临江网</title>` }).title, H);
});

test('a labelled "作者：" line after the headline with several names separated by 、', () => {
  const info = '<div class="i">作者：张晓明、李小红　2022-07-01 09:15</div>';
  const a = extractFrom(`<div class="w"><h1>${H}</h1>${info}${P}</div>`, opts);
  assert.equal(a.author, '张晓明 李小红');
  assert.equal(a.publishedAt, '2022-07-01T09:15:00+08:00');
});

test('an info line in traditional script "記者 X／台北報導" under the headline', () => {
  const info = '<div class="i">2022/07/01 09:15　記者 林志明／台北報導</div>';
  const a = extractFrom(`<div class="w"><h1>市府宣布新開通十二條公車路線</h1>${info}${P}</div>`, { ...opts, head: '<title>市府宣布新開通十二條公車路線 - 某某新聞網</title>' });
  assert.equal(a.author, '林志明');
  assert.equal(a.publishedAt, '2022-07-01T09:15:00+08:00');
});

test('"作者 | X" and "文 | X" with a bar, the "编辑 | Y" after them credits no author', () => {
  const info = '<div class="i"><span>文 | 孙明远</span><span>编辑 | 黄一鸣</span><span>2022-07-01 09:15</span></div>';
  assert.equal(extractFrom(`<div class="w"><h1>${H}</h1>${info}${P}</div>`, opts).author, '孙明远');
  const bar = '<div class="i">作者 | 孙明远 2022-07-01 09:15</div>';
  assert.equal(extractFrom(`<div class="w"><h1>${H}</h1>${bar}${P}</div>`, opts).author, '孙明远');
});

test('a wire dateline "新华社北京7月1日电（记者 X、Y）" opening the body names the reporters', () => {
  const body = `<div class="w"><h1>${H}</h1><div class="d">2022-07-01 09:15</div><p>新华社北京7月1日电（记者 高远航、陈思雨）${zhParagraphs(1).replace(/<\/?p>/g, '')}</p>${P}</div>`;
  const a = extractFrom(body, opts);
  assert.equal(a.author, '高远航 陈思雨');
});

test('a headline under a logo <h1> holding only an image is the headline, not the site', () => {
  const body = `<div class="top"><h1><a href="/"><img src="/logo.png" alt="临江网"></a></h1></div><div class="w"><h2>${H}</h2><div class="i">2022-07-01 09:15</div>${P}</div>`;
  assert.equal(extractFrom(body, { ...opts, head: `<title>${H}-新闻频道-临江网</title>` }).title, H);
});

test('a Chinese-form date "发布时间：2021年5月6日 08:30" with the 来源 in a link', () => {
  const info = '<div class="i">发布时间：2021年5月6日 08:30　来源：<a href="http://x.example.org/">江城日报</a>　字号：<a href="#">大</a> <a href="#">中</a> <a href="#">小</a></div>';
  const a = extractFrom(`<div class="w"><h1>${H}</h1>${info}${P}</div>`, opts);
  assert.equal(a.publishedAt, '2021-05-06T08:30:00+08:00');
  assert.equal(a.publisher, '江城日报');
});

test('a name written before its role "孙明远 / 文" names the writer', () => {
  const info = '<div class="i">孙明远 / 文　黄一鸣 / 图　2022-07-01 09:15</div>';
  assert.equal(extractFrom(`<div class="w"><h1>${H}</h1>${info}${P}</div>`, opts).author, '孙明远');
});

test('credits written 圖、文／X, 【outlet】记者 X, 特约评论员 X, ◎ X and "X·<date>" name X', () => {
  const byInfo = (info: string): string | undefined => extractFrom(`<div class="w"><h1>${H}</h1>${info}${P}</div>`, opts).author;
  assert.equal(byInfo('<div class="i">圖、文／張曉明</div><div>2022-07-01 09:15</div>'), '張曉明');
  assert.equal(byInfo('<p>2022-07-01 09:15</p><p>【江城日报】记者 张晓明</p>'), '张晓明');
  assert.equal(byInfo('<div class="i">特约评论员 张晓明</div><div>2022-07-01 09:15</div>'), '张晓明');
  assert.equal(byInfo('<div>2022-07-01 09:15</div><p>◎ 张晓明</p>'), '张晓明');
  assert.equal(byInfo('<div class="i">张晓明·2022-07-01 09:15·来源：江城日报</div>'), '张晓明');
  // A commentary credited to the paper's commentator, no name: nobody ("本报评论员文章" names no one).
  assert.equal(byInfo('<div class="i">本报评论员文章 2022-07-01 09:15</div>'), undefined);
});

test('a headline in a plain bold <div> (no heading tag, no class) is found under the usual <title> templates', () => {
  const page = (headline: string): string => `<div><div style="font-weight:bold">${headline}</div><div>2022-07-01 09:15</div>${P}</div>`;
  // Box-drawing bars between headline, channel and site.
  assert.equal(extractFrom(page('市府宣布新開通十二條公車路線 台北先行'), { head: '<title>市府宣布新開通十二條公車路線 台北先行│即時新聞│20160521│某某日報</title>' }).title, '市府宣布新開通十二條公車路線 台北先行');
  // A leading zero-width space in both, and a full-width dash inside the headline.
  assert.equal(extractFrom(page('\u200b《城市玩家》前进南美印加帝国－秘鲁五部曲'), { head: '<title>\u200b《城市玩家》前进南美印加帝国－秘鲁五部曲</title>' }).title, '《城市玩家》前进南美印加帝国－秘鲁五部曲');
  // The <title> reworded ("-" for "——") with the site after an unspaced hyphen: the page's own wording is the headline.
  assert.equal(extractFrom(page('积极因素不断增多动能增强——前4个月全市公交客流稳步回升'), { head: '<title>积极因素不断增多动能增强-前4个月全市公交客流稳步回升-某某头条</title>' }).title, '积极因素不断增多动能增强——前4个月全市公交客流稳步回升');
  // A short <title> (a blog's name) printed in a banner block is not taken as the headline.
  const blog = `<table><tr><td><b><font>洞庭一叶</font></b></td></tr></table><div><a href="/c">湖湘文化</a></div><div><b>陈天华《警世钟》读后</b></div>${P}`;
  assert.notEqual(extractFrom(blog, { head: '<title>Some blog--洞庭一叶</title>' }).title, '洞庭一叶');
});

test('an outlet and its writer on a line of their own over the date line credit both; a timestamp link is no headline', () => {
  const info = '<div><a href="/list/5">中廣</a> 溫蘭魁</div><div>2013年06月29日 18:24</div>';
  const a = extractFrom(`<div class="w"><h1>${H}</h1>${info}${P}</div>`, opts);
  assert.equal(a.author, '溫蘭魁');
  assert.equal(a.publisher, '中廣');
  // A post's "发布于 05-16 19:12" permalink above the text, under a <title> that matches nothing, is not the title.
  const post = `<div><a href="/u/1">某某用户</a></div><div>来自手机 <a href="https://news.example.com/a/1.html">发布于05-16 19:12</a></div><div>${P}</div>`;
  assert.doesNotMatch(extractFrom(post, { head: '<title>某某用户: 一篇长文的开头几句话在这里… - 某某社区</title>' }).title ?? '', /发布于/);
});

test('structured data with another clock than the info line shows for that day gives way to the shown time', () => {
  const ld = (t: string): string => `<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"${t}"}</script>`;
  const page = (info: string): string => `<div class="w"><h1>${H}</h1><div class="i">${info}</div>${P}</div>`;
  const shown = extractFrom(page('2022-07-01 09:15 来源：临江日报'), { ...opts, head: opts.head + ld('2022-07-01T10:42:31+08:00') });
  assert.equal(shown.publishedAt, '2022-07-01T09:15:00+08:00');
  // The same instant written in UTC is no disagreement: the structured value (to the second) stays.
  const same = extractFrom(page('2022-07-01 09:15 来源：临江日报'), { ...opts, head: opts.head + ld('2022-07-01T01:15:07Z') });
  assert.equal(Date.parse(same.publishedAt ?? ''), Date.parse('2022-07-01T01:15:07Z'));
  // A time the story's prose mentions under the headline is no info line.
  const prose = extractFrom(page('中国地震台网正式测定：07月01日07时58分在某海域发生地震，'), { ...opts, head: opts.head + ld('2022-07-01T10:42:31+08:00') });
  assert.equal(prose.publishedAt, '2022-07-01T10:42:31+08:00');
});

test('wire and Taiwanese datelines: 專電, several reporters, a compound surname, a correspondent, a dated 電', () => {
  const cases: Array<[string, string]> = [
    ['（中央社記者鄭崇生華盛頓23日專電）美國總統今天表示', '鄭崇生'],
    ['（中央社記者陳葦庭、王承中台北3日電）立法院今天三讀通過', '陳葦庭 王承中'],
    ['（中央社記者歐陽夢萍台北3日電）', '歐陽夢萍'],
    ['（中央社記者陳葦庭台北2019年12月3日電）', '陳葦庭'],
    ['（中央社駐布魯塞爾特派員唐佩君23日專電）', '唐佩君'],
    ['（中央社特派員唐佩君布魯塞爾23日專電）', '唐佩君'],
    ['（中央社記者盧太城台東縣12日電）', '盧太城'],
    // A two-character name before a three-character county: the county's first character is not the name's.
    ['（中央社記者李四台中市12日電）', '李四'],
    ['（中央社記者王明台東縣12日電）', '王明'],
    ['（中央社記者張三新竹縣3日電）', '張三'],
    ['〔編譯張三／綜合報導〕', '張三'],
    ['〔駐美特派員張三／華盛頓報導〕', '張三'],
    ['大紀元記者張三台北報導', '張三'],
    ['華視新聞 張三 台北報導', '張三'],
    ['民視新聞／張三、李四 台北報導', '張三 李四'],
  ];
  for (const [line, want] of cases) assert.equal(authorFromText(line), want, line);
  // Places where the names would be, and a wire dateline without a reporter: nobody.
  assert.equal(authorFromText('公視新聞 台中 嘉義 報導'), undefined);
  assert.equal(authorFromText('（法新社巴黎3日電）'), undefined);
});

test('a badge element opening or closing the headline (原创, 置顶) is no part of it; ◆ before a reporter credit', () => {
  const head = `<title>${H}_临江网</title>`;
  assert.equal(extractFrom(`<div><h1><span>原创</span>${H}</h1><div>2022-07-01 09:15</div>${P}</div>`, { head }).title, H);
  assert.equal(extractFrom(`<div><h1>${H}<em>置顶</em></h1><div>2022-07-01 09:15</div>${P}</div>`, { head }).title, H);
  // A headline the <title> repeats with its tag kept keeps it.
  assert.equal(extractFrom(`<div><h1><span>视频｜</span>${H}</h1>${P}</div>`, { head: `<title>视频｜${H}_临江网</title>` }).title, `视频｜${H}`);
  assert.equal(extractFrom(`<div><h1>${H}</h1><div>2022-07-01 09:15</div><p>◆江城晚报全媒体记者 张晓明</p>${P}</div>`, { head }).author, '张晓明');
});

test('a <title> that is only the site name, repeated by the logo heading, leaves the headline to the lines above the body', () => {
  const body = `<div><a href="/">首页</a></div><h1>临江网</h1><div><h2>${H}</h2><div>2022-07-01 09:15</div>${P}</div>`;
  assert.equal(extractFrom(body, { head: '<title>临江网</title>' }).title, H);
});

test('a photo caption "（圖／記者李四攝）" above the "記者張三／台北報導" line credits the photographer, not the writer', () => {
  const body = `<div><h1>${H}</h1><div>2022年07月01日 09:15</div><div><p><img src="a.jpg"></p><p>▲市府今天宣布新路線。（圖／記者李四攝）</p><p>記者張三／台北報導</p>${P}</div></div>`;
  assert.equal(extractFrom(body, opts).author, '張三');
  assert.equal(authorFromText('（記者李四攝）'), undefined);
});

test('a forum poster linked to a member page (space-uid-123.html, mod=space&uid=, ?author=) and a handle beside the date', () => {
  const T = '全市将新开通12条公交线路讨论帖';
  const forum = (body: string): string | undefined => extractFrom(`<div>${body}</div>`, { head: `<title>${T} - 某某论坛</title>`, timezone: 'Asia/Shanghai' }).author;
  assert.equal(forum(`<h1><span>${T}</span></h1><table><tr><td><div><a href="space-uid-123.html">山间清风</a></div></td><td><div><em>发表于 2022-7-1 09:15</em> | 只看该作者</div><div>${P}</div></td></tr></table>`), '山间清风');
  assert.equal(forum(`<h1>${T}</h1><table><tr><td><a href="home.php?mod=space&amp;uid=123">山间清风</a></td><td><div>发表于 2022-7-1 09:15</div><div>${P}</div></td></tr></table>`), '山间清风');
  assert.equal(forum(`<h1>${T}</h1><div><a href="/?author=102">山间清风</a> 2022-07-01 09:15</div><div>${P}</div>`), '山间清风');
  assert.equal(forum(`<h1>${T}</h1><div>abc_123 2022-07-01 09:15</div><div>${P}</div>`), 'abc_123');
  assert.equal(forum(`<h1>${T}</h1><div>2022-07-01 09:15 · abc_123</div><div>${P}</div>`), 'abc_123');
  // A plain word beside the date on a line without Chinese is no handle.
  assert.equal(forum(`<h1>${T}</h1><div>Updated 2022-07-01 09:15</div><div>${P}</div>`), undefined);
  assert.equal(forum(`<h1>${T}</h1><div>ddos8919 2022-07-01 09:15</div><div>${P}</div>`), 'ddos8919');
  // A topic tag beside the date (capitals inside the word) is no handle either.
  for (const tag of ['COP28', 'iPhone15', 'H5N1']) {
    assert.equal(forum(`<h1>${T}</h1><div>${tag} 2023-12-01 10:00</div><div>${P}</div>`), undefined, tag);
    assert.equal(forum(`<h1>${T}</h1><div>2024-03-01 · ${tag}</div><div>${P}</div>`), undefined, tag);
  }
});

test('info-line times written "週五 上午9:15", "15時15分" and "2022.07.01 | 15:15" keep their clock', () => {
  const at = (info: string): string | undefined =>
    extractFrom(`<div><h1>${H}</h1>${info}${P}</div>`, { head: `<title>${H} | 某某新聞網</title>`, timezone: 'Asia/Taipei' }).publishedAt;
  assert.equal(at('<div>2022年7月1日 週五 上午9:15</div>'), '2022-07-01T09:15:00+08:00');
  assert.equal(at('<div>2022年7月1日 週五 下午3:15</div>'), '2022-07-01T15:15:00+08:00');
  assert.equal(at('<div>2022年7月1日 15時15分</div>'), '2022-07-01T15:15:00+08:00');
  assert.equal(at('<div>2022.07.01 | 15:15</div>'), '2022-07-01T15:15:00+08:00');
});

test('a quoted account or paper in a 来源 line ends at its closing mark ("江城发布" keeps its 发布)', () => {
  const src = (info: string): string | undefined => extractFrom(`<div><h1>${H}</h1>${info}${P}</div>`, opts).publisher;
  assert.equal(src('<div>2022-07-01 09:15 来源：微信公众号“江城发布”</div>'), '江城发布');
  assert.equal(src('<div>2022-07-01 09:15 来源：《江城日报》（2022年07月01日 05 版）</div>'), '江城日报');
  // Unquoted, a 发布 after the name still ends it.
  assert.equal(src('<div>来源：江城日报 发布时间：2022-07-01 09:15</div>'), '江城日报');
});
