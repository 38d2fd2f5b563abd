import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DEMO_ARTICLE_PATTERN } from './crawl.js';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The launcher users run (`npx snapcrawl`): the CLI from its cached bundle, ~1 s and ~1.8 s of CPU less per start than tsx. */
const LAUNCHER = join(ROOT, 'bin', 'snapcrawl.js');

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Starts the real CLI in a child process (through bin/snapcrawl.js, as installed), stdin closed, not a TTY. */
export function startCli(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): ChildProcess & { result: Promise<CliResult> } {
  const child = spawn(process.execPath, [LAUNCHER, ...args], {
    cwd: options.cwd ?? ROOT,
    env: { ...process.env, SNAPCRAWL_LOG_LEVEL: 'warn', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const result = new Promise<CliResult>((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
  return Object.assign(child, { result });
}

export function runCli(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<CliResult> {
  return startCli(args, options).result;
}

/** A config file in `dir` crawling the demo site at `siteUrl` into `dir/store` (loopback allowed). */
export function writeDemoConfig(dir: string, siteUrl: string, delayMs = 0): string {
  const file = join(dir, 'sources.yaml');
  writeFileSync(
    file,
    [
      `store: ${join(dir, 'store')}`,
      'concurrency: 2',
      'sources:',
      '  - name: demo',
      `    seeds: ["${siteUrl}/", "${siteUrl}/en/"]`,
      `    articlePattern: '${DEMO_ARTICLE_PATTERN}'`,
      '    maxDepth: 3',
      `    politeness: { delayMs: ${delayMs}, perHostConcurrency: 1 }`,
      '    timezone: Asia/Shanghai',
      '    allowPrivate: true',
    ].join('\n'),
  );
  return file;
}

/**
 * A config file crawling the demo news site at `siteUrl` into `store` (loopback allowed), with the
 * given concurrency and per-host settings; `extra` adds lines to the source (YAML, 4-space indent).
 */
export function writeNewsSiteConfig(
  file: string,
  o: { store: string; siteUrl: string; concurrency: number; delayMs: number; perHostConcurrency: number; extra?: string[] },
): string {
  writeFileSync(
    file,
    [
      `store: ${o.store}`,
      `concurrency: ${o.concurrency}`,
      'sources:',
      '  - name: demo',
      `    seeds: ["${o.siteUrl}/", "${o.siteUrl}/en/"]`,
      `    articlePattern: '${DEMO_ARTICLE_PATTERN}'`,
      `    politeness: { delayMs: ${o.delayMs}, perHostConcurrency: ${o.perHostConcurrency} }`,
      '    allowPrivate: true',
      ...(o.extra ?? []),
    ].join('\n'),
  );
  return file;
}
