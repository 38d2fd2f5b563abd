import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cleanTitle } from '../../src/extract/title-text.js';
import { extractArticle } from '../../src/extract/index.js';
import { enParagraphs, extractFrom, zhParagraphs } from './helpers.js';

test('site-name suffixes and prefixes are removed from <title>', () => {
  assert.equal(cleanTitle('潍坊“友城伙伴”增至45个 - 鲁网', []), '潍坊“友城伙伴”增至45个');
  assert.equal(cleanTitle('Fed holds rates steady, signals patience | Reuters', []), 'Fed holds rates steady, signals patience');
  assert.equal(cleanTitle('国务院常务会议部署稳就业举措_新浪新闻', []), '国务院常务会议部署稳就业举措');
  assert.equal(cleanTitle('四年前中500万现穷困潦倒 一夜暴富后如何经营__商贸_产业资讯_新浪网', []), '四年前中500万现穷困潦倒 一夜暴富后如何经营');
  assert.equal(cleanTitle('Reuters - Oil prices climb as supply concerns grow', ['Reuters']), 'Oil prices climb as supply concerns grow');
  assert.equal(cleanTitle('主标题——副标题说明会议开幕_某某市人民政府网', []), '主标题——副标题说明会议开幕');
});

test('the <h1> matching <title> wins, without the site suffix', () => {
  const a = extractFrom(`<div class="logo"><h1>鲁网</h1></div><h1>潍坊“友城伙伴”增至45个</h1>${zhParagraphs()}`, {
    head: '<title>潍坊“友城伙伴”增至45个 - 鲁网</title>',
  });
  assert.equal(a.title, '潍坊“友城伙伴”增至45个');
});

test('a logo heading that is only the site name is not the title', () => {
  const a = extractFrom(`<h1 class="none">松花江网</h1><h2>土豆不“土” 土豆无“土”</h2>${zhParagraphs()}`, {
    head: '<title>土豆不“土” 土豆无“土” 松花江网</title>',
  });
  assert.equal(a.title, '土豆不“土” 土豆无“土”');
});

test('og:title is used when no heading matches', () => {
  const a = extractFrom(enParagraphs(), { head: '<title>Home</title><meta property="og:title" content="Council expands bus network">' });
  assert.equal(a.title, 'Council expands bus network');
});

test('JSON-LD headline is used and matched against the page heading', () => {
  const ld = JSON.stringify({ '@context': 'https://schema.org', '@type': 'NewsArticle', headline: 'Council expands bus network' });
  const a = extractFrom(`<h1>Council expands bus network</h1>${enParagraphs()}`, {
    head: `<title>News | City Paper</title><script type="application/ld+json">${ld}</script>`,
  });
  assert.equal(a.title, 'Council expands bus network');
});

test('a headline-looking line above the body is used when <title> is generic', () => {
  const a = extractFrom(`<table><tr><td align="center"><b><font size="3">茉莉：我是怎样卷入八九民运的</font></b></td></tr></table><div>${zhParagraphs()}</div>`, {
    head: '<title>谢谢您访问〖关注中国中心〗</title>',
  });
  assert.equal(a.title, '茉莉：我是怎样卷入八九民运的');
});

test('a page without any title reports it in warnings', () => {
  const a = extractFrom(zhParagraphs());
  assert.equal(a.title, undefined);
  assert.ok(a.warnings.some((w) => w.startsWith('title')));
});

test('cleanTitle: a run of spaces separates a blog name; a short reply-count tail after "|" goes', () => {
  assert.equal(cleanTitle('我的周末骑行路线推荐  小王的博客 天极Blog', []), '我的周末骑行路线推荐');
  assert.equal(cleanTitle('关于小区停车收费调整的几点疑问和建议 | 回复线索', []), '关于小区停车收费调整的几点疑问和建议');
  // An ordinary single space inside a headline is not a separator.
  assert.equal(cleanTitle('Apple unveils new iPhone', []), 'Apple unveils new iPhone');
});

test('a <meta name="headline"> is read as the headline when the page has no JSON-LD one', () => {
  // <title> and og:title carry a channel and site name behind separators cleanTitle does not know ("-정치ㅣ한국일보").
  const full = '장동혁, 한동훈 제명했지만… 외연 확장 부담 커졌다-정치ㅣ한국일보';
  const a = extractFrom(enParagraphs(), {
    head: `<title>${full}</title><meta property="og:title" content="${full}"><meta name="headline" content="장동혁, 한동훈 제명했지만… 외연 확장 부담 커졌다"><meta property="og:site_name" content="한국일보">`,
  });
  assert.equal(a.title, '장동혁, 한동훈 제명했지만… 외연 확장 부담 커졌다');
});

