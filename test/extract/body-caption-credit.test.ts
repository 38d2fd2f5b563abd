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

// Review of the rule (C1–C4).
test('a gallery of credited captions keeps its captions (C1)', () => {
  const caps = [
    'Tausende Besucher feierten am Samstag bei bestem Wetter auf dem Marktplatz das traditionelle Stadtfest. Foto: Max Muster',
    'Auf der Hauptbühne spielte am Abend die Band „Die Lokalhelden“ vor vollem Platz. Foto: Max Muster',
    'Für die Kinder gab es ein Karussell und eine Hüpfburg am Rathaus. Foto: Anna Beispiel',
    'Zum Abschluss erleuchtete ein Feuerwerk den Himmel über der Altstadt. Foto: Anna Beispiel',
  ];
  const a = extractFrom(`<h1>Bilder vom Stadtfest 2024</h1><article>${caps.map((c) => `<img src=x.jpg><p>${c}</p>`).join('\n')}</article>`, { head: '<title>Bilder vom Stadtfest 2024</title>' });
  for (const c of caps) assert.ok(a.body.includes(c.slice(0, 40)), a.body);
});

test('prose closing on a credit outside a caption place, stay (C2, C3)', () => {
  const kept = [
    'Die Polizei sucht nun Zeugen, die am Montagabend verdächtige Personen am Schlachthof gesehen haben. Hinweise nimmt jede Dienststelle entgegen. Foto: Archiv',
    'Der Fotograf Max Muster hat den Betrieb ein Jahr lang begleitet; seine Bilder sind ab Mai im Stadtmuseum zu sehen. Fotos: Max Muster',
    'Und dann war da noch die Sache mit dem Copyright © Disney',
  ];
  for (const k of kept) {
    const a = extractFrom(`${h1}<article>${P[0]}<p>${k}</p>${P[1]}${P[2]}</article>`, { head });
    assert.ok(a.body.includes(k.slice(0, 40)), `${k}\n---\n${a.body}`);
  }
});

test('credits versus sentences and data sources (C3, C4)', () => {
  for (const line of ["Credit: Moody's downgrades three regional banks", 'Photos: What we saw at the fashion show this weekend', 'Zum Schluss noch ein Tipp von unserem Fotografen. Foto: Blende 8 und Sonne im Rücken', 'Los datos del paro confirman la tendencia. Fuente: INE']) {
    assert.ok(!isCreditedCaption(line), line);
  }
  for (const line of ['Photo: AP Photo/J. Scott Applewhite', 'Foto: Max M. Muster', 'Photo credit: Jane Doe', 'Imagen: EFE', 'Foto: picture alliance/dpa']) {
    assert.ok(isCreditedCaption(line, true), line);
  }
  // A caption's text before the credit: only in a caption's place, never as a line alone.
  assert.ok(isCreditedCaption('The minister in Brussels. Photograph: Jane Doe/AP'));
  assert.ok(!isCreditedCaption('The minister in Brussels. Photograph: Jane Doe/AP', true));
});

test('right after a picture, a one-sentence caption with its credit goes; a report paragraph of several sentences stays', () => {
  const report = 'Die Polizei sucht nun Zeugen, die am Montagabend verdächtige Personen am Schlachthof gesehen haben. Hinweise nimmt jede Dienststelle entgegen. Foto: Archiv';
  const caption = 'Der Geschäftsführer in der Schlachthalle in Schmalkalden. Bildrechte: MDR/David Straub';
  const a = extractFrom(`${h1}<article>${P[0]}<img src="/a.jpg"><p>${report}</p>${P[1]}<img src="/b.jpg"><p>${caption}</p>${P[2]}</article>`, { head });
  assert.ok(a.body.includes('Die Polizei sucht nun Zeugen'), a.body);
  assert.ok(!a.body.includes('Bildrechte'), a.body);
});
