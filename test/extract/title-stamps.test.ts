/**
 * A date glued into the headline (a <time> inside a blog's permalinked h1, a date line swallowed by an unclosed h1)
 * and the site's own name after the headline the page shows ("Headline – Artlyst").
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isDateStamp } from '../../src/extract/title-keys.js';
import { cleanTitle, isSiteOnly, tidyTitle, withoutSiteSuffix } from '../../src/extract/title-text.js';
import { parseDocument } from 'htmlparser2';
import { elementsIn } from '../../src/extract/dom.js';
import { isSiteChrome, withoutStyleUtilities } from '../../src/extract/title-chrome.js';
import { enParagraphs, extractFrom, zhParagraphs } from './helpers.js';

test('isDateStamp: numeric stamps and dates with an English month and a day', () => {
  for (const k of ['2014-04-3023:54', '【17:52】', 'dec182025', 'january1,2025', '18dec2025', 'mon,march3rd,2025', 'sept.9,202410:30am', '(jan5)'])
    assert.equal(isDateStamp(k), true, k);
  // A month without a day, a word starting like a month, or other words are the headline's own.
  for (const k of ['january2025', 'march', 'mayday', '(january2025)', 'thebestpicks', 'dec18ideas', ''])
    assert.equal(isDateStamp(k), false, k);
});

test('isDateStamp: numbers need a date or clock shape; a lone number or a bare year is wording', () => {
  for (const k of ['2014-04-30', '30.04.2014', '2025/12/18', '17:52', '(17:52)', '2025年12月18日', '12月18日'])
    assert.equal(isDateStamp(k), true, k);
  for (const k of ['2024', '17', '9/11:', '(2024)', '2024:', '12-108', '10:2025', '3'])
    assert.equal(isDateStamp(k), false, k);
});

test('a permalinked h1 keeps a year or number og:title leaves out', () => {
  for (const [h1, og] of [
    ['Year in Review 2024', 'Year in Review'],
    ['Apple unveils the iPhone 17', 'Apple unveils the iPhone'],
    ['9/11: Twenty years on, the city remembers', 'Twenty years on, the city remembers'],
  ]) {
    const a = extractFrom(`<h1 class="entry-title"><a href="https://news.example.com/a/1.html" rel="bookmark">${h1}</a></h1>${enParagraphs()}`, {
      head: `<title>${og} | Site</title><meta property="og:title" content="${og}">`,
    });
    assert.equal(a.title, h1);
  }
  const zh = extractFrom(`<h1>政府工作报告全文2025</h1>${zhParagraphs()}`, { head: '<title>政府工作报告全文_新浪网</title><meta property="og:title" content="政府工作报告全文">' });
  assert.equal(zh.title, '政府工作报告全文2025');
});

test('a date inside a permalinked h1 is not part of the headline', () => {
  const body = `<h1><a href="https://news.example.com/a/1.html"><time datetime="2025-12-18">Dec <span>18</span> 2025</time> Council expands the bus network</a></h1>${enParagraphs()}`;
  const a = extractFrom(body, { head: '<title>Council expands the bus network | Jo\'s blog</title><meta property="og:title" content="Council expands the bus network">' });
  assert.equal(a.title, 'Council expands the bus network');
});

test('a date line swallowed by an h1 left unclosed is cut; a heading adding words is kept whole', () => {
  const unclosed = `<div><h1>Council expands the bus network</h2><p>January 1, 2025</p></div>${enParagraphs()}`;
  const a = extractFrom(unclosed, { head: '<meta property="og:title" content="Council expands the bus network">' });
  assert.equal(a.title, 'Council expands the bus network');
  const worded = `<div><h1>Council expands the bus network</h2><p>January plans</p></div>${enParagraphs()}`;
  const b = extractFrom(worded, { head: '<meta property="og:title" content="Council expands the bus network">' });
  assert.notEqual(b.title, 'Council expands the bus network');
});

test("withoutSiteSuffix cuts the metadata's site name behind a real separator only", () => {
  assert.equal(withoutSiteSuffix('Critics’ Choice: Best UK Art Exhibitions 2025 – Artlyst', ['Artlyst']), 'Critics’ Choice: Best UK Art Exhibitions 2025');
  assert.equal(withoutSiteSuffix('Council expands the bus network | City Paper', ['City Paper']), 'Council expands the bus network');
  // Not a known name, no name, a name inside the words, or too little left.
  assert.equal(withoutSiteSuffix('Council expands the bus network | Our Plans', ['City Paper']), 'Council expands the bus network | Our Plans');
  assert.equal(withoutSiteSuffix('Council expands the bus network – Artlyst', []), 'Council expands the bus network – Artlyst');
  assert.equal(withoutSiteSuffix('Why I still read Artlyst', ['Artlyst']), 'Why I still read Artlyst');
  assert.equal(withoutSiteSuffix('Review – Artlyst', ['Artlyst']), 'Review – Artlyst');
  // After a colon the name may be the headline's subject.
  assert.equal(withoutSiteSuffix('Les secrets de fabrication du quotidien : Libération', ['Libération']), 'Les secrets de fabrication du quotidien : Libération');
});

test("the page's h1 loses og:site_name after its headline", () => {
  const a = extractFrom(`<h1>Council expands the bus network – City Paper</h1>${enParagraphs()}`, {
    head: '<title>Council expands the bus network – City Paper - City Paper</title><meta property="og:site_name" content="City Paper">',
  });
  assert.equal(a.title, 'Council expands the bus network');
  const b = extractFrom(`<h1>Council expands the bus network – City Paper</h1>${enParagraphs()}`, { head: '<title>Council expands the bus network – City Paper</title>' });
  assert.equal(b.title, 'Council expands the bus network – City Paper');
});

test("a site name's opening words name the site too, when most of it", () => {
  const site = ['Thrive Internet Marketing Agency'];
  assert.equal(cleanTitle('Website Design Portfolio | Thrive Internet Marketing', site), 'Website Design Portfolio');
  // A word or two of it, or its closing words, are not the name.
  assert.equal(isSiteOnly('Thrive', site), false);
  assert.equal(isSiteOnly('Internet Marketing Agency', site), false);
});

test("only a part after the headline is the site's name by its opening words; a first part is the headline's own", () => {
  assert.equal(cleanTitle('Toulouse : la ligne C du métro inaugurée', ['Toulouse Infos']), 'Toulouse : la ligne C du métro inaugurée');
  assert.equal(cleanTitle('Stuttgarter Kickers - Trainer entlassen', ['Stuttgarter Kickers Fanclub']), 'Stuttgarter Kickers - Trainer entlassen');
  assert.equal(isSiteOnly('Thrive Internet Marketing', ['Thrive Internet Marketing Agency']), false);
  // The name itself still goes from the front.
  assert.equal(cleanTitle('Toulouse Infos : la ligne C du métro inaugurée', ['Toulouse Infos']), 'la ligne C du métro inaugurée');
  const fr = extractFrom(`<div class="article-body">${enParagraphs()}</div>`, {
    head: '<title>Toulouse : la ligne C du métro inaugurée</title><meta property="og:site_name" content="Toulouse Infos">',
  });
  assert.equal(fr.title, 'Toulouse : la ligne C du métro inaugurée');
  const wiki = extractFrom(`<div class="article-body">${enParagraphs()}</div>`, {
    head: '<title>Breaking Bad | Breaking Bad Wiki | Fandom</title><meta property="og:site_name" content="Breaking Bad Wiki">',
  });
  assert.equal(wiki.title, 'Breaking Bad');
});

test("a date in round brackets after the headline is the headline's own; a clock stamped after it is not", () => {
  assert.equal(tidyTitle('Almost Timely News: Using AI for Analytics (2025-09-21)'), 'Almost Timely News: Using AI for Analytics (2025-09-21)');
  assert.equal(tidyTitle('市区新开12条公交线路（2014-04-30）'), '市区新开12条公交线路（2014-04-30）');
  assert.equal(tidyTitle('市区新开12条公交线路 【17:52】'), '市区新开12条公交线路');
  assert.equal(tidyTitle('市区新开12条公交线路 [2014-04-30]'), '市区新开12条公交线路');
  assert.equal(tidyTitle('Council expands the bus network (17:52)'), 'Council expands the bus network');
});

test('text-styling utility classes do not make a logo link article content', () => {
  assert.equal(withoutStyleUtilities('tw-text-label-lg tw-pt-2xs').trim(), 'tw-pt-2xs');
  assert.equal(withoutStyleUtilities('md:text-xl text-center title').trim(), 'title');
  // Content classes keep their word.
  assert.equal(withoutStyleUtilities('article-text news_text'), 'article-text news_text');
  // Colour utilities of every family go, so a theme colour named "brand" is no branding.
  assert.equal(withoutStyleUtilities('text-4xl font-bold text-brand-900').trim(), 'font-bold');
  assert.equal(withoutStyleUtilities('bg-brand-700 hover:border-brand from-brand via-brand to-brand ring-brand py-12').trim(), 'py-12');
  assert.equal(withoutStyleUtilities('site-branding brand-logo'), 'site-branding brand-logo');
  const logo = `<header><a href="/" aria-label="logo"><span class="tw-text-label-lg">Shopify App Store</span></a></header>`;
  const a = extractFrom(`${logo}<h1><div>Get that tech stack</div> <span class="lg:tw-block">Klatch Coffee</span></h1>${enParagraphs()}`, {
    head: '<title>Klatch Coffee | Shopify App Store</title>',
  });
  assert.equal(a.title, 'Klatch Coffee');
  // Inside the article's own text block a home link's words still count.
  const dom = parseDocument(`<div class="article-text"><a href="/"><span>Shopify App Store</span></a></div>`);
  const span = elementsIn(dom).find((e) => e.name === 'span')!;
  assert.equal(isSiteChrome(span), false);
  const styled = parseDocument(`<div class="text-lg"><a href="/"><span>Shopify App Store</span></a></div>`);
  assert.equal(isSiteChrome(elementsIn(styled).find((e) => e.name === 'span')!), true);
});

test("a headline coloured with a theme's brand utilities is not the site's branding", () => {
  const chromeOf = (html: string): boolean => isSiteChrome(elementsIn(parseDocument(html)).find((e) => e.name === 'h1')!);
  assert.equal(chromeOf('<div class="mx-auto max-w-3xl"><h1 class="text-4xl font-bold text-brand-900">Headline</h1></div>'), false);
  assert.equal(chromeOf('<div class="bg-brand-700 text-white py-12"><h1 class="text-4xl">Headline</h1></div>'), false);
  assert.equal(chromeOf('<div class="mx-auto"><h1 class="text-4xl text-brandBlue font-bold">Headline</h1></div>'), false);
  // Branding classes still are.
  assert.equal(chromeOf('<div class="site-branding text-center"><h1 class="text-4xl">City Paper</h1></div>'), true);
  assert.equal(chromeOf('<div class="brand bg-white"><h1>City Paper</h1></div>'), true);
  const page = extractFrom(
    `<nav class="flex"><a href="/">City Paper</a></nav><div class="mx-auto max-w-3xl"><h1 class="text-4xl font-bold text-brand-900">Council expands the bus network and adds twelve routes</h1><div class="prose max-w-none">${enParagraphs()}</div></div>`,
    { head: '<title>City Paper</title><meta property="og:site_name" content="City Paper">' },
  );
  assert.equal(page.title, 'Council expands the bus network and adds twelve routes');
});
