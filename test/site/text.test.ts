import assert from 'node:assert/strict';
import { test } from 'node:test';
import { diffBodies, diffText } from '../../src/site/diff.js';
import { excerptAround, leadExcerpt, markHits } from '../../src/site/excerpt.js';
import { formatInstant, formatPublished } from '../../src/site/i18n.js';
import { categorySlug, staticLinks } from '../../src/site/links.js';
import { keyTerms, parseQuery, textTerms } from '../../src/site/terms.js';

test('Chinese text becomes bigrams, other text words', () => {
  assert.deepEqual(textTerms('潍坊“友城伙伴”增至45个'), ['潍坊', '友城', '城伙', '伙伴', '增至', '45', '个']);
  assert.deepEqual(textTerms('COVID-19疫情 Elections'), ['covid', '19', '疫情', 'elections']);
  assert.deepEqual(textTerms('東京タワー'), ['東京', '京タ', 'タワ', 'ワー']);
});

test('queries become quoted FTS phrases; single CJK characters fall back to LIKE', () => {
  assert.deepEqual(parseQuery('潍坊 友城伙伴'), [
    { kind: 'phrase', fts: '"潍坊"', text: '潍坊' },
    { kind: 'phrase', fts: '"友城 城伙 伙伴"', text: '友城伙伴' },
  ]);
  assert.deepEqual(parseQuery('潍'), [{ kind: 'like', text: '潍' }]);
  // FTS syntax in user input is only ever text.
  assert.deepEqual(parseQuery('"water" OR NEAR(x) *'), [
    { kind: 'phrase', fts: '"water"', text: '"water"' },
    { kind: 'phrase', fts: '"or"', text: 'OR' },
    { kind: 'phrase', fts: '"near x"', text: 'NEAR(x)' },
  ]);
  assert.deepEqual(parseQuery('   '), []);
});

test('key terms skip stopwords, numbers and single characters', () => {
  assert.deepEqual(keyTerms('The water rationing in Nairobi', [], '', 10), ['water', 'rationing', 'nairobi']);
  assert.deepEqual(keyTerms('潍坊新增学位4340个', ['教育'], '', 10), ['潍坊', '坊新', '新增', '增学', '学位', '教育']);
});

test('diffs align paragraphs and mark changed words, character by character in Chinese', () => {
  assert.deepEqual(diffText('外交部连续5年推广', '外交部连续6年推广'), [
    { op: 'same', text: '外交部连续' },
    { op: 'removed', text: '5' },
    { op: 'added', text: '6' },
    { op: 'same', text: '年推广' },
  ]);
  assert.deepEqual(diffText('the budget passed', 'the new budget passed'), [
    { op: 'same', text: 'the ' },
    { op: 'added', text: 'new ' },
    { op: 'same', text: 'budget passed' },
  ]);
  const blocks = diffBodies('A one.\n\nB two.\n\nC three.', 'A one.\n\nB 2.\n\nC three.\n\nD four.');
  assert.deepEqual(blocks.map((b) => b.kind), ['same', 'changed', 'same', 'added']);
  const unrelated = diffBodies('Completely different words here.', '完全不同的内容');
  assert.deepEqual(unrelated.map((b) => b.kind), ['removed', 'added']);
});

test('excerpts fit about two lines (CJK counted double) and mark hits', () => {
  const zh = '潍坊'.repeat(200);
  assert.equal([...leadExcerpt(zh)].length, 110);
  assert.equal(leadExcerpt('short text'), 'short text');
  const parts = excerptAround(`${'x '.repeat(300)}the Reservoir levels fall`, ['reservoir']);
  assert.equal(parts.some((p) => p.hit && p.text === 'Reservoir'), true);
  assert.equal(parts[0].text.startsWith('…'), true);
  assert.deepEqual(markHits('a+b (c)', ['+b', '(c)']), [
    { text: 'a', hit: false },
    { text: '+b', hit: true },
    { text: ' ', hit: false },
    { text: '(c)', hit: true },
  ]);
});

test('times: publish times as printed, snapshot times in the site zone', () => {
  assert.equal(formatPublished('2025-10-12T23:41:00+08:00'), '2025-10-12 23:41:00');
  assert.equal(formatPublished('2025-10-12'), '2025-10-12');
  assert.equal(formatPublished(null), null);
  assert.equal(formatInstant('2025-10-12T21:45:01.123Z', 'Asia/Shanghai'), '2025-10-13 05:45:01');
  assert.equal(formatInstant('nope', 'UTC'), null);
});

test('static export paths are relative and category folders can never escape', () => {
  assert.equal(staticLinks('index.html').snapshot('20251013T054501Z-0123abcd'), './s/20251013T054501Z-0123abcd/index.html');
  assert.equal(staticLinks('s/x/raw/index.html').home(), '../../../index.html');
  assert.equal(staticLinks('index.html').category('国内'), `./c/${encodeURIComponent('国内')}/index.html`);
  assert.equal(categorySlug('国内'), '国内');
  for (const hostile of ['..', '../etc', 'a/b', '.hidden', '']) assert.match(categorySlug(hostile), /^c-[0-9a-f]{12}$/, hostile);
});
