/**
 * Separators unseen Chinese templates put between the headline and the site, channel or blog name (issue 12): the
 * bar-like stroke 丨, a breadcrumb's ">" (spaced or not, and leading: "首页 > 频道 > 标题"), a spaced "~".
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cleanTitle } from '../../src/extract/title-text.js';
import { enParagraphs, extractFrom, zhParagraphs } from './helpers.js';

const H = '市区新开12条公交线路方便居民出行';

test('丨 separates a site or blog name like a bar; a leading tag before it stays', () => {
  assert.equal(cleanTitle(`${H}丨界面新闻`, []), H);
  assert.equal(cleanTitle(`${H} 丨 界面新闻`, []), H);
  assert.equal(cleanTitle(`${H}丨骑行者老李`, []), H);
  // "独家丨…", "深度丨…": a column tag in front is part of the headline as the page shows it.
  assert.equal(cleanTitle(`独家丨${H}`, []), `独家丨${H}`);
});

test('a blog heading named after the 丨 is a channel label, not the headline', () => {
  const a = extractFrom(`<h1>骑行者老李</h1><div class="x"><b>${H}</b></div><div>2023-10-08 14:30</div>${zhParagraphs()}`, {
    head: `<title>${H}丨骑行者老李</title>`,
  });
  assert.equal(a.title, H);
});

test('breadcrumb ">" parts are cut from either end, spaced or not', () => {
  assert.equal(cleanTitle(`${H}>本地新闻>某某网`, []), H);
  assert.equal(cleanTitle(`首页 > 本地新闻 > ${H}`, []), H);
  assert.equal(cleanTitle(`首页>本地新闻>${H}`, []), H);
  assert.equal(cleanTitle(`某某网 >> 本地新闻 >> ${H}`, []), H);
  // Between Latin words an unspaced ">" is no separator; one spaced ">" compares, it is no breadcrumb.
  assert.equal(cleanTitle('Why 5G>4G for rural broadband', []), 'Why 5G>4G for rural broadband');
  assert.equal(cleanTitle('Speed > quality: why rushed hiring fails in the long run', []), 'Speed > quality: why rushed hiring fails in the long run');
});

test('a spaced "~" is a weak separator: only a part named like a site goes behind it', () => {
  assert.equal(cleanTitle(`${H} ~ 骑行者老李的博客`, []), H);
  assert.equal(cleanTitle('营业时间 9:00 ~ 17:00 调整通知', []), '营业时间 9:00 ~ 17:00 调整通知');
});

test('a hyphen after a bracketed headline, half-spaced, and a spaced « or ・ separate the site name', () => {
  assert.equal(cleanTitle(`【${H}】- 某某网`, []), H);
  assert.equal(cleanTitle(`【${H}】-某某网`, []), H);
  assert.equal(cleanTitle(`${H} -某某网`, []), H);
  assert.equal(cleanTitle(`${H} « 老李的博客`, []), H);
  assert.equal(cleanTitle(`${H} ・ 老李的博客`, []), H);
  // Latin words joined by a hyphen stay joined.
  assert.equal(cleanTitle('COVID-19 cases fall again', []), 'COVID-19 cases fall again');
});

test('full-width and half-width punctuation compare alike: the headline set half-width on the page beats a crumb copying <title>', () => {
  const crumb = '<div class="nav"><a href="/">首页</a> &gt; <a href="/bj/">北京新闻</a> &gt; <span>市区新开12条公交线路，方便居民出行？</span></div>';
  const a = extractFrom(`${crumb}<h1>市区新开12条公交线路,方便居民出行?</h1><div>2023-10-08 14:30</div>${zhParagraphs()}`, {
    head: '<title>市区新开12条公交线路，方便居民出行？_北京新闻_某某网</title>',
  });
  assert.equal(a.title, '市区新开12条公交线路,方便居民出行?');
});

test("'>' between short terms of a comparison is no breadcrumb: a chain opens with the home page or the site", () => {
  assert.equal(cleanTitle('收入>支出>储蓄？年轻人的理财误区', []), '收入>支出>储蓄？年轻人的理财误区');
  assert.equal(cleanTitle('Why A > B > C in startup hiring decisions today', []), 'Why A > B > C in startup hiring decisions today');
});

test("a clause's comma inside a Latin <title> headline is no segment boundary: the h1 beats the dek repeating the rest", () => {
  const dek = 'crews say it could take days to restore service to rural areas';
  const a = extractFrom(`<h1>Storm hits coast as thousands lose power</h1><p class="dek">${dek}</p>${enParagraphs(5)}`, {
    head: `<title>Storm hits coast as thousands lose power, ${dek} | Weather | The Springfield Gazette</title>`,
  });
  assert.equal(a.title, 'Storm hits coast as thousands lose power');
});

test('a <title> headline set whole in 【】 before the site name loses the brackets', () => {
  const a = extractFrom(`<div class="info">2020-05-12 来源：新华网</div>${zhParagraphs()}`, { head: '<title>【全市新开通十二条公交线路】-中华网</title>', url: 'https://news.example.cn/a/1.html' });
  assert.equal(a.title, '全市新开通十二条公交线路');
  const tagged = extractFrom(`<div class="info">2020-05-12 来源：新华网</div>${zhParagraphs()}`, { head: '<title>【独家】全市新开通十二条公交线路-中华网</title>', url: 'https://news.example.cn/a/2.html' });
  assert.equal(tagged.title, '【独家】全市新开通十二条公交线路');
});
