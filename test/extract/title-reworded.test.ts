/**
 * The <title> worded for search engines, the h1 for readers: the h1 heading the article is its headline, not a
 * section heading under it whose wording happens to be nearer the <title>; a breadcrumb's last step repeating the
 * <title> files the page and does not head it; "2026-2030" is one figure, not a separator.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractFrom, enParagraphs } from './helpers.js';

const P = enParagraphs(3);
const head = (title: string): string => `<title>${title} | Example Blog</title>`;

test('the h1 worded loosely like the <title> beats a section heading under it worded more nearly like it', () => {
  const page = `<h1>An introduction to social commerce: What brands need to know in 2026</h1>${P}<h2>What is social commerce?</h2>${P}`;
  assert.equal(extractFrom(page, { head: head('What is Social Commerce - A guided introduction') }).title, 'An introduction to social commerce: What brands need to know in 2026');
  // Singular and plural count as the same word ("Machine" / "Machines").
  const espresso = `<h1>Top Espresso Machine under $500: Which One Should You Get?</h1>${P}<h2>Most Capable Espresso Machine under $500</h2>${P}`;
  assert.equal(extractFrom(espresso, { head: head('The 5 Most EPIC Espresso Machines Under $500 [2024 Guide]') }).title, 'Top Espresso Machine under $500: Which One Should You Get?');
});

test('an h1 sharing little of the <title> wording does not head it; a section heading worded like it still may', () => {
  // "Our Services" shares no word with the title: not taken for it, and no penalty for the heading under it.
  const page = `<h1>Our Services</h1><h2>Best Drip Coffee Makers for Small Kitchens</h2>${P}`;
  assert.equal(extractFrom(page, { head: head('The Best Drip Coffee Makers for Small Kitchens') }).title, 'Best Drip Coffee Makers for Small Kitchens');
});

test('under an h1 worded like the <title> but styled as site chrome, a section heading is not the title', () => {
  const page = `<div class="blog-title-wrapper"><h1>How Much to Tip at Restaurants: Your Ultimate Tip Chart and Guide</h1></div>${P}<h2>The Ultimate Restaurant Tip Chart</h2>${P}`;
  assert.equal(extractFrom(page, { head: head('How Much to Tip at Restaurants: Your Ultimate Tip Chart and Guide') }).title, 'How Much to Tip at Restaurants: Your Ultimate Tip Chart and Guide');
});

test("a breadcrumb's last step repeating the <title> yields to an h1 worded otherwise", () => {
  const crumbs = (last: string): string =>
    `<nav><ul class="breadcrumb"><li><a href="/">Home</a></li><li><a href="/sustainability">Sustainability</a></li><li><span>${last}</span></li></ul></nav>`;
  const page = `${crumbs('Climate change: 5 innovative solutions')}<h1>Five innovative solutions to climate change: learning from global hotspots</h1>${P}`;
  assert.equal(extractFrom(page, { head: head('Climate change: 5 innovative solutions') }).title, 'Five innovative solutions to climate change: learning from global hotspots');
  // An h1 with the crumb's words (a kicker set apart by style, not by a colon) leaves the crumb's wording.
  const kicker = `${crumbs('Ausschuss zur Flut: Zwei Rücktritte und viele offene Fragen')}<h1><span>Ausschuss zur Flut</span> <span>Zwei Rücktritte und viele offene Fragen</span></h1>${P}`;
  assert.equal(extractFrom(kicker, { head: head('Ausschuss zur Flut: Zwei Rücktritte und viele offene Fragen') }).title, 'Ausschuss zur Flut: Zwei Rücktritte und viele offene Fragen');
});

test('a year range is one figure: the part before its hyphen is no segment of the <title>', () => {
  const page = `<h1>Top 5 Blockchain Technology Trends to Watch in 2026-2030</h1>${P}<h2>5 best blockchain development trends for 2026</h2>${P}`;
  assert.equal(extractFrom(page, { head: head('5 Best Blockchain Development Trends for 2026-2030') }).title, 'Top 5 Blockchain Technology Trends to Watch in 2026-2030');
  // A spaced hyphen still separates a headline from what follows it.
  const spaced = `<h1>Setting up an aquarium</h1>${P}`;
  assert.equal(extractFrom(spaced, { head: '<title>Setting up an aquarium - A step by step guide</title>' }).title, 'Setting up an aquarium');
});

test("a kicker set apart by style alone takes the metadata title's separator", () => {
  const page = `<h1><span class="kicker">Nationale Demo</span> Der 9. Juli naht: Gewerkschaften demonstrieren Einheit</h1>${P}`;
  const a = extractFrom(page, {
    head: '<title>Nationale Demo Der 9. Juli naht: Gewerkschaften demonstrieren Einheit - Tageblatt.lu</title><meta property="og:title" content="Nationale Demo / Der 9. Juli naht: Gewerkschaften demonstrieren Einheit">',
  });
  assert.equal(a.title, 'Nationale Demo / Der 9. Juli naht: Gewerkschaften demonstrieren Einheit');
  // A metadata title differing in quotes, not by a separator, leaves the page's wording.
  const quoted = `<h1>Why the Number One Isn’t the Right One for Every Shop</h1>${P}`;
  assert.equal(extractFrom(quoted, { head: `<meta property="og:title" content="Why the Number One Isn't the Right One for Every Shop">` }).title, 'Why the Number One Isn’t the Right One for Every Shop');
});

const DE = ['Der Stadtrat hat am Dienstag beschlossen, das Busnetz in der Innenstadt deutlich auszubauen und zwölf neue Linien einzurichten, die Wohngebiete mit dem Geschäftsviertel verbinden.',
  'Nach Angaben der Verwaltung sollen auf den neuen Linien ausschließlich Elektrobusse fahren, in der Hauptverkehrszeit im Zehn-Minuten-Takt und sonst alle zwanzig Minuten.',
  'Die Fahrpreise bleiben unverändert, teilte das Verkehrsamt mit; Ankunftszeiten lassen sich künftig in der App der Verkehrsbetriebe abrufen.',
  'Einige Linien sollen zudem nachts länger fahren, was Schichtarbeiter und der Einzelhandelsverband seit Jahren gefordert hatten.'].map((p) => `<p>${p}</p>`).join('');
const FR = ['Le conseil municipal a voté mardi l’extension du réseau de bus du centre-ville, avec douze nouvelles lignes reliant les quartiers résidentiels au quartier d’affaires.',
  'Selon la mairie, les nouvelles lignes seront exploitées avec des bus électriques, toutes les dix minutes aux heures de pointe et toutes les vingt minutes le reste de la journée.',
  'Les tarifs resteront inchangés, a précisé le service des transports, et les horaires d’arrivée pourront être consultés sur l’application du réseau.',
  'Certaines lignes circuleront également plus tard le soir pour les travailleurs postés, une demande ancienne des commerçants du centre.'].map((p) => `<p>${p}</p>`).join('');

test('a label h1 naming the topic ("Climate Change", "Recipes") does not head a reworded article: the h2 headline stands', () => {
  const climate = `<h1 class="topic-title">Climate Change</h1><article><h2 class="entry-title">Rising seas will reshape coastal cities by 2050, study finds</h2>${P}</article>`;
  assert.equal(extractFrom(climate, { head: '<title>How Climate Change Will Reshape Coastal Cities by 2050 | GreenWire</title>' }).title, 'Rising seas will reshape coastal cities by 2050, study finds');
  const recipes = `<h1>Recipes</h1><div class="post"><h2 class="entry-title">Easy lemon garlic chicken thighs</h2>${P}</div>`;
  assert.equal(extractFrom(recipes, { head: '<title>Lemon Garlic Chicken Recipes</title>' }).title, 'Easy lemon garlic chicken thighs');
  const de = `<h1>Klimawandel Küstenstädte</h1><div class="artikel"><h2>Steigende Meere verändern die Küstenstädte bis 2050</h2>${DE}</div>`;
  assert.equal(extractFrom(de, { head: '<title>Wie der Klimawandel die Küstenstädte bis 2050 verändert | Zeitung</title>' }).title, 'Steigende Meere verändern die Küstenstädte bis 2050');
  const fr = `<h1>Réchauffement climatique</h1><div class="article"><h2>Le réchauffement climatique va transformer les villes côtières d’ici 2050</h2>${FR}</div>`;
  assert.equal(extractFrom(fr, { head: '<title>Comment le réchauffement climatique va transformer les villes côtières</title>' }).title, 'Le réchauffement climatique va transformer les villes côtières d’ici 2050');
});

test('a promo h1 before the story does not head it, and "news" is no plural of "new"', () => {
  const promo = `<div class="promo"><h1>Get downtown news</h1></div><div class="story"><h2>Council approves twelve new downtown bus routes for commuters</h2>${P}</div>`;
  assert.equal(extractFrom(promo, { head: '<title>Twelve new bus routes approved for downtown commuters</title>' }).title, 'Council approves twelve new downtown bus routes for commuters');
  const label = `<h1>New Routes</h1><article><h2>Twelve new bus routes approved by council</h2>${P}</article>`;
  assert.equal(extractFrom(label, { head: '<title>Bus News: Twelve New Routes Approved</title>' }).title, 'Twelve new bus routes approved by council');
  // A promo h1 of a headline's size: only "news" read as "new" would make it share the title's wording.
  const sized = `<div class="promo"><h1>Downtown bus news for commuters</h1></div><div class="story"><h2>Council approves twelve new bus routes</h2>${P}</div>`;
  assert.equal(extractFrom(sized, { head: '<title>Twelve new bus routes approved</title>' }).title, 'Council approves twelve new bus routes');
});

test("a label h1 naming the section leaves the breadcrumb's last step as the title", () => {
  const crumbs = (last: string): string =>
    `<nav><ol class="breadcrumb"><li><a href="/">Forum</a></li><li><a href="/espresso">Espresso Machines</a></li><li><span>${last}</span></li></ol></nav>`;
  const page = `${crumbs('Best budget espresso machine under $300?')}<h1>Espresso Machines</h1><div class="content">${P}</div>`;
  assert.equal(extractFrom(page, { head: '<title>Best budget espresso machine under $300? - Coffee Forum</title>' }).title, 'Best budget espresso machine under $300?');
});

test('an unspaced hyphen between letters still ends the headline: the logo h1 naming the site is not the title', () => {
  const page = `<h1>City Times</h1><div class="story"><h2>Council approves twelve new bus routes</h2>${P}</div>`;
  assert.equal(extractFrom(page, { head: '<title>Council approves twelve new bus routes-City Times</title>' }).title, 'Council approves twelve new bus routes');
  const de = `<h1>Stadtanzeiger</h1><div class="artikel"><h2>Neue Buslinien</h2>${DE}</div>`;
  assert.equal(extractFrom(de, { head: '<title>Neue Buslinien-Stadtanzeiger</title>' }).title, 'Neue Buslinien');
});
