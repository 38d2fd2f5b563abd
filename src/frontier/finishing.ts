import { withLazySync, type StoreDatabase, type WorkerId } from '../storage/index.js';
import type { frontierStatements } from '../storage/sqlite/frontier-queries.js';
import { FinishBuffer, type FinishCoalescing, type PendingFinish } from './finishBuffer.js';
import type { FinishResult } from './entry.js';

/** At most this many claimed URLs' ids are remembered (the crawler has a few dozen in flight). */
const CLAIMED_IDS = 10_000;

/**
 * How a Frontier records the end of a fetch: by the claimed row's id, only while this worker holds the URL's lease
 * (a late finish after another run re-claimed it changes nothing), each at once or coalesced (finishBuffer.ts).
 */
export class FrontierFinishes {
  /**
   * Row ids of URLs this Frontier handed out, until finished: finish() updates by id instead of looking the URL up
   * again. A URL's id never changes (rows are never deleted), so an entry cannot go stale; bounded by CLAIMED_IDS.
   */
  private readonly claimedIds = new Map<string, number>();
  /** Finishes not yet written, when coalescing. */
  readonly buffer: FinishBuffer | undefined;
  /** finishMany()'s and the coalesced finishes' IMMEDIATE transactions (made once: db.transaction() is costly). */
  private readonly manyTx: (items: readonly PendingFinish[]) => void;
  /** How many of the waiting finishes the claim transaction in progress wrote. */
  private inClaim = 0;

  constructor(
    private readonly db: StoreDatabase,
    private readonly stmt: ReturnType<typeof frontierStatements>,
    private readonly worker: WorkerId,
    coalesce: FinishCoalescing | undefined,
  ) {
    this.manyTx = db.transaction((items: readonly PendingFinish[]) => {
      for (const it of items) this.row(it.url, it.result, it.now);
    }).immediate;
    this.buffer = coalesce && new FinishBuffer(coalesce, (items) => withLazySync(db, () => this.manyTx(items)), () => db.open, worker);
  }

  /** A URL handed out by a claim (its row's id). */
  claimed(url: string, id: number): void {
    // Claimed URLs never finished here (a stop, a retry) would pile up: forget them all now and then.
    if (this.claimedIds.size >= CLAIMED_IDS) this.claimedIds.clear();
    this.claimedIds.set(url, id);
  }

  idOf(url: string): number | undefined {
    return this.claimedIds.get(url);
  }

  finish(url: string, result: FinishResult, now: number): void {
    if (this.buffer) this.buffer.add({ url, result, now });
    else withLazySync(this.db, () => this.row(url, result, now));
  }

  finishMany(items: readonly { url: string; result: FinishResult }[], now: number): void {
    this.flush();
    withLazySync(this.db, () => this.manyTx(items.map(({ url, result }) => ({ url, result, now }))));
  }

  flush(): void {
    this.buffer?.flush();
  }

  /** Inside a claim's transaction: writes the waiting finishes in it (the commit a claim makes anyway). */
  writeInClaim(): void {
    const waiting = this.buffer?.pending() ?? [];
    for (const it of waiting) this.row(it.url, it.result, it.now);
    this.inClaim = waiting.length;
  }

  /** The claim's transaction committed: what it wrote leaves the buffer (a rolled-back claim leaves them waiting). */
  claimCommitted(): void {
    this.buffer?.written(this.inClaim);
    this.inClaim = 0;
  }

  private row(url: string, result: FinishResult, now: number): void {
    const id = this.claimedIds.get(url);
    if (id !== undefined) this.claimedIds.delete(url);
    // Positional, in FINISH's order (frontier-queries.ts), then the row's key and the lease holder.
    (id === undefined ? this.stmt.finish : this.stmt.finishById).run(
      result.state, result.outcome, result.status ?? null, result.error ?? null, now, result.snapshotId ?? null, result.etag ?? null,
      result.lastModified ?? null, result.nextRevisitAt ?? null, result.revisited ? 1 : 0, id ?? url, this.worker,
    );
  }
}
