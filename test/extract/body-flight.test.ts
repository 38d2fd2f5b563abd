/**
 * A client-rendered article whose markup has no paragraph: its HTML sits only in the Next.js App Router payload
 * (`self.__next_f.push([1,"…"])` chunks), as a text row or as an `__html` string (body-flight).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { enParagraphs, extractFrom } from './helpers.js';
import { flightArticleHtml } from '../../src/extract/body-flight.js';

const HEAD = '<title>Council expands the bus network</title>';
const SHELL = '<header><h1>Council expands the bus network</h1></header><main><div id="article"></div></main><footer>© News Example</footer>';

/** A flight chunk carrying `rows`, written into a script as Next.js writes it. */
const chunk = (rows: string): string => `<script>self.__next_f.push([1,${JSON.stringify(rows)}])</script>`;

/** A text row: id, 'T', the text's length in UTF-8 bytes (hex), a comma, the text. */
const textRow = (id: string, text: string): string => `${id}:T${Buffer.byteLength(text, 'utf8').toString(16)},${text}`;

test('an article carried only in a Next.js text row is read from the payload', () => {
  const article = `<div class="caption"><p>Buses at the depot — Photo: Jane Doe</p></div>$$ARTICLEAD$$${enParagraphs(4)}`;
  // The row is split over two chunks (Next.js cuts its payload anywhere), with other rows around it.
  const rows = `1:"$Sreact.fragment"\n${textRow('24', article)}2:["$","div",null,{"children":"$24"}]\n`;
  const cut = Math.floor(rows.length / 2);
  const html = `${SHELL}${chunk(rows.slice(0, cut))}${chunk(rows.slice(cut))}`;
  const a = extractFrom(html, { head: HEAD });
  assert.match(a.body, /twelve new routes/);
  assert.match(a.body, /business groups had requested/);
  assert.ok(!a.body.includes('ARTICLEAD'), a.body);
});

test('an article in an __html string of a payload row is read too; multi-byte text keeps its row length', () => {
  const article = `<p>Le conseil municipal a voté mardi l’extension du réseau de bus — douze lignes nouvelles, « enfin ».</p>${enParagraphs(3)}`;
  const rows = `5:["$","div",null,{"dangerouslySetInnerHTML":{"__html":${JSON.stringify(article)}}}]\n${textRow('6', '<p>Ünïcödé</p><p>tail row — ok</p>')}`;
  assert.equal(flightArticleHtml(`${SHELL}${chunk(rows)}`), article);
  const a = extractFrom(`${SHELL}${chunk(rows)}`, { head: HEAD });
  assert.match(a.body, /douze lignes nouvelles/);
});

test('a page whose markup has the article ignores its payload', () => {
  const rows = textRow('24', `<p>Payload copy one, a different text from the markup for this test.</p><p>Payload copy two, also different.</p>`);
  const a = extractFrom(`<h1>Council expands the bus network</h1><article>${enParagraphs(4)}</article>${chunk(rows)}`, { head: HEAD });
  assert.match(a.body, /twelve new routes/);
  assert.ok(!a.body.includes('Payload copy'), a.body);
});

test('no payload, or one without paragraph markup: nothing', () => {
  assert.equal(flightArticleHtml(SHELL), undefined);
  assert.equal(flightArticleHtml(`${SHELL}${chunk('1:"$Sreact.fragment"\n2:["$","p",null,{"children":"one line"}]\n')}`), undefined);
});

test("a longer HTML string that is no part of the story (a cookie notice) loses to the article's row", () => {
  const notice = ['We use cookies and similar technologies to run this website and to understand how you use it.', 'Some of them are necessary, others help us improve the service and show you relevant offers from partners.', 'You can change your choice at any time under Settings at the bottom of each page of this website.', 'Partners may combine this information with other data you have provided to them or that they collected.', 'Declining does not block the website; some features such as embedded videos may not work then.', 'Details are in our policy, which also names every partner with the purpose of each of their tools.'].map((p) => `<p>${p}</p>`).join('');
  const rows = `3:["$","div",null,{"className":"banner","dangerouslySetInnerHTML":{"__html":${JSON.stringify(notice)}}}]\n${textRow('24', enParagraphs(3))}`;
  const a = extractFrom(`${SHELL}${chunk(rows)}`, { head: HEAD });
  assert.match(a.body, /twelve new routes/);
  assert.ok(!a.body.includes('cookies'), a.body);
});
