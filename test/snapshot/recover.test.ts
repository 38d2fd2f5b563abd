import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { SnapshotStore, SnapshotStoreError } from '../../src/snapshot/index.js';
import { openStoreDatabase } from '../../src/storage/database.js';
import { makeInput, tempRoot } from './fixtures.js';

/** The pid of a process that has already exited: its pending rows are debris. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '0']);
  assert.ok(child.pid);
  return child.pid;
}

function pendingRows(storeDir: string): unknown[] {
  const db = openStoreDatabase(storeDir);
  try {
    return db.prepare('SELECT * FROM snapshot_pending').all();
  } finally {
    db.close();
  }
}

/** Lays out what a kill -9 during a write leaves: a `.tmp/<id>` half-written, or a renamed folder not yet indexed. */
function simulateCrash(storeDir: string, owner: string): { tmpId: string; renamedId: string; renamedDir: string } {
  const db = openStoreDatabase(storeDir);
  const tmpId = '20251013T054501Z-aaaaaaaa';
  const renamedId = '20251013T054502Z-bbbbbbbb';
  const renamedDir = 'news.example.com/2025/10/13/' + renamedId;
  const insert = db.prepare("INSERT INTO snapshot_pending (id, op, dir, owner, created_at) VALUES (?, 'write', ?, ?, '2025-10-13T05:45:01Z')");
  insert.run(tmpId, 'news.example.com/2025/10/13/' + tmpId, owner);
  insert.run(renamedId, renamedDir, owner);
  db.close();
  mkdirSync(join(storeDir, '.tmp', tmpId), { recursive: true });
  writeFileSync(join(storeDir, '.tmp', tmpId, 'snapshot.json'), '{"trunc');
  mkdirSync(join(storeDir, '.tmp', 'orphan-without-row'), { recursive: true });
  mkdirSync(join(storeDir, renamedDir), { recursive: true });
  for (const f of ['snapshot.json', 'page.warc.gz', 'article.md']) writeFileSync(join(storeDir, renamedDir, f), 'x');
  return { tmpId, renamedId, renamedDir };
}

test('reopen after a crash removes tmp leftovers and un-indexed folders; the URL is simply new again', (t) => {
  const { storeDir } = tempRoot(t);
  SnapshotStore.open(storeDir).close();
  const { renamedId, renamedDir } = simulateCrash(storeDir, `${deadPid()}:deadbeef`);

  const store = SnapshotStore.open(storeDir);
  t.after(() => store.close());
  assert.deepEqual(readdirSync(join(storeDir, '.tmp')), []);
  assert.equal(existsSync(join(storeDir, renamedDir)), false);
  assert.deepEqual(pendingRows(storeDir), []);
  assert.equal(store.summary(renamedId), null);
  assert.equal(store.count(), 0);
  assert.equal((store.write(makeInput())).status, 'new');
});

test('a leftover from an earlier run with this same pid is debris too', (t) => {
  const { storeDir } = tempRoot(t);
  SnapshotStore.open(storeDir).close();
  const { renamedDir } = simulateCrash(storeDir, `${process.pid}:0000dead`);
  const report = SnapshotStore.open(storeDir);
  t.after(() => report.close());
  assert.equal(existsSync(join(storeDir, renamedDir)), false);
  assert.deepEqual(pendingRows(storeDir), []);
});

test("another live store's in-flight write is left alone", (t) => {
  const { storeDir } = tempRoot(t);
  const crawler = SnapshotStore.open(storeDir);
  t.after(() => crawler.close());
  const owner = (crawler as unknown as { owner: string }).owner;
  const { renamedDir } = simulateCrash(storeDir, owner);

  const cli = SnapshotStore.open(storeDir); // e.g. `snapcrawl takedown` while a crawl runs
  cli.close();
  assert.equal(existsSync(join(storeDir, renamedDir)), true);
  assert.equal(pendingRows(storeDir).length, 2);
  assert.ok(existsSync(join(storeDir, '.tmp', '20251013T054501Z-aaaaaaaa')));
  assert.equal(existsSync(join(storeDir, '.tmp', 'orphan-without-row')), false, 'a tmp folder without a pending row is debris');
});

test('pending work of another live process (pid 1 here) is left alone', (t) => {
  const { storeDir } = tempRoot(t);
  SnapshotStore.open(storeDir).close();
  const { renamedDir } = simulateCrash(storeDir, '1:otherproc');
  SnapshotStore.open(storeDir).close();
  assert.equal(existsSync(join(storeDir, renamedDir)), true);
  assert.equal(pendingRows(storeDir).length, 2);
});

