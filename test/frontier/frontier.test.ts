import assert from 'node:assert/strict';
import { test } from 'node:test';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Frontier } from '../../src/frontier/index.js';
import { openStoreDatabase } from '../../src/storage/index.js';
import { tempDir } from '../helpers/tmp.js';

const noDelay = () => 0;

test('URLs are unique after normalization', () => {
  const db = openStoreDatabase(tempDir());
  const f = new Frontier(db, 'run1');
  assert.equal(f.add({ url: 'https://a.example/x?utm_source=1', source: 's', depth: 1 }), true);
  assert.equal(f.add({ url: 'HTTPS://A.example:443/x#frag', source: 's', depth: 2 }), false);
  assert.equal(f.addMany([{ url: 'https://a.example/y', source: 's', depth: 1 }, { url: 'https://a.example/x', source: 's', depth: 1 }]), 1);
  assert.equal(f.counts().queued, 2);
  db.close();
});

test('claim gives one URL per host per call, best priority first, and honours the host delay', () => {
  const db = openStoreDatabase(tempDir());
  const f = new Frontier(db, 'run1');
  f.add({ url: 'https://a.example/low', source: 's', depth: 2 });
  f.add({ url: 'https://a.example/high', source: 's', depth: 1, priority: 5 });
  f.add({ url: 'https://b.example/1', source: 's', depth: 1 });
  const now = 1_000_000;
  const first = f.claim({ now, limit: 10, delayFor: () => 1000 });
  assert.deepEqual(first.map((e) => e.url).sort(), ['https://a.example/high', 'https://b.example/1']);
  assert.equal(f.claim({ now: now + 500, limit: 10, delayFor: () => 1000 }).length, 0, 'host delay not yet over');
  assert.equal(f.nextWakeAt(), now + 1000);
  const later = f.claim({ now: now + 1000, limit: 10, delayFor: () => 1000 });
  assert.deepEqual(later.map((e) => e.url), ['https://a.example/low']);
  db.close();
});

test('busy hosts and exhausted sources are passed over', () => {
  const db = openStoreDatabase(tempDir());
  const f = new Frontier(db, 'run1');
  f.add({ url: 'https://a.example/1', source: 's1', depth: 0 });
  f.add({ url: 'https://b.example/1', source: 's2', depth: 0 });
  const got = f.claim({ now: 1, limit: 5, delayFor: noDelay, busyHosts: new Set(['a.example']), exhaustedSources: new Set(['s2']) });
  assert.equal(got.length, 0);
  assert.equal(f.queuedCount(new Set(['s2'])), 1);
  db.close();
});

test('an interrupted run resumes: in-flight URLs go back to the queue, finished ones stay done', () => {
  const dir = tempDir();
  let db = openStoreDatabase(dir);
  let f = new Frontier(db, 'run1');
  f.addMany(['1', '2', '3'].map((n) => ({ url: `https://a.example/${n}`, source: 's', depth: 0 })));
  const claimed = f.claim({ now: 1, limit: 1, delayFor: noDelay });
  f.finish(claimed[0].url, { state: 'done', outcome: 'snapshot-new' });
  f.claim({ now: 2, limit: 1, delayFor: noDelay }); // in flight when the process "dies"
  db.close();

  db = openStoreDatabase(dir);
  f = new Frontier(db, 'run1');
  assert.equal(f.counts().in_flight, 1);
  assert.equal(f.reclaimExpired(), 1);
  assert.deepEqual(f.counts(), { queued: 2, in_flight: 0, done: 1, failed: 0, skipped: 0 });
  const rest = [...f.claim({ now: 3, limit: 1, delayFor: noDelay }), ...f.claim({ now: 4, limit: 1, delayFor: noDelay })];
  assert.equal(new Set(rest.map((e) => e.url)).size, 2);
  assert.ok(!rest.some((e) => e.url === claimed[0].url), 'a finished URL is not handed out again');
  db.close();
});

test('seeds are requeued by a new run but not twice within one run', () => {
  const db = openStoreDatabase(tempDir());
  const seed = { url: 'https://a.example/', source: 's', depth: 0, kind: 'seed' as const };
  const r1 = new Frontier(db, 'run1');
  r1.seed(seed);
  const [e] = r1.claim({ now: 1, limit: 1, delayFor: noDelay });
  r1.finish(e.url, { state: 'done', outcome: 'index' });
  r1.seed(seed); // the same run seeding again (resume) leaves it done
  assert.equal(r1.get(seed.url)?.state, 'done');
  const r2 = new Frontier(db, 'run2');
  r2.seed(seed);
  assert.equal(r2.get(seed.url)?.state, 'queued');
  db.close();
});

