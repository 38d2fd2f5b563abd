/** Parsing and tree walks (src/extract/dom.ts). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { elementsIn, MAX_DEPTH, parsePage, textContent } from '../../src/extract/dom.js';

test("parsePage lists the page's elements in pre-order, as elementsIn does", () => {
  const page = parsePage('<html><head><title>T</title></head><body><div id="a"><p id="b">one <a id="c" href="/x">two</a></p><ul id="d"><li id="e">x</li></ul></div><p id="f">z</p></body></html>');
  assert.deepEqual(page.elements, elementsIn(page.doc));
  assert.deepEqual(
    page.elements.map((el) => el.attribs.id ?? el.name),
    ['html', 'head', 'title', 'body', 'a', 'b', 'c', 'd', 'e', 'f'],
  );
});

test('a subtree nested past MAX_DEPTH is flattened to its text and listed down to the flattened element', () => {
  const depth = MAX_DEPTH + 20;
  const html = `<body>${'<div>'.repeat(depth)}<p>deep <b>text</b></p>${'</div>'.repeat(depth)}<p id="after">after</p></body>`;
  const page = parsePage(html);
  assert.match(page.warnings.join('\n'), /1 subtree\(s\) nested deeper than 200 were flattened/);
  assert.deepEqual(page.elements, elementsIn(page.doc));
  assert.equal(page.elements.at(-1)?.attribs.id, 'after');
  // html (depth 1), body (2) and the divs down to the flattened one at MAX_DEPTH, whose text is all that is left of
  // its subtree; then the paragraph after.
  const flattened = page.elements.at(-2)!;
  assert.equal(page.elements.length, MAX_DEPTH + 1);
  assert.equal(flattened.children.length, 1);
  assert.equal(textContent(flattened), 'deep text');
});
