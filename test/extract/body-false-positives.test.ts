/**
 * Article lines the body cleaning must keep although they open with the words of a furniture line (a reviewer's
 * probes of the edge, thread and credit rules): each snippet lost text before its fix.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { enParagraphs, extractFrom, zhParagraphs } from './helpers.js';

const en = (from: number, to: number): string => enParagraphs(5).split('\n').slice(from, to).join('');

test('a subhead or sentence opening like a comment header ("Three thoughts on the loss") does not end the article', () => {
  const head = '<title>Buses</title>';
  const a = extractFrom(`<h1>Buses</h1><article>${en(0, 2)}<h2>Three thoughts on the loss</h2>${en(2, 5)}</article>`, { head });
  assert.match(a.body, /Three thoughts on the loss/);
  assert.match(a.body, /funded largely by a state grant/);
  const b = extractFrom(`<h1>Buses</h1><article>${en(0, 1)}<p>Two responses to the proposal emerged at the hearing</p>${en(1, 5)}</article>`, { head });
  assert.match(b.body, /funded largely by a state grant/);
  // The header naming the post ("2 thoughts on “Buses”") still ends a short post.
  const c = extractFrom(`<h1>Buses</h1><article>${en(0, 1)}<h3>2 thoughts on “Buses”</h3><p>I ride the number 12 every day and it is always late, so I hope the new routes change that for good.</p></article>`, { head });
  assert.ok(!c.body.includes('number 12'), c.body);
});

test("a live blog's entries (two writers, each with a '#share' or 'javascript:' button) are the article, not a thread", () => {
  const entry = (who: string, t: string, text: string, btn: string): string =>
    `<div class="entry"><div class="byline"><b>${who}</b> <span class="ts">${t}</span> ${btn}</div><div class="body"><p>${text}</p></div></div>`;
  const ps = enParagraphs(4).split('\n').map((p) => p.replace(/<\/?p>/g, ''));
  const page = (btn: string): string =>
    `<h1>Live: council votes on buses</h1><article><p>Follow our live coverage of the council vote, with updates from our reporters at City Hall throughout the evening.</p>` +
    `<div class="live">${entry('Jane Doe', '10:02 am', ps[0], btn)}${entry('John Roe', '10:15 am', ps[1], btn)}${entry('Jane Doe', '10:31 am', ps[2], btn)}${entry('John Roe', '10:44 am', ps[3], btn)}</div></article>`;
  for (const btn of ['<a href="#share">Share</a>', '<a href="javascript:;">Copy link</a>']) {
    const a = extractFrom(page(btn), { head: '<title>Live: council votes on buses</title>' });
    assert.match(a.body, /electric buses/, btn);
    assert.match(a.body, /shift workers/, btn);
  }
});

test('a closing sentence opening with a credit word ("Photos from the scene show …", "Fotos von der …") stays; the credits go', () => {
  const head = '<title>Buses</title>';
  const close = [
    'Photos from the scene show water reaching the second floor of several homes along Main Street.',
    'Sources from inside the company said more layoffs could follow before the end of the year.',
    'Fotos von der Unglücksstelle zeigen, wie hoch das Wasser in den Straßen stand.',
    'Credit from banks to households rose 3.1 percent in the quarter, the central bank said.',
  ];
  for (const line of close) {
    const a = extractFrom(`<h1>Buses</h1><article>${en(0, 4)}<p>${line}</p></article>`, { head });
    assert.ok(a.body.endsWith(line), a.body.slice(-200));
  }
  const credits = '<p>Photos by Jane Doe</p><p>Additional reporting by John Roe in Paris; editing by Mark Potter.</p><p>Aus dem Englischen von Jan Doolan</p>';
  const b = extractFrom(`<h1>Buses</h1><article>${en(0, 4)}${credits}</article>`, { head });
  assert.match(b.body, /shift workers[^]*requested for several years\.$/);
});

test('a lead paragraph opening or closing with the headline\'s words stays (the headline with a kicker still goes: body-headline-repeat)', () => {
  const title = 'Storm leaves thousands without power in Ohio';
  const head = `<title>${title}</title>`;
  for (const lead of [`${title}, utility says.`, `${title} after Tuesday night winds`, `Tuesday night's storm leaves thousands without power in Ohio.`]) {
    const a = extractFrom(`<article><h1>${title}</h1><p>${lead}</p>${en(1, 5)}</article>`, { head });
    assert.ok(a.body.startsWith(lead), a.body.slice(0, 160));
  }
});

test('a rule the article reports ("未经许可…放飞无人机的，…") stays; a reprint ban ("未经本网授权，不得转载") goes', () => {
  const head = '<title>市区新开12条公交线路</title>';
  const page = (line: string): string => `<h1>市区新开12条公交线路</h1><div class="article">${zhParagraphs(2)}<p>${line}</p>${zhParagraphs(4).split('\n').slice(2).join('')}</div>`;
  for (const line of ['未经许可在机场净空保护区内放飞无人机的，将由公安机关依法予以处罚。', '未经同意，物业公司不得擅自将小区公共区域出租用于广告经营。']) {
    assert.ok(extractFrom(page(line), { head }).body.includes(line), line);
  }
  for (const line of ['未经许可，不得转载。', '未经本网授权，不得转载、摘编或利用其它方式使用上述作品。']) {
    assert.ok(!extractFrom(page(line), { head }).body.includes(line), line);
  }
});

test("a notice's closing dated fields (\"报名截止日期：2024年5月20日\") stay; a post's footer line goes", () => {
  const head = '<title>关于举办青年教师教学竞赛的通知</title>';
  const page = (tail: string): string => `<h1>关于举办青年教师教学竞赛的通知</h1><div class="article">${zhParagraphs(3)}${tail}</div>`;
  for (const line of ['报名截止日期：2024年5月20日', '会议时间：2024年3月15日 14:30']) {
    assert.ok(extractFrom(page(`<p>报名地点：教务处二楼办公室</p><p>${line}</p>`), { head }).body.endsWith(line), line);
  }
  assert.ok(!extractFrom(page('<p>发布时间：2023-08-20 浏览：1024</p>'), { head }).body.includes('浏览'));
});

test('production-credit labels as the facts of a film or a review ("出品：…", "视觉：…") stay; beside an editor\'s credit they go', () => {
  const head = '<title>电影《山海》定档五一</title>';
  const page = (tail: string): string => `<h1>电影《山海》定档五一</h1><div class="article">${zhParagraphs(3)}${tail}</div>`;
  const film = extractFrom(page('<p>导演：李明</p><p>主演：王芳 张伟</p><p>出品：北京山海影业有限公司</p><p>片长：128分钟</p>'), { head });
  assert.match(film.body, /出品：北京山海影业有限公司/);
  const review = extractFrom(page(`<p>视觉：特效震撼 细节扎实</p><p>剪辑：节奏紧凑 转场利落</p>${zhParagraphs(4).split('\n')[3]}`), { head });
  assert.match(review.body, /视觉：特效震撼 细节扎实[^]*剪辑：节奏紧凑 转场利落/);
  const credits = extractFrom(page('<p>策划：张三</p><p>视觉：李四</p><p>责任编辑：王五</p>'), { head });
  assert.ok(!/策划|视觉/.test(credits.body), credits.body);
});

test('opening subheads and sentences that read like a byline or dateline ("By The Numbers", "15.03.2024 Berlin", "Stand der Verhandlungen am …") stay', () => {
  const head = '<title>Buses</title>';
  const cases = [
    `${en(0, 1)}<h2>By The Numbers</h2>${en(1, 4)}`,
    `<h2>15.03.2024 Berlin</h2>${en(0, 1)}<h2>18.03.2024 Paris</h2>${en(1, 4)}`,
    `${en(0, 1)}<p>Stand der Verhandlungen am 12.05.2024</p>${en(1, 4)}`,
    `${en(0, 1)}<h2>Updated price cap 1.75 per litre</h2>${en(1, 4)}`,
  ];
  for (const body of cases) {
    const a = extractFrom(`<h1>Buses</h1><article>${body}</article>`, { head });
    for (const line of body.match(/<(?:h2|p)>([^<]{0,40})<\/(?:h2|p)>/g) ?? []) {
      const text = line.replace(/<[^>]+>/g, '');
      assert.ok(a.body.includes(text), `${text}: ${a.body.slice(0, 200)}`);
    }
  }
  // A byline set in a heading with its place still goes.
  const b = extractFrom(`<h1>Buses</h1><article><h2>Twelve new routes for the city</h2><h5>Von Anna Sleegers, Frankfurt</h5>${en(0, 4)}</article>`, { head });
  assert.ok(!b.body.includes('Anna Sleegers'), b.body.slice(0, 200));
});

test('an opening subhead or lead starting with a widget word ("More on …", "Trending now: …") stays; a lone widget label goes', () => {
  const head = '<title>Buses</title>';
  for (const line of ['<h2>More on the ballot this fall</h2>', '<p>Trending now: rizz, delulu and more</p>']) {
    const a = extractFrom(`<h1>Buses</h1><article>${line}${en(0, 4)}</article>`, { head });
    assert.ok(a.body.startsWith(line.replace(/<[^>]+>/g, '')), a.body.slice(0, 200));
  }
  const b = extractFrom(`<h1>Buses</h1><article><p><a href="/c">Comments</a></p>${en(0, 4)}</article>`, { head });
  assert.ok(!b.body.includes('Comments'), b.body.slice(0, 200));
});

test('a commentary\'s signature ("——北京日报评论") and a sentence giving a share of an article stay', () => {
  const zh = extractFrom(`<h1>市区新开12条公交线路</h1><div class="article">${zhParagraphs(4)}<p>——北京日报评论</p></div>`, { head: '<title>市区新开12条公交线路</title>' });
  assert.ok(zh.body.endsWith('——北京日报评论'), zh.body.slice(-80));
  const line = 'The detector flagged 62% of the article as likely machine-written.';
  const a = extractFrom(`<h1>Buses</h1><article>${en(0, 2)}<p>${line}</p>${en(2, 4)}</article>`, { head: '<title>Buses</title>' });
  assert.match(a.body, /flagged 62% of the article/);
});
