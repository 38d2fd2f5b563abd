/**
 * Frontier alone (issue 14): N URLs over H hosts enqueued in batches, then C claimed and finished; prints the
 * enqueue rate, claims/s (claim + finish, URLs per second) and peak RSS. Each size runs in its own child process
 * so its peak RSS is its own.
 *   tsx scripts/bench-frontier.ts                       # 100 000 and 1 000 000 URLs, 10 000 hosts, 100 000 claims
 *   tsx scripts/bench-frontier.ts --urls 1000000 --batch 1 --dir /dev/shm --sync normal --max-seconds 30
 * runFrontierBench() returns the figures for the lead's `npm run bench`.
 *
 * Where the time went (node --cpu-prof on this script, 100 000 URLs, store on /dev/shm, 2-core VM shared with
 * other jobs; statement timings from wrapping better-sqlite3's run/get/all):
 *   before: claim() was 62% of the whole process (enqueue included) and nearly all of it inside SQLite:
 *     readyHosts ~400 ms per call at 100 000 queued (GROUP BY host over every queued row, walked through the
 *     (state, …) index with a table look-up per row for next_fetch_at and source, a join to hosts, and two
 *     json_each bloom filters for the exhausted sets); bestForHost 0.1 ms; the crawler's per-page
 *     queuedCount() 125 ms and nextWakeAt() 240 ms, both full scans too. Linear in the queue: 5 claims/s at 1 M.
 *   after (queue summary, claims.ts): no scan left; per URL claimed and finished ~150 µs of CPU on the loaded VM,
 *     spread over index look-ups and writes: finish ~45 µs (its own commit), best URL of the host ~28,
 *     setInFlight ~27 (+ summary triggers), host next-allowed upsert ~17 (+ trigger), the host's groups ~11,
 *     commit ~9, ready-host candidates ~8. None grows with the store (same per-URL figures at 1 M).
 *   On disk the rest is fsync: the store runs synchronous=FULL and this VM's ext4 does ~280 commits/s, so with
 *   one commit per finish() (as the crawler does) claim+finish cannot pass ~250/s on disk whatever the frontier
 *   does; --group (claim and its finishes in one transaction) or a tmpfs store shows the frontier's own cost.
 *   Enqueue pays for it: a new URL now also bumps two counters through triggers (~40 µs CPU per URL against
 *   ~18 before), still O(log n) and flat with the store.
 *
 * Measured 2026-12-04 on the shared 2-core VM (load 3-19 from other jobs; claims/s is wall time, CPU-second figures
 * in brackets; claim batch 16 unless said; 10 000 hosts, 4 sources; "shm" = /dev/shm tmpfs with synchronous=normal,
 * "disk" = os.tmpdir() on ext4 with the store's synchronous=FULL):
 *                         before                 after
 *   100 000, shm          57-163/s               4 700-12 600/s (10 000-13 000)
 *   100 000, disk         38/s                   233/s (fsync-bound); 2 154/s with --batch 64 --group
 *   1 000 000, shm        8/s (12)               5 500/s (8 200); 4 000/s (6 700) with --batch 64 --group
 *   1 000 000, disk       5/s                    236/s (2 700) (fsync-bound)
 *   peak RSS              113-135 MB             107-133 MB at both sizes
 *   enqueue, shm          14 700-58 000/s        4 900-24 000/s (13 500-24 400)
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { Frontier, type AddUrl } from '../src/frontier/index.js';
import { openStoreDatabase } from '../src/storage/index.js';

export interface FrontierBenchOptions {
  urls?: number;
  hosts?: number;
  claims?: number;
  /** URLs asked for per claim() call (the crawler asks for its free slots). */
  batch?: number;
  /** Parent of the temp store directory (default os.tmpdir()). */
  dir?: string;
  /** PRAGMA synchronous for the run: the store's own FULL by default. */
  sync?: 'full' | 'normal' | 'off';
  /** Claim and its finishes in one transaction (one commit per batch instead of one per finish). */
  group?: boolean;
  /** Stop claiming after this long (the old frontier takes hours for 100 000 claims at 1 M). */
  maxSeconds?: number;
}

export interface FrontierBenchResult {
  urls: number;
  hosts: number;
  batch: number;
  sync: string;
  group: boolean;
  dir: string;
  enqueuePerSecond: number;
  enqueuePerCpuSecond: number;
  claimed: number;
  claimsPerSecond: number;
  /** The same per second of this process's CPU time (user + system): steadier than wall time on a shared machine. */
  claimsPerCpuSecond: number;
  peakRssMb: number;
  /** CPU µs of one in-memory SQLite primary-key update on this machine now: a yardstick for a shared machine. */
  yardstickUs: number;
}

/** How fast this machine runs SQLite right now (a loaded or throttled VM shows it here first). */
function yardstick(): number {
  const db = new Database(':memory:');
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v INTEGER)');
  const insert = db.prepare('INSERT INTO t (v) VALUES (?)');
  db.transaction(() => {
    for (let i = 0; i < 10_000; i++) insert.run(i);
  })();
  const update = db.prepare('UPDATE t SET v = v + 1 WHERE id = ?');
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < 50_000; i++) update.run(1 + ((i * 7919) % 10_000));
  const cpu = process.cpuUsage(cpu0);
  db.close();
  return (cpu.user + cpu.system) / 50_000;
}

const ENQUEUE_BATCH = 1000;
/** Virtual clock: each claim call is 1 ms later; a host waits this long between two of its URLs. */
const HOST_DELAY_MS = 100;

function urlFor(i: number, hosts: number): AddUrl {
  const host = i % hosts;
  const n = Math.floor(i / hosts);
  // A few index pages per host with a higher priority, the rest articles at depths 1-3.
  const index = n % 50 === 0;
  return { url: `https://h${host}.example/s${n % 20}/article-${n}.html?p=${i % 7}`, source: `src${host % 4}`, depth: 1 + (n % 3), priority: index ? 10 : 0 };
}

