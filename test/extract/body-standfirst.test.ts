/**
 * The standfirst in the article's header, outside the body's column (issue 12, European news layouts: WAZ-, BR-,
 * Le Monde-style headers): the lead paragraph under the headline opens the article on a page whose language prints
 * it as the story's first paragraph; a box of the page far from the article, a caption, or an English dek is not taken.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractArticle } from '../../src/extract/index.js';

const TITLE = 'Neue Radwege für die Innenstadt beschlossen';
const PARAS = [
  'Der Stadtrat hat am Dienstagabend mit großer Mehrheit beschlossen, bis zum Jahr 2027 insgesamt zwölf Kilometer neue Radwege anzulegen.',
  'Die Verwaltung soll dafür zunächst die Hauptachsen zwischen Bahnhof, Universität und Altstadt untersuchen und einen Zeitplan vorlegen.',
  'Kritik kam von den Händlern in der Fußgängerzone, die um Parkplätze fürchten und eine frühzeitige Beteiligung fordern.',
  'Der Oberbürgermeister kündigte an, die Anwohner im Frühjahr zu mehreren Informationsabenden in die Stadtteile einzuladen.',
].map((p) => `<p>${p}</p>`).join('');
const LEAD = 'Zwölf Kilometer neue Radwege sollen in den nächsten Jahren entstehen. Doch nicht alle sind mit den Plänen der Stadt zufrieden.';

function page(lang: string, article: string, extra = ''): string {
  return `<!DOCTYPE html><html lang="${lang}"><head><title>${TITLE}</title></head><body><nav><a href="/">Start</a> <a href="/lokales">Lokales</a></nav>${extra}<main>${article}</main><footer><p>© Beispielverlag</p></footer></body></html>`;
}

const header = (lead: string) => `<header><h1>${TITLE}</h1><div class="intro"><span>${lead}</span></div><figure><img src="/a.jpg"><figcaption>Foto: Max Muster</figcaption></figure><p class="byline">Von Anna Beispiel</p></header>`;

test('the lead paragraph in the article header, a sibling of the body column, opens the body', () => {
  const a = extractArticle(page('de-DE', `<article>${header(LEAD)}<div class="article-body">${PARAS}</div></article>`), { url: 'https://news.example.de/a/1.html' });
  assert.ok(a.body.startsWith('Zwölf Kilometer neue Radwege'), a.body);
  assert.match(a.body, /Der Stadtrat hat am Dienstagabend/);
  assert.equal(a.body.split('Zwölf Kilometer').length, 2, 'once only');
});

test('prose of another box ahead of the article, or an English dek, does not join', () => {
  const box = `<div class="promo"><h2>Unser Newsletter</h2><p>${LEAD}</p></div>`;
  const promo = extractArticle(page('de', `<div class="teaser-rail">${'<p>x</p>'.repeat(1)}${'<span>Mehr Nachrichten aus der Region lesen Sie auf unserer Startseite und in der App.</span>'.repeat(8)}</div>${box}<article><h1>${TITLE}</h1><div class="article-body">${PARAS}</div></article>`), { url: 'https://news.example.de/a/1.html' });
  assert.ok(!promo.body.includes('Zwölf Kilometer'), promo.body);
  const en = extractArticle(page('en-GB', `<article>${header(LEAD)}<div class="article-body">${PARAS}</div></article>`), { url: 'https://news.example.com/a/1.html' });
  assert.ok(!en.body.includes('Zwölf Kilometer'), en.body);
  // Nor a headline-less wrapper's paragraph (a sidebar's text above the column).
  const noHeadline = extractArticle(page('de', `<div class="wrap"><div class="side"><p>${LEAD}</p></div><div class="article-body">${PARAS}</div></div>`), { url: 'https://news.example.de/a/1.html' });
  assert.ok(!noHeadline.body.includes('Zwölf Kilometer'), noHeadline.body);
});
