import type { FinishResult } from './entry.js';

/**
 * How a Frontier coalesces finish() calls (issue 14): each finish() is its own commit otherwise, about a third of
 * a claimed URL's CPU and half of its bytes written. Coalesced, a finish waits in memory until the next claim (it
 * is written in the claim's own transaction), `maxItems` are waiting, `maxDelayMs` passed, or something reads or
 * changes the frontier through this Frontier (which writes them first).
 * Crash safety: a finish not yet written leaves its row in_flight under this worker's lease, so a killed run's URL
 * is put back by the next run's reclaimExpired (its holder is gone) and claimed again: never lost, and never
 * recorded twice. What a finish records only becomes durable when it is written (flush()).
 */
export interface FinishCoalescing {
  /** Write at once when this many finishes wait (default 256). */
  maxItems?: number;
  /** Write at the latest this long after the first waiting finish (default 25 ms; a timer that does not keep the process alive). */
  maxDelayMs?: number;
}

/** What the crawler uses (crawler.ts) and bench-frontier.ts measures. */
export const CRAWL_FINISH_COALESCING: Required<FinishCoalescing> = { maxItems: 256, maxDelayMs: 25 };

export interface PendingFinish {
  url: string;
  result: FinishResult;
  now: number;
}

/**
 * Finishes waiting to be written. `write` writes a list in one transaction; items leave the buffer only once it
 * returned (a rolled-back write keeps them for the next try). Not re-entrant: the Frontier calls it from one thread.
 */
export class FinishBuffer {
  private items: PendingFinish[] = [];
  private timer: NodeJS.Timeout | undefined;
  private readonly maxItems: number;
  private readonly maxDelayMs: number;

  constructor(
    options: FinishCoalescing,
    /** Writes the finishes in one transaction (its own, or the caller's when one is open). */
    private readonly write: (items: readonly PendingFinish[]) => void,
    /** Whether writing is still possible (the connection is open): a timer firing after close writes nothing. */
    private readonly writable: () => boolean,
  ) {
    this.maxItems = Math.max(1, options.maxItems ?? CRAWL_FINISH_COALESCING.maxItems);
    this.maxDelayMs = Math.max(0, options.maxDelayMs ?? CRAWL_FINISH_COALESCING.maxDelayMs);
  }

  get size(): number {
    return this.items.length;
  }

  /** The finishes waiting, oldest first (to write inside a caller's transaction, then `written(n)`). */
  pending(): readonly PendingFinish[] {
    return this.items;
  }

  add(item: PendingFinish): void {
    this.items.push(item);
    if (this.items.length >= this.maxItems) this.flush();
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

  private arm(): void {
    if (this.timer || this.items.length === 0) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (!this.writable()) return;
      try {
        this.flush();
      } catch {
        // A busy store: they stay waiting (flush re-armed the timer); the next claim or flush() writes them.
      }
    }, this.maxDelayMs);
    this.timer.unref();
  }

  private disarm(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
