/**
 * Body recall (issue 12): an article cut into same-class chunks whose lead chunk sits in deeper wrapper markup,
 * bulleted round-up lists whose items are sentences with links in them, teaser grids that must not outvote the article.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { enParagraphs, extractFrom, zhParagraphs } from './helpers.js';

const CHUNK_CLASS = 'story__text rich';

function chunk(words: string, repeat = 1): string {
  const ps = `<p>${words} The committee met for three hours and heard from residents, engineers and the county planning office before voting.</p><p>${words} Several speakers asked for a second public hearing, and the chair agreed to schedule one in the spring after the budget is published.</p>`;
  return `<div class="${CHUNK_CLASS}">${ps.repeat(repeat)}</div>`;
}

/** Lead chunk wrapped in hero/intro markup (eight levels below the shared ancestor), later chunks four levels. */
function splitArticle(deepLead: boolean): string {
  const lead = `<section class="outer"><div class="wrap"><div class="col">${chunk('Lead section.', 3)}</div></div></section>`;
  const leadWrapped = deepLead ? `<div class="hero"><div class="intro"><div class="inner">${lead}</div></div></div>` : lead;
  const card = (i: number) => `<div class="card"><a href="/x/${i}">A related story headline number ${i} about the county</a> <a href="/y/${i}">More</a></div>`;
  const later = (label: string) => `<section class="outer"><div class="wrap"><div class="col">${chunk(label)}</div></div></section>${card(1)}${card(2)}${card(3)}`;
  return `<main><div id="post"><div class="acf">${leadWrapped}${later('Middle section.')}${later('Closing section.')}</div></div></main>`;
}

test('same-class article chunks are joined even when the lead chunk sits deeper in wrapper markup', () => {
  const a = extractFrom(`<h1>County votes on the plan</h1>${splitArticle(true)}`, { head: '<title>County votes on the plan</title>' });
  assert.match(a.body, /Lead section\./);
  assert.match(a.body, /Middle section\./);
  assert.match(a.body, /Closing section\./);
});

test('same-class blocks that only meet at the page body are not joined', () => {
  const teaser = `<div class="${CHUNK_CLASS}"><p>Teaser from another story in the footer band: the river festival returns next week with boat races, food stalls and music.</p></div>`;
  const deepTeaser = `<div class="band"><div class="a"><div class="b"><div class="c">${teaser}</div></div></div></div>`;
  const a = extractFrom(`<h1>County votes on the plan</h1><main><div class="acf">${chunk('Only section.', 3)}</div></main>${deepTeaser}`, { head: '<title>County votes on the plan</title>' });
  assert.match(a.body, /Only section\./);
  assert.ok(!a.body.includes('river festival'), `teaser left out:\n${a.body}`);
});

const ROUNDUP = [
  '<li>Maria fixed a crash that happened when <a href="/b/1">closing the last tab in a private window</a></li>',
  '<li>The team has landed new documentation for <a href="/b/2">the profiler marker interface</a></li>',
  '<li><a href="/b/3">Our year in review is out</a></li>',
  '<li>Sam made the toolbar load later during startup, which <a href="/b/4">shaves time off the first paint</a></li>',
  '<li>Lee continues to make progress migrating the file helpers to <a href="/b/5">the new input and output module</a></li>',
];

test('a bulleted round-up whose items are sentences with links stays in the body', () => {
  const a = extractFrom(`<h1>This week in the browser</h1><article><div class="entry-content">${enParagraphs(3)}<h2>Performance</h2><ul>${ROUNDUP.join('')}</ul>${enParagraphs(2)}</div></article>`, { head: '<title>This week in the browser</title>' });
  assert.match(a.body, /Maria fixed a crash/);
  assert.match(a.body, /Lee continues to make progress/);
});

