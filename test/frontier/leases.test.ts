import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { hostname } from 'node:os';
import { test } from 'node:test';
import { Frontier } from '../../src/frontier/index.js';
import { openStoreDatabase, type StoreDatabase } from '../../src/storage/index.js';
import { tempDir } from '../helpers/tmp.js';

const noDelay = () => 0;
const deadPid = () => spawnSync(process.execPath, ['-e', '0']).pid!;
const lease = (db: StoreDatabase, url: string) =>
  db.prepare(`SELECT state, lease_worker AS worker, lease_expires_at AS expiresAt FROM frontier WHERE url = ?`).get(url) as { state: string; worker: string | null; expiresAt: number | null };

/** Marks `url` in flight under `worker`'s lease, as that worker's claim would have. */
function leasedBy(db: StoreDatabase, url: string, worker: string, expiresAt: number): void {
  db.prepare(`UPDATE frontier SET state = 'in_flight', lease_worker = ?, lease_expires_at = ? WHERE url = ?`).run(worker, expiresAt, url);
}

test('a claim leases the row to the frontier worker; finishing or retrying releases it', () => {
  const db = openStoreDatabase(tempDir());
  const f = new Frontier(db, 'run1', { worker: 'here:1:aaaa0001', leaseMs: 5000 });
  f.addMany(['1', '2'].map((n) => ({ url: `https://a${n}.example/`, source: 's', depth: 0 })));
  const [a, b] = f.claim({ now: 1000, limit: 2, delayFor: noDelay });
  assert.deepEqual(lease(db, a!.url), { state: 'in_flight', worker: 'here:1:aaaa0001', expiresAt: 6000 });
  f.finish(a!.url, { state: 'done', outcome: 'index' });
  f.retryLater(b!.url, 0, 'x');
  assert.deepEqual(lease(db, a!.url), { state: 'done', worker: null, expiresAt: null });
  assert.deepEqual(lease(db, b!.url), { state: 'queued', worker: null, expiresAt: null });
  db.close();
});

test("reclaim takes back only expired leases and gone holders' rows; a live holder elsewhere keeps its own", () => {
  const db = openStoreDatabase(tempDir());
  const f = new Frontier(db, 'run2');
  const urls = ['live-elsewhere', 'expired-elsewhere', 'dead-here', 'taken-over', 'no-lease', 'mine'].map((n) => `https://${n}.example/`);
  f.addMany(urls.map((url) => ({ url, source: 's', depth: 0 })));
  const now = Date.now();
  leasedBy(db, urls[0]!, 'crawler-b.example:7:0000000b', now + 60_000);
  leasedBy(db, urls[1]!, 'crawler-c.example:7:0000000c', now - 1);
  leasedBy(db, urls[2]!, `${hostname()}:${deadPid()}:0000000d`, now + 60_000);
  leasedBy(db, urls[3]!, 'crawler-e.example:7:0000000e', now + 60_000);
  db.prepare(`UPDATE frontier SET state = 'in_flight' WHERE url = ?`).run(urls[4]); // a store from before leases
  leasedBy(db, urls[5]!, f.worker, now + 60_000);

  assert.equal(f.reclaimExpired(now, ['crawler-e.example:7:0000000e']), 4);
  assert.deepEqual(urls.map((u) => lease(db, u).state), ['in_flight', 'queued', 'queued', 'queued', 'queued', 'in_flight']);
  assert.equal(lease(db, urls[0]!).worker, 'crawler-b.example:7:0000000b');
  assert.equal(f.reclaimExpired(now + 60_001), 2, 'every lease runs out in the end, this process\'s own included');
  db.close();
});

