/** A browser render's screenshot on the site: linked from the snapshot page, served, exported, gone after a takedown. */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { renderStaticSite, startSiteServer } from '../../src/site/index.js';
import { SnapshotStore } from '../../src/snapshot/index.js';
import { takedown } from '../../src/takedown/index.js';
import { makeArticle, makeFetch, tempRoot } from '../snapshot/fixtures.js';
import { get } from './helpers.js';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 1, 2, 3]);
const ROBOTS = { allowed: true, robotsUrl: 'https://news.example.com/robots.txt', reason: 'rules' };

test('a browser snapshot links its screenshot, serves the exact PNG, exports it, and answers 410 once taken down', async (t) => {
  const { root, storeDir } = tempRoot(t);
  const store = SnapshotStore.open(storeDir);
  const common = { decoded: { charset: 'utf-8' }, source: 'apps', userAgent: 'snapcrawl-test/1.0', robots: ROBOTS };
  const appUrl = 'https://news.example.com/app/1';
  const rendered = store.write({
    ...common,
    fetch: makeFetch({ url: appUrl, finalUrl: appUrl }),
    article: makeArticle({ title: 'Rendered story' }),
    render: { mode: 'browser', reason: 'auto: app shell: 0 characters of text, #root is empty' },
    renderedHtml: '<html><body><article>Rendered</article></body></html>',
    screenshot: PNG,
  });
  const plainUrl = 'https://news.example.com/static/1';
  const plain = store.write({ ...common, fetch: makeFetch({ url: plainUrl, finalUrl: plainUrl }), article: makeArticle({ title: 'Plain story' }), render: { mode: 'http' } });
  assert.equal(rendered.status, 'new');
  const shotPath = store.files(rendered.id)?.screenshot;
  assert.ok(shotPath && existsSync(shotPath));
  store.close();

  const server = await startSiteServer({ storeDir, port: 0, site: { locale: 'en' } });
  t.after(() => server.close());
  const page = await get(server.url, `/s/${rendered.id}`);
  assert.equal(page.status, 200);
  assert.match(page.text, new RegExp(`<a href="/s/${rendered.id}/screenshot.png">Screenshot</a>`));
  assert.match(page.text, /<dt>Rendered in a browser \(Chromium\)<\/dt><dd>auto: app shell: 0 characters of text, #root is empty<\/dd>/);

  const res = await fetch(new URL(`/s/${rendered.id}/screenshot.png`, server.url));
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('content-type'), 'image/png');
  assert.ok(Buffer.from(await res.arrayBuffer()).equals(PNG), 'the stored bytes, unchanged');

  const plainPage = await get(server.url, `/s/${plain.id}`);
  assert.doesNotMatch(plainPage.text, /screenshot\.png|Rendered in a browser/);
  assert.equal((await get(server.url, `/s/${plain.id}/screenshot.png`)).status, 404);
  assert.equal((await get(server.url, '/s/..%2F..%2Fetc/screenshot.png')).status, 404);

  const outDir = join(root, 'export');
  await renderStaticSite({ storeDir, outDir, site: { locale: 'en' } });
  assert.ok(readFileSync(join(outDir, `s/${rendered.id}/screenshot.png`)).equals(PNG));
  assert.match(readFileSync(join(outDir, `s/${rendered.id}/index.html`), 'utf8'), /<a href="screenshot.png">Screenshot<\/a>|<a href="..\/..\/s\/[^"]+\/screenshot.png">Screenshot<\/a>/);
  assert.equal(existsSync(join(outDir, `s/${plain.id}/screenshot.png`)), false);

  takedown(storeDir, { id: rendered.id }, { reason: 'rights holder request' });
  const gone = await get(server.url, `/s/${rendered.id}/screenshot.png`);
  assert.equal(gone.status, 410);
  assert.equal(existsSync(shotPath), false, 'the file itself is removed');
  await renderStaticSite({ storeDir, outDir, site: { locale: 'en' } });
  assert.equal(existsSync(join(outDir, `s/${rendered.id}/screenshot.png`)), false, 'a re-export drops it');
});
