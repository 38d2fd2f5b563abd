/** The page as a string before parsing (src/extract/markup.ts): controls, mojibake hint, nesting, size. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hasControlOrMojibakeLead, limitNesting, prepareMarkup, stripScriptsAndStyles } from '../../src/extract/markup.js';
import { LEAD_HINT } from '../../src/extract/mojibake.js';

/** The scan's definition, as one regex: what hasControlOrMojibakeLead must agree with everywhere. */
const REFERENCE = new RegExp(`[\\u0000-\\u0008\\u000b\\u000e-\\u001f\\ufffd]|${LEAD_HINT.source}`);

test('the control-or-mojibake scan agrees with its one-regex definition', () => {
  const texts = [
    'plain ASCII page',
    '<p>São Paulo, naïve, Ich heiße «Max», café crème</p>', // leads not followed by a continuation
    '<p>Â price</p>',
    'ends with a lead Ã',
    'caf\u00c3\u00a9 au lait', // lead + continuation
    'isn\u00e2\u20ac\u2122t', // lead + Windows-1252 continuation
    `${'é '.repeat(200)}cafÃ©`, // many false leads before the true one
    'tab\tand newline\n only',
    'a bell \u0007 inside',
    'a replacement \ufffd character',
    '漢字の頁 and 中文新闻',
  ];
  for (const t of texts) assert.equal(hasControlOrMojibakeLead(t), REFERENCE.test(t), JSON.stringify(t.slice(0, 40)));
  // The scan keeps no state between pages (a global regex's lastIndex is reset).
  assert.equal(hasControlOrMojibakeLead('cafÃ©'), true);
  assert.equal(hasControlOrMojibakeLead('ok'), false);
});

test('C0 controls are dropped and a mis-decoded page is reported', () => {
  const clean = prepareMarkup('<p>plain</p>');
  assert.deepEqual(clean, { html: '<p>plain</p>', warnings: [], mayHoldMojibake: false });
  const binary = prepareMarkup(`<p>${'\u0001\u0002'.repeat(100)}text</p>`);
  assert.equal(binary.html, '<p>text</p>');
  assert.match(binary.warnings[0], /looks binary/);
  assert.equal(prepareMarkup('<p>cafÃ© au lait</p>').mayHoldMojibake, true);
  assert.equal(prepareMarkup('<p>isn&acirc;&euro;&trade;t</p>').mayHoldMojibake, true);
  assert.equal(prepareMarkup('<p>café au lait</p>').mayHoldMojibake, false);
});

test('markup nested past the limit is unwrapped, normal markup returned as the same string', () => {
  const normal = '<div><p>one<p>two</div>';
  assert.equal(limitNesting(normal), normal);
  const deep = `${'<div>'.repeat(600)}text${'</div>'.repeat(600)}`;
  const out = limitNesting(deep);
  assert.equal(out.match(/<div>/g)?.length, 500);
  assert.equal(out.match(/<\/div>/g)?.length, 500);
  assert.match(prepareMarkup(deep).warnings[0], /nested deeper than 500/);
});

test('scripts and styles are stripped from oversized pages, JSON-LD kept', () => {
  const html = '<script>var a = 1;</script><script type="application/ld+json">{"x":1}</script><style>p{}</style><p>text</p>';
  assert.equal(stripScriptsAndStyles(html), '<script></script><script type="application/ld+json">{"x":1}</script><style></style><p>text</p>');
});

test('an oversized page loses its largest scripts first, down to the limit: small page-data scripts stay', () => {
  const bundle = `<script>${'x'.repeat(500)}</script>`;
  const data = '<script>var ct = "1767346773";</script>';
  const html = `${bundle}<style>${'p{}'.repeat(100)}</style>${data}<p>text</p>`;
  // Without the bundle (and only it) the page fits in 400 characters.
  assert.equal(stripScriptsAndStyles(html, 400), `<script></script><style>${'p{}'.repeat(100)}</style>${data}<p>text</p>`);
  // A tighter limit takes the next largest, the style, still leaving the data script.
  assert.equal(stripScriptsAndStyles(html, 100), `<script></script><style></style>${data}<p>text</p>`);
  // When nothing fits, everything goes, as without a limit.
  assert.equal(stripScriptsAndStyles(html, 10), stripScriptsAndStyles(html));
});

test('hostile markup stays linear: a long unclosed tag name under deep nesting, thousands of unclosed <script', () => {
  // Each took seconds before (30 s and 4.5 s at these sizes): the tag pattern retried every shorter name, and the
  // script pattern rescanned the rest of the page for every '<script' without a '>'.
  const deep = '<div>'.repeat(501) + '<a' + 'b'.repeat(100_000);
  let t = performance.now();
  const unwrapped = limitNesting(deep);
  assert.ok(performance.now() - t < 1000, `limitNesting took ${performance.now() - t} ms`);
  assert.ok(unwrapped.endsWith('b'.repeat(100)));
  const scripts = '<p>kept</p>' + '<script '.repeat(12_500);
  t = performance.now();
  assert.equal(stripScriptsAndStyles(scripts), scripts);
  assert.ok(performance.now() - t < 1000, `stripScriptsAndStyles took ${performance.now() - t} ms`);
});
