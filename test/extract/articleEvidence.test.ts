import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractArticle, type PageClassification } from '../../src/extract/index.js';
import { enParagraphs, zhParagraphs } from './helpers.js';

const NAV = '<nav class="main-nav"><ul><li><a href="/">Home</a></li><li><a href="/world/">World</a></li><li><a href="/business/">Business</a></li><li><a href="/tech/">Tech</a></li><li><a href="/sport/">Sport</a></li></ul></nav>';
const FOOTER = '<footer><p>© 2025 Example News. <a href="/about">About</a> · <a href="/contact">Contact</a></p></footer>';
const SIDEBAR =
  '<aside class="sidebar"><h3>Most read</h3><ul>' +
  Array.from({ length: 10 }, (_, i) => `<li><a href="/story/${i}">Most read story number ${i} about something that happened</a></li>`).join('') +
  '</ul></aside>';

function page(body: string, head = '', title = 'Example News'): string {
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${title}</title>${head}</head><body>${NAV}${body}${SIDEBAR}${FOOTER}</body></html>`;
}

function classify(html: string, url = 'https://news.example.com/a/1.html'): PageClassification {
  const a = extractArticle(html, { url, timezone: 'Asia/Shanghai' });
  assert.ok(a.classification, 'extraction sets a classification');
  return a.classification;
}

function assertArticle(c: PageClassification): void {
  assert.equal(c.isArticle, true, `expected an article: ${c.score} ${c.reasons.join('; ')}`);
  assert.equal(c.kind, 'article');
}

function assertNot(c: PageClassification, kind: 'listing' | 'table' | 'other'): void {
  assert.equal(c.isArticle, false, `expected no article: ${c.score} ${c.reasons.join('; ')}`);
  assert.equal(c.kind, kind, `${c.kind}: ${c.reasons.join('; ')}`);
}

function teasers(n: number, withSummary: boolean, cls = 'item'): string {
  return Array.from({ length: n }, (_, i) => {
    const summary = withSummary ? `<p class="summary">Officials said on Tuesday that the plan number ${i} would go ahead, after months of talks.</p>` : '';
    return `<div class="${cls}"><h3><a href="/business/2025/10/${i}/story-${i}">Markets rally as story number ${i} unfolds across the region</a></h3><span class="date">2025-10-${String((i % 28) + 1).padStart(2, '0')}</span>${summary}</div>`;
  }).join('\n');
}

test('an article with NewsArticle JSON-LD is an article, and the reasons say why', () => {
  const ld = JSON.stringify({ '@context': 'https://schema.org', '@type': 'NewsArticle', headline: 'Council expands bus network', datePublished: '2025-10-12T09:00:00Z' });
  const c = classify(
    page(`<main><article><h1>Council expands bus network</h1><p class="byline">By A. Reporter, October 12, 2025</p>${enParagraphs(5)}</article></main>`, `<script type="application/ld+json">${ld}</script>`),
  );
  assertArticle(c);
  assert.ok(c.score >= 6, `${c.score}`);
  assert.ok(c.reasons.some((r) => r.startsWith('jsonld NewsArticle')), c.reasons.join('; '));
  assert.ok(c.reasons.some((r) => r.startsWith('running text')), c.reasons.join('; '));
});

test('a short article with only NewsArticle JSON-LD and two short paragraphs is an article', () => {
  const ld = JSON.stringify({ '@type': 'NewsArticle', headline: 'Bridge reopens', datePublished: '2025-10-12' });
  const c = classify(page('<div class="story"><h1>Bridge reopens</h1><p>The river bridge reopened on Monday.</p><p>Repairs took six weeks.</p></div>', `<script type="application/ld+json">${ld}</script>`));
  assertArticle(c);
});

test('a 2-paragraph, 120-character Chinese brief with a headline and a publish time is an article', () => {
  const brief =
    '<h1>我市新增两条夜间公交线路</h1><div class="info">2025-10-12 08:30 来源：本报</div><div class="content">' +
    '<p>本报讯 记者从市交通运输局获悉，自本月十五日起，我市将新增两条夜间公交线路，覆盖主要商圈和居民区。</p>' +
    '<p>两条线路每晚十点至次日凌晨两点运营，发车间隔为二十分钟，票价两元，可使用交通卡和手机扫码。</p></div>';
  const body = brief.replace(/<[^>]+>/g, '');
  assert.ok(body.length >= 100 && body.length <= 140, `${body.length} characters`);
  const c = classify(page(brief, '', '我市新增两条夜间公交线路_新闻中心'));
  assertArticle(c);
  assert.ok(c.reasons.includes('publish time found +1.5'), c.reasons.join('; '));
});

test('a long article beside related lists and a headline river is an article', () => {
  const river = '<div class="river"><ul>' + Array.from({ length: 30 }, (_, i) => `<li><a href="/n/${i}">Another headline in the river of news number ${i}</a></li>`).join('') + '</ul></div>';
  const c = classify(page(`<div class="main"><h1>Council expands bus network</h1><p>October 12, 2025</p>${enParagraphs(5)}</div>${river}`));
  assertArticle(c);
});

test('a listing page with 30 teasers and a long intro paragraph is not an article', () => {
  const intro =
    '<div class="intro"><p>Our business section covers the companies, markets and people that shape the economy, from the largest listed groups to the small firms on your high street. ' +
    'Every day our reporters follow earnings, mergers, interest rates and trade, explain what the numbers mean for households, and ask the questions that matter to investors, workers and consumers alike. ' +
    'Read the latest stories below, or browse our archive for analysis and commentary from the past decade.</p></div>';
  const c = classify(page(`<main><h1>Business</h1>${intro}<div class="list">${teasers(30, false)}</div><div class="pager"><a href="?page=2">2</a><a href="?page=3">3</a><a href="?page=4">4</a><a href="?page=2" rel="next">Next page</a></div></main>`), 'https://news.example.com/business/');
  assertNot(c, 'listing');
  assert.ok(c.reasons.some((r) => r.startsWith('teasers 30')), c.reasons.join('; '));
  assert.ok(c.reasons.some((r) => r.startsWith('pagination')), c.reasons.join('; '));
});

test('a long listing page of teasers with summaries is not an article', () => {
  const c = classify(page(`<h1>Latest news</h1><section class="stream">${teasers(40, true, 'teaser')}</section>`), 'https://news.example.com/latest/');
  assertNot(c, 'listing');
});

test('a category index with intro text (Chinese, 下一页 pagination) is not an article', () => {
  const items = Array.from({ length: 20 }, (_, i) => `<li><a href="/gn/2025/10/t2025101${i}.html">国内要闻第${i}条：多地推进城市更新和老旧小区改造工作</a><span>2025-10-${String(i + 1).padStart(2, '0')}</span></li>`).join('');
  const c = classify(
    page(`<div class="column"><h1>国内新闻</h1><p class="desc">本栏目汇集国内时政、社会、民生等方面的最新消息，及时报道各地经济社会发展动态，欢迎读者关注。</p><ul class="news-list">${items}</ul><div class="page"><a href="index_1.html">下一页</a></div></div>`, '', '国内新闻_新闻中心'),
    'https://news.example.com/gn/',
  );
  assertNot(c, 'listing');
});

test('a home page of sections is not an article', () => {
  const section = (name: string, n: number) =>
    `<section class="block"><h2>${name}</h2><ul>` + Array.from({ length: n }, (_, i) => `<li class="headline"><a href="/${name}/${i}.html">${name} headline number ${i} with enough words to be a headline</a></li>`).join('') + '</ul></section>';
  const lead = '<div class="lead"><h2><a href="/top.html">Top story: council expands bus network across the city</a></h2><p>The city council voted on Tuesday to expand the downtown bus network.</p></div>';
  const c = classify(page(`<h1 class="logo">Example News</h1>${lead}${section('world', 8)}${section('business', 8)}${section('tech', 8)}`), 'https://news.example.com/');
  assertNot(c, 'listing');
});

test('a page of search results is not an article', () => {
  const results = Array.from({ length: 10 }, (_, i) =>
    `<li class="result"><a href="/a/${i}.html">Bus network expansion result number ${i} in the archive</a><p>… the <b>bus</b> network will be expanded, officials said, with twelve new routes …</p><cite>news.example.com/a/${i}.html</cite></li>`,
  ).join('');
  const c = classify(
    page(`<h1>Search results for “bus”</h1><p>About 120 results (0.12 seconds)</p><ol class="results">${results}</ol><div class="pages"><a href="?q=bus&p=2">2</a> <a href="?q=bus&p=3">3</a> <a href="?q=bus&p=4">4</a> <a href="?q=bus&p=2">Next</a></div>`),
    'https://news.example.com/search?q=bus',
  );
  assertNot(c, 'listing');
});

test('a statistics page that is one big table of numbers is a table, not an article', () => {
  const rows = Array.from({ length: 300 }, (_, i) => `<tr><td>Region ${i}</td><td>${1000 + i * 7}</td><td>${(i * 1.37).toFixed(2)}</td><td>${(i % 17) + 0.5}%</td><td>${2000 + i}</td></tr>`).join('');
  const c = classify(page(`<h1>Regional statistics 2025</h1><p>Source: statistics bureau.</p><table class="data"><tr><th>Region</th><th>Population</th><th>GDP</th><th>Growth</th><th>Year</th></tr>${rows}</table>`), 'https://stats.example.com/2025/regions.html');
  assertNot(c, 'table');
  assert.ok(c.reasons.some((r) => r.startsWith('data table')), c.reasons.join('; '));
});

test('an article with a small data table stays an article', () => {
  const rows = Array.from({ length: 6 }, (_, i) => `<tr><td>Route ${i}</td><td>${10 + i}</td><td>${20 + i}</td></tr>`).join('');
  const c = classify(page(`<div class="article"><h1>Council expands bus network</h1><p>October 12, 2025</p>${enParagraphs(4)}<table>${rows}</table>${enParagraphs(2)}</div>`));
  assertArticle(c);
});

test('a Chinese article among old-style table layout and link lists is an article', () => {
  const links = Array.from({ length: 25 }, (_, i) => `<tr><td>· <a href="/n/${i}.shtml">相关新闻第${i}条：城市公交线网优化调整方案公布</a></td></tr>`).join('');
  const c = classify(
    `<html><head><meta charset="gbk"><title>全市将新开通12条公交线路_新闻中心</title></head><body><table><tr><td width="640"><h1>全市将新开通12条公交线路</h1><div>2025年10月12日 09:30 来源：市交通运输局</div>${zhParagraphs(5)}</td><td width="200"><table>${links}</table></td></tr></table></body></html>`,
  );
  assertArticle(c);
});

test('an empty or link-only page is never an article', () => {
  assertNot(classify('<html><head><title>Loading</title></head><body><div id="root"></div></body></html>'), 'other');
  const c = classify(page('<h1>Sitemap</h1><ul>' + Array.from({ length: 60 }, (_, i) => `<li><a href="/s/${i}">Section ${i}</a></li>`).join('') + '</ul>'));
  assert.equal(c.isArticle, false, c.reasons.join('; '));
});

test('extraction of a hostile page still gives a classification', () => {
  const a = extractArticle('<div>'.repeat(5000) + 'x', { url: 'https://x.example/' });
  assert.ok(a.classification);
  assert.equal(a.classification.isArticle, false);
});
