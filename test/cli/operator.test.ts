/**
 * Issue 15, operator items: one store resolver for every command, serve without a config, one JSON
 * summary line per run, a log line per stored snapshot, and the small messages (bad URL, takedown,
 * verify advice, loopback refusal). Every fetch goes to a loopback server started here.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startNewsSite, type NewsSite } from '../../demo/index.js';
import { runCli, startCli, writeDemoConfig, ROOT } from '../helpers/cli.js';
import { tempDir } from '../helpers/tmp.js';
import { createLogger } from '../../src/util/logger.js';
import { formatProgressLine } from '../../src/cli/progress.js';
import { isPlaceholderContact } from '../../src/cli/commands/serve.js';

const jsonLines = (text: string) =>
  text
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Record<string, unknown>);

describe('operator items (issue 15)', () => {
  let site: NewsSite;
  const dir = tempDir();
  let config: string;
  const store = join(dir, 'store');
  let crawlOut: { code: number | null; stdout: string; stderr: string };

  before(async () => {
    site = await startNewsSite({ articles: 6 });
    config = writeDemoConfig(dir, site.url);
    crawlOut = await runCli(['crawl', '--config', config], { env: { SNAPCRAWL_LOG_LEVEL: 'info' } });
  });
  after(() => site.close());

  test('off a terminal: one JSON summary line per run, one info line per stored snapshot, ISO times', () => {
    assert.equal(crawlOut.code, 0, crawlOut.stderr);
    const lines = [...jsonLines(crawlOut.stdout), ...jsonLines(crawlOut.stderr)];
    const withSummary = lines.filter((l) => JSON.stringify(l).includes('"summary"'));
    assert.equal(withSummary.length, 1, JSON.stringify(withSummary.map((l) => l.msg ?? 'stdout')));
    const summary = withSummary[0].summary as { runId: string; snapshots: { new: number } };
    assert.equal(summary.snapshots.new, 6);
    const finished = lines.find((l) => l.msg === 'crawl finished');
    assert.ok(finished, 'the crawl finished line is still logged');
    assert.equal(finished.runId, summary.runId);
    const snaps = lines.filter((l) => l.msg === 'snapshot');
    assert.equal(snaps.length, 6);
    for (const s of snaps) {
      assert.equal(s.level, 30);
      assert.equal(s.version, 'new');
      assert.match(String(s.id), /\S/);
      assert.match(String(s.url), /^http:\/\/127\.0\.0\.1/);
      assert.ok(Number(s.bytes) > 0);
    }
    for (const l of jsonLines(crawlOut.stderr)) assert.match(String(l.time), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  test('list, show, status, verify and takedown take the store from --config (or $SNAPCRAWL_CONFIG); --store wins', async () => {
    const list = await runCli(['list', '--config', config, '--json']);
    assert.equal(list.code, 0, list.stderr);
    const rows = jsonLines(list.stdout) as { id: string; url: string }[];
    assert.equal(rows.length, 6);
    const viaEnv = await runCli(['list', '--json'], { env: { SNAPCRAWL_CONFIG: config } });
    assert.equal(jsonLines(viaEnv.stdout).length, 6, viaEnv.stderr);
    const show = await runCli(['show', rows[0].id, '--config', config]);
    assert.equal(JSON.parse(show.stdout).id, rows[0].id, show.stderr);
    const status = await runCli(['status', '--config', config, '--json']);
    assert.equal(JSON.parse(status.stdout).snapshots, 6, status.stderr);
    const verify = await runCli(['verify', '--config', config]);
    assert.equal(verify.code, 0, verify.stdout + verify.stderr);
    const dry = await runCli(['takedown', '--url', rows[0].url, '--dry-run', '--config', config]);
    assert.equal(dry.code, 0, dry.stderr);
    assert.match(dry.stdout, /would remove/);
    const elsewhere = await runCli(['list', '--config', config, '--store', join(dir, 'nothing-here')]);
    assert.equal(elsewhere.code, 2, 'the flag wins over the config');
    assert.match(elsewhere.stderr, /nothing-here/);
  });

  test('schedule: one summary line per run', async () => {
    const sdir = tempDir();
    const cfg = writeDemoConfig(sdir, site.url);
    writeFileSync(cfg, `${readFileSync(cfg, 'utf8')}\n    schedule: '*/2 * * * * *'\n`);
    const child = startCli(['schedule', '--config', cfg], { env: { SNAPCRAWL_LOG_LEVEL: 'info' } });
    // Until two runs have finished (at most a minute: a loaded machine takes seconds just to start the CLI).
    let seen = '';
    const count = (chunk: Buffer) => (seen += chunk.toString());
    child.stderr!.on('data', count);
    child.stdout!.on('data', count);
    for (const until = Date.now() + 60_000; Date.now() < until && (seen.match(/"crawl finished"/g) ?? []).length < 2; ) await new Promise((r) => setTimeout(r, 200));
    child.kill('SIGTERM');
    const r = await child.result;
    const lines = [...jsonLines(r.stdout), ...jsonLines(r.stderr)];
    const runs = lines.filter((l) => l.msg === 'crawl finished').length;
    assert.ok(runs >= 2, `${runs} runs: ${r.stderr.slice(0, 2000)}`);
    const withSummary = lines.filter((l) => 'summary' in l);
    assert.ok(withSummary.every((l) => l.msg === 'scheduled run done'));
    assert.ok(withSummary.length >= runs - 1 && withSummary.length <= runs, `${withSummary.length} summaries for ${runs} runs`);
  });

  test('takedown: --reason is required without --dry-run; a selector matching nothing warns but records the exclusion', async () => {
    const noReason = await runCli(['takedown', '--url', `${site.url}/nope`, '--config', config]);
    assert.equal(noReason.code, 2);
    assert.match(noReason.stderr, /--reason is required/);
    const r = await runCli(['takedown', '--prefix', `${site.url}/never-archived/`, '--reason', 'complaint 7', '--config', config]);
    assert.equal(r.code, 0, r.stderr);
    const warn = jsonLines(r.stderr).find((l) => l.level === 40);
    assert.ok(warn, r.stderr);
    assert.match(String(warn.msg), /nothing archived matches --prefix .*never-archived.*; the exclusion is recorded so it is never crawled/);
    assert.match(r.stdout, /1 exclusion\(s\) recorded/);
  });

  test('verify does not advise --repair for a corrupt WARC, and says what to do instead', async () => {
    const copyDir = tempDir();
    const cfg = writeDemoConfig(copyDir, site.url);
    const crawl = await runCli(['crawl', '--config', cfg]);
    assert.equal(crawl.code, 0, crawl.stderr);
    const rows = jsonLines((await runCli(['list', '--config', cfg, '--json'])).stdout) as { id: string }[];
    const show = JSON.parse((await runCli(['show', rows[0].id, '--config', cfg])).stdout) as { url: string; fetchedAt: string };
    const host = readdirSync(join(copyDir, 'store')).find((d) => d.startsWith('127.0.0.1'))!;
    const [y, m, d] = show.fetchedAt.slice(0, 10).split('-');
    writeFileSync(join(copyDir, 'store', host, y, m, d, rows[0].id, 'page.warc.gz'), 'not a warc');
    const r = await runCli(['verify', '--deep', '--config', cfg], { env: {} });
    assert.equal(r.code, 1);
    assert.match(r.stdout, /corrupt:/);
    assert.doesNotMatch(r.stdout, /run with --repair/);
    assert.match(r.stdout, /--repair cannot rebuild it/);
    assert.match(r.stdout, /restore the snapshot folder from a backup/);
    const json = JSON.parse((await runCli(['verify', '--deep', '--json', '--config', cfg])).stdout) as { advice?: { corrupt?: string } };
    assert.match(json.advice?.corrupt ?? '', /restore the snapshot folder from a backup/);
    const repair = await runCli(['verify', '--deep', '--repair', '--config', cfg]);
    assert.equal(repair.code, 1, 'a corrupt WARC is still there after --repair');
  });

  test('crawl notaurl: "not an http(s) URL", exit 2', async () => {
    const r = await runCli(['crawl', 'notaurl', '--store', join(dir, 'x')]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /not an http\(s\) URL: notaurl/);
    assert.doesNotMatch(r.stderr, /<inline>/);
  });

  test('a loopback refusal names --allow-private and allowPrivate; the run is failed (exit 4)', async () => {
    const r = await runCli(['crawl', `${site.url}/`, '--store', join(dir, 'refused')]);
    assert.equal(r.code, 4, r.stderr);
    assert.match(r.stderr, /--allow-private/);
    assert.match(r.stderr, /allowPrivate/);
    const summary = jsonLines(r.stdout).find((l) => 'summary' in l)!.summary as { status: string };
    assert.equal(summary.status, 'failed');
  });

  test('serve without a config says which defaults it uses and never reads config/sources.yaml; a placeholder contact is not shown', async () => {
    for (const args of [[], ['--config', join(ROOT, 'config', 'sources.yaml')]]) {
      const child = startCli(['serve', '--store', store, '--port', '0', ...args], { cwd: ROOT, env: { SNAPCRAWL_CONFIG: '' } });
      try {
        const url = await new Promise<string>((resolve, reject) => {
          let out = '';
          child.stdout!.on('data', (b: Buffer) => {
            out += b.toString();
            const m = /listening on (\S+)/.exec(out);
            if (m) resolve(m[1]);
          });
          child.once('exit', () => reject(new Error(`serve exited: ${out}`)));
        });
        const home = await (await fetch(url)).text();
        assert.doesNotMatch(home, /example\.com/);
        if (args.length === 0) assert.doesNotMatch(home, /My news archive/, 'config/sources.yaml is not read unless named');
      } finally {
        child.kill('SIGTERM');
      }
      const r = await child.result;
      if (args.length === 0) assert.match(r.stdout, /^no config \(--config or \$SNAPCRAWL_CONFIG\): using store .*, title "snapcrawl snapshots", locale en, no takedown contact$/m);
      else assert.match(r.stdout, /takedown contact archive@example\.com .* looks like a placeholder: not shown/);
    }
  });

  test('placeholder contacts: documentation domains only', () => {
    for (const c of ['archive@example.com', 'https://example.org/takedown', 'mailto:x@www.example.net']) assert.ok(isPlaceholderContact(c), c);
    for (const c of ['legal@news.cn', 'https://myexample.com/contact', 'takedown@example.community']) assert.ok(!isPlaceholderContact(c), c);
  });

  test('the logger: ISO times; with summaryElsewhere, "crawl finished" names the run without repeating the summary', () => {
    const chunks: string[] = [];
    const destination = { write: (s: string) => (chunks.push(s), true) } as unknown as NodeJS.WritableStream;
    const log = createLogger({ level: 'info', destination, summaryElsewhere: true });
    log.info({ summary: { runId: 'r1', status: 'completed', fetched: 3 } }, 'crawl finished');
    log.info({ source: 'a', summary: { runId: 'r2', status: 'completed' } }, 'scheduled run done');
    const [finished, done] = chunks.map((c) => JSON.parse(c));
    assert.equal(finished.summary, undefined);
    assert.equal(finished.runId, 'r1');
    assert.equal(finished.status, 'completed');
    assert.match(finished.time, /^\d{4}-\d\d-\d\dT/);
    assert.equal(done.summary.runId, 'r2', 'the scheduler keeps its one summary line');
  });

  test('the progress line: elapsed, ETA from queued and rate, new snapshots, current host', () => {
    const line = formatProgressLine(
      { done: 20, queued: 30, failed: 1, inFlight: 2, pagesPerSecond: 4 },
      { elapsedMs: 75_000, newSnapshots: 12, host: 'news.example.cn' },
    );
    assert.equal(line, '20 done | 30 queued | 1 failed | 12 new | 4.0 pages/s | 1m15s elapsed, ETA 8s | news.example.cn');
    const stalled = formatProgressLine({ done: 0, queued: 5, failed: 0, inFlight: 1, pagesPerSecond: 0 }, { elapsedMs: 2000, newSnapshots: 0, host: null });
    assert.match(stalled, /2s elapsed, ETA \? \| -$/);
  });
});