test('a heading typed all lower-case or all in capitals takes the casing of the metadata title it shows', () => {
  const lower = extractFrom(`<h1>history of coffee</h1>${enParagraphs()}`, {
    head: '<title>History of coffee | Origin, Spread, Facts | Encyclopedia</title><meta property="og:title" content="History of coffee | Origin, Spread, Facts | Encyclopedia">',
  });
  assert.equal(lower.title, 'History of coffee');
  const caps = extractFrom(`<h1>COUNCIL EXPANDS BUS NETWORK</h1>${enParagraphs()}`, { head: '<title>Council Expands Bus Network - City News</title>' });
  assert.equal(caps.title, 'Council Expands Bus Network');
  // Metadata in capitals too: no casing to borrow, the heading's text stays.
  const own = extractFrom(`<h1>COUNCIL EXPANDS BUS NETWORK</h1>${enParagraphs()}`, { head: '<title>COUNCIL EXPANDS BUS NETWORK - City News</title>' });
  assert.equal(own.title, 'COUNCIL EXPANDS BUS NETWORK');
});

test('a heading opening with a quotation dash keeps it; a dash dangling in metadata alone still goes', () => {
  const a = extractFrom(`<h1 class="headline">- Angsten <span>vil øke</span></h1>${enParagraphs()}`, {
    head: '<title>- Angsten vil øke</title><meta property="og:title" content="- Angsten vil øke">',
  });
  assert.equal(a.title, '- Angsten vil øke');
  // "{site} - {headline}" with the site part empty, and no heading showing the dash: a template's leftover.
  assert.equal(cleanTitle('- Council expands bus network', []), 'Council expands bus network');
  const b = extractFrom(`<h1>Council expands bus network</h1>${enParagraphs()}`, { head: '<title> - Council expands bus network</title>' });
  assert.equal(b.title, 'Council expands bus network');
});

test('a field label in front of the heading ("Title:") is not part of the headline', () => {
  const a = extractFrom(`<h1 class="title mathjax"><span class="descriptor">Title:</span>Merging language models under geometric constraints</h1>${enParagraphs()}`, {
    head: '<title>[2501.01234] Merging language models under geometric constraints</title>',
  });
  assert.equal(a.title, 'Merging language models under geometric constraints');
  assert.equal(cleanTitle('标题：国务院常务会议部署稳就业举措', []), '国务院常务会议部署稳就业举措');
});

test('a logo heading repeating a generic <title> (the site name) loses to the og:title headline', () => {
  const headline = '国务院常务会议部署进一步扩大内需促进消费';
  const zh = extractFrom(`<h1>某某网</h1><div class="content">${zhParagraphs(4)}</div>`, { head: `<title>某某网</title><meta property="og:title" content="${headline}">` });
  assert.equal(zh.title, headline);
  const en = extractFrom(`<h1>Harbour Gazette</h1>${enParagraphs(4)}`, { head: '<title>Harbour Gazette</title><meta property="og:title" content="Council approves the new harbour plan">' });
  assert.equal(en.title, 'Council approves the new harbour plan');
  // A <title> that is the headline itself, with og:title only adding the site: the heading stays the title.
  const same = extractFrom(`<h1>Council approves the plan</h1>${enParagraphs(4)}`, { head: '<title>Council approves the plan</title><meta property="og:title" content="Council approves the plan | Harbour Gazette">' });
  assert.equal(same.title, 'Council approves the plan');
});

test('a headline whose second part is a span made a block by the stylesheet keeps a space between the parts', () => {
  const page = (h1: string) =>
    `<html><head><title>The Best Notion Alternatives - Example Reviews</title></head><body><h1>${h1}</h1><div>${enParagraphs()}</div></body></html>`;
  const a = extractArticle(page('The Best Notion Alternatives<span class="block">Top Note-taking Tools</span>'), { url: 'https://reviews.example.com/notion' });
  assert.equal(a.title, 'The Best Notion Alternatives Top Note-taking Tools');
  // Inside a word (a styled letter, "Mc<span>Donald</span>") no space comes in.
  const b = extractArticle(page('The <b>i</b>Phone review of the McDon<span>ald</span> menu'), { url: 'https://reviews.example.com/iphone' });
  assert.equal(b.title, 'The iPhone review of the McDonald menu');
  // Cased letters outside ASCII turn the same way (the fast ASCII pre-test must hand these on).
  const c = extractArticle(page('The Best Notion Alternatives<span class="block">Édition spéciale</span>'), { url: 'https://reviews.example.com/edition' });
  assert.equal(c.title, 'The Best Notion Alternatives Édition spéciale');
  const d = extractArticle(page('The Best Notion Alternativы<span class="block">Топ заметки</span>'), { url: 'https://reviews.example.com/ru' });
  assert.equal(d.title, 'The Best Notion Alternativы Топ заметки');
});

test('title-length plain blocks before the headline (nav teasers) do not push the <h1> below an earlier <h2>', () => {
  const head = '<title>Council approves the new riverside bus loop plan for next year | Daily</title>';
  const nav = Array.from({ length: 12 }, (_, i) => `<div>Weekend guide number ${i}: markets, music and more around town</div>`).join('');
  const html = `<h2>Council approves riverside bus loop plan for next year</h2>${nav}<div><h1>Riverside bus loop approved by council for next year</h1>${enParagraphs(5)}</div>`;
  assert.equal(extractFrom(html, { head }).title, 'Riverside bus loop approved by council for next year');
});