test('an interrupted takedown (pending delete) is finished on open, an indexed folder is kept', (t) => {
  const { storeDir } = tempRoot(t);
  const store = SnapshotStore.open(storeDir);
  const kept = store.write(makeInput({ url: 'https://a.example/kept' }));
  const doomed = store.write(makeInput({ url: 'https://a.example/doomed' }));
  const doomedDir = store.summary(doomed.id)!.dir;
  const keptDir = store.summary(kept.id)!.dir;
  store.db.prepare('DELETE FROM snapshots WHERE id = ?').run(doomed.id);
  const insert = store.db.prepare(`INSERT INTO snapshot_pending (id, op, dir, owner, created_at) VALUES (?, ?, ?, '${deadPid()}:x', '2025-01-01')`);
  insert.run(doomed.id, 'delete', doomedDir);
  insert.run(kept.id, 'write', keptDir); // indexed: the write committed, the row is just stale
  insert.run('20251013T000000Z-cccccccc', 'delete', '../../outside'); // never acted on
  store.close();

  const reopened = SnapshotStore.open(storeDir);
  t.after(() => reopened.close());
  assert.equal(existsSync(join(storeDir, doomedDir)), false);
  assert.equal(existsSync(join(storeDir, keptDir)), true);
  assert.equal(reopened.get(kept.id)?.id, kept.id);
  assert.deepEqual(pendingRows(storeDir), []);
});

test('a write that fails midway cleans up after itself and leaves no index row', (t) => {
  const { storeDir } = tempRoot(t);
  const store = SnapshotStore.open(storeDir);
  t.after(() => store.close());
  writeFileSync(join(storeDir, 'news.example.com'), 'a file where the host folder should be');
  assert.throws(() => store.write(makeInput()), (err: unknown) => {
    assert.ok(err instanceof SnapshotStoreError);
    assert.equal(err.url, 'https://news.example.com/2025/10/13/story.html');
    assert.ok(err.id);
    return true;
  });
  assert.equal(store.count(), 0);
  assert.deepEqual(readdirSync(join(storeDir, '.tmp')), []);
  assert.deepEqual(pendingRows(storeDir), []);
});

test("another machine's pending writes are kept while its owner lease is live, and swept once it expired", (t) => {
  const { storeDir } = tempRoot(t);
  SnapshotStore.open(storeDir).close();
  const owner = 'crawler-b.example:7:0000000b';
  const { renamedDir } = simulateCrash(storeDir, owner);
  const setLease = (expiresAt: number) => {
    const db = openStoreDatabase(storeDir);
    db.prepare('INSERT INTO store_owners (owner, expires_at) VALUES (?, ?) ON CONFLICT(owner) DO UPDATE SET expires_at = excluded.expires_at').run(owner, expiresAt);
    db.close();
  };
  setLease(Date.now() + 60_000);
  SnapshotStore.open(storeDir).close();
  assert.equal(existsSync(join(storeDir, renamedDir)), true, 'a live lease keeps the write, whatever its pid says here');
  assert.equal(pendingRows(storeDir).length, 2);

  setLease(Date.now() - 1);
  SnapshotStore.open(storeDir).close();
  assert.equal(existsSync(join(storeDir, renamedDir)), false);
  assert.deepEqual(pendingRows(storeDir), []);
});

test("on this machine a dead owner's writes are debris at once, even with its lease still running", (t) => {
  const { storeDir } = tempRoot(t);
  SnapshotStore.open(storeDir).close();
  const owner = `${hostname()}:${deadPid()}:0000000d`;
  const { renamedDir } = simulateCrash(storeDir, owner);
  const db = openStoreDatabase(storeDir);
  db.prepare('INSERT INTO store_owners (owner, expires_at) VALUES (?, ?)').run(owner, Date.now() + 60_000);
  db.close();
  SnapshotStore.open(storeDir).close();
  assert.equal(existsSync(join(storeDir, renamedDir)), false);
  assert.deepEqual(pendingRows(storeDir), []);
});

test('an open store leases its owner id in the store while open, and gives the lease up on close', (t) => {
  const { storeDir } = tempRoot(t);
  const store = SnapshotStore.open(storeDir, { owner: 'crawler-x.example:5:0000000e' });
  const leases = () => {
    const db = openStoreDatabase(storeDir);
    try {
      return db.prepare('SELECT owner, expires_at AS expiresAt FROM store_owners').all() as { owner: string; expiresAt: number }[];
    } finally {
      db.close();
    }
  };
  const held = leases();
  assert.deepEqual(held.map((l) => l.owner), ['crawler-x.example:5:0000000e']);
  assert.ok(held[0]!.expiresAt > Date.now());
  store.close();
  assert.deepEqual(leases(), []);
});
