/**
 * Many workers, one crawl (issue 13, "How it is checked"): `snapcrawl crawl --worker` OS processes against real
 * Redis and PostgreSQL on 127.0.0.1 crawl a local site of several hosts (ports) together; one is SIGKILLed
 * mid-crawl and another starts late. Every article is stored exactly once, no snapshot is half-written, and the
 * site's request log shows no host fetched faster than its delay or above its per-host concurrency. A takedown
 * made while workers run stops them fetching and storing the excluded URLs within seconds.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { SharedRunSummary } from '../../src/crawler/shared-report.js';
import { readWarcResponse } from '../../src/snapshot/index.js';
import { sha256Hex } from '../../src/snapshot/hash.js';
import { sweepOrphanSnapshots } from '../../src/snapshot/shared-sweep.js';
import { FsBlobStore } from '../../src/storage/fs/blob-store.js';
import { createPostgresDatabase, dropPostgresDatabase } from '../../src/storage/postgres/index-stores.js';
import { RedisFrontierStore } from '../../src/storage/redis/frontier-store.js';
import { openSharedStores, type OpenedStores } from '../../src/storage/open.js';
import { startCli, type CliResult } from '../helpers/cli.js';
import { DEMO_ARTICLE_PATTERN } from '../helpers/crawl.js';
import { politenessOf, startMultiHostSiteProcess } from './worker-site.js';

type Site = Awaited<ReturnType<typeof startMultiHostSiteProcess>>;

const REDIS = 'redis://127.0.0.1:6379/0';
const PG_ADMIN = 'postgres://postgres@127.0.0.1:5432/postgres';
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

interface SharedCrawl {
  dir: string;
  configFile: string;
  frontierUrl: string;
  indexUrl: string;
  stores: OpenedStores;
  cleanup(): Promise<void>;
}

/** A fresh PostgreSQL database, a Redis key prefix of its own and a config naming both; all removed by cleanup(). */
async function sharedCrawl(site: Site, o: { delayMs: number; perHostConcurrency: number; concurrency: number }): Promise<SharedCrawl> {
  const tag = `${process.pid}_${randomBytes(4).toString('hex')}`;
  const prefix = `snapcrawl-test:${tag}:`;
  const dbName = `snapcrawl_test_${tag}`;
  const indexUrl = await createPostgresDatabase(PG_ADMIN, dbName);
  const frontierUrl = `${REDIS}?prefix=${encodeURIComponent(prefix)}`;
  // Made here and removed by cleanup(): tempDir's after() would run at the end of the before hook that calls this.
  const dir = mkdtempSync(join(tmpdir(), 'snapcrawl-workers-'));
  const configFile = join(dir, 'sources.yaml');
  writeFileSync(
    configFile,
    [
      `store: ${join(dir, 'store')}`,
      `frontier: "${frontierUrl}"`,
      `index: "${indexUrl}"`,
      `concurrency: ${o.concurrency}`,
      'fetch: { retries: 2, connectTimeoutMs: 5000, headersTimeoutMs: 10000 }',
      'sources:',
      '  - name: multi',
      `    seeds: [${site.origins.map((u) => `"${u}/"`).join(', ')}]`,
      `    articlePattern: '${DEMO_ARTICLE_PATTERN}'`,
      // Depth 1: the home pages' links and the sitemaps' items (every article), not the pagination behind them.
      '    maxDepth: 1',
      '    maxPages: 100000',
      `    politeness: { delayMs: ${o.delayMs}, perHostConcurrency: ${o.perHostConcurrency} }`,
      '    timezone: Asia/Shanghai',
      '    allowPrivate: true',
      '    requisites: { images: false }',
    ].join('\n'),
  );
  const stores = await openSharedStores({ frontier: frontierUrl, index: indexUrl }, join(dir, 'store'));
  return {
    dir, configFile, frontierUrl, indexUrl, stores,
    async cleanup() {
      await stores.close();
      const redis = await RedisFrontierStore.connect(REDIS, { prefix });
      await redis.destroy();
      await dropPostgresDatabase(PG_ADMIN, dbName);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Debug level: each worker logs when it issues a request to a host ('request start'), which the pacing test reads. */
function startWorker(configFile: string): ReturnType<typeof startCli> {
  return startCli(['crawl', '--config', configFile, '--worker', '--lease', '6s'], { env: { SNAPCRAWL_LOG_LEVEL: 'debug' } });
}

/** Per host, the times (ms) the workers issued their requests, from their 'request start' log lines. */
interface IssuedStart {
  at: number;
  /** The log line, for a failure's message: which path issued it (url, slot, lag). */
  line: string;
}

function issuedStarts(stderrs: readonly string[]): Map<string, IssuedStart[]> {
  const out = new Map<string, IssuedStart[]>();
  stderrs.forEach((stderr, worker) => {
    for (const line of stderr.split('\n')) {
      if (!line.includes('"request start"')) continue;
      const e = JSON.parse(line) as { host: string; slot: number; lagMs: number };
      out.set(e.host, [...(out.get(e.host) ?? []), { at: e.slot + e.lagMs, line: `worker ${worker}: ${line}` }]);
    }
  });
  for (const list of out.values()) list.sort((a, b) => a.at - b.at);
  return out;
}

type Worker = ReturnType<typeof startCli>;

/** Polls `cond`; fails early, with their stderr, when every worker has already exited. */
async function waitFor(what: string, cond: () => Promise<boolean>, timeoutMs: number, workers: Worker[]): Promise<void> {
  const until = Date.now() + timeoutMs;
  const exited = new Set<Worker>();
  for (const w of workers) void w.result.then(() => exited.add(w));
  while (!(await cond())) {
    if (exited.size === workers.length) {
      const errs = await Promise.all(workers.map(async (w) => (await w.result).stderr.slice(-1500)));
      throw new Error(`every worker exited before ${what}:\n${errs.join('\n---\n')}`);
    }
    if (Date.now() > until) {
      for (const w of workers) w.kill('SIGKILL');
      throw new Error(`timed out waiting for ${what}`);
    }
    await sleep(500);
  }
}

const summaryOf = (r: CliResult) => (JSON.parse(r.stdout.trim().split('\n').at(-1) ?? '{}') as { summary?: { orphansRemoved: number; outcomes: Record<string, number>; reportWritten: boolean } }).summary;

describe('shared crawl: worker processes on Redis + PostgreSQL', { timeout: 240_000 }, () => {
  let site: Site;
  let crawl: SharedCrawl;
  const delayMs = 60;
  /**
   * Arrival times at the site jitter on a loaded machine (a request held up on its way out shortens the next gap;
   * the same allowance as test/crawler/requisites.test.ts). Workers book a host's slots delay + 2 × slack apart
   * (slack = min(25, delay / 2)), so a gap below the delay is jitter; a worker ignoring the delay gives near 0.
   */
  const JITTER_MS = 25;
  const perHostConcurrency = 2;

  before(async () => {
    // Responses take longer than two slots, so the delay alone would let three requests overlap on a host: the
    // concurrency limit is what keeps them to two.
    // Five hosts of 200: each host's request log as long as the politeness checks need (~210 requests, the 1%
    // allowance 3), and half the articles of eight hosts of 250, whose extraction made this the suite's slowest file.
    site = await startMultiHostSiteProcess({ hosts: 5, articlesPerHost: 200, responseDelayMs: 250 });
    crawl = await sharedCrawl(site, { delayMs, perHostConcurrency, concurrency: 8 });
  });
  after(async () => {
    await crawl?.cleanup();
    await site?.close();
  });

  test('three workers, one killed mid-crawl, one started late: every article once, whole snapshots, polite to every host', async (t) => {
    const { index, blobs } = crawl.stores;
    const stored = () => index.snapshots.count({});
    const workers = [startWorker(crawl.configFile), startWorker(crawl.configFile), startWorker(crawl.configFile)];
    // Killed a fifth of the way through, the late one started before half.
    const killAt = Math.round(site.articleUrls.length * 0.2);
    const lateAt = Math.round(site.articleUrls.length * 0.45);
    await waitFor(`${killAt} stored articles`, async () => (await stored()) >= killAt, 120_000, workers);
    workers[1]!.kill('SIGKILL');
    await waitFor(`${lateAt} stored articles`, async () => (await stored()) >= lateAt, 120_000, workers);
    workers.push(startWorker(crawl.configFile));
    const results = await Promise.all(workers.map((w) => w.result));

    assert.equal(results[1]!.signal, 'SIGKILL');
    for (const i of [0, 2, 3]) assert.equal(results[i]!.code, 0, `worker ${i} exit: ${results[i]!.stderr.slice(-2000)}`);

    // Every article stored exactly once, each its URL's one latest version.
    const rows = await index.snapshots.list({ limit: 10_000 });
    assert.equal(rows.length, site.articleUrls.length, 'one row per article');
    assert.deepEqual(new Set(rows.map((r) => r.url)), new Set(site.articleUrls), 'the rows are exactly the articles');
    assert.equal(await index.snapshots.count({ latestOnly: true }), site.articleUrls.length);
    assert.ok(rows.every((r) => r.isLatest && r.previousId === null));

    // No half-written snapshot: every row's files are there and match what the row says.
    for (const row of rows) {
      const json = await blobs.get(`${row.dir}/snapshot.json`);
      const warc = await blobs.get(`${row.dir}/page.warc.gz`);
      const md = await blobs.get(`${row.dir}/article.md`);
      assert.ok(json && warc && md, `files of ${row.id} (${row.dir})`);
      const record = JSON.parse(json.toString('utf8')) as { id: string; url: string; sha256: string };
      assert.equal(record.id, row.id);
      assert.equal(record.url, row.url);
      const response = await readWarcResponse(warc);
      assert.equal(sha256Hex(response.body), row.sha256, `WARC body of ${row.id} hashes to the row's sha256`);
      assert.equal(record.sha256, row.sha256);
    }
    // Files without a row can only come from the killed worker (written, never committed). The cleanup, run with
    // every worker gone, removes them; the workers' own end-of-crawl sweep may already have.
    const swept = await sweepOrphanSnapshots(blobs, index.snapshots, Date.now() + 1000);
    const removedByWorkers = [0, 2, 3].reduce((n, i) => n + (summaryOf(results[i]!)?.orphansRemoved ?? 0), 0);
    assert.ok(swept.removed.length + removedByWorkers <= 8, `orphans at most the killed worker's in-flight pages (${swept.removed.length} + ${removedByWorkers})`);
    await (blobs as FsBlobStore).removeStaleTemp(Date.now() + 1000);
    const ids = new Set(rows.map((r) => r.id));
    const keys = await blobs.list('');
    const snapshotDirs = new Set(keys.filter((k) => k.split('/').length === 6).map((k) => k.split('/')[4]!));
    assert.deepEqual([...snapshotDirs].filter((id) => !ids.has(id)), [], 'no snapshot files without an index row');
    assert.equal(snapshotDirs.size, ids.size);

    // From the site's request log: per host, starts at least the delay apart and at most 2 requests at once.
    const stats = politenessOf(await site.requests());
    t.diagnostic(`per host: ${JSON.stringify([...stats.values()].map((s) => ({ requests: s.requests, minGapMs: Math.round(s.minGapMs), p05GapMs: Math.round(s.p05GapMs), maxConcurrent: s.maxConcurrent })))}`);
    assert.equal(stats.size, site.origins.length, 'every host was crawled');
    // As issued by the workers (every worker's requests, the killed one's too): never closer than the delay.
    const issued = issuedStarts(results.map((r) => r.stderr));
    assert.equal(issued.size, site.origins.length);
    for (const [host, starts] of issued) {
      for (let i = 1; i < starts.length; i++) {
        const gap = starts[i]!.at - starts[i - 1]!.at;
        assert.ok(gap >= delayMs, `${host}: requests issued ${gap} ms apart:\n${starts[i - 1]!.line}\n${starts[i]!.line}`);
      }
    }
    for (const [host, s] of stats) {
      // As they arrived: the same spacing, but for arrivals shortened by the OS holding a request on its way out on
      // a loaded machine (rare: at most 1% of a host's gaps, and never more than JITTER_MS short of the delay in bulk).
      const jittered = s.gaps.filter((g) => g < delayMs - JITTER_MS).length;
      assert.ok(jittered <= Math.ceil(s.requests * 0.01), `${host}: ${jittered} arrivals less than ${delayMs - JITTER_MS} ms apart: ${JSON.stringify(s.smallestGaps)}`);
      assert.ok(s.p05GapMs >= delayMs, `${host}: 5% of the gaps under ${s.p05GapMs.toFixed(1)} ms (delay ${delayMs} ms): ${JSON.stringify(s.smallestGaps)}`);
      assert.ok(s.maxConcurrent <= perHostConcurrency, `${host}: ${s.maxConcurrent} requests at once (limit ${perHostConcurrency})`);
      assert.ok(s.maxConcurrent === perHostConcurrency, `${host}: the concurrency limit was reached (${s.maxConcurrent})`);
    }
    const counts = await crawl.stores.frontier.counts();
    assert.equal(counts.queued + counts.inFlight, 0, 'nothing left in the queue');

    // The run's report: written once, by one of the workers that saw the crawl's end, from every worker's share — the
    // killed one's pages included — with exact counts: every article stored once, and every URL finished once.
    assert.equal(results.filter((r) => r.stderr.includes('"run report written"')).length, 1, 'one report written');
    assert.equal([0, 2, 3].filter((i) => summaryOf(results[i]!)?.reportWritten).length, 1);
    const runs = await index.runs.recent(5);
    assert.equal(runs.length, 1, 'one run');
    assert.equal(runs[0]!.status, 'completed');
    const report = runs[0]!.summary as SharedRunSummary;
    const file = JSON.parse(readFileSync(join(crawl.dir, 'store', 'runs', `${runs[0]!.id}.json`), 'utf8')) as SharedRunSummary;
    assert.deepEqual(file, report, 'runs/<run-id>.json is the run row’s report');
    assert.equal(report.shared.workers, 4, 'the killed worker’s share is in');
    assert.deepEqual(report.snapshots, { new: site.articleUrls.length, changed: 0, unchanged: 0 });
    assert.equal(report.perSource.multi!.stored, site.articleUrls.length);
    assert.equal(report.perSource.multi!.fetched, site.articleUrls.length);
    const finished = Object.values(report.shared.outcomes).reduce((a, b) => a + b, 0);
    assert.equal(finished, counts.done + counts.failed + counts.skipped, `every URL finished counted once: ${JSON.stringify(report.shared.outcomes)}`);
    // Outcomes say what each finished fetch did: an article the killed worker committed but never finished is stored
    // once (snapshots.new above counts it) and its refetch finds it unchanged — at most the killed worker's pages in flight.
    const recovered = report.shared.outcomes['done:snapshot-unchanged'] ?? 0;
    assert.equal((report.shared.outcomes['done:snapshot-new'] ?? 0) + recovered, site.articleUrls.length, JSON.stringify(report.shared.outcomes));
    assert.ok(recovered <= 8, `${recovered} refetches found an article unchanged: more than the killed worker had in flight`);
    assert.deepEqual(report.drift, []);
  });
});

describe('takedown while workers run', { timeout: 180_000 }, () => {
  let site: Site;
  let crawl: SharedCrawl;

  before(async () => {
    site = await startMultiHostSiteProcess({ hosts: 2, articlesPerHost: 200, responseDelayMs: 30 });
    crawl = await sharedCrawl(site, { delayMs: 20, perHostConcurrency: 2, concurrency: 4 });
  });
  after(async () => {
    await crawl?.cleanup();
    await site?.close();
  });

  test('an exclusion added mid-crawl stops every worker fetching and storing the excluded URLs within seconds', async () => {
    const { index, frontier } = crawl.stores;
    const prefix = `${site.origins[0]}/en/`;
    const excludedRows = async () => (await index.snapshots.list({ limit: 10_000 })).filter((r) => r.url.startsWith(prefix));
    const workers = [startWorker(crawl.configFile), startWorker(crawl.configFile)];
    await waitFor('10 stored articles under the prefix', async () => (await excludedRows()).length >= 10, 120_000, workers);
    // What `snapcrawl takedown --prefix` records: the durable rule (index) and the frontier's copy.
    const takenDownAt = Date.now();
    await index.exclusions.add([{ kind: 'prefix', value: prefix }], 'test takedown');
    await frontier.addExclusions([{ kind: 'prefix', value: prefix }], 'test takedown');
    const results = await Promise.all(workers.map((w) => w.result));
    for (const r of results) assert.equal(r.code, 0, r.stderr.slice(-2000));

    const under = await excludedRows();
    for (const row of under) assert.ok(Date.parse(row.fetchedAt) <= takenDownAt, `${row.url} stored from a fetch after the takedown (${row.fetchedAt})`);
    const expectedUnder = site.articleUrls.filter((u) => u.startsWith(prefix));
    assert.ok(under.length < expectedUnder.length, `the takedown came before the crawl was over (${under.length} of ${expectedUnder.length})`);
    const late = (await site.requests()).filter((r) => `http://${r.host}${r.path}`.startsWith(prefix) && r.start > takenDownAt + 2000);
    assert.deepEqual(late.map((r) => r.path), [], 'no request under the prefix more than 2 s after the takedown');
    // Everything else was crawled to the end.
    const rest = new Set((await index.snapshots.list({ limit: 10_000 })).map((r) => r.url).filter((u) => !u.startsWith(prefix)));
    assert.deepEqual(site.articleUrls.filter((u) => !u.startsWith(prefix) && !rest.has(u)), []);
    // The ones not stored were known to the crawl (queued from the sitemap): the takedown, not discovery, stopped them.
    const stored = new Set(under.map((r) => r.url));
    const stopped = expectedUnder.filter((u) => !stored.has(u));
    for (const url of stopped) assert.ok(await frontier.has(url), `${url} was discovered`);
    const counts = await frontier.counts();
    assert.equal(counts.queued + counts.inFlight, 0);
  });
});
