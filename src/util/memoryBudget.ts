import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { Logger } from './logger.js';

/**
 * Keeps a long crawl's resident memory near a budget. V8 collects the crawl thread's old generation lazily: with
 * gigabytes free it lets garbage (response bodies, link lists of index pages) pile up for tens of seconds, and
 * once the allocator has handed those pages out the process keeps them. Profiled on the bench site at 20 000
 * articles: RSS flat at ~270 MB while articles were stored, then +120 MB of garbage during the last stretch of
 * index pages, collected only when V8 chose to. A full collection when RSS passes the budget (and JavaScript has
 * allocated since the last one) keeps the peak at the budget for the cost of a few tens of milliseconds per collection.
 *
 * `gc` is not exposed without --expose-gc, which a launcher cannot pass to itself: setting the flag at run time
 * and taking `gc` from a fresh context is the documented way round (V8 reads the flag when a context is made).
 * Where that fails, the budget only watches.
 */
export interface MemoryBudgetOptions {
  /** Resident set size, in MB, above which a full collection is run; 0 turns the budget off. */
  budgetMb: number;
  logger?: Logger;
  /** How often RSS is read. Default 2 s. */
  intervalMs?: number;
}

/**
 * New JavaScript and external memory since the last collection that makes another worth its pause: a process whose
 * live data alone is above the budget must not pay for a collection every interval that frees nothing.
 */
const MIN_NEW_MB = 8;
/**
 * A process that stays above the budget after a collection (its live data, or pages the allocator keeps, are the
 * budget) backs off: each further collection waits twice as long as the last, up to this many intervals, until RSS
 * falls under the budget. Every forced full collection also throws away optimised code whose maps died (V8's "weak
 * objects" deopts, ~140 functions at a time in a shared-crawl worker); collecting every 2 s kept a worker recompiling
 * for a quarter of its CPU.
 */
const MAX_BACKOFF = 16;

let collector: (() => void) | null | undefined;

function fullCollector(): (() => void) | null {
  if (collector !== undefined) return collector;
  try {
    setFlagsFromString('--expose-gc');
    const gc: unknown = runInNewContext('typeof gc === "function" ? gc : null');
    collector = typeof gc === 'function' ? () => (gc as () => void)() : null;
  } catch {
    collector = null;
  }
  return collector;
}

export interface MemoryBudget {
  /** Full collections run so far. */
  readonly collections: number;
  stop(): void;
}

export function startMemoryBudget(options: MemoryBudgetOptions): MemoryBudget {
  const state = { collections: 0, stop: () => clearInterval(timer) };
  const budget = options.budgetMb * 1024 * 1024;
  const gc = budget > 0 ? fullCollector() : null;
  let liveAfter = 0;
  const interval = options.intervalMs ?? 2_000;
  let gap = interval;
  let nextAllowed = 0;
  /** No reading under the budget since the last collection. */
  let stillAbove = false;
  const jsBytes = () => {
    const m = process.memoryUsage();
    return m.heapUsed + m.external;
  };
  const timer = setInterval(() => {
    if (!gc) return;
    const rss = process.memoryUsage.rss();
    if (rss <= budget) {
      gap = interval;
      stillAbove = false;
      nextAllowed = 0;
      return;
    }
    const now = Date.now();
    if (now < nextAllowed || jsBytes() - liveAfter < MIN_NEW_MB * 1024 * 1024) return;
    // Above the budget again since the last collection: the next one waits longer.
    if (stillAbove) gap = Math.min(gap * 2, interval * MAX_BACKOFF);
    stillAbove = true;
    nextAllowed = now + gap;
    gc();
    state.collections++;
    liveAfter = jsBytes();
    options.logger?.debug({ rssMb: Math.round(rss / 1048576), liveMb: Math.round(liveAfter / 1048576) }, 'memory budget: full collection');
  }, interval);
  timer.unref();
  return state;
}
