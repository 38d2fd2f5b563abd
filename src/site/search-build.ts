/**
 * Filling a large gap in the search index without blocking the server: snapshots are indexed in chunks
 * sized to take about SLICE_MS each (reading snapshot.json and writing the FTS rows are synchronous), and
 * the build yields to the event loop between chunks, so requests are answered throughout. When its list
 * is done it looks again (a crawl may have stored more meanwhile) and ends once nothing is missing, then
 * drops rows made stale while it ran.
 */

/** How far a background build has got: snapshots indexed by it so far, out of those it found missing. */
export interface IndexProgress {
  indexed: number;
  total: number;
}

/** What a build needs from the index (SearchIndex's own methods). */
export interface BuildTarget {
  missingIds(): string[];
  /** Indexes these ids; returns how many rows were added. */
  addDocs(ids: readonly string[]): number;
  removeStale(): void;
}

/** Time one chunk may hold the event loop. */
const SLICE_MS = 15;
const MIN_CHUNK = 1;
const MAX_CHUNK = 500;

export class BackgroundBuild {
  /** Resolves when the build ends: null when the index is complete (or the build was stopped), else the error. */
  readonly done: Promise<unknown>;
  private indexed = 0;
  private total = 0;
  private stopped = false;
  private finished = false;

  /** `missing`: how many snapshots the caller found unindexed (the progress total until the build counts again). */
  constructor(private readonly target: BuildTarget, private readonly pace: () => Promise<void>, missing: number) {
    this.total = missing;
    this.done = this.run().then(
      () => null,
      (err: unknown) => err,
    );
    void this.done.then(() => (this.finished = true));
  }

  get running(): boolean {
    return !this.finished;
  }

  progress(): IndexProgress {
    return { indexed: this.indexed, total: Math.max(this.total, this.indexed) };
  }

  /** Ends the build before its next chunk (the site is closing). */
  stop(): void {
    this.stopped = true;
  }

  private async run(): Promise<void> {
    // Start only after the caller's request (and the server's listen) has gone on: never block the query that started it.
    await this.pace();
    let chunk = 20;
    for (;;) {
      if (this.stopped) return;
      const missing = this.target.missingIds();
      if (missing.length === 0) break;
      this.total = this.indexed + missing.length;
      let addedThisPass = 0;
      for (let i = 0; i < missing.length; ) {
        if (this.stopped) return;
        const started = performance.now();
        const ids = missing.slice(i, i + chunk);
        const added = this.target.addDocs(ids);
        this.indexed += added;
        addedThisPass += added;
        i += ids.length;
        // Aim the next chunk at SLICE_MS from how long this one took.
        const perDoc = (performance.now() - started) / ids.length;
        chunk = Math.max(MIN_CHUNK, Math.min(MAX_CHUNK, Math.floor(SLICE_MS / Math.max(perDoc, 0.001))));
        await this.pace();
      }
      // Everything listed was removed or superseded meanwhile: what is still missing will be the same list.
      if (addedThisPass === 0) break;
    }
    if (!this.stopped) this.target.removeStale();
  }
}
