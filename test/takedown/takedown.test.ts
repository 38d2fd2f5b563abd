import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { ExcludedUrlError, SnapshotStore } from '../../src/snapshot/index.js';
import { openStoreDatabase } from '../../src/storage/database.js';
import { isExcluded, listExclusions, removeExclusion } from '../../src/frontier/index.js';
import { takedown, TakedownError, type TakedownAuditEntry } from '../../src/takedown/index.js';
import { listFiles, makeInput, tempRoot } from '../snapshot/fixtures.js';

/** A store with two versions of one story plus neighbours on the same host, a subdomain and another site. */
function seededStore(t: Parameters<typeof tempRoot>[0]) {
  const { storeDir } = tempRoot(t);
  const store = SnapshotStore.open(storeDir);
  t.after(() => store.close());
  const v1 = store.write(makeInput({ url: 'https://example.com/news/story?utm_source=x', body: 'first' }));
  const v2 = store.write(makeInput({ url: 'https://example.com/news/story', body: 'second' }));
  const sibling = store.write(makeInput({ url: 'https://example.com/news/other', body: 'other' }));
  const outside = store.write(makeInput({ url: 'https://example.com/sport/match', body: 'match' }));
  const sub = store.write(makeInput({ url: 'https://live.example.com/feed', body: 'live' }));
  const foreign = store.write(makeInput({ url: 'https://notexample.com/news/story', body: 'foreign' }));
  return { storeDir, store, ids: { v1: v1.id, v2: v2.id, sibling: sibling.id, outside: outside.id, sub: sub.id, foreign: foreign.id } };
}

function auditLines(storeDir: string): TakedownAuditEntry[] {
  const path = join(storeDir, 'takedowns.jsonl');
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as TakedownAuditEntry);
}

function remainingIds(store: SnapshotStore): string[] {
  return store.list({ limit: 1000 }).map((s) => s.id).sort();
}

test('takedown by url removes every version, its files and rows, excludes it and logs it', (t) => {
  const { storeDir, store, ids } = seededStore(t);
  const dirs = [ids.v1, ids.v2].map((id) => store.files(id)!.dir);
  const result = takedown(store, { url: 'https://EXAMPLE.com/news/story?utm_medium=mail#top' }, { reason: 'DMCA 118', requester: 'Rights Co' });

  assert.deepEqual(result.matched.map((s) => s.id).sort(), [ids.v1, ids.v2].sort());
  assert.equal(result.removedFiles, 6);
  assert.equal(result.exclusionsAdded, 1);
  assert.equal(result.dryRun, false);
  for (const dir of dirs) assert.equal(existsSync(dir), false);
  assert.equal(store.summary(ids.v1), null);
  assert.deepEqual(store.versions('https://example.com/news/story'), []);
  assert.deepEqual(remainingIds(store), [ids.sibling, ids.outside, ids.sub, ids.foreign].sort());

  assert.equal(isExcluded(store.db, 'https://example.com/news/story?utm_source=rss'), true);
  assert.equal(isExcluded(store.db, 'https://example.com/news/other'), false);
  assert.deepEqual(listExclusions(store.db).map((e) => [e.kind, e.value, e.reason, e.requester]), [
    ['url', 'https://example.com/news/story', 'DMCA 118', 'Rights Co'],
  ]);

  const [line, ...more] = auditLines(storeDir);
  assert.equal(more.length, 0);
  assert.ok(line);
  assert.deepEqual(line.selector, { url: 'https://EXAMPLE.com/news/story?utm_medium=mail#top' });
  assert.equal(line.reason, 'DMCA 118');
  assert.equal(line.requester, 'Rights Co');
  assert.deepEqual(line.removed.map((r) => r.id).sort(), [ids.v1, ids.v2].sort());
  assert.deepEqual(line.urls, ['https://example.com/news/story']);
  const raw = readFileSync(join(storeDir, 'takedowns.jsonl'), 'utf8');
  for (const content of ['first', 'second', 'A story', 'Hello']) assert.ok(!raw.includes(content), `audit must not hold content: ${content}`);

  // The crawler can't bring it back: the store refuses it even if the crawler forgot to check.
  assert.throws(() => store.write(makeInput({ url: 'https://example.com/news/story', body: 'third' })), ExcludedUrlError);
});

