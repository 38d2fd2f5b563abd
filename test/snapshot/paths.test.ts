import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { test } from 'node:test';
import { hostDirName, resolveInside, SnapshotStore, SnapshotStoreError, UnsafePathError } from '../../src/snapshot/index.js';
import { listFiles, makeInput, tempRoot } from './fixtures.js';

test('host folder names keep only [a-z0-9.-], ports become _port', () => {
  assert.equal(hostDirName('https://News.Example.COM/x'), 'news.example.com');
  assert.equal(hostDirName('http://example.com:8080/x'), 'example.com_8080');
  assert.equal(hostDirName('http://例子.测试/'), 'xn--fsqu00a.xn--0zwm56d');
  assert.equal(hostDirName('http://[::1]:8080/'), '--1_8080');
  assert.equal(hostDirName('http://a_b.example/'), 'a-b.example');
  assert.equal(hostDirName('http://example.com./'), 'example.com');
});

test('host names that mean something to the filesystem are refused', () => {
  for (const url of ['http://../x', 'http://%2e%2e/x', 'http://%2e/', 'http://.../', 'http://a..b/', 'http://.tmp/', 'http://.hidden/', 'not a url']) {
    assert.throws(() => hostDirName(url), UnsafePathError, url);
  }
});

test('resolveInside refuses anything that leaves the store', () => {
  const store = resolve('/srv/store');
  assert.equal(resolveInside(store, 'a/b'), join(store, 'a', 'b'));
  for (const rel of ['', '.', '..', '../x', 'a/../../x', '/etc/passwd', `..${sep}x`, 'a/../..']) {
    assert.throws(() => resolveInside(store, rel), UnsafePathError, rel);
  }
});

test('hostile URLs cannot write outside the store', (t) => {
  const { root, storeDir } = tempRoot(t);
  const store = SnapshotStore.open(storeDir);
  t.after(() => store.close());
  const hostile = [
    'http://../../../../etc/passwd',
    'http://%2e%2e/%2e%2e/escape',
    'http://.tmp/x',
    'http://a..b/../../x',
    'http://example.com/../../../../x/..%2f..%2fy',
    'http://example.com:65535/%2e%2e/%2e%2e/z',
    'http://evil.example/\u0000/x',
  ];
  for (const url of hostile) {
    try {
      const outcome = store.write(makeInput({ url }));
      if (outcome.status !== 'unchanged') assert.ok(outcome.dir.startsWith(resolve(storeDir) + sep), `${url} -> ${outcome.dir}`);
    } catch (err) {
      assert.ok(err instanceof SnapshotStoreError, `${url}: ${String(err)}`);
    }
  }
  assert.deepEqual(readdirSync(root), ['store'], 'nothing created beside the store');
  const folders = readdirSync(storeDir).filter((n) => !n.startsWith('store.db'));
  for (const name of folders) assert.match(name, /^(\.tmp|takedowns\.jsonl|[a-z0-9][a-z0-9.-]*(_\d+)?)$/, name);
  assert.deepEqual(listFiles(join(storeDir, '.tmp')), []);
});
