/**
 * Chinese pages whose class and id names say nothing (issue 12: unseen sites, `--perturb anon`): the time, byline
 * and source must come from the text and its place on the page. Every page here uses opaque class names only.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { creditBesideDate } from '../../src/extract/info-line.js';
import { parseDateText } from '../../src/extract/dates.js';
import { signedOffName } from '../../src/extract/byline-posters.js';
import { extractFrom, zhParagraphs } from './helpers.js';

const P = zhParagraphs(4);
const head = '<title>全市将新开通12条公交线路_某某网</title>';
const page = (info: string, first = '', last = ''): string =>
  `<div class="k0"><h1 class="k1">全市将新开通12条公交线路</h1><div class="k2">${info}</div><div class="k3">${first ? `<p>${first}</p>` : ''}${P}${last ? `<p>${last}</p>` : ''}</div></div>`;
const opts = { head, timezone: 'Asia/Shanghai' };

test('a bare 时间/日期 in the story\'s prose labels no date: the info line\'s time stands', () => {
  const info = '<span>2015-07-04 08:31:17</span> <span>来源：</span><a href="/s">某某晚报</a>';
  const prose = '割肉还是死扛，这是一个艰难的选择题。短短的三周时间，按照中登公司（截至6月26日）的期末持仓人数计算，人均亏损近41万元。';
  assert.equal(extractFrom(page(info, prose), opts).publishedAt, '2015-07-04T08:31:17+08:00');
  const plan = '证监会要求已经缴款的新股退款，原披露的预计发行时间表将进行调整，网上申购资金7月6日解冻，网下申购资金同日退回。';
  assert.equal(extractFrom(page(info, plan), opts).publishedAt, '2015-07-04T08:31:17+08:00');
  // 北京时间 / 当地时间 name a clock's zone, not the publish time.
  const zoned = '据美国约翰斯·霍普金斯大学统计数据显示，截至北京时间7月3日16时33分，美国累计确诊病例超过278万例，当地时间7月2日新增病例创下新高。';
  assert.equal(extractFrom(page(info, zoned), opts).publishedAt, '2015-07-04T08:31:17+08:00');
});

test('a bare 时间 label followed by its date (or a colon) still labels it', () => {
  const a = extractFrom(page('<span>时间 2023-10-08 14:30</span>', '', '<span>2023-10-01 09:00</span>'), opts);
  assert.equal(a.publishedAt, '2023-10-08T14:30:00+08:00');
  const b = extractFrom(page('<span>浏览 30</span>', '', '时间：2023-10-08 14:30'), opts);
  assert.equal(b.publishedAt, '2023-10-08T14:30:00+08:00');
});

test('the bare words beside the date in the info line: writer, outlet, account', () => {
  const line = (...texts: string[]): Array<{ text: string }> => texts.map((text) => ({ text }));
  assert.deepEqual(creditBesideDate(line('康斯坦丁 2015-07-02 14:41:12 0 人参与评论')), { author: '康斯坦丁', source: undefined });
  assert.deepEqual(creditBesideDate(line('maomaobear 2015-06-19 11:20:11 0 人参与评论')), { author: 'maomaobear', source: undefined });
  // An outlet opening the line before the writer; two writers with surnames' shapes.
  assert.deepEqual(creditBesideDate(line('中廣 溫蘭魁 2013年06月29日 18:24')), { author: '溫蘭魁', source: '中廣' });
  assert.deepEqual(creditBesideDate(line('张三 李四 2015-07-02')), { author: '张三 李四', source: undefined });
  // An account printed twice (one copy per layout) is the account, also with no writer before it.
  assert.deepEqual(creditBesideDate(line('原创 2018-04-07 闲云野鹤 闲云野鹤古刹 闲云野鹤古刹')), { author: '闲云野鹤', source: '闲云野鹤古刹' });
  assert.deepEqual(creditBesideDate(line('2018-03-20 共产党员 共产党员')), { author: undefined, source: '共产党员' });
  // After an 原创 mark, no date on the line: the writer, then the account.
  assert.deepEqual(creditBesideDate(line('原创 陈宇慧 田螺姑娘hhhaze')), { author: '陈宇慧', source: '田螺姑娘hhhaze', marked: true });
  // The credit on its own line above the date line.
  assert.deepEqual(creditBesideDate(line('邓舒夏 第一财经YiMagazine', '2019.05.22')), { author: '邓舒夏', source: '第一财经YiMagazine' });
});

test('sections, places, tools, labels, web addresses and decks beside the date are no credit', () => {
  const credit = (text: string, next?: string): unknown => creditBesideDate(next ? [{ text }, { text: next }] : [{ text }]);
  assert.deepEqual(credit('国内 2015-07-02 14:41'), {});
  assert.deepEqual(credit('2021-05-01 10:00 广东'), {});
  assert.deepEqual(credit('2015-07-04 08:31:17 来源: 某某晚报 (杭州)'), {});
  assert.deepEqual(credit('2015-07-04 08:31 阅读 1234'), {});
  assert.deepEqual(credit('2015-07-04 08:31 轉寄 列印'), {});
  assert.deepEqual(credit('彭佳芸 報導 2014-01-01 10:00'), {});
  assert.deepEqual(credit('NOWnews.com 今日新聞網', '2014年 12月 05日 19:21'), {});
  // A deck (subheadline) right above the date line names nobody.
  assert.deepEqual(credit('同反核 獲小泉純一郎力挺', '2014年01月15日'), {});
  // English lines are left to the English byline forms.
  assert.deepEqual(credit('Jane Doe 2015-07-02'), {});
});

test('on a page with opaque class names the info line gives the writer and the account', () => {
  const a = extractFrom(page('<span class="k5">王利阳</span><span class="k6">2015-06-21 11:39:55</span><span class="k7">0 人参与评论</span>'), opts);
  assert.equal(a.author, '王利阳');
  assert.equal(a.publishedAt, '2015-06-21T11:39:55+08:00');
  const b = extractFrom(page('<span class="k5">原创</span> <em class="k6">陈宇慧</em> <a class="k7" href="#">田螺姑娘hhhaze</a>'), opts);
  assert.equal(b.author, '陈宇慧');
  assert.equal(b.publisher, '田螺姑娘hhhaze');
  // A labelled credit on the same page still wins over the bare words.
  const c = extractFrom(page('<span>王利阳</span> <span>2015-06-21 11:39</span>', '', '本文来源：某某日报 作者：李光斗'), opts);
  assert.equal(c.publisher, '某某日报');
});

test('a prompt in the writer slot names nobody, the outlet after it still counts; an 原创 mark labels its credit', () => {
  assert.deepEqual(creditBesideDate([{ text: '2018-03-19 读武汉关注☞ 长江日报 长江日报' }]), { author: undefined, source: '长江日报' });
  assert.deepEqual(creditBesideDate([{ text: '原创： 小视本人 视觉志' }]), { author: '小视本人', source: '视觉志', marked: true });
  // The marked credit beats a byline inside the text; the bare one does not.
  const marked = extractFrom(page('<span class="k5">原创：</span> <em class="k6">小视本人</em> <a class="k7" href="#">视觉志</a>', '作者 | 不一'), opts);
  assert.equal(marked.author, '小视本人');
  const bare = extractFrom(page('<span>小视本人</span> <span>2018-04-07 10:00</span>', '作者 | 不一'), opts);
  assert.equal(bare.author, '不一');
});

test('a name under an "about the author" label after the text is the byline', () => {
  const after = '<div class="k8"><div>关于作者</div><div>甜阁下</div><div>心理咨询师</div></div>';
  const a = extractFrom(`<div class="k0"><h1 class="k1">全市将新开通12条公交线路</h1><div class="k3">${P}</div>${after}</div>`, opts);
  assert.equal(a.author, '甜阁下');
});

test('an <h1> naming only the subject of a <title> worded for search is the headline, not a longer section heading', () => {
  const body = `<div class="k0"><h1 class="k1">茄子豆角</h1><div class="k3"><h2>茄子豆角的用料</h2><p>茄子两个，豆角一把，蒜三瓣，蚝油二十毫升，生抽十毫升，油适量。</p><h2>茄子豆角的做法步骤</h2>${P}</div></div>`;
  const a = extractFrom(body, { head: '<title>【茄子豆角的做法步骤图，茄子豆角怎么做】某某用户的菜谱_某某厨房</title>' });
  assert.equal(a.title, '茄子豆角');
});

test('a zone named between the date and its clock sets the clock\'s offset', () => {
  const ctx = { timezone: 'Asia/Shanghai' };
  assert.deepEqual(parseDateText('更新时间 2012年12月10日, 格林尼治标准时间10:41', ctx), { year: 2012, month: 12, day: 10, hour: 10, minute: 41, offsetMinutes: 0 });
  assert.deepEqual(parseDateText('2012年12月10日 格林威治標準時間 10:41', ctx), { year: 2012, month: 12, day: 10, hour: 10, minute: 41, offsetMinutes: 0 });
  assert.deepEqual(parseDateText('2012年12月10日 北京时间10:41', ctx), { year: 2012, month: 12, day: 10, hour: 10, minute: 41, offsetMinutes: 480 });
  // No zone word: the clock stays the page's own.
  assert.deepEqual(parseDateText('2012年12月10日 10:41', ctx), { year: 2012, month: 12, day: 10, hour: 10, minute: 41 });
  const a = extractFrom(page('<span>更新时间 2012年12月10日, 格林尼治标准时间10:41</span>'), opts);
  assert.equal(a.publishedAt, '2012-12-10T10:41:00+00:00');
});

test('bars between the info line parts are passed over; a wire dateline with no place still credits the wire', () => {
  assert.deepEqual(creditBesideDate([{ text: '2023-10-08 | 张三' }]), { author: '张三', source: undefined });
  assert.deepEqual(creditBesideDate([{ text: '张三｜2023-10-08｜阅读 12' }]), { author: '张三', source: undefined });
  assert.deepEqual(creditBesideDate([{ text: '2023-10-08 | 国内' }]), {});
  const a = extractFrom(page('<span>2023-10-08</span><span>|</span><span>张三</span>'), opts);
  assert.equal(a.author, '张三');
  const b = extractFrom(page('<span>2023-10-08 14:30</span>', '中新网10月8日电 据报道，全市将新开通12条公交线路。'), opts);
  assert.equal(b.publisher, '中新网');
});

test('a lede filed by an outlet credits it; a lede citing another outlet\'s report credits nothing', () => {
  const src = (lede: string): string | undefined => extractFrom(page('<span>2023-10-08 08:00</span>', lede), { ...opts, head: '<title>全市将新开通12条公交线路</title>' }).publisher;
  assert.equal(src('央视网消息（新闻联播）：全市将新开通12条公交线路，方便市民出行。'), '央视网');
  assert.equal(src('【环球网报道 记者 张三】据介绍，全市将新开通12条公交线路。'), '环球网');
  assert.equal(src('据新华社电 全市将新开通12条公交线路，方便市民出行。'), '新华社');
  assert.equal(src('据央视新闻报道，全市将新开通12条公交线路，方便市民出行。'), undefined);
  assert.equal(src('据央视新闻消息，全市将新开通12条公交线路，方便市民出行。'), undefined);
  assert.equal(src('本报讯 全市将新开通12条公交线路，方便市民出行。'), undefined);
});

test('a name-like word with no surname before a writer\'s name in the info line is the outlet', () => {
  assert.deepEqual(creditBesideDate([{ text: '南方周末 张三 2023-10-08' }]), { author: '张三', source: '南方周末' });
  // A pen name alone stays the writer.
  assert.deepEqual(creditBesideDate([{ text: '南冥一鲨 2015-07-02 14:41 0 人参与评论' }]), { author: '南冥一鲨', source: undefined });
});

test('a writer\'s note label (作者简介：) and a name signing off the text give the byline', () => {
  const at = (last: string): string | undefined => extractFrom(page('<span>2023-10-08</span>', '', last), opts).author;
  assert.equal(at('作者简介：张三，某某大学教授。'), '张三');
  assert.equal(at('张三'), '张三');
  assert.equal(at('■张三'), '张三');
  assert.equal(at('——李光斗'), '李光斗');
  // A closing mark or a word without a surname's shape signs nothing.
  assert.equal(at('（完）'), undefined);
  assert.equal(at('待续'), undefined);
  assert.equal(signedOffName('新华网'), undefined);
});

test('a slashed date that reads either way takes the reading the URL\'s date confirms', () => {
  const info = '<span>发表时间： 06/02/2022 - 13:48</span>';
  const a = extractFrom(page(info), { ...opts, url: 'https://news.example.com/cn/20220206-some-story' });
  assert.equal(a.publishedAt, '2022-02-06T13:48:00+08:00');
  // No day in the URL: month first, as before.
  const b = extractFrom(page(info), { ...opts, url: 'https://news.example.com/cn/some-story' });
  assert.equal(b.publishedAt, '2022-06-02T13:48:00+08:00');
});
