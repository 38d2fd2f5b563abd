import assert from 'node:assert/strict';
import { test } from 'node:test';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Frontier } from '../../src/frontier/index.js';
import { openStoreDatabase, type StoreDatabase } from '../../src/storage/index.js';
import { tempDir } from '../helpers/tmp.js';

const noDelay = () => 0;

/** The summary as the triggers keep it, and as the frontier rows say it should be. */
function summaryMatchesRows(db: StoreDatabase): void {
  const kept = db.prepare(`SELECT host, source, queued FROM frontier_queue WHERE queued != 0 ORDER BY host, source`).all();
  const truth = db.prepare(`SELECT host, source, count(*) AS queued FROM frontier WHERE state = 'queued' GROUP BY host, source ORDER BY host, source`).all();
  assert.deepEqual(kept, truth, 'per-host counts');
  const due = db.prepare(`SELECT q.host, q.source FROM frontier_queue q WHERE q.queued > 0
    AND q.due_at > (SELECT min(next_fetch_at) FROM frontier f WHERE f.state = 'queued' AND f.host = q.host AND f.source = q.source)`).all();
  assert.deepEqual(due, [], 'due_at is never later than the earliest queued URL');
  const sources = db.prepare(`SELECT source, queued FROM frontier_sources WHERE queued != 0 ORDER BY source`).all();
  const sourceTruth = db.prepare(`SELECT source, count(*) AS queued FROM frontier WHERE state = 'queued' GROUP BY source ORDER BY source`).all();
  assert.deepEqual(sources, sourceTruth, 'per-source counts');
  const parked = db.prepare(`SELECT s.source, s.parked_queued AS n, coalesce((SELECT sum(queued) FROM frontier_queue q WHERE q.source = s.source AND q.parked & 1), 0) AS truth FROM frontier_sources s`).all() as { n: number; truth: number }[];
  for (const p of parked) assert.equal(p.n, p.truth, 'parked counts');
}

test('the queue summary follows every kind of write, including SQL from outside the Frontier', () => {
  const db = openStoreDatabase(tempDir());
  const f = new Frontier(db, 'run1');
  const urls = Array.from({ length: 60 }, (_, i) => ({ url: `https://h${i % 7}.example/a/${i}`, source: `s${i % 3}`, depth: 1 + (i % 2), priority: i % 5 }));
  f.addMany(urls);
  f.seed({ url: 'https://h1.example/', source: 's0', depth: 0, kind: 'seed', priority: 9 });
  summaryMatchesRows(db);
  const claimed = f.claim({ now: 10, limit: 5, delayFor: () => 50 });
  assert.equal(claimed.length, 5);
  summaryMatchesRows(db);
  f.finish(claimed[0].url, { state: 'done', outcome: 'snapshot-new', nextRevisitAt: 100 });
  f.retryLater(claimed[1].url, 5000, '429');
  f.finish(claimed[2].url, { state: 'failed', outcome: 'http-error', nextRevisitAt: 200 });
  f.markAlias('https://h2.example/a/2', 'redirect-from:x', 's2', 1);
  f.finishAsAlias(claimed[3].url, 'https://h9.example/canonical', { state: 'done', outcome: 'snapshot-new', source: 's1', depth: 1 });
  summaryMatchesRows(db);
  assert.equal(f.requeueDue(['s0', 's1', 's2'], 1000) >= 2, true);
  f.reclaimExpired();
  db.prepare(`UPDATE frontier SET state = 'queued', next_fetch_at = 7 WHERE url = ?`).run(claimed[0].url);
  db.prepare(`UPDATE frontier SET host = 'moved.example', source = 's9' WHERE url = ?`).run(urls[10].url);
  db.prepare(`DELETE FROM frontier WHERE url = ?`).run(urls[11].url);
  db.prepare(`INSERT INTO frontier (url, host, source, depth, discovered_at, next_fetch_at) VALUES ('https://z.example/1', 'z.example', 's0', 1, 0, 30)`).run();
  summaryMatchesRows(db);
  // Everything still comes out, once each.
  const seen = new Set<string>();
  for (let now = 20; now < 20_000 && f.queuedCount() > 0; now += 50) for (const e of f.claim({ now, limit: 4, delayFor: noDelay })) {
    assert.ok(!seen.has(e.url), `${e.url} handed out twice`);
    seen.add(e.url);
    f.finish(e.url, { state: 'done', outcome: 'snapshot-new' });
  }
  assert.equal(f.queuedCount(), 0);
  assert.equal(f.counts().queued, 0);
  summaryMatchesRows(db);
  db.close();
});

