/**
 * `snapcrawl crawl --worker` without shared backends: several worker processes on one store share its SQLite
 * database (SqliteFrontierStore + the store's index) and still store every article once. Plus the command line's
 * usage errors for worker mode.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { FsBlobStore } from '../../src/storage/fs/blob-store.js';
import { openSqliteIndex } from '../../src/storage/sqlite/index-stores.js';
import { runCli, startCli } from '../helpers/cli.js';
import { DEMO_ARTICLE_PATTERN } from '../helpers/crawl.js';
import { tempDir } from '../helpers/tmp.js';
import { politenessOf, startMultiHostSite, type MultiHostSite } from './worker-site.js';

function writeConfig(dir: string, origins: string[], extra: string[] = []): string {
  const file = join(dir, 'sources.yaml');
  writeFileSync(
    file,
    [
      `store: ${join(dir, 'store')}`,
      'concurrency: 4',
      ...extra,
      'sources:',
      '  - name: local',
      `    seeds: [${origins.map((o) => `"${o}/"`).join(', ')}]`,
      `    articlePattern: '${DEMO_ARTICLE_PATTERN}'`,
      '    maxDepth: 1',
      '    politeness: { delayMs: 10, perHostConcurrency: 2 }',
      '    timezone: Asia/Shanghai',
      '    allowPrivate: true',
      '    requisites: { images: false }',
    ].join('\n'),
  );
  return file;
}

describe('crawl --worker on the embedded SQLite store', { timeout: 180_000 }, () => {
  let site: MultiHostSite;
  before(async () => {
    site = await startMultiHostSite({ hosts: 2, articlesPerHost: 40, responseDelayMs: 20 });
  });
  after(() => site?.close());

  test('two worker processes on one store: every article stored once, with its files; both exit 0', async () => {
    const dir = tempDir();
    const config = writeConfig(dir, site.origins);
    const results = await Promise.all([0, 1].map(() => startCli(['crawl', '--config', config, '--worker']).result));
    for (const r of results) assert.equal(r.code, 0, r.stderr.slice(-2000));
    type Health = { stored: number; fill: Record<string, number> };
    const summaries = results.map((r) => (JSON.parse(r.stdout.trim().split('\n').at(-1)!) as { summary: { runId: string; claimed: number; seeded: boolean; perSource: Record<string, Health> } }).summary);
    assert.equal(summaries[0]!.runId, summaries[1]!.runId, 'both workers joined one run');
    // Each worker reports the fill-rates of the articles it stored; together they cover every article once.
    const shares = summaries.flatMap((s) => Object.values(s.perSource));
    assert.equal(shares.reduce((n, h) => n + h.stored, 0), site.articleUrls.length);
    for (const h of shares.filter((x) => x.stored > 0)) assert.ok(h.fill.title >= 0.9 && h.fill.title <= 1, JSON.stringify(h));
    assert.equal(summaries.filter((s) => s.seeded).length, 1, 'exactly one worker seeded');
    const index = openSqliteIndex(join(dir, 'store'));
    try {
      const rows = await index.snapshots.list({ limit: 1000 });
      assert.equal(rows.length, site.articleUrls.length);
      assert.deepEqual(new Set(rows.map((r) => r.url)), new Set(site.articleUrls));
      const blobs = new FsBlobStore(join(dir, 'store'));
      for (const row of rows) assert.deepEqual(await blobs.list(`${row.dir}/`), ['article.md', 'page.warc.gz', 'snapshot.json'].map((f) => `${row.dir}/${f}`));
    } finally {
      await index.close();
    }
    for (const [host, s] of politenessOf(site.requests)) {
      assert.ok(s.maxConcurrent <= 2, `${host}: ${s.maxConcurrent} at once`);
    }
  });

  test('SIGTERM: the worker stops claiming, finishes what it holds and exits 143; the next worker completes the crawl', async () => {
    const dir = tempDir();
    const config = writeConfig(dir, site.origins);
    const first = startCli(['crawl', '--config', config, '--worker']);
    const index = openSqliteIndex(join(dir, 'store'));
    try {
      for (let i = 0; i < 300 && (await index.snapshots.count({})) < 5; i++) await new Promise((r) => setTimeout(r, 100));
      first.kill('SIGTERM');
      const stopped = await first.result;
      assert.equal(stopped.code, 143, stopped.stderr.slice(-2000));
      const summary = (JSON.parse(stopped.stdout.trim().split('\n').at(-1)!) as { summary: { status: string } }).summary;
      assert.equal(summary.status, 'interrupted');
      const partial = await index.snapshots.count({});
      assert.ok(partial < site.articleUrls.length, `stopped before the end (${partial})`);
      // Its leases were released on the way out (finished or given back), not left to expire: the next worker
      // finishes at once instead of waiting a lease length for them.
      const t0 = Date.now();
      const second = await runCli(['crawl', '--config', config, '--worker', '--lease', '60s']);
      assert.equal(second.code, 0, second.stderr.slice(-2000));
      assert.ok(Date.now() - t0 < 55_000, 'no lease of the stopped worker had to expire');
      const rows = await index.snapshots.list({ limit: 1000 });
      assert.deepEqual(new Set(rows.map((r) => r.url)), new Set(site.articleUrls));
      assert.equal(rows.length, site.articleUrls.length);
    } finally {
      await index.close();
    }
  });

  test('usage errors exit 2 with the reason: URLs with --worker, a bad --frontier, --frontier without --worker', async () => {
    const dir = tempDir();
    const config = writeConfig(dir, site.origins);
    const withUrls = await runCli(['crawl', '--config', config, '--worker', 'http://127.0.0.1:1/']);
    assert.equal(withUrls.code, 2);
    assert.match(withUrls.stderr, /takes no URLs/);
    const badFrontier = await runCli(['crawl', '--config', config, '--worker', '--frontier', 'http://127.0.0.1:6379/0']);
    assert.equal(badFrontier.code, 2);
    assert.match(badFrontier.stderr, /--frontier http:\/\/127\.0\.0\.1:6379\/0: only redis:\/\//);
    const noWorker = await runCli(['crawl', '--config', config, '--frontier', 'redis://127.0.0.1:6379/0']);
    assert.equal(noWorker.code, 2);
    assert.match(noWorker.stderr, /--frontier is for crawl --worker/);
  });

  test('an unreachable shared frontier is an unusable environment: exit 2, saying which', async () => {
    const dir = tempDir();
    // Port 1 on loopback: nothing listens there, the connection is refused at once.
    const config = writeConfig(dir, site.origins, ['frontier: "redis://127.0.0.1:1/0"']);
    const r = await runCli(['crawl', '--config', config, '--worker']);
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /cannot open the shared stores/);
  });
});