test('a related list of bare headline links, and a numbered reference list, are still left out', () => {
  const related = ['Bus fares to rise in May', 'New bridge opens to traffic on the north side', 'Council approves the park budget', 'Library hours extended on weekends'];
  const relatedList = `<ul>${related.map((h, i) => `<li><a href="/r/${i}">${h}</a> <span>May ${i + 1}, 2024</span></li>`).join('')}</ul>`;
  const refs = `<ol>${[1, 2, 3].map((i) => `<li>Smith, J. <a href="/ref/${i}">Transit Annual Report volume ${i}</a>. City Press, retrieved from the archive.</li>`).join('')}</ol>`;
  const a = extractFrom(`<h1>Buses</h1><article><div class="entry-content">${enParagraphs(5)}${relatedList}${refs}</div></article>`, { head: '<title>Buses</title>' });
  assert.match(a.body, /expand the downtown bus network/);
  assert.ok(!a.body.includes('Bus fares to rise'), `related list left out:\n${a.body}`);
  assert.ok(!a.body.includes('Transit Annual Report'), `reference list left out:\n${a.body}`);
});

test('a grid of linked-headline teaser cards does not outvote the article above it', () => {
  const excerpt = (i: number) =>
    `Teaser ${i}: when an agency denies a claim, many applicants wonder whether they can appeal, how long it takes, and what evidence helps; our guide walks through each step of the process, from the first letter to the hearing.`;
  const card = (i: number) => `<article class="post-card post-${100 + i} type-post"><h3 class="post-card__title"><a href="/blog/other-${i}/">Story ${i}</a></h3><div class="post-excerpt"><p>${excerpt(i)}</p><p>${excerpt(i + 10)}</p></div></article>`;
  const article = `<div class="widget-text"><p>If someone is not careful at the gym, they may get hurt, and dropping equipment or straining too hard are common causes of injury.</p><p>Most waivers only protect the gym from being sued if the company or employees were negligent, a lawyer said.</p></div>`;
  const a = extractFrom(`<h1>Getting hurt at a gym</h1><div class="page">${article}<div class="grid">${[1, 2, 3, 4].map(card).join('')}</div></div>`, { head: '<title>Getting hurt at a gym</title>' });
  assert.match(a.body, /careful at the gym/);
  assert.match(a.body, /Most waivers only protect/);
  assert.ok(!a.body.includes('Teaser 1'), `teasers left out:\n${a.body}`);
});

/** Four cards under a "Latest news" heading, in the same page-builder column as the article's paragraphs. */
function columnWithCards(cardHref: (i: number) => string): string {
  const excerpt = (i: number) => `Teaser ${i}: when an agency denies a claim, many applicants wonder whether they can appeal and how long it takes.`;
  const card = (i: number) => `<article class="post-card post-${100 + i}"><h3 class="post-card__title"><a href="${cardHref(i)}">Story ${i}</a></h3><span class="date">March ${i}, 2025</span><p>${excerpt(i)}</p></article>`;
  return `<h1>Buses</h1><div class="builder-column">${enParagraphs(5)}<h2>Latest News</h2><div class="grid">${[1, 2, 3, 4].map(card).join('')}</div></div>`;
}

test('teaser cards of other posts on this site, inside the article column, are left out of the body', () => {
  for (const href of [(i: number) => `/blog/other-${i}/`, (i: number) => `https://www.example.com/blog/other-${i}/`]) {
    const a = extractFrom(columnWithCards(href), { head: '<title>Buses</title>', url: 'https://example.com/blog/buses/' });
    assert.match(a.body, /expand the downtown bus network/);
    assert.match(a.body, /funded largely by a state grant/);
    assert.ok(!a.body.includes('Teaser 1'), `teasers left out:\n${a.body}`);
    assert.ok(!a.body.includes('Latest News'), `their heading goes with them:\n${a.body}`);
  }
});

test('cards whose headlines link off the site (a round-up\'s product boxes) stay in the body', () => {
  const a = extractFrom(columnWithCards((i) => `https://shop${i}.example.net/product`), { head: '<title>Buses</title>', url: 'https://example.com/blog/buses/' });
  assert.match(a.body, /Teaser 1/);
  assert.match(a.body, /Teaser 4/);
});

test('a visibility:hidden body whose paragraphs say visibility:visible is kept (script-revealed article)', () => {
  const visible = zhParagraphs(5).replace(/<p>/g, '<p style="visibility: visible;">');
  const a = extractFrom(`<h1>全市新开通12条公交线路</h1><div id="js_content" style="visibility: hidden;">${visible}</div>`, { head: '<title>全市新开通12条公交线路</title>' });
  assert.match(a.body, /新开通12条公交线路/);
  assert.match(a.body, /夜班职工/, a.body);
});

