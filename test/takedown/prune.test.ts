import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { listExclusions } from '../../src/frontier/index.js';
import { SnapshotStore } from '../../src/snapshot/index.js';
import { acquireRunLock } from '../../src/storage/index.js';
import { prune, type PruneAuditEntry } from '../../src/takedown/index.js';
import { runCli } from '../helpers/cli.js';
import { listFiles, makeInput, tempRoot } from '../snapshot/fixtures.js';

const URL_A = 'https://news.example.com/2025/10/13/story.html';
const URL_B = 'https://news.example.com/2025/10/14/other.html';

/** One article with four versions (oldest first) and a second article with one, all from source example-news. */
function seeded(t: Parameters<typeof tempRoot>[0]) {
  const { root, storeDir } = tempRoot(t);
  const store = SnapshotStore.open(storeDir);
  t.after(() => store.close());
  const versions = ['v1 text', 'v2 text', 'v3 text', 'v4 text'].map((body) => store.write(makeInput({ url: URL_A, body })).id);
  const other = store.write(makeInput({ url: URL_B, body: 'only version' })).id;
  return { root, storeDir, store, versions, other };
}

function audit(storeDir: string): PruneAuditEntry[] {
  const file = join(storeDir, 'prunes.jsonl');
  return existsSync(file) ? readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as PruneAuditEntry) : [];
}

test('keepVersions 2: the two oldest versions go (files and rows), the latest stays, no exclusion, one audit line', (t) => {
  const { storeDir, store, versions, other } = seeded(t);
  const dirs = versions.map((id) => store.files(id)!.dir);
  const result = prune(store, [{ name: 'example-news', keepVersions: 2 }]);
  assert.equal(result.dryRun, false);
  assert.deepEqual(result.sources.map((s) => s.removed.map((r) => r.id)), [[versions[0], versions[1]]]);
  assert.equal(result.sources[0]!.removedFiles, 6);
  assert.deepEqual(store.versions(URL_A).map((s) => s.id), [versions[2], versions[3]]);
  assert.equal(store.latestFor(URL_A)!.id, versions[3]);
  assert.equal(store.summary(other)!.id, other);
  assert.equal(existsSync(dirs[0]!), false);
  assert.equal(existsSync(dirs[1]!), false);
  assert.equal(existsSync(dirs[2]!), true);
  assert.equal(existsSync(dirs[3]!), true);
  assert.deepEqual(listExclusions(store.db), [], 'retention records no exclusion: the article may be crawled again');
  const lines = audit(storeDir);
  assert.equal(lines.length, 1);
  assert.equal(lines[0]!.source, 'example-news');
  assert.deepEqual(lines[0]!.policy, { keepVersions: 2 });
  assert.deepEqual(lines[0]!.removed.map((r) => [r.id, r.url]), [[versions[0], URL_A], [versions[1], URL_A]]);
  const raw = readFileSync(join(storeDir, 'prunes.jsonl'), 'utf8');
  for (const content of ['v1 text', 'v2 text', 'A story']) assert.ok(!raw.includes(content), `the audit holds no content: ${content}`);
  assert.equal(existsSync(join(storeDir, 'takedowns.jsonl')), false);
  // Applying it again finds nothing more to do and writes no further line.
  assert.deepEqual(prune(store, [{ name: 'example-news', keepVersions: 2 }]).sources[0]!.removed, []);
  assert.equal(audit(storeDir).length, 1);
});

test('--dry-run lists what would go and changes nothing', (t) => {
  const { storeDir, store, versions } = seeded(t);
  const before = listFiles(storeDir).filter((f) => !f.startsWith('store.db'));
  const result = prune(store, [{ name: 'example-news', keepVersions: 2 }], { dryRun: true });
  assert.equal(result.dryRun, true);
  assert.deepEqual(result.sources[0]!.removed.map((r) => r.id), [versions[0], versions[1]]);
  assert.equal(result.sources[0]!.removedFiles, 0);
  assert.equal(store.versions(URL_A).length, 4);
  assert.deepEqual(listFiles(storeDir).filter((f) => !f.startsWith('store.db')), before);
  assert.equal(existsSync(join(storeDir, 'prunes.jsonl')), false);
});

test('keepDays drops older versions but never the latest; other sources and policy-less sources are untouched', (t) => {
  const { store, versions, other } = seeded(t);
  // Every version is a 2025 fetch: with keepDays 1 "now" in 2026, all but each article's latest are too old.
  const now = new Date('2026-01-01T00:00:00Z');
  const untouched = prune(store, [{ name: 'someone-else', keepDays: 1 }, { name: 'example-news' }], { now });
  assert.deepEqual(untouched.sources.map((s) => [s.source, s.removed.length]), [['someone-else', 0]]);
  assert.equal(store.versions(URL_A).length, 4);
  const result = prune(store, [{ name: 'example-news', keepDays: 1 }], { now });
  assert.deepEqual(result.sources[0]!.removed.map((r) => r.id), versions.slice(0, 3));
  assert.deepEqual(store.versions(URL_A).map((s) => s.id), [versions[3]]);
  assert.equal(store.summary(other)!.id, other, 'a single (latest) version is never too old');
});

test('beside a running crawl the prune removes at once and leaves the compaction to the crawl', (t) => {
  const { storeDir, store } = seeded(t);
  const lock = acquireRunLock(storeDir);
  try {
    const result = prune(store, [{ name: 'example-news', keepVersions: 1 }]);
    assert.equal(result.sources[0]!.removed.length, 3);
    assert.equal(result.compacted, false);
    assert.equal(result.compactionDeferred, true);
    assert.equal(existsSync(join(storeDir, 'compact.pending')), true);
  } finally {
    lock.release();
  }
});

test('snapcrawl prune --dry-run, then prune: the CLI reads the policy from the config and --source picks sources', async (t) => {
  const { root, storeDir, store, versions } = seeded(t);
  store.close();
  const config = join(root, 'sources.yaml');
  writeFileSync(
    config,
    [
      `store: ${storeDir}`,
      'sources:',
      '  - name: example-news',
      '    seeds: ["https://news.example.com/"]',
      '    keepVersions: 2',
      '    keepDays: 36500',
      '  - name: unused',
      '    seeds: ["https://other.example.com/"]',
    ].join('\n'),
  );
  const dry = await runCli(['prune', '--config', config, '--dry-run', '--json']);
  assert.equal(dry.code, 0, dry.stderr);
  const dryResult = JSON.parse(dry.stdout);
  assert.equal(dryResult.dryRun, true);
  assert.deepEqual(dryResult.sources[0].removed.map((r: { id: string }) => r.id), [versions[0], versions[1]]);
  assert.equal(existsSync(join(storeDir, 'prunes.jsonl')), false);

  const unknown = await runCli(['prune', '--config', config, '--source', 'nope']);
  assert.equal(unknown.code, 2, unknown.stderr);

  const real = await runCli(['prune', '--config', config, '--store', storeDir, '--source', 'example-news']);
  assert.equal(real.code, 0, real.stderr);
  assert.match(real.stdout, /2 old version\(s\) removed/);
  const reopened = SnapshotStore.open(storeDir);
  try {
    assert.deepEqual(reopened.versions(URL_A).map((s) => s.id), [versions[2], versions[3]]);
  } finally {
    reopened.close();
  }
  assert.equal(audit(storeDir).length, 1);
});
