/**
 * Articles per second of a shared crawl with 1, 2 and 3 `snapcrawl crawl --worker` processes on this machine,
 * against one generated news site (8 hosts on 127.0.0.1, in its own process) with Redis (127.0.0.1:6379) as the
 * frontier and PostgreSQL (127.0.0.1:5432, trust auth) as the index. Each run gets a fresh database and Redis key
 * prefix, removed after. The rate is articles stored over the span between the first and the last snapshot's fetch
 * (start-up of the processes is left out), median of BENCH_RUNS runs (default 3) per worker count.
 *
 *   node --import tsx scripts/bench/workers.ts            # BENCH_WORKER_ARTICLES (2000), BENCH_RUNS (3)
 *
 * BENCH_REDIS / BENCH_PG_ADMIN point it at other servers (default the local ones). With BENCH_CPU=1 it also prints the
 * CPU seconds per 1000 articles of each process role (workers, PostgreSQL, Redis, site) over the same span, read from
 * /proc: exact only when those servers serve this bench alone (a private redis-server and PostgreSQL cluster).
 *
 * The issue's target on 2 cores: 2 workers ≥ 1.6× one worker.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createPostgresDatabase, dropPostgresDatabase } from '../../src/storage/postgres/index-stores.js';
import { RedisFrontierStore } from '../../src/storage/redis/frontier-store.js';
import { openSharedStores } from '../../src/storage/open.js';
import { DEMO_ARTICLE_PATTERN } from '../../test/helpers/crawl.js';
import { startMultiHostSiteProcess } from '../../test/crawler/worker-site.js';
import { CpuSampler, ROLES, type Role } from './proc-cpu.js';
import pg from 'pg';
import { Redis } from 'ioredis';

const REDIS = process.env.BENCH_REDIS ?? 'redis://127.0.0.1:6379/0';
const PG_ADMIN = process.env.BENCH_PG_ADMIN ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const cpuWanted = process.env.BENCH_CPU === '1';
const MAIN = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));
const HOSTS = 8;
const articles = Number(process.env.BENCH_WORKER_ARTICLES ?? 2000);
const runs = Number(process.env.BENCH_RUNS ?? 3);
const counts = (process.env.BENCH_WORKERS ?? '1,2,3').split(',').map(Number);

interface RunResult {
  workers: number;
  articles: number;
  spanMs: number;
  perSecond: number;
  wallMs: number;
  /** CPU seconds per role over the articles' span (BENCH_CPU=1). */
  cpu?: Record<Role, number>;
}

const live = new Set<ChildProcess>();