test('a visibility:hidden box with nothing made visible inside stays out', () => {
  const a = extractFrom(`<h1>全市新开通12条公交线路</h1><div class="article">${zhParagraphs(4)}</div><div style="visibility:hidden"><p>弹窗提示：请登录后继续阅读全文内容，登录后可以收藏文章并参与讨论。</p></div>`, { head: '<title>全市新开通12条公交线路</title>' });
  assert.ok(!a.body.includes('弹窗提示'), a.body);
});

const COMMENTS = Array.from({ length: 8 }, (_, i) => `<div class="cmt-item"><span class="u">网友${i}</span><p>这篇文章写得很好，我也经常坐公交车上班，希望以后线路越来越多，发车越来越准时，第${i}条评论。</p></div>`).join('');

test('a short post followed by a longer comment thread: the post is the body, the thread is not', () => {
  const a = extractFrom(`<h1>坐新公交</h1><div class="post"><p>今天坐了新开的公交线路，感觉很方便。</p><p>车很新，司机也很客气。</p></div><div id="comments"><h3>评论</h3>${COMMENTS}</div>`, { head: '<title>坐新公交_某某博客</title>' });
  assert.match(a.body, /感觉很方便/);
  assert.match(a.body, /司机也很客气/);
  assert.ok(!a.body.includes('条评论'), a.body);
});

test('a page whose only text is in a comment-named box still gets that text', () => {
  const a = extractFrom(`<h1>坐新公交</h1><div class="nav"><a href="/">首页</a></div><div id="comments">${COMMENTS}</div>`, { head: '<title>坐新公交_某某博客</title>' });
  assert.match(a.body, /第3条评论/);
});

test('a one- or two-item bulleted list whose items are sentences with links stays in the body', () => {
  const note = '<ul><li>This hotel features in my lists of <a href="/l/1">the best hotels in the city</a> and <a href="/l/2">the best rooftop pools</a>.</li></ul>';
  const a = extractFrom(`<h1>Hotels</h1><article><div class="entry-content">${enParagraphs(3)}${note}${enParagraphs(2)}</div></article>`, { head: '<title>Hotels</title>' });
  assert.match(a.body, /This hotel features in my lists/);
});

const TOOLS = ['Fluke 117 multimeter', 'Klein Tools MM400', 'Irwin Vise-Grip pliers', 'Channellock 317 long nose pliers'];
const toolList = `<ul>${TOOLS.map((t, i) => `<li><a href="https://shop.example.com/p/${i}">${t}</a></li>`).join('')}</ul>`;

test('a list of linked names between paragraphs of the article is part of it', () => {
  const a = extractFrom(`<h1>Tools</h1><article><div class="entry-content">${enParagraphs(3)}<h3>1. Multimeters</h3>${toolList}${enParagraphs(3)}</div></article>`, { head: '<title>Tools</title>' });
  assert.match(a.body, /Klein Tools MM400/);
  assert.match(a.body, /Channellock 317/);
});

test('the same list of links closing the article is still left out', () => {
  const a = extractFrom(`<h1>Tools</h1><article><div class="entry-content">${enParagraphs(5)}${toolList}</div></article>`, { head: '<title>Tools</title>' });
  assert.match(a.body, /expand the downtown bus network/);
  assert.ok(!a.body.includes('Klein Tools MM400'), a.body);
});

test('chunks numbered in their class ("story-body story-body-1", "-2") are one article, across a box between them', () => {
  const chunk = (i: number, text: string) => `<div class="story-body story-body-${i}">${text}</div>`;
  const between = '<div class="supplemental"><div class="story-body"><h2><a href="/other">Another story about the vote</a></h2></div></div>';
  const lead = '<p>Lead chunk: the council’s sale of the depot is a complicated deal, and it shows how the structure of a sale decides who gets paid and when.</p>';
  const a = extractFrom(`<h1>Depot sale</h1><article class="story"><div class="wrap">${chunk(1, lead)}</div>${between}<div class="wrap">${chunk(2, enParagraphs(5))}</div></article>`, { head: '<title>Depot sale</title>' });
  assert.match(a.body, /Lead chunk: the council’s sale/);
  assert.match(a.body, /expand the downtown bus network/);
  assert.ok(!a.body.includes('Another story about the vote'), a.body);
});

