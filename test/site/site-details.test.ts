/**
 * Issue 15's site details: every time in the site's zone with its label, 来源 from the page (never the
 * config's source name), permalink and full sha256 in the provenance box, a stable category order, and
 * excerpts cut between characters.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sortCategories } from '../../src/site/catalog.js';
import { excerptAround, leadExcerpt, splitGraphemes } from '../../src/site/excerpt.js';
import { formatZoned } from '../../src/site/i18n.js';
import { startSiteServer } from '../../src/site/index.js';
import { SnapshotStore } from '../../src/snapshot/index.js';
import { makeInput, tempRoot } from '../snapshot/fixtures.js';
import { get } from './helpers.js';

test('every time is shown in the site zone with its label; dates stay dates', () => {
  assert.deepEqual(formatZoned('2025-10-12T23:41:00+08:00', 'Asia/Shanghai'), { datetime: '2025-10-12T23:41:00+08:00', text: '2025-10-12 23:41 (UTC+8)' });
  // Another offset is converted, not shown as printed.
  assert.deepEqual(formatZoned('2025-10-12T10:41:00-05:00', 'Asia/Shanghai'), { datetime: '2025-10-12T10:41:00-05:00', text: '2025-10-12 23:41 (UTC+8)' });
  assert.deepEqual(formatZoned('2025-10-12T15:41:07.5Z', 'Asia/Shanghai', true), { datetime: '2025-10-12T15:41:07.5Z', text: '2025-10-12 23:41:07 (UTC+8)' });
  assert.equal(formatZoned('2025-10-12T15:41:00Z', 'UTC')?.text, '2025-10-12 15:41 (UTC)');
  assert.equal(formatZoned('2025-07-01T12:00:00Z', 'Europe/Berlin')?.text, '2025-07-01 14:00 (UTC+2)');
  assert.deepEqual(formatZoned('2025-10-12', 'Asia/Shanghai'), { datetime: '2025-10-12', text: '2025-10-12' });
  assert.equal(formatZoned('nonsense', 'UTC'), null);
  assert.equal(formatZoned(null, 'UTC'), null);
});

test('categories: count descending, then name, whatever order they come in', () => {
  const rows = [
    { value: 'b', count: 2 },
    { value: '国内', count: 5 },
    { value: 'a', count: 2 },
    { value: 'World', count: 5 },
  ];
  const expected = ['World', '国内', 'a', 'b'];
  assert.deepEqual(sortCategories(rows).map((c) => c.value), expected);
  assert.deepEqual(sortCategories([...rows].reverse()).map((c) => c.value), expected);
});

test('excerpts are cut between characters: never inside a surrogate pair or a grapheme', () => {
  const broken = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|\uFFFD/;
  // Astral CJK (Extension B, two UTF-16 units each), emoji with skin tones and ZWJ sequences, combining marks.
  const bodies = [
    '𠀾𠁀𠂉'.repeat(120),
    `统筹发展和安全${'𠀾'.repeat(200)}`,
    '👩🏽‍💻🇨🇳'.repeat(150),
    'e\u0301'.repeat(400),
    `${'统筹发展和安全'.repeat(40)}𠀾`,
  ];
  for (const body of bodies) {
    for (let width = 1; width <= 230; width += 7) {
      const lead = leadExcerpt(body, width);
      assert.doesNotMatch(lead, broken, `${width}: ${lead}`);
      assert.equal(Buffer.from(lead, 'utf8').toString('utf8'), lead);
      assert.ok(splitGraphemes(lead).every((g) => body.includes(g) || g === '…'), lead);
    }
    for (const needle of ['𠂉', '💻', 'é', '安全']) {
      const text = excerptAround(`${'字'.repeat(301)}${body}`, [needle]).map((p) => p.text).join('');
      assert.doesNotMatch(text, broken, text);
    }
  }
  // A long body is cut the same way (only its opening is segmented).
  assert.equal(splitGraphemes(leadExcerpt('统'.repeat(100_000))).length, 110);
  assert.match(leadExcerpt('统'.repeat(100_000)), /统…$/);
  assert.equal(leadExcerpt(`a${' '.repeat(5000)}b`), 'a…'); // more text follows the cut
  assert.match(leadExcerpt(`a${' '.repeat(5000)}b${'c'.repeat(300)}`), /^a( b)?…$/);
  // A window that starts after an astral character keeps whole characters.
  const around = excerptAround(`${'𠀾'.repeat(300)}安全`, ['安全']).map((p) => p.text).join('');
  assert.match(around, /^…(𠀾)+安全$/u);
});

test('served pages: zone labels on every time, 来源 from the page, permalink and full sha256, stable nav', async (t) => {
  const { storeDir } = tempRoot(t);
  const store = SnapshotStore.open(storeDir);
  const shanghai = store.write(
    makeInput({
      url: 'https://www.lunews.example/2025/10/12/weifang.html',
      body: `潍坊${'统筹发展和安全'.repeat(60)}`,
      article: { title: '潍坊新闻', publishedAt: '2025-10-12T23:41:00+08:00', publisher: '鲁网', category: '国内', language: 'zh-CN' },
    }),
  );
  const ny = store.write(
    makeInput({
      url: 'https://ny.example.org/story',
      body: 'A story from New York.',
      article: { title: 'New York story', publishedAt: '2025-10-12T10:41:00-05:00', publisher: undefined, category: 'World', language: 'en' },
    }),
  );
  store.write(makeInput({ url: 'https://ny.example.org/second', body: 'Second.', article: { title: 'Second', category: 'World', publisher: undefined } }));
  store.write(makeInput({ url: 'https://b.example.org/x', body: 'B.', article: { title: 'B', category: 'Beta', publisher: undefined } }));
  store.write(makeInput({ url: 'https://a.example.org/x', body: 'A.', article: { title: 'A', category: 'Alpha', publisher: undefined } }));
  const sha256 = store.get(shanghai.id)!.sha256;
  store.close();
  assert.equal(shanghai.status, 'new');
  const server = await startSiteServer({ storeDir, port: 0, site: { locale: 'zh-CN', title: '快照' }, baseUrl: 'https://archive.example/snaps/' });
  t.after(() => server.close());

  const home = (await get(server.url, '/')).text;
  // Both publish times (+08:00 and -05:00) are the same instant, shown the same way, labelled.
  assert.equal([...home.matchAll(/<time datetime="[^"]+">2025-10-12 23:41 \(UTC\+8\)<\/time>/g)].length, 2);
  for (const m of home.matchAll(/<time datetime="([^"]+)">([^<]*)<\/time>/g)) assert.match(m[2], /\((UTC[+-]?\d*)\)$/, m[0]);

  // Categories: World (2) before the ones with 1, those by name; the same on every load.
  const nav = (text: string) => [...text.slice(text.indexOf('<nav class="cats"'), text.indexOf('</nav>', text.indexOf('<nav class="cats"'))).matchAll(/<a href="\/c\/[^"]+"[^>]*>([^<]+)<\/a>/g)].map((m) => m[1]);
  assert.deepEqual(nav(home), ['World', 'Alpha', 'Beta', '国内']);
  for (let i = 0; i < 3; i++) assert.deepEqual(nav((await get(server.url, '/search?q=x')).text), ['World', 'Alpha', 'Beta', '国内']);

  const zh = (await get(server.url, `/s/${shanghai.id}`)).text;
  assert.match(zh, /发布时间：<time datetime="2025-10-12T23:41:00\+08:00">2025-10-12 23:41 \(UTC\+8\)<\/time>/);
  assert.match(zh, /来源：鲁网/);
  assert.doesNotMatch(zh, /example-news/); // the config's source name is never the 来源
  assert.match(zh, /快照生成时间<\/dt><dd><time datetime="[^"]+Z">\d{4}-\d\d-\d\d \d\d:\d\d:\d\d \(UTC\+8\)<\/time>/);
  const permalink = `https://archive.example/snaps/s/${shanghai.id}`;
  assert.match(zh, new RegExp(`快照链接</dt><dd><a class="permalink" href="${permalink}">${permalink}</a>`));
  assert.match(zh, new RegExp(`sha256 ${sha256}</span>`));
  assert.match(sha256, /^[0-9a-f]{64}$/);
  assert.match(zh, new RegExp(`class="cite">.*鲁网，2025-10-12 23:41 \\(UTC\\+8\\)。.*${permalink}`));

  // No publisher: the host, not the config's source name.
  const en = (await get(server.url, `/s/${ny.id}`)).text;
  assert.match(en, /来源：ny\.example\.org/);
  assert.doesNotMatch(en, /example-news/);
  assert.match(en, /发布时间：<time datetime="2025-10-12T10:41:00-05:00">2025-10-12 23:41 \(UTC\+8\)<\/time>/);

  // Versions and raw pages label their times too.
  for (const path of [`/s/${shanghai.id}/versions`, `/s/${shanghai.id}/raw`]) {
    const text = (await get(server.url, path)).text;
    const times = [...text.matchAll(/<time datetime="[^"]+">([^<]*)<\/time>/g)];
    assert.ok(times.length > 0, path);
    for (const m of times) assert.match(m[1], /\(UTC\+8\)$/, `${path}: ${m[0]}`);
  }

  // Search excerpts in Chinese end on a whole character.
  const search = (await get(server.url, `/search?q=${encodeURIComponent('安全')}`)).text;
  const excerpt = /<p class="excerpt">([\s\S]*?)<\/p>/.exec(search)?.[1] ?? '';
  assert.match(excerpt, /<mark>安全<\/mark>/);
  assert.doesNotMatch(excerpt, /\uFFFD/);
  assert.match(excerpt, /[\u4e00-\u9fff]…$/);
});

test('without a base URL the permalink is the page path', async (t) => {
  const { storeDir } = tempRoot(t);
  const store = SnapshotStore.open(storeDir);
  const w = store.write(makeInput({ url: 'https://x.example/a', body: 'Hello.' }));
  store.close();
  const server = await startSiteServer({ storeDir, port: 0 });
  t.after(() => server.close());
  const text = (await get(server.url, `/s/${w.id}`)).text;
  assert.match(text, new RegExp(`Permalink</dt><dd><a class="permalink" href="/s/${w.id}">/s/${w.id}</a>`));
  assert.match(text, /Source: Example News/);
});
