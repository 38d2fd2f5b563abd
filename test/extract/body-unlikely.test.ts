/** body-unlikely: the page's own footer does not vote for the content container. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pageFooters } from '../../src/extract/body-unlikely.js';
import { parsePage, removeJunk } from '../../src/extract/dom.js';
import { extractFrom } from './helpers.js';

const ids = (html: string): string[] => pageFooters(removeJunk(parsePage(html).doc)).map((e) => e.attribs.id ?? e.name);

test('a <footer> or role=contentinfo outside <article>/<main> is the page footer; one inside an article is not', () => {
  assert.deepEqual(ids('<main><p>x</p><footer id="in-main">a</footer></main><article><footer id="in-article">b</footer></article><footer id="page">c</footer><div role="contentinfo" id="role">d</div>'), ['page', 'role']);
  assert.deepEqual(ids('<footer id="outer"><footer id="inner">x</footer></footer>'), ['outer']);
  assert.deepEqual(ids('<div id="d"><p>no footer here</p></div>'), []);
});

const disclaimer = '<footer><div class="text-column"><p>This material is not intended to replace the advice of a qualified advisor. Information has been obtained from sources believed to be reliable, and it is for informational purposes only. It is not guaranteed as to accuracy, and it may not reflect our current opinion, which may change without notice.</p><p>Past performance is no guarantee of future results. Investing involves risk, including the possible loss of principal, and no strategy assures a profit.</p></div></footer>';
const shortArticle = '<main><div class="text-column"><p>A good safety program requires proper screening of prospective renters, so that only qualified drivers operate your vehicles.</p><p>Sound practices at the counter are the first step in keeping the fleet in good condition.</p></div></main>';

test('a short article outvotes the long disclaimer in the page footer', () => {
  const a = extractFrom(`${shortArticle}${disclaimer}`);
  assert.match(a.body, /proper screening of prospective renters/);
  assert.doesNotMatch(a.body, /qualified advisor/);
});

test('a page whose only text is in its footer still has a body', () => {
  const a = extractFrom(disclaimer);
  assert.match(a.body, /qualified advisor/);
});