test('grid widths ("columns large-8" beside "columns large-4") are not numbered chunks', () => {
  const side = '<div class="columns large-4"><p>Sidebar note: our newsroom is supported by readers, and every gift helps us cover the city hall beat.</p></div>';
  const a = extractFrom(`<h1>Buses</h1><div class="row"><div class="columns large-8">${enParagraphs(5)}</div>${side}</div>`, { head: '<title>Buses</title>' });
  assert.match(a.body, /expand the downtown bus network/);
  assert.ok(!a.body.includes('Sidebar note'), a.body);
});

test('same-class slots that wrap other posts\' <article>s are not chunks of the article', () => {
  const teaser = (i: number) => `<article class="post-${i}"><p>Front Page · Webmaster · December ${i}, 2025</p><p>Teaser ${i}: the police carolling contest was won by the traffic department for the third year running, organisers said.</p></article>`;
  const slot = (inner: string) => `<section class="widget posts-slot"><div class="template-content">${inner}</div></section>`;
  const a = extractFrom(`<h1>Buses</h1><div class="column">${slot(enParagraphs(5))}${slot(teaser(2) + teaser(3))}</div>`, { head: '<title>Buses</title>' });
  assert.match(a.body, /expand the downtown bus network/);
  assert.ok(!a.body.includes('Teaser 2'), a.body);
});

test('a block laid out between two parts of the article is part of it; a link box or a sign-up form between them is not', () => {
  const editor = (text: string) => `<div class="panel widget editor"><div class="textwidget">${text}</div></div>`;
  const prices = '<div class="panel widget custom-html"><div><h3>Troubleshooting</h3><div>No power issues: $149 and up, flat rate, includes the service call.</div><div>Replacing a circuit breaker in the panel: $89 to $249, parts included.</div></div></div>';
  const links = '<div class="panel"><div><a href="/a">Panel upgrades</a> <a href="/b">Generators</a> <a href="/c">EV chargers</a> <a href="/d">Lighting and fans</a></div></div>';
  const form = '<div class="panel"><p>Get our guide to the fastest-paying contractors, sent to your inbox every month.</p><form><label>First Name *</label><label>Business Email *</label></form></div>';
  const a = extractFrom(`<h1>Pricing</h1><main><div class="cell">${editor(enParagraphs(2))}${prices}${links}${form}${editor(enParagraphs(5).replace(/<p>The city/, '<p>Later: the city'))}</div></main>`, { head: '<title>Pricing</title>' });
  assert.match(a.body, /Replacing a circuit breaker in the panel/);
  assert.match(a.body, /Later: the city council/);
  assert.ok(!a.body.includes('EV chargers'), a.body);
  assert.ok(!a.body.includes('fastest-paying'), a.body);
});

test('a two-item list of linked product names between paragraphs is part of the article', () => {
  const two = `<ul>${TOOLS.slice(0, 2).map((t, i) => `<li><h2><a href="https://shop.example.com/p/${i}">${t}</a></h2></li>`).join('')}</ul>`;
  const a = extractFrom(`<h1>Tools</h1><article><div class="entry-content">${enParagraphs(3)}<h3>1. Multimeters</h3>${two}${enParagraphs(3)}</div></article>`, { head: '<title>Tools</title>' });
  assert.match(a.body, /Fluke 117 multimeter/);
  assert.match(a.body, /Klein Tools MM400/);
});

test('repeated one-item link lists, each over a paragraph about it, are a round-up\'s subheadings; a lone one is a promo link', () => {
  const item = (name: string) =>
    `<ul><li><a href="https://example.com/videos/${name.toLowerCase().replace(/ /g, '-')}/">${name}</a></li></ul><p>These ${name.toLowerCase()} combine clean lines with clever construction, and they are a good first project for a weekend in the shop.</p>`;
  const a = extractFrom(`<h1>Ten easy projects</h1><div class="entry">${enParagraphs(2)}${['Poker Chip Trays', 'Knife Block', 'Picture Frame'].map(item).join('')}</div>`, { head: '<title>Ten easy projects</title>' });
  assert.match(a.body, /Poker Chip Trays\n/);
  assert.match(a.body, /Picture Frame\n/);
  const promo = `<ul><li><a href="/live/africa">Africa Live updates from the region</a></li></ul><p>The president also admitted that some governments needed to improve their records on human rights and democracy.</p>`;
  const b = extractFrom(`<h1>Ten easy projects</h1><div class="entry">${enParagraphs(3)}${promo}${enParagraphs(2)}</div>`, { head: '<title>Ten easy projects</title>' });
  assert.ok(!b.body.includes('Africa Live updates'), b.body);
});

