/**
 * Same-class chunks keep the heading that introduces each of them (body-siblings): a page builder's FAQ accordion
 * puts every answer in a text box like the article's, each under its question as a heading, the question's text
 * in a toggle link (role="button", href="#"). A heading linking elsewhere before a chunk stays out.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractFrom } from './helpers.js';

const HEAD = '<title>Common IT issues and how to fix them</title>';
const BOX = 'wpb_text_column wpb_content_element';

const ARTICLE = [
  'Network problems are the most common complaint we hear from small offices, and most of them come down to a router that has not been restarted or updated in months.',
  'Slow computers are the second most common complaint: an old hard disk, too many programs starting at boot, or a full disk will all make a machine feel sluggish.',
  'Backups matter more than any other habit. Keep one copy in the office and one copy off site, and test a restore every few months so you know it works.',
  'Security updates close the holes that attackers use. Install them promptly, and replace systems that no longer receive them from their makers.',
]
  .map((t) => `<p>${t}</p>`)
  .join('');

function accordion(link: (q: string, i: number) => string): string {
  const qa = [
    ['1. Is it safe to download free tools to fix computer problems?', 'Be careful. Many free fix tools online are useless or risky: only download software from the website of the company that makes it.'],
    ['2. Why does my computer keep asking for updates?', 'Updates fix bugs and close security holes. Skipping them for too long leaves your system exposed, so delay them briefly at most.'],
    ['3. How can I prevent IT problems from happening again?', 'Keep your system updated, back up your data regularly, avoid suspicious downloads, and do not ignore the warning signs.'],
  ];
  const items = qa.map(([q, a], i) => `<div class="toggle"><h3 class="toggle-title">${link(q, i)}</h3><div><div class="inner-toggle-wrap"><div class="${BOX}"><p>${a}</p></div></div></div></div>`);
  return `<div class="toggles accordion">${items.join('')}</div>`;
}

function page(faq: string): string {
  return `<h1>Common IT issues and how to fix them</h1><article><div class="post-content"><div class="row"><div class="col"><div class="wrapper"><div class="${BOX}">${ARTICLE}</div></div></div></div><div class="row"><div class="col"><h2>Frequently asked questions</h2>${faq}</div></div></div></article>`;
}

test("an accordion's questions stay over their answers when the answers join as same-class chunks", () => {
  const a = extractFrom(page(accordion((q) => `<a href="#" role="button" class="toggle-heading">${q}</a>`)), { head: HEAD });
  assert.match(a.body, /Backups matter more than any other habit/);
  assert.match(a.body, /Be careful\. Many free fix tools/);
  assert.match(a.body, /1\. Is it safe to download free tools/);
  assert.match(a.body, /3\. How can I prevent IT problems/);
});

test('a heading that links elsewhere before a chunk is not taken as its heading', () => {
  const a = extractFrom(page(accordion((q, i) => `<a href="/faq/${i}">${q}</a>`)), { head: HEAD });
  assert.match(a.body, /Be careful\. Many free fix tools/);
  assert.ok(!a.body.includes('Is it safe to download'), `linked heading left out:\n${a.body}`);
});
