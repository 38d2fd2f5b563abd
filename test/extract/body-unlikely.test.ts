/** body-unlikely: the page's own footer does not vote for the content container. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pageFooters } from '../../src/extract/body-unlikely.js';
import { parsePage, removeJunk } from '../../src/extract/dom.js';
import { computeStats } from '../../src/extract/body-score.js';
import { extractFrom } from './helpers.js';

const ids = (html: string): string[] => {
  const { stats, order } = computeStats(removeJunk(parsePage(html).doc));
  return pageFooters(order, stats).map((e) => e.attribs.id ?? e.name);
};

test('a <footer> or role=contentinfo outside <article>/<main> is the page footer; one inside an article is not', () => {
  assert.deepEqual(ids('<main><p>x</p><footer id="in-main">a</footer></main><article><footer id="in-article">b</footer></article><footer id="page">c</footer><div role="contentinfo" id="role">d</div>'), ['page', 'role']);
  assert.deepEqual(ids('<p>page text</p><footer id="outer"><footer id="inner">x</footer></footer>'), ['outer']);
  assert.deepEqual(ids('<div id="d"><p>no footer here</p></div>'), []);
});

const disclaimer = '<footer><div class="text-column"><p>This material is not intended to replace the advice of a qualified advisor. Information has been obtained from sources believed to be reliable, and it is for informational purposes only. It is not guaranteed as to accuracy, and it may not reflect our current opinion, which may change without notice.</p><p>Past performance is no guarantee of future results. Investing involves risk, including the possible loss of principal, and no strategy assures a profit.</p></div></footer>';
const siteHeader = '<header><nav><a href="/">Home</a> <a href="/rentals">Rentals</a> <a href="/fleet">Fleet management</a> <a href="/insurance">Insurance</a> <a href="/contact">Contact us</a></nav><p class="tagline">Serving independent rental operators across the region since 1985</p></header>';
const shortArticle = `${siteHeader}<main><div class="text-column"><p>A good safety program requires proper screening of prospective renters, so that only qualified drivers operate your vehicles.</p><p>Sound practices at the counter are the first step in keeping the fleet in good condition.</p><p>Check every licence, and walk around each vehicle with the renter before the keys change hands, noting any damage on the form.</p><p>Keep those records for at least three years.</p></div></main>`;

test('a short article outvotes the long disclaimer in the page footer', () => {
  const a = extractFrom(`${shortArticle}${disclaimer}`);
  assert.match(a.body, /proper screening of prospective renters/);
  assert.doesNotMatch(a.body, /qualified advisor/);
});

test('a page whose only text is in its footer still has a body', () => {
  const a = extractFrom(disclaimer);
  assert.match(a.body, /qualified advisor/);
});

const storyParas = '<p>The county council said on Tuesday that the flood defences along the river would be upgraded this year.</p><p>Work will begin in June and is expected to last eight months, according to the council.</p><p>Residents welcomed the plan, saying the last floods had damaged dozens of homes.</p>';

test('a footer holding the page\'s <h1> or most of its text wraps the content: it is not the page footer', () => {
  const side = '<aside id="side"><p>Get the Gazette in your inbox every morning, free, with all the news from the valley.</p></aside>';
  assert.deepEqual(ids(`${side}<footer id="f"><div class="post"><h1>Flood defences</h1>${storyParas}</div></footer>`), []);
  assert.deepEqual(ids(`${side}<footer id="f"><div class="post"><h2>Flood defences</h2>${storyParas}</div></footer>`), []);
  // A footer holding a small share of the text and no <h1> still is.
  assert.deepEqual(ids(`<div>${storyParas}${storyParas}</div><footer id="f"><h2>About</h2><p>The Gazette is an independent paper.</p></footer>`), ['f']);
  const a = extractFrom(`${side}<footer class="site-footer"><div class="post"><h1>Flood defences</h1>${storyParas}</div><div class="legal"><p>© 2024 Riverside Gazette</p></div></footer>`);
  assert.match(a.body, /flood defences along the river/);
});

test('a page whose text is its footer\'s "about us" keeps it beside a short tagline; a short post beside comments keeps to the post', () => {
  const hero = '<div class="hero"><h1>Smith Plumbing</h1><p>Fast, friendly plumbers in Leeds since 1998.</p></div>';
  const services = `<ul class="services">${['Boiler repair', 'Bathroom fitting', 'Emergency leaks', 'Central heating', 'Gas safety checks', 'Radiators', 'Water heaters', 'Drains', 'Outdoor taps', 'Showers'].map((s) => `<li>${s}</li>`).join('')}</ul>`;
  const about = '<footer class="site-footer"><h2>About us</h2><p>Smith Plumbing is a family business founded in 1998, serving homes and small businesses across the city.</p><p>All our engineers are Gas Safe registered, and every job comes with a guarantee.</p></footer>';
  // The footer holds a little under half the text: it is the page footer, and does not vote…
  assert.deepEqual(ids(`${hero}${services}${about}`), ['footer']);
  // …but it is no thread beside the tagline, so the page falls back to its whole text.
  const a = extractFrom(`${hero}${services}${about}`);
  assert.match(a.body, /Gas Safe registered/);
  const comments = `<div class="comments">${'<div class="comment-text"><p>I completely agree with this, we had the same problem with our landlord for years and nobody ever listened.</p></div>'.repeat(4)}</div>`;
  const b = extractFrom(`<div class="post-body"><p>Fast, friendly plumbers in Leeds since 1998.</p></div>${comments}`);
  assert.match(b.body, /Fast, friendly plumbers/);
  assert.doesNotMatch(b.body, /completely agree/);
});
