/** Name shape, outlet and interface-word checks applied to every author candidate (issue 12). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isAcceptableAuthor, isOutletName, isPersonName, splitAffiliation } from '../../src/extract/people-names.js';
import { credentialsOf, namesFromRuns } from '../../src/extract/people-runs.js';
import { authorFromText } from '../../src/extract/byline.js';
import { extractFrom, enParagraphs, zhParagraphs } from './helpers.js';

test('outlets, wire services and desks are told from people', () => {
  for (const outlet of ['新华社', '中國時報', '北京青年报', '大陸新聞中心', '編譯中心', '央视新闻客户端', 'Reuters', 'USA TODAY', 'The Associated Press']) {
    assert.equal(isOutletName(outlet), true, outlet);
  }
  for (const person of ['王文', '李欣芳', '阿卜杜勒·阿齐兹', 'Jane Doe', 'Julia Carrie Wong']) assert.equal(isOutletName(person), false, person);
});

test('a person name has a name shape; roles, dates and interface words do not', () => {
  assert.equal(isPersonName('张三'), true);
  assert.equal(isPersonName('William K. Rashbaum'), true);
  assert.equal(isPersonName('Staff Writer'), false);
  assert.equal(isPersonName('November 18'), false);
  assert.equal(isPersonName('分享'), false);
  assert.equal(isPersonName('稍後再讀'), false);
  assert.equal(isPersonName('最新推荐文章'), false);
});

test('slogans, outlets and an editor glued to a desk name are not acceptable authors', () => {
  assert.equal(isAcceptableAuthor('成就一亿技术人!'), false);
  assert.equal(isAcceptableAuthor('新华社'), false);
  assert.equal(isAcceptableAuthor('青网新闻杨逸凡', '杨逸凡'), false);
  assert.equal(isAcceptableAuthor('张三 字号'), false);
  assert.equal(isAcceptableAuthor('王煌忠'), true);
  assert.equal(isAcceptableAuthor('Jane Doe, John Roe'), true);
});

test('text runs of a byline element: names in order with the page separators, roles and repeats dropped', () => {
  assert.equal(namesFromRuns(['By', 'Marc Santora', ',', 'Al Baker', 'and', 'Adam Goldman']), 'Marc Santora, Al Baker and Adam Goldman');
  assert.equal(namesFromRuns(['Howard Blume', 'Staff Writer']), 'Howard Blume');
  assert.equal(namesFromRuns(['by', 'Andrea Wong', 'Andrea Wong', 'December 7, 2016']), 'Andrea Wong');
  assert.equal(namesFromRuns(['Guide', 'by Will Judd', 'Former Deputy Tech Editor']), 'Will Judd');
  assert.equal(namesFromRuns(['Adrien Ramirez, 4+ years covering computer hardware']), 'Adrien Ramirez');
  assert.equal(namesFromRuns(['作者：', '张三', '、', '李四']), '张三、李四');
  assert.equal(namesFromRuns(['阅读 1234', '收藏']), undefined);
});

test('an affiliation glued to a name is split off at a place or institution word', () => {
  assert.equal(splitAffiliation('王文中国人民大学重阳金融研究院院长'), '王文');
  assert.equal(splitAffiliation('李欣芳北京大学教授'), '李欣芳');
  assert.equal(splitAffiliation('王小明'), undefined);
  assert.equal(splitAffiliation('日常生活里的小事'), undefined);
});

test('page level: an outlet in the JSON-LD author slot is the source, the byline line gives the people', () => {
  const ld = '<script type="application/ld+json">{"@type":"NewsArticle","headline":"积极因素不断增多","author":{"@type":"Person","name":"新华社"}}</script>';
  const a = extractFrom(`<h1>积极因素不断增多</h1><div class="meta">2024-05-09 22:30</div><div class="content"><p>新华社记者邹多为、唐诗凝、丁乐</p>${zhParagraphs()}</div>`, { head: `<title>积极因素不断增多</title>${ld}` });
  assert.equal(a.author?.replace(/[、\s]/g, ''), '邹多为唐诗凝丁乐');
  assert.equal(a.publisher, '新华社');
});

test('page level: a blogger whose name is also the site name is still the author', () => {
  const a = extractFrom(`<p class="site-title">Damien Walter</p><article><h1>Ten books to read</h1><div class="entry-meta"><span>Posted by</span><a href="/me">Damien Walter</a><time>December 30, 2024</time></div>${enParagraphs()}</article>`, {
    head: '<title>Ten books to read – Damien Walter</title><meta property="og:site_name" content="Damien Walter">',
  });
  assert.equal(a.author, 'Damien Walter');
});

test('post-nominal credentials stay with the name; an agency after the name does not', () => {
  assert.equal(namesFromRuns(['Written By', 'Angela Holliday-Bell, MD*']), 'Angela Holliday-Bell, MD');
  assert.equal(namesFromRuns(['Jeffrey A. Slotnick CPP, PSP']), 'Jeffrey A. Slotnick CPP, PSP');
  assert.equal(namesFromRuns(['By', 'Shelby Loos, DVM']), 'Shelby Loos, DVM');
  assert.equal(authorFromText('By Doris Munoz-Mantilla, MD, FOMA, DABOM'), 'Doris Munoz-Mantilla, MD, FOMA, DABOM');
  assert.equal(authorFromText('By Mei Reyes, AP'), 'Mei Reyes');
  assert.equal(namesFromRuns(['Mei Reyes', ',', 'AP']), 'Mei Reyes');
  assert.equal(credentialsOf('CNN', false), undefined);
  assert.equal(credentialsOf('CNN', true), 'CNN');
  assert.equal(credentialsOf('M.D. FACLM', false), 'M.D. FACLM');
});

test("an organisation after the writer's name is the affiliation, not a second writer cut to a name's shape", () => {
  assert.equal(authorFromText('by Amalia Helen, Nature Tech Collective'), 'Amalia Helen');
  assert.equal(authorFromText('By Jane Doe, Harbour Policy Institute'), 'Jane Doe');
  assert.equal(authorFromText('By Jane Doe, Acme Labs'), 'Jane Doe');
  // A second writer after the comma stays.
  assert.equal(authorFromText('By Jane Doe, John Roe'), 'Jane Doe, John Roe');
});

test("a site administrator's account ('NOC Admin', 'Webmaster') is no writer; a desk credit ('MND Staff') and a real name stay", () => {
  assert.equal(isAcceptableAuthor('NOC Admin'), false);
  assert.equal(isAcceptableAuthor('Webmaster'), false);
  assert.equal(isAcceptableAuthor('Site Administrator'), false);
  assert.equal(isAcceptableAuthor('MND Staff'), true);
  assert.equal(isAcceptableAuthor('Adminah Karimova'), true);
  const page = (meta: string): ReturnType<typeof extractFrom> =>
    extractFrom(`<h1>City adds twelve bus routes downtown</h1><article>${enParagraphs(5)}</article>`, { head: `<title>City adds twelve bus routes downtown</title><meta name="author" content="${meta}">` });
  assert.equal(page('NOC Admin').author, undefined);
  assert.equal(page('Dana Whitfield').author, 'Dana Whitfield');
});

test('an e-mail address after the meta author is no part of the name', () => {
  const page = (meta: string): ReturnType<typeof extractFrom> =>
    extractFrom(`<h1>Setting up an aquarium step by step</h1><article>${enParagraphs(5)}</article>`, { head: `<title>Setting up an aquarium step by step</title><meta name="author" content="${meta}">` });
  assert.equal(page('Jan Hvizdal, postmaster@fish.example.net').author, 'Jan Hvizdal');
  assert.equal(page('Jan Hvizdal &lt;jan@fish.example.net&gt;').author, 'Jan Hvizdal');
  // An address alone names no one.
  assert.equal(page('postmaster@fish.example.net').author, undefined);
});

test("'Blog' is no name word: a category link after a one-word byline does not complete it", () => {
  assert.equal(isPersonName('Marie Blog'), false);
  assert.equal(isPersonName('Marie Bloggs'), true);
});
