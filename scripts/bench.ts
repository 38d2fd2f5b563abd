/**
 * `npm run bench`: the speed figures, each measured against a peer in the same run where one exists.
 *   1. crawl: snapcrawl vs Crawlee's CheerioCrawler on one generated news site (scripts/bench/*): each
 *      crawl in its own child process, concurrency 16, no politeness delay, medians of BENCH_RUNS (3);
 *      articles/s, CPU ms per page, peak RSS and the ratios. Sizes from BENCH_SIZES (default 2000; the
 *      issue's second size: BENCH_SIZES=2000,20000, about ten times longer). BENCH_POOL=compare adds
 *      snapcrawl with the extraction workers off (the in-process fallback), to show what the pool pays;
 *      BENCH_POOL=threads adds snapcrawl with two extraction threads (the default is one per core beyond the main one).
 *   2. extraction alone: snapcrawl's extractor vs @mozilla/readability + jsdom on the same pages, one core;
 *   3. browser mode vs HTTP mode (skipped, with the reason, when Chromium is not installed);
 *   4. the frontier alone (scripts/bench-frontier.ts): 100 000 and 1 000 000 URLs over 10 000 hosts enqueued,
 *      100 000 claimed and finished, on the store's own disk; rates and peak RSS, each size in its own process;
 *   5. the first `serve` of a 100 000-snapshot store whose search index was never built (scripts/bench-serve.ts);
 *      BENCH_SERVE=0 skips it (writing the store and the background index build take minutes);
 *   6. the shared frontier on Redis alone (scripts/bench/frontier-redis.ts): add, claim + finish rates, Redis memory;
 *   7. one crawl shared by 1, 2 and 3 `--worker` processes over Redis + PostgreSQL (scripts/bench/workers.ts);
 *      BENCH_WORKERS=0 skips it.
 *
 * Where a crawl's time went (node --cpu-prof of scripts/bench/run-snapcrawl.ts, 2 000 articles, before
 * issue 14's changes; main thread, wall time, on a shared 2-core machine):
 *   - 41% storing snapshots (store.write): 3 file fsyncs + 4 directory fsyncs + 2 SQLite commits
 *     (synchronous = FULL, so each commit is an fsync too) per article, all synchronous: the event
 *     loop stood still ~25 ms per article and nothing else ran (0.2 cores busy);
 *   - 28% SQLite transactions of the frontier (enqueue of discovered links 10%, parameter learning
 *     8.5%, claim 7%, finish 5%), mostly the commit fsync again;
 *   - 12% extraction (parse 2%, blocks, text normalisation, title/dates/people), 1% gzip, <1% sha256.
 * Hence: snapshot files are written and fsynced on libuv's thread pool with commits grouped across pages
 * (src/snapshot/writer.ts writeSnapshotAsync, group-commit.ts), and decode + extract + hashing + gzip run
 * on worker threads (src/crawler/extractPool.ts); the frontier's own commits are its module's business.
 * After that (5 000 articles, same machine under load): the main thread is ~40% SQLite transactions
 * (frontier enqueue 18%, parameter learning 14%, claim 9%, finish 7%; snapshot group commits 13%), 3%
 * handing pages to the worker, ~5% file syscalls; the extraction worker is 70% idle, waiting for work:
 * the main thread's SQLite commits, not extraction, now bound a crawl.
 * Third pass (2026-12-05; the runners now report the main thread's CPU apart, /proc/self/task/<pid>): at 2 000
 * articles the main thread is ~2.5–3 ms of ~8 ms CPU per page and ~70% busy, the process uses ~1.6 cores and the
 * site process the rest: the crawl is bound by total CPU on 2 cores, not by its main thread. Moving the snapshot
 * folder's ~16 fs calls per page to a thread of their own measured no gain (main 3.03 vs 3.00 ms/page, medians
 * of 3) and was dropped; what pays now is less CPU anywhere (extraction ~45% of it, gzip, GC). At 20 000 articles
 * the last stretch (index pages only) grew RSS from ~270 to ~400 MB of garbage V8 had not collected: the memory
 * budget (src/util/memoryBudget.ts) keeps it at ~270. Both crawlers' runners start from an esbuild bundle like
 * bin/snapcrawl.js (no tsx loader thread: ~30–50 MB of RSS).
 * Fourth pass (2026-12-07, 2 000 articles, helpers' jobs paused; runs now report how long the crawl's main thread
 * waited, runnable, for a core: /proc/…/schedstat): per page ~7 ms CPU, 1.4–1.6 cores used; the main thread 2.0 ms,
 * 48% of wall on a core but its loop 80–86% busy: it waits for a core 36–43% of wall (~25 000 preemptions, ~10 per
 * page). perf by thread: the extraction thread 29% of samples, the main thread 29%, the snapshot files' kernel work
 * ~20% (ext4 inode allocation: without a journal ext4 checks every candidate inode for a recent deletion,
 * find_get_block/recently_deleted), V8's platform threads ~18% (TurboFan compiles more than GC at this size). Tried
 * again, with the new figures: the folder on two threads of its own, one message per folder (preemptions -30%, wall
 * 12.3/12.1/12.3 s against 11.9/12.0/12.2, three pairs alternated: dropped again); two extraction threads (12.1 and
 * 13.1 s against 11.7 and 12.3); concurrency 32 (12.6, 11.7); --v8-pool-size=1 and --max-semi-space-size=32/64 on
 * the crawl (noise); deleting the previous run's store 40 s before a run (noise). The crawl is bound by total CPU on
 * 2 cores and by how the kernel shares them, not by one thread: 2.5x Crawlee needs ~20% less CPU per page.
 */
