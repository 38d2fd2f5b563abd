/** Stopping a crawl from outside: SIGINT / SIGTERM against the real CLI in a child process. */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startNewsSite, type NewsSite } from '../../demo/index.js';
import { startTestServer } from '../fixtures/http-server.js';
import { runCli, startCli, writeDemoConfig } from '../helpers/cli.js';
import { tempDir } from '../helpers/tmp.js';

/**
 * Waits for `ready` (polled), giving up early if the child exits. The deadline is long because starting
 * the CLI through tsx on a starved machine can take many seconds; a ready machine returns at once.
 */
async function until(ready: () => boolean, child: { exitCode: number | null }, timeoutMs = 60_000): Promise<void> {
  for (const deadline = Date.now() + timeoutMs; !ready() && child.exitCode === null && Date.now() < deadline; ) {
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('stopping a crawl with signals', () => {
  let site: NewsSite;
  before(async () => (site = await startNewsSite({ articles: 12 })));
  after(() => site.close());

  test('a second SIGINT cuts hung fetches off at once, still writes the run report, and the URL is requeued', async () => {
    let hung = 0;
    const server = await startTestServer((req, res) => {
      if (req.url === '/robots.txt') return void res.writeHead(404).end();
      hung++;
      res.writeHead(200, { 'content-type': 'text/html' });
      const t = setInterval(() => res.write(' '), 200); // never ends
      res.on('close', () => clearInterval(t));
    });
    try {
      const dir = tempDir();
      const config = join(dir, 'hang.yaml');
      writeFileSync(config, [`store: ${join(dir, 'store')}`, 'fetch: { totalTimeoutMs: 120000 }', 'sources:', '  - name: hang',
        `    seeds: ["${server.url}/slow"]`, '    politeness: { delayMs: 0 }', '    allowPrivate: true'].join('\n'));
      const child = startCli(['crawl', '--config', config, '--json']);
      await until(() => hung > 0, child);
      assert.equal(hung, 1, 'the fetch is under way');
      child.kill('SIGINT');
      await new Promise((r) => setTimeout(r, 300));
      const signalled = Date.now();
      child.kill('SIGINT');
      const r = await child.result;
      assert.equal(r.code, 130, r.stderr);
      assert.ok(Date.now() - signalled < 5_000, `stopped ${Date.now() - signalled} ms after the second signal, not after the 10 s grace`);
      const summary = JSON.parse(r.stdout.trim().split('\n').pop()!).summary;
      assert.equal(summary.status, 'interrupted');
      assert.equal(summary.limitsHit.requeuedAtStop, 1);
      const reports = readdirSync(join(dir, 'store', 'runs'));
      assert.deepEqual(reports, [`${summary.runId}.json`]);
      assert.equal(JSON.parse(readFileSync(join(dir, 'store', 'runs', reports[0]!), 'utf8')).status, 'interrupted');
    } finally {
      await server.close();
    }
  });

  test('SIGTERM stops gracefully with exit 143 and the next run resumes the same run', async () => {
    const dir = tempDir();
    const config = writeDemoConfig(dir, site.url, 300);
    site.resetRequests();
    const child = startCli(['crawl', '--config', config, '--json']);
    // Signal once the crawl is really under way (a few pages fetched), not at a guessed time.
    await until(() => site.requests.length >= 4, child);
    assert.ok(site.requests.length >= 4, 'signalled mid-crawl');
    child.kill('SIGTERM');
    const r = await child.result;
    assert.equal(r.code, 143, r.stderr);
    const first = JSON.parse(r.stdout.trim().split('\n').pop()!).summary;
    assert.equal(first.status, 'interrupted');
    const again = await runCli(['crawl', '--config', config, '--json']);
    assert.equal(again.code, 0, again.stderr);
    const second = JSON.parse(again.stdout.trim().split('\n').pop()!).summary;
    assert.equal(second.resumed, true);
    assert.equal(second.runId, first.runId);
    assert.ok(first.snapshots.new < 12, 'the first process was stopped part-way');
    assert.equal(second.snapshots.new, 12, 'the resumed run reports the whole run, both processes');
  });
});
