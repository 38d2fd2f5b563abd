/**
 * General mechanisms found on non-English, non-Chinese news pages (corpus/multi dev split, issue 12), each on a
 * small synthetic page.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { enParagraphs, extractFrom } from './helpers.js';

test('a React streamed Suspense boundary (<div hidden id="S:0">) is read; other hidden boxes are not', () => {
  const a = extractFrom(
    `<div hidden=""><template id="B:0"></template></div><h1>Council expands bus network</h1>` +
      `<div hidden id="S:0">${enParagraphs(3)}</div><script>$RC("B:0","S:0")</script>` +
      `<div hidden id="menu"><p>Secret menu text that is never shown to readers of this page at all, whatever the script does.</p></div>`,
  );
  assert.match(a.body, /twelve new routes/);
  assert.doesNotMatch(a.body, /Secret menu/);
});
