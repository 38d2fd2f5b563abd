/**
 * Pop-up text inside the article's sentences (issue 12): a tooltip's note is not part of the sentence it sits in.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { enParagraphs, extractFrom } from './helpers.js';

const head = '<title>Are AI evangelists in heat?</title>';
const h1 = '<h1>Are AI evangelists in heat?</h1>';

test("a footnote's note set inline as a tooltip (role=tooltip) is left out of its sentence", () => {
  // The shape of a WordPress footnotes plugin: the marker links to a note laid out right after it as a tooltip.
  const para =
    '<p>There are so many serious concerns already, and new ones seem to keep flaring up every week.<sup class="modern-footnotes-footnote" data-mfn="1"><a href="javascript:void(0)" role="button" aria-describedby="mfn-content-1">1</a></sup>' +
    '<span id="mfn-content-1" role="tooltip" class="modern-footnotes-footnote__note" tabindex="0">I started writing this post in response to one big flare-up, and now we are in the middle of another.</span>' +
    ' And these are not vague or subtle concerns that require long-term foresight to notice at all.</p>';
  const a = extractFrom(`${h1}<main><article>${enParagraphs(2)}${para}${enParagraphs(2)}</article></main>`, { head });
  assert.ok(!a.body.includes('I started writing this post'), a.body);
  assert.match(a.body, /flaring up every week\.1? ?And these are not vague/);
});
