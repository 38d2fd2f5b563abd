import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { openStoreDatabase, runTransaction, STORE_DB_FILE, WAL_AUTOCHECKPOINT_PAGES } from '../../src/storage/database.js';
import { tempDir } from '../helpers/tmp.js';

test('the store checkpoints its WAL after 2 000 pages, not SQLite\'s 1 000: the WAL file grows past 1 500 pages first', () => {
  const dir = tempDir();
  const db = openStoreDatabase(dir);
  assert.equal(WAL_AUTOCHECKPOINT_PAGES, 2000);
  db.pragma('synchronous = OFF');
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v BLOB)');
  db.pragma('wal_checkpoint(TRUNCATE)');
  const insert = db.prepare('INSERT INTO t (v) VALUES (?)');
  // A WAL restarted after a checkpoint is written again from its start, so its file never outgrows the pages
  // written between two checkpoints (header 32 bytes, each page 4 096 + a 24-byte frame header).
  const walPages = () => Math.floor((statSync(join(dir, `${STORE_DB_FILE}-wal`)).size - 32) / (4096 + 24));
  // A row of 3 000 bytes fills a 4 KiB page of its own: each commit writes at least one new page.
  for (let i = 0; i < 1500; i++) insert.run(Buffer.alloc(3000, i));
  assert.ok(walPages() >= 1500, `WAL holds ${walPages()} pages`);
  for (let i = 0; i < 1500; i++) insert.run(Buffer.alloc(3000, i));
  assert.ok(walPages() < 2100, `WAL holds ${walPages()} pages: it was checkpointed and restarted near 2 000`);
  db.close();
});

test('runTransaction commits, rolls back what threw, and nests as a savepoint: an inner failure leaves the outer work', () => {
  const db = openStoreDatabase(tempDir());
  db.exec('CREATE TABLE t (v INTEGER)');
  const add = db.prepare('INSERT INTO t (v) VALUES (?)');
  const values = () => db.prepare('SELECT v FROM t ORDER BY v').pluck().all();
  assert.equal(runTransaction(db, () => add.run(1).changes, 'immediate'), 1);
  assert.throws(() => runTransaction(db, () => { add.run(2); throw new Error('boom'); }), /boom/);
  assert.equal(db.inTransaction, false);
  runTransaction(db, () => {
    add.run(3);
    assert.throws(() => runTransaction(db, () => { add.run(4); throw new Error('inner'); }), /inner/);
    assert.equal(db.inTransaction, true, 'the outer transaction is still open');
    runTransaction(db, () => add.run(5));
  });
  assert.deepEqual(values(), [1, 3, 5]);
  assert.throws(() => runTransaction(db, () => Promise.resolve(add.run(6)) as unknown), /cannot return a promise/);
  assert.deepEqual(values(), [1, 3, 5], 'a function returning a promise is rolled back');
  assert.equal(db.inTransaction, false);
  db.close();
});

test('a store another process holds locked past busy_timeout while it is being set up still opens once the lock goes (no SQLITE_BUSY)', async () => {
  const dir = tempDir();
  // A second process creates the store's file and keeps it locked (rollback journal, EXCLUSIVE) for 6.5 s: our open
  // must switch it to WAL, which waits for that lock longer than the 5 s busy_timeout.
  const holder = spawn(
    process.execPath,
    ['-e', `const D = require('better-sqlite3'); const db = new D(${JSON.stringify(join(dir, STORE_DB_FILE))}); db.exec('BEGIN EXCLUSIVE; CREATE TABLE held (v INTEGER)'); console.log('locked'); setTimeout(() => { db.exec('COMMIT'); db.close(); }, 6500);`],
    { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const exited = new Promise((resolve) => holder.once('exit', resolve));
  await new Promise<void>((resolve, reject) => {
    holder.stdout.once('data', () => resolve());
    holder.once('exit', (code) => reject(new Error(`lock holder exited (${code}) before locking`)));
  });
  const t0 = Date.now();
  try {
    const db = openStoreDatabase(dir);
    assert.ok(Date.now() - t0 >= 5000, `opened after ${Date.now() - t0} ms: the lock was not held`);
    assert.equal(String(db.pragma('journal_mode', { simple: true })).toLowerCase(), 'wal');
    assert.ok(db.prepare("SELECT name FROM sqlite_master WHERE name = 'held'").get(), 'the other process\'s table is there');
    db.close();
  } finally {
    holder.kill();
    await exited;
  }
});
