/**
 * A picture's caption kept as a text line and closing on its credit (issue 12: "… Bildrechte: MDR/…", "… © Gemeinde
 * …", "Foto: REUTERS/…") is left out of the body; a sentence of the report mentioning a photo or a copyright stays.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractFrom } from './helpers.js';
import { isCreditedCaption } from '../../src/extract/body-credits.js';

const head = '<title>Schlachthof in Schmalkalden kämpft ums Überleben</title>';
const h1 = '<h1>Schlachthof in Schmalkalden kämpft ums Überleben</h1>';
const P = [
  'Beim Fleischkonsum gehört Thüringen zu den Spitzenreitern, doch geschlachtet werden im Freistaat immer weniger Tiere.',
  'Der Geschäftsführer des Betriebs sagt, die Kosten für Energie und Personal seien in den letzten Jahren stark gestiegen.',
  'Ausschlaggebend für die Zukunft wird sein, ob sich genügend Fachkräfte für die Arbeit in der Schlachthalle finden lassen.',
].map((p) => `<p>${p}</p>`);

test('caption lines closing on a picture credit are left out, in the column between paragraphs', () => {
  const caps = ['<div class="cap">Viele Hände arbeiten in der Schlachthalle daran, die Tiere zu verarbeiten. Bildrechte: MDR/David Straub</div>', '<div class="cap">Das Wohnheim in Nußdorf-Debant © Gemeinde Nußdorf-Debant</div>'];
  const a = extractFrom(`${h1}<article>${P[0]}${caps[0]}${P[1]}${caps[1]}${P[2]}</article>`, { head });
  assert.ok(!a.body.includes('Bildrechte'), a.body);
  assert.ok(!a.body.includes('© Gemeinde'), a.body);
  assert.match(a.body, /Fachkräfte für die Arbeit/);
});

test('credited captions versus sentences', () => {
  for (const line of ['Foto: REUTERS/Nadja Wohlleben', 'Chef Holland-Moritz (r.) berät sich mit einem Kontrolleur. Bildrechte: MDR/David Straub', 'The crowd outside the court on Monday. Photo: Jane Doe/AP', 'installation views, photos © Inexhibit, 2018']) {
    assert.ok(isCreditedCaption(line), line);
  }
  for (const line of ['Der Fotograf sagte: Das Bild zeigt die Halle.', 'Credit: the bank cut its rates.', 'Photography courses at the local college start in May.', 'The company holds the © for the logo and sued.']) {
    assert.ok(!isCreditedCaption(line), line);
  }
});
