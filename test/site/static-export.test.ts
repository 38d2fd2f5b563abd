/** `render --out DIR` and the `serve` / `render` command functions. */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { PassThrough } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import { renderCommand, serveCommand } from '../../src/cli/commands/serve.js';
import { takedownCommand } from '../../src/cli/commands/takedown.js';
import { EXPORT_MARKER, renderStaticSite, SiteStoreError, StaticExportError } from '../../src/site/index.js';
import { ConfigError } from '../../src/util/errors.js';
import { takedown } from '../../src/takedown/index.js';
import { crawledFixture, get, type CrawledFixture } from './helpers.js';

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

describe('static export', () => {
  let fx: CrawledFixture;
  let outDir: string;

  before(async () => {
    fx = await crawledFixture();
    outDir = join(dirname(fx.storeDir), 'export');
    takedown(fx.storeDir, { id: fx.ids.masks }, { reason: 'test' });
  });
  after(async () => {
    await fx?.cleanup();
  });

  test('writes the same pages as files, linked relatively, with a CSP and no scripts', async () => {
    const report = await renderStaticSite({ storeDir: fx.storeDir, outDir, site: { locale: 'zh-CN', title: '快照' } });
    assert.equal(report.outDir, resolve(outDir));
    assert.equal(report.snapshots, 12, 'every version of every page not taken down');
    for (const path of ['index.html', `c/国内/index.html`, 'c/World/index.html', `s/${fx.ids.weifang}/index.html`, `s/${fx.ids.weifang}/raw/index.html`,
      `s/${fx.ids.weifang}/raw/source/index.html`, `s/${fx.ids.promotion}/versions/index.html`, `s/${fx.promotionV1}/index.html`,
      `api/snapshots/${fx.ids.weifang}.json`, 'api/snapshots.json', 'assets/site.css', EXPORT_MARKER]) {
      assert.ok(existsSync(join(outDir, path)), path);
    }
    const page = readFileSync(join(outDir, `s/${fx.ids.weifang}/index.html`), 'utf8');
    assert.match(page, /<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;/);
    assert.match(page, /href="..\/..\/assets\/site.css"/);
    assert.match(page, /以上内容为 <a href="http:\/\/127\.0\.0\.1:\d+\/gn\/2025\/1012\/4471.html" rel="noopener noreferrer nofollow"/);
    assert.doesNotMatch(page, /role="search"/, 'no search form without a server');
    const raw = readFileSync(join(outDir, `s/${fx.ids.hostile}/raw/index.html`), 'utf8');
    assert.match(raw, /<iframe class="raw-frame" sandbox="" referrerpolicy="no-referrer" title="[^"]*" srcdoc="[^"]*&lt;script&gt;/);

    const files = walk(outDir);
    for (const file of files.filter((f) => f.endsWith('.html'))) {
      const text = readFileSync(file, 'utf8');
      assert.doesNotMatch(text, /<script/i, file);
      for (const m of text.matchAll(/(?:href|src)="(\.[^"#?]*)/g)) {
        const target = resolve(dirname(file), decodeURIComponent(m[1]));
        assert.ok(existsSync(target), `${relative(outDir, file)} links to missing ${m[1]}`);
      }
    }
  });

  test('nothing taken down is in the export, and a re-render drops what was taken down since', async () => {
    const taken = fx.fixture.urlOf('masks');
    const mentions = (needle: string) => walk(outDir).filter((f) => readFileSync(f, 'utf8').includes(needle));
    assert.deepEqual(mentions(fx.ids.masks), []);
    assert.deepEqual(mentions(taken), []);
    assert.ok(mentions(fx.ids.tangshan).length > 0);

    takedown(fx.storeDir, { id: fx.ids.tangshan }, { reason: 'test' });
    await renderStaticSite({ storeDir: fx.storeDir, outDir });
    assert.deepEqual(mentions(fx.ids.tangshan), []);
    assert.equal(existsSync(join(outDir, `s/${fx.ids.tangshan}`)), false);
    assert.deepEqual(readdirSync(dirname(outDir)).filter((n) => n.includes('.building-') || n.includes('.old-')), []);
  });

  test('the takedown command re-renders the exports made from the store, so they drop the snapshot at once', async () => {
    const id = fx.ids.weifang;
    const mentions = (needle: string) => walk(outDir).filter((f) => readFileSync(f, 'utf8').includes(needle));
    await renderStaticSite({ storeDir: fx.storeDir, outDir, site: { locale: 'zh-CN', title: '快照' } });
    assert.ok(mentions(id).length > 0);
    const out = new PassThrough();
    let printed = '';
    out.on('data', (d: Buffer) => (printed += d.toString()));
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((chunk: string | Uint8Array) => out.write(chunk)) as typeof process.stdout.write;
    let code: number;
    try {
      code = await takedownCommand({ store: fx.storeDir, id, reason: 'rights holder request', json: true });
    } finally {
      process.stdout.write = write;
    }
    assert.equal(code, 0);
    assert.deepEqual(JSON.parse(printed).exportsRefreshed, [resolve(outDir)]);
    assert.deepEqual(mentions(id), [], 'no page, JSON or list of the export mentions it');
    assert.match(readFileSync(join(outDir, 'index.html'), 'utf8'), /<title>快照/, 'the recorded settings were used');
  });

  test('refuses to replace a folder that is not an export', async () => {
    const other = join(dirname(fx.storeDir), 'precious');
    mkdirSync(other);
    writeFileSync(join(other, 'notes.txt'), 'keep me');
    await assert.rejects(renderStaticSite({ storeDir: fx.storeDir, outDir: other }), StaticExportError);
    assert.equal(readFileSync(join(other, 'notes.txt'), 'utf8'), 'keep me');
  });

  test('serveCommand prints the URL it listens on and stops cleanly; renderCommand exits 0', async () => {
    const out = new PassThrough();
    let printed = '';
    out.on('data', (chunk: Buffer) => (printed += chunk.toString()));
    const stop = new AbortController();
    const running = serveCommand({ store: fx.storeDir, port: 0, host: '127.0.0.1', signal: stop.signal, out, baseUrl: 'https://archive.example/snaps' });
    after(() => stop.abort()); // a failed assertion must not leave the server running
    for (let i = 0; i < 100 && !/listening on/.test(printed); i++) await new Promise((r) => setTimeout(r, 20));
    const url = /listening on (http:\/\/127\.0\.0\.1:\d+\/)/.exec(printed)?.[1];
    assert.ok(url, printed);
    assert.equal((await get(url, '/')).status, 200);
    // --base-url makes the citation's permalink absolute.
    const id = /href="\/s\/([^"/]+)"/.exec((await get(url, '/')).text)?.[1];
    assert.ok(id, 'the home page lists a snapshot');
    const snapshot = await get(url, `/s/${id}`);
    assert.match(snapshot.text, new RegExp(`href="https://archive\\.example/snaps/s/${id}"`));
    stop.abort();
    assert.equal(await running, 0);

    const write = process.stdout.write;
    process.stdout.write = (() => true) as typeof process.stdout.write;
    try {
      assert.equal(await renderCommand({ store: fx.storeDir, out: join(dirname(fx.storeDir), 'export2') }), 0);
    } finally {
      process.stdout.write = write;
    }
    assert.ok(existsSync(join(dirname(fx.storeDir), 'export2', 'index.html')));
  });

  test('bad options fail with typed errors before anything listens', async () => {
    await assert.rejects(serveCommand({ store: fx.storeDir, port: 0, timeZone: 'Mars/Olympus' }), ConfigError);
    await assert.rejects(serveCommand({ store: fx.storeDir, port: 0, baseUrl: 'archive.example' }), ConfigError);
    await assert.rejects(serveCommand({ store: join(dirname(fx.storeDir), 'nope'), port: 0 }), SiteStoreError);
    await assert.rejects(renderCommand({ store: join(dirname(fx.storeDir), 'nope'), out: join(dirname(fx.storeDir), 'x') }), /no snapshot store/);
  });
});