test('spent hosts and sources are parked: not claimed, not counted, not waited for; lifted when no longer passed', () => {
  const db = openStoreDatabase(tempDir());
  const f = new Frontier(db, 'run1');
  f.addMany([
    { url: 'https://a.example/1', source: 's1', depth: 1 },
    { url: 'https://a.example/2', source: 's1', depth: 1 },
    { url: 'https://b.example/1', source: 's1', depth: 1 },
    { url: 'https://c.example/1', source: 's2', depth: 1 },
  ]);
  const spentHosts = new Set(['a.example']);
  const spentSources = new Set(['s2']);
  assert.equal(f.queuedCount(spentSources, spentHosts), 1);
  const got = f.claim({ now: 1, limit: 10, delayFor: () => 100, exhaustedHosts: spentHosts, exhaustedSources: spentSources });
  assert.deepEqual(got.map((e) => e.url), ['https://b.example/1']);
  assert.equal(f.nextWakeAt(spentSources, spentHosts), null, 'only spent hosts and sources have URLs left');
  assert.equal(f.queuedCount(spentSources, spentHosts), 0);
  summaryMatchesRows(db);
  // A later call (the next run) without them sees everything again.
  assert.equal(f.queuedCount(), 3);
  assert.equal(f.nextWakeAt(), 0);
  const later = f.claim({ now: 2, limit: 10, delayFor: noDelay });
  assert.deepEqual(later.map((e) => e.host).sort(), ['a.example', 'c.example']);
  summaryMatchesRows(db);
  db.close();
});

test('a host\'s spacing booked by a claim holds for its groups added later, and deferHost never moves it earlier', () => {
  // Since migration 009 a claim books the spacing in the host's groups, not in `hosts`: a new group (another source)
  // takes it from the host's other groups, and a Crawl-delay written to `hosts` only ever moves the groups later.
  const db = openStoreDatabase(tempDir());
  const f = new Frontier(db, 'run1');
  f.addMany([{ url: 'https://a.example/1', source: 's', depth: 1 }]);
  assert.deepEqual(f.claim({ now: 10, limit: 5, delayFor: () => 100 }).map((e) => e.url), ['https://a.example/1']);
  f.addMany([{ url: 'https://a.example/2', source: 't', depth: 1 }, { url: 'https://b.example/1', source: 't', depth: 1 }]);
  assert.deepEqual(f.claim({ now: 50, limit: 5, delayFor: () => 100 }).map((e) => e.url), ['https://b.example/1'], 'a.example waits');
  f.deferHost('a.example', 60);
  assert.deepEqual(f.claim({ now: 100, limit: 5, delayFor: () => 100 }), [], 'an earlier Crawl-delay does not undo the booking');
  assert.equal(f.nextWakeAt(), 110);
  f.deferHost('b.example', 400);
  assert.deepEqual(f.claim({ now: 110, limit: 5, delayFor: () => 100 }).map((e) => e.url), ['https://a.example/2']);
  f.addMany([{ url: 'https://b.example/2', source: 's', depth: 1 }]);
  assert.deepEqual(f.claim({ now: 399, limit: 5, delayFor: () => 100 }), [], 'a later Crawl-delay holds for a new group too');
  assert.deepEqual(f.claim({ now: 400, limit: 5, delayFor: () => 100 }).map((e) => e.url), ['https://b.example/2']);
  summaryMatchesRows(db);
  db.close();
});