test('renew extends the leases still held, and reports a URL another holder took over after it expired as lost', () => {
  const db = openStoreDatabase(tempDir());
  const f = new Frontier(db, 'run3', { worker: 'crawler-a.example:8:0000000a', leaseMs: 1000 });
  f.addMany(['1', '2'].map((n) => ({ url: `https://r${n}.example/`, source: 's', depth: 0 })));
  const [a, b] = f.claim({ now: 10, limit: 2, delayFor: noDelay });
  // b's lease ran out and another process's frontier reclaimed and claimed it.
  const other = new Frontier(db, 'run3', { worker: 'crawler-b.example:9:0000000f' });
  db.prepare(`UPDATE frontier SET lease_expires_at = 0 WHERE url = ?`).run(b!.url);
  assert.equal(other.reclaimExpired(5), 1);
  leasedBy(db, b!.url, other.worker, Date.now() + 60_000);
  assert.deepEqual(f.renew([a!.url, b!.url], 99_999), [a!.url]);
  assert.equal(lease(db, a!.url).expiresAt, 99_999);
  assert.equal(lease(db, b!.url).worker, other.worker, 'the other holder keeps it');
  db.close();
});

/** A claims `url`, stalls past its lease; B reclaims it and claims it: the row is B's now. */
function reclaimedByAnother(db: StoreDatabase, url: string): { a: Frontier; b: Frontier } {
  const a = new Frontier(db, 'run4', { worker: 'crawler-a.example:8:0000000a', leaseMs: 1_000 });
  const b = new Frontier(db, 'run5', { worker: 'crawler-b.example:9:0000000b', leaseMs: 1_000 });
  a.add({ url, source: 's', depth: 1 }, 0);
  assert.equal(a.claim({ now: 1_000, limit: 1, delayFor: noDelay })[0]?.url, url);
  assert.equal(b.reclaimExpired(5_000), 1);
  assert.equal(b.claim({ now: 5_000, limit: 1, delayFor: noDelay })[0]?.url, url);
  return { a, b };
}

const rowOf = (db: StoreDatabase, url: string) =>
  db.prepare(`SELECT state, lease_worker AS worker, attempts, next_fetch_at AS at, last_error AS error, outcome, alias_of AS aliasOf,
    snapshot_id AS snap FROM frontier WHERE url = ?`).get(url);

test("a stale holder's retryLater (its lease expired and another run re-claimed the URL) leaves the new holder's row alone", () => {
  const db = openStoreDatabase(tempDir());
  const url = 'https://s.example/a';
  const { a, b } = reclaimedByAnother(db, url);
  const before = rowOf(db, url);
  assert.deepEqual(before, { state: 'in_flight', worker: b.worker, attempts: 2, at: 0, error: null, outcome: null, aliasOf: null, snap: null });
  a.retryLater(url, 99_000, 'HTTP 503', { refundAttempt: true }); // A wakes up
  assert.deepEqual(rowOf(db, url), before);
  assert.deepEqual(b.renew([url], 9_000), [url], 'B still holds it');
  b.retryLater(url, 99_000, 'HTTP 503');
  assert.deepEqual(rowOf(db, url), { state: 'queued', worker: null, attempts: 2, at: 99_000, error: 'HTTP 503', outcome: null, aliasOf: null, snap: null });
  db.close();
});

test("a stale holder's alias finish changes neither the variant another run re-claimed nor the target", () => {
  const db = openStoreDatabase(tempDir());
  const variant = 'https://s.example/a?from=list';
  const target = 'https://s.example/a';
  const { a, b } = reclaimedByAnother(db, variant);
  const before = rowOf(db, variant);
  const result = { state: 'done', outcome: 'snapshot-new', status: 200, snapshotId: 'SA', source: 's', depth: 1 } as const;
  a.finishAsAlias(variant, target, result, 6_000); // A wakes up
  a.markAlias(variant, 'redirect-from:x', 's', 1); // a redirect target's mark only takes a queued row, never a held one
  assert.deepEqual(rowOf(db, variant), before);
  assert.equal(b.get(target), null, "A's fetch is not adopted by the target either");
  assert.deepEqual(b.renew([variant], 9_000), [variant], 'B still holds it');
  b.finishAsAlias(variant, target, { ...result, snapshotId: 'SB' }, 7_000);
  assert.deepEqual(rowOf(db, variant), { state: 'done', worker: null, attempts: 2, at: 0, error: null, outcome: `alias-of:${target}`, aliasOf: target, snap: 'SB' });
  assert.equal(b.get(target)?.state, 'done');
  db.close();
});
