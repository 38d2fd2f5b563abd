import assert from 'node:assert/strict';
import { writeFileSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startNewsSite, type NewsSite } from '../../demo/index.js';
import { acquireRunLock } from '../../src/crawler/index.js';
import { runCli, writeDemoConfig as writeConfig } from '../helpers/cli.js';
import { tempDir } from '../helpers/tmp.js';

describe('snapcrawl CLI', () => {
  let site: NewsSite;
  before(async () => (site = await startNewsSite({ articles: 12 })));
  after(() => site.close());

  test('a bad config exits 2 naming the file, the path and the problem', async () => {
    const dir = tempDir();
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, 'sources:\n  - name: a\n    seeds: ["https://a.example/"]\n  - name: b\n    seeds: ["ftp://nope"]\n    maxDepth: -1\n');
    const r = await runCli(['crawl', '--config', file]);
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /bad\.yaml/);
    assert.match(r.stderr, /sources\[1\]\.seeds\[0\]: must be an absolute http\(s\) URL/);
    assert.match(r.stderr, /sources\[1\]\.maxDepth/);
  });

  test('unknown options are usage errors (exit 2)', async () => {
    const r = await runCli(['crawl', '--no-such-flag']);
    assert.equal(r.code, 2);
  });

  test('loopback is refused by default: a one-off crawl of 127.0.0.1 fetches nothing and exits 4', async () => {
    const dir = tempDir();
    site.resetRequests();
    const r = await runCli(['crawl', `${site.url}/`, '--store', join(dir, 'store'), '--json']);
    assert.equal(r.code, 4, r.stderr);
    assert.equal(site.requests.length, 0, 'no request reached the server');
    const summary = JSON.parse(r.stdout.trim().split('\n').pop()!).summary;
    assert.ok(summary.failed['blocked-address'] >= 1, JSON.stringify(summary.failed));
  });

  test('crawl, list, show and takedown from the command line', async () => {
    const dir = tempDir();
    const config = writeConfig(dir, site.url);
    const store = join(dir, 'store');
    const crawl = await runCli(['crawl', '--config', config, '--json']);
    assert.equal(crawl.code, 0, crawl.stderr);
    const summary = JSON.parse(crawl.stdout.trim().split('\n').pop()!).summary;
    assert.equal(summary.snapshots.new, 12);

    const list = await runCli(['list', '--store', store, '--json']);
    const rows = list.stdout.trim().split('\n').map((l) => JSON.parse(l) as { id: string; url: string });
    assert.equal(rows.length, 12);
    const show = await runCli(['show', rows[0].id, '--store', store]);
    assert.equal(JSON.parse(show.stdout).url, rows[0].url);

    const dry = await runCli(['takedown', '--url', rows[0].url, '--reason', 'complaint 1', '--dry-run', '--store', store]);
    assert.equal(dry.code, 0, dry.stderr);
    assert.match(dry.stdout, /would remove/);
    assert.equal((await runCli(['list', '--store', store, '--json'])).stdout.trim().split('\n').length, 12, 'dry run changed nothing');

    const real = await runCli(['takedown', '--url', rows[0].url, '--reason', 'complaint 1', '--requester', 'Rights Co', '--store', store]);
    assert.equal(real.code, 0, real.stderr);
    assert.equal((await runCli(['list', '--store', store, '--json'])).stdout.trim().split('\n').length, 11);
    const audit = readFileSync(join(store, 'takedowns.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    assert.equal(audit.length, 1);
    assert.equal(audit[0].reason, 'complaint 1');
    assert.equal(audit[0].requester, 'Rights Co');
    assert.ok(!JSON.stringify(audit[0]).includes('<p>'), 'no content in the audit log');
    const noSelector = await runCli(['takedown', '--reason', 'x', '--store', store]);
    assert.equal(noSelector.code, 2);
  });

  test('a second crawl on a locked store exits 3; a lock left by a dead process is recovered', async () => {
    const dir = tempDir();
    const config = writeConfig(dir, site.url);
    const store = join(dir, 'store');
    const lock = acquireRunLock(store);
    try {
      const r = await runCli(['crawl', '--config', config, '--json']);
      assert.equal(r.code, 3);
      assert.match(r.stderr, /another crawl \(pid \d+/);
    } finally {
      lock.release();
    }
    writeFileSync(join(store, 'crawl.lock'), JSON.stringify({ pid: 2 ** 22 + 12345, host: (await import('node:os')).hostname(), startedAt: 'x' }));
    const r = await runCli(['crawl', '--config', config, '--json']);
    assert.equal(r.code, 0, r.stderr);
    assert.ok(!existsSync(join(store, 'crawl.lock')), 'lock released at the end');
  });
});
