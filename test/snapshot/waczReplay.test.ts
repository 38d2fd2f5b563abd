/**
 * ReplayWeb.page replays our WACZ export: a crawl of a loopback news site is exported, the site is
 * stopped, and ReplayWeb.page's own ui.js and sw.js (the `replaywebpage` npm package, see
 * test/helpers/replaywebpage.ts), served on 127.0.0.1 beside the WACZ, are driven in Debian's Chromium.
 * Every archived article must render inside the replay frame from the WACZ alone (its title, its body,
 * its archived image), and the WACZ's CDXJ must hold a line for every snapshot in the store.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { chromium, type Browser } from 'playwright-core';
import { exportWacz } from '../../src/cli/commands/export.js';
import { chromiumPath, chromiumUnavailable } from '../../src/fetch/browser/browserPool.js';
import { SnapshotStore, type SnapshotRecord } from '../../src/snapshot/index.js';
import { crawlOnce } from '../helpers/crawl.js';
import { replayWebPageFiles } from '../helpers/replaywebpage.js';
import { tempDir } from '../helpers/tmp.js';
import { LOOPBACK_ARTICLE_PATTERN, readZip, startLoopbackNews } from './wacz-fixture.js';

interface ReplayServer {
  url: string;
  /** Paths and Range headers the replay asked for, in order. */
  requests: string[];
  server: Server;
}

/** The embedding page, ReplayWeb.page's two files under /replay/, and the WACZ (with Range support, as a static host serves it). */
async function serveReplay(rwpDir: string, wacz: Buffer): Promise<ReplayServer> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push(`${url.pathname} ${req.headers.range ?? ''}`.trim());
    if (url.pathname === '/') {
      const target = url.searchParams.get('url') ?? '';
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      return res.end(`<!doctype html><script src="/replay/ui.js"></script>
<replay-web-page style="display:block;height:700px" source="/archive.wacz" url="${target.replace(/"/g, '&quot;')}" replaybase="/replay/" embed="replayonly"></replay-web-page>`);
    }
    if (url.pathname === '/replay/ui.js' || url.pathname === '/replay/sw.js') {
      res.writeHead(200, { 'content-type': 'application/javascript' });
      return res.end(readFileSync(join(rwpDir, url.pathname.slice('/replay/'.length))));
    }
    if (url.pathname === '/archive.wacz') {
      const m = /bytes=(\d+)-(\d*)/.exec(req.headers.range ?? '');
      const start = m ? Number(m[1]) : 0;
      const end = m && m[2] ? Math.min(Number(m[2]), wacz.length - 1) : wacz.length - 1;
      res.writeHead(m ? 206 : 200, {
        'content-type': 'application/wacz',
        'accept-ranges': 'bytes',
        'content-length': end - start + 1,
        ...(m ? { 'content-range': `bytes ${start}-${end}/${wacz.length}` } : {}),
      });
      return res.end(req.method === 'HEAD' ? undefined : wacz.subarray(start, end + 1));
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, requests, server };
}

interface Replayed {
  text: string;
  images: [src: string, naturalWidth: number][];
}

