import assert from 'node:assert/strict';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { Frontier, type FinishResult } from '../../src/frontier/index.js';
import { openStoreDatabase, STORE_DB_FILE } from '../../src/storage/index.js';
import { tempDir } from '../helpers/tmp.js';

const noDelay = () => 0;
const urls = (n: number) => Array.from({ length: n }, (_, i) => ({ url: `https://h${i % 4}.example/a/${i}`, source: 's', depth: 1 }));
const done: FinishResult = { state: 'done', outcome: 'snapshot-new', status: 200, nextRevisitAt: 50_000 };

/** A URL's state as another connection sees it on disk (what survives a kill of the writer). */
function stateOnDisk(dir: string, url: string): string | undefined {
  const other = new Database(join(dir, STORE_DB_FILE), { readonly: true });
  try {
    return (other.prepare('SELECT state FROM frontier WHERE url = ?').get(url) as { state: string } | undefined)?.state;
  } finally {
    other.close();
  }
}

test('a coalesced finish waits in memory, and is written by flush(), by the next claim, or by a read through the Frontier', () => {
  const dir = tempDir();
  const db = openStoreDatabase(dir);
  const f = new Frontier(db, 'run1', { coalesceFinishes: { maxItems: 100, maxDelayMs: 60_000 } });
  f.addMany(urls(8), 0);
  const [a, b, c, d] = f.claim({ now: 1_000, limit: 4, delayFor: noDelay });
  f.finish(a.url, done, 2_000);
  assert.equal(f.pendingFinishes, 1);
  assert.equal(stateOnDisk(dir, a.url), 'in_flight', 'not written yet');
  f.flush();
  assert.equal(f.pendingFinishes, 0);
  assert.equal(stateOnDisk(dir, a.url), 'done');

  f.finish(b.url, done, 2_000);
  const next = f.claim({ now: 3_000, limit: 1, delayFor: noDelay });
  assert.equal(next.length, 1);
  assert.equal(f.pendingFinishes, 0, "written in the claim's transaction");
  assert.equal(stateOnDisk(dir, b.url), 'done');

  f.finish(c.url, done, 2_000);
  assert.equal(f.get(c.url)?.state, 'done', 'a read through the Frontier shows the waiting finish');
  assert.equal(stateOnDisk(dir, c.url), 'in_flight', 'without writing it');
  f.finish(d.url, { state: 'failed', outcome: 'http-503', status: 503, nextRevisitAt: 9_000 }, 2_000);
  assert.deepEqual(f.counts(), { queued: 3, in_flight: 1, done: 3, failed: 1, skipped: 0 });
  assert.equal(f.pendingFinishes, 2, 'reads write nothing');
  f.flush();
  assert.deepEqual(f.counts(), { queued: 3, in_flight: 1, done: 3, failed: 1, skipped: 0 });
  db.close();
});

test('coalesced finishes leave the same rows as finishing each at once', () => {
  const run = (coalesce: boolean) => {
    const db = openStoreDatabase(tempDir());
    const f = new Frontier(db, 'run1', coalesce ? { coalesceFinishes: { maxItems: 3, maxDelayMs: 60_000 } } : {});
    f.addMany(urls(12), 0);
    const seen: unknown[] = [];
    for (let now = 1_000; now < 6_000; now += 1_000) {
      for (const e of f.claim({ now, limit: 3, delayFor: noDelay })) {
        f.finish(e.url, { ...done, etag: `"${e.id}"` }, now + 1);
        seen.push(e.url);
      }
    }
    f.flush();
    const rows = db.prepare('SELECT url, state, outcome, etag, fetched_at, lease_worker, attempts FROM frontier ORDER BY id').all();
    db.close();
    return { seen, rows };
  };
  assert.deepEqual(run(true), run(false));
});

test('maxItems finishes waiting are written at once; a lone one is written after maxDelayMs', async () => {
  const dir = tempDir();
  const db = openStoreDatabase(dir);
  const f = new Frontier(db, 'run1', { coalesceFinishes: { maxItems: 2, maxDelayMs: 20 } });
  f.addMany(urls(4), 0);
  const [a, b, c] = f.claim({ now: 1_000, limit: 3, delayFor: noDelay });
  f.finish(a.url, done, 2_000);
  f.finish(b.url, done, 2_000);
  assert.equal(f.pendingFinishes, 0);
  assert.equal(stateOnDisk(dir, b.url), 'done');
  f.finish(c.url, done, 2_000);
  assert.equal(stateOnDisk(dir, c.url), 'in_flight');
  await new Promise((r) => setTimeout(r, 80));
  assert.equal(f.pendingFinishes, 0);
  assert.equal(stateOnDisk(dir, c.url), 'done');
  db.close();
});

test('killed before its finishes were written, a run loses no URL: the next one claims them again, and only them', () => {
  const dir = tempDir();
  const db = openStoreDatabase(dir);
  const first = new Frontier(db, 'run1', { coalesceFinishes: { maxItems: 100, maxDelayMs: 60_000 } });
  first.addMany(urls(4), 0);
  const got = first.claim({ now: 1_000, limit: 4, delayFor: noDelay });
  assert.equal(got.length, 4);
  first.finish(got[0].url, done, 2_000);
  first.finish(got[1].url, done, 2_000);
  first.flush(); // durable
  first.finish(got[2].url, done, 2_000);
  first.finish(got[3].url, done, 2_000);
  db.close(); // the kill: the process is gone with two finishes in memory

  const db2 = openStoreDatabase(dir);
  const second = new Frontier(db2, 'run2', { coalesceFinishes: {} });
  assert.equal(second.reclaimExpired(3_000, [first.worker]), 2);
  const again = second.claim({ now: 4_000, limit: 10, delayFor: noDelay }).map((e) => e.url).sort();
  assert.deepEqual(again, [got[2].url, got[3].url].sort(), 'the two unwritten finishes come back; the written two do not');
  for (const url of again) second.finish(url, done, 5_000);
  second.flush();
  assert.deepEqual(second.counts(), { queued: 0, in_flight: 0, done: 4, failed: 0, skipped: 0 });
  db2.close();
});

test('a claim that rolls back keeps the finishes it would have written', () => {
  const dir = tempDir();
  const db = openStoreDatabase(dir);
  const f = new Frontier(db, 'run1', { coalesceFinishes: { maxItems: 100, maxDelayMs: 60_000 } });
  f.addMany(urls(8), 0);
  const [a] = f.claim({ now: 1_000, limit: 1, delayFor: noDelay });
  f.finish(a.url, done, 2_000);
  assert.throws(() =>
    f.claim({
      now: 3_000,
      limit: 2,
      delayFor: () => {
        throw new Error('policy failed');
      },
    }),
  );
  assert.equal(f.pendingFinishes, 1);
  assert.equal(stateOnDisk(dir, a.url), 'in_flight');
  f.flush();
  assert.equal(stateOnDisk(dir, a.url), 'done');
  db.close();
});