test('a headline that says 发表于 (published in a journal) is still a headline; only 发表于 + a time is an info line', () => {
  const page = `<div class="w"><div class="t"><b>我校团队研究成果发表于《自然》</b></div><div>2022-07-01 09:15</div>${zhParagraphs(4)}</div>`;
  assert.equal(extractFrom(page, { head: '<title>学校新闻</title>', timezone: 'Asia/Shanghai' }).title, '我校团队研究成果发表于《自然》');
});

test('an encyclopedia named after the headline goes, however short the headline: "金锺国 - 维基百科，自由的百科全书"', () => {
  // With no site name known (no og:site_name), a short first part before " - " used to read as the site's name.
  assert.equal(cleanTitle('金锺国 - 维基百科，自由的百科全书', []), '金锺国');
  assert.equal(cleanTitle('玫瑰 - 百度百科', []), '玫瑰');
  assert.equal(cleanTitle('百科全书的故事', []), '百科全书的故事');
});

test('a headline broken over <br> keeps a space between words of spaced scripts, none between Chinese characters', () => {
  const E = 'City council delays vote on downtown stadium plan';
  const en = extractFrom(`<h1>City council delays vote<br>on downtown stadium plan</h1><div class="c">${enParagraphs(4)}</div>`, { head: `<title>${E} | Gazette</title>` });
  assert.equal(en.title, E);
  const linked = extractFrom(`<h1><a href="/a">City council delays vote<br/>on downtown stadium plan</a></h1><div class="c">${enParagraphs(4)}</div>`, { head: `<title>${E} | Gazette</title>` });
  assert.equal(linked.title, E);
  const H = '北京市举办首届城市文化节吸引数万市民参与';
  const zh = extractFrom(`<h1>北京市举办首届城市文化节<br>吸引数万市民参与</h1><div class="c">${zhParagraphs(4)}</div>`, { head: `<title>${H}_某某网</title>` });
  assert.equal(zh.title, H);
});

test('a <br> is a space only between letters or digits of spaced scripts, punctuation between skipped', () => {
  const page = (h1: string, title: string): string | undefined =>
    extractFrom(`<h1>${h1}</h1><div class="c">${zhParagraphs(4)}</div>`, { head: `<title>${title}_某某网</title>` }).title;
  // Chinese between quotes, curly or straight: no space.
  assert.equal(page('北京发布“双减”<br>“新政”细则', '北京发布“双减”“新政”细则'), '北京发布“双减”“新政”细则');
  assert.equal(page('北京发布"双减"<br>"新政"细则', '北京发布"双减""新政"细则'), '北京发布"双减""新政"细则');
  const en = (h1: string, title: string): string | undefined =>
    extractFrom(`<h1>${h1}</h1><div class="c">${enParagraphs(4)}</div>`, { head: `<title>${title} | Gazette</title>` }).title;
  // A word broken at its hyphen stays one; words with quotes or commas at the break get their space.
  assert.equal(en('A state-of-the-<br>art stadium plan for downtown', 'A state-of-the-art stadium plan for downtown'), 'A state-of-the-art stadium plan for downtown');
  assert.equal(en('Mayor says "no deal"<br>"on the stadium plan"', 'Mayor says "no deal" "on the stadium plan"'), 'Mayor says "no deal" "on the stadium plan"');
  assert.equal(en('Mayor delays the vote,<br>stadium plan on hold', 'Mayor delays the vote, stadium plan on hold'), 'Mayor delays the vote, stadium plan on hold');
  // Korean is written with spaces between words.
  assert.equal(en('윤 대통령, 국정과제<br>점검회의 주재', '윤 대통령, 국정과제 점검회의 주재'), '윤 대통령, 국정과제 점검회의 주재');
  // A spaced dash or bar before the break gets its space after it too.
  assert.equal(en('Bus plan approved —<br>what it means', 'Bus plan approved — what it means'), 'Bus plan approved — what it means');
  assert.equal(en('Q&amp;A |<br>Jane Doe on buses', 'Q&amp;A | Jane Doe on buses'), 'Q&A | Jane Doe on buses');
});

test('a kicker word set apart in the headline element is a badge when the rest is the metadata title', () => {
  const E = 'City council delays vote on downtown stadium plan';
  const page = (h1: string): string | undefined => extractFrom(`<h1>${h1}</h1><div class="c">${enParagraphs(4)}</div>`, { head: `<title>${E} | Gazette</title>` }).title;
  assert.equal(page(`<span class="kicker">Exclusive</span> ${E}`), E);
  assert.equal(page(`<span>Breaking news</span> ${E}`), E);
  // A longer lead-in is part of the headline as the page shows it.
  assert.equal(page(`<span>What the mayor said on Monday:</span> ${E}`), `What the mayor said on Monday: ${E}`);
});
