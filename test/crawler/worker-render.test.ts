/**
 * `render: browser` and `render: auto` in a crawl worker (src/crawler/worker-page.ts): pages rendered in Chromium,
 * the rendered DOM extracted, the render recorded in snapshot.json with the screenshot, over the embedded SQLite
 * shared stores; an app shell found over HTTP under `auto` is rendered at its next claim.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { makeConfig } from '../../src/config/index.js';
import { CrawlWorker } from '../../src/crawler/worker.js';
import { openSharedStores } from '../../src/storage/open.js';
import { articleFixture } from '../fixtures/browser/site.js';
import { browserSite, CHROMIUM_SKIP, fixtureSource, snapshotOf } from '../fixtures/browser/harness.js';
import { tempDir } from '../helpers/tmp.js';

describe('a crawl worker renders in the browser', { skip: CHROMIUM_SKIP, timeout: 180_000 }, () => {
  test('render browser and auto: app-shell articles get their full body from the render, and say why', async () => {
    const site = await browserSite({ scriptDelayMs: 200, indexArticles: 2 });
    const expected = articleFixture(1);
    for (const render of ['browser', 'auto'] as const) {
      const storeDir = tempDir();
      const config = makeConfig({ store: storeDir, concurrency: 3, sources: [fixtureSource(site.url, render)] });
      const stores = await openSharedStores({}, storeDir);
      try {
        const summary = await new CrawlWorker(config, { sources: config.sources, stores, idlePollMs: 50 }).run();
        assert.equal(summary.status, 'completed');
        assert.equal(summary.outcomes['snapshot-new'], 4, `${render}: two static and two app-shell articles: ${JSON.stringify(summary)}`);
      } finally {
        await stores.close();
      }
      const record = snapshotOf(storeDir, `${site.url}/js/1`);
      assert.equal(record.title, expected.title, render);
      assert.ok(record.body.includes(expected.paragraphs[3]!), `${render}: full body from the rendered DOM`);
      assert.equal(record.render.mode, 'browser');
      assert.equal(record.files.screenshot, 'screenshot.png');
      if (render === 'browser') assert.equal(record.render.reason, 'source render: browser');
      else {
        assert.match(record.render.reason ?? '', /^auto: app shell: .*#root is empty/);
        const staticPage = snapshotOf(storeDir, `${site.url}/static/1`);
        assert.equal(staticPage.render.mode, 'http');
        assert.match(staticPage.render.reason ?? '', /^auto: server-rendered content/);
      }
    }
  });
});