export function runFrontierBench(opts: FrontierBenchOptions = {}): FrontierBenchResult {
  const urls = opts.urls ?? 100_000;
  const hosts = opts.hosts ?? 10_000;
  const claims = Math.min(opts.claims ?? 100_000, urls);
  const batch = opts.batch ?? 16;
  const sync = opts.sync ?? 'full';
  const parent = opts.dir ?? tmpdir();
  const dir = mkdtempSync(join(parent, 'snapcrawl-frontier-bench-'));
  const maxMs = (opts.maxSeconds ?? 600) * 1000;
  let peak = 0;
  const sample = () => (peak = Math.max(peak, process.memoryUsage().rss));
  const timer = setInterval(sample, 20);
  try {
    const db = openStoreDatabase(dir);
    db.pragma(`synchronous = ${sync}`);
    const f = new Frontier(db, 'bench');
    let t = performance.now();
    const enqueueCpu0 = process.cpuUsage();
    for (let i = 0; i < urls; i += ENQUEUE_BATCH) {
      const items: AddUrl[] = [];
      for (let j = i; j < Math.min(urls, i + ENQUEUE_BATCH); j++) items.push(urlFor(j, hosts));
      f.addMany(items, 0);
      if (i % 50_000 === 0) sample();
    }
    const enqueueMs = performance.now() - t;
    const enqueueCpu = process.cpuUsage(enqueueCpu0);
    let now = 1_000_000;
    let claimed = 0;
    t = performance.now();
    const cpu0 = process.cpuUsage();
    const step = () => {
      const got = f.claim({ now, limit: Math.min(batch, claims - claimed), delayFor: () => HOST_DELAY_MS });
      for (const e of got) f.finish(e.url, { state: 'done', outcome: 'snapshot-new', status: 200, nextRevisitAt: now + 86_400_000 }, now);
      return got.length;
    };
    const grouped = db.transaction(step);
    while (claimed < claims && performance.now() - t < maxMs) {
      claimed += opts.group ? grouped.immediate() : step();
      now++;
      if (claimed % 10_000 < batch) sample();
    }
    const claimMs = performance.now() - t;
    const cpu = process.cpuUsage(cpu0);
    db.close();
    sample();
    const maxRss = process.resourceUsage().maxRSS * 1024;
    return {
      urls,
      hosts,
      batch,
      sync,
      group: opts.group ?? false,
      dir: parent,
      enqueuePerSecond: Math.round(urls / (enqueueMs / 1000)),
      enqueuePerCpuSecond: Math.round(urls / ((enqueueCpu.user + enqueueCpu.system) / 1e6)),
      claimed,
      claimsPerSecond: Math.round(claimed / (claimMs / 1000)),
      claimsPerCpuSecond: Math.round(claimed / ((cpu.user + cpu.system) / 1e6)),
      peakRssMb: Math.round(Math.max(peak, maxRss) / 1024 / 1024),
      yardstickUs: Number(yardstick().toFixed(2)),
    };
  } finally {
    clearInterval(timer);
    rmSync(dir, { recursive: true, force: true });
  }
}

function parseArgs(argv: string[]): FrontierBenchOptions & { child?: boolean } {
  const out: FrontierBenchOptions & { child?: boolean } = {};
  for (let i = 0; i < argv.length; i++) {
    const [k, v] = [argv[i], argv[i + 1]];
    if (k === '--child') out.child = true;
    else if (k === '--group') out.group = true;
    else if (k === '--urls') (out.urls = Number(v)), i++;
    else if (k === '--hosts') (out.hosts = Number(v)), i++;
    else if (k === '--claims') (out.claims = Number(v)), i++;
    else if (k === '--batch') (out.batch = Number(v)), i++;
    else if (k === '--dir') (out.dir = v), i++;
    else if (k === '--sync') (out.sync = v as FrontierBenchOptions['sync']), i++;
    else if (k === '--max-seconds') (out.maxSeconds = Number(v)), i++;
  }
  return out;
}

const format = (r: FrontierBenchResult) =>
  `${r.urls.toLocaleString('en')} URLs / ${r.hosts.toLocaleString('en')} hosts (store in ${r.dir}, synchronous=${r.sync}, ` +
  `claim batch ${r.batch}${r.group ? ', claim+finishes in one transaction' : ''}): enqueue ${r.enqueuePerSecond.toLocaleString('en')}/s ` +
  `(${r.enqueuePerCpuSecond.toLocaleString('en')} per CPU-second); ` +
  `${r.claimed.toLocaleString('en')} claimed+finished at ${r.claimsPerSecond.toLocaleString('en')}/s ` +
  `(${r.claimsPerCpuSecond.toLocaleString('en')} per CPU-second); peak RSS ${r.peakRssMb} MB; ` +
  `yardstick ${r.yardstickUs} µs CPU per in-memory SQLite update`;

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = parseArgs(process.argv.slice(2));
  if (args.child || args.urls !== undefined) {
    const result = runFrontierBench(args);
    if (args.child) console.log(JSON.stringify(result));
    else console.log(format(result));
  } else {
    // Each size in its own process, so the 100 000 run's peak RSS is not the 1 000 000 run's.
    const rest = process.argv.slice(2);
    for (const urls of [100_000, 1_000_000]) {
      const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--child', '--urls', String(urls), ...rest], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      if (child.status !== 0) throw new Error(`frontier bench at ${urls} URLs failed (${child.status})`);
      console.log(format(JSON.parse(child.stdout.trim().split('\n').pop()!) as FrontierBenchResult));
    }
  }
}
