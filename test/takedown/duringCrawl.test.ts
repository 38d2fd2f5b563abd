import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { startNewsSite } from '../../demo/index.js';
import { openStoreDatabase } from '../../src/storage/index.js';
import { runCli, startCli, writeNewsSiteConfig } from '../helpers/cli.js';
import { tempDir } from '../helpers/tmp.js';

const ARTICLES = 1000;

function hasSnapshots(store: string): boolean {
  if (!existsSync(join(store, 'store.db'))) return false;
  const db = openStoreDatabase(store, { readonly: true });
  try {
    return (db.prepare(`SELECT count(*) AS n FROM sqlite_master WHERE name='snapshots'`).get() as { n: number }).n > 0 &&
      (db.prepare(`SELECT count(*) AS n FROM snapshots`).get() as { n: number }).n >= 20;
  } finally {
    db.close();
  }
}

test('takedowns and verify run beside a crawl never break it: exit 0, every article captured, no page failed by the store', async () => {
  const site = await startNewsSite({ articles: ARTICLES });
  const dir = tempDir();
  const store = join(dir, 'store');
  const config = join(dir, 'sources.yaml');
  writeNewsSiteConfig(config, {
    store,
    siteUrl: site.url,
    concurrency: 8,
    delayMs: 0,
    perHostConcurrency: 4,
    extra: [`    sitemaps: ["${site.url}/sitemap.xml"]`, '    maxDepth: 3', '    maxPages: 5000'],
  });
  try {
    const crawl = startCli(['crawl', '--config', config, '--json']);
    let crawlDone = false;
    void crawl.result.then(() => (crawlDone = true));
    const takedowns: { code: number | null; stderr: string }[] = [];
    const verifies: { code: number | null; stderr: string }[] = [];
    const removed = site.articles.slice(0, 10).map((a) => `${site.url}${a.path}`);
    // The loops start once the crawl has stored its first articles.
    while (!crawlDone && !existsSync(join(store, 'runs')) && !hasSnapshots(store)) await new Promise((r) => setTimeout(r, 100));
    // Ten takedowns one after another and, beside them, verify --repair as often as it can run.
    const takedownLoop = (async () => {
      for (const url of removed) {
        if (crawlDone) break;
        takedowns.push(await runCli(['takedown', '--url', url, '--reason', 'rights holder request', '--store', store, '--json']));
      }
    })();
    const verifyLoop = (async () => {
      while (!crawlDone && verifies.length < 10) verifies.push(await runCli(['verify', '--repair', '--store', store]));
    })();
    await Promise.all([takedownLoop, verifyLoop]);
    const result = await crawl.result;
    assert.ok(takedowns.length >= 5, `only ${takedowns.length} takedowns ran during the crawl (it ended too soon to prove anything)`);
    for (const t of takedowns) assert.equal(t.code, 0, t.stderr);
    // verify takes the run lock: beside a crawl it says so and exits 3, without touching the store.
    for (const v of verifies) assert.ok(v.code === 0 || v.code === 3, `verify exit ${v.code}: ${v.stderr}`);
    assert.equal(result.code, 0, result.stderr.slice(-3000));
    const { summary } = JSON.parse(result.stdout.trim().split("\n").pop()!) as { summary: { failed: Record<string, number>; status: string; limitsHit: Record<string, number> } };
    assert.equal(summary.status, 'completed');
    assert.deepEqual(summary.failed, {}, 'no page failed, least of all for a store error');
    const db = openStoreDatabase(store);
    const stored = new Set((db.prepare(`SELECT url FROM snapshots`).all() as { url: string }[]).map((r) => r.url));
    db.close();
    const excluded = new Set(takedowns.map((_, i) => removed[i]));
    const missing = site.articles.filter((a) => !excluded.has(`${site.url}${a.path}`) && !stored.has(`${site.url}${a.path}`)).map((a) => a.path);
    assert.deepEqual(missing.slice(0, 5), [], `${missing.length} articles missing`);
    for (const url of excluded) assert.ok(!stored.has(url), `${url} was taken down and must stay down`);
    const after = await runCli(['verify', '--deep', '--store', store]);
    assert.equal(after.code, 0, after.stdout + after.stderr);
  } finally {
    await site.close();
  }
});
