/**
 * The crawl-wide state SqliteFrontierStore keeps beside its queue: run tallies, budget counters, shared sets,
 * robots.txt bodies and one-time markers, on the store's lease_* tables; and the statements and IMMEDIATE
 * transactions the store's queue (frontier-store.ts, which extends it) runs on too.
 */
import type { Statement } from 'better-sqlite3';
import { runTransaction, withLazySync, type StoreDatabase } from '../database.js';
import type { SetRead, SetState, WorkerId } from '../interfaces.js';
import { migrateStore } from './migrations/index.js';
import { leaseStatements } from './lease-queries.js';

export class SqliteSharedState {
  protected readonly s: Record<string, Statement>;

  protected constructor(protected readonly db: StoreDatabase) {
    // The lease_* tables are migration 005; openStoreDatabase has run it, this only checks a handle opened elsewhere.
    migrateStore(db);
    this.s = leaseStatements(db);
  }

  /** One IMMEDIATE transaction with lazy sync: frontier bookkeeping, as the single-process frontier does it. */
  protected tx<T>(fn: () => T): T {
    return withLazySync(this.db, () => runTransaction(this.db, fn, 'immediate'));
  }

  async readTally(key: string): Promise<Map<string, string>> {
    return new Map((this.s.tallyRead.all(key) as { field: string; value: string }[]).map((r) => [r.field, r.value]));
  }

  async dropTally(key: string): Promise<void> {
    this.tx(() => this.s.tallyDrop.run(key));
  }

  async incrementCounter(key: string, by = 1): Promise<number> {
    return this.tx(() => (this.s.increment.get(key, by) as { value: number }).value);
  }

  async counter(key: string): Promise<number> {
    return (this.s.counter.get(key) as { value: number } | undefined)?.value ?? 0;
  }

  async counters(keys: readonly string[]): Promise<number[]> {
    return keys.map((k) => (this.s.counter.get(k) as { value: number } | undefined)?.value ?? 0);
  }

  async readSets(reads: readonly SetRead[]): Promise<SetState[]> {
    return reads.map((r) => ({
      size: this.s.setSize.get(r.key) as number,
      members: r.members === 'all' ? (this.s.setAll.all(r.key) as string[]) : r.members.length === 0 ? [] : (this.s.setHas.all({ key: r.key, members: JSON.stringify(r.members) }) as string[]),
    }));
  }

  /** Kept until the store is compacted or the rows deleted: keys name their run, and runs are few. */
  async addToSets(adds: readonly { key: string; members: readonly string[] }[], _ttlMs: number): Promise<void> {
    if (adds.every((a) => a.members.length === 0)) return;
    this.tx(() => {
      for (const a of adds) for (const m of a.members) this.s.setAdd.run(a.key, m);
    });
  }

  async robots(origin: string, now: number): Promise<string | null> {
    return (this.s.robots.get(origin, now) as { body: string } | undefined)?.body ?? null;
  }

  async putRobots(origin: string, body: string, expiresAt: number): Promise<void> {
    this.tx(() => this.s.putRobots.run(origin, body, expiresAt));
  }

  async claimOnce(key: string, worker: WorkerId, ttlMs: number): Promise<boolean> {
    const now = Date.now();
    return this.tx(() => {
      this.s.expireOnce.run(key, now);
      return this.s.claimOnce.run(key, worker, now + ttlMs).changes > 0;
    });
  }
}
