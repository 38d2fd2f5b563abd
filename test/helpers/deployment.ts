/**
 * A stand-in deployment for running the README's scheduling lines verbatim (cron entry, systemd unit):
 * the project's files symlinked into a temp `srv/snapcrawl` with its own config/sources.yaml, a loopback
 * news site to crawl, and the checks a successful scheduled run must pass. Only /srv/snapcrawl and
 * /var/log/snapcrawl.jsonl are ever substituted in a command line; anything else pointing at /srv, /var
 * or /etc fails the test rather than writing outside the temp folder.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startTestServer, type TestServer } from '../fixtures/http-server.js';
import { ROOT } from './cli.js';
import { tempDir } from './tmp.js';

export const SRV = '/srv/snapcrawl';
export const LOG = '/var/log/snapcrawl.jsonl';
/** What cron gives a job: nothing but these (and the job's cwd is HOME). */
export const CRON_PATH = '/usr/bin:/bin';
/** systemd's default PATH for system services. */
export const SYSTEMD_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

export interface Deployment {
  dir: string;
  home: string;
  log: string;
  store: string;
}

/** A stand-in for /srv/snapcrawl: the project's files symlinked, its own config crawling `seed` (front page → article). */
export function deploy(seed: string, extraConfig: string[] = []): Deployment {
  const tmp = tempDir('snapcrawl-deploy-');
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

/** `text` with the deployment's two paths swapped for the stand-in's; no other system path allowed. */
export function substitute(text: string, d: Deployment): string {
  const rest = text.replaceAll(SRV, '').replaceAll(LOG, '');
  assert.ok(!/\/(srv|var|etc)\//.test(rest), `no other deployment path to write to: ${text}`);
  return text.replaceAll(SRV, d.dir).replaceAll(LOG, d.log);
}

export interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Spawns `file args` with exactly `env` (nothing inherited), collecting both streams; killed after 120 s. */
export function run(file: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): { child: ChildProcess; done: Promise<Run> } {
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

/** Every non-empty line parsed as JSON; fails naming the first line that is not. */
export function jsonLines(text: string, what: string): Record<string, unknown>[] {
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
export function assertCrawled(d: Deployment, server: TestServer, seed: string, logText: string): void {
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

export interface DeploymentSite extends TestServer {
  /** While set, /news/1.html waits for it before answering (holds a run mid-crawl). */
  gate: Promise<void> | null;
}

/** The loopback site a deployment crawls: a front page linking one article, /news/1.html. */
export async function startDeploymentSite(): Promise<DeploymentSite> {
  const state: { gate: Promise<void> | null } = { gate: null };
  const server = await startTestServer(async (req, res) => {
    if (req.url === '/') return void res.writeHead(200, { 'content-type': 'text/html' }).end(FRONT);
    if (req.url === '/news/1.html') {
      if (state.gate) await state.gate;
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(ARTICLE);
    } else res.writeHead(404).end();
  });
  return Object.defineProperty(server, 'gate', { get: () => state.gate, set: (g: Promise<void> | null) => (state.gate = g), enumerable: true }) as DeploymentSite;
}
