import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { isSnapshotId, SnapshotStore, type SnapshotRecord } from '../../src/snapshot/index.js';
import { openStoreDatabase } from '../../src/storage/database.js';
import { sha256Hex } from '../../src/snapshot/hash.js';
import { listFiles, makeInput, tempRoot } from './fixtures.js';

/** Every SnapshotRecord key: adding a field to the type without listing it here fails to compile. */
const RECORD_FIELDS: Record<keyof SnapshotRecord, true> = {
  id: true, url: true, canonicalUrl: true, finalUrl: true, redirects: true, fetchedAt: true, httpStatus: true,
  contentType: true, charset: true, sha256: true, bytes: true, truncated: true, userAgent: true, crawler: true,
  robots: true, source: true, title: true, publishedAt: true, modifiedAt: true, author: true, editor: true,
  publisher: true, category: true, tags: true, language: true, description: true, body: true, images: true,
  previousId: true, contentHash: true, render: true, files: true, requisites: true,
};

const URL_A = 'https://news.example.com/2025/10/13/story.html?utm_source=rss';
const URL_A_NORMALIZED = 'https://news.example.com/2025/10/13/story.html';

test('new snapshot: folder layout, snapshot.json with every field, article.md', async (t) => {
  const { storeDir } = tempRoot(t);
  const store = SnapshotStore.open(storeDir);
  t.after(() => store.close());
  const input = makeInput({ url: URL_A, article: { category: undefined } });
  input.defaultCategory = 'Fallback';
  const outcome = store.write(input);

  assert.equal(outcome.status, 'new');
  assert.ok(isSnapshotId(outcome.id), outcome.id);
  assert.match(outcome.id, /^20251013T0545\d\dZ-[0-9a-f]{8}$/);
  assert.ok(outcome.status === 'new' && outcome.dir === join(storeDir, 'news.example.com', '2025', '10', '13', outcome.id));
  assert.deepEqual(listFiles(join(storeDir, 'news.example.com')), [
    `2025/10/13/${outcome.id}/article.md`,
    `2025/10/13/${outcome.id}/page.warc.gz`,
    `2025/10/13/${outcome.id}/snapshot.json`,
  ]);
  assert.deepEqual(readdirSync(join(storeDir, '.tmp')), [], 'tmp area is empty after a write');

  const record = store.get(outcome.id);
  assert.ok(record);
  assert.deepEqual(Object.keys(record).sort(), Object.keys(RECORD_FIELDS).sort());
  const onDisk = JSON.parse(readFileSync(join(outcome.dir, 'snapshot.json'), 'utf8')) as SnapshotRecord;
  assert.deepEqual(onDisk, record);
  assert.equal(record.url, URL_A_NORMALIZED);
  assert.equal(record.finalUrl, URL_A);
  assert.equal(record.sha256, sha256Hex(input.fetch.body));
  assert.equal(record.bytes, input.fetch.body.length);
  assert.equal(record.contentHash, sha256Hex('Hello world.'));
  assert.equal(record.fetchedAt, input.fetch.fetchedAt.toISOString());
  assert.equal(record.httpStatus, 200);
  assert.equal(record.contentType, 'text/html; charset=utf-8');
  assert.equal(record.charset, 'utf-8');
  assert.equal(record.category, 'Fallback');
  assert.equal(record.previousId, null);
  assert.deepEqual(record.render, { mode: 'http' });
  assert.deepEqual(record.files, { warc: 'page.warc.gz', article: 'article.md' });
  assert.deepEqual(record.robots, { allowed: true, robotsUrl: 'https://news.example.com/robots.txt' });
  assert.equal(record.crawler.name, 'snapcrawl');
  assert.equal(record.title, 'A story');
  assert.deepEqual(record.tags, ['one', 'two']);

  const md = readFileSync(join(outcome.dir, 'article.md'), 'utf8');
  assert.match(md, /^---\ntitle: "A story"\noriginal_url: "https:\/\/news\.example\.com\/2025\/10\/13\/story\.html"\nsnapshot_time: "2025-10-13T05:45:\d\d\.\d{3}Z"\n/);
  assert.match(md, /\n---\n\n# A story\n\nHello world\.\n$/);

  assert.deepEqual(store.summary(outcome.id), {
    id: outcome.id, url: URL_A_NORMALIZED, host: 'news.example.com', fetchedAt: record.fetchedAt, title: 'A story',
    publishedAt: '2025-10-13T13:40:00+08:00', category: 'Fallback', source: 'example-news',
    dir: `news.example.com/2025/10/13/${outcome.id}`, previousId: null, contentHash: record.contentHash,
  });
  assert.deepEqual(await store.verify(outcome.id), { id: outcome.id, ok: true, recordSha256: record.sha256, warcBodySha256: record.sha256 });
});

test('same body text is unchanged (no files); new text is a changed version linked to the previous', (t) => {
  const { storeDir } = tempRoot(t);
  const store = SnapshotStore.open(storeDir);
  t.after(() => store.close());

  const first = store.write(makeInput({ url: URL_A }));
  // Markup differs (fixture adds a random ad), body text doesn't: unchanged.
  const again = store.write(makeInput({ url: `${URL_A}&utm_medium=x` }));
  assert.deepEqual(again, { status: 'unchanged', id: first.id });
  assert.equal(store.count(), 1);
  assert.equal(listFiles(storeDir).filter((f) => f.endsWith('snapshot.json')).length, 1);

  const second = store.write(makeInput({ url: URL_A, body: 'Hello world, updated.' }));
  assert.equal(second.status, 'changed');
  assert.ok(second.status === 'changed' && second.previousId === first.id);
  assert.equal(store.get(second.id)?.previousId, first.id);
  const third = store.write(makeInput({ url: URL_A, body: 'Third text.' }));
  assert.ok(third.status === 'changed' && third.previousId === second.id);

  assert.deepEqual(store.versions(URL_A).map((s) => s.id), [first.id, second.id, third.id]);
  assert.equal(store.latestFor(URL_A_NORMALIZED)?.id, third.id);
  assert.equal(store.count(), 3);
  assert.equal(store.count({ latestOnly: true }), 1);
  assert.deepEqual(store.list({ latestOnly: true }).map((s) => s.id), [third.id]);
  assert.deepEqual(store.list().map((s) => s.id), [third.id, second.id, first.id]);

  // Going back to an older text is still a change against the latest version.
  const fourth = store.write(makeInput({ url: URL_A }));
  assert.ok(fourth.status === 'changed' && fourth.previousId === third.id);
});

test('pages without body text compare by raw bytes', (t) => {
  const { storeDir } = tempRoot(t);
  const store = SnapshotStore.open(storeDir);
  t.after(() => store.close());
  const bytes = Buffer.from('%PDF-1.4 binary');
  const a = store.write(makeInput({ bodyBytes: bytes, body: '' }));
  const b = store.write(makeInput({ bodyBytes: bytes, body: '  ' }));
  const c = store.write(makeInput({ bodyBytes: Buffer.from('%PDF-1.5 other'), body: '' }));
  assert.equal(a.status, 'new');
  assert.deepEqual(b, { status: 'unchanged', id: a.id });
  assert.equal(c.status, 'changed');
  assert.equal(store.get(a.id)?.contentHash, sha256Hex(bytes));
});

test('repeated writes of one URL: one new, unchanged repeats, then a chain of versions', (t) => {
  const { storeDir } = tempRoot(t);
  const store = SnapshotStore.open(storeDir);
  t.after(() => store.close());
  const same = [1, 2, 3, 4].map(() => store.write(makeInput({ url: URL_A })));
  assert.deepEqual(same.map((o) => o.status), ['new', 'unchanged', 'unchanged', 'unchanged']);
  const changed = ['v2', 'v3', 'v4'].map((body) => store.write(makeInput({ url: URL_A, body })));
  assert.ok(changed.every((o) => o.status === 'changed'));
  const versions = store.versions(URL_A);
  assert.equal(versions.length, 4);
  for (let i = 1; i < versions.length; i++) assert.equal(versions[i]!.previousId, versions[i - 1]!.id);
});

test('two versions fetched in the same millisecond still get distinct ids and folders', (t) => {
  const { storeDir } = tempRoot(t);
  const store = SnapshotStore.open(storeDir);
  t.after(() => store.close());
  const at = new Date('2025-10-13T05:45:01.123Z');
  const a = store.write(makeInput({ url: URL_A, body: 'one', fetch: { fetchedAt: at } }));
  const b = store.write(makeInput({ url: URL_A, body: 'two', fetch: { fetchedAt: at } }));
  assert.notEqual(a.id, b.id);
  assert.equal(store.count(), 2);
});

test('list filters, ordering, paging and facets', (t) => {
  const { storeDir } = tempRoot(t);
  const store = SnapshotStore.open(storeDir);
  t.after(() => store.close());
  store.write(makeInput({ url: 'https://a.example/1', body: 'a1', article: { category: 'Tech', publishedAt: '2025-10-01T10:00:00+08:00' } }));
  store.write(makeInput({ url: 'https://a.example/2', body: 'a2', article: { category: 'World', publishedAt: '2025-10-03T00:00:00Z' } }));
  store.write(makeInput({ url: 'http://b.example:8080/3', body: 'b3', article: { category: 'Tech', publishedAt: undefined } }));

  assert.deepEqual(store.list({ host: 'a.example' }).map((s) => s.url), ['https://a.example/2', 'https://a.example/1']);
  assert.deepEqual(store.list({ category: 'Tech' }).map((s) => s.host), ['b.example:8080', 'a.example']);
  assert.deepEqual(store.list({ orderBy: 'publishedAt' }).map((s) => s.url), ['https://a.example/2', 'https://a.example/1', 'http://b.example:8080/3']);
  assert.deepEqual(store.list({ limit: 1, offset: 1 }).map((s) => s.url), ['https://a.example/2']);
  assert.equal(store.count({ category: 'Tech' }), 2);
  assert.deepEqual(store.facet('category'), [{ value: 'Tech', count: 2 }, { value: 'World', count: 1 }]);
  assert.ok(existsSync(join(storeDir, 'b.example_8080')), 'port becomes _port in the folder name');
  assert.equal(store.get('20990101T000000Z-00000000'), null);
  assert.equal(store.latestFor('https://nowhere.example/'), null);
});

test('shares a caller-owned database and can be reopened read-only', (t) => {
  const { storeDir } = tempRoot(t);
  const db = openStoreDatabase(storeDir);
  const store = SnapshotStore.open(storeDir, { db });
  const written = store.write(makeInput({ url: URL_A }));
  store.close();
  assert.ok(db.open, 'a caller-owned db stays open');
  db.close();

  const reader = SnapshotStore.open(storeDir, { readonly: true });
  t.after(() => reader.close());
  assert.equal(reader.get(written.id)?.id, written.id);
  assert.throws(() => reader.write(makeInput()), /read-only/);
});

test('hundreds of pages are written quickly', (t) => {
  const { storeDir } = tempRoot(t);
  const store = SnapshotStore.open(storeDir);
  t.after(() => store.close());
  const started = performance.now();
  const outcomes = Array.from({ length: 300 }, (_, i) => store.write(makeInput({ url: `https://bulk${i % 7}.example/p/${i}`, body: `page ${i}` })));
  const ms = performance.now() - started;
  assert.equal(outcomes.filter((o) => o.status === 'new').length, 300);
  assert.equal(store.count(), 300);
  t.diagnostic(`300 snapshots in ${ms.toFixed(0)} ms`);
  assert.ok(ms < 30_000, `took ${ms} ms`);
});
