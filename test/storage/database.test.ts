import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { openStoreDatabase, STORE_DB_FILE, WAL_AUTOCHECKPOINT_PAGES } from '../../src/storage/database.js';
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
