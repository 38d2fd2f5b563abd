import assert from 'node:assert/strict';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { Frontier, type FinishResult } from '../../src/frontier/index.js';
import { openStoreDatabase, STORE_DB_FILE } from '../../src/storage/index.js';
import { tempDir } from '../helpers/tmp.js';

const noDelay = () => 0;
const urls = (n: number) => Array.from({ length: n }, (_, i) => ({ url: `https://h${i}.example/a`, source: 's', depth: 1 }));
const done: FinishResult = { state: 'done', outcome: 'snapshot-new', status: 200, snapshotId: 'snap-1', etag: '"e1"', revisited: true };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Another process holding the store's write lock (a takedown, a compaction) until release(). */
function holdWriteLock(dir: string): { release(): void } {
  const other = new Database(join(dir, STORE_DB_FILE));
  other.exec('BEGIN IMMEDIATE');
  return { release: () => (other.exec('ROLLBACK'), other.close()) };
}

test('reads through a coalescing Frontier neither wait for nor fail on another process holding the write lock', () => {
  const dir = tempDir();
  const db = openStoreDatabase(dir);
  db.pragma('busy_timeout = 2000');
  const f = new Frontier(db, 'run1', { coalesceFinishes: { maxItems: 100, maxDelayMs: 60_000 } });
  f.addMany(urls(3), 0);
  const [a, b] = f.claim({ now: 1_000, limit: 3, delayFor: noDelay });
  f.finish(a.url, done, 2_000);
  const lock = holdWriteLock(dir);
  try {
    const t = performance.now();
    assert.equal(f.validators(b.url)?.fetchedBefore, false);
    assert.deepEqual(f.validators(a.url), { etag: '"e1"', lastModified: null, revisitCount: 1, snapshotId: 'snap-1', fetchedBefore: true });
    assert.equal(f.get(a.url)?.state, 'done', 'its own finish is seen: the URL is not in flight to the crawl');
    assert.equal(f.get(b.url)?.state, 'in_flight');
    assert.deepEqual(f.counts(), { queued: 0, in_flight: 2, done: 1, failed: 0, skipped: 0 });
    assert.ok(performance.now() - t < 500, 'no read waited for the lock');
  } finally {
    lock.release();
  }
  f.flush();
  assert.deepEqual(f.validators(a.url), { etag: '"e1"', lastModified: null, revisitCount: 1, snapshotId: 'snap-1', fetchedBefore: true });
  db.close();
});

test('finish() never throws once it took the finish: a full buffer on a busy store keeps waiting and is written later', async () => {
  const dir = tempDir();
  const db = openStoreDatabase(dir);
  db.pragma('busy_timeout = 50');
  const errors: unknown[] = [];
  const f = new Frontier(db, 'run1', { coalesceFinishes: { maxItems: 2, maxDelayMs: 10, onError: (e) => errors.push(e) } });
  f.addMany(urls(3), 0);
  const got = f.claim({ now: 1_000, limit: 3, delayFor: noDelay });
  const lock = holdWriteLock(dir);
  try {
    for (const e of got) f.finish(e.url, done, 2_000); // the second fills the buffer: its write finds the store busy
    assert.equal(f.pendingFinishes, 3);
  } finally {
    lock.release();
  }
  await sleep(100);
  assert.equal(f.pendingFinishes, 0, 'the timer wrote them once the lock was gone');
  assert.deepEqual(errors, [], 'a busy store is no error to report');
  assert.equal(f.counts().done, 3);
  db.close();
});

test("the timer reports a failed write that is not a busy store, and finishes it cannot write because the store was closed", async () => {
  const dir = tempDir();
  const db = openStoreDatabase(dir);
  const errors: string[] = [];
  const f = new Frontier(db, 'run1', { coalesceFinishes: { maxItems: 100, maxDelayMs: 5, onError: (e) => errors.push(String(e)) } });
  f.addMany(urls(2), 0);
  const [a, b] = f.claim({ now: 1_000, limit: 2, delayFor: noDelay });
  db.exec(`CREATE TEMP TRIGGER no_finish BEFORE UPDATE OF state ON frontier WHEN NEW.state = 'done' BEGIN SELECT RAISE(ABORT, 'disk on fire'); END`);
  f.finish(a.url, done, 2_000);
  await sleep(40);
  assert.ok(errors.some((e) => e.includes('disk on fire')), errors.join('; '));
  assert.equal(f.pendingFinishes, 1, 'kept for the next try');
  db.exec('DROP TRIGGER no_finish');
  errors.length = 0;
  await sleep(40);
  assert.equal(f.pendingFinishes, 0);
  f.finish(b.url, done, 2_000);
  db.close();
  await sleep(40);
  assert.ok(errors.some((e) => e.includes('1 finishes not written: the store was closed')), errors.join('; '));
});

test("a finish written late (its lease expired and another run re-claimed the URL) does not overwrite the new holder's row", () => {
  const dir = tempDir();
  const dbA = openStoreDatabase(dir);
  const dbB = openStoreDatabase(dir);
  const a = new Frontier(dbA, 'run1', { worker: 'host-a.example:1:0000000a', leaseMs: 1_000, coalesceFinishes: { maxItems: 100, maxDelayMs: 60_000 } });
  const b = new Frontier(dbB, 'run2', { worker: 'host-b.example:2:0000000b', leaseMs: 1_000 });
  a.addMany(urls(1), 0);
  const [u] = a.claim({ now: 1_000, limit: 1, delayFor: noDelay });
  a.finish(u.url, done, 1_500); // the write waits, and A stalls past its lease
  assert.equal(b.reclaimExpired(5_000), 1);
  assert.equal(b.claim({ now: 5_000, limit: 1, delayFor: noDelay })[0]?.url, u.url);
  assert.equal(a.get(u.url)?.state, 'in_flight', "A's waiting finish no longer applies, and A's view says so");
  a.flush(); // A wakes up
  const row = dbB.prepare('SELECT state, lease_worker AS worker, snapshot_id AS snap FROM frontier WHERE url=?').get(u.url);
  assert.deepEqual(row, { state: 'in_flight', worker: 'host-b.example:2:0000000b', snap: null });
  assert.deepEqual(b.renew([u.url], 9_000), [u.url], 'B still holds it');
  dbA.close();
  dbB.close();
});
