/**
 * A byline element's opening word in other languages ("Von dpa", "Von BR24 Redaktion") is no part of the name, and
 * the word alone names nobody (issue 12, `--perturb bare`: pages without metadata fell back to such elements).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withoutBylineWord } from '../../src/extract/people-names.js';
import { cleanPersonName } from '../../src/extract/byline.js';
import { extractFrom } from './helpers.js';

const de = [
  'Der Stadtrat hat am Dienstag beschlossen, das Busnetz in der Innenstadt um zwölf neue Linien zu erweitern, die Wohngebiete mit dem Geschäftsviertel verbinden.',
  'Die neuen Linien sollen mit Elektrobussen betrieben werden, in der Hauptverkehrszeit alle zehn Minuten und sonst alle zwanzig Minuten.',
  'Fahrgäste können die Ankunftszeiten in der App abrufen, die Preise bleiben nach Angaben des Verkehrsamts unverändert.',
  'Einige Linien sollen zudem später am Abend fahren, um Schichtarbeiter zu bedienen, was Händler seit Jahren gefordert hatten.',
].map((p) => `<p>${p}</p>`).join('');
const page = (byline: string): string =>
  `<div class="k0"><h1>Stadtrat erweitert das Busnetz</h1><div class="k1"><span class="article-heading__author">${byline}</span> <span>30.04.2024, 18:58</span></div>${de}</div>`;
const opts = { head: '<title>Stadtrat erweitert das Busnetz | Beispiel Zeitung</title><html lang="de">', url: 'https://www.beispiel-zeitung.de/a/1' };

test('the opening word of a byline element is dropped from its name', () => {
  assert.equal(extractFrom(page('Von dpa'), opts).author, 'dpa');
  assert.equal(extractFrom(page('Von BR24 Redaktion'), opts).author, 'BR24 Redaktion');
  assert.equal(withoutBylineWord('Por Lorenzo Marina'), 'Lorenzo Marina');
  assert.equal(withoutBylineWord('Av Amanda Hällsten'), 'Amanda Hällsten');
  // The word alone names nobody.
  assert.equal(withoutBylineWord('von'), undefined);
  // A name that begins with the word keeps it.
  assert.equal(withoutBylineWord('Von der Leyen'), 'Von der Leyen');
  assert.equal(withoutBylineWord('Von Miller'), 'Von Miller');
});

test('an agency credited after the opening word keeps the credit, as dpa does', () => {
  for (const [byline, agency] of [['Par AFP', 'AFP'], ['Von AFP', 'AFP'], ['Por AP', 'AP'], ['Von AP', 'AP'], ['Por EFE', 'EFE']]) {
    assert.equal(extractFrom(page(byline), opts).author, agency, byline);
    // The metadata's author the same way.
    const head = `${opts.head}<meta name="author" content="${byline}">`;
    assert.equal(extractFrom(page(''), { ...opts, head }).author, agency, `meta ${byline}`);
  }
});

test("a name that opens with the byline's word keeps it: particles, and one surname alone before a list or suffix", () => {
  for (const name of ['von zur Gathen', 'Von zu Guttenberg', 'Von Diaz and Jane Doe', 'von Bredow, Rafaela', 'Von Miller Jr.', 'Von Hammerstein-Equord']) assert.equal(withoutBylineWord(name), name);
  const head = `${opts.head}<meta name="author" content="von zur Gathen">`;
  assert.equal(extractFrom(page(''), { ...opts, head }).author, 'von zur Gathen');
  // Full names after the word are the byline's names; an initialism is an agency, not a surname.
  assert.equal(withoutBylineWord('Von Anna Müller und Jan Schmidt'), 'Anna Müller und Jan Schmidt');
  assert.equal(withoutBylineWord('Par Jean Dupont, Marie Curie'), 'Jean Dupont, Marie Curie');
  assert.equal(withoutBylineWord('Von KNA und dpa'), 'KNA und dpa');
  assert.equal(withoutBylineWord('Von dpa/AFP'), 'dpa/AFP');
});

test('a name that begins with the letters "by" is not read as the byline word', () => {
  assert.equal(cleanPersonName('Byron Smith'), 'Byron Smith');
  assert.equal(cleanPersonName('By Byron Smith'), 'Byron Smith');
  assert.equal(cleanPersonName('By: Jane Doe'), 'Jane Doe');
  assert.equal(cleanPersonName('by:Jane Doe'), 'Jane Doe');
  const en = `<article><h1>Council expands bus network</h1><p>October 8, 2023</p>${de}</article>`;
  const title = '<title>Council expands bus network - Example News</title>';
  assert.equal(extractFrom(en, { head: `${title}<meta name="author" content="Byron Smith">` }).author, 'Byron Smith');
  const ld = `${title}<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Council expands bus network","author":{"@type":"Person","name":"Byron Smith"}}</script>`;
  assert.equal(extractFrom(en, { head: ld }).author, 'Byron Smith');
});
