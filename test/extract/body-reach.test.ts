/** body-reach: wrappers that add no level, and boxes scoring past the reach only where several parts meet. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FarReach, holds, onlyTextChild } from '../../src/extract/body-reach.js';
import { computeStats, scoreCandidates } from '../../src/extract/body-score.js';
import { pickTopCandidate } from '../../src/extract/body-pick.js';
import { parsePage, removeJunk, type Element } from '../../src/extract/dom.js';

const byId = (order: Element[], id: string): Element => order.find((e) => e.attribs.id === id)!;

test('a wrapper whose other children hold no text is no level; one with a text sibling is', () => {
  const { doc } = parsePage('<div id="w"><div id="a"><p>text</p></div><div class="spacer"></div><img src="x.png"></div><div id="v"><div id="b"><p>text</p></div><p>more</p></div>');
  const { stats, order } = computeStats(removeJunk(doc));
  assert.equal(onlyTextChild(byId(order, 'w'), byId(order, 'a'), stats), true);
  assert.equal(onlyTextChild(byId(order, 'v'), byId(order, 'b'), stats), false);
});

test('a far box counts once three children have carried contributions to it, not before', () => {
  const { doc } = parsePage('<div id="box"><div id="x"></div><div id="y"></div><div id="z"></div></div><div id="other"></div>');
  const order = removeJunk(doc);
  const far = new FarReach();
  const [box, x, y, z, other] = ['box', 'x', 'y', 'z', 'other'].map((id) => byId(order, id));
  far.add(box, x, 1);
  far.add(box, x, 1);
  far.add(box, y, 1);
  far.add(other, x, 5);
  assert.deepEqual([...far.meetingPoints()], []);
  far.add(box, z, 0.5);
  assert.deepEqual([...far.meetingPoints()], [[box, 3.5]]);
});

test('each box counts its children holding text, and the wrapper check reads no child list', () => {
  const empties = '<img src="x.png"><span class="icon"></span><a name="top"></a>'.repeat(50);
  const { doc } = parsePage(`<div id="w">${empties}<div id="a"><p>text</p></div>${empties}</div><div id="v">${empties}<div id="b"><p>text</p></div><p>more</p></div>`);
  const { stats, order } = computeStats(removeJunk(doc));
  const [w, a, v, b] = ['w', 'a', 'v', 'b'].map((id) => byId(order, id));
  assert.equal(stats.get(w)?.textChildren, 1);
  assert.equal(stats.get(v)?.textChildren, 2);
  // Constant time per step: the parent's children are not scanned (a wide parent of empty icons costs nothing).
  for (const parent of [w, v]) Object.defineProperty(parent, 'children', { get: () => assert.fail('scanned the children') });
  assert.equal(onlyTextChild(w, a, stats), true);
  assert.equal(onlyTextChild(v, b, stats), false);
});

test('a far meeting point counts only when it holds the box that scored highest within the reach', () => {
  const { doc } = parsePage('<div id="outer"><div id="top"><p>x</p></div></div><div id="aside"><p>y</p></div>');
  const order = removeJunk(doc);
  const [outer, top, aside] = ['outer', 'top', 'aside'].map((id) => byId(order, id));
  assert.equal(holds(outer, top), true);
  assert.equal(holds(top, top), true);
  assert.equal(holds(aside, top), false);
  assert.equal(holds(outer, undefined), false);
});

const sentence = (tag: string, n: number): string => `${tag} ${n}: the council said on Tuesday that the plan would fund schools, roads and parks. Residents raised concerns about taxes. `;
/** Reader comments four wrappers deep in a list whose names say nothing (not "comment"), poster in <strong>. */
const deepThread = (k: number): string =>
  `<section class="kommentare"><h2>${k} Kommentare</h2><div id="list" class="kommentare-list">${Array.from({ length: k }, (_, i) => `<div class="kommentar"><div class="w0"><div class="w1"><div class="w2"><div class="meta"><strong>leser${i}</strong> schrieb am 03.05.2024</div><div class="txt"><p>${sentence('KOM', i)}${sentence('KOM', i)}</p></div></div></div></div></div>`).join('')}</div></section>`;
const flatArticle = (n: number): string => `<article><h1>Stadtrat</h1><div id="text">${Array.from({ length: n }, (_, i) => `<p>${sentence('ART', i)}${sentence('ART', i)}</p>`).join('')}</div></article>`;

test('a long thread of deeply wrapped comments beside a flat article does not outscore it; builder parts still meet', () => {
  const { doc } = parsePage(`<html><body><div id="col">${flatArticle(6)}${deepThread(100)}</div></body></html>`);
  const { stats, order } = computeStats(removeJunk(doc));
  const scores = scoreCandidates(order, stats);
  assert.equal(pickTopCandidate(scores), byId(order, 'text'));
  // The article itself in page-builder parts, six deep each: their meeting point holds the top box and scores.
  const part = (n: number): string => `<section><div><div><div><div><div class="inner"><p>${sentence('ART', n)}${sentence('ART', n)}</p></div></div></div></div></div></section>`;
  const built = parsePage(`<html><body><div id="post">${[1, 2, 3, 4].map(part).join('')}</div><div id="foot"><p>${sentence('FOOT', 0)}</p></div></body></html>`);
  const b = computeStats(removeJunk(built.doc));
  assert.equal(pickTopCandidate(scoreCandidates(b.order, b.stats)), byId(b.order, 'post'));
});
