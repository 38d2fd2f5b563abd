/** One stage's totals over a run: how many pages went through it and the wall time they spent in it. */
export interface StageTotal {
  pages: number;
  /** Mean wall time per page in the stage, waits included (an extraction queued behind others, a write's fsyncs). */
  avgMs: number;
  /** Sum over pages; pages overlap, so the sums of a run with many in flight exceed its wall time. */
  totalMs: number;
}

/**
 * Where a page's time goes in the embedded crawl: the wall time each page spends in each stage (admission, fetch,
 * extraction, storage), summed. At a fixed concurrency, throughput is the pages in flight over a page's latency,
 * so the stage that holds pages longest is the one to shorten — a figure CPU profiles do not give, since a page
 * waiting for a thread, the disk or the network costs no CPU. Two clock reads per stage per page.
 */
export class StageClock {
  private readonly totals = new Map<string, { pages: number; ms: number }>();

  /** Runs `work` as the page's `stage`, counted whether it resolves or throws. */
  async time<T>(stage: string, work: () => Promise<T>): Promise<T> {
    const t0 = performance.now();
    try {
      return await work();
    } finally {
      const total = this.totals.get(stage) ?? { pages: 0, ms: 0 };
      total.pages++;
      total.ms += performance.now() - t0;
      this.totals.set(stage, total);
    }
  }

  /** The totals so far, by stage, in the order the stages were first timed. */
  summary(): Record<string, StageTotal> {
    const out: Record<string, StageTotal> = {};
    for (const [stage, t] of this.totals) out[stage] = { pages: t.pages, avgMs: t.ms / t.pages, totalMs: t.ms };
    return out;
  }
}
