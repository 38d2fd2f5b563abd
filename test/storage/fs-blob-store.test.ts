import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { FsBlobStore, UnsafeBlobKeyError } from '../../src/storage/fs/blob-store.js';
import { tempDir } from '../helpers/tmp.js';

describe('FsBlobStore', () => {
  test('put then get returns the exact bytes; a missing key is null', async () => {
    const store = new FsBlobStore(tempDir());
    const bytes = Buffer.from([0, 1, 2, 255, 10, 13]);
    await store.put('127.0.0.1_8080/2026/12/05/id-1/page.warc.gz', bytes);
    assert.deepEqual(await store.get('127.0.0.1_8080/2026/12/05/id-1/page.warc.gz'), bytes);
    assert.equal(await store.get('127.0.0.1_8080/2026/12/05/id-1/snapshot.json'), null);
    assert.equal(await store.get('nowhere/at/all'), null);
  });

  test('files land under the root at the key path; a second put replaces the first whole', async () => {
    const root = tempDir();
    const store = new FsBlobStore(root);
    await store.put('a/b/c.txt', Buffer.from('first version'));
    await store.put('a/b/c.txt', Buffer.from('2nd'));
    assert.equal(readFileSync(join(root, 'a', 'b', 'c.txt'), 'utf8'), '2nd');
    assert.deepEqual(readdirSync(join(root, 'a', 'b')), ['c.txt'], 'no temp file left beside it');
  });

  test('putAll writes the files of one new folder whole, no temp file left; names with a path are refused', async () => {
    const root = tempDir();
    const store = new FsBlobStore(root);
    const files = [['page.warc.gz', Buffer.from([0, 1, 2, 255])], ['article.md', Buffer.from('# 标题\n')], ['snapshot.json', Buffer.from('{}\n')]] as const;
    await store.putAll('h/2026/12/05/id-9', files);
    for (const [name, bytes] of files) assert.deepEqual(await store.get(`h/2026/12/05/id-9/${name}`), bytes);
    assert.deepEqual(readdirSync(join(root, 'h', '2026', '12', '05', 'id-9')).sort(), ['article.md', 'page.warc.gz', 'snapshot.json']);
    await assert.rejects(store.putAll('h/x', [['a/b', Buffer.from('x')]]), UnsafeBlobKeyError);
    await assert.rejects(store.putAll('h/x', [['../y', Buffer.from('x')]]), UnsafeBlobKeyError);
    assert.equal(existsSync(join(root, 'h', 'y')), false);
  });

  test('concurrent puts of one key leave one whole version, never a mix', async () => {
    const store = new FsBlobStore(tempDir());
    const versions = Array.from({ length: 8 }, (_, i) => Buffer.alloc(256 * 1024, 65 + i));
    await Promise.all(versions.map((v) => store.put('k/file', v)));
    const got = await store.get('k/file');
    assert.ok(got);
    assert.ok(versions.some((v) => v.equals(got)), 'the stored file is exactly one of the versions written');
  });

  test('keys that could escape the root are refused with a typed error, before any I/O', async () => {
    const root = tempDir();
    const store = new FsBlobStore(join(root, 'blobs'));
    const bad = ['../outside', 'a/../../outside', 'a/./b', '/etc/passwd', 'C:/x', 'a\\..\\b', 'a\0b', '', 'a//b', 'a/'];
    for (const key of bad) {
      await assert.rejects(store.put(key, Buffer.from('x')), UnsafeBlobKeyError, `put ${JSON.stringify(key)}`);
      await assert.rejects(store.get(key), UnsafeBlobKeyError, `get ${JSON.stringify(key)}`);
      await assert.rejects(store.delete(key), UnsafeBlobKeyError, `delete ${JSON.stringify(key)}`);
    }
    await assert.rejects(store.list('../'), UnsafeBlobKeyError);
    assert.equal(existsSync(join(root, 'outside')), false);
    assert.equal(existsSync(join(root, 'blobs')), false, 'nothing was created');
  });

  test('list returns the keys under a prefix, sorted, without temp files of writes in progress', async () => {
    const root = tempDir();
    const store = new FsBlobStore(root);
    for (const key of ['h/2026/12/05/b/snapshot.json', 'h/2026/12/05/a/page.warc.gz', 'h/2026/12/05/a/snapshot.json', 'h/2026/12/06/c/x', 'other/y']) {
      await store.put(key, Buffer.from(key));
    }
    // A writer killed between open and rename leaves a temp file: it is never a key.
    writeFileSync(join(root, 'h', '2026', '12', '05', 'a', '.blob-tmp-deadbeef'), 'half');
    assert.deepEqual(await store.list('h/2026/12/05/a/'), ['h/2026/12/05/a/page.warc.gz', 'h/2026/12/05/a/snapshot.json']);
    assert.deepEqual(await store.list('h/2026/12/0'), [
      'h/2026/12/05/a/page.warc.gz',
      'h/2026/12/05/a/snapshot.json',
      'h/2026/12/05/b/snapshot.json',
      'h/2026/12/06/c/x',
    ]);
    assert.equal((await store.list('')).length, 5);
    assert.deepEqual(await store.list('missing/'), []);
  });

  test('delete removes the file and the folders it leaves empty, never the root; absent keys are fine', async () => {
    const root = tempDir();
    const store = new FsBlobStore(root);
    await store.put('h/2026/12/05/a/one', Buffer.from('1'));
    await store.put('h/2026/12/05/a/two', Buffer.from('2'));
    await store.put('h/2026/12/06/keep', Buffer.from('k'));
    await store.delete('h/2026/12/05/a/one');
    assert.ok(existsSync(join(root, 'h/2026/12/05/a/two')));
    await store.delete('h/2026/12/05/a/two');
    assert.equal(existsSync(join(root, 'h/2026/12/05')), false, 'empty folders went with the last file');
    assert.ok(existsSync(join(root, 'h/2026/12/06/keep')));
    await store.delete('h/2026/12/05/a/two');
    await store.delete('h/2026/12/06/keep');
    assert.ok(existsSync(root));
    assert.deepEqual(readdirSync(root), []);
  });

  test('a key whose parent is a file fails with the filesystem error, not silently', async () => {
    const root = tempDir();
    mkdirSync(join(root, 'x'));
    writeFileSync(join(root, 'x', 'file'), 'f');
    const store = new FsBlobStore(root);
    await assert.rejects(store.put('x/file/child', Buffer.from('c')), (err: NodeJS.ErrnoException) => err.code === 'ENOTDIR' || err.code === 'EEXIST');
  });
});

test('removeStaleTemp removes temp files older than the cut-off only, never blobs', async () => {
  const { utimesSync } = await import('node:fs');
  const root = tempDir();
  const store = new FsBlobStore(root);
  await store.put('h/a/file', Buffer.from('kept'));
  const old = join(root, 'h', 'a', '.blob-tmp-0001');
  const young = join(root, 'h', '.blob-tmp-0002');
  writeFileSync(old, 'half-written by a killed worker');
  writeFileSync(young, 'a write in progress');
  const hourAgo = new Date(Date.now() - 3_600_000);
  utimesSync(old, hourAgo, hourAgo);
  assert.equal(await store.removeStaleTemp(Date.now() - 60_000), 1);
  assert.equal(existsSync(old), false);
  assert.ok(existsSync(young));
  assert.deepEqual(await store.list(''), ['h/a/file']);
});
