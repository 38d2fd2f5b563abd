/** computeStats: text sizes per element, kept on the elements but per StatsMap. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { computeStats, scoreCandidates } from '../../src/extract/body-score.js';
import { pickTopCandidate, topScores } from '../../src/extract/body-pick.js';
import { elementsIn, parsePage, removeJunk, type Element } from '../../src/extract/dom.js';

const byId = (order: Element[], id: string): Element => {
  const el = order.find((e) => e.attribs.id === id);
  assert.ok(el, id);
  return el;
};

test('lengths, link text, punctuation and <br>s add up from the children', () => {
  const { doc } = parsePage('<div id="d"><p id="p">Hello, world. <a id="a" href="/x">link text</a></p>中文，句子<br>x<br>y</div>');
  const { stats, order } = computeStats(removeJunk(doc));
  const p = stats.get(byId(order, 'p'));
  assert.deepEqual(p && { len: p.len, linkLen: p.linkLen, punct: p.punct }, { len: 20, linkLen: 8, punct: 2 });
  const d = stats.get(byId(order, 'd'));
  assert.ok(d);
  // 20 from the <p>, 中文，句子 = 4 CJK (x2) + the comma (x1), x and y.
  assert.equal(d.len, 20 + 9 + 2);
  assert.equal(d.inlineBreaks, 2);
  assert.equal(d.hasBlockChild, true);
  assert.equal(stats.get(byId(order, 'a'))?.linkLen, 8);
});

test('an element outside the list has no stats; a second computeStats over the same elements keeps its own', () => {
  const { doc } = parsePage('<div id="d"><p id="p">one two three</p><p id="q">four</p></div>');
  const order = removeJunk(doc);
  const p = byId(order, 'p');
  const first = computeStats(order).stats;
  // Only the second <p> and its wrapper: the first <p> is not in this list.
  const second = computeStats(order.filter((e) => e !== p)).stats;
  assert.equal(first.get(p)?.len, 11);
  assert.equal(second.get(p), undefined);
  assert.equal(second.has(p), false);
  assert.equal(second.get(byId(order, 'd'))?.len, 4);
  assert.equal(first.get(byId(order, 'd'))?.len, 15);
  first.get(p)!.score = 5;
  assert.equal(computeStats(order).stats.get(p)?.score, 0);
  assert.equal(first.get(p)?.score, 5);
  // Elements of another page, never counted.
  assert.equal(first.get(elementsIn(parsePage('<p>x</p>').doc)[0]), undefined);
});

/** A page's intro box and a list of entries beside it, each entry a box of its own; scores as given. */
function listPage(scores: Record<string, number>): { top: Element | undefined; byId: (id: string) => Element } {
  const { doc } = parsePage(
    '<main id="m"><div id="intro"><p>Intro.</p></div><div id="list"><div id="a"><p>A.</p></div><div id="b"><p>B.</p></div><div id="c"><p>C.</p></div></div></main>',
  );
  const order = removeJunk(doc);
  const get = (id: string): Element => byId(order, id);
  const map = new Map<Element, number>(Object.entries(scores).map(([id, sc]) => [get(id), sc] as const));
  return { top: pickTopCandidate(map), byId: get };
}

test('a run of three like entries a little behind the top box: their common ancestor is the content', () => {
  const page = listPage({ intro: 100, a: 72, b: 71, c: 71 });
  assert.equal(page.top, page.byId('m'));
});

test('two entries that far behind are not a run: the top box stays', () => {
  const page = listPage({ intro: 100, a: 72, b: 71, c: 40 });
  assert.equal(page.top, page.byId('intro'));
});

test('two close seconds still make the top box a part of a split article', () => {
  const page = listPage({ intro: 100, a: 80, b: 78, c: 10 });
  assert.equal(page.top, page.byId('m'));
});

test('boxes nested in the top box hold its own text: they do not make it a part of something larger', () => {
  // An abstract page: the abstract's wrapper, the abstract and its quote all score near each other; the page's
  // content column (metadata, tools, footer notes) scores less.
  const { doc } = parsePage(
    '<main id="content"><div id="outer"><div id="left"><div id="inner"><div id="abs"><blockquote id="q"><p>Abstract.</p></blockquote></div></div></div><div id="tabs"><p>Tools.</p></div></div></main>',
  );
  const order = removeJunk(doc);
  const scores = new Map<Element, number>([
    [byId(order, 'inner'), 47],
    [byId(order, 'abs'), 44],
    [byId(order, 'q'), 42],
    [byId(order, 'content'), 30],
    [byId(order, 'tabs'), 20],
    [byId(order, 'left'), 17],
    [byId(order, 'outer'), 13],
  ]);
  assert.equal(pickTopCandidate(scores), byId(order, 'inner'));
});

test('topScores gives the first k entries of a stable sort by score (ties in map order)', () => {
  const els = elementsIn(parsePage('<div>' + '<p>x</p>'.repeat(40) + '</div>').doc).filter((el) => el.name === 'p');
  // Few distinct scores: many ties, in and around the cut.
  let seed = 7;
  const next = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) % 5;
  for (let round = 0; round < 50; round++) {
    const scores = new Map<Element, number>();
    for (const el of els.slice(0, 1 + (round % els.length))) scores.set(el, next() * 1.5);
    const sorted = [...scores.entries()].sort((a, b) => b[1] - a[1]);
    for (const k of [1, 3, 6, 60]) assert.deepEqual(topScores(scores, k), sorted.slice(0, k));
  }
  assert.deepEqual(topScores(new Map(), 6), []);
});

/** A paragraph nested as a page builder sets it: section > container > column > wrap > widget > inner > p. */
const builderPart = (text: string): string =>
  `<section class="b-section"><div class="b-container"><div class="b-column"><div class="b-wrap"><div class="b-widget"><div class="b-inner"><p>${text}</p></div></div></div></div></div></section>`;
const sentence = (n: number): string => `Paragraph ${n} of the story says something long enough, with commas, and a full stop. `.repeat(3);

test('past five levels, a box scores as the meeting point of several builder-nested parts', () => {
  const parts = [1, 2, 3, 4, 5, 6].map((n) => builderPart(sentence(n))).join('');
  const { doc } = parsePage(`<html><body><div id="post">${parts}</div><div id="foot"><p>${sentence(9)}</p></div></body></html>`);
  const { stats, order } = computeStats(removeJunk(doc));
  const scores = scoreCandidates(order, stats);
  assert.ok((scores.get(byId(order, 'post')) ?? 0) > 0);
  assert.equal(pickTopCandidate(scores), byId(order, 'post'));
});

test('past five levels, one deep block does not score its far wrapper, nor do two parts', () => {
  const one = `<div id="far"><div><div><div><div><div><div id="deep"><p>${sentence(1)}</p><p>${sentence(2)}</p></div></div></div></div></div></div></div>`;
  const two = `<div id="pair">${builderPart(sentence(3))}${builderPart(sentence(4))}</div>`;
  const { doc } = parsePage(`<html><body>${one}${two}</body></html>`);
  const { stats, order } = computeStats(removeJunk(doc));
  const scores = scoreCandidates(order, stats);
  assert.equal(scores.get(byId(order, 'far')), undefined);
  assert.equal(scores.get(byId(order, 'pair')), undefined);
  assert.ok((scores.get(byId(order, 'deep')) ?? 0) > 0);
});
