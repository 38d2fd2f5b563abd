import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Frontier, type FinishResult } from '../../src/frontier/index.js';
import { openStoreDatabase } from '../../src/storage/index.js';
import { tempDir } from '../helpers/tmp.js';

const noDelay = () => 0;
const urls = (n: number) => Array.from({ length: n }, (_, i) => ({ url: `https://h${i % 3}.example/a/${i}`, source: 's', depth: 1 }));

/** Every column a finish writes, per URL, for comparing two frontiers row by row. */
function finished(f: Frontier, list: string[]) {
  return list.map((u) => {
    const e = f.get(u);
    const h = f.validators(u);
    return { url: u, state: e?.state, attempts: e?.attempts, history: h };
  });
}

test('finishMany leaves the same rows as one finish() per URL, and claims go on the same way after it', () => {
  const results: FinishResult[] = [
    { state: 'done', outcome: 'snapshot-new', status: 200, snapshotId: 'snap1', etag: '"e1"', lastModified: 'Mon, 01 Jan 2024 00:00:00 GMT', nextRevisitAt: 5_000 },
    { state: 'failed', outcome: 'http-503', status: 503, error: 'busy', nextRevisitAt: 9_000 },
    { state: 'skipped', outcome: 'robots' },
  ];
  const run = (many: boolean) => {
    const db = openStoreDatabase(tempDir());
    const f = new Frontier(db, 'run1');
    f.addMany(urls(9), 0);
    const got = f.claim({ now: 1_000, limit: 3, delayFor: noDelay });
    assert.equal(got.length, 3);
    const items = got.map((e, i) => ({ url: e.url, result: results[i] }));
    if (many) f.finishMany(items, 2_000);
    else for (const it of items) f.finish(it.url, it.result, 2_000);
    const rows = finished(f, got.map((e) => e.url));
    const counts = f.counts();
    const next = f.claim({ now: 3_000, limit: 10, delayFor: noDelay }).map((e) => e.url);
    const due = f.requeueDue(['s'], 10_000);
    db.close();
    return { rows, counts, next, due };
  };
  const each = run(false);
  const many = run(true);
  assert.deepEqual(many, each);
  assert.deepEqual(many.counts, { queued: 6, in_flight: 0, done: 1, failed: 1, skipped: 1 });
  assert.equal(many.rows[0].history?.etag, '"e1"');
  assert.equal(many.due, 2, 'the done and the failed URL come back at their revisit time; the skipped one does not');
});

test('finishMany of nothing writes nothing; inside a caller transaction it rolls back with it', () => {
  const db = openStoreDatabase(tempDir());
  const f = new Frontier(db, 'run1');
  f.addMany(urls(2), 0);
  f.finishMany([]);
  const got = f.claim({ now: 1, limit: 2, delayFor: noDelay });
  assert.throws(() =>
    db.transaction(() => {
      f.finishMany(got.map((e) => ({ url: e.url, result: { state: 'done', outcome: 'snapshot-new' } })), 2);
      throw new Error('caller fails');
    })(),
  );
  assert.equal(f.counts().in_flight, 2, 'the finishes were rolled back with the caller');
  db.close();
});

test('re-pointing the aliases of a URL reads the alias index, not the whole frontier (issue 14)', () => {
  const db = openStoreDatabase(tempDir());
  const plan = db.prepare('EXPLAIN QUERY PLAN UPDATE frontier SET alias_of = ? WHERE alias_of = ?').all('a', 'b') as { detail: string }[];
  assert.ok(plan.some((r) => r.detail.includes('frontier_alias_of')), JSON.stringify(plan));
  assert.ok(!plan.some((r) => /^SCAN frontier\b/.test(r.detail)), JSON.stringify(plan));
  // The update still finds them: v1 is an alias of t1, then t1 one of t2, so v1 points at t2.
  const f = new Frontier(db, 'run1');
  const done = { state: 'done', outcome: 'snapshot-new', source: 's', depth: 1 } as const;
  // An alias finish changes only a row this frontier holds (its claim's lease): v1, then t1, are held as if claimed.
  const held = (url: string) => db.prepare(`UPDATE frontier SET state='in_flight', lease_worker=? WHERE url=?`).run(f.worker, url);
  f.add({ url: 'https://a.example/v1', source: 's', depth: 1 }, 0);
  held('https://a.example/v1');
  f.finishAsAlias('https://a.example/v1', 'https://a.example/t1', done, 1);
  held('https://a.example/t1');
  f.finishAsAlias('https://a.example/t1', 'https://a.example/t2', done, 2);
  const rows = db.prepare('SELECT url, alias_of FROM frontier ORDER BY url').all() as { url: string; alias_of: string | null }[];
  assert.deepEqual(rows, [
    { url: 'https://a.example/t1', alias_of: 'https://a.example/t2' },
    { url: 'https://a.example/t2', alias_of: null },
    { url: 'https://a.example/v1', alias_of: 'https://a.example/t2' },
  ]);
  db.close();
});

test('a claim with nothing to hand out takes no write lock: it returns at once while another process writes', () => {
  const dir = tempDir();
  const db = openStoreDatabase(dir);
  db.pragma('busy_timeout = 50');
  const f = new Frontier(db, 'run1');
  f.addMany([{ url: 'https://a.example/1', source: 's', depth: 0 }, { url: 'https://a.example/2', source: 's', depth: 0 }], 0);
  assert.equal(f.nextWakeAt(), 0); // the run's first look at the queue sets its parked flags (a write) once
  const other = openStoreDatabase(dir);
  other.prepare('BEGIN IMMEDIATE').run(); // a takedown or verify holding the store's write lock
  try {
    assert.deepEqual(f.claim({ now: 1, limit: 4, delayFor: noDelay, busyHosts: new Set(['a.example']) }), [], 'only a busy host is ready');
    assert.deepEqual(f.claim({ now: 1, limit: 0, delayFor: noDelay }), []);
    assert.throws(() => f.claim({ now: 1, limit: 4, delayFor: noDelay }), /busy|locked/i, 'a claim that hands out a URL still writes');
  } finally {
    other.prepare('ROLLBACK').run();
    other.close();
  }
  assert.equal(f.claim({ now: 2, limit: 4, delayFor: () => 1000 }).length, 1);
  assert.deepEqual(f.claim({ now: 3, limit: 4, delayFor: noDelay }), [], 'the host waits for its delay');
  db.close();
});
