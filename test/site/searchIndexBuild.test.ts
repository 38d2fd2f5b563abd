/**
 * The server's search index is built in the background: a store whose index was never built is served at
 * once (home page with excerpts, searches that match titles and say the index is being built), and once
 * the build has run, searches find body text again. The build is held between chunks by the `pace` hook,
 * so "before the build has finished" is a fact here, not a race.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startSiteServer, type SiteServer } from '../../src/site/index.js';
import { crawledFixture, get, type CrawledFixture } from './helpers.js';

interface ApiList {
  total: number;
  items: { title: string }[];
  indexing?: { indexed: number; total: number };
}

async function api(site: SiteServer, q: string): Promise<ApiList> {
  const r = await get(site.url, `/api/snapshots?q=${encodeURIComponent(q)}`);
  assert.equal(r.status, 200);
  return JSON.parse(r.text) as ApiList;
}

/** A gate the build waits at before each chunk; open() lets it run (one chunk per macrotask from then on). */
function gate(): { pace: () => Promise<void>; open: () => void; waits: () => number } {
  let open!: () => void;
  const opened = new Promise<void>((r) => (open = r));
  let waits = 0;
  return {
    pace: () => {
      waits++;
      return opened.then(() => new Promise<void>((r) => setImmediate(r)));
    },
    open,
    waits: () => waits,
  };
}

describe('the search index is built in the background while the site answers', () => {
  let fixture: CrawledFixture;
  before(async () => {
    fixture = await crawledFixture();
  });
  after(() => fixture.cleanup());

  test('served before the build: home page with excerpts, title-only search that says so; full text after', async () => {
    const held = gate();
    const errors: unknown[] = [];
    const site = await startSiteServer({ storeDir: fixture.storeDir, port: 0, searchIndex: { inlineLimit: 0, pace: held.pace }, onError: (e) => errors.push(e) });
    try {
      assert.ok(held.waits() >= 1, 'the build started and is waiting at the gate');
      const home = await get(site.url, '/');
      assert.equal(home.status, 200);
      assert.match(home.text, /Battery recycling plant opens outside Chicago/);
      assert.match(home.text, /battery recycling plant opened on Thursday/, 'excerpts read from snapshot.json meanwhile');

      // "lithium" is only in a body; "Reservoir" in one title and two other bodies.
      const page = await get(site.url, '/search?q=lithium');
      assert.equal(page.status, 200);
      assert.match(page.text, /class="hint search-indexing"[^>]*>The search index is being built \(0 of \d+ snapshots\)/);
      const bodyOnly = await api(site, 'lithium');
      assert.equal(bodyOnly.total, 0);
      assert.deepEqual(bodyOnly.indexing, { indexed: 0, total: bodyOnly.indexing?.total });
      assert.ok(bodyOnly.indexing!.total >= 12, JSON.stringify(bodyOnly.indexing));
      const titles = await api(site, 'Reservoir');
      assert.deepEqual(titles.items.map((i) => i.title), ['Reservoir levels in Nairobi fall to a 33-year low']);

      held.open();
      let done: ApiList | null = null;
      for (const deadline = Date.now() + 30_000; Date.now() < deadline && !done; ) {
        const r = await api(site, 'lithium');
        if (!r.indexing) done = r;
        else await new Promise((res) => setTimeout(res, 20));
      }
      assert.ok(done, 'the build finished');
      assert.deepEqual(done.items.map((i) => i.title), ['Battery recycling plant opens outside Chicago']);
      const fullText = await api(site, 'reservoir');
      assert.equal(fullText.indexing, undefined);
      assert.deepEqual(
        fullText.items.map((i) => i.title).sort(),
        ['Council <b>votes</b> & "scripts" pass the budget', 'Montevideo extends water rationing for 18 more weeks', 'Reservoir levels in Nairobi fall to a 33-year low'],
      );
      const zh = await api(site, '溶栓');
      assert.deepEqual(zh.items.map((i) => i.title), ['看病不出县,巨鹿这么办']);
      const after = await get(site.url, '/search?q=lithium');
      assert.doesNotMatch(after.text, /search-indexing/);
      assert.deepEqual(errors, []);
    } finally {
      held.open();
      await site.close();
    }
  });

  test('a second start finds the index complete: full-text search at once', async () => {
    const held = gate(); // never opened: nothing may need building
    const site = await startSiteServer({ storeDir: fixture.storeDir, port: 0, searchIndex: { inlineLimit: 0, pace: held.pace } });
    try {
      const r = await api(site, 'lithium');
      assert.equal(r.indexing, undefined);
      assert.equal(r.total, 1);
      assert.equal(held.waits(), 0);
    } finally {
      await site.close();
    }
  });

  test('closing the server mid-build stops the build without errors', async () => {
    const fresh = await crawledFixture({ skip: ['hostile'] });
    const held = gate();
    const errors: unknown[] = [];
    try {
      const site = await startSiteServer({ storeDir: fresh.storeDir, port: 0, searchIndex: { inlineLimit: 0, pace: held.pace }, onError: (e) => errors.push(e) });
      assert.equal((await get(site.url, '/')).status, 200);
      await site.close(); // the store database is closed now
      held.open();
      await new Promise((r) => setTimeout(r, 50));
      assert.deepEqual(errors, [], 'the build saw it was stopped before touching the closed database');
    } finally {
      held.open();
      await fresh.cleanup();
    }
  });
});
