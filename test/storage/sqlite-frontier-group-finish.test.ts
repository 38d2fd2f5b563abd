import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { SqliteFrontierStore } from '../../src/storage/sqlite/frontier-store.js';
import { STORE_DB_FILE } from '../../src/storage/index.js';

const T0 = 1_700_000_000_000;
const free = () => ({ delayMs: 0, concurrency: 1_000 });
const done = { state: 'done', outcome: 'snapshot-new', status: 200 } as const;

function onDisk(dir: string): Record<string, string> {
  const other = new Database(join(dir, STORE_DB_FILE), { readonly: true });
  try {
    const rows = other.prepare('SELECT url, state FROM lease_queue').all() as { url: string; state: string }[];
    return Object.fromEntries(rows.map((r) => [r.url, r.state]));
  } finally {
    other.close();
  }
}

test("finishes asked for in one turn are one commit, each settling with its own result once it is durable", async () => {
  const dir = mkdtempSync(join(tmpdir(), 'snapcrawl-group-finish-'));
  const store = SqliteFrontierStore.open(dir);
  try {
    await store.addMany(Array.from({ length: 6 }, (_, i) => ({ url: `https://h${i}.example/a`, host: `h${i}.example`, source: 's', depth: 1, kind: 'page' as const })));
    const got = await store.claim({ worker: 'w1', limit: 6, now: T0, leaseMs: 60_000, policyFor: free });
    assert.equal(got.length, 6);
    // Every change of the store is one call of its tx() (an IMMEDIATE transaction): count them.
    const spy = store as unknown as { tx: <T>(fn: () => T) => T };
    const tx = spy.tx.bind(store);
    let transactions = 0;
    spy.tx = (fn) => (transactions++, tx(fn));
    // The last one is not this worker's lease any more: false, while the others apply.
    const results = await Promise.all(got.map((c, i) => store.finish(i === 5 ? 'w2' : 'w1', c.url, done, T0 + 1, { key: 'run', add: { pages: 1 } })));
    assert.deepEqual(results, [true, true, true, true, true, false]);
    assert.equal(transactions, 1);
    const states = onDisk(dir);
    assert.equal(Object.values(states).filter((s) => s === 'done').length, 5);
    assert.equal(states[got[5].url], 'in_flight');
    assert.equal((await store.readTally('run')).get('pages'), '5', 'the tally of the one not applied is not added');
    // A finish waiting when the store closes is written first.
    const last = store.finish('w1', got[5].url, done, T0 + 2);
    await store.close();
    assert.equal(await last, true);
    assert.equal(onDisk(dir)[got[5].url], 'done');
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test("one finish that throws in a turn's group commit rejects only its own promise; the others commit", async () => {
  const dir = mkdtempSync(join(tmpdir(), 'snapcrawl-group-finish-'));
  const store = SqliteFrontierStore.open(dir);
  try {
    await store.addMany(Array.from({ length: 4 }, (_, i) => ({ url: `https://h${i}.example/a`, host: `h${i}.example`, source: 's', depth: 1, kind: 'page' as const })));
    const got = await store.claim({ worker: 'w1', limit: 4, now: T0, leaseMs: 60_000, policyFor: free });
    const db = (store as unknown as { db: Database.Database }).db;
    db.exec(`CREATE TEMP TRIGGER broken BEFORE UPDATE ON lease_queue WHEN NEW.url = '${got[2].url}' BEGIN SELECT RAISE(ABORT, 'broken row'); END`);
    const results = await Promise.allSettled(got.map((c) => store.finish('w1', c.url, done, T0 + 1, { key: 'run', add: { pages: 1 } })));
    assert.deepEqual(results.map((r) => r.status), ['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    assert.match(String((results[2] as PromiseRejectedResult).reason), /broken row/);
    const states = onDisk(dir);
    assert.deepEqual(got.map((c) => states[c.url]), ['done', 'done', 'in_flight', 'done']);
    assert.equal((await store.readTally('run')).get('pages'), '3', 'the failed one added no tally');
    await store.close();
    await assert.rejects(store.finish('w1', got[2].url, done, T0 + 2), /closed/, 'a finish after close settles (rejected), never hangs');
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
