/**
 * Never hotlink, in real headless Chromium: the snapshot page, its versions, lists, the raw view (the
 * archived page in its sandboxed frame, and opened on its own) and the static export (served by a
 * plain file server that sends no headers, so only its <meta> policy protects it). Every request the
 * browser makes is recorded; the "original site" (a second loopback server, a different origin)
 * must receive none. Skipped when /usr/bin/chromium is missing.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, statSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import { renderStaticSite, startSiteServer, type SiteServer } from '../../src/site/index.js';
import { hotlinkFixture, IMAGE_ALT, type HotlinkFixture } from './hotlink-fixture.js';

const CHROMIUM = '/usr/bin/chromium';
const skip = existsSync(CHROMIUM) ? false : `Chromium not found at ${CHROMIUM} (apt-get install -y chromium): no-hotlink browser tests skipped`;

interface Seen {
  url: string;
  /** null while pending or once finished; the error text when the browser gave up on it (e.g. CSP). */
  failure: string | null;
  finished: boolean;
}

/** A file server for the static export with no headers but the content type (like a bare web host). */
async function serveFolder(root: string): Promise<{ url: string; close(): Promise<void> }> {
  const types: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.json': 'application/json', '.png': 'image/png' };
  const server = http.createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file = normalize(join(root, path));
    if (!file.startsWith(root + sep) && file !== root) file = join(root, 'missing');
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

describe('never hotlink, in headless Chromium', { skip }, () => {
  let fx: HotlinkFixture;
  let server: SiteServer;
  let exported: { url: string; close(): Promise<void> };
  let browser: Browser;
  let context: BrowserContext;

  before(async () => {
    fx = await hotlinkFixture();
    server = await startSiteServer({ storeDir: fx.storeDir, port: 0, site: { title: 'Archive', locale: 'en' } });
    const outDir = join(fx.root, 'export');
    await renderStaticSite({ storeDir: fx.storeDir, outDir, site: { title: 'Archive', locale: 'en' } });
    exported = await serveFolder(outDir);
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    });
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    fx.original.reset();
  });
  after(async () => {
    await browser?.close();
    await exported?.close();
    await server?.close();
    await fx?.cleanup();
  });

  /** Opens `url` in a new tab, waits past the archived page's 1 s meta refresh, returns every request it made. */
  async function open(url: string): Promise<{ page: Page; requests: Seen[] }> {
    const page = await context.newPage();
    const seen = new Map<object, Seen>();
    page.on('request', (r) => void seen.set(r, { url: r.url(), failure: null, finished: false }));
    page.on('requestfinished', (r) => void (seen.get(r)!.finished = true));
    page.on('requestfailed', (r) => void (seen.get(r)!.failure = r.failure()?.errorText ?? 'failed'));
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForTimeout(1500);
    return { page, requests: [...seen.values()] };
  }

  /**
   * Opens every URL, each in its own tab and all at once (the 1.5 s waits overlap), after checking that nothing
   * reached the original site since the last visits. Each tab records its own requests; the original site's log is
   * one for the batch, so its checks name every URL of the batch.
   */
  async function visit(urls: string[]): Promise<{ page: Page; requests: Seen[] }[]> {
    assert.deepEqual(fx.original.requests, [], 'nothing reached the original site before');
    fx.original.reset();
    return Promise.all(urls.map(open));
  }

  const originOf = (url: string): string => (/^https?:/.test(url) ? new URL(url).origin : url.split(':')[0]);

  /** Our own page: the browser does not even try to reach another origin. */
  function assertOnlySite(url: string, requests: Seen[]): void {
    const site = new URL(url).origin;
    assert.ok(requests.length > 0, url);
    assert.deepEqual(requests.filter((r) => originOf(r.url) !== site).map((r) => r.url), [], `${url} asked another origin`);
  }

  /** The archived page: it asks, and its CSP blocks every off-site load before it leaves the browser. */
  function blockedOf(url: string, requests: Seen[]): Seen[] {
    const site = new URL(url).origin;
    const offsite = requests.filter((r) => originOf(r.url) !== site && !/^(?:data|about)$/.test(originOf(r.url)));
    for (const r of offsite) {
      assert.equal(r.finished, false, `${r.url} was loaded`);
      assert.match(r.failure ?? 'pending', /csp|blocked/i, `${r.url} not blocked by the CSP`);
    }
    return offsite;
  }

  /** Our own pages, visited together: none asks another origin; the original site gets no request, no connection. */
  async function visitOwn(urls: string[]): Promise<Page[]> {
    const visits = await visit(urls);
    urls.forEach((url, i) => assertOnlySite(url, visits[i]!.requests));
    assert.deepEqual(fx.original.requests, [], urls.join(', '));
    assert.equal(fx.original.connections, 0, `${urls.join(', ')} opened a connection to the original site`);
    return visits.map((v) => v.page);
  }

  /** Archived pages, visited together: each asks, and every off-site load is blocked; the original site gets no request. */
  async function visitArchived(urls: string[]): Promise<{ page: Page; offsite: Seen[] }[]> {
    const visits = await visit(urls);
    const out = urls.map((url, i) => ({ page: visits[i]!.page, offsite: blockedOf(url, visits[i]!.requests) }));
    assert.deepEqual(fx.original.requests, [], urls.join(', '));
    return out;
  }

  /** The archived document in the raw frame: its <base> ignored, none of its images loaded. */
  async function archivedFrameState(frame: Frame): Promise<{ baseURI: string; loadedImages: string[]; images: number }> {
    return frame.evaluate(() => ({
      baseURI: document.baseURI,
      images: document.images.length,
      loadedImages: [...document.images].filter((i) => i.naturalWidth > 0).map((i) => i.currentSrc || i.src),
    }));
  }

  test('the snapshot page shows image placeholders and asks nothing of the original site', async () => {
    const [page] = await visitOwn([`${server.url}s/${fx.id}`]);
    assert.equal(await page.locator('article .body img').count(), 0);
    const placeholder = page.locator('article .body figure.image-placeholder').first();
    assert.ok(await placeholder.isVisible());
    assert.match(await placeholder.innerText(), new RegExp(IMAGE_ALT));
    assert.equal(await placeholder.locator('a').getAttribute('href'), `${fx.original.origin}/static/img/lights.jpg`);
    assert.deepEqual(await page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).origin).filter((o) => o !== location.origin)), []);
    await page.close();
  });

  test('versions, lists, search and the source view ask nothing of the original site', async () => {
    const paths = [`s/${fx.firstId}`, `s/${fx.id}/versions`, `s/${fx.id}/versions?from=${fx.firstId}&to=${fx.id}`, '', 'c/World', 'search?q=harbour', `s/${fx.id}/raw?view=source`];
    for (const page of await visitOwn(paths.map((path) => server.url + path))) await page.close();
  });

  test('the raw view: every load the archived page asks for is blocked; its <base href> is ignored; no refresh', async () => {
    const [{ page, offsite }, direct] = await visitArchived([`${server.url}s/${fx.id}/raw`, `${server.url}s/${fx.id}/raw/content`]);
    assert.ok(offsite.length > 0, 'the archived page did ask (its stylesheets): the CSP is what stopped it');
    const frame = page.frames().find((f) => f.url().endsWith(`/s/${fx.id}/raw/content`));
    assert.ok(frame, 'the archived page is still in its frame (its meta refresh did not navigate it)');
    const state = await archivedFrameState(frame);
    assert.equal(state.baseURI, frame.url(), 'the archived <base href> is ignored');
    assert.ok(state.images >= 2);
    assert.deepEqual(state.loadedImages, []);
    await page.close();

    assert.equal(direct.page.url(), `${server.url}s/${fx.id}/raw/content`);
    assert.deepEqual((await archivedFrameState(direct.page.mainFrame())).loadedImages, []);
    assert.equal(await direct.page.evaluate(() => document.baseURI), direct.page.url());
    await direct.page.close();
  });

  test('the static export, with no headers at all, asks nothing of the original site', async () => {
    const paths = ['index.html', `s/${fx.id}/index.html`, `s/${fx.id}/versions/index.html`, `s/${fx.id}/raw/source/index.html`];
    for (const page of await visitOwn(paths.map((path) => exported.url + path))) await page.close();
    // The srcdoc frame inherits the page's <meta> policy: the archived page can't load or rebase anything.
    const [{ page }] = await visitArchived([`${exported.url}s/${fx.id}/raw/index.html`]);
    const frame = page.frames().find((f) => f.url() === 'about:srcdoc');
    assert.ok(frame, 'the archived page is still in its srcdoc frame');
    const state = await archivedFrameState(frame);
    assert.ok(!state.baseURI.startsWith(fx.original.origin), `the archived <base href> is ignored (${state.baseURI})`);
    assert.ok(state.images >= 2);
    assert.deepEqual(state.loadedImages, []);
    await page.close();
    assert.deepEqual(fx.original.requests, []);
  });

  // Chromium opens a connection (no HTTP request) for an <iframe src> even when the frame's CSP blocks it:
  // the copy shown has its frames neutralised, so not even that happens.
  test('the raw view opens no TCP connection to the original site either', async () => {
    fx.original.reset();
    const [{ page }] = await visit([`${server.url}s/${fx.id}/raw/content`]);
    await page.close();
    assert.deepEqual(fx.original.requests, []);
    assert.equal(fx.original.connections, 0);
  });
});
