import { readdirSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
/**
 * What each crawler child process reports: wall time and process CPU (main thread and worker threads
 * alike) of the crawl itself, from just before it starts to just after it ends, so module loading and
 * tsx compilation are not charged to the crawler; peak RSS of the whole process.
 */
export interface RunReport {
  crawler: string;
  /** Article pages stored (snapcrawl: snapshots written; Crawlee: dataset items). */
  articles: number;
  /** HTML/XML pages fetched (robots.txt not counted). */
  pages: number;
  wallMs: number;
  cpuMs: number;
  peakRssMb: number;
  /** CPU time of the main thread alone (Linux), within cpuMs. */
  mainThreadCpuMs?: number;
  /** CPU time of each other thread of the process (Linux), busiest first: extraction threads, libuv's pool, V8's. */
  otherThreadsCpuMs?: number[];
  /** The same CPU per thread in creation order, user and system time apart (Linux). */
  threads?: { tid: number; userMs: number; sysMs: number }[];
  /** The main thread's event-loop utilisation over the crawl (perf_hooks): near 1, its loop never waits. */
  mainLoopUtilization?: number;
  /** Time the main thread spent runnable but waiting for a core, and its preemptions (Linux). */
  mainThreadWaitMs?: number;
  mainThreadPreemptions?: number;
  /** Anything the runner wants to add (pool size, failures). */
  notes?: Record<string, unknown>;
}

export interface RunRequest {
  /** Origin of the bench site, e.g. http://127.0.0.1:40123. */
  url: string;
  concurrency: number;
  /** A fresh temp directory the crawler may write to (store, Crawlee storage). */
  workDir: string;
  /** snapcrawl only: use the worker pool (default true). */
  pool?: boolean;
  /** snapcrawl only: extraction threads (default: one per core beyond the main thread's). */
  threads?: number;
}

/** Article URLs of the demo site (both languages), the same pattern for both crawlers. */
export const ARTICLE_PATTERN = '/(?:zh/[a-z]+/\\d{6}/\\d{2}/t\\d{8}_\\d+\\.html|en/[a-z]+/\\d{4}/\\d{2}/\\d{2}/[a-z0-9-]+)(?:[?#]|$)';
/** Both crawlers follow links this many hops from the seeds (the sitemap lists every article at depth 1). */
export const MAX_DEPTH = 3;

/**
 * CPU time of the process's main thread (Linux: /proc/self/task/<pid>/stat, clock ticks of 10 ms), or null elsewhere.
 * Worker threads and libuv's pool are the rest of the process's CPU: the main thread is the one a crawler cannot
 * spread over cores, so its share says whether moving work off it pays.
 */
function threadStat(tid: number | string): { name: string; userMs: number; sysMs: number } | null {
  try {
    const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { name: stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')), userMs: Number(fields[11]) * 10, sysMs: Number(fields[12]) * 10 };
  } catch {
    return null;
  }
}

function threadCpuMs(tid: number | string): number | null {
  const s = threadStat(tid);
  return s && s.userMs + s.sysMs;
}

const mainThreadCpuMs = () => threadCpuMs(process.pid);

/** CPU time of every thread of the process but the main one, by thread id (Linux; empty elsewhere). */
function otherThreadsCpuMs(): Map<string, ThreadCpu> {
  const out = new Map<string, ThreadCpu>();
  try {
    for (const tid of readdirSync('/proc/self/task')) {
      if (tid === String(process.pid)) continue;
      const s = threadStat(tid);
      if (s) out.set(tid, s);
    }
  } catch {
    // not Linux: no per-thread figures
  }
  return out;
}

interface ThreadCpu {
  name: string;
  userMs: number;
  sysMs: number;
}

/**
 * CPU of each other thread, user and system time apart, in creation order (thread id). Node 20 names every thread
 * "node", so the order tells them apart: V8's platform threads (JIT compiles, GC helpers) start with the process,
 * libuv's pool (file system calls: nearly all system time) at the first such call, the extraction worker later.
 */
function perThread(now: Map<string, ThreadCpu>, before: Map<string, ThreadCpu>): { tid: number; userMs: number; sysMs: number }[] {
  return [...now]
    .map(([tid, t]) => ({ tid: Number(tid), userMs: t.userMs - (before.get(tid)?.userMs ?? 0), sysMs: t.sysMs - (before.get(tid)?.sysMs ?? 0) }))
    .sort((a, b) => a.tid - b.tid);
}

type Meter = Pick<
  RunReport,
  'wallMs' | 'cpuMs' | 'peakRssMb' | 'mainThreadCpuMs' | 'otherThreadsCpuMs' | 'threads' | 'mainLoopUtilization' | 'mainThreadWaitMs' | 'mainThreadPreemptions'
>;

/**
 * How long the main thread has waited, runnable, for a core (/proc/…/schedstat, ns) and how often it was preempted
 * (nonvoluntary_ctxt_switches), on Linux; null elsewhere. Busy-but-not-on-CPU time of the crawl's thread: on 2 cores
 * its extraction thread, V8's compile and GC threads and the disk's kernel work compete with it.
 */
function mainThreadScheduling(): { waitMs: number; preemptions: number } | null {
  try {
    const task = `/proc/self/task/${process.pid}`;
    const waitNs = Number(readFileSync(`${task}/schedstat`, 'utf8').split(' ')[1]);
    const preempted = /^nonvoluntary_ctxt_switches:\s*(\d+)/m.exec(readFileSync(`${task}/status`, 'utf8'));
    return Number.isFinite(waitNs) && preempted ? { waitMs: waitNs / 1e6, preemptions: Number(preempted[1]) } : null;
  } catch {
    return null;
  }
}

export function startMeter(): () => Meter {
  const t0 = performance.now();
  const u0 = process.resourceUsage();
  const m0 = mainThreadCpuMs();
  const others0 = otherThreadsCpuMs();
  // Sampled while the crawl runs: threads that end with it (the extraction pool's) are gone from /proc by its end.
  const lastSeen = new Map(others0);
  const sample = () => otherThreadsCpuMs().forEach((ms, tid) => lastSeen.set(tid, ms));
  const sampler = setInterval(sample, 100);
  sampler.unref();
  const elu0 = performance.eventLoopUtilization();
  const sched0 = mainThreadScheduling();
  return () => {
    const sched1 = mainThreadScheduling();
    clearInterval(sampler);
    sample();
    const u1 = process.resourceUsage();
    const m1 = mainThreadCpuMs();
    const cpu = (t: ThreadCpu | undefined) => (t ? t.userMs + t.sysMs : 0);
    const others = [...lastSeen].map(([tid, t]) => cpu(t) - cpu(others0.get(tid))).filter((ms) => ms > 0);
    const cpuUs = u1.userCPUTime - u0.userCPUTime + (u1.systemCPUTime - u0.systemCPUTime);
    return {
      wallMs: performance.now() - t0,
      cpuMs: cpuUs / 1000,
      peakRssMb: u1.maxRSS / 1024,
      ...(m0 !== null && m1 !== null && { mainThreadCpuMs: m1 - m0 }),
      ...(others.length > 0 && { otherThreadsCpuMs: others.sort((a, b) => b - a), threads: perThread(lastSeen, others0) }),
      mainLoopUtilization: performance.eventLoopUtilization(elu0).utilization,
      ...(sched0 && sched1 && {
        mainThreadWaitMs: sched1.waitMs - sched0.waitMs,
        mainThreadPreemptions: sched1.preemptions - sched0.preemptions,
      }),
    };
  };
}

export function readRequest(): RunRequest {
  const raw = process.argv[2];
  if (!raw) throw new Error('usage: <runner> <json RunRequest>');
  return JSON.parse(raw) as RunRequest;
}

/** The report goes out as the last stdout line, prefixed so a crawler's own output cannot be mistaken for it. */
export function emit(report: RunReport): void {
  process.stdout.write(`\nBENCH-REPORT ${JSON.stringify(report)}\n`);
}
