/**
 * One claimed URL through the worker's stages (src/crawler/worker-page.ts), against a loopback site and the
 * embedded (SQLite) shared stores: what the stages log as request starts is what went out to the host.
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { after, before, test } from 'node:test';
import { pino } from 'pino';
import { makeConfig } from '../../src/config/index.js';
import { startSlackFor } from '../../src/crawler/worker.js';
import { WorkerLinks } from '../../src/crawler/worker-links.js';
import { processClaim } from '../../src/crawler/worker-page.js';
import { SharedRobots } from '../../src/crawler/worker-robots.js';
import { SourceScope } from '../../src/crawler/scope.js';
import { HttpFetcher, PrivateAccess } from '../../src/fetch/index.js';
import { hostKey } from '../../src/frontier/index.js';
import { openSharedStores } from '../../src/storage/open.js';
import { tempDir } from '../helpers/tmp.js';
import { allowAllRobots } from '../fixtures/http-server.js';

let server: Server;
let origin = '';
const hits: string[] = [];

before(async () => {
  server = createServer((req, res) => {
    hits.push(req.url ?? '');
    if (req.url === '/robots.txt') {
      allowAllRobots(res);
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end('<html><head><title>Index</title></head><body><p>Nothing to see.</p></body></html>');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => new Promise<void>((r) => server.close(() => r())));

test('robots.txt cached by another worker after this claim looked: one request start logged, the page’s own', async () => {
  const storeDir = tempDir();
  const config = makeConfig({ store: storeDir, sources: [{ name: 's', seeds: [`${origin}/`], allowPrivate: true, politeness: { delayMs: 200, perHostConcurrency: 1 } }] });
  const source = config.sources[0]!;
  const stores = await openSharedStores({}, storeDir);
  const fetcher = new HttpFetcher({ userAgent: config.userAgent });
  const lines: { msg: string; url?: string }[] = [];
  const logger = pino({ level: 'debug' }, new Writable({ write: (chunk: Buffer, _e, done) => (lines.push(JSON.parse(chunk.toString('utf8'))), done()) }));
  try {
    const robots = new SharedRobots(stores.frontier, fetcher, config.userAgent);
    // The race: this claim read "robots.txt not known", then another worker fetched and cached it.
    robots.known = async () => false;
    await new SharedRobots(stores.frontier, fetcher, config.userAgent).check(`${origin}/`, PrivateAccess.of([origin]));
    assert.deepEqual(hits, ['/robots.txt'], 'the other worker’s fetch');
    const scopes = new Map([[source.name, new SourceScope(source)]]);
    const outcome = await processClaim(
      {
        config, sources: new Map([[source.name, source]]), scopes, allowPrivate: false,
        frontier: stores.frontier, index: stores.index, blobs: stores.blobs, fetcher, robots,
        links: new WorkerLinks(scopes, () => undefined, logger), worker: 'test:1:w', leaseMs: 60_000,
        runSignal: new AbortController().signal, logger, startSlackMs: startSlackFor, noteCrawlDelay: () => undefined,
        delayFor: (_host, s) => s.politeness.delayMs,
      },
      { url: `${origin}/`, requestUrl: `${origin}/`, host: hostKey(`${origin}/`), source: source.name, depth: 0, kind: 'seed', attempts: 1, discoveredFrom: null, lease: { worker: 'test:1:w', expiresAt: Date.now() + 60_000 } },
      Date.now(),
    );
    assert.equal(outcome.kind, 'finish');
    assert.deepEqual(hits, ['/robots.txt', '/'], 'this claim sent one request: the page');
    const starts = lines.filter((l) => l.msg === 'request start');
    assert.deepEqual(starts.map((l) => l.url), [`${origin}/`], 'one start logged, for the request that went out');
  } finally {
    await fetcher.close();
    await stores.close();
  }
});
