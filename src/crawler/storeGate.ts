/**
 * The store stage's own slots. A snapshot write is mostly waiting on the disk (a WAL sync, file and folder fsyncs):
 * a page that holds its fetch slot through it keeps the crawl's `concurrency` of requests idle for that long. So a
 * page entering the write hands its fetch slot back (`onEnter`) and waits here instead, on a bound of its own, which
 * keeps the pages held in memory to at most twice the concurrency. The page stays in flight for the frontier (its
 * finish, links and host budget follow the write) until its whole outcome is applied.
 */
export class StoreGate {
  private storing = 0;
  private readonly waiting: (() => void)[] = [];
  /** The most pages ever in the store stage at once (for the run's stage report and tests). */
  peak = 0;

  constructor(readonly capacity: number) {
    if (!(capacity >= 1)) throw new RangeError(`store gate capacity must be at least 1, got ${capacity}`);
  }

  /**
   * Waits for a store slot (the page keeps its fetch slot while it waits: back-pressure on fetching), then calls
   * `onEnter` and returns the function that frees the slot; call it once the page is done, thrown or not.
   */
  async enter(onEnter: () => void): Promise<() => void> {
    // A leaving page hands its slot straight to the first waiter (first come, first served: a page arriving
    // meanwhile cannot take it), so `storing` counts the waiter already.
    if (this.storing >= this.capacity) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.storing++;
    if (this.storing > this.peak) this.peak = this.storing;
    onEnter();
    let left = false;
    return () => {
      if (left) return;
      left = true;
      const next = this.waiting.shift();
      if (next) next();
      else this.storing--;
    };
  }

  /** Pages in the store stage now. */
  get size(): number {
    return this.storing;
  }
}