test('takedown by prefix removes everything under it, and nothing beside it', (t) => {
  const { store, ids } = seededStore(t);
  const result = takedown(store, { prefix: 'https://example.com/news/' }, { reason: 'section withdrawn' });
  assert.deepEqual(result.matched.map((s) => s.id).sort(), [ids.v1, ids.v2, ids.sibling].sort());
  assert.equal(result.removedFiles, 9);
  assert.deepEqual(remainingIds(store), [ids.outside, ids.sub, ids.foreign].sort());
  assert.equal(isExcluded(store.db, 'https://example.com/news/brand-new'), true);
  assert.equal(isExcluded(store.db, 'https://example.com/sport/match'), false);
  assert.equal(isExcluded(store.db, 'https://notexample.com/news/story'), false);
});

test('takedown by host covers the host and its subdomains, not look-alikes', (t) => {
  const { store, ids } = seededStore(t);
  const result = takedown(store, { host: 'Example.COM:443' }, { reason: 'publisher request' });
  assert.deepEqual(result.matched.map((s) => s.id).sort(), [ids.v1, ids.v2, ids.sibling, ids.outside, ids.sub].sort());
  assert.deepEqual(remainingIds(store), [ids.foreign]);
  assert.equal(isExcluded(store.db, 'http://example.com:8080/anything'), true);
  assert.equal(isExcluded(store.db, 'https://deep.live.example.com/x'), true);
  assert.equal(isExcluded(store.db, 'https://notexample.com/'), false);
  assert.equal(isExcluded(store.db, 'https://example.com.evil.test/'), false);
});

test('takedown by id removes all versions of that page and excludes its URL', (t) => {
  const { storeDir, store, ids } = seededStore(t);
  const result = takedown({ store: storeDir, db: store.db }, { id: ids.v1 }, { reason: 'court order' });
  assert.deepEqual(result.matched.map((s) => s.id).sort(), [ids.v1, ids.v2].sort());
  assert.equal(store.summary(ids.v2), null);
  assert.equal(isExcluded(store.db, 'https://example.com/news/story'), true);
  assert.deepEqual(listExclusions(store.db).map((e) => [e.kind, e.value]), [['url', 'https://example.com/news/story']]);
  assert.throws(() => takedown(store, { id: ids.v1 }, { reason: 'again' }), TakedownError);
});

test('dry run lists what would go and changes nothing', (t) => {
  const { storeDir, store, ids } = seededStore(t);
  const before = listFiles(storeDir).filter((f) => !f.startsWith('store.db'));
  const result = takedown(store, { host: 'example.com' }, { reason: 'checking', dryRun: true });
  assert.equal(result.dryRun, true);
  assert.equal(result.matched.length, 5);
  assert.equal(result.removedFiles, 0);
  assert.equal(result.exclusionsAdded, 0);
  assert.deepEqual(listFiles(storeDir).filter((f) => !f.startsWith('store.db')), before);
  assert.equal(remainingIds(store).length, 6);
  assert.deepEqual(listExclusions(store.db), []);
  assert.equal(isExcluded(store.db, `https://example.com/news/story`), false);
  assert.equal(existsSync(join(storeDir, 'takedowns.jsonl')), false);
  assert.ok(store.get(ids.v1));
});

test('a takedown matched through the final URL also excludes the URL the crawler asks for', (t) => {
  const { store } = seededStore(t);
  const redirected = store.write(
    makeInput({
      url: 'https://short.example/abc',
      body: 'redirected story',
      fetch: { finalUrl: 'https://example.com/news/moved', redirects: [{ url: 'https://short.example/abc', status: 301, location: 'https://example.com/news/moved' }] },
    }),
  );
  const result = takedown(store, { url: 'https://example.com/news/moved' }, { reason: 'moved story' });
  assert.deepEqual(result.matched.map((s) => s.id), [redirected.id]);
  assert.equal(result.exclusionsAdded, 2);
  assert.equal(isExcluded(store.db, 'https://short.example/abc'), true);
  // and a new fetch that lands on an excluded final URL is refused by the store
  assert.throws(
    () => store.write(makeInput({ url: 'https://short.example/other', body: 'x', fetch: { finalUrl: 'https://example.com/news/moved' } })),
    ExcludedUrlError,
  );
});

