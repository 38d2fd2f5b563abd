/**
 * WACZ export: a crawl of a loopback site (a redirect, an image requisite, a robots.txt), exported and read
 * back with a ZIP reader. Every snapshot has a CDXJ line whose offset/length point at a gzip member of the
 * stored WARC that is the response record for its URL; pages.jsonl lists each snapshot; datapackage.json
 * hashes every file; WARCs are STORED so replay can seek. ReplayWeb.page replaying it: waczReplay.test.ts.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { after, before, describe, test } from 'node:test';
import { exportWacz } from '../../src/cli/commands/export.js';
import { listWarcRecords, SnapshotStore, type SnapshotRecord } from '../../src/snapshot/index.js';
import type { TestServer } from '../fixtures/http-server.js';
import { crawlOnce } from '../helpers/crawl.js';
import { tempDir } from '../helpers/tmp.js';
import { LOOPBACK_ARTICLE_PATTERN, readZip, startLoopbackNews, type ZipEntry } from './wacz-fixture.js';

interface Cdx {
  urlkey: string;
  timestamp: string;
  url: string;
  mime?: string;
  status?: string;
  digest?: string;
  length: string;
  offset: string;
  filename: string;
}

function parseCdxj(text: string): Cdx[] {
  return text
    .trim()
    .split('\n')
    .map((line) => {
      const [urlkey, timestamp] = line.split(' ', 2);
      const json = JSON.parse(line.slice(urlkey.length + timestamp.length + 2)) as Omit<Cdx, 'urlkey' | 'timestamp'>;
      return { urlkey, timestamp, ...json };
    });
}

const sha = (b: Buffer) => `sha256:${createHash('sha256').update(b).digest('hex')}`;

const DIR = tempDir();

describe('WACZ export', () => {
  let site: TestServer;
  let storeDir: string;
  let records: SnapshotRecord[];
  let entries: Map<string, ZipEntry>;
  let report: Awaited<ReturnType<typeof exportWacz>>;

  before(async () => {
    site = await startLoopbackNews();
    const dir = DIR;
    storeDir = join(dir, 'store');
    await crawlOnce(storeDir, [
      {
        name: 'loop',
        seeds: [`${site.url}/`],
        articlePattern: LOOPBACK_ARTICLE_PATTERN,
        maxDepth: 2,
        politeness: { delayMs: 0, perHostConcurrency: 2 },
        allowPrivate: true,
      },
    ]);
    const store = SnapshotStore.open(storeDir, { readonly: true });
    records = store.list({ limit: 100 }).map((s) => store.get(s.id)!);
    store.close();
    const out = join(dir, 'out.wacz');
    report = await exportWacz(storeDir, out);
    entries = await readZip(out);
  });
  after(() => site.close());

  test('the crawl stored the three articles, one of them through a redirect, one with its image', () => {
    const finals = records.map((r) => new URL(r.finalUrl).pathname).sort();
    assert.deepEqual(finals, ['/news/alpha.html', '/news/beta.html', '/news/gamma.html']);
    assert.ok(records.some((r) => r.redirects.length > 0), 'beta came through /old/beta');
    assert.equal(report.snapshots, 3);
  });

  test('layout, and WARCs stored uncompressed in the ZIP', () => {
    const names = [...entries.keys()].sort();
    for (const r of records) assert.ok(names.includes(`archive/${r.id}.warc.gz`), r.id);
    for (const name of ['indexes/index.cdxj', 'pages/pages.jsonl', 'datapackage.json', 'datapackage-digest.json', 'archive/robots.warc.gz']) {
      assert.ok(names.includes(name), name);
    }
    for (const e of entries.values()) if (e.name.startsWith('archive/')) assert.equal(e.compressionMethod, 0, e.name);
  });

  test('every snapshot has a CDXJ line pointing at its own response record', () => {
    const cdx = parseCdxj(entries.get('indexes/index.cdxj')!.data.toString('utf8'));
    const keys = cdx.map((c) => `${c.urlkey} ${c.timestamp}`);
    assert.deepEqual(keys, [...keys].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b))), 'sorted for binary search');
    for (const r of records) {
      const line = cdx.find((c) => c.url === r.finalUrl && c.filename === `${r.id}.warc.gz`);
      assert.ok(line, `CDXJ line for ${r.finalUrl}`);
      assert.match(line.timestamp, /^\d{14}$/);
      assert.equal(line.timestamp, r.fetchedAt.replace(/[-:T]/g, '').slice(0, 14));
      assert.equal(line.status, '200');
      assert.match(line.mime ?? '', /text\/html/);
      assert.match(line.urlkey, /^1,0,0,127:\d+\)\/news\//); // SURT (warcio reverses IP octets, as python surt does)
      const warc = entries.get(`archive/${line.filename}`)!.data;
      const member = warc.subarray(Number(line.offset), Number(line.offset) + Number(line.length));
      const text = gunzipSync(member).toString('latin1');
      assert.match(text, /^WARC\/1\.1\r\n/);
      assert.match(text, /\r\nWARC-Type: response\r\n/);
      assert.ok(text.includes(`\r\nWARC-Target-URI: ${r.finalUrl}\r\n`), 'target URI');
      assert.ok(text.includes(`${r.title?.split(' | ')[0] ?? ''}`));
    }
    // The image requisite is indexed too (replay shows it), and the robots.txt from the store's cache.
    assert.ok(cdx.some((c) => c.url === `${site.url}/img/g.png` && c.mime === 'image/png'));
    const robots = cdx.find((c) => c.url === `${site.url}/robots.txt`);
    assert.ok(robots, 'robots.txt indexed');
    const robotsWarc = entries.get(`archive/${robots.filename}`)!.data;
    const member = gunzipSync(robotsWarc.subarray(Number(robots.offset), Number(robots.offset) + Number(robots.length))).toString('utf8');
    assert.match(member, /WARC-Type: resource/);
    assert.match(member, /Disallow: \/private\//);
  });

  test('the redirect chain is in the archived WARC as a metadata record', async () => {
    const beta = records.find((r) => r.redirects.length > 0)!;
    const recs = await listWarcRecords(entries.get(`archive/${beta.id}.warc.gz`)!.data);
    const meta = recs.find((r) => r.type === 'metadata');
    assert.ok(meta);
    assert.match(meta.block.toString('utf8'), /redirect: 301 .*\/old\/beta -> /);
  });

  test('pages.jsonl lists each snapshot', () => {
    const lines = entries.get('pages/pages.jsonl')!.data.toString('utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, string>);
    assert.equal(lines[0].format, 'json-pages-1.0');
    const pages = lines.slice(1);
    assert.equal(pages.length, records.length);
    for (const r of records) {
      const page = pages.find((p) => p.id === r.id);
      assert.ok(page, r.id);
      assert.equal(page.url, r.finalUrl);
      assert.equal(page.ts, r.fetchedAt);
      assert.equal(page.title, r.title);
    }
  });

  test('datapackage.json hashes every file, and the digest file hashes datapackage.json', () => {
    const dp = JSON.parse(entries.get('datapackage.json')!.data.toString('utf8')) as {
      profile: string;
      wacz_version: string;
      created: string;
      software: string;
      resources: { path: string; hash: string; bytes: number }[];
    };
    assert.equal(dp.profile, 'data-package');
    assert.equal(dp.wacz_version, '1.1.1');
    assert.match(dp.software, /^snapcrawl\//);
    assert.ok(!Number.isNaN(Date.parse(dp.created)));
    const listed = dp.resources.map((r) => r.path).sort();
    const inZip = [...entries.keys()].filter((n) => !n.startsWith('datapackage')).sort();
    assert.deepEqual(listed, inZip);
    for (const r of dp.resources) {
      const data = entries.get(r.path)!.data;
      assert.equal(r.hash, sha(data), r.path);
      assert.equal(r.bytes, data.length, r.path);
    }
    const digest = JSON.parse(entries.get('datapackage-digest.json')!.data.toString('utf8')) as { path: string; hash: string };
    assert.equal(digest.path, 'datapackage.json');
    assert.equal(digest.hash, sha(entries.get('datapackage.json')!.data));
  });
});
