/**
 * snapcrawl vs Crawlee on one generated news site, same run: the site in its own process, each crawl
 * in a fresh child process (so its CPU and peak RSS are its own, worker threads included), the two
 * crawlers alternating so machine noise hits both alike; medians of `runs`.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { loadBundle } from '../../bin/cli-bundle.js';
import type { RunReport, RunRequest } from './measure.js';

const here = new URL('.', import.meta.url).pathname;

export interface BenchSite {
  url: string;
  /** The site process's CPU time so far (Linux /proc; null elsewhere): what serving a crawl cost the shared cores. */
  cpuMs(): number | null;
  close(): void;
}

function processCpuMs(pid: number | undefined): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

/** Starts scripts/bench/site.ts and resolves once it listens. */
export async function startBenchSite(articles: number): Promise<BenchSite> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(here, 'site.ts'), String(articles)], { stdio: ['pipe', 'pipe', 'inherit'] });
  const first = await new Promise<string>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`bench site exited (${code})`)));
    createInterface({ input: child.stdout! }).once('line', resolve);
  });
  const { url } = JSON.parse(first) as { url: string };
  return { url, cpuMs: () => processCpuMs(child.pid), close: () => child.stdin!.end() };
}

/**
 * How a runner is started: bundled to plain JavaScript the way bin/snapcrawl.js runs the CLI (so the crawl
 * carries no TypeScript loader, as in production), Crawlee's runner alike; through tsx if no bundle can be made.
 */
export async function runnerArgs(runner: string): Promise<string[]> {
  const script = join(here, `${runner}.ts`);
  const bundle = await loadBundle(script, `bench-${runner}`);
  return bundle ? [fileURLToPath(bundle)] : ['--import', 'tsx', script];
}

/** snapcrawl-2threads: two extraction threads instead of one per core beyond the main thread's (1 on 2 cores). */
export type CrawlerName = 'snapcrawl' | 'snapcrawl-nopool' | 'snapcrawl-2threads' | 'crawlee';

/** One crawl in a child process; rejects if it fails or reports nothing. */
export async function runCrawl(name: CrawlerName, site: BenchSite, concurrency: number): Promise<RunReport> {
  const workDir = mkdtempSync(join(tmpdir(), `bench-${name}-`));
  const request: RunRequest = { url: site.url, concurrency, workDir, pool: name !== 'snapcrawl-nopool', ...(name === 'snapcrawl-2threads' ? { threads: 2 } : {}) };
  try {
    const child = spawn(process.execPath, [...(await runnerArgs(name === 'crawlee' ? 'run-crawlee' : 'run-snapcrawl')), JSON.stringify(request)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err = (err + d.toString()).slice(-4000)));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    const line = out.split('\n').find((l) => l.startsWith('BENCH-REPORT '));
    if (code !== 0 || !line) throw new Error(`${name} run failed (exit ${code}):\n${err}`);
    return JSON.parse(line.slice('BENCH-REPORT '.length)) as RunReport;
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

export interface Medians {
  crawler: string;
  articles: number;
  pages: number;
  articlesPerSecond: number;
  cpuMsPerPage: number;
  cpuMsPerArticle: number;
  /** Process CPU time over wall time: 1.0 = one core busy for the whole crawl. */
  cores: number;
  peakRssMb: number;
  runs: RunReport[];
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

export function medians(runs: RunReport[]): Medians {
  return {
    crawler: runs[0].crawler,
    articles: median(runs.map((r) => r.articles)),
    pages: median(runs.map((r) => r.pages)),
    articlesPerSecond: median(runs.map((r) => r.articles / (r.wallMs / 1000))),
    cpuMsPerPage: median(runs.map((r) => r.cpuMs / Math.max(1, r.pages))),
    cpuMsPerArticle: median(runs.map((r) => r.cpuMs / Math.max(1, r.articles))),
    cores: median(runs.map((r) => r.cpuMs / r.wallMs)),
    peakRssMb: median(runs.map((r) => r.peakRssMb)),
    runs,
  };
}

/** All crawlers on one site of `articles` articles, `runs` rounds, alternating. */
export async function compareAt(articles: number, crawlers: CrawlerName[], opts: { runs: number; concurrency: number; log: (s: string) => void }): Promise<Medians[]> {
  const site = await startBenchSite(articles);
  const reports = new Map<CrawlerName, RunReport[]>(crawlers.map((c) => [c, []]));
  try {
    for (let round = 1; round <= opts.runs; round++) {
      for (const name of crawlers) {
        const siteCpu0 = site.cpuMs();
        const r = await runCrawl(name, site, opts.concurrency);
        const siteCpu1 = site.cpuMs();
        reports.get(name)!.push(r);
        const siteShare = siteCpu0 !== null && siteCpu1 !== null ? `; site ${((siteCpu1 - siteCpu0) / r.pages).toFixed(2)} ms CPU/page` : '';
        opts.log(
          `  ${articles} articles, round ${round}: ${r.crawler.padEnd(20)} ${r.articles} articles / ${r.pages} pages in ${(r.wallMs / 1000).toFixed(1)} s, ` +
            `CPU ${(r.cpuMs / 1000).toFixed(1)} s (${(r.cpuMs / r.wallMs).toFixed(2)} cores), peak RSS ${r.peakRssMb.toFixed(0)} MB${threadShares(r)}${siteShare}`,
        );
      }
    }
  } finally {
    site.close();
  }
  return crawlers.map((c) => medians(reports.get(c)!));
}

/** Main thread's CPU, loop utilisation and wait for a core, and the busiest other threads, as shares of wall time (where measured). */
function threadShares(r: RunReport): string {
  const pct = (ms: number) => `${Math.round((ms / r.wallMs) * 100)}%`;
  const waits = r.mainThreadWaitMs !== undefined ? `, waits for a core ${pct(r.mainThreadWaitMs)}` : '';
  const main = r.mainThreadCpuMs !== undefined ? `; main ${pct(r.mainThreadCpuMs)} CPU, loop ${Math.round((r.mainLoopUtilization ?? 0) * 100)}% busy${waits}` : '';
  const others = r.otherThreadsCpuMs ? `; others ${r.otherThreadsCpuMs.slice(0, 3).map(pct).join(' ')}` : '';
  return main + others;
}

/** The table, ratios against the first row (Crawlee). */
export function formatTable(articles: number, rows: Medians[]): string {
  const base = rows[0];
  const lines = [
    `| articles | crawler | articles/s | ratio | CPU ms/page | CPU ms/article | cores used | peak RSS MB | RSS ratio |`,
    `|---|---|---|---|---|---|---|---|---|`,
  ];
  for (const r of rows) {
    lines.push(
      `| ${articles} | ${r.crawler} | ${r.articlesPerSecond.toFixed(1)} | ${(r.articlesPerSecond / base.articlesPerSecond).toFixed(2)}× | ` +
        `${r.cpuMsPerPage.toFixed(2)} | ${r.cpuMsPerArticle.toFixed(2)} | ${r.cores.toFixed(2)} | ${r.peakRssMb.toFixed(0)} | ${(r.peakRssMb / base.peakRssMb).toFixed(2)}× |`,
    );
  }
  return lines.join('\n');
}
