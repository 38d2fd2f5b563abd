import assert from 'node:assert/strict';
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { acquireRunLock, openStoreDatabase } from '../../src/storage/index.js';
import { ensureDirectory } from '../../src/util/ensureDir.js';
import { tempDir } from '../helpers/tmp.js';

test('ensureDirectory creates every missing level and accepts an existing directory', () => {
  const dir = join(tempDir(), 'a', 'b', 'c');
  ensureDirectory(dir);
  assert.ok(statSync(dir).isDirectory());
  ensureDirectory(dir);
});

test('a file in the way is ENOTDIR, named', () => {
  const root = tempDir();
  writeFileSync(join(root, 'file'), 'x');
  assert.throws(() => ensureDirectory(join(root, 'file', 'store')), (err: NodeJS.ErrnoException) => err.code === 'ENOTDIR');
});

test('a store under /proc fails at once in the lock and the database, instead of spinning in mkdir', { skip: existsSync('/proc/self') ? false : 'no /proc here' }, () => {
  const started = Date.now();
  assert.throws(() => ensureDirectory('/proc/snapcrawl-test/store'), (err: NodeJS.ErrnoException) => err.code === 'ENOENT');
  assert.throws(() => acquireRunLock('/proc/snapcrawl-test/store'), (err: NodeJS.ErrnoException) => err.code === 'ENOENT');
  assert.throws(() => openStoreDatabase('/proc/snapcrawl-test/store'), (err: NodeJS.ErrnoException) => err.code === 'ENOENT');
  assert.ok(Date.now() - started < 2000);
});
