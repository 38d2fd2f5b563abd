import { storeTrouble } from '../storage/index.js';
import type { FinishResult, UrlHistory, UrlState } from './entry.js';

/**
 * How a Frontier coalesces finish() calls (issue 14): each finish() is its own commit otherwise, about a third of
 * a claimed URL's CPU and half of its bytes written. Coalesced, a finish waits in memory until the next claim (it
 * is written in the claim's own transaction), `maxItems` are waiting, `maxDelayMs` passed, something changes
 * existing rows through this Frontier (which writes them first), or flush(). Reads never write: get(), validators()
 * and counts() show the waiting finishes over what is on disk (overlay*), so they neither wait for nor fail on a
 * store another process holds.
 * Crash safety: a finish not yet written leaves its row in_flight under this worker's lease, so a killed run's URL
 * is put back by the next run's reclaimExpired (its holder is gone) and claimed again: never lost. Its snapshot may
 * already be stored: refetched unchanged it is recognised by its content hash (no second snapshot); changed in the
 * meantime it is a new version, as a revisit would make it. What a finish records only becomes durable when it is
 * written (flush()).
 */
export interface FinishCoalescing {
  /** Write at once when this many finishes wait (default 256). */
  maxItems?: number;
  /** Write at the latest this long after the first waiting finish (default 25 ms; a timer that does not keep the process alive). */
  maxDelayMs?: number;
  /**
   * Told of a write of waiting finishes that failed where no caller could be told (the timer, a full buffer), other
   * than a busy store (those stay waiting and are retried), and of finishes dropped because the store was closed.
   * Default: a process warning.
   */
  onError?: (err: unknown) => void;
}

/** What the crawler uses (crawler.ts) and bench-frontier.ts measures. */
export const CRAWL_FINISH_COALESCING: { maxItems: number; maxDelayMs: number } = { maxItems: 256, maxDelayMs: 25 };

export interface PendingFinish {
  url: string;
  result: FinishResult;
  now: number;
}

/** The columns a waiting finish is shown over (the finish statement's guard: only the lease holder's row changes). */
export interface LeasedRow {
  state: UrlState;
  lease_worker: string | null;
}

/** What validators() reads of a row. */
export type HistoryRow = LeasedRow & { etag: string | null; last_modified: string | null; revisit_count: number; snapshot_id: string | null; fetched_at: number | null };

/** A URL's history from its row, as it will be once `waiting` (its waiting finish, if any) is written (FINISH's columns). */
export function historyOf(row: HistoryRow, waiting: FinishResult | undefined): UrlHistory {
  return {
    etag: waiting?.etag ?? row.etag,
    lastModified: waiting?.lastModified ?? row.last_modified,
    revisitCount: row.revisit_count + (waiting?.revisited ? 1 : 0),
    snapshotId: waiting?.snapshotId ?? row.snapshot_id,
    fetchedBefore: waiting !== undefined || row.fetched_at !== null,
  };
}

const warn = (err: unknown) => process.emitWarning(`snapcrawl: coalesced finishes: ${String(err)}`);

/**
 * Finishes waiting to be written. `write` writes a list in one transaction; items leave the buffer only once it
 * returned (a rolled-back write keeps them for the next try). Not re-entrant: the Frontier calls it from one thread.
 */
export class FinishBuffer {
  private items: PendingFinish[] = [];
  private timer: NodeJS.Timeout | undefined;
  private readonly maxItems: number;
  private readonly maxDelayMs: number;
  private readonly onError: (err: unknown) => void;

  constructor(
    options: FinishCoalescing,
    /** Writes the finishes in one transaction (its own, or the caller's when one is open). */
    private readonly write: (items: readonly PendingFinish[]) => void,
    /** Whether writing is still possible (the connection is open): a timer firing after close writes nothing. */
    private readonly writable: () => boolean,
    /** The lease holder whose rows a finish changes (the Frontier's worker). */
    private readonly worker: string,
  ) {
    this.maxItems = Math.max(1, options.maxItems ?? CRAWL_FINISH_COALESCING.maxItems);
    this.maxDelayMs = Math.max(0, options.maxDelayMs ?? CRAWL_FINISH_COALESCING.maxDelayMs);
    this.onError = options.onError ?? warn;
  }

  get size(): number {
    return this.items.length;
  }

  /** The finishes waiting, oldest first (to write inside a caller's transaction, then `written(n)`). */
  pending(): readonly PendingFinish[] {
    return this.items;
  }

  /** Takes a finish; never throws (a full buffer that cannot be written now keeps waiting, like the timer's). */
  add(item: PendingFinish): void {
    this.items.push(item);
    if (this.items.length >= this.maxItems) this.tryFlush();
    else this.arm();
  }

  /** The first `n` waiting finishes were committed by the caller's transaction. */
  written(n: number): void {
    if (n <= 0) return;
    this.items = n >= this.items.length ? [] : this.items.slice(n);
    if (this.items.length === 0) this.disarm();
  }

  /** Writes every waiting finish now (one transaction); throws what the write throws, keeping them. */
  flush(): void {
    if (this.items.length === 0) return;
    this.disarm();
    const batch = this.items;
    try {
      this.write(batch);
    } catch (err) {
      this.arm();
      throw err;
    }
    this.written(batch.length);
  }

  /** Drops the timer and leaves the waiting finishes unwritten (what a kill does; tests use it). */
  discard(): void {
    this.disarm();
    this.items = [];
  }

  /** The waiting finish that will change `url`'s row when written, given the row on disk (the first one: it takes the lease). */
  applying(url: string, row: LeasedRow | undefined): PendingFinish | undefined {
    if (this.items.length === 0 || !row || row.state !== 'in_flight' || row.lease_worker !== this.worker) return undefined;
    return this.items.find((it) => it.url === url);
  }

  /** The per-state counts on disk moved by the waiting finishes that will apply (`rowOf`: a URL's row on disk). */
  overlayCounts(counts: Record<UrlState, number>, rowOf: (url: string) => LeasedRow | undefined): void {
    const seen = new Set<string>();
    for (const it of this.items) {
      if (seen.has(it.url)) continue;
      seen.add(it.url);
      if (!this.applying(it.url, rowOf(it.url))) continue;
      counts.in_flight--;
      counts[it.result.state]++;
    }
  }

  /** The timer's and a full buffer's write: a busy store keeps them waiting (re-armed); anything else is reported. */
  private tryFlush(): void {
    if (!this.writable()) {
      if (this.items.length > 0) this.onError(new Error(`${this.items.length} finishes not written: the store was closed (their URLs are claimed again by the next run)`));
      this.discard();
      return;
    }
    try {
      this.flush();
    } catch (err) {
      if (storeTrouble(err) !== 'busy') this.onError(err);
    }
  }

  private arm(): void {
    if (this.timer || this.items.length === 0) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.tryFlush();
    }, this.maxDelayMs);
    this.timer.unref();
  }

  private disarm(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
