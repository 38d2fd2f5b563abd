import { test } from 'node:test';
import assert from 'node:assert/strict';
import { enParagraphs, extractFrom, zhParagraphs } from './helpers.js';

test('a bold phrase opening the title\'s wording is not a part of the title: a bare space is no separator', () => {
  // "Best Travel Insurance for Seniors" ends at a space inside "… for Seniors in 2025": no segment of it.
  const body = `<h1>Top Travel Insurance Picks for Seniors in 2025</h1>${enParagraphs(2)}
    <p><strong>Best Travel Insurance for Seniors</strong> compared by price and cover.</p>${enParagraphs(2)}`;
  const a = extractFrom(body, { head: '<title>Best Travel Insurance for Seniors in 2025 | Example Cover</title>' });
  assert.equal(a.title, 'Top Travel Insurance Picks for Seniors in 2025');
});

test('a section heading repeating the start of the title loses to the reworded h1 above it', () => {
  const body = `<h1>Bus routes: Council adds twelve lines to the downtown network</h1>${enParagraphs(2)}
    <h3><strong>Council expands bus network</strong></h3>${enParagraphs(2)}`;
  const a = extractFrom(body, { head: '<title>Council expands bus network downtown with twelve new lines - Example News</title>' });
  assert.equal(a.title, 'Bus routes: Council adds twelve lines to the downtown network');
});

test('a Chinese headline before a space-separated site name is still matched', () => {
  const a = extractFrom(`<div class="title">市区新开12条公交线路</div>${zhParagraphs()}`, { head: '<title>市区新开12条公交线路 某某新闻网</title>' });
  assert.equal(a.title, '市区新开12条公交线路');
});
