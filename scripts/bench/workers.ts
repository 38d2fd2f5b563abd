/**
 * Articles per second of a shared crawl with 1, 2 and 3 `snapcrawl crawl --worker` processes on this machine,
 * against one generated news site (8 hosts on 127.0.0.1, in its own process) with Redis (127.0.0.1:6379) as the
 * frontier and PostgreSQL (127.0.0.1:5432, trust auth) as the index. Each run gets a fresh database and Redis key
 * prefix, removed after. The rate is articles stored over the span between the first and the last snapshot's fetch
 * (start-up of the processes is left out), median of BENCH_RUNS runs (default 3) per worker count.
 *
 *   node --import tsx scripts/bench/workers.ts            # BENCH_WORKER_ARTICLES (2000), BENCH_RUNS (3)
 *
 * The issue's target on 2 cores: 2 workers ≥ 1.6× one worker.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createPostgresDatabase, dropPostgresDatabase } from '../../src/storage/postgres/index-stores.js';
import { RedisFrontierStore } from '../../src/storage/redis/frontier-store.js';
import { openSharedStores } from '../../src/storage/open.js';
import { DEMO_ARTICLE_PATTERN } from '../../test/helpers/crawl.js';
import { startMultiHostSiteProcess } from '../../test/crawler/worker-site.js';

const REDIS = 'redis://127.0.0.1:6379/0';
const PG_ADMIN = 'postgres://postgres@127.0.0.1:5432/postgres';
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
}

function runWorker(configFile: string): Promise<number | null> {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, 'crawl', '--config', configFile, '--worker'], {
    env: { ...process.env, SNAPCRAWL_LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return new Promise((resolve) => child.on('close', (code) => resolve(code)));
}

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
  try {
    const t0 = Date.now();
    const codes = await Promise.all(Array.from({ length: workers }, () => runWorker(configFile)));
    const wallMs = Date.now() - t0;
    if (codes.some((c) => c !== 0)) throw new Error(`a worker exited ${codes.join(', ')}`);
    const stores = await openSharedStores({ frontier: frontierUrl, index: indexUrl }, join(dir, 'store'));
    try {
      const rows = await stores.index.snapshots.list({ limit: 1_000_000 });
      const times = rows.map((r) => Date.parse(r.fetchedAt)).sort((a, b) => a - b);
      const spanMs = Math.max(1, times.at(-1)! - times[0]!);
      return { workers, articles: rows.length, spanMs, perSecond: (rows.length / spanMs) * 1000, wallMs };
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
