/**
 * The README's "From cron" lines, run verbatim: the crontab entry through `sh -c` in a cron-like
 * environment, and the systemd unit's ExecStart split the way systemd splits it (no shell, cwd =
 * WorkingDirectory). Only /srv/snapcrawl (a stand-in deployment: the project's files symlinked into a
 * temp folder, with its own config/sources.yaml) and /var/log/snapcrawl.jsonl (a temp file) are
 * substituted. Every fetch goes to a loopback server started here.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, existsSync, symlinkSync, writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { startTestServer, type TestServer } from '../fixtures/http-server.js';
import { tempDir } from '../helpers/tmp.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const SRV = '/srv/snapcrawl';
const LOG = '/var/log/snapcrawl.jsonl';
/** What cron gives a job: nothing but these (and the job's cwd is HOME). */
const CRON_PATH = '/usr/bin:/bin';
/** systemd's default PATH for system services. */
const SYSTEMD_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

function readmeBlock(lang: string): string {
  const m = new RegExp('```' + lang + '\\n([\\s\\S]*?)\\n```').exec(README);
  assert.ok(m, `README.md has a \`\`\`${lang} block`);
  return m[1];
}

/** The command of the crontab entry (the five time fields dropped). */
function cronCommand(): string {
  const entries = readmeBlock('cron')
    .split('\n')
    .filter((l) => l.trim() !== '' && !l.trim().startsWith('#'));
  assert.equal(entries.length, 1, 'one crontab entry');
  const m = /^\s*(?:\S+\s+){5}(.+)$/.exec(entries[0]);
  assert.ok(m, `a crontab entry: ${entries[0]}`);
  return m[1];
}

function unitSetting(key: string): string {
  const line = readmeBlock('ini')
    .split('\n')
    .find((l) => l.startsWith(`${key}=`));
  assert.ok(line, `the unit has ${key}=`);
  return line.slice(key.length + 1).trim();
}

/** ExecStart as systemd splits it: whitespace-separated words, "double" and 'single' quotes, backslash escapes. */
function splitExecStart(line: string): string[] {
  assert.doesNotMatch(line, /^[-@:+!]/, 'no ExecStart prefixes (not simulated)');
  assert.doesNotMatch(line, /[%$]/, 'no specifiers or variables (not simulated)');
  const words: string[] = [];
  let word: string | null = null;
  let quote: '"' | "'" | null = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === quote) quote = null;
      else if (c === '\\' && quote === '"') word += line[++i];
      else word += c;
    } else if (c === '"' || c === "'") {
      quote = c;
      word ??= '';
    } else if (c === '\\') {
      word = (word ?? '') + line[++i];
    } else if (/\s/.test(c)) {
      if (word !== null) words.push(word);
      word = null;
    } else word = (word ?? '') + c;
  }
  assert.equal(quote, null, 'balanced quotes');
  if (word !== null) words.push(word);
  return words;
}

interface Deployment {
  dir: string;
  home: string;
  log: string;
  store: string;
}

/** A stand-in for /srv/snapcrawl: the project's files symlinked, its own config crawling `seed` (front page → article). */
function deploy(seed: string, extraConfig: string[] = []): Deployment {
  const tmp = tempDir('snapcrawl-cron-');
  const dir = join(tmp, 'srv', 'snapcrawl');
  mkdirSync(join(dir, 'config'), { recursive: true });
  for (const name of ['package.json', 'package-lock.json', 'tsconfig.json', 'bin', 'src', 'node_modules']) {
    symlinkSync(join(ROOT, name), join(dir, name));
  }
  writeFileSync(
    join(dir, 'config', 'sources.yaml'),
    [
      'store: snapshots', // relative: lands in the deployment only if the job runs there
      'concurrency: 2',
      ...extraConfig,
      'sources:',
      '  - name: loopback',
      `    seeds: ["${seed}"]`,
      "    articlePattern: '/news/\\d+\\.html$'",
      '    politeness: { delayMs: 0 }',
      '    allowPrivate: true',
      '',
    ].join('\n'),
  );
  const home = join(tmp, 'home');
  mkdirSync(home);
  mkdirSync(join(tmp, 'log'));
  return { dir, home, log: join(tmp, 'log', 'snapcrawl.jsonl'), store: join(dir, 'snapshots') };
}

function substitute(text: string, d: Deployment): string {
  const rest = text.replaceAll(SRV, '').replaceAll(LOG, '');
  assert.ok(!/\/(srv|var|etc)\//.test(rest), `no other deployment path to write to: ${text}`);
  return text.replaceAll(SRV, d.dir).replaceAll(LOG, d.log);
}

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

function run(file: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): { child: ReturnType<typeof spawn>; done: Promise<Run> } {
  const child = spawn(file, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (b: Buffer) => (stdout += b.toString()));
  child.stderr!.on('data', (b: Buffer) => (stderr += b.toString()));
  const killer = setTimeout(() => child.kill('SIGKILL'), 120_000);
  const done = new Promise<Run>((res) =>
    child.on('close', (code, signal) => {
      clearTimeout(killer);
      res({ code, signal, stdout, stderr });
    }),
  );
  return { child, done };
}

/** The crontab command, verbatim but for the two paths, under `sh -c` with cron's environment. */
function runCronLine(d: Deployment) {
  return run('/bin/sh', ['-c', substitute(cronCommand(), d)], {
    cwd: d.home,
    env: { PATH: CRON_PATH, HOME: d.home, SHELL: '/bin/sh', LOGNAME: userInfo().username },
  });
}

/** Every non-empty line parsed as JSON; fails naming the first line that is not. */
function jsonLines(text: string, what: string): Record<string, unknown>[] {
  return text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => {
      try {
        const v = JSON.parse(l) as unknown;
        assert.ok(v !== null && typeof v === 'object' && !Array.isArray(v), `${what}: not a JSON object: ${l}`);
        return v as Record<string, unknown>;
      } catch (e) {
        if (e instanceof assert.AssertionError) throw e;
        return assert.fail(`${what}: a line is not JSON: ${l}`);
      }
    });
}