/** Opens `target` in ReplayWeb.page and waits (up to 60 s, reloading once) for the replay frame to show `title`. */
async function replay(browser: Browser, site: ReplayServer, target: string, title: string): Promise<Replayed | null> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${site.url}?url=${encodeURIComponent(target)}`);
    // Under load the service worker may come up after the first frame asked for its page: one reload then.
    let reloadAt = Date.now() + 20_000;
    for (const deadline = Date.now() + 60_000; Date.now() < deadline; ) {
      await page.waitForTimeout(300);
      if (Date.now() > reloadAt) {
        reloadAt = Number.POSITIVE_INFINITY;
        await page.reload().catch(() => undefined);
      }
      // The archived page is the frame ReplayWeb.page loads in "mp_" (modified-page) mode: /replay/w/<coll>/<ts>mp_/<url>.
      for (const frame of page.frames().filter((f) => f.url().includes('mp_/') && f.url().endsWith(target))) {
        const seen = await frame
          .evaluate(() => ({ text: document.body?.innerText ?? '', images: [...document.images].map((img): [string, number] => [img.src, img.naturalWidth]) }))
          .catch(() => null);
        if (seen?.text.includes(title) && seen.images.every(([, w]) => w > 0)) return seen;
      }
    }
    return null;
  } finally {
    await context.close();
  }
}

const rwp = replayWebPageFiles();
const skip = 'unavailable' in rwp ? rwp.unavailable : chromiumUnavailable();

describe('ReplayWeb.page replays the WACZ export', { skip }, () => {
  const dir = tempDir('snapcrawl-replay-');
  let records: SnapshotRecord[];
  let wacz: Buffer;
  let site: ReplayServer;
  let browser: Browser;

  before(async () => {
    const news = await startLoopbackNews();
    const storeDir = join(dir, 'store');
    try {
      await crawlOnce(storeDir, [
        { name: 'loop', seeds: [`${news.url}/`], articlePattern: LOOPBACK_ARTICLE_PATTERN, maxDepth: 2, politeness: { delayMs: 0 }, allowPrivate: true },
      ]);
    } finally {
      await news.close(); // from here on, only the WACZ can answer
    }
    const store = SnapshotStore.open(storeDir, { readonly: true });
    records = store.list({ limit: 1000 }).map((s) => store.get(s.id)!);
    store.close();
    await exportWacz(storeDir, join(dir, 'archive.wacz'));
    wacz = readFileSync(join(dir, 'archive.wacz'));
    site = await serveReplay((rwp as { dir: string }).dir, wacz);
    browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox'] });
  });
  after(async () => {
    await browser?.close();
    site?.server.close();
  });

  test('the crawl archived three articles (one through a redirect, one with an image)', () => {
    assert.equal(records.length, 3);
    assert.ok(records.some((r) => r.redirects.length > 0));
    assert.ok(records.some((r) => r.requisites?.images.some((q) => q.status === 'archived')));
  });

  test('the CDXJ holds a line for every snapshot: its URL, fetch time and WARC file', async () => {
    const entries = await readZip(join(dir, 'archive.wacz'));
    const lines = entries.get('indexes/index.cdxj')!.data.toString('utf8').trim().split('\n');
    const cdx = lines.map((line) => {
      const [, timestamp] = line.split(' ', 2);
      return { timestamp, ...(JSON.parse(line.slice(line.indexOf('{'))) as { url: string; filename: string; status?: string }) };
    });
    for (const r of records) {
      const line = cdx.find((c) => c.filename === `${r.id}.warc.gz` && c.url === r.finalUrl);
      assert.ok(line, `a CDXJ line for snapshot ${r.id} (${r.finalUrl})`);
      assert.equal(line.timestamp, r.fetchedAt.replace(/\D/g, '').slice(0, 14));
      assert.equal(line.status, '200');
    }
  });

  test('every archived article renders in the replay frame from the WACZ alone', async () => {
    for (const r of records) {
      const title = r.title!.split(' | ')[0];
      const seen = await replay(browser, site, r.finalUrl, title);
      assert.ok(seen, `ReplayWeb.page rendered ${r.finalUrl} (“${title}”)`);
      assert.match(seen.text, new RegExp(`${title} paragraph 1: the council met on Tuesday`));
      assert.match(seen.text, new RegExp(`${title} paragraph 5:`));
      if (r.requisites?.images.some((q) => q.status === 'archived')) {
        assert.equal(seen.images.length, 1, 'the article image');
        assert.ok(seen.images[0][1] > 0, 'the archived image decoded, from the WACZ');
      }
    }
    // ReplayWeb.page read the WACZ by byte ranges (its CDXJ first, then each record), as from a static host.
    assert.ok(site.requests.some((r) => r.startsWith('/archive.wacz bytes=')), site.requests.join('\n'));
  });
});
