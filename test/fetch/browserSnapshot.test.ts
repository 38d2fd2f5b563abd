import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { extractArticle } from '../../src/extract/index.js';
import { decodeHtml, decideRender } from '../../src/fetch/index.js';
import { listWarcRecords, readWarcResponse, SnapshotStore, type SnapshotInput } from '../../src/snapshot/index.js';
import { sha256Hex } from '../../src/snapshot/hash.js';
import { articleFixture } from '../fixtures/browser/site.js';
import { browserSite, CHROMIUM_SKIP, loopbackBrowser, TEST_UA } from '../fixtures/browser/harness.js';
import { makeArticle, makeFetch, tempRoot } from '../snapshot/fixtures.js';

const ROBOTS = { allowed: true, robotsUrl: 'http://127.0.0.1/robots.txt', reason: 'rules' };

/** The HTTP message body of a WARC request/response block (after the blank line). */
function httpBody(block: Buffer): Buffer {
  return block.subarray(block.indexOf('\r\n\r\n') + 4);
}

describe('snapshot store with browser renders', () => {
  test('screenshot.png is written and listed; sub-resources and the rendered DOM go into the WARC', async (t) => {
    const { storeDir } = tempRoot(t);
    const store = SnapshotStore.open(storeDir);
    t.after(() => store.close());
    const page = makeFetch({ url: 'https://news.example.com/app/1', finalUrl: 'https://news.example.com/app/1' });
    const script = makeFetch({ url: 'https://cdn.example.com/app.js', finalUrl: 'https://cdn.example.com/app.js', body: Buffer.from('console.log(1)\n'), rawHeaders: [['Content-Type', 'application/javascript']] });
    const post = { ...makeFetch({ url: 'https://news.example.com/api', finalUrl: 'https://news.example.com/api', body: Buffer.from('{"ok":true}') }), method: 'POST', requestBody: Buffer.from('q=1') };
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
    const input: SnapshotInput = {
      fetch: page,
      article: makeArticle(),
      decoded: { charset: 'utf-8' },
      source: 'apps',
      userAgent: TEST_UA,
      robots: ROBOTS,
      render: { mode: 'browser', reason: 'auto: app shell: 0 characters of text, #root is empty' },
      resources: [script, post],
      renderedHtml: '<html><body><article>Rendered 你好</article></body></html>',
      screenshot: png,
    };
    const outcome = store.write(input);
    assert.equal(outcome.status, 'new');
    const record = store.get(outcome.id)!;
    assert.equal(record.files.screenshot, 'screenshot.png');
    assert.deepEqual(record.render, input.render);
    const files = store.files(outcome.id)!;
    assert.ok(readFileSync(files.screenshot!).equals(png));

    const records = await listWarcRecords(files.warc);
    assert.deepEqual(records.map((r) => `${r.type} ${r.targetUri ?? ''}`), [
      'warcinfo ',
      'request https://news.example.com/app/1',
      'response https://news.example.com/app/1',
      'conversion https://news.example.com/app/1',
      'request https://cdn.example.com/app.js',
      'response https://cdn.example.com/app.js',
      'request https://news.example.com/api',
      'response https://news.example.com/api',
    ]);
    const conversion = records[3];
    assert.equal(conversion.warcHeaders['warc-refers-to'], records[2].recordId);
    assert.equal(conversion.contentType, 'text/html; charset=utf-8');
    assert.equal(conversion.block.toString('utf8'), input.renderedHtml);
    assert.ok(httpBody(records[5].block).equals(script.body));
    assert.ok(records[6].block.toString('latin1').startsWith('POST /api HTTP/1.1\r\n'));
    assert.equal(httpBody(records[6].block).toString(), 'q=1');
    // The page's own response is still the first response record; verify() still checks it.
    assert.ok((await readWarcResponse(files.warc)).body.equals(page.body));
    assert.equal((await store.verify(outcome.id))?.ok, true);
  });
});

describe('a browser render archived end to end', { skip: CHROMIUM_SKIP }, () => {
  test('render → extract → store: document bytes, resources, screenshot and render reason', async (t) => {
    const site = await browserSite({ scriptDelayMs: 100 });
    const url = `${site.url}/js/7`;
    const rendered = await loopbackBrowser().render(url);
    const article = extractArticle(rendered.html, { url: rendered.document.finalUrl });
    const { storeDir } = tempRoot(t);
    const store = SnapshotStore.open(storeDir);
    t.after(() => store.close());
    const decision = decideRender('auto', rendered.document.body.toString('utf8'));
    const outcome = store.write({
      fetch: rendered.document,
      article,
      decoded: { charset: decodeHtml(rendered.document.body, rendered.document.headers['content-type']).charset },
      source: 'fixture',
      userAgent: TEST_UA,
      robots: ROBOTS,
      render: decision,
      resources: rendered.resources,
      renderedHtml: rendered.html,
      ...(rendered.screenshot ? { screenshot: rendered.screenshot } : {}),
    });
    assert.equal(outcome.status, 'new');
    const record = store.get(outcome.id)!;
    assert.equal(record.title, articleFixture(7).title);
    assert.equal(record.render.mode, 'browser');
    assert.match(record.render.reason ?? '', /app shell/);
    assert.equal(record.sha256, sha256Hex(rendered.document.body));
    assert.equal(record.files.screenshot, 'screenshot.png');
    const files = store.files(outcome.id)!;
    assert.ok(readFileSync(join(files.dir, 'screenshot.png')).subarray(0, 4).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47])));
    const responses = (await listWarcRecords(files.warc)).filter((r) => r.type === 'response');
    const uris = responses.map((r) => new URL(r.targetUri!).pathname);
    assert.deepEqual(uris.slice(0, 1), ['/js/7']);
    for (const path of ['/app.js', '/api/article/7', '/site.css', '/img/7.svg']) assert.ok(uris.includes(path), `WARC has ${path}`);
    const api = responses.find((r) => r.targetUri!.endsWith('/api/article/7'))!;
    assert.equal(JSON.parse(httpBody(api.block).toString('utf8')).title, articleFixture(7).title);
    assert.equal(api.warcHeaders['warc-ip-address'], '127.0.0.1');
    assert.equal((await store.verify(outcome.id))?.ok, true);
  });
});
