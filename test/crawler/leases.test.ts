import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { startNewsSite, type NewsSite } from '../../demo/index.js';
import { Frontier, normalizeUrl } from '../../src/frontier/index.js';
import { SnapshotStore } from '../../src/snapshot/index.js';
import { openStoreDatabase } from '../../src/storage/index.js';
import { crawlOnce, demoSource } from '../helpers/crawl.js';
import { tempDir } from '../helpers/tmp.js';

let site: NewsSite;
before(async () => (site = await startNewsSite({ articles: 6 })));
after(() => site.close());

test("an embedded crawl takes back expired leases but never fetches a URL another live holder's lease covers", async () => {
  const store = tempDir();
  const [live, expired] = site.articles.map((a) => normalizeUrl(site.url + a.path)!);
  const db = openStoreDatabase(store);
  const seedRun = new Frontier(db, 'earlier');
  seedRun.addMany([live!, expired!].map((url) => ({ url, source: 'demo', depth: 1 })));
  const lease = db.prepare(`UPDATE frontier SET state = 'in_flight', lease_worker = ?, lease_expires_at = ? WHERE url = ?`);
  lease.run('crawler-b.example:7:0000000b', Date.now() + 10 * 60_000, live);
  lease.run('crawler-c.example:7:0000000c', Date.now() - 1, expired);
  db.close();
  site.resetRequests();

  const summary = await crawlOnce(store, [demoSource(site.url, { maxDepth: 2 })]);
  assert.equal(summary.status, 'completed');
  const paths = site.requests.map((r) => r.path);
  assert.ok(paths.includes(new URL(expired!).pathname), 'the expired lease came back to the queue and was fetched');
  assert.ok(!paths.includes(new URL(live!).pathname), "the live lease's URL was not fetched");

  const after = openStoreDatabase(store);
  const row = after.prepare(`SELECT state, lease_worker AS worker FROM frontier WHERE url = ?`).get(live) as { state: string; worker: string };
  after.close();
  assert.deepEqual(row, { state: 'in_flight', worker: 'crawler-b.example:7:0000000b' }, 'still the other holder\'s');
  const snapshots = SnapshotStore.open(store, { readonly: true });
  try {
    assert.equal(snapshots.versions(expired!).length, 1);
    assert.equal(snapshots.versions(live!).length, 0);
  } finally {
    snapshots.close();
  }
  assert.ok(!existsSync(join(store, 'crawl.lock')));
});
