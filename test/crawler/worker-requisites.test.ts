/**
 * Page requisites in a shared crawl (src/crawler/worker-requisites.ts): two crawl workers on real Redis and
 * PostgreSQL store each article with the same images as the embedded crawl of the same site — archived as served,
 * byte for byte, in the article's WARC, and every other image recorded with the same reason — while every request,
 * images and their host's robots.txt included, keeps each host's delay across both workers.
 */
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { makeConfig, type SourceInput } from '../../src/config/index.js';
import { CrawlWorker } from '../../src/crawler/worker.js';
import { listWarcRecords, readWarcResponseById, SnapshotStore, type SnapshotRecord } from '../../src/snapshot/index.js';
import { allowAllRobots, startTestServer, type TestServer } from '../fixtures/http-server.js';
import { crawlOnce } from '../helpers/crawl.js';
import { sharedBackends, type SharedBackends } from '../helpers/shared-stores.js';
import { tempDir } from '../helpers/tmp.js';

const DELAY_MS = 60;
/** Arrival times jitter on a loaded machine (the allowance of test/crawler/requisites.test.ts). */
const JITTER_MS = 25;
const ARTICLES = [1, 2, 3];
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

interface Site {
  news: TestServer;
  cdn: TestServer;
  /** Bytes served per image path, on either host. */
  images: Map<string, Buffer>;
  /** Arrival times per host (`news` / `cdn`), robots.txt included. */
  arrivals: Map<string, { at: number; path: string }[]>;
}