test('a takedown before anything is archived still records the exclusion', (t) => {
  const { storeDir } = tempRoot(t);
  const result = takedown(storeDir, { prefix: 'https://example.org/private/' }, { reason: 'pre-emptive' });
  assert.deepEqual(result.matched, []);
  assert.equal(result.exclusionsAdded, 1);
  const db = openStoreDatabase(storeDir);
  t.after(() => db.close());
  assert.equal(isExcluded(db, 'https://example.org/private/page'), true);
  assert.equal(auditLines(storeDir).length, 1);
});

test("a takedown through another connection reaches the crawler's cached rules", (t) => {
  const { storeDir } = tempRoot(t);
  const crawlerDb = openStoreDatabase(storeDir);
  t.after(() => crawlerDb.close());
  assert.equal(isExcluded(crawlerDb, 'https://example.net/a'), false); // loads and caches the (empty) rules
  takedown(storeDir, { host: 'example.net' }, { reason: 'cli run during a crawl' });
  assert.equal(isExcluded(crawlerDb, 'https://example.net/a'), true);

  // and lifting a rule is seen too
  const cli = openStoreDatabase(storeDir);
  assert.equal(removeExclusion(cli, { kind: 'host', value: 'example.net' }), true);
  cli.close();
  assert.equal(isExcluded(crawlerDb, 'https://example.net/a'), false);
});

test('bad requests are refused before anything changes', (t) => {
  const { store } = seededStore(t);
  assert.throws(() => takedown(store, { url: 'ftp://example.com/x' }, { reason: 'r' }), TakedownError);
  assert.throws(() => takedown(store, { prefix: '/news/' }, { reason: 'r' }), TakedownError);
  assert.throws(() => takedown(store, { host: '' }, { reason: 'r' }), TakedownError);
  assert.throws(() => takedown(store, { url: 'https://example.com/news/story' }, { reason: '  ' }), TakedownError);
  assert.equal(remainingIds(store).length, 6);
  assert.deepEqual(listExclusions(store.db), []);
});

test('isExcluded is cheap enough to call for every URL', (t) => {
  const { storeDir } = tempRoot(t);
  const db = openStoreDatabase(storeDir);
  t.after(() => db.close());
  for (let i = 0; i < 50; i++) takedown({ store: storeDir, db }, { prefix: `https://site${i}.example/private/` }, { reason: 'bulk' });
  const started = performance.now();
  let hits = 0;
  let expected = 0;
  for (let i = 0; i < 20_000; i++) {
    if (isExcluded(db, `https://site${i % 60}.example/private/${i}`)) hits++;
    if (i % 60 < 50) expected++;
  }
  const ms = performance.now() - started;
  assert.equal(hits, expected);
  t.diagnostic(`20k isExcluded calls in ${ms.toFixed(0)} ms`);
  assert.ok(ms < 5_000);
});

test('a crawl storing a new version while a takedown runs cannot bring the page back: the rule is in before the match', (t) => {
  const { storeDir, store } = seededStore(t);
  // A second connection stands for a crawl in another process, storing a new version of the story at the worst
  // moment: when the takedown reads which versions exist.
  const crawl = SnapshotStore.open(storeDir);
  t.after(() => crawl.close());
  const original = SnapshotStore.prototype.matchAllVersions;
  let crawlTried = false;
  let crawlRefused = false;
  t.mock.method(SnapshotStore.prototype, 'matchAllVersions', function (this: SnapshotStore, ...args: Parameters<typeof original>) {
    if (this === store && !crawlTried) {
      crawlTried = true;
      try {
        crawl.write(makeInput({ url: 'https://example.com/news/story', body: 'third, stored during the takedown' }));
      } catch (err) {
        crawlRefused = err instanceof ExcludedUrlError;
        if (!crawlRefused) throw err;
      }
    }
    return original.apply(this, args);
  });
  takedown(store, { url: 'https://example.com/news/story' }, { reason: 'DMCA 119' });
  assert.ok(crawlTried);
  assert.ok(crawlRefused, 'the crawl stored a version of a page being taken down');
  assert.deepEqual(store.versions('https://example.com/news/story'), []);
  assert.deepEqual(crawl.versions('https://example.com/news/story'), []);
});
