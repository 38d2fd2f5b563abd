/**
 * The first `snapcrawl serve` of a big store: a store with N snapshots (default 100 000) whose search
 * index was never built, served by the real CLI (`node bin/snapcrawl.js serve`, a child process), timed
 * from the spawn to the first HTTP 200 of `/` and of `/search?q=`; then how responsive `/` stays while
 * the index is built in the background, how long the build takes, that a body-only word is found once it
 * is done, and a second start over the complete index.
 *
 * `node bin/snapcrawl.js` itself takes a while to start (tsx loads the whole CLI), and that does not grow
 * with the store; so the bench also times the same CLI's `--version` (its start alone) and, in-process,
 * `startSiteServer` to listening and to the first 200s: the part that a big store could slow down.
 *
 * The snapshots are synthetic: index rows inserted through the snapshot index's own INSERT statement and a
 * snapshot.json per snapshot (title, body, tags: what the search index reads). No WARCs: the site pages
 * measured here never open them.
 *
 *   npx tsx scripts/bench-serve.ts [--snapshots 100000] [--keep]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startSiteServer } from '../src/site/index.js';
import { SnapshotStore } from '../src/snapshot/index.js';
import { SnapshotIndex, type SnapshotRow } from '../src/snapshot/snapshot-index.js';
import { makeSnapshotId } from '../src/snapshot/ids.js';
import { snapshotRelDir } from '../src/snapshot/paths.js';
import { openStoreDatabase } from '../src/storage/database.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CLI = join(ROOT, 'bin', 'snapcrawl.js');
/** In every 10th body and no title: found only once the full-text index is built. */
const BODY_WORD = 'breakwater';
/** In every 7th title. */
const TITLE_WORD = 'harbour';
const CATEGORIES = ['politics', 'economy', 'world', 'sport', 'culture', 'science', 'local', '时政'];

export interface ServeBenchResult {
  snapshots: number;
  storeBuildSeconds: number;
  /** `node bin/snapcrawl.js --version`, spawn to exit: the CLI's own start. */
  cliStartMs: number;
  /** startSiteServer in this process, from the call: listening, then the first 200 of `/` and of a search. */
  inProcess: { listeningMs: number; homeMs: number; searchMs: number };
  firstStart: { listeningMs: number; homeMs: number; searchMs: number; searchLatencyMs: number; searchSaidIndexing: boolean };
  duringBuild: { homeRequests: number; homeLatencyMedianMs: number; homeLatencyMaxMs: number };
  buildDoneMs: number;
  bodyWordHits: { duringBuild: number; afterBuild: number; expected: number };
  secondStart: { homeMs: number; searchMs: number };
}

function body(i: number): string {
  const zh = i % 2 === 1;
  const para = zh
    ? `第${i}号报道：市政府周二召开会议，讨论港口改造和城市发展的预算，委员们就计划的细节争论了数小时。`
    : `Report ${i}: the council met on Tuesday to discuss the budget for the port and the city, and members argued for hours about the details of the plan.`;
  const paras = Array.from({ length: 6 }, () => para);
  if (i % 10 === 0) paras.push(`The ${BODY_WORD} was rebuilt after the storms.`);
  return paras.join('\n\n');
}

/** A store of `n` latest snapshots (one per URL) over five hosts, its search index never built. */
export function buildSyntheticStore(storeDir: string, n: number): void {
  const store = SnapshotStore.open(storeDir); // creates the tables the way a crawl does
  store.close();
  const db = openStoreDatabase(storeDir);
  const index = new SnapshotIndex(db);
  const start = Date.parse('2024-01-01T00:00:00Z');
  const insert = db.transaction((rows: SnapshotRow[]) => rows.forEach((r) => index.insertRow.run(r)));
  let batch: SnapshotRow[] = [];
  for (let i = 0; i < n; i++) {
    const host = `news${i % 5}.example.org`;
    const url = `https://${host}/a/${i}.html`;
    const fetched = new Date(start + i * 60_000);
    const id = makeSnapshotId(url, fetched);
    const title = i % 7 === 0 ? `Story ${i}: ${TITLE_WORD} works continue` : i % 2 ? `第${i}号：城市预算讨论` : `Story ${i}: council budget talks`;
    const dir = snapshotRelDir(host, fetched, id);
    mkdirSync(join(storeDir, dir), { recursive: true });
    const record = { id, url, finalUrl: url, fetchedAt: fetched.toISOString(), title, body: body(i), tags: [], category: CATEGORIES[i % CATEGORIES.length] };
    writeFileSync(join(storeDir, dir, 'snapshot.json'), JSON.stringify(record));
    batch.push({
      id, url, final_url: url, canonical_url: null, host, hostname: host, final_hostname: host, fetched_at: record.fetchedAt, title,
      published_at: record.fetchedAt, published_ms: fetched.getTime(), category: record.category, source: 'bench', dir, previous_id: null,
      content_hash: `h${i}`, sha256: `s${i}`, http_status: 200, bytes: 4000, is_latest: 1,
    });
    if (batch.length === 5000) {
      insert(batch);
      batch = [];
    }
  }
  insert(batch);
  db.close();
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

interface Served {
  child: ChildProcess;
  base: string;
  started: number;
  listening: Promise<number>;
}

function serve(storeDir: string, port: number): Served {
  const started = performance.now();
  const child = spawn(process.execPath, [CLI, 'serve', '--store', storeDir, '--port', String(port)], { stdio: ['ignore', 'pipe', 'inherit'] });
  const listening = new Promise<number>((res) => {
    let out = '';
    child.stdout!.on('data', (b: Buffer) => {
      out += b.toString();
      if (out.includes('listening on')) res(performance.now() - started);
    });
  });
  return { child, base: `http://127.0.0.1:${port}`, started, listening };
}

/** Polls `path` until it answers 200; the time since the spawn. */
async function firstOk(s: Served, path: string): Promise<number> {
  for (;;) {
    try {
      const r = await fetch(s.base + path);
      await r.arrayBuffer();
      if (r.status === 200) return performance.now() - s.started;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 10));
  }
}

