/** body-reach: wrappers that add no level, and boxes scoring past the reach only where several parts meet. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FarReach, onlyTextChild } from '../../src/extract/body-reach.js';
import { computeStats } from '../../src/extract/body-score.js';
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