function articleHtml(cdn: string, k: number): string {
  const text = 'The harbour council met again on Tuesday to hear residents on the plan for the east quay warehouses, which it approved after a long debate about flooding, traffic and the fishing fleet.';
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Harbour report ${k}</title>
<meta property="og:image" content="/img/lead-${k}.jpg"><meta property="article:published_time" content="2025-10-12T08:00:00Z"></head>
<body><article><h1>Harbour report ${k}</h1><p>${text}</p>
<figure><img src="/img/photo-${k}.png" alt="The quay"></figure><p>${text}</p>
<figure><img src="${cdn}/cdn/wide-${k}.png" alt="A panorama from the image host"></figure>
<figure><img src="/img/broken-${k}.jpg" alt="Gone"></figure>
<figure><img src="/private/secret-${k}.png" alt="Private"></figure><p>${text}</p></article></body></html>`;
}

async function startSite(): Promise<Site> {
  const images = new Map<string, Buffer>();
  for (const k of ARTICLES) {
    images.set(`/img/lead-${k}.jpg`, Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(3000 + k)]));
    images.set(`/img/photo-${k}.png`, Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47]), randomBytes(2000 + k)]));
    images.set(`/cdn/wide-${k}.png`, Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47]), randomBytes(4000 + k)]));
  }
  const arrivals = new Map<string, { at: number; path: string }[]>([['news', []], ['cdn', []]]);
  const serveImage = (path: string, res: import('node:http').ServerResponse) => {
    const body = images.get(path);
    if (!body) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': path.endsWith('.png') ? 'image/png' : 'image/jpeg', 'content-length': String(body.length) });
    res.end(body);
  };
  const cdn = await startTestServer((req, res) => {
    const path = req.url ?? '/';
    arrivals.get('cdn')!.push({ at: performance.now(), path });
    if (path === '/robots.txt') {
      allowAllRobots(res);
    } else serveImage(path, res);
  });
  const news = await startTestServer((req, res) => {
    const path = req.url ?? '/';
    arrivals.get('news')!.push({ at: performance.now(), path });
    let m: RegExpExecArray | null;
    if (path === '/robots.txt') {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('User-agent: *\nDisallow: /private/\n');
    } else if (path === '/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(`<!DOCTYPE html><html><head><title>Gazette</title></head><body>${ARTICLES.map((k) => `<a href="/news/${k}.html">Report ${k}</a>`).join(' ')}</body></html>`);
    } else if ((m = /^\/news\/(\d)\.html$/.exec(path))) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(articleHtml(cdn.url, Number(m[1])));
    } else serveImage(path, res);
  });
  return { news, cdn, images, arrivals };
}

function sourceOf(site: Site): SourceInput {
  return {
    name: 'gazette',
    seeds: [`${site.news.url}/`],
    articlePattern: '/news/\\d\\.html$',
    maxDepth: 1,
    politeness: { delayMs: DELAY_MS, perHostConcurrency: 1 },
    allowPrivate: true,
    allowPrivateHosts: [site.cdn.url],
    requisites: { images: true },
  };
}

/** What an image entry says, minus what differs per fetch (time, record id). */
function imageFacts(record: SnapshotRecord): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of record.requisites?.images ?? []) {
    out[i.url] = i.status === 'archived' ? `archived ${i.sha256} ${i.bytes} ${i.contentType}` : `${i.status}:${i.reason}`;
  }
  return out;
}

describe('page requisites in a shared crawl on Redis + PostgreSQL', { timeout: 120_000 }, () => {
  let site: Site;
  let shared: SharedBackends;
  const embedded = new Map<string, SnapshotRecord>();
  const byWorkers = new Map<string, { record: SnapshotRecord; warc: Buffer }>();

  before(async () => {
    site = await startSite();
    const storeDir = tempDir();
    const summary = await crawlOnce(storeDir, [sourceOf(site)]);
    assert.equal(summary.snapshots.new, ARTICLES.length, JSON.stringify(summary));
    const store = SnapshotStore.open(storeDir, { readonly: true });
    for (const k of ARTICLES) embedded.set(`${site.news.url}/news/${k}.html`, store.get(store.latestFor(`${site.news.url}/news/${k}.html`)!.id)!);
    store.close();

    for (const list of site.arrivals.values()) list.length = 0;
    shared = await sharedBackends();
    const config = makeConfig({ store: shared.storeDir, concurrency: 3, fetch: { retries: 1, connectTimeoutMs: 2000, headersTimeoutMs: 5000 }, sources: [sourceOf(site)] });
    const workers = await Promise.all([0, 1].map(async () => new CrawlWorker(config, { sources: config.sources, stores: await shared.open(), idlePollMs: 20 })));
    const summaries = await Promise.all(workers.map((w) => w.run()));
    assert.equal(summaries.reduce((n, s) => n + (s.outcomes['snapshot-new'] ?? 0), 0), ARTICLES.length, JSON.stringify(summaries));
    const { index, blobs } = await shared.open();
    for (const url of embedded.keys()) {
      const row = await index.snapshots.latestFor(url);
      assert.ok(row, `a worker stored ${url}`);
      byWorkers.set(url, {
        record: JSON.parse((await blobs.get(`${row.dir}/snapshot.json`))!.toString('utf8')) as SnapshotRecord,
        warc: (await blobs.get(`${row.dir}/page.warc.gz`))!,
      });
    }
  });
  after(async () => {
    await shared?.cleanup();
    await site?.news.close();
    await site?.cdn.close();
  });

  test('each article keeps the same images, with the same outcomes, as the embedded crawl stored', () => {
    for (const [url, record] of embedded) {
      const expected = imageFacts(record);
      assert.equal(Object.values(expected).filter((f) => f.startsWith('archived')).length, 3, `${url}: lead, photo, image host: ${JSON.stringify(expected)}`);
      assert.ok(Object.values(expected).includes('failed:http-404') && Object.values(expected).includes('skipped:robots'));
      assert.deepEqual(imageFacts(byWorkers.get(url)!.record), expected, url);
    }
  });

  test('the archived images are the bytes served, as response records of the article WARC', async () => {
    for (const [url, { record, warc }] of byWorkers) {
      const responses = (await listWarcRecords(warc)).filter((r) => r.type === 'response');
      assert.equal(responses.length, 4, `${url}: the page and its three images`);
      for (const image of record.requisites!.images) {
        if (image.status !== 'archived') continue;
        const served = site.images.get(new URL(image.url).pathname)!;
        const response = await readWarcResponseById(warc, image.warcRecordId);
        assert.ok(response, `${image.url} in the WARC`);
        assert.equal(response.targetUri, image.url);
        assert.ok(response.body.equals(served), `${image.url}: the exact bytes served`);
        assert.equal(image.sha256, sha256(served));
      }
    }
  });

  test('every request to a host, images included, keeps its delay across both workers', () => {
    const news = site.arrivals.get('news')!;
    const cdn = site.arrivals.get('cdn')!;
    assert.ok(news.some((r) => r.path.startsWith('/img/')) && cdn.some((r) => r.path.startsWith('/cdn/')), 'images were fetched from both hosts');
    assert.equal(news.filter((r) => r.path.startsWith('/private/')).length, 0, 'robots.txt is obeyed for images');
    for (const [host, list] of site.arrivals) {
      const sorted = [...list].sort((a, b) => a.at - b.at);
      for (let i = 1; i < sorted.length; i++) {
        const gap = sorted[i]!.at - sorted[i - 1]!.at;
        assert.ok(gap >= DELAY_MS - JITTER_MS, `${host}: ${sorted[i - 1]!.path} and ${sorted[i]!.path} arrived ${gap.toFixed(1)} ms apart`);
      }
      assert.ok(sorted.at(-1)!.at - sorted[0]!.at >= (sorted.length - 1) * DELAY_MS - JITTER_MS, `${host}: the delay holds across the run`);
    }
  });
});