function runWorker(configFile: string): Promise<number | null> {
  // BENCH_WORKER_NODE_ARGS: extra node flags for the workers, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`.
  const extra = (process.env.BENCH_WORKER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...extra, '--import', 'tsx', MAIN, 'crawl', '--config', configFile, '--worker'], {
    env: { ...process.env, SNAPCRAWL_LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  live.add(child);
  return new Promise((resolve) => child.on('close', (code) => (live.delete(child), resolve(code))));
}

/** The pids whose CPU is counted: the site (our child), redis-server and the PostgreSQL postmaster (its data directory's pid file). */
async function serverPids(sitePid: number): Promise<{ site: number; redis: number; postmaster: number }> {
  const redis = new Redis(REDIS);
  const info = await redis.info('server');
  redis.disconnect();
  const client = new pg.Client({ connectionString: PG_ADMIN });
  await client.connect();
  const dir = (await client.query<{ d: string }>("SELECT current_setting('data_directory') AS d")).rows[0]!.d;
  await client.end();
  return { site: sitePid, redis: Number(/process_id:(\d+)/.exec(info)![1]), postmaster: Number(readFileSync(join(dir, 'postmaster.pid'), 'utf8').split('\n')[0]) };
}

/** The site process: our child running worker-site-main. */
function sitePid(): number {
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const st = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(st.slice(st.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === process.pid && readFileSync(`/proc/${name}/cmdline`, 'utf8').includes('worker-site-main')) return Number(name);
    } catch {
      // gone meanwhile
    }
  }
  throw new Error('site process not found');
}

let pids: { site: number; redis: number; postmaster: number } | null = null;

async function oneRun(origins: string[], workers: number): Promise<RunResult> {
  const tag = `${process.pid}_${randomBytes(4).toString('hex')}`;
  const prefix = `snapcrawl-bench:${tag}:`;
  const db = `snapcrawl_bench_${tag}`;
  const indexUrl = await createPostgresDatabase(PG_ADMIN, db);
  const frontierUrl = `${REDIS}?prefix=${encodeURIComponent(prefix)}`;
  const dir = mkdtempSync(join(tmpdir(), 'snapcrawl-bench-workers-'));
  const configFile = join(dir, 'sources.yaml');
  writeFileSync(
    configFile,
    [
      `store: ${join(dir, 'store')}`,
      `frontier: "${frontierUrl}"`,
      `index: "${indexUrl}"`,
      'concurrency: 8',
      'sources:',
      '  - name: bench',
      `    seeds: [${origins.map((o) => `"${o}/"`).join(', ')}]`,
      `    articlePattern: '${DEMO_ARTICLE_PATTERN}'`,
      '    maxDepth: 1',
      '    maxPages: 1000000',
      // No politeness delay: the workers' own CPU, not the site's pacing, is what is measured.
      '    politeness: { delayMs: 0, perHostConcurrency: 4 }',
      '    timezone: Asia/Shanghai',
      '    allowPrivate: true',
      '    requisites: { images: false }',
    ].join('\n'),
  );
  const sampler = pids ? new CpuSampler(pids, () => [...live].flatMap((c) => (c.pid === undefined ? [] : [c.pid]))) : null;
  try {
    sampler?.start();
    const t0 = Date.now();
    const codes = await Promise.all(Array.from({ length: workers }, () => runWorker(configFile)));
    const wallMs = Date.now() - t0;
    sampler?.stop();
    if (codes.some((c) => c !== 0)) throw new Error(`a worker exited ${codes.join(', ')}`);
    const stores = await openSharedStores({ frontier: frontierUrl, index: indexUrl }, join(dir, 'store'));
    try {
      const rows = await stores.index.snapshots.list({ limit: 1_000_000 });
      const times = rows.map((r) => Date.parse(r.fetchedAt)).sort((a, b) => a - b);
      const spanMs = Math.max(1, times.at(-1)! - times[0]!);
      const cpu = sampler?.between(times[0]!, times.at(-1)!);
      return { workers, articles: rows.length, spanMs, perSecond: (rows.length / spanMs) * 1000, wallMs, ...(cpu ? { cpu } : {}) };
    } finally {
      await stores.close();
    }
  } finally {
    const redis = await RedisFrontierStore.connect(REDIS, { prefix });
    await redis.destroy();
    await dropPostgresDatabase(PG_ADMIN, db);
    rmSync(dir, { recursive: true, force: true });
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const site = await startMultiHostSiteProcess({ hosts: HOSTS, articlesPerHost: Math.ceil(articles / HOSTS), logRequests: false });
if (cpuWanted) pids = await serverPids(sitePid());
console.log(`== shared crawl: articles/s by worker processes (Redis frontier, PostgreSQL index) ==`);
console.log(`machine: ${availableParallelism()} cores; site: ${site.articleUrls.length} articles on ${HOSTS} hosts (own process); median of ${runs} runs`);
const results = new Map<number, RunResult[]>();
try {
  // Worker counts alternate within each round, so a slow patch of the machine does not land on one count only.
  for (let r = 0; r < runs; r++) {
    for (const n of counts) {
      const res = await oneRun(site.origins, n);
      results.set(n, [...(results.get(n) ?? []), res]);
      console.log(`run ${r + 1}: ${n} worker(s): ${res.articles} articles in ${(res.spanMs / 1000).toFixed(1)} s = ${res.perSecond.toFixed(1)} articles/s (wall ${(res.wallMs / 1000).toFixed(1)} s)`);
      if (res.cpu) {
        const per = (r: Role) => ((res.cpu![r] / res.articles) * 1000).toFixed(2);
        const busy = ROLES.reduce((a, r) => a + res.cpu![r], 0) / (res.spanMs / 1000);
        console.log(`       CPU s per 1000 articles: ${ROLES.map((r) => `${r} ${per(r)}`).join(', ')}; these processes kept ${busy.toFixed(2)} cores busy`);
      }
    }
  }
} finally {
  await site.close();
}
const base = median(results.get(counts[0]!)!.map((x) => x.perSecond));
console.log('\nworkers | articles/s (median) | vs 1 worker');
for (const n of counts) {
  const m = median(results.get(n)!.map((x) => x.perSecond));
  console.log(`${String(n).padStart(7)} | ${m.toFixed(1).padStart(19)} | ${(m / base).toFixed(2)}×`);
}
if (cpuWanted) {
  console.log(`\nworkers | CPU s per 1000 articles (median): ${ROLES.join(' | ')} | total`);
  for (const n of counts) {
    const rs = results.get(n)!.filter((x) => x.cpu);
    const per = (f: (c: Record<Role, number>) => number) => median(rs.map((x) => (f(x.cpu!) / x.articles) * 1000)).toFixed(2);
    console.log(`${String(n).padStart(7)} | ${ROLES.map((r) => per((c) => c[r])).join(' | ')} | ${per((c) => ROLES.reduce((a, r) => a + c[r], 0))}`);
  }
}
