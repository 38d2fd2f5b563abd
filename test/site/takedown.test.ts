/** Takedowns show on the running site at once: 410 Gone with the notice everywhere, gone from every list. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { SnapshotStore } from '../../src/snapshot/index.js';
import { SiteCatalog, startSiteServer, type ApiListPage, type SiteServer } from '../../src/site/index.js';
import { openStoreDatabase } from '../../src/storage/database.js';
import { addExclusions } from '../../src/frontier/index.js';
import { takedown } from '../../src/takedown/index.js';
import { crawledFixture, get, getJson, type CrawledFixture } from './helpers.js';

describe('takedowns on the site', () => {
  let fx: CrawledFixture;
  let server: SiteServer;
  let base: string;

  before(async () => {
    fx = await crawledFixture();
  });
  after(async () => {
    await server?.close();
    await fx?.cleanup();
  });

  test('a read-only store is searchable too (index in TEMP, store database untouched)', () => {
    const store = SnapshotStore.open(fx.storeDir, { readonly: true });
    try {
      const catalog = new SiteCatalog(store);
      assert.equal(catalog.search('潍坊', 1).total, 5);
      // The store's own search tables (made empty by its migrations) stay empty: the index was built in TEMP.
      assert.equal(store.db.prepare('SELECT count(*) FROM main.site_search_docs').pluck().get(), 0);
      const temp = store.db.prepare("SELECT name FROM temp.sqlite_master WHERE name LIKE 'site_search%' AND type = 'table'").pluck().all();
      assert.ok(temp.includes('site_search_docs'), 'the index is in TEMP');
    } finally {
      store.close();
    }
  });

  test('before: the snapshot is everywhere', async () => {
    server = await startSiteServer({ storeDir: fx.storeDir, port: 0, site: { locale: 'en', takedownContact: 'https://example.org/takedown' } });
    base = server.url;
    assert.equal((await get(base, `/s/${fx.ids.promotion}`)).status, 200);
    assert.match((await get(base, '/')).text, new RegExp(fx.ids.promotion));
    assert.match((await get(base, `/s/${fx.ids.weifang}`)).text, new RegExp(fx.ids.promotion));
    const search = await getJson<ApiListPage>(base, `/api/snapshots?q=${encodeURIComponent('外交部')}`);
    assert.deepEqual(search.body.items.map((i) => i.id), [fx.ids.promotion]);
  });

  test('after takedown(): 410 with the notice on every URL of every version, JSON included', async () => {
    takedown(fx.storeDir, { id: fx.ids.promotion }, { reason: 'rights holder request 2025-118', requester: 'Example Co' });
    for (const id of [fx.ids.promotion, fx.promotionV1]) {
      for (const path of [`/s/${id}`, `/s/${id}/raw`, `/s/${id}/versions`, `/s/${id}/raw?view=source`]) {
        const res = await get(base, path);
        assert.equal(res.status, 410, path);
        assert.match(res.text, /This snapshot has been removed/);
        assert.match(res.text, /taken down at the request of a rights holder/);
        assert.match(res.text, /Removed: \d{4}-\d\d-\d\d \d\d:\d\d:\d\d/);
        assert.match(res.text, /href="https:\/\/example.org\/takedown" rel="noopener noreferrer nofollow"/);
        assert.doesNotMatch(res.text, /外交部|Example Co/);
      }
      assert.equal((await get(base, `/s/${id}/raw/content`)).status, 410);
      const api = await getJson<{ error: string; removedAt: string }>(base, `/api/snapshots/${id}`);
      assert.equal(api.status, 410);
      assert.equal(api.body.error, 'gone');
      assert.match(api.body.removedAt, /^\d{4}-/);
    }
    assert.equal((await get(base, '/s/20990101T000000Z-00000000')).status, 404, 'never-existing ids stay 404');
  });

  test('after takedown(): gone from home, category, search and related lists', async () => {
    const gone = new RegExp(`${fx.ids.promotion}|${fx.promotionV1}|外交部再次推广`);
    for (const path of ['/', `/c/${encodeURIComponent('国内')}`, `/search?q=${encodeURIComponent('潍坊')}`, `/search?q=${encodeURIComponent('外交部')}`, `/s/${fx.ids.weifang}`, `/s/${fx.ids.exports}`]) {
      const res = await get(base, path);
      assert.equal(res.status, 200, path);
      assert.doesNotMatch(res.text, gone, path);
    }
    assert.equal((await getJson<ApiListPage>(base, `/api/snapshots?q=${encodeURIComponent('外交部')}`)).body.total, 0);
    assert.equal((await getJson<ApiListPage>(base, `/api/snapshots?q=${encodeURIComponent('潍坊')}`)).body.total, 4);
    const all = await getJson<ApiListPage>(base, '/api/snapshots?page=1');
    assert.equal(all.body.items.some((i) => i.id === fx.ids.promotion), false);
  });

  test('an exclusion recorded by another process hides a live snapshot at once', async () => {
    const db = openStoreDatabase(fx.storeDir);
    try {
      addExclusions(db, [{ kind: 'url', value: fx.fixture.urlOf('montevideo') }], { reason: 'takedown in progress' });
    } finally {
      db.close();
    }
    assert.equal((await get(base, `/s/${fx.ids.montevideo}`)).status, 410);
    assert.equal((await get(base, `/s/${fx.ids.montevideo}/raw/content`)).status, 410);
    for (const path of ['/', '/c/World', `/s/${fx.ids.nairobi}`, '/search?q=rationing']) {
      assert.doesNotMatch((await get(base, path)).text, new RegExp(fx.ids.montevideo), path);
    }
  });
});