test('a claim pages past a host\'s other groups: through groups tied at one ready time, then to later ones', () => {
  // A host with many sources fills the first page of candidates with its own groups (one URL per host per claim),
  // so the claim reads on from the last one: first the groups tied with it, then the later ready times.
  const db = openStoreDatabase(tempDir());
  const f = new Frontier(db, 'run1');
  f.addMany([
    ...Array.from({ length: 10 }, (_, i) => ({ url: `https://a.example/${i}`, source: `s${i}`, depth: 1 })),
    { url: 'https://b.example/1', source: 's0', depth: 1 },
    { url: 'https://c.example/1', source: 's0', depth: 1 },
    { url: 'https://d.example/1', source: 's0', depth: 1 },
  ]);
  f.deferHost('a.example', 5);
  f.deferHost('c.example', 7);
  f.deferHost('d.example', 7);
  const got = f.claim({ now: 10, limit: 3, delayFor: () => 100 });
  assert.deepEqual(got.map((e) => e.host), ['b.example', 'a.example', 'c.example']);
  assert.deepEqual(f.claim({ now: 10, limit: 3, delayFor: () => 100 }).map((e) => e.host), ['d.example']);
  // All groups tied at one time: the page after a.example's first six groups starts inside the tie.
  const g = new Frontier(openStoreDatabase(tempDir()), 'run1');
  g.addMany([
    ...Array.from({ length: 10 }, (_, i) => ({ url: `https://a.example/${i}`, source: `s${i}`, depth: 1 })),
    { url: 'https://b.example/1', source: 's0', depth: 1 },
    { url: 'https://c.example/1', source: 's0', depth: 1 },
  ]);
  assert.deepEqual(g.claim({ now: 0, limit: 2, delayFor: () => 100 }).map((e) => e.host), ['a.example', 'b.example']);
  summaryMatchesRows(db);
  db.close();
});

test('the claim order: one URL per host, the host waiting longest first, best priority then depth within a host', () => {
  const db = openStoreDatabase(tempDir());
  const f = new Frontier(db, 'run1');
  f.addMany([
    { url: 'https://a.example/deep', source: 's', depth: 3, priority: 1 },
    { url: 'https://a.example/shallow', source: 's', depth: 1, priority: 1 },
    { url: 'https://a.example/low', source: 's', depth: 0, priority: 0 },
    { url: 'https://a.example/other-source', source: 't', depth: 0, priority: 5 },
    { url: 'https://b.example/1', source: 's', depth: 1 },
  ]);
  f.deferHost('b.example', 5);
  const first = f.claim({ now: 10, limit: 1, delayFor: () => 100 });
  assert.deepEqual(first.map((e) => e.url), ['https://a.example/other-source'], 'the host ready longest, its best URL across sources');
  assert.deepEqual(f.claim({ now: 10, limit: 5, delayFor: () => 100 }).map((e) => e.url), ['https://b.example/1']);
  const a = f.claim({ now: 110, limit: 5, delayFor: () => 100, exhaustedSources: new Set(['t']) });
  assert.deepEqual(a.map((e) => e.url), ['https://a.example/shallow']);
  assert.equal(f.nextWakeAt(), 210);
  db.close();
});

test('across a host\'s sources, equal priorities go to the shallower URL, then to the one added first', () => {
  const db = openStoreDatabase(tempDir());
  const f = new Frontier(db, 'run1');
  f.addMany([
    { url: 'https://a.example/s-deep', source: 's', depth: 2, priority: 3 },
    { url: 'https://a.example/t-shallow', source: 't', depth: 1, priority: 3 },
    { url: 'https://a.example/u-shallow-later', source: 'u', depth: 1, priority: 3 },
  ]);
  const order: string[] = [];
  for (let now = 10; order.length < 3; now += 100) order.push(...f.claim({ now, limit: 1, delayFor: () => 100 }).map((e) => `${e.url} ${e.source} ${e.depth}`));
  assert.deepEqual(order, ['https://a.example/t-shallow t 1', 'https://a.example/u-shallow-later u 1', 'https://a.example/s-deep s 2']);
  db.close();
});

