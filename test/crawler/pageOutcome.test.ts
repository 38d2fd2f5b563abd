import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startNewsSite, type NewsSite } from '../../demo/index.js';
import { makeConfig } from '../../src/config/index.js';
import { ExtractPool } from '../../src/crawler/extractPool.js';
import { PageProcessor } from '../../src/crawler/pageProcessor.js';
import { SourceScope } from '../../src/crawler/scope.js';
import { emptySummary } from '../../src/crawler/summary.js';
import { HttpFetcher, RobotsCache } from '../../src/fetch/index.js';
import { Frontier, normalizeUrl } from '../../src/frontier/index.js';
import { SnapshotStore } from '../../src/snapshot/index.js';
import { openStoreDatabase, type StoreDatabase } from '../../src/storage/index.js';
import { silentLogger } from '../../src/util/logger.js';
import { demoSource } from '../helpers/crawl.js';
import { tempDir } from '../helpers/tmp.js';

let site: NewsSite;
before(async () => (site = await startNewsSite({ articles: 4 })));
after(() => site.close());

const rows = (db: StoreDatabase) => db.prepare(`SELECT url, state, outcome, snapshot_id, lease_worker FROM frontier ORDER BY url`).all();

test('the stages return one outcome and leave the frontier untouched; applying it records the page, its links and its row at once', async (t) => {
  const dir = tempDir();
  const config = makeConfig({ store: dir, sources: [demoSource(site.url)] });
  const source = config.sources[0]!;
  const db = openStoreDatabase(dir);
  const frontier = new Frontier(db, 'run1');
  const store = SnapshotStore.open(dir, { db });
  const fetcher = new HttpFetcher({ userAgent: config.userAgent, ...config.fetch });
  const extractor = new ExtractPool({ mode: false, logger: silentLogger });
  t.after(async () => {
    await fetcher.close();
    await extractor.close();
    store.close();
    db.close();
  });
  const summary = emptySummary('run1', false, [source.name]);
  const processor = new PageProcessor({
    config, db, frontier, store, fetcher, summary, extractor,
    robots: new RobotsCache({ db, fetcher, userAgent: config.userAgent }),
    logger: silentLogger,
    scopes: new Map([[source.name, new SourceScope(source)]]),
    sources: new Map([[source.name, source]]),
    allowPrivate: true,
    snapshotAllPages: false,
    runSignal: new AbortController().signal,
  });

  const article = normalizeUrl(site.url + site.articles[0]!.path)!;
  frontier.addMany([{ url: `${site.url}/`, source: source.name, depth: 0, kind: 'seed' }, { url: article, source: source.name, depth: 1 }]);
  const claimed = frontier.claim({ now: Date.now(), limit: 5, delayFor: () => 0 });
  assert.equal(claimed.length, 1, 'one host: one claim at a time');
  const seed = claimed[0]!;
  const before = rows(db);

  const index = await processor.outcomeOf(seed);
  assert.deepEqual(rows(db), before, 'no stage wrote to the frontier');
  assert.equal(index.row.kind, 'finish');
  assert.equal(index.row.kind === 'finish' && index.row.result.outcome, 'index');
  assert.equal(index.robotsRead, true);
  assert.ok((index.links?.length ?? 0) > 1, 'the links ride with the outcome');
  processor.apply(seed, index);
  const seedRow = db.prepare(`SELECT state, lease_worker AS worker FROM frontier WHERE url = ?`).get(seed.url);
  assert.deepEqual(seedRow, { state: 'done', worker: null }, 'the row finished, its lease released');
  assert.ok(frontier.counts().queued > 1, 'its links are queued once the outcome is applied');

  // The article as the frontier has it, held under the frontier's lease as a claim leaves it (a finish only changes
  // the row of the lease's holder; which URL a claim picks is not what this test is about).
  db.prepare(`UPDATE frontier SET state = 'in_flight', lease_worker = ? WHERE url = ?`).run(frontier.worker, article);
  const entry = frontier.get(article)!;
  const mid = rows(db);
  const stored = await processor.outcomeOf(entry);
  assert.deepEqual(rows(db), mid, 'the snapshot is written; the frontier still is not');
  assert.equal(stored.row.kind === 'finish' && stored.row.result.outcome, 'snapshot-new');
  const snapshotId = stored.row.kind === 'finish' ? stored.row.result.snapshotId : undefined;
  assert.ok(snapshotId && store.summary(snapshotId), 'the store has the snapshot the outcome names');
  processor.apply(entry, stored);
  const done = db.prepare(`SELECT state, snapshot_id AS id FROM frontier WHERE url = ?`).get(article);
  assert.deepEqual(done, { state: 'done', id: snapshotId });
});