test('retryLater holds a URL back until its time', () => {
  const db = openStoreDatabase(tempDir());
  const f = new Frontier(db, 'run1');
  f.add({ url: 'https://a.example/busy', source: 's', depth: 0 });
  const [e] = f.claim({ now: 10, limit: 1, delayFor: noDelay });
  f.retryLater(e.url, 5000, '429');
  assert.equal(f.claim({ now: 4999, limit: 1, delayFor: noDelay }).length, 0);
  assert.equal(f.claim({ now: 5000, limit: 1, delayFor: noDelay }).length, 1);
  db.close();
});

test('request_url: the URL as first linked is kept beside the key and handed out by claim', () => {
  const db = openStoreDatabase(tempDir());
  const f = new Frontier(db, 'run1');
  assert.equal(f.add({ url: 'http://a.example/search?q=x&utm_source=rss&page=2#f', source: 's', depth: 1 }), true);
  assert.equal(f.add({ url: 'http://a.example/search?page=2&q=x', source: 's', depth: 1 }), false, 'same key');
  assert.equal(f.add({ url: 'http://a.example/s?wd=%d6%d0%ce%c4', source: 's', depth: 1 }), true);
  assert.equal(f.add({ url: 'http://a.example/s?wd=%B9%FA%BC%D2', source: 's', depth: 1 }), true, 'another GBK query is another URL');
  const search = f.get('http://a.example/search?page=2&q=x')!;
  assert.equal(search.url, 'http://a.example/search?page=2&q=x');
  assert.equal(search.requestUrl, 'http://a.example/search?q=x&page=2', 'first discovery wins, as linked less tracking');
  assert.equal(f.get('http://a.example/s?wd=%D6%D0%CE%C4')!.requestUrl, 'http://a.example/s?wd=%d6%d0%ce%c4');
  const claimed = [];
  for (let now = 1; claimed.length < 3 && now < 10; now++) claimed.push(...f.claim({ now, limit: 10, delayFor: noDelay }));
  assert.deepEqual(claimed.map((e) => e.requestUrl).sort(), [
    'http://a.example/s?wd=%B9%FA%BC%D2',
    'http://a.example/s?wd=%d6%d0%ce%c4',
    'http://a.example/search?q=x&page=2',
  ]);
  db.close();
});

test('request_url is added in place to an older frontier table; its rows fetch their key until rediscovered', () => {
  const dir = tempDir();
  // A store as an older snapcrawl left it: no numbered migrations yet (user_version 0).
  const old = new Database(join(dir, 'store.db'));
  old.exec(`CREATE TABLE frontier (id INTEGER PRIMARY KEY AUTOINCREMENT, url TEXT NOT NULL UNIQUE, host TEXT NOT NULL,
    source TEXT NOT NULL, depth INTEGER NOT NULL, kind TEXT NOT NULL DEFAULT 'page', state TEXT NOT NULL DEFAULT 'queued',
    priority INTEGER NOT NULL DEFAULT 0, attempts INTEGER NOT NULL DEFAULT 0, next_fetch_at INTEGER NOT NULL DEFAULT 0,
    discovered_from TEXT, discovered_at INTEGER NOT NULL, fetched_at INTEGER, http_status INTEGER, outcome TEXT, last_error TEXT,
    snapshot_id TEXT, run_id TEXT, etag TEXT, last_modified TEXT, revisit_count INTEGER NOT NULL DEFAULT 0, next_revisit_at INTEGER)`);
  old.prepare(`INSERT INTO frontier (url, host, source, depth, discovered_at) VALUES (?, 'a.example', 's', 1, 0)`).run('http://a.example/old');
  old.prepare(`INSERT INTO frontier (url, host, source, depth, discovered_at) VALUES (?, 'a.example', 's', 1, 0)`).run('http://a.example/l?a=1&b=2');
  old.close();
  const db = openStoreDatabase(dir);
  const f = new Frontier(db, 'run1');
  new Frontier(db, 'run2'); // idempotent
  assert.equal(f.get('http://a.example/old')!.requestUrl, 'http://a.example/old');
  f.add({ url: 'http://a.example/l?b=2&a=1', source: 's', depth: 1 });
  f.add({ url: 'http://a.example/l?a=1&b=2', source: 's', depth: 1 });
  assert.equal(f.get('http://a.example/l?a=1&b=2')!.requestUrl, 'http://a.example/l?b=2&a=1', 'first discovery since the upgrade wins');
  db.close();
});
