/**
 * General mechanisms found on non-English, non-Chinese news pages (corpus/multi dev split, issue 12), each on a
 * small synthetic page.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { otherLanguageByline } from '../../src/extract/byline.js';
import { parseDateText } from '../../src/extract/dates.js';
import { extractArticle } from '../../src/extract/index.js';
import { isAcceptableAuthor } from '../../src/extract/people-names.js';
import { tidyTitle } from '../../src/extract/title-text.js';
import { enParagraphs, extractFrom } from './helpers.js';

test('a React streamed Suspense boundary (<div hidden id="S:0">) is read; other hidden boxes are not', () => {
  const a = extractFrom(
    `<div hidden=""><template id="B:0"></template></div><h1>Council expands bus network</h1>` +
      `<div hidden id="S:0">${enParagraphs(3)}</div><script>$RC("B:0","S:0")</script>` +
      `<div hidden id="menu"><p>Secret menu text that is never shown to readers of this page at all, whatever the script does.</p></div>`,
  );
  assert.match(a.body, /twelve new routes/);
  assert.doesNotMatch(a.body, /Secret menu/);
});

test('an article laid out in "sidebar-grid" rows keeps its paragraphs (class words naming the layout, not furniture)', () => {
  const rows = enParagraphs(5)
    .split('\n')
    .map((p) => `<div class="sidebar-grid"><div class="sidebar-grid__container"><div class="sidebar-grid__content">${p}</div><aside class="sidebar-grid__sidebar">Ad</aside></div></div>`)
    .join('');
  const a = extractFrom(`<nav><a href="/">Home</a> <a href="/news">News</a></nav><article class="article"><h1>Council expands bus network</h1>${rows}</article>`);
  assert.match(a.body, /twelve new routes/);
  assert.match(a.body, /state grant approved last spring/);
});

test('a zone-less JSON-LD time takes the offset the page states for the same clock elsewhere', () => {
  const head =
    '<script type="application/ld+json">{"@type":"NewsArticle","headline":"Council expands bus network","datePublished":"2023-04-28 18:11:01.0"}</script>' +
    '<meta name="date" content="2023-04-28T18:11:01+02:00">';
  const a = extractFrom(`<h1>Council expands bus network</h1>${enParagraphs()}`, { head, url: 'https://news.example.com/a/1.html' });
  assert.equal(a.publishedAt, '2023-04-28T18:11:01+02:00');
  // Two different stated offsets for that clock: no guess, read in the page's zone (UTC here) as before.
  const b = extractFrom(`<h1>Council expands bus network</h1>${enParagraphs()}`, {
    head: head + '<meta property="og:updated_time" content="2023-04-28T18:11:01-05:00">',
  });
  assert.equal(b.publishedAt, '2023-04-28T18:11:01+00:00');
});

test('guillemets that pair up stay in the headline; a lone trailing or leading » is still a decoration', () => {
  assert.equal(tidyTitle('Binet met en garde Macron sur la « gravité de la situation »'), 'Binet met en garde Macron sur la « gravité de la situation »');
  assert.equal(tidyTitle('»Es wird bald beginnen«: Trump spricht über Bodeneinsätze'), '»Es wird bald beginnen«: Trump spricht über Bodeneinsätze');
  assert.equal(tidyTitle('Trump spricht über Bodeneinsätze »'), 'Trump spricht über Bodeneinsätze');
  assert.equal(tidyTitle('» Trump spricht über Bodeneinsätze'), 'Trump spricht über Bodeneinsätze');
  const a = extractFrom(`<h1>Binet met en garde Macron sur la « gravité de la situation »</h1>${enParagraphs()}`, {
    head: '<title>Binet met en garde Macron sur la « gravité de la situation »</title>',
  });
  assert.equal(a.title, 'Binet met en garde Macron sur la « gravité de la situation »');
});

test('a date or a row of share buttons is no author; names in any script still are', () => {
  assert.equal(isAcceptableAuthor('25.04.24'), false);
  assert.equal(isAcceptableAuthor('2024-04-25'), false);
  assert.equal(isAcceptableAuthor('Twitter Facebook'), false);
  assert.equal(isAcceptableAuthor('Teilen E-Mail Drucken'), false);
  assert.equal(isAcceptableAuthor('Julian Moering'), true);
  assert.equal(isAcceptableAuthor('Sehernur Karsu'), true);
  assert.equal(isAcceptableAuthor('신현주'), true);
  assert.equal(isAcceptableAuthor('Mark Twitterman'), true);
});

test('day-first dates with month names in Nordic, Polish, Czech, Turkish, Finnish and Romanian, with their clock words', () => {
  const day = (t: string): string | undefined => {
    const p = parseDateText(t, { timezone: 'UTC' });
    return p ? [p.year, p.month, p.day, p.hour, p.minute].filter((x) => x !== undefined).join('-') : undefined;
  };
  assert.equal(day('Publisert 7 augusti 2024 kl. 09.15'), '2024-8-7-9-15');
  assert.equal(day('9. desember 2023'), '2023-12-9');
  assert.equal(day('17 września 2024, godz. 14:30'), '2024-9-17-14-30');
  assert.equal(day('1 października 2023'), '2023-10-1');
  assert.equal(day('12. října 2023 v 8:05'), '2023-10-12-8-5');
  assert.equal(day('4 Mayıs 2025 saat 14:05'), '2025-5-4-14-5');
  assert.equal(day('20 KASIM 2024'), '2024-11-20');
  assert.equal(day('5. toukokuuta 2024 klo 10.20'), '2024-5-5-10-20');
  assert.equal(day('3 iunie 2024'), '2024-6-3');
  // Abbreviations keep working (a full-only name must not make "Mar." ambiguous), and words that are no month don't parse.
  assert.equal(day('5 Mar. 2024'), '2024-3-5');
  assert.equal(day('12 Dez. 2023'), '2023-12-12');
  assert.equal(day('3 marraskuu 2024'), undefined);
});

test('a Latin name of two words beside the date in the info line is the byline, after any meta author', () => {
  const page = (info: string, head = ''): string | undefined =>
    extractFrom(`<h1>Council expands bus network</h1><h4>Officials say routes will be added across the city this year.</h4><div class="row">${info}</div>${enParagraphs()}`, { head }).author;
  assert.equal(page('<span>Sehernur Karsu &nbsp;|</span><span class="tarih">05.04.2025 - Güncelleme : 05.04.2025</span>'), 'Sehernur Karsu');
  assert.equal(page('<span>3. Mai 2024</span> · <span>Anna Fink</span>'), 'Anna Fink');
  assert.equal(page('<span>Wirtschaft |</span><span>05.04.2025</span>'), undefined);
  assert.equal(page('<span>Sehernur Karsu |</span><span>05.04.2025</span>', '<meta name="author" content="Jan Marchart">'), 'Jan Marchart');
});

test('bylines labelled in other languages: Von/Par/Por/Door/Av/Af/di and Autor:/Texte :/Tekst:/Yazar:', () => {
  const author = (line: string): string | undefined =>
    extractFrom(`<h1>Council expands bus network</h1><p>${line}</p><p class="date">05.04.2025</p>${enParagraphs()}`).author;
  assert.equal(author('Av Ingrid Treborg'), 'Ingrid Treborg');
  assert.equal(author('Af Mette Hansen'), 'Mette Hansen');
  assert.equal(author('di Marco Rossi'), 'Marco Rossi');
  assert.equal(author('Par Anna Fink et Jean Dupont'), 'Anna Fink et Jean Dupont');
  assert.equal(author('Texte : Jean Dupont'), 'Jean Dupont');
  assert.equal(author('Tekst: Ola Nordmann'), 'Ola Nordmann');
  assert.equal(author('Yazar: Ali Yılmaz'), 'Ali Yılmaz');
  // A label word without its colon is prose or a tool ("Text Size"), and a capitalised "Di" is a surname's start.
  assert.equal(author('Text Size'), undefined);
  assert.notEqual(author('Di Marco Rossi'), 'Marco Rossi');
});

test('article:published:time (colons for the underscore) is read as article:published_time', () => {
  const a = extractFrom(`<h1>Council expands bus network</h1><div>Frankfurt, October 23, 2024, 3:48: Uhr</div>${enParagraphs()}`, {
    head: '<meta name="article:published:time" property="article:published:time" content="2024-10-23T15:48:15+00:00">',
  });
  assert.equal(a.publishedAt, '2024-10-23T15:48:15+00:00');
});

test('month names that are also first names end a byline only before a day number; a date before "By" is skipped', async () => {
  const { authorFromText, otherLanguageByline } = await import('../../src/extract/byline.js');
  assert.equal(otherLanguageByline('Von Anna Fink und Jan Marchart'), 'Anna Fink und Jan Marchart');
  assert.equal(authorFromText('By Jan Novak'), 'Jan Novak');
  assert.equal(authorFromText('By Jane Doe Jan. 5, 2024'), 'Jane Doe');
  assert.equal(authorFromText('By Jane Doe May 2024'), 'Jane Doe');
  assert.equal(authorFromText('May 3, 2017 By Jane Doe'), 'Jane Doe');
  assert.equal(authorFromText('March 3, 2017 | By Jane Doe'), 'Jane Doe');
  const a = extractFrom(`<h1>Council expands bus network</h1><div class="byline">Von Anna Fink und Jan Marchart</div>${enParagraphs(3)}`);
  assert.equal(a.author, 'Anna Fink und Jan Marchart');
});

test("a byline's desk in capitals after the writer, and a label word before a colon, are no names", () => {
  assert.equal(otherLanguageByline('von David Straub, MDR THÜRINGEN Stand: 28. April 2023, 05:00 Uhr'), 'David Straub');
  assert.equal(otherLanguageByline('Von Anna Fink und Jan Marchart'), 'Anna Fink und Jan Marchart');
});

test("a fact list's writer row under the article ('Autorin/Autor' in one element, the name after it) beats the metadata's site name", () => {
  const page = `<html><head><meta name="author" content="Example Welle"></head><body><article><h1>Ukraine: die Lage an der Front</h1>
    <p>Die ukrainische Armee bereitet seit Wochen eine Gegenoffensive vor, und die Erwartungen im Westen sind hoch, auch wenn niemand den genauen Zeitpunkt kennt.</p>
    <p>Militärexperten rechnen damit, dass die Offensive an mehreren Abschnitten der Front zugleich beginnen könnte, um die russischen Reserven zu binden.</p>
    <p>Entscheidend sei, ob es gelinge, die Versorgungslinien auf die Krim zu unterbrechen, sagen Beobachter in Kiew und in westlichen Hauptstädten.</p></article>
    <aside><ul><li><strong>Datum</strong> 28.04.2023</li><li><strong>Autorin/Autor</strong> Roman Beispiel</li><li><strong>Themenseiten</strong> <a href="/t/1">Ukraine</a></li></ul></aside></body></html>`;
  assert.equal(extractArticle(page, { url: 'https://www.example.de/de/a-1' }).author, 'Roman Beispiel');
});

test("a name's last word before a colon is its surname, not a label", () => {
  const by = (line: string) => extractFrom(`<h1>Council expands bus network</h1><p class="byline">${line}</p>${enParagraphs(3)}`).author;
  assert.equal(by('By Jane Doe: 5 min read'), 'Jane Doe');
  assert.equal(by('By Jane Doe:'), 'Jane Doe');
  assert.equal(by('Von Anna Schmidt: Stand 28.04.2024'), 'Anna Schmidt');
  assert.equal(by('Par Martin Dupont : journaliste'), 'Martin Dupont');
  assert.equal(otherLanguageByline('Von Anna Schmidt: Stand 28.04.2024'), 'Anna Schmidt');
});

test("a book's fact box, or a label run into prose, is no byline; a person in the meta author wins over a fact row", () => {
  const body = `<article><h1>Ein Roman über das Erwachsenwerden</h1>${enParagraphs(4)}</article>`;
  const book = '<aside><ul><li><strong>Titel</strong> Der Sommer</li><li><strong>Autor</strong> Gabriel Beispiel</li><li><strong>Verlag</strong> Beispiel Verlag</li><li><strong>Seiten</strong> 320</li></ul></aside>';
  const page = (meta: string, after: string) => extractArticle(`<html><head>${meta}</head><body>${body}${after}</body></html>`, { url: 'https://www.example.de/de/a-1' }).author;
  assert.equal(page('<meta name="author" content="Jane Doe">', book), 'Jane Doe');
  assert.equal(page('', book), undefined);
  const es = '<aside><ul><li><strong>Título</strong> Cien años</li><li><strong>Autor</strong> Gabriel García Márquez</li><li><strong>Editorial</strong> Sudamericana</li></ul></aside>';
  assert.equal(page('<meta name="author" content="Jane Doe">', es), 'Jane Doe');
  assert.equal(page('', '<p>Autor Peter Müller</p>'), undefined);
  // A person's name in the meta author beats the fact list's writer row too.
  const dw = '<aside><ul><li><strong>Datum</strong> 28.04.2023</li><li><strong>Autorin/Autor</strong> Roman Beispiel</li></ul></aside>';
  assert.equal(page('<meta name="author" content="Jane Doe">', dw), 'Jane Doe');
  assert.equal(page('<meta name="author" content="Example Welle">', dw), 'Roman Beispiel');
});
