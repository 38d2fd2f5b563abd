/**
 * The README's crontab entry, run verbatim through `sh -c` in a cron-like environment (PATH=/usr/bin:/bin,
 * cwd = HOME). Only /srv/snapcrawl (a stand-in deployment: the project's files symlinked into a temp folder,
 * with its own config/sources.yaml) and /var/log/snapcrawl.jsonl (a temp file) are substituted. Every fetch
 * goes to a loopback server started here. The systemd unit has its own test (systemdUnit.test.ts).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ROOT } from '../helpers/cli.js';
import { assertCrawled, CRON_PATH, deploy, jsonLines, run, startDeploymentSite, substitute, type Deployment, type DeploymentSite } from '../helpers/deployment.js';

const README = readFileSync(join(ROOT, 'README.md'), 'utf8');

/** The command of the README's crontab entry (the five time fields dropped). */
function cronCommand(): string {
  const m = /```cron\n([\s\S]*?)\n```/.exec(README);
  assert.ok(m, 'README.md has a ```cron block');
  const entries = m[1].split('\n').filter((l) => l.trim() !== '' && !l.trim().startsWith('#'));
  assert.equal(entries.length, 1, 'one crontab entry');
  const entry = /^\s*(?:\S+\s+){5}(.+)$/.exec(entries[0]);
  assert.ok(entry, `a crontab entry: ${entries[0]}`);
  return entry[1];
}

/** The crontab command, verbatim but for the two paths, under `sh -c` with cron's environment. */
function runCronLine(d: Deployment) {
  return run('/bin/sh', ['-c', substitute(cronCommand(), d)], {
    cwd: d.home,
    env: { PATH: CRON_PATH, HOME: d.home, SHELL: '/bin/sh', LOGNAME: userInfo().username },
  });
}

/** Is `node` on cron's PATH? (The README line calls plain `node`; cron gives it only /usr/bin:/bin.) */
const cronHasNode = spawnSync('/bin/sh', ['-c', 'command -v node'], { env: { PATH: CRON_PATH } }).status === 0;
const noNode = !cronHasNode && `no node on cron's PATH (${CRON_PATH}) here; the README entry needs it there`;

describe("the README's cron line, run verbatim", () => {
  let server: DeploymentSite;
  before(async () => {
    server = await startDeploymentSite();
  });
  after(() => server.close());

  test('the cron entry: exit 0, the page fetched, a snapshot stored, every log line JSON', { skip: noNode }, async () => {
    const seed = `${server.url}/`;
    const d = deploy(seed);
    server.requests.length = 0;
    const r = await runCronLine(d).done;
    const logText = existsSync(d.log) ? readFileSync(d.log, 'utf8') : '';
    assert.equal(r.code, 0, `exit ${r.code} (signal ${r.signal}); log:\n${logText}\nstderr:\n${r.stderr}`);
    assert.equal(r.stdout + r.stderr, '', 'nothing escapes the redirection (cron would mail it)');
    assertCrawled(d, server, seed, logText);
  });

  test('a second cron run while the first is still going exits 3 at once, logging one JSON line', { skip: noNode }, async () => {
    const seed = `${server.url}/`;
    const d = deploy(seed, ['fetch: { headersTimeoutMs: 120000 }']);
    server.requests.length = 0;
    let open: () => void = () => {};
    server.gate = new Promise<void>((r) => (open = r));
    try {
      const first = runCronLine(d);
      // The first run holds the lock once it asks for the page (it takes the lock before any fetch).
      for (const deadline = Date.now() + 90_000; !server.requests.includes('GET /news/1.html') && first.child.exitCode === null && Date.now() < deadline; ) {
        await new Promise((r) => setTimeout(r, 50));
      }
      assert.ok(server.requests.includes('GET /news/1.html'), `the first run reached the page; log:\n${existsSync(d.log) ? readFileSync(d.log, 'utf8') : ''}`);
      assert.ok(existsSync(join(d.store, 'crawl.lock')), 'the first run holds the lock');

      const second = await runCronLine(d).done;
      assert.equal(second.code, 3, existsSync(d.log) ? readFileSync(d.log, 'utf8') : '');
      const locked = jsonLines(readFileSync(d.log, 'utf8'), 'log').filter((l) => l.exitCode === 3);
      assert.equal(locked.length, 1);
      assert.match(String(locked[0].msg), /^another crawl \(pid \d+, started .*\) holds the lock on snapshots$/);

      open();
      const r = await first.done;
      const logText = readFileSync(d.log, 'utf8');
      assert.equal(r.code, 0, logText);
      assertCrawled(d, server, seed, logText);
      assert.ok(!existsSync(join(d.store, 'crawl.lock')), 'lock released');
    } finally {
      open();
      server.gate = null;
    }
  });
});
