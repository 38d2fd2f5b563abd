/**
 * Site, channel and blog names around the headline, told apart by what the page shows (title.ts): a name leading the
 * <title> whose rest a heading shows, and a name after the headline that a logo or banner shows (issue 12).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { enParagraphs, extractFrom, zhParagraphs } from './helpers.js';

const H = '市区新开12条公交线路方便居民出行';

test('a channel or blog name leading the <title>, shown as a heading, loses to the heading showing the rest', () => {
  const page = (lead: string, title: string, headline = `<h2>${H}</h2>`) =>
    extractFrom(`<h1>${lead}</h1>${headline}<div>2023-10-08 14:30 来源：新华网</div>${zhParagraphs()}`, { head: `<title>${title}</title>` }).title;
  assert.equal(page('网易娱乐', `网易娱乐_${H}`), H);
  assert.equal(page('网易娱乐', `网易娱乐_${H}`, `<div>${H}</div>`), H);
  assert.equal(page('骑行者老李', `骑行者老李 | ${H}`), H);
  assert.equal(page('骑行者老李的博客', `骑行者老李的博客 - ${H}`), H);
  assert.equal(page('天涯杂谈', `天涯杂谈_${H}_天涯论坛`, `<div class="t">${H}</div>`), H);
});

test('a short headline leading the <title> stays when the rest is the site name, shown or not', () => {
  const en = (rest: string) =>
    extractFrom(`<div class="logo"><a href="/">Economic Research Service</a></div><h1>Climate Change</h1>${enParagraphs()}${rest}`, {
      head: '<title>Climate Change | Economic Research Service</title>',
    }).title;
  assert.equal(en(''), 'Climate Change');
  // A footer line repeating the site's name, no class to tell it is the logo: a name, not twice the headline's length.
  assert.equal(en('<div class="k9"><p>Economic Research Service</p></div>'), 'Climate Change');
  const wiki = extractFrom(`<h1>雄安新区</h1><div>维基百科，自由的百科全书</div>${zhParagraphs()}`, { head: '<title>雄安新区 - 维基百科，自由的百科全书</title>' });
  assert.equal(wiki.title, '雄安新区');
});

test('a site or blog name the page shows and the <title> repeats after a weak separator is cut, whatever its wording', () => {
  const P = `<div>${zhParagraphs()}</div>`;
  // No element shows the headline: the <title> less the name the logo shows.
  assert.equal(extractFrom(`<div class="logo"><a href="/">骑行者老李</a></div>${P}`, { head: `<title>${H}  骑行者老李</title>` }).title, H);
  assert.equal(extractFrom(`<div class="top"><b>老李的小站</b></div>${P}`, { head: `<title>${H} ~ 老李的小站</title>` }).title, H);
  // The blog's banner heading is its name, not the headline.
  assert.equal(extractFrom(`<div class="top"><h1>骑行者老李</h1></div>${P}`, { head: `<title>${H}—骑行者老李</title>` }).title, H);
  // A part longer than the first is no name: two spaces typed inside a headline stay.
  assert.equal(extractFrom(`<h1>Council expands bus network downtown</h1>${P}`, { head: '<title>Council  expands bus network downtown</title>' }).title, 'Council expands bus network downtown');
});

test('a long part of a long <title>, set off by separators, is the headline: a post whose <title> runs on into its text', () => {
  const head = '先选好行业，再挑好公司，最后是估值。现金流估值法可靠吗？';
  const title = `<title>老王谈投资: ${head} #如何分析公司# 上一篇长文讲了价值投资在A股是否有效，确实很长，很多人可能没那个耐心读完。在上一篇... - 某某财经</title>`;
  const page = `<div class="u">老王谈投资</div><div class="k">${head}</div><div class="c">来自专栏</div><div>${zhParagraphs()}</div>`;
  assert.equal(extractFrom(page, { head: title }).title, head);
  // Between words of a spaced script a bare space is no separator: a run of words from the middle is no headline part.
  const words = 'voted on Tuesday to expand the downtown bus network';
  const en = extractFrom(`<div class="k">${words}</div>${enParagraphs()}`, {
    head: `<title>The city council ${words} with twelve new routes that will connect residential areas | Daily</title>`,
  });
  assert.notEqual(en.title, words);
});

test("a <title> that is only a channel's name, repeated by its banner heading, yields to the headline heading under it", () => {
  const page = (between: string) => `<div class="top"><h1>网易娱乐</h1></div>${between}<div>2023-10-08 14:30 来源：新华网</div>${zhParagraphs()}`;
  assert.equal(extractFrom(page(`<h2>${H}</h2>`), { head: '<title>网易娱乐</title>' }).title, H);
  // Its info line right under it: the short heading is the headline.
  assert.equal(extractFrom(page(''), { head: '<title>网易娱乐</title>' }).title, '网易娱乐');
});

test('a headline leading the <title> with its dek after it is no channel name: the page shows the dek under it, or a tagline far from it', () => {
  const dek = 'Officials signal two cuts are still likely before the end of the year';
  const fed = extractFrom(`<h1>Fed holds rates steady</h1><h2>${dek}</h2>${enParagraphs(5)}`, { head: `<title>Fed holds rates steady | ${dek} - The Gazette</title>` });
  assert.equal(fed.title, 'Fed holds rates steady');
  const zh = (title: string, h: string, sub: string) => extractFrom(`<h1>${h}</h1><p class="sub">${sub}</p>${zhParagraphs()}`, { head: `<title>${title}</title>` }).title;
  assert.equal(zh('国务院常务会议召开 | 部署进一步扩大内需促进消费的若干政策措施 - 中国政府网', '国务院常务会议召开', '部署进一步扩大内需促进消费的若干政策措施'), '国务院常务会议召开');
  assert.equal(zh('多地出台新政_楼市调控政策持续优化，购房门槛进一步降低_新浪财经', '多地出台新政', '楼市调控政策持续优化，购房门槛进一步降低'), '多地出台新政');
  assert.equal(zh('多地出台新政 — 楼市调控政策持续优化，购房门槛进一步降低 — 新浪财经', '多地出台新政', '楼市调控政策持续优化，购房门槛进一步降低'), '多地出台新政');
  const storm = extractFrom(`<h1>Breaking: Storm hits coast</h1><p class="dek">Thousands without power as winds reach hurricane strength overnight</p>${enParagraphs(5)}`, {
    head: '<title>Breaking: Storm hits coast | Thousands without power as winds reach hurricane strength overnight</title>',
  });
  assert.equal(storm.title, 'Breaking: Storm hits coast');
  // The blog's tagline in its footer, after the post: no headline.
  const notes = extractFrom(`<h1>Weekly notes #12</h1>${enParagraphs(5)}<div class="k9"><p>Jane's Notes on Software Engineering</p></div>`, {
    head: "<title>Weekly notes #12 | Jane's Notes on Software Engineering</title>",
  });
  assert.equal(notes.title, 'Weekly notes #12');
});
