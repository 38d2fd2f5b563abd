import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { makeConfig } from '../../src/config/index.js';
import { Crawler } from '../../src/crawler/index.js';
import { ExtractCrashError, ExtractPool, workerExecArgv } from '../../src/crawler/extractPool.js';
import { runExtractTask, type ExtractTask } from '../../src/crawler/extractTask.js';
import { startNewsSite } from '../../demo/index.js';
import { SnapshotStore } from '../../src/snapshot/index.js';
import { silentLogger } from '../../src/util/logger.js';

const fixture = (name: string) => new URL(`./fixtures/${name}`, import.meta.url);

function task(url: string, prepare = true): ExtractTask {
  const html = `<html lang="en"><head><title>Harbor ferry returns</title></head><body><article><h1>Harbor ferry returns</h1>
    <p>${'The ferry came back to the harbor on Tuesday after a winter away. '.repeat(12)}</p><a href="/next">next</a></article></body></html>`;
  return {
    fetch: {
      url,
      finalUrl: url,
      status: 200,
      statusText: 'OK',
      headers: { 'content-type': 'text/html; charset=utf-8' },
      rawHeaders: [['Content-Type', 'text/html; charset=utf-8']],
      requestHeaders: { 'user-agent': 'test' },
      body: Buffer.from(html),
      truncated: false,
      redirects: [],
      fetchedAt: new Date('2025-10-01T00:00:00Z'),
      attempts: 1,
    },
    options: { url, now: new Date('2025-10-01T00:00:00Z') },
    prepare,
  };
}

/** Until the warm-up answered, pages go in-process; wait for the workers. */
async function ready(pool: ExtractPool): Promise<void> {
  for (let i = 0; i < 600 && pool.startupMs === null; i++) await new Promise((r) => setTimeout(r, 100));
  assert.notEqual(pool.startupMs, null, 'workers never became ready');
}

test('a worker extracts, hashes and gzips exactly as the in-process fallback does', async () => {
  const pool = new ExtractPool({ mode: true, threads: 1, logger: silentLogger });
  try {
    await ready(pool);
    const t = task('https://news.example/a');
    const inWorker = await pool.run(t);
    const inProcess = runExtractTask(t);
    assert.equal(pool.counts.inWorker, 1);
    // Timing warnings ("slow page: N ms") differ from run to run; everything else must be identical.
    const steady = (a: typeof inWorker.article) => ({ ...a, warnings: a.warnings.filter((w) => !w.startsWith('slow page')) });
    assert.deepEqual(steady(inWorker.article), steady(inProcess.article));
    assert.deepEqual(inWorker.decoded, inProcess.decoded);
    assert.equal(inWorker.prepared?.sha256, inProcess.prepared?.sha256);
    assert.equal(inWorker.prepared?.contentHash, inProcess.prepared?.contentHash);
    assert.ok(Buffer.isBuffer(inWorker.prepared?.exchange), 'the WARC records come back as a Buffer');
    const records = gunzipSync(inWorker.prepared!.exchange!).toString('latin1');
    assert.match(records, /WARC-Type: request[\s\S]*WARC-Type: response[\s\S]*The ferry came back/);
    assert.equal((await pool.run(task('https://news.example/b', false))).prepared, undefined, 'nothing prepared for a page that is not stored');
  } finally {
    await pool.close();
  }
});

test('a worker that dies fails that page only; the pool goes on with a fresh worker', async () => {
  const pool = new ExtractPool({ mode: true, threads: 1, logger: silentLogger, workerFile: fixture('crashingWorker.mjs') });
  try {
    await ready(pool);
    await assert.rejects(pool.run(task('https://news.example/crash')), ExtractCrashError);
    const after = await pool.run(task('https://news.example/fine'));
    assert.equal(after.article.title, 'Harbor ferry returns');
    assert.deepEqual(pool.counts, { inWorker: 1, inProcess: 0, crashes: 1 });
  } finally {
    await pool.close();
  }
});

test('pages sent while the workers start wait for them instead of being extracted in the crawl\'s thread', async () => {
  const pool = new ExtractPool({ mode: true, threads: 1, logger: silentLogger });
  try {
    // Sent at once, before the worker has loaded its module: the crawl's isolate must not compile the extractor too.
    const results = await Promise.all(['a', 'b', 'c'].map((p) => pool.run(task(`https://news.example/${p}`))));
    assert.deepEqual(results.map((r) => r.article.title), ['Harbor ferry returns', 'Harbor ferry returns', 'Harbor ferry returns']);
    assert.deepEqual(pool.counts, { inWorker: 3, inProcess: 0, crashes: 0 });
  } finally {
    await pool.close();
  }
});

