import type { StoreDatabase } from '../database.js';

interface Waiting<T, R> {
  item: T;
  resolve: (result: R) => void;
  reject: (err: unknown) => void;
}

/**
 * Group commit of the calls made in one turn of the event loop (issue 14): they are written together in one
 * transaction (`tx`) at the end of that turn, each in its own savepoint, and each promise settles once the lot
 * committed, with its own result. One call that throws (a bug, a constraint) rolls back only its savepoint and
 * rejects only its promise; the others still commit. A transaction that cannot begin or commit (a store busy past
 * busy_timeout, a full disk) rejects them all: nothing of the turn is durable, and every caller learns that its own
 * call failed, as it did when each call was its own transaction (it retries or leaves the lease to run out).
 */
export class TurnCommit<T, R> {
  private waiting: Waiting<T, R>[] = [];
  /** `one` inside the open transaction: better-sqlite3 runs a nested transaction as a savepoint. */
  private readonly savepoint: (item: T) => R;

  constructor(
    private readonly db: StoreDatabase,
    private readonly tx: <X>(fn: () => X) => X,
    one: (item: T) => R,
  ) {
    this.savepoint = db.transaction(one);
  }

  /** Queues `item` for this turn's commit. */
  add(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      if (this.waiting.length === 1) setImmediate(() => this.write());
    });
  }

  /** Writes what waits now (close() does, before the connection goes); with the connection gone, rejects it. */
  write(): void {
    const batch = this.waiting;
    this.waiting = [];
    if (batch.length === 0) return;
    if (!this.db.open) {
      for (const w of batch) w.reject(new Error('the store was closed before this write was committed'));
      return;
    }
    let settled: ({ ok: true; value: R } | { ok: false; err: unknown })[] = [];
    try {
      this.tx(() => {
        settled = []; // tx may run fn again (a retried begin)
        for (const w of batch) {
          try {
            settled.push({ ok: true, value: this.savepoint(w.item) });
          } catch (err) {
            settled.push({ ok: false, err });
          }
        }
      });
    } catch (err) {
      for (const w of batch) w.reject(err);
      return;
    }
    batch.forEach((w, i) => {
      const s = settled[i]!;
      if (s.ok) w.resolve(s.value);
      else w.reject(s.err);
    });
  }
}
