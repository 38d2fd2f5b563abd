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
    while (this.storing >= this.capacity) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.storing++;
    if (this.storing > this.peak) this.peak = this.storing;
    onEnter();
    let left = false;
    return () => {
      if (left) return;
      left = true;
      this.storing--;
      this.waiting.shift()?.();
    };
  }

  /** Pages in the store stage now. */
  get size(): number {
    return this.storing;
  }
}
