import assert from 'node:assert/strict';
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
