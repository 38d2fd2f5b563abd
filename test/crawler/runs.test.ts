import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RunRegistry } from '../../src/crawler/runs.js';
import { openStoreDatabase } from '../../src/storage/index.js';
import { tempDir } from '../helpers/tmp.js';

test('a checkpoint is committed and readable by another connection at once, and leaves the store syncing every commit', () => {
  const dir = tempDir();
  const db = openStoreDatabase(dir);
  const other = openStoreDatabase(dir);
  try {
    const runs = new RunRegistry(db);
    const { id } = runs.begin();
    runs.checkpoint(id, { fetched: 7 });
    // Another process (a status command, the next run after a kill -9) sees the counters.
    const row = other.prepare('SELECT summary FROM runs WHERE id = ?').get(id) as { summary: string };
    assert.deepEqual(JSON.parse(row.summary), { fetched: 7 });
    // The checkpoint's own commit skips the fsync; every other write keeps synchronous = FULL (2).
    assert.equal(db.pragma('synchronous', { simple: true }), 2);
    // A resumed run starts from the checkpointed counters.
    db.close();
    const again = new RunRegistry(other);
    const resumed = again.begin();
    assert.equal(resumed.id, id);
    assert.equal(resumed.resumed, true);
    assert.deepEqual(resumed.previous, { fetched: 7 });
  } finally {
    if (db.open) db.close();
    other.close();
  }
});
