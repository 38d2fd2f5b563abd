import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startNewsSite, type NewsSite } from '../../demo/index.js';
import { Frontier } from '../../src/frontier/index.js';
import { openStoreDatabase } from '../../src/storage/index.js';
import { crawlOnce, demoSource } from '../helpers/crawl.js';
import { tempDir } from '../helpers/tmp.js';

let site: NewsSite;
before(async () => (site = await startNewsSite({ articles: 6 })));
after(() => site.close());

test("the crawler coalesces its finishes (issue 14), and every one is on disk when the run is over", async () => {
  const store = tempDir();
  let finishes = 0;
  let maxWaiting = 0;
  const finish = Frontier.prototype.finish;
  Frontier.prototype.finish = function (this: Frontier, ...args: Parameters<Frontier['finish']>) {
    finish.apply(this, args);
    finishes++;
    maxWaiting = Math.max(maxWaiting, this.pendingFinishes);
  };
  try {
    const summary = await crawlOnce(store, [demoSource(site.url, { maxDepth: 2 })]);
    assert.equal(summary.status, 'completed');
  } finally {
    Frontier.prototype.finish = finish;
  }
  assert.ok(finishes > 6, `${finishes} finishes`);
  assert.ok(maxWaiting >= 1, 'a finish waits to be written with the next claim instead of its own commit');
  const db = openStoreDatabase(store);
  const rows = db.prepare(`SELECT state, count(*) AS n FROM frontier GROUP BY state`).all() as { state: string; n: number }[];
  db.close();
  assert.ok(!rows.some((r) => r.state === 'in_flight'), JSON.stringify(rows));
});
