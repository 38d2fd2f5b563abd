/**
 * Comment and login forms known by their controls (body-input-widgets.ts): on a short article whose class names
 * say nothing, the form's short lines (counters, prompt, disclaimer, login links) must not outvote the article.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractFrom, zhParagraphs } from './helpers.js';
import { classAndId, parsePage, removeJunk } from '../../src/extract/dom.js';
import { computeStats } from '../../src/extract/body-score.js';
import { extractBody } from '../../src/extract/body.js';

const ARTICLE = '【公交新线开通】记者从市交通运输局获悉，全市将新开通12条公交线路，线路覆盖城区主要居住区和产业园区，新线路均采用新能源车辆，高峰时段发车间隔不超过10分钟，票价与现有线路保持一致。';

/** What such a portal sets under a short article, inside its box: app promos and linked headlines (link-dense). */
const PROMOS =
  '<table><tr><td><a href="/app"><b>财经客户端：会赚钱的客户端</b></a></td><td><a href="/tool"><b>携手券商推出打新神器</b></a></td></tr></table>';

/** A NetEase-style 跟贴 box with meaningless class names: counters, a prompt, a login form and a disclaimer. */
const widget = (control: string): string =>
  `<div class="x9"><div class="x10"><strong>网友跟贴</strong><span><a href="#">0</a>人跟贴 | <a href="#">0</a>人参与 | <a href="/app">手机发跟贴</a> | <a href="/reg">注册</a></span></div>` +
  `<div class="x11"><p>跟贴热词：</p><form action="/post"><div class="x12">${control}<div>文明上网，登录发贴</div></div>` +
  `<div class="x13"><span>账号</span><input type="text"><span>密码</span><input type="password"><label>自动登录</label><a href="#">登录并发表</a></div></form></div>` +
  `<div class="x14"><p>网友评论仅供其表达个人看法，并不表明本站立场。</p></div></div>`;

const page = (control: string): string =>
  `<div class="x1"><div class="x2"><h1>全市新开通12条公交线路</h1><div class="x3">2015-07-04 11:41:00 来源: 本报 分享到： <a href="#">0</a></div></div>` +
  `<div class="x4"><p>${ARTICLE}</p>${PROMOS}</div>${widget(control)}` +
  `<div class="x5"><a href="#">0</a><span>人参与</span></div></div>`;

test("a short article beats a portal's comment box beside it (a textarea and a login form) when no class name marks the box", () => {
  for (const control of ['<textarea name="body"></textarea>']) {
    const html = `<!DOCTYPE html><html><head><title>t</title></head><body>${page(control)}</body></html>`;
    const { stats, order } = computeStats(removeJunk(parsePage(html).doc));
    // The form's lines voted as much as the article's box, so the wrapper of both was taken as the content container.
    const { roots } = extractBody(order, stats, { title: '全市新开通12条公交线路' });
    const names = roots.map((r) => classAndId(r).trim());
    assert.ok(names.includes('x4') && !names.includes('x1') && !names.includes('x9'), `${control}: ${names.join(',')}`);
    const a = extractFrom(page(control), { head: '<title>全市新开通12条公交线路_新闻中心</title>' });
    assert.match(a.body, /新开通12条公交线路，线路覆盖城区/, control);
    assert.ok(!/网友评论仅供|登录并发表|人跟贴/.test(a.body), a.body);
  }
});

test('a short post above its reply box keeps its text: the box with the post in it is not the widget', () => {
  const post = `<div class="p1"><p>${ARTICLE}</p><div class="p2"><p>发表回复</p><textarea></textarea><a href="#">提交</a></div></div>`;
  const a = extractFrom(`<h1>全市新开通12条公交线路</h1>${post}`, { head: '<title>全市新开通12条公交线路</title>' });
  assert.match(a.body, /新开通12条公交线路，线路覆盖城区/);
  const b = extractFrom(`<h1>全市新开通12条公交线路</h1><div class="q">${zhParagraphs(4)}<div><span>发表评论</span><textarea></textarea></div></div>`, { head: '<title>全市新开通12条公交线路</title>' });
  assert.match(b.body, /动态优化线路走向/);
});

test("a reply box without a login form is no widget: a short post sharing its wrapper keeps its vote (a reviewer's probes)", () => {
  const road = extractFrom(
    '<div class="story"><h1>Road closed</h1><p>Main Street is closed between 5th and 7th Avenue.</p><p>Police expect it to reopen by the evening.</p><div class="cm"><textarea></textarea><button>Send</button></div></div>' +
      '<div class="more"><p>Other news: the city council approved the new budget on Monday after a long debate over library funding and road repairs.</p></div>',
    { head: '<title>Road closed</title>' },
  );
  assert.match(road.body, /Main Street is closed/);
});