/** A round-up whose reviews sit in "product-widget" boxes: layout words around paragraphs of the article. */
function reviewBox(name: string): string {
  return `<div class="c-product-widget"><h3>${name}</h3><p>The ${name} keeps getting better: the new model has a brighter screen, a quieter fan and a keyboard that is pleasant to type on for hours.</p><p>Its battery lasted nine hours in our video test, and the speakers are loud enough for a small room, though the webcam is still grainy.</p></div>`;
}

test('paragraphs in boxes a weak class word names (a review in a "product-widget") stay in the body', () => {
  const boxes = ['Nitro 16', 'Zephyrus 14', 'Legion 5', 'Omen 17'].map(reviewBox).join(enParagraphs(1));
  const a = extractFrom(`<h1>Best laptops</h1><article><div class="entry-content">${enParagraphs(3)}${boxes}${enParagraphs(2)}</div></article>`, { head: '<title>Best laptops</title>' });
  assert.match(a.body, /The Nitro 16 keeps getting better/);
  assert.match(a.body, /The Omen 17 keeps getting better/);
});

test('a weakly named box of links, or an author bio, is still left out', () => {
  const links = `<div class="widget-more"><p><a href="/a">Bus fares to rise in May across the whole network</a></p><p><a href="/b">New bridge opens to traffic on the north side of the river</a></p></div>`;
  const bio = `<div class="author-bio-widget"><p>Jane Roe covers transport for the paper. She has written about buses, trains and bridges for a decade, and lives by the river.</p><p>Before that she reported on city hall for eight years, winning two state press awards for her work.</p></div>`;
  const a = extractFrom(`<h1>Buses</h1><article><div class="entry-content">${enParagraphs(5)}${links}${bio}</div></article>`, { head: '<title>Buses</title>' });
  assert.match(a.body, /expand the downtown bus network/);
  assert.ok(!a.body.includes('Bus fares to rise'), `link box left out:\n${a.body}`);
  assert.ok(!a.body.includes('Jane Roe covers'), `bio left out:\n${a.body}`);
});

test('a lead chunk marked with a modifier class ("chunk chunk_isFirst") is joined to the other chunks', () => {
  const p = (w: string) => `<p>${w} The committee met for three hours and heard from residents, engineers and the county planning office before voting on the plan.</p>`;
  const lead = `<div class="intro"><div class="storyWidget_root storyWidget_isFirst">${p('Lead section.')}</div></div>`;
  const rest = `<div class="storyWidget_root">${p('Second section.').repeat(8)}</div><div class="ad-slot">Advertisement</div><div class="storyWidget_root">${p('Third section.').repeat(2)}</div>`;
  const a = extractFrom(`<h1>County votes</h1><article><div class="layout">${lead}<div class="ad-slot">Advertisement</div>${rest}</div></article>`, { head: '<title>County votes</title>' });
  assert.match(a.body, /Lead section\./);
  assert.match(a.body, /Third section\./);
});

test('a box whose class only shares a generic word with the chosen container is not a chunk of it', () => {
  const p = (w: string) => `<p>${w} The committee met for three hours and heard from residents, engineers and the county planning office before voting on the plan.</p>`;
  const a = extractFrom(`<h1>County votes</h1><main><div class="rt w-richtext">${p('Article.').repeat(4)}</div></main><div class="w-richtext">${p('Case study elsewhere on the site.')}</div>`, { head: '<title>County votes</title>' });
  assert.match(a.body, /Article\./);
  assert.ok(!a.body.includes('Case study elsewhere'), a.body);
});

