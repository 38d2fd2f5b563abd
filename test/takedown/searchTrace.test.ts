/** A takedown leaves no text in the store database: not in the site's search tables, not in freed pages. */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { openSite } from '../../src/site/index.js';
import { SnapshotStore } from '../../src/snapshot/index.js';
import { openStoreDatabase } from '../../src/storage/index.js';
import { takedown } from '../../src/takedown/index.js';
import { crawledFixture, type CrawledFixture } from '../site/helpers.js';

let fx: CrawledFixture;
before(async () => (fx = await crawledFixture()));
after(async () => fx?.cleanup());

test('a command-line takedown removes the snapshot from the search index the site built, and its text from the file', () => {
  const id = fx.ids.weifang;
  const site = openSite({ storeDir: fx.storeDir });
  const title = site.store.get(id)!.title!;
  assert.ok(site.views.catalog.search('友城伙伴', 1).items.some((i) => i.id === id), 'indexed and searchable before');
  site.close();
  const db = openStoreDatabase(fx.storeDir, { readonly: true });
  assert.equal(db.prepare('SELECT count(*) FROM site_search_docs WHERE id = ?').pluck().get(id), 1);
  db.close();

  // No site process is running: the takedown itself must clear the search rows.
  const result = takedown(fx.storeDir, { id }, { reason: 'rights holder request' });
  assert.equal(result.compacted, true);

  const after = openStoreDatabase(fx.storeDir, { readonly: true });
  assert.equal(after.prepare('SELECT count(*) FROM site_search_docs WHERE id = ?').pluck().get(id), 0);
  after.close();
  const needle = Buffer.from(title, 'utf8');
  for (const file of ['store.db', 'store.db-wal']) {
    const path = join(fx.storeDir, file);
    if (existsSync(path)) assert.equal(readFileSync(path).includes(needle), false, `${file} still holds the title`);
  }
  const store = SnapshotStore.open(fx.storeDir, { readonly: true });
  assert.equal(store.summary(id), null);
  store.close();
});