function snapshotFiles(store: string): string[] {
  if (!existsSync(store)) return [];
  return (readdirSync(store, { recursive: true }) as string[]).filter((p) => p.endsWith('snapshot.json')).map((p) => join(store, p));
}

/** Checks what a successful scheduled run must leave: the page fetched, a snapshot, JSON lines only. */
function assertCrawled(d: Deployment, server: TestServer, seed: string, logText: string): void {
  assert.ok(server.requests.includes('GET /news/1.html'), `the loopback page was fetched: ${server.requests.join(', ')}`);
  const files = snapshotFiles(d.store);
  assert.ok(files.length >= 1, `a snapshot in ${d.store}; log:\n${logText}`);
  const article = new URL('/news/1.html', seed).href;
  assert.ok(files.some((f) => (JSON.parse(readFileSync(f, 'utf8')) as { url: string }).url === article), `a snapshot of ${article}`);
  const lines = jsonLines(logText, 'log');
  const summary = lines.find((l) => 'summary' in l)?.summary as { fetched: number; snapshots: { new: number } } | undefined;
  assert.ok(summary, 'the run summary is in the log');
  assert.ok(summary.fetched >= 1 && summary.snapshots.new >= 1, JSON.stringify(summary));
}

const ARTICLE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Harbour reopens after storm repairs</title>
<meta property="article:published_time" content="2025-03-02T08:00:00Z"></head><body><article><h1>Harbour reopens after storm repairs</h1>
${Array.from({ length: 5 }, (_, i) => `<p>Paragraph ${i + 1}: the harbour authority said the breakwater, damaged in the winter storms, has been rebuilt and the fishing fleet can use the inner basin again from Monday morning.</p>`).join('\n')}
</article></body></html>`;

const FRONT = '<!doctype html><html><head><title>Port news</title></head><body><a href="/news/1.html">Harbour reopens</a></body></html>';

/** Is `node` on cron's PATH? (The README line calls plain `node`; cron gives it only /usr/bin:/bin.) */
const cronHasNode = spawnSync('/bin/sh', ['-c', 'command -v node'], { env: { PATH: CRON_PATH } }).status === 0;

describe("the README's cron line and systemd unit, run verbatim", () => {
  let server: TestServer;
  let gate: Promise<void> | null = null;
  let open: () => void = () => {};
  before(async () => {
    server = await startTestServer(async (req, res) => {
      if (req.url === '/') return void res.writeHead(200, { 'content-type': 'text/html' }).end(FRONT);
      if (req.url === '/news/1.html') {
        if (gate) await gate;
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(ARTICLE);
      } else res.writeHead(404).end();
    });
  });
  after(() => server.close());

  test('the cron entry: exit 0, the page fetched, a snapshot stored, every log line JSON', { skip: !cronHasNode && `no node on cron's PATH (${CRON_PATH}) here; the README entry needs it there` }, async () => {
    const seed = `${server.url}/`;
    const d = deploy(seed);
    server.requests.length = 0;
    const r = await runCronLine(d).done;
    const logText = existsSync(d.log) ? readFileSync(d.log, 'utf8') : '';
    assert.equal(r.code, 0, `exit ${r.code} (signal ${r.signal}); log:\n${logText}\nstderr:\n${r.stderr}`);
    assert.equal(r.stdout + r.stderr, '', 'nothing escapes the redirection (cron would mail it)');
    assertCrawled(d, server, seed, logText);
  });

  test('the systemd unit: ExecStart without a shell in WorkingDirectory: exit 0, snapshot, JSON lines', async (t) => {
    const seed = `${server.url}/`;
    const d = deploy(seed);
    const cwd = substitute(unitSetting('WorkingDirectory'), d);
    const argv = splitExecStart(unitSetting('ExecStart')).map((w) => substitute(w, d));
    assert.ok(isAbsolute(argv[0]), `systemd needs an absolute executable: ${argv[0]}`);
    if (!existsSync(argv[0])) return t.skip(`${argv[0]} does not exist here`);
    server.requests.length = 0;
    const r = await run(argv[0], argv.slice(1), { cwd, env: { PATH: SYSTEMD_PATH } }).done;
    // systemd sends both streams to the journal: together they are the log.
    assert.equal(r.code, 0, `exit ${r.code} (signal ${r.signal})\nstdout:\n${r.stdout}\nstderr:\n${r.stderr}`);
    jsonLines(r.stderr, 'stderr');
    assertCrawled(d, server, seed, r.stdout + r.stderr);
  });

  test('a second cron run while the first is still going exits 3 at once, logging one JSON line', { skip: !cronHasNode && `no node on cron's PATH (${CRON_PATH}) here` }, async () => {
    const seed = `${server.url}/`;
    const d = deploy(seed, ['fetch: { headersTimeoutMs: 120000 }']);
    server.requests.length = 0;
    gate = new Promise<void>((r) => (open = r));
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
      gate = null;
    }
  });
});
