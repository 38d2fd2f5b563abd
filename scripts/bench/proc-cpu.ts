/**
 * CPU time of the processes of a shared-crawl bench, by role, read from /proc (Linux): the worker processes (this
 * process's children, live ones plus the reaped ones' cutime), the site process, redis-server and every process of
 * the PostgreSQL cluster (postmaster, backends, background writers; exited backends through postmaster's cutime).
 * Sampled on a timer so the CPU spent within any wall-clock window (the span of the stored snapshots) can be read
 * back by interpolation. Only meaningful when Redis and PostgreSQL serve this bench alone (BENCH_REDIS/BENCH_PG_ADMIN
 * pointing at private servers); on shared servers the other clients' work is counted too.
 */
import { readdirSync, readFileSync } from 'node:fs';

const TICK = 100; // USER_HZ on Linux

export type Role = 'workers' | 'postgres' | 'redis' | 'site';
export const ROLES: readonly Role[] = ['workers', 'postgres', 'redis', 'site'];

interface Stat {
  ppid: number;
  /** utime + stime, seconds */
  own: number;
  /** cutime + cstime: reaped children, seconds */
  children: number;
}

function stat(pid: number | 'self'): Stat | null {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return null;
  }
  // Fields after the command name (which may hold spaces) start at field 3.
  const f = text.slice(text.lastIndexOf(')') + 2).split(' ');
  const n = (i: number) => Number(f[i - 3]);
  return { ppid: n(4), own: (n(14) + n(15)) / TICK, children: (n(16) + n(17)) / TICK };
}

function childrenOf(ppid: number): number[] {
  const out: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    if (stat(Number(name))?.ppid === ppid) out.push(Number(name));
  }
  return out;
}

export interface Sample {
  at: number;
  cpu: Record<Role, number>;
}

export class CpuSampler {
  readonly samples: Sample[] = [];
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly pids: { site: number; redis: number; postmaster: number }, private readonly workers: () => number[]) {}

  sample(): Sample {
    const self = stat('self');
    let workers = self?.children ?? 0;
    for (const pid of this.workers()) {
      const s = stat(pid);
      if (s) workers += s.own + s.children;
    }
    const pm = stat(this.pids.postmaster);
    let postgres = pm ? pm.own + pm.children : 0;
    for (const pid of childrenOf(this.pids.postmaster)) postgres += stat(pid)?.own ?? 0;
    const site = stat(this.pids.site);
    const redis = stat(this.pids.redis);
    // The site is our child too but never reaped during a run: its time is not in our cutime until it exits.
    const s: Sample = { at: Date.now(), cpu: { workers, postgres, redis: redis?.own ?? 0, site: site?.own ?? 0 } };
    this.samples.push(s);
    return s;
  }

  start(everyMs = 200): void {
    this.sample();
    this.timer = setInterval(() => this.sample(), everyMs);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.sample();
  }

  /** Cumulative CPU of each role at wall time `t`, interpolated between the samples around it. */
  at(t: number): Record<Role, number> {
    const xs = this.samples;
    let i = xs.findIndex((s) => s.at >= t);
    if (i < 0) i = xs.length - 1;
    if (i === 0) return { ...xs[0]!.cpu };
    const a = xs[i - 1]!;
    const b = xs[i]!;
    const w = b.at === a.at ? 1 : Math.min(1, Math.max(0, (t - a.at) / (b.at - a.at)));
    const out = {} as Record<Role, number>;
    for (const r of ROLES) out[r] = a.cpu[r] + (b.cpu[r] - a.cpu[r]) * w;
    return out;
  }

  /** CPU seconds of each role between wall times t0 and t1. */
  between(t0: number, t1: number): Record<Role, number> {
    const a = this.at(t0);
    const b = this.at(t1);
    const out = {} as Record<Role, number>;
    for (const r of ROLES) out[r] = b[r] - a[r];
    return out;
  }
}
