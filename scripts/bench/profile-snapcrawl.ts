/**
 * One snapcrawl crawl of the bench site, for profiling and quick before/after figures without Crawlee:
 * `node --import tsx scripts/bench/profile-snapcrawl.ts [articles=2000] [cpu-prof-dir]`. With a directory,
 * the crawl's process runs under `--cpu-prof`: one .cpuprofile per thread (the crawl's thread, the extraction
 * worker, tsx's loader thread), read with Chrome DevTools or any cpuprofile viewer. Prints the RunReport.
 * BENCH_NODE_FLAGS="--v8-pool-size=1 …" adds Node flags to the crawl's process (to try a runtime setting);
 * BENCH_THREADS (extraction threads) and BENCH_CONCURRENCY (default 16) change the crawl's own.
 */
import { runnerArgs, startBenchSite } from './compare.js';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunReport, RunRequest } from './measure.js';
import type { StageTotal } from '../../src/crawler/stageClock.js';

const articles = Number(process.argv[2] ?? 2000);
const profileDir = process.argv[3];
const site = await startBenchSite(articles);
const workDir = mkdtempSync(join(tmpdir(), 'bench-profile-'));
try {
  const request: RunRequest = { url: site.url, concurrency: Number(process.env.BENCH_CONCURRENCY ?? 16), workDir, pool: true, ...(process.env.BENCH_THREADS && { threads: Number(process.env.BENCH_THREADS) }) };
  const args = [...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []), ...(process.env.BENCH_NODE_FLAGS ?? '').split(' ').filter(Boolean)];
  const child = spawn(process.execPath, [...args, ...(await runnerArgs('run-snapcrawl')), JSON.stringify(request)], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  const line = out.split('\n').find((l) => l.startsWith('BENCH-REPORT '));
  if (code !== 0 || !line) throw new Error(`crawl failed (exit ${code})`);
  const r = JSON.parse(line.slice('BENCH-REPORT '.length)) as RunReport;
  console.log(
    `${r.articles} articles / ${r.pages} pages in ${(r.wallMs / 1000).toFixed(1)} s, CPU ${(r.cpuMs / 1000).toFixed(1)} s ` +
      `(${(r.cpuMs / r.pages).toFixed(2)} ms/page, ${(r.cpuMs / r.wallMs).toFixed(2)} cores` +
      `${r.mainThreadCpuMs !== undefined ? `; main thread ${(r.mainThreadCpuMs / r.pages).toFixed(2)} ms/page` : ''}), peak RSS ${r.peakRssMb.toFixed(0)} MB`,
  );
  if (r.mainLoopUtilization !== undefined) {
    const waited = r.mainThreadWaitMs === undefined ? '' : `, waiting for a core ${((r.mainThreadWaitMs / r.wallMs) * 100).toFixed(0)}% of wall (${r.mainThreadPreemptions} preemptions)`;
    console.log(`main thread: event loop ${(r.mainLoopUtilization * 100).toFixed(0)}% busy, CPU ${((r.mainThreadCpuMs ?? 0) / r.wallMs * 100).toFixed(0)}% of wall${waited}`);
  }
  const stages = r.notes?.stages as Record<string, StageTotal> | undefined;
  if (stages) console.log(`wall time per page in each stage: ${Object.entries(stages).map(([k, t]) => `${k} ${t.avgMs.toFixed(1)} ms (${t.pages})`).join(', ')}`);
  if (r.threads) {
    const busy = r.threads.filter((t) => t.userMs + t.sysMs > 0);
    console.log(`other threads in creation order, ms per page user/sys: ${busy.map((t) => `${(t.userMs / r.pages).toFixed(2)}/${(t.sysMs / r.pages).toFixed(2)}`).join(' · ')}`);
  }
  if (r.otherThreadsCpuMs) console.log(`other threads, CPU % of wall: ${r.otherThreadsCpuMs.slice(0, 8).map((ms) => ((ms / r.wallMs) * 100).toFixed(0)).join(' ')}`);
} finally {
  site.close();
  rmSync(workDir, { recursive: true, force: true });
}
