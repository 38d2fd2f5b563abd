/** UTF-8 text saved through a Windows-1252 decode ("isnâ€™t"): read back as UTF-8; real Latin text untouched. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { repairMojibake } from '../../src/extract/mojibake.js';
import { enParagraphs, extractFrom } from './helpers.js';

test('runs of UTF-8 bytes shown as Windows-1252 characters are repaired', () => {
  assert.equal(repairMojibake('AI isnâ€™t just changing SEO'), 'AI isn’t just changing SEO');
  assert.equal(repairMojibake('â€œdeclutterâ€\u009d'), '“declutter”');
  assert.equal(repairMojibake('cafÃ© au lait â€” 3Â\u00a0km'), 'café au lait — 3\u00a0km');
});

test('ordinary Latin text and incomplete sequences are left alone', () => {
  for (const t of ['SÃO PAULO', 'São Paulo, naïve, Ich heiße «Max»', 'Â price', 'Ã', 'plain ASCII']) assert.equal(repairMojibake(t), t);
});

test('the body and title of a page with entity-escaped mojibake read as intended', () => {
  const html = `<h1>Why AI isn&acirc;&euro;&trade;t magic</h1><article><div class="entry-content"><p>Search isn&acirc;&euro;&trade;t what it was: &acirc;&euro;&oelig;answers&acirc;&euro;&#157; now come first, and sites that once ranked well see fewer visits every month.</p>${enParagraphs(3)}</div></article>`;
  const a = extractFrom(html, { head: '<title>Why AI isn&acirc;&euro;&trade;t magic</title>' });
  assert.equal(a.title, 'Why AI isn’t magic');
  assert.match(a.body, /Search isn’t what it was: “answers” now come first/);
});
