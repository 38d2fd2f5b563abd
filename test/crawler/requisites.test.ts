/**
 * Page requisites: a crawl of a loopback news site whose articles carry an og:image and body images
 * (good, over the size cap, broken, not an image, SVG, robots-disallowed, on a private endpoint the
 * source may not reach) archives the good ones as `response` records in each article's own WARC,
 * records every other one with its reason, and counts them in the run summary; the snapshot site then
 * serves the archived bytes from its own origin with the original site stopped.
 */
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import * as cheerio from 'cheerio';
import type { SourceInput } from '../../src/config/index.js';
import type { RunSummary } from '../../src/crawler/index.js';
import {
  listWarcRecords,
  readWarcResponse,
  readWarcResponseById,
  SnapshotStore,
  type ArchivedRequisiteImage,
  type SnapshotRecord,
} from '../../src/snapshot/index.js';
import { renderStaticSite, startSiteServer, type SiteServer } from '../../src/site/index.js';
import { startTestServer, type TestServer } from '../fixtures/http-server.js';
import { crawlOnce } from '../helpers/crawl.js';
import { externalLinksWithoutRel, offsiteReferences } from '../site/hotlink-fixture.js';

const CAP = 64 * 1024;
const DELAY_MS = 60;

function bytesWith(signature: number[], size: number): Buffer {
  return Buffer.concat([Buffer.from(signature), randomBytes(size - signature.length)]);
}
const PNG_SIG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG_SIG = [0xff, 0xd8, 0xff, 0xe0];

/** Per article: the bytes the original site serves for each image path. */
interface ArticleImages {
  lead: Buffer;
  photo: Buffer;
  big: Buffer;
}

const PARAGRAPHS = [
  'The city council approved the new harbour plan on Tuesday after a debate that lasted well into the night and drew hundreds of residents to the town hall.',
  'Under the plan, the old warehouses along the east quay will be turned into housing, workshops and a public market, with the first buildings due to open in two years.',
  'Opponents said the council had not answered questions about flooding, traffic and the cost of moving the fishing fleet to the new basin further down the coast.',
  'The mayor said every concern had been studied, and promised a second public meeting before any of the warehouses is demolished or sold to a developer.',
];

