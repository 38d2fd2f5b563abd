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

// Review of the rule (S1–S7): a paragraph between the headline and the body in a box of another kind is not the lead.
const boxPage = (lang: string, x: string, title = TITLE, body = PARAS) =>
  `<!DOCTYPE html><html lang="${lang}"><head><title>${title}</title></head><body><nav><a href="/">Start</a></nav><main><article><h1>${title}</h1>${x}<div class="article-body">${body}</div></article></main><footer><p>© Verlag</p></footer></body></html>`;

test('a box between the headline and the body (newsletter, bio, cookies, related story, site notice) does not open the body', () => {
  const boxes: [string, string, string][] = [
    ['de', '<div class="nl"><p>Melden Sie sich jetzt für unseren kostenlosen Newsletter an und erhalten Sie jeden Morgen die wichtigsten Nachrichten.</p><input type=email><button>Abonnieren</button></div>', 'Newsletter'],
    ['de', '<div class="author"><img src=a.jpg><p>Anna Beispiel ist Redakteurin im Ressort Lokales und schreibt seit 2015 über Verkehr und Stadtentwicklung.</p></div>', 'Redakteurin'],
    ['fr', '<div class="consent"><p>Nous utilisons des cookies pour améliorer votre expérience. En poursuivant votre navigation, vous acceptez leur utilisation.</p></div>', 'cookies'],
    ['de', '<div class="related"><h3><a href=/x>Auch interessant: Neue Busse</a></h3><p>Die Stadt schafft zwanzig neue Elektrobusse an, die ab Herbst auf den wichtigsten Linien fahren sollen.</p></div>', 'Elektrobusse'],
    ['zh-CN', '<div class="info">2024-05-01 10:00 来源：本网</div><div class="tip"><p>温馨提示：本网站已启用适老化浏览模式，如需切换请点击页面右上角的按钮，感谢您的理解与支持。</p></div>', '温馨提示'],
    // A teaser-named box with its own title: another story's teaser, not this one's.
    ['de', '<div class="teaser"><h3><a href=/x>Neue Busse</a></h3><p>Die Stadt schafft zwanzig neue Elektrobusse an, die ab Herbst auf den wichtigsten Linien fahren sollen.</p></div>', 'teaser'],
    // A lead-like class word inside another box's name ("sidebar-intro") does not make it a lead.
    ['es', '<div class="sidebar-intro"><p>Hola, soy Marta. Escribo sobre viajes, cocina y fotografía desde mi casa en Valencia. ¡Bienvenidos!</p></div>', 'Marta'],
  ];
  for (const [lang, x, word] of boxes) {
    const a = extractArticle(boxPage(lang, x), { url: 'https://news.example.de/a/1.html' });
    assert.ok(a.body.startsWith('Der Stadtrat hat'), `${word}: ${a.body.slice(0, 120)}`);
  }
  const forum = `<!DOCTYPE html><html lang="de"><head><title>Radwege Innenstadt</title></head><body><div id=forum><h1>Forum: Verkehr</h1><table><tr><td><h2>Radwege Innenstadt</h2></td></tr></table><div class=rules><p>Bitte beachtet die Forenregeln: keine Beleidigungen, keine Werbung und bleibt beim Thema des jeweiligen Threads.</p></div><div class=post>${PARAS}</div></div></body></html>`;
  const f = extractArticle(forum, { url: 'https://forum.example.de/t/1' });
  assert.ok(!f.body.includes('Forenregeln'), f.body);
});

test('an unmarked paragraph is not a lead; the page description marks one (past a dateline)', () => {
  const plain = extractArticle(boxPage('de', `<div class="sc-1x9 kDOlXE"><p>${LEAD}</p></div>`), { url: 'https://news.example.de/a/1.html' });
  assert.ok(!plain.body.includes('Zwölf Kilometer'), plain.body);
  const withDesc = boxPage('de', `<div class="sc-1x9 kDOlXE"><p>Berlin. ${LEAD}</p></div>`).replace('</title>', `</title><meta property="og:description" content="${LEAD.slice(0, 90)}…">`);
  const d = extractArticle(withDesc, { url: 'https://news.example.de/a/1.html' });
  assert.ok(d.body.startsWith('Berlin. Zwölf Kilometer'), d.body);
});

test('a lead repeating the first body paragraph up to invisible characters or quotes is not doubled (S8)', () => {
  const first = 'Der Stadtrat hat am Dienstagabend mit großer Mehrheit beschlossen, bis zum Jahr 2027 insgesamt zwölf Kilometer neue Radwege anzulegen.';
  for (const dek of [first.replace('Stadtrat', 'Stadt&shy;rat'), first.replace('Stadtrat', 'Stadt&#8203;rat'), first.replace('Der Stadtrat', 'Der „Stadtrat“'), first.replace(', bis zum Jahr 2027', '')]) {
    const html = `<!DOCTYPE html><html lang="de"><head><title>${TITLE}</title></head><body><main><article><header><h1>${TITLE}</h1><p class="lead">${dek}</p><p class="byline">Von Anna Beispiel</p></header><div class="article-body">${PARAS}</div></article></main></body></html>`;
    const a = extractArticle(html, { url: 'https://news.example.de/a/1.html' });
    assert.equal(a.body.split('Dienstagabend').length, 2, a.body);
  }
});

test('English declared as en_US or eng is English (S9)', () => {
  for (const lang of ['en_US', 'eng']) {
    const a = extractArticle(page(lang, `<article>${header(LEAD)}<div class="article-body">${PARAS}</div></article>`), { url: 'https://news.example.com/a/1.html' });
    assert.ok(!a.body.includes('Zwölf Kilometer'), `${lang}: ${a.body}`);
  }
});
