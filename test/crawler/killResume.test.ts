import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { startNewsSite, type NewsSite } from '../../demo/index.js';
import { verifyStore } from '../../src/crawler/index.js';
import { normalizeUrl } from '../../src/frontier/index.js';
import { SnapshotStore } from '../../src/snapshot/index.js';
import { runCli, startCli, writeNewsSiteConfig } from '../helpers/cli.js';
import { tempDir } from '../helpers/tmp.js';

let site: NewsSite;
before(async () => (site = await startNewsSite({ articles: 20 })));
after(() => site.close());

/** A small deterministic PRNG so a failure can be replayed. */
function lcg(seed: number): () => number {
  let x = seed >>> 0;
  return () => ((x = (Math.imul(x, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

test('kill -9 at random moments, ten times, then a clean run: every article exactly once, store consistent', async () => {
  const dir = tempDir();
  const store = join(dir, 'store');
  const config = join(dir, 'sources.yaml');
  writeNewsSiteConfig(config, {
    store,
    siteUrl: site.url,
    concurrency: 3,
    delayMs: 25,
    perHostConcurrency: 2,
    extra: [
      '    maxDepth: 3',
      '    revisit: [0s]', // every known article is due again at once, so each run writes (and can be killed) mid-store
    ],
  });
  const random = lcg(Number(process.env.KILL_SEED ?? 20251013));
  const kills: number[] = [];
  for (let i = 0; i < 10; i++) {
    site.resetRequests();
    const child = startCli(['crawl', '--config', config, '--json']);
    const target = 1 + Math.floor(random() * 30); // kill after this many requests reached the site
    for (let t = 0; t < 400 && site.requests.length < target && child.exitCode === null; t++) await new Promise((r) => setTimeout(r, 10));
    child.kill('SIGKILL');
    const r = await child.result;
    kills.push(site.requests.length);
    assert.ok(r.signal === 'SIGKILL' || r.code === 0, `run ${i}: ${r.stderr}`);
  }
  const final = await runCli(['crawl', '--config', config, '--json']);
  assert.equal(final.code, 0, final.stderr);

  const report = await verifyStore(store, { deep: true });
  assert.deepEqual(report.problems, [], `kills after ${kills.join(',')} requests`);
  assert.equal(report.snapshots, report.folders);
  const s = SnapshotStore.open(store, { readonly: true });
  try {
    for (const a of site.articles) {
      const versions = s.versions(normalizeUrl(site.url + a.path)!);
      assert.equal(versions.length, 1, `${a.path} has ${versions.length} versions (unchanged pages add none)`);
    }
    assert.equal(s.count(), site.articles.length);
  } finally {
    s.close();
  }
  const tmp = join(store, '.tmp');
  assert.ok(!existsSync(tmp) || readdirSync(tmp).length === 0, 'no half-written snapshot left behind');
});
