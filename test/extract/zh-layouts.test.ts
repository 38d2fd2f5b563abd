/**
 * Chinese page layouts whose metadata sits where the zone and line rules did not look (issue 12): a row of tool
 * buttons between headline and info line, the outlet in its own element or on its own line, a headline printed as a
 * plain table cell under a <title> that names only the site, a publisher name printed twice.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sourceFromDateline, sourceFromOutletLine } from '../../src/extract/byline.js';
import { extractFrom, zhParagraphs } from './helpers.js';

test('share, print and font-size buttons between headline and info line do not hide the info line', () => {
  const buttons = ['+', '分享', '分享', '分享', '留言', '列印', 'A-A+'].map((b) => `<div class="tool"><a href="#">${b}</a></div>`).join('');
  const page = `<div class="story"><h1>市府宣布新開通十二條公車路線</h1>${buttons}
    <div class="info"><span>2019-03-18 23:59</span>聯合報 記者<a href="/reporter/1">陳嘉寧</a>／台北報導</div>
    ${zhParagraphs(4)}</div>`;
  const a = extractFrom(page, { head: '<title>市府宣布新開通十二條公車路線 | 聯合新聞網</title><meta property="og:site_name" content="聯合新聞網">' });
  assert.equal(a.publisher, '聯合報');
  assert.equal(a.author, '陳嘉寧');
});

test('an outlet and its reporter in two elements still open a slash dateline', () => {
  assert.equal(sourceFromDateline('中國時報 張立勳／特稿 2013年07月18日 05:40'), '中國時報');
  assert.equal(sourceFromDateline('中國時報張立勳／特稿'), '中國時報');
  // A word before the name that ends like no outlet credits nothing.
  assert.equal(sourceFromDateline('記者 張立勳／台北報導'), undefined);
});

test('an outlet alone on a line of the info block, next to the date or the dateline, is the source', () => {
  assert.equal(sourceFromOutletLine([{ text: '2014-04-05 01:28' }, { text: '中國時報' }, { text: '劉屏／華盛頓4日電' }]), '中國時報');
  assert.equal(sourceFromOutletLine([{ text: '中國時報' }, { text: '劉屏／華盛頓4日電' }]), '中國時報');
  // Far from any date or dateline, or the paper's own 本報: nothing.
  assert.equal(sourceFromOutletLine([{ text: '中國時報' }, { text: '稍後再讀' }]), undefined);
  assert.equal(sourceFromOutletLine([{ text: '2014-04-05 01:28' }, { text: '本報' }]), undefined);

  const page = `<div class="article"><h1>美國國務院回應學生抗議活動</h1>
    <div class="date">2014-04-05 01:28</div><div class="paper">中國時報</div><div class="by">劉屏／華盛頓4日電</div>
    ${zhParagraphs(4)}</div>`;
  const a = extractFrom(page, { head: '<title>美國國務院回應學生抗議活動｜中時理財</title>' });
  assert.equal(a.publisher, '中國時報');
});

test('a plain table cell right above the body is the headline when <title> names only the site', () => {
  const page = `<table><tr><td class="crumb"><a href="/">某某新聞網</a> / <a href="/list?k=14">醫療</a></td></tr>
    <tr><td align="left">中風年輕化 十四歲少年腦溢血送醫</td></tr>
    <tr><td>${zhParagraphs(4)}</td></tr></table>`;
  const a = extractFrom(page, { head: '<title>某某電視台 新聞網</title><meta property="og:site_name" content="某某新聞網">' });
  assert.equal(a.title, '中風年輕化 十四歲少年腦溢血送醫');

  // With a real headline in <title> the metadata keeps it; a sentence ending in 。 above the body is no headline.
  const titled = extractFrom(page, { head: '<title>少年中風送醫 醫師籲重視家族病史 - 某某新聞網</title>' });
  assert.equal(titled.title, '少年中風送醫 醫師籲重視家族病史');
  const lead = page.replace('中風年輕化 十四歲少年腦溢血送醫', '今年以來全市共有十二名少年因腦溢血送醫。');
  assert.notEqual(extractFrom(lead, { head: '<title>某某電視台 新聞網</title>' }).title, '今年以來全市共有十二名少年因腦溢血送醫。');
});

test('a publisher name the template printed twice around a bar is named once', () => {
  const ld = JSON.stringify({ '@context': 'https://schema.org', '@type': 'NewsArticle', headline: '市府宣布新開通十二條公車路線', publisher: { '@type': 'Organization', name: '某某新聞網 | 某某新聞網' } });
  const a = extractFrom(`<article><h1>市府宣布新開通十二條公車路線</h1>${zhParagraphs(4)}</article>`, { head: `<script type="application/ld+json">${ld}</script>` });
  assert.equal(a.publisher, '某某新聞網');
});

test("a forum thread's poster, named by handle in a user link on the line under the headline, is the author", () => {
  const nav = ['首页', '社区', '招聘', '登录'].map((n) => `<li><a href="/${n}">${n}</a></li>`).join('');
  const page = `<ul class="nav">${nav}</ul><div class="topic"><h1><a class="node" href="/node/1">交通</a> <span class="title">新公交线路开通后的一点体验</span></h1>
    <div class="info"><a class="user-name" href="/rider2024">rider2024</a> · 1 月前 · 最后由 <a class="user-name" href="/lastone">lastone</a> 回复于 19 天前 · 1350 次阅读</div></div>
    <div class="body">${zhParagraphs(4)}</div>
    <div class="reply"><a class="user-name" href="/someone">someone</a> #1 1 月前<p>谢谢分享，很有帮助。</p></div>`;
  const a = extractFrom(page, { head: '<title>新公交线路开通后的一点体验 · 某某社区</title>' });
  assert.equal(a.author, 'rider2024');
  // Without the marked link the handle is not taken for a name.
  assert.notEqual(extractFrom(page.replace(/ class="user-name"/g, ''), { head: '<title>新公交线路开通后的一点体验 · 某某社区</title>' }).author, 'rider2024');
});

test('a calendar tile (the day as a big numeral over "2024年02月") gives the full date', () => {
  const page = `<div class="detail"><h1>研究所召开干部职工大会暨党风廉政建设大会</h1>
    <div class="data"><div class="day">21</div><div class="year">2024年02月</div></div>
    ${zhParagraphs(4)}</div>`;
  assert.equal(extractFrom(page, { head: '<title>某某研究所</title>' }).publishedAt, '2024-02-21');
  // A number that is no day of that month leaves the month alone.
  assert.equal(extractFrom(page.replace('>21<', '>31<'), { head: '<title>某某研究所</title>' }).publishedAt, '2024-02');
});

test('an outlet bracketed alone at the opening of the body, then the date, is the source', () => {
  assert.equal(sourceFromDateline('【某某网】9月26日，汽车服务平台正式挂牌上市。'), '某某网');
  assert.equal(sourceFromDateline('【某某日报】10月11日讯 今天上午'), '某某日报');
  // A section label or the paper's own 本报 credits no outlet.
  assert.equal(sourceFromDateline('【导读】9月26日，'), undefined);
  assert.equal(sourceFromDateline('【本报讯】今天上午'), undefined);
});

test("the outlet's short name before the writer in a byline ('文｜某新 张三') is no part of the author", () => {
  const page = `<div class="article"><h1>新公交线路开通首日客流平稳</h1><div class="by">文｜某新 张三</div>
    <div class="time">2023年09月26日 17:22</div>${zhParagraphs(4)}</div>`;
  const a = extractFrom(page, { head: '<title>新公交线路开通首日客流平稳_某新网</title><meta property="og:site_name" content="某新网">' });
  assert.equal(a.author, '张三');
  // Two writers stay two writers.
  assert.equal(extractFrom(page.replace('某新 张三', '李四 张三'), { head: '<title>新公交线路开通首日客流平稳_某新网</title>' }).author, '李四 张三');
});