async function timed(url: string): Promise<{ ms: number; text: string }> {
  const t = performance.now();
  const r = await fetch(url);
  const text = await r.text();
  if (r.status !== 200) throw new Error(`${url}: HTTP ${r.status}`);
  return { ms: performance.now() - t, text };
}

async function stop(s: Served): Promise<void> {
  const exited = new Promise((r) => s.child.once('exit', r));
  s.child.kill('SIGTERM');
  await exited;
}

/** `node bin/snapcrawl.js --version`: how long the CLI takes to start and exit, with no store involved. */
async function cliStart(): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, [CLI, '--version'], { stdio: 'ignore' });
  await new Promise((r) => child.once('exit', r));
  return performance.now() - started;
}

/** The site opened in this process (the index build starts, and is stopped again by close). */
async function inProcessStart(storeDir: string): Promise<ServeBenchResult['inProcess']> {
  const started = performance.now();
  const site = await startSiteServer({ storeDir, port: 0 });
  try {
    const listeningMs = performance.now() - started;
    await timed(site.url);
    const homeMs = performance.now() - started;
    await timed(`${site.url}search?q=${TITLE_WORD}`);
    return { listeningMs, homeMs, searchMs: performance.now() - started };
  } finally {
    await site.close();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const apiTotal = async (base: string, q: string) => (JSON.parse((await timed(`${base}/api/snapshots?q=${q}`)).text) as { total: number; indexing?: unknown });

export async function runServeBench(opts: { snapshots?: number; keep?: boolean } = {}): Promise<ServeBenchResult> {
  const n = opts.snapshots ?? 100_000;
  const storeDir = mkdtempSync(join(tmpdir(), 'snapcrawl-bench-serve-'));
  try {
    const t0 = performance.now();
    buildSyntheticStore(storeDir, n);
    const storeBuildSeconds = (performance.now() - t0) / 1000;
    const cliStartMs = await cliStart();
    const inProcess = await inProcessStart(storeDir);

    const first = serve(storeDir, await freePort());
    const homeMs = await firstOk(first, '/');
    const searched = await timed(`${first.base}/search?q=${TITLE_WORD}`);
    const firstStart = {
      listeningMs: await first.listening,
      homeMs,
      searchMs: performance.now() - first.started,
      searchLatencyMs: searched.ms,
      searchSaidIndexing: searched.text.includes('search-indexing'),
    };
    const latencies: number[] = [];
    let duringBuild = -1;
    for (;;) {
      latencies.push((await timed(`${first.base}/`)).ms);
      const api = await apiTotal(first.base, BODY_WORD);
      if (!api.indexing) break;
      if (duringBuild < 0) duringBuild = api.total;
      await new Promise((r) => setTimeout(r, 100));
    }
    const buildDoneMs = performance.now() - first.started;
    const afterBuild = (await apiTotal(first.base, BODY_WORD)).total;
    await stop(first);

    const second = serve(storeDir, await freePort());
    const secondStart = { homeMs: await firstOk(second, '/'), searchMs: 0 };
    await timed(`${second.base}/search?q=${BODY_WORD}`);
    secondStart.searchMs = performance.now() - second.started;
    await stop(second);

    return {
      snapshots: n,
      storeBuildSeconds,
      cliStartMs,
      inProcess,
      firstStart,
      duringBuild: { homeRequests: latencies.length, homeLatencyMedianMs: median(latencies), homeLatencyMaxMs: Math.max(...latencies) },
      buildDoneMs,
      bodyWordHits: { duringBuild: Math.max(duringBuild, 0), afterBuild, expected: Math.ceil(n / 10) },
      secondStart,
    };
  } finally {
    if (!opts.keep) rmSync(storeDir, { recursive: true, force: true });
    else console.error(`store kept at ${storeDir}`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const at = args.indexOf('--snapshots');
  const r = await runServeBench({ snapshots: at >= 0 ? Number(args[at + 1]) : undefined, keep: args.includes('--keep') });
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  console.log(`store of ${r.snapshots} snapshots written in ${r.storeBuildSeconds.toFixed(1)} s; the CLI alone starts in ${s(r.cliStartMs)} (--version)`);
  console.log(`in-process first start (index never built): listening ${s(r.inProcess.listeningMs)}, / 200 at ${s(r.inProcess.homeMs)}, /search 200 at ${s(r.inProcess.searchMs)}`);
  console.log(`CLI first serve: listening ${s(r.firstStart.listeningMs)}, / 200 at ${s(r.firstStart.homeMs)}, /search 200 at ${s(r.firstStart.searchMs)} (titles only meanwhile: ${r.firstStart.searchSaidIndexing})`);
  console.log(`while the index builds: / median ${r.duringBuild.homeLatencyMedianMs.toFixed(0)} ms, max ${r.duringBuild.homeLatencyMaxMs.toFixed(0)} ms over ${r.duringBuild.homeRequests} requests; built after ${s(r.buildDoneMs)}`);
  console.log(`second serve: / 200 at ${s(r.secondStart.homeMs)}, /search 200 at ${s(r.secondStart.searchMs)}`);
  console.log(JSON.stringify(r, null, 2));
  if (r.inProcess.homeMs > 3000 || r.inProcess.searchMs > 3000 || r.firstStart.searchMs - r.cliStartMs > 3000 || r.bodyWordHits.afterBuild !== r.bodyWordHits.expected) process.exitCode = 1;
}
