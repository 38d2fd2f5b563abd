/**
 * The byline and dateline lines under a standfirst (issue 12, European news layouts): the standfirst starts the
 * article, so the pre-start info-line rule no longer covers the "Von …" and "Publiziert: …" lines after it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractFrom } from './helpers.js';
import { isOpeningMetaLine } from '../../src/extract/body-edges.js';

const head = '<title>Einschlag in Elmshorn: Es war ein Meteorit</title>';
const h1 = '<h1>Einschlag in Elmshorn: Es war ein Meteorit</h1>';
const TEXT = [
  'Große Aufregung am Dienstagnachmittag in Elmshorn: Dort hatten Anwohner einen lauten Knall gehört, kurz darauf war ein Loch im Dach.',
  'Zwei Tage später stellt sich die Lage nun ganz anders dar: Es handelt sich nach Meinung von Astronomen offenbar um einen Meteoriten.',
  'Das Videomaterial aus einer Beobachtungsstation soll nun ausgewertet werden, um die Flugbahn des Steins genauer zu bestimmen.',
].map((p) => `<p>${p}</p>`).join('');
const LEDE = '<p>Vor wenigen Tagen berichteten Anwohner in Elmshorn von einem Knall - das Dach eines Hauses wurde durchschlagen.</p>';

test('a "von …" byline and a labelled dateline under the standfirst are left out; the standfirst stays', () => {
  const a = extractFrom(`${h1}<main><article>${LEDE}<p>von Oliver Kring</p><p>Publiziert: 28.04.2023, 11:16</p>${TEXT}</article></main>`, { head });
  assert.match(a.body, /^Vor wenigen Tagen berichteten Anwohner/);
  assert.ok(!a.body.includes('von Oliver Kring'), a.body);
  assert.ok(!a.body.includes('Publiziert'), a.body);
  assert.match(a.body, /Große Aufregung am Dienstagnachmittag/);
});

test('opening meta lines: bylines and datelines in several languages, not sentences or figures', () => {
  for (const line of ['Von: Simone Jung', 'von Engin Haupt, MDR SACHSEN-ANHALT', 'di Viviana Mazza', 'By Jane Doe and John Roe', 'Uppdaterad 15.59 | Publicerad 14.14', 'Freitag, 28.04.2023, 19:25', '25.10.2025 - 15:26 Uhr', '11.07.2026, 09:30 UhrStuttgart', 'Publikacja: 02.02.2025 21:52']) {
    assert.ok(isOpeningMetaLine(line), line);
  }
  for (const line of ['By the time the vote came, the hall was empty.', 'Von Kiew bis Charkiw: Angriffe in der Nacht', '沪指跌了28.63%', '发布于 2023-07-06 23:12', 'De Gaulle airport reopens', 'Stand der Ermittlungen am 28.04.2023: Die Polizei sucht Zeugen und wertet Videos aus.']) {
    assert.ok(!isOpeningMetaLine(line), line);
  }
});

test('the credits closing an article (desk, fact-check, agency, translator) are left out; a sentence about sources stays', () => {
  const credits = '<p>Redaktion: Marcus Bensmann, Elena Müller</p><p>Faktencheck: Marcus Bensmann</p><p>Quelle: sid/dpa</p>';
  const a = extractFrom(`${h1}<main><article>${TEXT}${credits}</article></main>`, { head });
  assert.match(a.body, /Flugbahn des Steins genauer zu bestimmen\.$/);
  for (const line of ['Redaktion:', 'Faktencheck:', 'Quelle: sid/dpa']) assert.ok(!a.body.includes(line), a.body);
  // A closing sentence that names its sources is the article's.
  const close = '<p>Quellen der Polizei zufolge wurde niemand verletzt, das Haus ist aber vorerst nicht bewohnbar.</p>';
  const b = extractFrom(`${h1}<main><article>${TEXT}${close}</article></main>`, { head });
  assert.match(b.body, /Quellen der Polizei zufolge/);
});

test("a paywall's count of what is left to read is left out; a sentence giving a share of an article stays", () => {
  const a = extractFrom(`${h1}<main><article>${TEXT}<p>Il vous reste 57.09% de cet article à lire. La suite est réservée aux abonnés.</p></article></main>`, { head });
  assert.ok(!a.body.includes('Il vous reste'), a.body);
  const b = extractFrom(`${h1}<main><article>${TEXT}<p>Nach Angaben des Verlags lesen die meisten Nutzer im Schnitt nur etwa die Hälfte eines Textes, bevor sie weiterklicken.</p></article></main>`, { head });
  assert.match(b.body, /etwa die Hälfte eines Textes/);
});

test("video-player and ad-slot labels in the column are left out; a sentence that begins like one stays", () => {
  const labels = '<p>Video Unavailable</p><p>Click to playTap to play</p><p>Article continues below</p><p>Add as preferred source</p>';
  const a = extractFrom(`${h1}<main><article>${TEXT.slice(0, 200)}${labels}${TEXT}</article></main>`, { head });
  for (const line of ['Video Unavailable', 'Click to play', 'Article continues below', 'preferred source']) assert.ok(!a.body.includes(line), a.body);
  const b = extractFrom(`${h1}<main><article>${TEXT}<p>Play now or pay later: the council's budget fight over the new stadium is far from settled.</p></article></main>`, { head });
  assert.match(b.body, /Play now or pay later/);
});
