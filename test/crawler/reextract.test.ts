/**
 * reextract: a stored snapshot whose snapshot.json (and index row, and search row) carry a wrong title is
 * put right from its archived response, without refetching; --dry-run only counts; the archive (WARC,
 * sha256, contentHash) is never touched.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { reextractStore } from '../../src/crawler/reextract.js';
import { SnapshotStore, type SnapshotRecord } from '../../src/snapshot/index.js';
import { SearchIndex } from '../../src/site/search-index.js';
import type { TestServer } from '../fixtures/http-server.js';
import { crawlOnce } from '../helpers/crawl.js';
import { tempDir } from '../helpers/tmp.js';
import { LOOPBACK_ARTICLE_PATTERN, startLoopbackNews } from '../snapshot/wacz-fixture.js';

const STORE_DIR = join(tempDir(), 'store');

describe('reextract', () => {
  let site: TestServer;
  let storeDir: string;
  let target: SnapshotRecord;
  let jsonPath: string;
  let warcPath: string;
  let warcBefore: Buffer;

  before(async () => {
    site = await startLoopbackNews();
    storeDir = STORE_DIR;
    await crawlOnce(storeDir, [
      { name: 'loop', seeds: [`${site.url}/`], articlePattern: LOOPBACK_ARTICLE_PATTERN, maxDepth: 2, politeness: { delayMs: 0 }, allowPrivate: true },
    ]);
    const store = SnapshotStore.open(storeDir);
    const summary = store.list({ limit: 10 }).find((s) => s.url.endsWith('/news/alpha.html'))!;
    target = store.get(summary.id)!;
    const files = store.files(summary.id)!;
    jsonPath = files.snapshotJson;
    warcPath = files.warc;
    warcBefore = readFileSync(warcPath);
    // The search index holds the right title before the tampering (as a running site would have it).
    new SearchIndex(store).sync();
    // Tamper: a wrong title in snapshot.json, the index row and the search row.
    writeFileSync(jsonPath, `${JSON.stringify({ ...target, title: 'WRONG TITLE' }, null, 2)}\n`);
    store.db.prepare('UPDATE snapshots SET title = ? WHERE id = ?').run('WRONG TITLE', target.id);
    store.db.prepare('UPDATE site_search_docs SET title = ? WHERE id = ?').run('WRONG TITLE', target.id);
    store.close();
  });
  after(() => site.close());

  test('--dry-run counts the wrong title and changes nothing', async () => {
    await site.close(); // no refetching: the original site is gone from here on
    const before = readFileSync(jsonPath, 'utf8');
    const report = await reextractStore(storeDir, { dryRun: true });
    assert.equal(report.dryRun, true);
    assert.equal(report.snapshots, 3);
    assert.equal(report.changed, 1);
    assert.deepEqual(report.fields, { title: 1 });
    assert.deepEqual(report.failed, []);
    assert.equal(readFileSync(jsonPath, 'utf8'), before);
  });

  test('fixes snapshot.json, article.md, the index row and the search row; the archive is untouched', async () => {
    const report = await reextractStore(storeDir);
    assert.equal(report.changed, 1);
    assert.deepEqual(report.fields, { title: 1 });
    assert.deepEqual(report.failed, []);

    const fixed = JSON.parse(readFileSync(jsonPath, 'utf8')) as SnapshotRecord;
    assert.equal(fixed.title, target.title);
    assert.equal(fixed.sha256, target.sha256);
    assert.equal(fixed.contentHash, target.contentHash);
    assert.deepEqual({ ...fixed }, { ...target }, 'everything else as captured');
    assert.deepEqual(readFileSync(warcPath), warcBefore, 'WARC bytes untouched');

    const store = SnapshotStore.open(storeDir);
    try {
      assert.equal(store.summary(target.id)!.title, target.title);
      assert.equal(store.summary(target.id)!.contentHash, target.contentHash);
      assert.match(readFileSync(store.files(target.id)!.article, 'utf8'), new RegExp(`^title: "${target.title}"`, 'm'));
      const docs = new SearchIndex(store).docs([target.id]);
      assert.equal(docs.get(target.id)?.title, target.title);
    } finally {
      store.close();
    }

    const again = await reextractStore(storeDir);
    assert.equal(again.changed, 0, 'a second run finds nothing to change');
  });
});
