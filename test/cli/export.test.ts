/**
 * The real CLI: `snapcrawl export --wacz` (store from --config, --source, --since, usage errors) and
 * `snapcrawl reextract` (JSON report, --dry-run).
 */
import assert from 'node:assert/strict';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { TestServer } from '../fixtures/http-server.js';
import { runCli } from '../helpers/cli.js';
import { crawlOnce } from '../helpers/crawl.js';
import { tempDir } from '../helpers/tmp.js';
import { LOOPBACK_ARTICLE_PATTERN, readZip, startLoopbackNews } from '../snapshot/wacz-fixture.js';

const DIR = tempDir();

describe('snapcrawl export / reextract', () => {
  let site: TestServer;
  const store = join(DIR, 'store');
  const config = join(DIR, 'sources.yaml');

  before(async () => {
    site = await startLoopbackNews();
    const source = { name: 'loop', seeds: [`${site.url}/`], articlePattern: LOOPBACK_ARTICLE_PATTERN, maxDepth: 2, politeness: { delayMs: 0 }, allowPrivate: true };
    await crawlOnce(store, [source]);
    writeFileSync(
      config,
      [`store: ${store}`, 'sources:', '  - name: loop', `    seeds: ["${site.url}/"]`, `    articlePattern: '${LOOPBACK_ARTICLE_PATTERN}'`, '    allowPrivate: true'].join('\n'),
    );
    await site.close();
  });
  after(() => site.close());

  test('export --wacz with the store from --config and --source', async () => {
    const out = join(DIR, 'all.wacz');
    const r = await runCli(['export', '--wacz', out, '--config', config, '--source', 'loop', '--json']);
    assert.equal(r.code, 0, r.stderr);
    const report = JSON.parse(r.stdout.trim()) as { snapshots: number; cdxLines: number; robots: number };
    assert.equal(report.snapshots, 3);
    assert.equal(report.robots, 1);
    assert.ok(report.cdxLines >= 5, 'three pages, an image, robots.txt');
    const entries = await readZip(out);
    assert.equal(entries.get('pages/pages.jsonl')!.data.toString().trim().split('\n').length, 4);
  });

  test('--since in the future exports no snapshot; a bad date is a usage error', async () => {
    const out = join(DIR, 'none.wacz');
    const r = await runCli(['export', '--wacz', out, '--store', store, '--since', '2999-01-01', '--json']);
    assert.equal(r.code, 0, r.stderr);
    assert.equal((JSON.parse(r.stdout.trim()) as { snapshots: number }).snapshots, 0);
    const bad = await runCli(['export', '--wacz', join(DIR, 'bad.wacz'), '--store', store, '--since', 'yesterday-ish']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--since/);
    assert.equal(existsSync(join(DIR, 'bad.wacz')), false);
  });

  test('export from a folder that holds no store exits 2', async () => {
    const r = await runCli(['export', '--wacz', join(DIR, 'x.wacz'), '--store', join(DIR, 'nope')]);
    assert.equal(r.code, 2);
  });

  test('reextract --dry-run --json reports per-field counts; nothing differs right after a crawl', async () => {
    const r = await runCli(['reextract', '--config', config, '--dry-run', '--json']);
    assert.equal(r.code, 0, r.stderr);
    const report = JSON.parse(r.stdout.trim()) as { dryRun: boolean; snapshots: number; changed: number; fields: object; withoutSourceConfig: number };
    assert.equal(report.dryRun, true);
    assert.equal(report.snapshots, 3);
    assert.equal(report.changed, 0);
    assert.deepEqual(report.fields, {});
    assert.equal(report.withoutSourceConfig, 0);
  });
});