test('a page sent while workers that cannot start are starting is extracted in-process once they fail', async () => {
  const pool = new ExtractPool({ mode: true, threads: 1, logger: silentLogger, workerFile: fixture('brokenWorker.mjs') });
  try {
    const r = await pool.run(task('https://news.example/a'));
    assert.equal(r.article.title, 'Harbor ferry returns');
    assert.deepEqual(pool.counts, { inWorker: 0, inProcess: 1, crashes: 0 });
  } finally {
    await pool.close();
  }
});

test('workers that cannot start: every page is extracted in-process', async () => {
  const pool = new ExtractPool({ mode: true, threads: 1, logger: silentLogger, workerFile: fixture('brokenWorker.mjs') });
  try {
    for (let i = 0; i < 50; i++) await new Promise((r) => setTimeout(r, 100)); // the failed warm-up switches the pool off
    const r = await pool.run(task('https://news.example/a'));
    assert.equal(r.article.title, 'Harbor ferry returns');
    assert.deepEqual(pool.counts, { inWorker: 0, inProcess: 1, crashes: 0 });
  } finally {
    await pool.close();
  }
});

test('a crawl with the workers stores every article, as without them', async () => {
  const site = await startNewsSite({ articles: 24 });
  const stores: string[] = [];
  try {
    const counts: number[] = [];
    for (const extractPool of [true, false]) {
      const store = mkdtempSync(join(tmpdir(), 'snapcrawl-pool-'));
      stores.push(store);
      const config = makeConfig({
        store,
        sources: [{ name: 'demo', seeds: [`${site.url}/`, `${site.url}/en/`], maxDepth: 2, politeness: { delayMs: 0, perHostConcurrency: 4 }, allowPrivate: true, requisites: { images: false } }],
      });
      const summary = await new Crawler(config, { sources: config.sources, storeDir: store, extractPool, extractThreads: 1 }).run();
      assert.equal(summary.status, 'completed');
      assert.equal(Object.keys(summary.failed).length, 0, JSON.stringify(summary.failed));
      counts.push(summary.snapshots.new);
      const s = SnapshotStore.open(store);
      try {
        for (const snap of s.list({ limit: 5 })) {
          assert.equal((await s.verify(snap.id))?.ok, true, 'WARC body and snapshot.json agree');
          assert.match(readFileSync(s.files(snap.id)!.article, 'utf8'), /^---\ntitle: /);
        }
      } finally {
        s.close();
      }
    }
    assert.equal(counts[0], counts[1]);
    assert.ok(counts[0] >= 24, `stored ${counts[0]}`);
  } finally {
    await site.close();
    for (const s of stores) rmSync(s, { recursive: true, force: true });
  }
});

test('a V8 flag on the crawl\'s command line, which Node refuses in a worker, does not keep the workers from starting', () => {
  assert.deepEqual(workerExecArgv(['--max-old-space-size=512', '--enable-source-maps', '--expose-gc']), ['--enable-source-maps']);
  // The pool in a process started with such flags: its page goes to a worker, not to the crawl's own thread.
  const pool = new URL('../../src/crawler/extractPool.ts', import.meta.url).href;
  const logger = new URL('../../src/util/logger.ts', import.meta.url).href;
  const script = `
    import { ExtractPool } from '${pool}';
    import { silentLogger } from '${logger}';
    const pool = new ExtractPool({ mode: true, threads: 1, logger: silentLogger });
    for (let i = 0; i < 600 && pool.startupMs === null; i++) await new Promise((r) => setTimeout(r, 100));
    const html = '<html><head><title>Harbor ferry returns</title></head><body><p>The ferry came back.</p></body></html>';
    const fetch = { url: 'https://news.example/a', finalUrl: 'https://news.example/a', status: 200, statusText: 'OK', headers: { 'content-type': 'text/html' },
      rawHeaders: [], requestHeaders: {}, body: Buffer.from(html), truncated: false, redirects: [], fetchedAt: new Date(0), attempts: 1 };
    const r = await pool.run({ fetch, options: { url: fetch.url }, prepare: false });
    console.log(JSON.stringify({ title: r.article.title, counts: pool.counts }));
    await pool.close();`;
  const out = execFileSync(process.execPath, ['--max-old-space-size=512', '--expose-gc', '--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8', timeout: 120_000 });
  const { title, counts } = JSON.parse(out.trim().split('\n').pop()!) as { title: string; counts: ExtractPool['counts'] };
  assert.equal(title, 'Harbor ferry returns');
  assert.deepEqual(counts, { inWorker: 1, inProcess: 0, crashes: 0 });
});