import { spawnSync } from 'node:child_process';
import { availableParallelism, cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { runBrowserBench } from './bench-browser.js';
import { compareAt, formatTable, type CrawlerName } from './bench/compare.js';
import { runExtractBench } from './bench-extract.js';

const sizes = (process.env.BENCH_SIZES ?? '2000').split(',').map(Number).filter((n) => n > 0);
const runs = Number(process.env.BENCH_RUNS ?? 3);
const crawlers: CrawlerName[] = [
  'crawlee',
  'snapcrawl',
  ...(process.env.BENCH_POOL === 'compare' ? (['snapcrawl-nopool'] as const) : []),
  ...(process.env.BENCH_POOL === 'threads' ? (['snapcrawl-2threads'] as const) : []),
];

console.log(`== crawl: snapcrawl vs Crawlee (generated news site on 127.0.0.1, concurrency 16, no politeness delay) ==`);
console.log(`machine: ${availableParallelism()} cores (${cpus()[0]?.model ?? 'unknown CPU'}), ${(totalmem() / 2 ** 30).toFixed(0)} GB; Node ${process.version}`);
console.log(`sizes ${sizes.join(', ')} articles, median of ${runs} runs each, crawlers alternating; ${sizes.includes(20_000) ? '' : 'BENCH_SIZES=2000,20000 adds the 20 000-article size (about 10× longer); '}a 2 000-article round takes 1–3 min per crawler.`);
console.log('snapcrawl: full snapshots (snapshot.json + page.warc.gz + article.md, fsynced, indexed), images off; Crawlee: title + text to a Dataset.');
const tables: string[] = [];
for (const articles of sizes) {
  const rows = await compareAt(articles, crawlers, { runs, concurrency: 16, log: console.log });
  tables.push(formatTable(articles, rows));
  console.log(tables.at(-1));
}
if (sizes.length > 1) {
  console.log('\nall sizes:');
  for (const t of tables) console.log(t);
}

console.log('\n== extraction (pages/s, one core) ==');
console.log(JSON.stringify(await runExtractBench({}), null, 2));

console.log('\n== browser mode vs HTTP mode ==');
console.log(JSON.stringify(await runBrowserBench(), null, 2));

console.log('\n== frontier alone: 1 000 000 URLs over 10 000 hosts, 100 000 claimed and finished ==');
const frontierBench = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(new URL('./bench-frontier.ts', import.meta.url))], { stdio: 'inherit' });
if (frontierBench.status !== 0) console.log(`frontier bench failed (exit ${frontierBench.status})`);

console.log('\n== shared frontier on Redis: 100 000 URLs over 1 000 hosts added, claimed and finished ==');
const redisBench = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(new URL('./bench/frontier-redis.ts', import.meta.url))], { stdio: 'inherit' });
if (redisBench.status !== 0) console.log(`Redis frontier bench failed (exit ${redisBench.status}; is Redis up on 127.0.0.1:6379?)`);

if (process.env.BENCH_WORKERS !== '0') {
  console.log('\n== many workers, one crawl (Redis frontier + PostgreSQL index): 1, 2 and 3 worker processes ==');
  const workersBench = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(new URL('./bench/workers.ts', import.meta.url))], { stdio: 'inherit' });
  if (workersBench.status !== 0) console.log(`workers bench failed (exit ${workersBench.status})`);
}

if (process.env.BENCH_SERVE !== '0') {
  console.log('\n== first serve of a 100 000-snapshot store (search index never built) ==');
  const serveBench = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(new URL('./bench-serve.ts', import.meta.url))], { stdio: 'inherit' });
  if (serveBench.status !== 0) console.log(`serve bench failed (exit ${serveBench.status})`);
}
