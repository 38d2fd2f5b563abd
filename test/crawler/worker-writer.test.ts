/**
 * The storage stage of a worker (src/snapshot/shared-writer.ts) and the orphan sweep (shared-sweep.ts), over the
 * embedded backends (the store's SQLite index, files under the store): blobs first, the index insert as the commit
 * point, and the loser of a race, a takedown made mid-write or a lost lease leaving no files behind.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { runExtractTask } from '../../src/crawler/extractTask.js';
import type { FetchResult } from '../../src/fetch/index.js';
import { ExcludedUrlError } from '../../src/snapshot/errors.js';
import { sweepOrphanSnapshots } from '../../src/snapshot/shared-sweep.js';
import { writeSharedSnapshot, type SharedWriteContext } from '../../src/snapshot/shared-writer.js';
import type { SnapshotInput } from '../../src/snapshot/types.js';
import { FsBlobStore } from '../../src/storage/fs/blob-store.js';
import type { IndexStores, SnapshotIndexStore } from '../../src/storage/interfaces.js';
import { openSqliteIndex } from '../../src/storage/sqlite/index-stores.js';
import { tempDir } from '../helpers/tmp.js';

const URL_A = 'http://127.0.0.1:9/news/2026/12/05/harbor-opens.html';

function page(url: string, body: string, fetchedAt = new Date()): SnapshotInput {
  const html = `<!doctype html><html><head><title>Harbor opens</title><link rel="canonical" href="${url}"></head><body><article><h1>Harbor opens</h1>${body
    .split('\n')
    .map((p) => `<p>${p}</p>`)
    .join('')}</article></body></html>`;
  const fetch: FetchResult = {
    url, finalUrl: url, status: 200, statusText: 'OK', headers: { 'content-type': 'text/html; charset=utf-8' },
    rawHeaders: [['Content-Type', 'text/html; charset=utf-8']], requestHeaders: { 'user-agent': 'snapcrawl-test' },
    body: Buffer.from(html), truncated: false, redirects: [], fetchedAt, attempts: 1,
  };
  const { article, decoded } = runExtractTask({ fetch, options: { url }, prepare: false });
  return { fetch, article, decoded, source: 'test', userAgent: 'snapcrawl-test', robots: { allowed: true, robotsUrl: 'http://127.0.0.1:9/robots.txt', reason: 'rules' } };
}

const TEXT = 'The new harbor opened on Friday after six years of building work, the port authority said.\nShips from three continents are expected in the first month, and the city hopes for a thousand new jobs.';

function setup(): { store: string; index: IndexStores; blobs: FsBlobStore; ctx: SharedWriteContext } {
  const store = tempDir();
  const index = openSqliteIndex(store);
  const blobs = new FsBlobStore(store);
  return { store, index, blobs, ctx: { blobs, snapshots: index.snapshots, search: index.search, isExcluded: async () => false } };
}

test('a new article: its files, then its row; the same content again writes nothing; changed content is a new version', async () => {
  const { index, blobs, ctx } = setup();
  const first = await writeSharedSnapshot(ctx, page(URL_A, TEXT));
  assert.equal(first.status, 'new');
  if (first.status !== 'new') return;
  assert.deepEqual(await blobs.list(`${first.dir}/`), ['article.md', 'page.warc.gz', 'snapshot.json'].map((f) => `${first.dir}/${f}`));
  const row = await index.snapshots.get(first.id);
  assert.equal(row?.url, URL_A);
  assert.equal(row?.dir, first.dir);
  const again = await writeSharedSnapshot(ctx, page(URL_A, TEXT, new Date(Date.now() + 2000)));
  // With the version it matched: when it was fetched and whether it had one before (the run report's check).
  assert.deepEqual(again, { status: 'unchanged', id: first.id, key: URL_A, fetchedAt: row!.fetchedAt, previousId: null });
  assert.equal((await blobs.list('')).filter((k) => k.endsWith('snapshot.json')).length, 1);
  const changed = await writeSharedSnapshot(ctx, page(URL_A, `${TEXT}\nUpdated: the opening was delayed by an hour because of fog over the bay.`, new Date(Date.now() + 4000)));
  assert.equal(changed.status, 'changed');
  assert.equal(changed.status === 'changed' && changed.previousId, first.id);
  assert.equal(await index.snapshots.count({ latestOnly: true }), 1);
  await index.close();
});

test('losing the race to another worker: our insert is refused, our files are removed, the outcome names their snapshot', async () => {
  const { index, blobs, ctx } = setup();
  const rival = page(URL_A, TEXT, new Date(Date.now() - 1000));
  // The other worker commits the same content between our look-up and our insert.
  const racing: SnapshotIndexStore = Object.create(index.snapshots) as SnapshotIndexStore;
  let rivalId = '';
  racing.insert = async (row) => {
    const theirs = await writeSharedSnapshot({ ...ctx, snapshots: index.snapshots }, rival);
    rivalId = theirs.status === 'new' ? theirs.id : '';
    return index.snapshots.insert(row);
  };
  const outcome = await writeSharedSnapshot({ ...ctx, snapshots: racing }, page(URL_A, TEXT));
  const rows = await index.snapshots.list({});
  assert.deepEqual(outcome, { status: 'lost-race', id: rivalId, key: URL_A, fetchedAt: rows[0]!.fetchedAt, previousId: null });
  assert.deepEqual(rows.map((r) => r.id), [rivalId]);
  const dirs = new Set((await blobs.list('')).filter((k) => k.split('/').length === 6).map((k) => k.split('/').slice(0, 5).join('/')));
  assert.deepEqual([...dirs], [rows[0]!.dir], 'only the winner’s files are left');
  await index.close();
});

test('a takedown arriving while the files are written wins: nothing committed, no files left', async () => {
  const { index, blobs, ctx } = setup();
  let written = false;
  // Excluded once the files are there: the takedown lands between the writes and the insert.
  const blobsSpy = Object.create(blobs) as FsBlobStore;
  blobsSpy.put = async (key, bytes) => {
    await blobs.put(key, bytes);
    written = true;
  };
  blobsSpy.putAll = async (dir, files) => {
    await blobs.putAll(dir, files);
    written = true;
  };
  const isExcluded = async () => written;
  await assert.rejects(writeSharedSnapshot({ ...ctx, blobs: blobsSpy, isExcluded }, page(URL_A, TEXT)), ExcludedUrlError);
  assert.ok(written, 'the files were written before the takedown was seen');
  assert.equal(await index.snapshots.count({}), 0);
  assert.deepEqual((await blobs.list('')).filter((k) => k.split('/').length === 6), []);
  await index.close();
});

test('a lease lost while writing: nothing committed, no files left', async () => {
  const { index, blobs, ctx } = setup();
  const outcome = await writeSharedSnapshot({ ...ctx, stillHeld: async () => false }, page(URL_A, TEXT));
  assert.deepEqual(outcome, { status: 'lease-lost' });
  assert.equal(await index.snapshots.count({}), 0);
  assert.deepEqual((await blobs.list('')).filter((k) => k.split('/').length === 6), []);
  await index.close();
});

test('the sweep removes files no row points at once they are older than the cut-off, and nothing else', async () => {
  const { index, blobs, ctx } = setup();
  const kept = await writeSharedSnapshot(ctx, page(URL_A, TEXT));
  assert.equal(kept.status, 'new');
  // A killed writer's files: two snapshot folders without rows, one old, one from just now.
  const old = '127.0.0.1_9/2026/12/01/20261201T000000Z-0000aaaa';
  const young = `127.0.0.1_9/2026/12/05/${new Date().toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '')}-0000bbbb`;
  for (const dir of [old, young]) await blobs.put(`${dir}/page.warc.gz`, Buffer.from('half'));
  const report = await sweepOrphanSnapshots(blobs, index.snapshots, Date.now() - 60_000);
  assert.deepEqual(report.removed, [old]);
  assert.equal(report.kept, 1);
  assert.deepEqual(await blobs.list(`${old}/`), []);
  assert.equal((await blobs.list(`${young}/`)).length, 1);
  if (kept.status === 'new') assert.equal((await blobs.list(`${kept.dir}/`)).length, 3);
  await index.close();
});

test('the store directory is where the files go: the same place the embedded store keeps them', async () => {
  const { store, blobs, ctx, index } = setup();
  const out = await writeSharedSnapshot(ctx, page(URL_A, TEXT));
  assert.equal(out.status, 'new');
  if (out.status === 'new') assert.equal(blobs.pathOf(`${out.dir}/snapshot.json`), join(store, out.dir, 'snapshot.json'));
  await index.close();
});
