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
