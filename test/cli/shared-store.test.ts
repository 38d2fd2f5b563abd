/**
 * Issue 13 items 4–5: `list`, `show`, `status`, `takedown` and `verify` (and `serve`) given a config naming a shared
 * index (`index: postgres://…`) and frontier (`frontier: redis://…`) work against the shared store. The snapshots
 * are put there by a real `crawl --worker` of the demo site; every command runs as the real CLI. Real Redis and
 * PostgreSQL on 127.0.0.1, with a database and a key prefix of this test's own, removed at the end.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startNewsSite, type NewsSite } from '../../demo/index.js';
import type { IndexedSnapshot } from '../../src/storage/interfaces.js';
import { openSharedStores, type OpenedStores } from '../../src/storage/open.js';
import { createPostgresDatabase, dropPostgresDatabase } from '../../src/storage/postgres/index-stores.js';
import { RedisFrontierStore } from '../../src/storage/redis/frontier-store.js';
import { openStoreDatabase } from '../../src/storage/database.js';
import { SqliteFrontierStore } from '../../src/storage/sqlite/frontier-store.js';
import { runCli, startCli, type CliResult } from '../helpers/cli.js';
import { escapeHtml } from '../../src/site/html.js';
import { DEMO_ARTICLE_PATTERN } from '../helpers/crawl.js';

const REDIS = 'redis://127.0.0.1:6379/0';
const PG_ADMIN = 'postgres://postgres@127.0.0.1:5432/postgres';
const ARTICLES = 6;

const jsonLines = (text: string) =>
  text
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Record<string, unknown>);

describe('commands against a shared store (PostgreSQL index, Redis frontier, shared blob path)', { timeout: 180_000 }, () => {
  const tag = `${process.pid}_${randomBytes(4).toString('hex')}`;
  const prefix = `snapcrawl-test:${tag}:`;
  const dbName = `snapcrawl_test_${tag}`;
  const dir = mkdtempSync(join(tmpdir(), 'snapcrawl-shared-cli-'));
  const storeDir = join(dir, 'store');
  const config = join(dir, 'sources.yaml');
  let site: NewsSite;
  let stores: OpenedStores;
  let crawl: CliResult;
  let rows: IndexedSnapshot[] = [];

  before(async () => {
    site = await startNewsSite({ articles: ARTICLES });
    const indexUrl = await createPostgresDatabase(PG_ADMIN, dbName);
    const frontierUrl = `${REDIS}?prefix=${encodeURIComponent(prefix)}`;
    writeFileSync(
      config,
      [
        `store: ${storeDir}`,
        `frontier: "${frontierUrl}"`,
        `index: "${indexUrl}"`,
        'concurrency: 2',
        'sources:',
        '  - name: demo',
        `    seeds: ["${site.url}/"]`,
        `    articlePattern: '${DEMO_ARTICLE_PATTERN}'`,
        '    maxDepth: 1',
        '    politeness: { delayMs: 0, perHostConcurrency: 2 }',
        '    timezone: Asia/Shanghai',
        '    allowPrivate: true',
        '    requisites: { images: false }',
      ].join('\n'),
    );
    crawl = await runCli(['crawl', '--config', config, '--worker']);
    stores = await openSharedStores({ frontier: frontierUrl, index: indexUrl }, storeDir);
    rows = await stores.index.snapshots.list({ limit: 100 });
  });

  after(async () => {
    await stores?.close();
    await (await RedisFrontierStore.connect(REDIS, { prefix })).destroy();
    await dropPostgresDatabase(PG_ADMIN, dbName);
    await site?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('a worker crawl filled the shared index and the blob path', () => {
    assert.equal(crawl.code, 0, crawl.stderr.slice(-3000));
    assert.equal(rows.length, ARTICLES, JSON.stringify(rows.map((r) => r.url)));
    for (const r of rows) assert.ok(existsSync(join(storeDir, r.dir, 'snapshot.json')), r.dir);
  });

  test('list shows every snapshot from the index, as JSON and as text', async () => {
    const json = await runCli(['list', '--config', config, '--json']);
    assert.equal(json.code, 0, json.stderr);
    const listed = jsonLines(json.stdout);
    assert.deepEqual(listed.map((r) => r.id).sort(), rows.map((r) => r.id).sort());
    const text = await runCli(['list', '--config', config, '--limit', '2']);
    assert.equal(text.code, 0, text.stderr);
    assert.match(text.stdout, new RegExp(`2 of ${ARTICLES} snapshots`));
  });

  test('show prints one snapshot.json from the blob path; an unknown id exits 1', async () => {
    const row = rows[0]!;
    const shown = await runCli(['show', row.id, '--config', config]);
    assert.equal(shown.code, 0, shown.stderr);
    const record = JSON.parse(shown.stdout) as { id: string; url: string; sha256: string };
    assert.equal(record.id, row.id);
    assert.equal(record.url, row.url);
    assert.equal(record.sha256, row.sha256);
    const missing = await runCli(['show', 'no-such-id', '--config', config]);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /no snapshot no-such-id/);
  });

  test('status reads the index counts, the runs and the shared queue', async () => {
    const out = await runCli(['status', '--config', config, '--json']);
    assert.equal(out.code, 0, out.stderr);
    const s = JSON.parse(out.stdout) as { snapshots: number; frontier: string; queue: { queued: number; done: number }; liveLeases: number; runs: unknown[] };
    assert.equal(s.snapshots, ARTICLES);
    assert.equal(s.frontier, 'redis');
    assert.equal(s.queue.queued, 0);
    assert.ok(s.queue.done >= ARTICLES, JSON.stringify(s.queue));
    assert.equal(s.liveLeases, 0);
    const text = await runCli(['status', '--config', config]);
    assert.match(text.stdout, new RegExp(`${ARTICLES} snapshots`));
    assert.match(text.stdout, /live leases \(workers fetching now\): 0/);
    // The shared run's report, shown as an embedded run's.
    const run = s.runs[0] as { status: string; summary: { snapshots: { new: number }; drift: unknown[]; perSource: Record<string, { stored: number }> } };
    assert.equal(run.status, 'completed');
    assert.equal(run.summary.snapshots.new, ARTICLES);
    assert.deepEqual(run.summary.drift, []);
    assert.equal(Object.values(run.summary.perSource).reduce((n, h) => n + h.stored, 0), ARTICLES);
    assert.match(text.stdout, new RegExp(`completed\\s+\\S+\\s+fetched \\d+, new ${ARTICLES}, changed 0, unchanged 0`), 'the shared run with its report figures');
  });

  test('verify passes on the crawl as stored', async () => {
    const out = await runCli(['verify', '--config', config]);
    assert.equal(out.code, 0, out.stdout + out.stderr);
    assert.match(out.stdout, new RegExp(`${ARTICLES} indexed snapshots, ${ARTICLES} folders, 0 problem\\(s\\)`));
  });

  test('takedown removes the rows, files and search docs, and both stores refuse the URL afterwards', async () => {
    const victim = rows[1]!;
    const query = victim.title ?? victim.url;
    const before = await stores.index.search.search(query, { limit: 20, offset: 0 });
    assert.ok(before.hits.some((h) => h.id === victim.id), 'searchable before the takedown');
    const out = await runCli(['takedown', '--config', config, '--url', victim.url, '--reason', 'test notice']);
    assert.equal(out.code, 0, out.stderr);
    assert.match(out.stdout, new RegExp(`removed ${victim.id}  `));
    assert.match(out.stdout, /1 snapshot\(s\) removed \(\d+ files\), 1 exclusion\(s\) recorded/);
    assert.equal(await stores.index.snapshots.get(victim.id), null);
    assert.equal((await stores.index.snapshots.select({ url: victim.url })).length, 0);
    assert.equal(existsSync(join(storeDir, victim.dir)), false, 'the snapshot folder is gone');
    assert.equal(await stores.index.exclusions.isExcluded(victim.url), true, 'the durable list has the rule');
    assert.equal(await stores.frontier.isExcluded(victim.url), true, 'the shared frontier has the rule');
    const hits = await stores.index.search.search(query, { limit: 20, offset: 0 });
    assert.ok(!hits.hits.some((h) => h.id === victim.id), 'no search doc left');
    // A worker discovering the URL again cannot queue it.
    const added = await stores.frontier.addMany([{ url: victim.url, host: victim.host, source: 'demo', depth: 0, kind: 'page' }]);
    assert.equal(added, 0);
    const audit = readFileSync(join(storeDir, 'takedowns.jsonl'), 'utf8');
    assert.match(audit, new RegExp(victim.id));
    const listed = jsonLines((await runCli(['list', '--config', config, '--json'])).stdout);
    assert.equal(listed.length, ARTICLES - 1);
  });

  test('serve answers the home page, an article page and the JSON API from the shared store; a taken-down id is 410', async () => {
    const server = startCli(['serve', '--config', config, '--port', '0']);
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        server.stdout!.on('data', (d: Buffer) => {
          out += d.toString();
          const m = /listening on (http:\/\/\S+)/.exec(out);
          if (m) resolve(m[1]!);
        });
        void server.result.then((r) => reject(new Error(`serve exited ${r.code}: ${r.stderr}`)));
      });
      const live = rows.filter((r) => r.id !== rows[1]!.id);
      const home = await fetch(url);
      assert.equal(home.status, 200);
      const homeHtml = await home.text();
      for (const r of live) assert.ok(homeHtml.includes(`/s/${r.id}`), `home links ${r.id}`);
      assert.ok(!homeHtml.includes(`/s/${rows[1]!.id}`), 'the taken-down snapshot is not listed');
      const article = live[0]!;
      const page = await fetch(new URL(`s/${article.id}`, url));
      assert.equal(page.status, 200);
      assert.ok((await page.text()).includes(escapeHtml(article.title ?? '')), 'the article page shows its title');
      const api = (await (await fetch(new URL(`api/snapshots/${article.id}`, url))).json()) as { id: string; sha256: string };
      assert.equal(api.id, article.id);
      assert.equal(api.sha256, article.sha256);
      const raw = await fetch(new URL(`s/${article.id}/raw/original`, url));
      assert.equal(raw.status, 200, 'the archived bytes come from the WARC on the shared path');
      assert.equal((await fetch(new URL(`s/${rows[1]!.id}`, url))).status, 410);
      assert.equal((await fetch(new URL('s/20990101T000000Z-00000000', url))).status, 404);
    } finally {
      server.kill('SIGTERM');
      await server.result;
    }
  });

  test('verify fails (exit 1) on a tampered WARC and on a missing snapshot.json', async () => {
    const [a, b] = rows.slice(2, 4) as [IndexedSnapshot, IndexedSnapshot];
    const warc = join(storeDir, a.dir, 'page.warc.gz');
    assert.ok(existsSync(warc), warc);
    const { gunzipSync, gzipSync } = await import('node:zlib');
    const text = gunzipSync(readFileSync(warc)).toString('latin1');
    // Change one byte of the archived body (not the headers): the body no longer hashes to the row's sha256.
    const at = text.lastIndexOf('</html>');
    assert.ok(at > 0);
    writeFileSync(warc, gzipSync(Buffer.from(`${text.slice(0, at)}</HTML>${text.slice(at + 7)}`, 'latin1')));
    rmSync(join(storeDir, b.dir, 'snapshot.json'));
    const out = await runCli(['verify', '--config', config, '--json']);
    assert.equal(out.code, 1, out.stdout + out.stderr);
    const report = JSON.parse(out.stdout) as { problems: { kind: string; id?: string }[] };
    assert.deepEqual(
      report.problems.map((p) => `${p.kind} ${p.id}`).sort(),
      [`corrupt ${a.id}`, `missing-files ${b.id}`].sort(),
    );
  });
});

describe('the embedded store: a takedown reaches --worker processes on it', () => {
  test('SqliteFrontierStore reads the store’s exclusions, so `snapcrawl takedown --store` refuses the URL there', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'snapcrawl-embedded-takedown-'));
    const frontier = SqliteFrontierStore.open(dir);
    try {
      const url = 'http://127.0.0.1:9/news/2024/taken.html';
      const other = 'http://127.0.0.1:9/news/2024/kept.html';
      const item = (u: string) => ({ url: u, host: '127.0.0.1:9', source: 'demo', depth: 0, kind: 'page' as const });
      assert.equal(await frontier.isExcluded(url), false);
      const out = await runCli(['takedown', '--store', dir, '--url', url, '--reason', 'embedded notice']);
      assert.equal(out.code, 0, out.stderr);
      assert.equal(await frontier.isExcluded(url), true, 'the worker’s frontier sees the takedown');
      assert.equal(await frontier.addMany([item(url), item(other)]), 1, 'only the URL not taken down is queued');
      assert.deepEqual((await frontier.listExclusions()).map((r) => [r.kind, r.value, r.reason]), [['url', url, 'embedded notice']]);
    } finally {
      await frontier.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('migration 005 moves rules from an older lease_exclusions table into exclusions', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'snapcrawl-migration-005-'));
    try {
      const db = openStoreDatabase(dir);
      // As SqliteFrontierStore left a store before step 5: its own rules table, user_version 4.
      db.exec(`CREATE TABLE lease_exclusions (kind TEXT NOT NULL, value TEXT NOT NULL, reason TEXT, created_at TEXT NOT NULL, PRIMARY KEY (kind, value));
        INSERT INTO lease_exclusions VALUES ('host', 'gone.example', NULL, '2026-01-01T00:00:00.000Z');
        DROP TABLE lease_once;`);
      db.pragma('user_version = 4');
      db.close();
      const frontier = SqliteFrontierStore.open(dir);
      try {
        assert.equal(await frontier.isExcluded('https://a.gone.example/x'), true);
        assert.deepEqual(await frontier.listExclusions(), [{ kind: 'host', value: 'gone.example', reason: null, createdAt: '2026-01-01T00:00:00.000Z' }]);
        assert.equal(await frontier.claimOnce('seed', 'w', 1000), true, 'lease_once is back');
      } finally {
        await frontier.close();
      }
      const after = openStoreDatabase(dir, { readonly: true });
      const tables = after.prepare(`SELECT name FROM sqlite_master WHERE name = 'lease_exclusions'`).all();
      after.close();
      assert.deepEqual(tables, [], 'the old table is gone');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
