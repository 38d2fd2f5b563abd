/**
 * The headline repeated at the top of the chosen container with its kicker or the site's name run into it
 * (issue 12, public-broadcaster layouts): the line goes, and so does the dated "Stand: …" line under it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractFrom } from './helpers.js';

const PARAS = [
  'Der FC Liverpool hat im Kampf um die englische Meisterschaft einen schweren Rückschlag erlitten und beim Stadtrivalen verloren.',
  'Die Mannschaft von Trainer Jürgen Klopp unterlag am Mittwochabend im Goodison Park mit 0:2 und verpasste damit den Sprung an die Spitze.',
  'Jarrad Branthwaite brachte die Gastgeber in der ersten Halbzeit nach einer Ecke in Führung, Dominic Calvert-Lewin erhöhte nach der Pause.',
  'Liverpool hat bei noch vier ausstehenden Spielen drei Punkte Rückstand auf den Tabellenführer und zudem das schlechtere Torverhältnis.',
].map((p) => `<p>${p}</p>`).join('');

test('a headline line carrying its kicker, and the dateline under it, are left out of the body', () => {
  const head = '<title>Rückschlag im Titelkampf - Liverpool verliert bei Everton</title><meta property="og:title" content="Rückschlag im Titelkampf - Liverpool verliert bei Everton">';
  const h1 = '<h1><span class="seitenkopf__topline">Premier League</span> <span class="seitenkopf__headline--text">Rückschlag im Titelkampf - Liverpool verliert bei Everton</span></h1>';
  const a = extractFrom(`<main><article>${h1}<p class="metatextline">Stand: 24.04.2024 22:58 Uhr</p>${PARAS}</article></main>`, { head });
  assert.ok(!a.body.includes('Premier League'), a.body);
  assert.ok(!a.body.includes('Stand: 24.04.2024'), a.body);
  assert.match(a.body, /^Der FC Liverpool hat im Kampf/);
});

test("the headline with the site's name after it goes too", () => {
  const head = '<title>Feuerwehrleute sollen später in Pension</title>';
  const a = extractFrom(`<main><article><h2>Feuerwehrleute sollen später in Pension | wdr aktuell</h2><p>Stand: 22.04.2024, 06:00 Uhr</p>${PARAS}</article></main>`, { head });
  assert.ok(!a.body.includes('wdr aktuell'), a.body);
  assert.ok(!a.body.includes('Stand: 22.04.2024'), a.body);
  assert.match(a.body, /^Der FC Liverpool hat im Kampf/);
});
