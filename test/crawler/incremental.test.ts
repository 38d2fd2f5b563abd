import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startNewsSite, type NewsSite } from '../../demo/index.js';
import { normalizeUrl } from '../../src/frontier/index.js';
import { SnapshotStore } from '../../src/snapshot/index.js';
import { openStoreDatabase } from '../../src/storage/index.js';
import { crawlOnce, demoSource } from '../helpers/crawl.js';
import { tempDir } from '../helpers/tmp.js';

let site: NewsSite;
before(async () => (site = await startNewsSite({ articles: 10 })));
after(() => site.close());

test('a second run picks up what changed: new in the feed, edited, deleted, not modified', async () => {
  const store = tempDir();
  const source = (revisit: string[]) =>
    demoSource(site.url, { seeds: [`${site.url}/`], feeds: [`${site.url}/rss.xml`], maxDepth: 2, revisit });
  const first = await crawlOnce(store, [source(['1h', '1h', '1h'])]);
  assert.equal(first.snapshots.new, 10);

  const added = site.mutate.addArticle('zh');
  const edited = site.articles[2];
  site.mutate.editArticle(edited.path, { body: [...edited.body, '新增的一段更正说明，记者补充了采访内容。'] });
  const deleted = site.articles[5];
  site.mutate.deleteArticle(deleted.path);

  // Nothing is due yet: only index pages, the feed, the new article, and the edited one — the sitemap's newer
  // lastmod for it makes it due now (issue 11) — are fetched.
  site.resetRequests();
  const second = await crawlOnce(store, [source(['1h', '1h', '1h'])]);
  assert.equal(second.snapshots.new, 1, JSON.stringify(second));
  assert.equal(second.snapshots.changed, 1, JSON.stringify(second));
  const fetchedArticles = site.requests.filter((r) => /\/t\d{8}_\d+\.html|\/en\/[a-z]+\/\d{4}\//.test(r.path)).map((r) => r.path);
  assert.deepEqual(fetchedArticles.sort(), [added.path, edited.path].sort(), 'no other known article is refetched before it is due');

  // Make every known article due: the edited one is already stored, the deleted one fails, the rest answer 304.
  const db = openStoreDatabase(store);
  db.prepare(`UPDATE frontier SET next_revisit_at=1 WHERE next_revisit_at IS NOT NULL`).run();
  db.close();
  const third = await crawlOnce(store, [source(['1h', '1h', '1h'])]);
  assert.equal(third.snapshots.changed, 0, JSON.stringify(third.snapshots));
  assert.equal(third.snapshots.new, 0);
  assert.equal(third.failed['http-404'], 1);

  // Pages whose markup changed (their related-articles list now shows the new article) answered 200 with an
  // unchanged body: "checked, unchanged", no snapshot. Due again with nothing changed, they answer 304.
  assert.ok(third.snapshots.unchanged >= 8, JSON.stringify(third.snapshots));
  const again = openStoreDatabase(store);
  again.prepare(`UPDATE frontier SET next_revisit_at=1 WHERE next_revisit_at IS NOT NULL`).run();
  again.close();
  const fourth = await crawlOnce(store, [source(['1h', '1h', '1h'])]);
  assert.equal(fourth.snapshots.new + fourth.snapshots.changed, 0);
  const check = openStoreDatabase(store);
  const notModified = check.prepare(`SELECT count(*) AS n FROM frontier WHERE outcome='not-modified'`).get() as { n: number };
  check.close();
  assert.ok(notModified.n >= 9, `conditional GETs answered 304: ${notModified.n}`);

  const s = SnapshotStore.open(store, { readonly: true });
  try {
    const versions = s.versions(normalizeUrl(site.url + edited.path)!);
    assert.equal(versions.length, 2);
    assert.equal(versions[1].previousId, versions[0].id);
    assert.match(s.get(versions[1].id)!.body, /新增的一段更正说明/);
    assert.ok(s.latestFor(site.url + deleted.path), 'a deleted article keeps its snapshot');
  } finally {
    s.close();
  }
});
