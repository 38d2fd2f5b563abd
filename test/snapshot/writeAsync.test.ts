import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { addExclusions, normalizeUrl } from '../../src/frontier/index.js';
import { ExcludedUrlError, SnapshotStore, TMP_DIR_NAME } from '../../src/snapshot/index.js';
import { makeInput, tempRoot } from './fixtures.js';

const URL_A = 'https://news.example.com/2025/10/13/story.html';

function pendingCount(store: SnapshotStore): number {
  return (store.db.prepare('SELECT COUNT(*) AS n FROM snapshot_pending').get() as { n: number }).n;
}

test('concurrent writeAsync: every page stored, indexed and verifiable, commits shared, nothing left pending', async (t) => {
  const { storeDir } = tempRoot(t);
  const store = SnapshotStore.open(storeDir);
  try {
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, (_, i) => store.writeAsync(makeInput({ url: `https://news.example.com/2025/10/13/s${i}.html`, body: `Story ${i}.` }))),
    );
    assert.deepEqual(new Set(outcomes.map((o) => o.status)), new Set(['new']));
    assert.equal(store.count(), 20);
    assert.equal(pendingCount(store), 0);
    assert.deepEqual(readdirSync(join(storeDir, TMP_DIR_NAME)), []);
    for (const o of outcomes) assert.equal((await store.verify(o.id))?.ok, true);
  } finally {
    store.close();
  }
});

test('concurrent writes of one article are serialised: the same content is stored once, a change is its next version', async (t) => {
  const { storeDir } = tempRoot(t);
  const store = SnapshotStore.open(storeDir);
  try {
    const same = await Promise.all([1, 2, 3, 4].map(() => store.writeAsync(makeInput({ url: URL_A }))));
    assert.deepEqual(same.map((o) => o.status).sort(), ['new', 'unchanged', 'unchanged', 'unchanged']);
    const [first, second] = await Promise.all([
      store.writeAsync(makeInput({ url: URL_A, body: 'Version two.' })),
      store.writeAsync(makeInput({ url: `${URL_A}?utm_source=x`, body: 'Version three.' })),
    ]);
    assert.equal(first.status, 'changed');
    assert.equal(second.status, 'changed');
    assert.equal(second.status === 'changed' && second.previousId, first.id, 'the second write saw the first as latest');
    assert.equal(store.versions(URL_A).length, 3);
    assert.equal(store.latestFor(URL_A)?.id, second.id);
  } finally {
    store.close();
  }
});

test('a takedown committed while the files are being written wins: nothing stored, nothing left behind', async (t) => {
  const { storeDir } = tempRoot(t);
  const store = SnapshotStore.open(storeDir);
  try {
    const writing = store.writeAsync(makeInput({ url: URL_A }));
    addExclusions(store.db, [{ kind: 'url', value: normalizeUrl(URL_A)! }], { reason: 'test' });
    await assert.rejects(writing, ExcludedUrlError);
    assert.equal(store.count(), 0);
    assert.equal(pendingCount(store), 0);
    assert.deepEqual(readdirSync(join(storeDir, TMP_DIR_NAME)), []);
    assert.equal(existsSync(join(storeDir, 'news.example.com')), true, 'the date folder may stay; no snapshot folder in it');
    assert.deepEqual(readdirSync(join(storeDir, 'news.example.com', '2025', '10', '13')), []);
  } finally {
    store.close();
  }
});
