import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ensureSearchTables } from '../../src/site/search-schema.js';
import { ensureSnapshotTables, SnapshotIndex } from '../../src/snapshot/snapshot-index.js';
import { openStoreDatabase } from '../../src/storage/database.js';
import { openSqliteIndex } from '../../src/storage/sqlite/index-stores.js';
import { indexStoresContract, snap } from './contract/index-stores.contract.js';
import { tempDir } from '../helpers/tmp.js';

indexStoresContract('sqlite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'snapcrawl-index-'));
  return {
    open: async () => openSqliteIndex(dir),
    dispose: async () => rmSync(dir, { recursive: true, force: true }),
  };
});

test('sqlite: a store written by the existing modules opens unchanged, and theirs accept its tables', async () => {
  const dir = tempDir();
  const db = openStoreDatabase(dir);
  ensureSnapshotTables(db);
  const legacy = new SnapshotIndex(db);
  legacy.insertRow.run({
    id: 'old1', url: 'https://a.example/x', final_url: 'https://a.example/x', canonical_url: null, host: 'a.example',
    hostname: 'a.example', final_hostname: 'a.example', fetched_at: '2025-01-01T00:00:00.000Z', title: '旧', published_at: null,
    published_ms: null, category: null, source: 's', dir: 'a.example/2025/01/01/old1', previous_id: null, content_hash: 'H',
    sha256: 'S', http_status: 200, bytes: 10, is_latest: 1,
  });
  const stores = openSqliteIndex(dir);
  assert.equal((await stores.snapshots.latestFor('https://a.example/x'))?.id, 'old1');
  assert.deepEqual(await stores.snapshots.insert(snap('new1', 'https://a.example/x')), { inserted: true, previousId: 'old1' });
  assert.equal(legacy.latestForUrl.get('https://a.example/x')?.id, 'new1', 'the existing reader sees the new row');
  await stores.search.index([{ id: 'new1', url: 'https://a.example/x', title: '新的研究报告', body: '', host: 'a.example', category: null, publishedAt: null }]);
  // The site's schema check finds the search tables at its version and keeps their rows.
  ensureSearchTables(db, 'main');
  assert.equal((await stores.search.search('研究', { limit: 5, offset: 0 })).total, 1);
  await stores.close();
  db.close();
});

/**
 * One worker process: opens the store, says "ready", waits for "go" on stdin (so the three start together), then
 * tries to store each of 200 articles (same content in every process) and prints how many it won.
 */
const WORKER = `
const { openSqliteIndex } = await import(process.env.INDEX_MODULE);
const stores = openSqliteIndex(process.env.STORE_DIR);
process.stdout.write('ready\\n');
await new Promise((resolve) => process.stdin.once('data', resolve));
process.stdin.pause();
let won = 0;
for (let i = 0; i < 200; i++) {
  const url = 'https://race.example/' + i;
  const id = 'p' + process.pid + '-' + i;
  const row = { id, url, finalUrl: url, canonicalUrl: null, host: 'race.example', hostname: 'race.example',
    fetchedAt: new Date().toISOString(), title: null, publishedAt: null, category: null, source: 's',
    dir: 'race.example/' + id, contentHash: 'same-' + i, sha256: 'x', httpStatus: 200, bytes: 1 };
  if ((await stores.snapshots.insert(row)).inserted) won++;
}
await stores.close();
process.stdout.write('won ' + won + '\\n');
`;

interface Worker {
  ready: Promise<void>;
  go: () => void;
  won: Promise<number>;
}

function startWorker(dir: string): Worker {
  const module = fileURLToPath(new URL('../../src/storage/sqlite/index-stores.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', WORKER], {
    env: { ...process.env, INDEX_MODULE: module, STORE_DIR: dir },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  let out = '';
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    if (out.includes('ready')) markReady();
  });
  const won = new Promise<number>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => {
      const m = /won (\d+)/.exec(out);
      if (code === 0 && m) resolve(Number(m[1]));
      else reject(new Error(`worker exited ${code}: ${out}`));
    });
  });
  return { ready, won, go: () => child.stdin.end('go\n') };
}

test('sqlite: three processes storing the same articles at once store each exactly once', async () => {
  const dir = tempDir();
  await openSqliteIndex(dir).close(); // tables in place, so the race is on the rows
  const workers = [startWorker(dir), startWorker(dir), startWorker(dir)];
  await Promise.all(workers.map((w) => w.ready));
  for (const w of workers) w.go();
  const won = await Promise.all(workers.map((w) => w.won));
  assert.equal(won.reduce((a, b) => a + b, 0), 200, `wins per process: ${won.join(', ')}`);
  const stores = openSqliteIndex(dir);
  assert.equal(await stores.snapshots.count({}), 200);
  assert.equal(await stores.snapshots.count({ latestOnly: true }), 200);
  await stores.close();
});