function articleHtml(origin: string, other: string, k: number): string {
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Harbour plan approved, part ${k} - Loopback Gazette</title>
<meta property="og:image" content="${origin}/img/lead-${k}.jpg">
<meta property="article:published_time" content="2025-10-12T08:00:00Z">
<meta property="article:section" content="City">
</head><body>
<article><h1>Harbour plan approved, part ${k}</h1>
<div class="content">
<p>${PARAGRAPHS[0]}</p>
<figure><img src="/img/photo-${k}.png" alt="The east quay at dawn" width="800" height="600"><figcaption>The warehouses on the east quay.</figcaption></figure>
<p>${PARAGRAPHS[1]}</p>
<figure><img src="/img/big-${k}.jpg" alt="A very large panorama" width="800" height="600"></figure>
<figure><img src="/img/broken-${k}.jpg" alt="A picture that is gone" width="800" height="600"></figure>
<p>${PARAGRAPHS[2]}</p>
<figure><img src="/img/fake-${k}.jpg" alt="A page pretending to be a picture" width="800" height="600"></figure>
<figure><img src="/img/chart-${k}?format=vector" alt="A chart drawn as SVG" width="800" height="600"></figure>
<figure><img src="/private/secret-${k}.png" alt="A private picture" width="800" height="600"></figure>
<figure><img src="${other}/img/elsewhere-${k}.png" alt="A picture on another local server" width="800" height="600"></figure>
<p>${PARAGRAPHS[3]}</p>
</div></article></body></html>`;
}

interface NewsSite {
  server: TestServer;
  other: TestServer;
  images: Map<number, ArticleImages>;
  /** Arrival times (ms) and paths of requests to the news site, robots.txt aside. */
  starts: { at: number; path: string }[];
  articleUrl(k: number): string;
}

async function startNewsSite(): Promise<NewsSite> {
  const images = new Map<number, ArticleImages>();
  for (const k of [1, 2]) {
    images.set(k, { lead: bytesWith(JPEG_SIG, 3000 + k), photo: bytesWith(PNG_SIG, 2000 + k), big: bytesWith(JPEG_SIG, CAP + 40_000) });
  }
  const starts: { at: number; path: string }[] = [];
  const other = await startTestServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'image/png' });
    res.end(bytesWith(PNG_SIG, 100));
  });
  let origin = '';
  const server = await startTestServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path !== '/robots.txt') starts.push({ at: performance.now(), path });
    let m: RegExpExecArray | null;
    if (path === '/robots.txt') {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('User-agent: *\nDisallow: /private/\n');
    } else if (path === '/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<!DOCTYPE html><html><head><title>Loopback Gazette</title></head><body><a href="/news/1.html">One</a> <a href="/news/2.html">Two</a></body></html>');
    } else if ((m = /^\/news\/(\d)\.html$/.exec(path))) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(articleHtml(origin, other.url, Number(m[1])));
    } else if ((m = /^\/img\/(lead|photo|big)-(\d)\.(jpg|png)$/.exec(path))) {
      const body = images.get(Number(m[2]))![m[1] as keyof ArticleImages];
      res.writeHead(200, { 'content-type': m[3] === 'png' ? 'image/png' : 'image/jpeg', 'content-length': String(body.length) });
      res.end(body);
    } else if (/^\/img\/fake-\d\.jpg$/.test(path)) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<!DOCTYPE html><p>not a picture</p>');
    } else if (/^\/img\/chart-\d$/.test(path)) {
      res.writeHead(200, { 'content-type': 'image/svg+xml' });
      res.end('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>');
    } else {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  origin = server.url;
  return { server, other, images, starts, articleUrl: (k) => `${origin}/news/${k}.html` };
}

function source(site: NewsSite, requisites: SourceInput['requisites']): SourceInput {
  return {
    name: 'gazette',
    seeds: [`${site.server.url}/`],
    articlePattern: '/news/\\d\\.html$',
    maxDepth: 2,
    politeness: { delayMs: DELAY_MS, perHostConcurrency: 1 },
    allowPrivate: true,
    ...(requisites ? { requisites } : {}),
  };
}

function readRecord(storeDir: string, url: string): { record: SnapshotRecord; warc: string } {
  const store = SnapshotStore.open(storeDir, { readonly: true });
  try {
    const latest = store.latestFor(url);
    assert.ok(latest, `snapshot of ${url}`);
    const files = store.files(latest.id)!;
    return { record: store.get(latest.id)!, warc: files.warc };
  } finally {
    store.close();
  }
}

const sha256 = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

describe('page requisites: article images archived in the WARC and served from the archive', () => {
  let site: NewsSite;
  let root: string;
  let storeDir: string;
  let summary: RunSummary;
  let server: SiteServer | undefined;

  before(async () => {
    site = await startNewsSite();
    root = mkdtempSync(join(tmpdir(), 'snapcrawl-requisites-'));
    storeDir = join(root, 'store');
    summary = await crawlOnce(storeDir, [source(site, { images: true, maxImages: 20, maxBytesPerImage: CAP, maxBytesPerPage: 1024 * 1024 })]);
  });
  after(async () => {
    await server?.close();
    await site.server.close();
    await site.other.close();
    rmSync(root, { recursive: true, force: true });
  });

  test('the run summary counts archived, failed and skipped images with their reasons', () => {
    assert.equal(summary.snapshots.new, 2, JSON.stringify(summary));
    const hit = summary.limitsHit;
    assert.equal(hit['images-archived'], 6, JSON.stringify(hit)); // lead, photo and the SVG, per article
    assert.equal(hit['images-failed'], 8, JSON.stringify(hit));
    assert.equal(hit['images-skipped'], 2, JSON.stringify(hit));
    assert.equal(hit['image-failed:too-large'], 2);
    assert.equal(hit['image-failed:http-404'], 2);
    assert.equal(hit['image-failed:not-image'], 2);
    assert.equal(hit['image-failed:blocked-address'], 2);
    assert.equal(hit['image-skipped:robots'], 2);
    assert.deepEqual(summary.failed, {}, 'an image failure never fails its page');
  });

  test('robots, the SSRF scope and politeness hold for image requests', () => {
    const paths = site.server.requests.map((r) => r.split(' ')[1]);
    assert.equal(paths.filter((p) => p.startsWith('/private/')).length, 0, 'robots Disallow: /private/ is obeyed');
    assert.deepEqual(site.other.requests, [], 'an endpoint the source may not reach gets no connection');
    assert.ok(paths.includes('/img/lead-1.jpg') && paths.includes('/img/photo-2.png'), paths.join(' '));
    // Starts are spaced by the crawler; arrival times jitter a little on a loaded machine (one request
    // delayed on its way out shortens the next gap), never to back-to-back requests.
    const s = site.starts;
    for (let i = 1; i < s.length; i++) {
      const gap = s[i].at - s[i - 1].at;
      assert.ok(gap >= DELAY_MS - 25, `${s[i - 1].path} and ${s[i].path} arrived ${gap.toFixed(1)} ms apart`);
    }
    assert.ok(s.at(-1)!.at - s[0].at >= (s.length - 1) * DELAY_MS - 25, 'the delay holds across the run');
  });

  test('good images are response records in the article WARC; the rest are recorded with reasons', async () => {
    for (const k of [1, 2]) {
      const { record, warc } = readRecord(storeDir, site.articleUrl(k));
      const origin = site.server.url;
      const byUrl = new Map((record.requisites?.images ?? []).map((i) => [i.url, i]));
      const status = (url: string): string => {
        const i = byUrl.get(url);
        return i ? (i.status === 'archived' ? 'archived' : `${i.status}:${i.reason}`) : 'absent';
      };
      assert.equal(status(`${origin}/img/lead-${k}.jpg`), 'archived');
      assert.equal(status(`${origin}/img/photo-${k}.png`), 'archived');
      assert.equal(status(`${origin}/img/chart-${k}?format=vector`), 'archived');
      assert.equal(status(`${origin}/img/big-${k}.jpg`), 'failed:too-large');
      assert.equal(status(`${origin}/img/broken-${k}.jpg`), 'failed:http-404');
      assert.equal(byUrl.get(`${origin}/img/broken-${k}.jpg`)?.status === 'failed' && (byUrl.get(`${origin}/img/broken-${k}.jpg`) as { httpStatus?: number }).httpStatus, 404);
      assert.equal(status(`${origin}/img/fake-${k}.jpg`), 'failed:not-image');
      assert.equal(status(`${origin}/private/secret-${k}.png`), 'skipped:robots');
      assert.equal(status(`${site.other.url}/img/elsewhere-${k}.png`), 'failed:blocked-address');

      // The page's response is still the WARC's first response record.
      assert.equal((await readWarcResponse(warc)).targetUri, site.articleUrl(k));
      const records = await listWarcRecords(warc);
      const responses = records.filter((r) => r.type === 'response');
      assert.equal(responses.length, 4, 'the page and its three archived images');
      const expected = { lead: site.images.get(k)!.lead, photo: site.images.get(k)!.photo };
      for (const [name, bytes] of Object.entries(expected)) {
        const url = `${origin}/img/${name}-${k}.${name === 'lead' ? 'jpg' : 'png'}`;
        const entry = byUrl.get(url) as ArchivedRequisiteImage;
        assert.equal(entry.sha256, sha256(bytes));
        assert.equal(entry.bytes, bytes.length);
        assert.equal(entry.contentType, name === 'lead' ? 'image/jpeg' : 'image/png');
        const rec = responses.find((r) => r.recordId === entry.warcRecordId);
        assert.ok(rec, `response record ${entry.warcRecordId}`);
        assert.equal(rec.targetUri, url);
        assert.equal(rec.payloadDigest, `sha256:${entry.sha256}`);
        const response = await readWarcResponseById(warc, entry.warcRecordId);
        assert.ok(response);
        assert.equal(response.status, 200);
        assert.ok(response.body.equals(bytes), 'exact bytes archived');
        assert.ok(records.some((r) => r.type === 'request' && r.concurrentTo.includes(entry.warcRecordId)), 'with its request record');
      }
      assert.equal(responses.some((r) => /big-|broken-|fake-|secret-|elsewhere-/.test(r.targetUri ?? '')), false, 'nothing else is archived');
    }
  });

  test('the snapshot site serves archived images from its own origin with the original site stopped', async () => {
    await site.server.close();
    await site.other.close();
    site.server.requests.length = 0;
    server = await startSiteServer({ storeDir, port: 0, site: { title: 'Archive', locale: 'en' } });
    const base = new URL(server.url).origin;
    const { record } = readRecord(storeDir, site.articleUrl(1));
    const page = await fetch(`${base}/s/${record.id}`);
    assert.equal(page.status, 200);
    const pageHtml = await page.text();
    assert.deepEqual(offsiteReferences(pageHtml, `${base}/s/${record.id}`, base), [], 'nothing on the page loads from another origin');
    assert.deepEqual(externalLinksWithoutRel(pageHtml, `${base}/s/${record.id}`, base), []);
    const $ = cheerio.load(pageHtml);
    const srcs = $('img').map((_, el) => $(el).attr('src') ?? '').get();
    assert.equal(srcs.length, 2, `lead and photo shown: ${srcs.join(' ')}`);
    for (const src of srcs) {
      assert.match(src, new RegExp(`^/s/${record.id}/img/\\d+\\.(jpg|png)$`));
      assert.equal(new URL(src, base).origin, base);
    }
    // Images not archived (or not servable, like the SVG) keep their placeholders.
    assert.equal($('article .body figure.image-placeholder').length, 6);
    assert.match($('article .body figure.archived-image figcaption').text(), /warehouses on the east quay/);

    const expected = site.images.get(1)!;
    const served = new Map<string, Buffer>();
    for (const src of srcs) {
      const res = await fetch(new URL(src, base));
      assert.equal(res.status, 200, src);
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
      const type = res.headers.get('content-type');
      assert.equal(type, src.endsWith('.png') ? 'image/png' : 'image/jpeg');
      assert.match(res.headers.get('content-security-policy') ?? '', /default-src 'none'.*sandbox/);
      served.set(type!, Buffer.from(await res.arrayBuffer()));
    }
    assert.ok(served.get('image/jpeg')?.equals(expected.lead), 'the lead image, byte for byte');
    assert.ok(served.get('image/png')?.equals(expected.photo), 'the photo, byte for byte');

    const images = record.requisites!.images;
    const n = (pred: (url: string) => boolean): number => images.findIndex((i) => pred(i.url));
    const svg = n((u) => u.includes('/img/chart-'));
    const big = n((u) => u.includes('/img/big-'));
    assert.equal((await fetch(`${base}/s/${record.id}/img/${svg}.svg`)).status, 404, 'SVG is never served');
    assert.equal((await fetch(`${base}/s/${record.id}/img/${svg}`)).status, 404);
    assert.equal((await fetch(`${base}/s/${record.id}/img/${big}.jpg`)).status, 404, 'a failed image has nothing to serve');
    assert.equal((await fetch(`${base}/s/${record.id}/img/999.jpg`)).status, 404);
    const lead = n((u) => u.includes('/img/lead-'));
    assert.equal((await fetch(`${base}/s/${record.id}/img/${lead}.png`)).status, 404, 'the extension must match the archived type');
    assert.equal((await fetch(`${base}/s/${record.id}/img/${lead}`)).status, 200);
    assert.equal((await fetch(`${base}/s/${record.id}/img/${lead}`, { method: 'HEAD' })).headers.get('content-type'), 'image/jpeg');
    assert.deepEqual(site.server.requests, [], 'the original site got nothing');
  });

  test('a record whose archived type is not a raster image is refused', async () => {
    assert.ok(server, 'runs after the serving test');
    const base = new URL(server.url).origin;
    const { record } = readRecord(storeDir, site.articleUrl(2));
    const store = SnapshotStore.open(storeDir, { readonly: true });
    const jsonPath = store.files(record.id)!.snapshotJson;
    store.close();
    const lead = record.requisites!.images.findIndex((i) => i.url.includes('/img/lead-'));
    assert.equal((await fetch(`${base}/s/${record.id}/img/${lead}.jpg`)).status, 200);
    // A tampered record claiming text/html for the same bytes: the site serves nothing.
    const tampered = structuredClone(record);
    (tampered.requisites!.images[lead] as ArchivedRequisiteImage).contentType = 'text/html';
    writeFileSync(jsonPath, JSON.stringify(tampered));
    try {
      assert.equal((await fetch(`${base}/s/${record.id}/img/${lead}`)).status, 404);
      const page = cheerio.load(await (await fetch(`${base}/s/${record.id}`)).text());
      assert.equal(page('img').length, 1, 'only the photo is shown; the lead is not');
    } finally {
      writeFileSync(jsonPath, JSON.stringify(record, null, 2));
    }
  });

  test('the static export copies archived images next to the page', async () => {
    const outDir = join(root, 'export');
    await renderStaticSite({ storeDir, outDir, site: { title: 'Archive', locale: 'en' } });
    const { record } = readRecord(storeDir, site.articleUrl(1));
    const pagePath = join(outDir, 's', record.id, 'index.html');
    const $ = cheerio.load(readFileSync(pagePath, 'utf8'));
    const srcs = $('img').map((_, el) => $(el).attr('src') ?? '').get();
    assert.equal(srcs.length, 2);
    const files = srcs.map((src) => {
      assert.match(src, /^(\.\.\/)+s\/[^/]+\/img\/\d+\.(jpg|png)$/, src);
      const file = join(dirname(pagePath), src);
      assert.ok(existsSync(file), file);
      return readFileSync(file);
    });
    const expected = site.images.get(1)!;
    assert.ok(files.some((b) => b.equals(expected.lead)) && files.some((b) => b.equals(expected.photo)));
    const svg = record.requisites!.images.findIndex((i) => i.url.includes('/img/chart-'));
    assert.equal(existsSync(join(outDir, 's', record.id, 'img', `${svg}.svg`)), false, 'no SVG is exported');
  });
});

describe('page requisites: caps and the default', () => {
  test('maxImages and maxBytesPerPage skip the rest; images on by default, `images: false` fetches none', async (t) => {
    const site = await startNewsSite();
    const root = mkdtempSync(join(tmpdir(), 'snapcrawl-requisites-caps-'));
    t.after(async () => {
      await site.server.close();
      await site.other.close();
      rmSync(root, { recursive: true, force: true });
    });

    const capped = await crawlOnce(join(root, 'a'), [source(site, { images: true, maxImages: 1 })]);
    assert.equal(capped.limitsHit['images-archived'], 2, JSON.stringify(capped.limitsHit)); // the lead of each article
    assert.equal(capped.limitsHit['image-skipped:max-images'], 14, JSON.stringify(capped.limitsHit));

    const budget = await crawlOnce(join(root, 'b'), [source(site, { images: true, maxBytesPerPage: 4000 })]);
    const { record } = readRecord(join(root, 'b'), site.articleUrl(1));
    const photo = record.requisites!.images.find((i) => i.url.endsWith('/img/photo-1.png'));
    assert.deepEqual(photo && photo.status !== 'archived' && [photo.status, photo.reason], ['skipped', 'page-budget']);
    assert.ok((budget.limitsHit['image-skipped:page-budget'] ?? 0) >= 2, JSON.stringify(budget.limitsHit));

    const byDefault = await crawlOnce(join(root, 'd'), [source(site, undefined)]);
    assert.ok((byDefault.limitsHit['images-archived'] ?? 0) >= 2, `images are archived by default: ${JSON.stringify(byDefault.limitsHit)}`);

    site.server.requests.length = 0;
    const off = await crawlOnce(join(root, 'c'), [source(site, { images: false })]);
    assert.equal(off.snapshots.new, 2);
    assert.equal(off.limitsHit['images-archived'], undefined);
    assert.deepEqual(site.server.requests.filter((r) => /\/(img|private)\//.test(r)), [], 'no image fetched with images: false');
    assert.equal(readRecord(join(root, 'c'), site.articleUrl(1)).record.requisites, null);
  });
});
