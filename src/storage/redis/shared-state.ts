/**
 * The crawl-wide state a shared frontier keeps beside its queue, in plain Redis commands (no Lua): run tallies,
 * budget counters, shared sets, robots.txt bodies and one-time markers. RedisFrontierStore (frontier-store.ts)
 * extends it with the queue, whose every multi-key change is a script.
 */
import type { Redis } from 'ioredis';
import type { SetRead, SetState, WorkerId } from '../interfaces.js';
import { RedisFrontierError } from './connection.js';

export class RedisSharedState {
  protected constructor(protected readonly redis: Redis, readonly prefix: string) {}

  protected key(name: string): string {
    return `${this.prefix}${name}`;
  }

  /** Read a batch at a time (HSCAN): a run's tally holds a record per stored article. */
  async readTally(key: string): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    let cursor = '0';
    do {
      const [next, flat] = await this.redis.hscan(this.key(`t:${key}`), cursor, 'COUNT', 1000);
      for (let i = 0; i < flat.length; i += 2) out.set(flat[i]!, flat[i + 1]!);
      cursor = next;
    } while (cursor !== '0');
    return out;
  }

  async dropTally(key: string): Promise<void> {
    await this.redis.unlink(this.key(`t:${key}`));
  }

  async incrementCounter(key: string, by = 1): Promise<number> {
    return this.redis.hincrby(this.key('ctr'), key, by);
  }

  async counter(key: string): Promise<number> {
    return Number((await this.redis.hget(this.key('ctr'), key)) ?? 0);
  }

  async counters(keys: readonly string[]): Promise<number[]> {
    if (keys.length === 0) return [];
    return (await this.redis.hmget(this.key('ctr'), ...keys)).map((v) => Number(v ?? 0));
  }

  /** Sets live under `set:<key>`; one pipeline for all the questions. */
  async readSets(reads: readonly SetRead[]): Promise<SetState[]> {
    if (reads.length === 0) return [];
    const pipe = this.redis.pipeline();
    for (const r of reads) {
      const k = this.key(`set:${r.key}`);
      pipe.scard(k);
      if (r.members === 'all') pipe.smembers(k);
      else if (r.members.length > 0) pipe.smismember(k, ...r.members);
    }
    const replies = (await pipe.exec()) ?? [];
    const out: SetState[] = [];
    let i = 0;
    const value = (): unknown => {
      const [err, v] = replies[i++] ?? [new RedisFrontierError('missing pipeline reply'), null];
      if (err) throw err;
      return v;
    };
    for (const r of reads) {
      const size = Number(value());
      if (r.members === 'all') out.push({ size, members: value() as string[] });
      else if (r.members.length === 0) out.push({ size, members: [] });
      else {
        const asked = r.members;
        const flags = value() as number[];
        out.push({ size, members: asked.filter((_, j) => flags[j] === 1) });
      }
    }
    return out;
  }

  async addToSets(adds: readonly { key: string; members: readonly string[] }[], ttlMs: number): Promise<void> {
    const pipe = this.redis.pipeline();
    let n = 0;
    for (const a of adds) {
      if (a.members.length === 0) continue;
      const k = this.key(`set:${a.key}`);
      pipe.sadd(k, ...a.members).pexpire(k, Math.max(1, Math.round(ttlMs)));
      n++;
    }
    if (n === 0) return;
    for (const [err] of (await pipe.exec()) ?? []) if (err) throw err;
  }

  async robots(origin: string, now: number): Promise<string | null> {
    const [body, exp] = await this.redis.hmget(this.key(`rb:${origin}`), 'body', 'exp');
    return body !== null && Number(exp) > now ? body : null;
  }

  async putRobots(origin: string, body: string, expiresAt: number): Promise<void> {
    const k = this.key(`rb:${origin}`);
    const multi = this.redis.multi().hset(k, 'body', body, 'exp', expiresAt);
    // Expiry is checked against the caller's `now`; the key's own TTL (when in the future) only frees the memory.
    if (expiresAt > Date.now()) multi.pexpireat(k, expiresAt + 3_600_000);
    else multi.persist(k);
    await multi.exec();
  }

  async claimOnce(key: string, worker: WorkerId, ttlMs: number): Promise<boolean> {
    return (await this.redis.set(this.key(`once:${key}`), worker, 'PX', Math.max(1, Math.round(ttlMs)), 'NX')) === 'OK';
  }
}