test("the standfirst in the article's own <header> stays in the body; its headline, byline and a later chart header do not", () => {
  const header = `<header><h1>Debt payments to triple</h1><p>Tax cuts, spending increases and higher interest rates could make it harder to respond to future recessions.</p><p class="byline">By Jane Roe</p></header>`;
  const chart = `<header class="chart-header"><p>Annual interest payments on the national debt are expected to triple over the next decade, the office says.</p></header><div class="chart">Interest payments</div>`;
  const a = extractFrom(`<main><article>${header}${enParagraphs(3)}${chart}${enParagraphs(2)}</article></main>`, { head: '<title>Debt payments to triple</title>' });
  assert.match(a.body, /^Tax cuts, spending increases/);
  assert.ok(!a.body.includes('By Jane Roe'), a.body);
  assert.ok(!a.body.includes('expected to triple over the next decade'), a.body);
});

test('a <header> that is nothing but a sentence of prose is kept whole', () => {
  const a = extractFrom(`<main><article><div class="article_body"><header>Neuroscience tells us that most of the work done by our brains happens on an unconscious level. New research investigates.</header>${enParagraphs(5)}</div></article></main>`, { head: '<title>Insight</title>' });
  assert.match(a.body, /^Neuroscience tells us/);
});

test('a standfirst laid out as a bare <div> beside the article container joins it; a linked promo <div> does not', () => {
  const perex = `<div class="article__perex">A miracle of one season? West Ham keep giving the doubters ever clearer answers, and the football world is starting to notice.</div>`;
  const promo = `<div class="article__more">Read <a href="/league">our full coverage of the league season, with tables, fixtures and every result so far.</a></div>`;
  const a = extractFrom(`<main><div class="article">${perex}<div id="article-content">${enParagraphs(5)}</div>${promo}</div></main>`, { head: '<title>West Ham</title>' });
  assert.match(a.body, /^A miracle of one season\?/);
  assert.ok(!a.body.includes('our full coverage'), a.body);
});

test("a box with the article body's class in the page footer (the site's 'about' text) is not a chunk of the article", () => {
  const field = (t: string) => `<div class="field field--name-body text-formatted">${t}</div>`;
  const about = '<p>The opinions expressed on this website are those of each author, not of the author\'s employer or of the publisher, who reviews every piece before it runs.</p>';
  const a = extractFrom(`<div class="canvas"><main><article>${field(enParagraphs(5))}</article></main><footer class="global_footer"><div class="region">${field(about)}</div></footer></div>`, { head: '<title>Buses</title>' });
  assert.match(a.body, /expand the downtown bus network/);
  assert.ok(!a.body.includes('opinions expressed on this website'), a.body);
});

test('a same-class chunk that is a ranking table of linked names beside figures is joined, though links fill it', () => {
  const field = (t: string) => `<div class="field field--name-body">${t}</div>`;
  const rows = ['Biomedical', 'Environmental', 'Industrial', 'Aerospace', 'Chemical', 'Civil', 'Electrical'].map((n, i) => `<tr><td><a href="/school/${i}">${n} Engineering</a></td><td>${i + 1}st (unchanged)</td><td>${i + 1}</td></tr>`).join('');
  const table = field(`<table><tbody><tr><th>School</th><th>Ranking</th><th>Public</th></tr>${rows}</tbody></table>`);
  const a = extractFrom(`<article><div class="layout"><div class="region">${field(enParagraphs(4))}</div><div class="region-2"><div class="block">${table}</div></div><div class="region">${field(enParagraphs(2))}</div></div></article>`, { head: '<title>Rankings</title>' });
  assert.match(a.body, /Environmental Engineering/);
});

test('a linked "See:" line under an item of a round-up stays; a shouted promo link there goes', () => {
  const item = (name: string, see: string) => `<li><p><a href="/n/${name}">${name}</a>, by a former data analyst and experienced tech journalist. Covers AI, language models and big data, with a weekly explainer on how the tools work.</p><p>See: <em><a href="/p/${name}">${see}</a></em></p></li>`;
  const list = `<ul>${item('Supervised', '“Six principles for thinking about AI risk”')}${item('Technically', '“What is RAG?”')}${item('Big Technology', 'WATCH: THE BIGGEST NAMES IN TECH ON STAGE TONIGHT')}</ul>`;
  const a = extractFrom(`<article><div class="entry-content">${enParagraphs(2)}${list}${enParagraphs(2)}</div></article>`, { head: '<title>Newsletters</title>' });
  assert.match(a.body, /See: “Six principles for thinking about AI risk”/);
  assert.ok(!a.body.includes('BIGGEST NAMES'), a.body);
});