test('a store from before the summary gets it backfilled once, with its queued URLs and host times', () => {
  const dir = tempDir();
  // A store as an older snapcrawl left it: no numbered migrations yet (user_version 0).
  const old = new Database(join(dir, 'store.db'));
  old.exec(`CREATE TABLE frontier (id INTEGER PRIMARY KEY AUTOINCREMENT, url TEXT NOT NULL UNIQUE, host TEXT NOT NULL,
    source TEXT NOT NULL, depth INTEGER NOT NULL, kind TEXT NOT NULL DEFAULT 'page', state TEXT NOT NULL DEFAULT 'queued',
    priority INTEGER NOT NULL DEFAULT 0, attempts INTEGER NOT NULL DEFAULT 0, next_fetch_at INTEGER NOT NULL DEFAULT 0,
    discovered_from TEXT, discovered_at INTEGER NOT NULL, fetched_at INTEGER, http_status INTEGER, outcome TEXT, last_error TEXT,
    snapshot_id TEXT, run_id TEXT, etag TEXT, last_modified TEXT, revisit_count INTEGER NOT NULL DEFAULT 0, next_revisit_at INTEGER);
    CREATE INDEX frontier_revisit ON frontier (state, next_revisit_at);
    CREATE INDEX frontier_claim ON frontier (state, host, priority DESC, depth, id);
    CREATE TABLE hosts (host TEXT PRIMARY KEY, next_allowed_at INTEGER NOT NULL DEFAULT 0, crawl_delay_ms INTEGER);
    INSERT INTO hosts VALUES ('a.example', 500, NULL);`);
  const insert = old.prepare(`INSERT INTO frontier (url, host, source, depth, discovered_at, state, next_fetch_at) VALUES (?, ?, 's', 1, 0, ?, ?)`);
  insert.run('https://a.example/1', 'a.example', 'queued', 0);
  insert.run('https://a.example/2', 'a.example', 'done', 0);
  insert.run('https://b.example/1', 'b.example', 'queued', 300);
  insert.run('https://b.example/2', 'b.example', 'in_flight', 0);
  old.close();

  const db = openStoreDatabase(dir);
  const f = new Frontier(db, 'run1');
  new Frontier(db, 'run2'); // idempotent
  summaryMatchesRows(db);
  const indexes = (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'frontier'`).all() as { name: string }[]).map((r) => r.name);
  assert.ok(!indexes.includes('frontier_claim') && !indexes.includes('frontier_revisit'), 'the old indexes are replaced');
  assert.equal(f.queuedCount(), 2);
  assert.equal(f.nextWakeAt(), 300);
  assert.deepEqual(f.claim({ now: 400, limit: 5, delayFor: noDelay }).map((e) => e.url), ['https://b.example/1'], 'a.example waits for its host time');
  assert.equal(f.reclaimExpired(), 2);
  assert.deepEqual(f.claim({ now: 500, limit: 5, delayFor: noDelay }).map((e) => e.url).sort(), ['https://a.example/1', 'https://b.example/1']);
  summaryMatchesRows(db);
  db.close();
});

test('queuedCount with dueBy leaves out URLs held back past it; nextWakeAt is the held-back time once nothing else is left', () => {
  const db = openStoreDatabase(tempDir());
  const f = new Frontier(db, 'run1');
  f.addMany([
    { url: 'https://a.example/1', source: 's', depth: 1 },
    { url: 'https://b.example/1', source: 's', depth: 1 },
  ]);
  const got = f.claim({ now: 10, limit: 5, delayFor: noDelay });
  f.retryLater(got[0].url, 10_000, '429');
  f.finish(got[1].url, { state: 'done', outcome: 'snapshot-new' });
  assert.equal(f.queuedCount(), 1);
  assert.equal(f.queuedCount(undefined, undefined, 9_999), 0);
  assert.equal(f.queuedCount(undefined, undefined, 10_000), 1);
  assert.equal(f.nextWakeAt(), 10_000);
  assert.equal(f.claim({ now: 9_999, limit: 5, delayFor: noDelay }).length, 0);
  assert.deepEqual(f.claim({ now: 10_000, limit: 5, delayFor: noDelay }).map((e) => e.url), [got[0].url]);
  assert.equal(f.nextWakeAt(), null);
  db.close();
});
