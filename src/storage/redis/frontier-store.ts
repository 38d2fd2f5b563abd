import type { Redis } from 'ioredis';
import type {
  ClaimedItem, ClaimRequest, ExclusionRow, ExclusionRule, FinishedFetch, FrontierStore, HostPolicy, ParamChanges, ParamPlan,
  QueueCounts, QueueItem, QueuedKind, QueuedState, RunTally, SiteSignalState, UrlValidators, WorkerId,
} from '../interfaces.js';
import { deleteByPrefix, openRedis, RedisFrontierError, runScript } from './connection.js';
import type { ScriptArg } from './connection.js';
import type { ScriptName } from './scripts.js';
import { RedisSharedState } from './shared-state.js';
import { addRow, checkKind, checkPolicy, KINDS, splitGroup, tallyArg, toClaimed, type ClaimRow } from './frontier-rows.js';

export { RedisFrontierError } from './connection.js';

/** URLs per addMany script: big enough to amortise the round trip, small enough not to stall Redis (~ms each). */
const ADD_CHUNK = 500;
/** Expired leases taken back per script call. */
const RECLAIM_CHUNK = 1_000;

/**
 * The shared crawl frontier on Redis (see lua.ts for the keys). Every change of more than one key is one Lua script,
 * so workers on any machine see claims, finishes and reclaims as atomic steps.
 *
 * Host policy. `policyFor` is a JS callback and a script cannot call it, so each host's policy lives in Redis
 * (`h:<host>` delay/conc), where the claim script reads it: a claim that meets a host with no policy yet skips it
 * and returns it as "needs policy"; this class asks `policyFor(host, source)` and claims again with the answers,
 * which the script stores before claiming (one extra round trip per host per crawl). After every claim the policy of
 * each claimed URL's (host, source) is compared with the one the script used; a changed one (a robots.txt
 * Crawl-delay, a config reload) is stored with `setPolicy`, a longer delay counting from that claim's start. Workers
 * of one crawl run one config, so they agree; with two sources on one host of different policies, the one last
 * stored applies to the host (each switch costs one more round trip). Pacing is in the callers' `now` terms:
 * workers' clocks are assumed close (NTP), as next-allowed times written by one are compared with another's `now`.
 *
 * Claims are O(log n) per URL handed out: the script pops groups from a sorted set by ready time; a group it
 * cannot serve (host at its concurrency, source exhausted) is moved aside until a lease ends or the budget returns,
 * so it is not read again by every claim.
 */
export class RedisFrontierStore extends RedisSharedState implements FrontierStore {
  /** Policies asked for by a claim that was already full: sent with this process's next claim. */
  private pendingPolicies: [string, number, number][] = [];

  private constructor(redis: Redis, prefix: string) {
    super(redis, prefix);
  }

  /** `url` is redis://HOST:PORT/DB; every key goes under `prefix` (default `snapcrawl:`). */
  static async connect(url: string, options: { prefix?: string } = {}): Promise<RedisFrontierStore> {
    return new RedisFrontierStore(await openRedis(url), options.prefix ?? 'snapcrawl:');
  }

  private run(name: ScriptName, ...args: ScriptArg[]): Promise<unknown> {
    return runScript(this.redis, this.prefix, name, ...args);
  }

  async addMany(items: readonly QueueItem[]): Promise<number> {
    let added = 0;
    for (let i = 0; i < items.length; i += ADD_CHUNK) {
      const rows = items.slice(i, i + ADD_CHUNK).map(addRow);
      added += Number(await this.run('frontierAdd', JSON.stringify(rows)));
    }
    return added;
  }

  async markHandled(items: readonly QueueItem[], outcome: string, now: number, fetch?: FinishedFetch): Promise<number> {
    if (items.length === 0) return 0;
    const s = (v: string | number | null | undefined) => (v === null || v === undefined ? '' : String(v));
    const adopted = fetch ? { status: s(fetch.status ?? 0), snap: s(fetch.snapshotId), etag: s(fetch.etag), lm: s(fetch.lastModified), nrv: s(fetch.nextRevisitAt) } : {};
    return Number(await this.run('frontierMarkHandled', JSON.stringify(items.map(addRow)), outcome, now, JSON.stringify(adopted)));
  }

  async requeue(url: string, notBefore: number): Promise<boolean> {
    return Number(await this.run('frontierRequeue', url, notBefore)) === 1;
  }

  async claim(req: ClaimRequest): Promise<ClaimedItem[]> {
    const exhausted = JSON.stringify([...(req.exhaustedSources ?? [])]);
    const exhaustedHosts = JSON.stringify([...(req.exhaustedHosts ?? [])]);
    const out: ClaimedItem[] = [];
    /** The policy the script applied to each host it handed out, `delay/concurrency`. */
    const used = new Map<string, string>();
    let policies = this.pendingPolicies;
    let unsent = false;
    this.pendingPolicies = [];
    // Round 1 claims on the stored policies; later rounds bring the ones the script asked for (new hosts).
    for (let round = 0; round < 4 && out.length < req.limit; round++) {
      unsent = false;
      const reply = (await this.run('frontierClaim', req.now, req.limit - out.length, req.leaseMs, req.worker, exhausted, JSON.stringify(policies), exhaustedHosts)) as [ClaimRow[], string[]];
      const [rows, need] = reply;
      for (const r of rows) {
        out.push(toClaimed(r, req));
        used.set(r[2], `${r[8]}/${r[9]}`);
      }
      if (need.length === 0) break;
      const asked = new Map<string, [string, number, number]>();
      for (const g of need) {
        const [host, source] = splitGroup(g);
        if (asked.has(host)) continue;
        const p = checkPolicy(req.policyFor(host, source));
        asked.set(host, [host, p.delayMs, p.concurrency]);
      }
      policies = [...asked.values()];
      unsent = true;
    }
    // A claim that filled up (or gave up) before sending them: the hosts it skipped get their policy with the next.
    if (unsent) this.pendingPolicies = policies;
    await this.refreshPolicies(out, used, req);
    return out;
  }

  /** Stores the policies `policyFor` now gives differently from what the script applied (see the class comment). */
  private async refreshPolicies(claimed: readonly ClaimedItem[], used: Map<string, string>, req: ClaimRequest): Promise<void> {
    for (const c of claimed) {
      const p = checkPolicy(req.policyFor(c.host, c.source));
      if (used.get(c.host) === `${p.delayMs}/${p.concurrency}`) continue;
      await this.setPolicy(c.host, p, req.now);
      used.set(c.host, `${p.delayMs}/${p.concurrency}`);
    }
  }

  /**
   * Stores a host's politeness for every worker (an addition to FrontierStore: claim calls it itself when
   * `policyFor` changes its answer). With `startedAt`, the host's next start is at least `startedAt + delayMs`.
   */
  async setPolicy(host: string, policy: HostPolicy, startedAt?: number): Promise<void> {
    const p = checkPolicy(policy);
    await this.run('frontierSetPolicy', host, p.delayMs, p.concurrency, startedAt ?? '');
  }

  async requeueDue(now: number, sources: readonly string[]): Promise<number> {
    const names = JSON.stringify(sources);
    let offset = 0;
    let total = 0;
    for (;;) {
      const [read, taken, requeued] = (await this.run('frontierRequeueDue', now, RECLAIM_CHUNK, offset, names)) as [number, number, number];
      total += Number(requeued);
      // Other sources' URLs stay in the index: the next page starts past them.
      offset += Number(read) - Number(taken);
      if (Number(read) < RECLAIM_CHUNK) return total;
    }
  }

  async bookStart(host: string, now: number, delayMs: number): Promise<number> {
    if (!Number.isFinite(delayMs) || delayMs < 0) throw new RedisFrontierError(`invalid delay for ${host}: ${delayMs} ms`);
    return Number(await this.run('frontierBookStart', host, now, Math.round(delayMs)));
  }

  async renew(worker: WorkerId, urls: readonly string[], expiresAt: number): Promise<string[]> {
    if (urls.length === 0) return [];
    return (await this.run('frontierRenew', worker, expiresAt, ...urls)) as string[];
  }

  async finish(worker: WorkerId, url: string, r: FinishedFetch, now: number, tally?: RunTally): Promise<boolean> {
    const opt = (v: string | number | null | undefined): string | number => v ?? '';
    const reply = await this.run('frontierFinish', worker, url, now, r.state, r.outcome, opt(r.status), opt(r.error),
      opt(r.snapshotId), opt(r.etag), opt(r.lastModified), opt(r.nextRevisitAt), tallyArg(tally));
    return Number(reply) === 1;
  }

  async retryLater(worker: WorkerId, url: string, at: number, error: string, tally?: RunTally): Promise<boolean> {
    return Number(await this.run('frontierRetry', worker, url, at, error, tallyArg(tally))) === 1;
  }

  async reclaimExpired(now: number): Promise<number> {
    let total = 0;
    for (;;) {
      const n = Number(await this.run('frontierReclaim', now, RECLAIM_CHUNK));
      total += n;
      if (n < RECLAIM_CHUNK) return total;
    }
  }

  /** The earliest ready time over groups, ready or held (a lower bound: see lua.ts). */
  async nextDueAt(): Promise<number | null> {
    const [ready, held] = await Promise.all([
      this.redis.zrange(this.key('ready'), 0, 0, 'WITHSCORES'),
      this.redis.zrange(this.key('held'), 0, 0, 'WITHSCORES'),
    ]);
    const times = [ready[1], held[1]].filter((s): s is string => s !== undefined).map(Number);
    return times.length === 0 ? null : Math.min(...times);
  }

  async liveLeases(now: number): Promise<number> {
    return this.redis.zcount(this.key('leases'), `(${now}`, '+inf');
  }

  /** One MULTI: the three reads see the same instant (no script runs between them). */
  async queueState(now: number): Promise<{ nextDueAt: number | null; liveLeases: number }> {
    const replies = await this.redis
      .multi()
      .zrange(this.key('ready'), 0, 0, 'WITHSCORES')
      .zrange(this.key('held'), 0, 0, 'WITHSCORES')
      .zcount(this.key('leases'), `(${now}`, '+inf')
      .exec();
    if (!replies) throw new RedisFrontierError('queue state: transaction aborted');
    const [ready, held, live] = replies.map(([err, v]) => {
      if (err) throw err;
      return v;
    }) as [string[], string[], number];
    const times = [ready[1], held[1]].filter((s): s is string => s !== undefined).map(Number);
    return { nextDueAt: times.length === 0 ? null : Math.min(...times), liveLeases: Number(live) };
  }

  async counts(): Promise<QueueCounts> {
    const c = await this.redis.hgetall(this.key('counts'));
    const n = (k: string) => Number(c[k] ?? 0);
    return { queued: n('queued'), inFlight: n('in_flight'), done: n('done'), failed: n('failed'), skipped: n('skipped') };
  }

  async validators(url: string): Promise<UrlValidators | null> {
    const [st, etag, lm, snap, fc] = await this.redis.hmget(this.key(`u:${url}`), 'st', 'etag', 'lm', 'snap', 'fc');
    if (st === null) return null;
    return { etag, lastModified: lm, snapshotId: snap, fetchCount: Number(fc ?? 0) };
  }

  async has(url: string): Promise<boolean> {
    return (await this.redis.exists(this.key(`u:${url}`))) === 1;
  }

  /** One script call: a page's links cost one round trip and one command, not one each. */
  async hasMany(urls: readonly string[]): Promise<boolean[]> {
    if (urls.length === 0) return [];
    return ((await this.run('frontierHasMany', ...urls)) as number[]).map((n) => Number(n) === 1);
  }

  async siteSignals(urls: readonly string[]): Promise<(SiteSignalState | null)[]> {
    if (urls.length === 0) return [];
    const pipe = this.redis.pipeline();
    for (const url of urls) pipe.hmget(this.key(`u:${url}`), 'st', 'src', 'kind', 'sm', 'lm', 'fat', 'nrv');
    return ((await pipe.exec()) ?? []).map(([err, v]) => {
      if (err) throw err;
      const [st, src, kind, sm, lm, fat, nrv] = v as (string | null)[];
      if (st === null || st === undefined) return null;
      const n = (x: string | null | undefined) => (x === null || x === undefined || x === '' ? null : Number(x));
      return { state: st as QueuedState, source: src ?? '', kind: (kind ?? 'page') as QueuedKind, siteModified: sm ?? null, lastModified: lm ?? null, fetchedAt: n(fat), nextRevisitAt: n(nrv) };
    });
  }

  /** Only on URLs already added (a signal for a URL never added is not stored). */
  async setSiteModified(items: readonly { url: string; modified: string }[]): Promise<void> {
    if (items.length === 0) return;
    await this.run('frontierSetSiteModified', JSON.stringify(items.map((it) => [it.url, it.modified])));
  }

  async lineage(url: string, max: number): Promise<string[]> {
    return (await this.run('frontierLineage', url, max)) as string[];
  }

  async addExclusions(rules: readonly ExclusionRule[], reason: string | null): Promise<number> {
    if (rules.length === 0) return 0;
    const args = rules.flatMap((r) => [checkKind(r.kind), r.value]);
    return Number(await this.run('frontierAddExclusions', JSON.stringify(reason), new Date().toISOString(), ...args));
  }

  async removeExclusion(rule: ExclusionRule): Promise<boolean> {
    return Number(await this.run('frontierRemoveExclusion', checkKind(rule.kind), rule.value)) === 1;
  }

  async listExclusions(): Promise<ExclusionRow[]> {
    const meta = await this.redis.hgetall(this.key('exmeta'));
    const rows: ExclusionRow[] = [];
    for (const kind of KINDS) {
      for (const value of await this.redis.smembers(this.key(`ex:${kind}`))) {
        const [reasonJson, createdAt] = JSON.parse(meta[`${kind}\t${value}`] ?? '["null",""]') as [string, string];
        rows.push({ kind, value, reason: JSON.parse(reasonJson) as string | null, createdAt });
      }
    }
    return rows.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.kind.localeCompare(b.kind) || a.value.localeCompare(b.value));
  }

  async isExcluded(url: string): Promise<boolean> {
    return Number(await this.run('frontierIsExcluded', url)) === 1;
  }

  async learnedParams(host: string): Promise<string[]> {
    const states = await this.redis.hgetall(this.key(`lp:${host}`));
    return Object.keys(states).filter((p) => states[p] === 'ignorable').sort();
  }

  async observeParams(plan: ParamPlan, now: number): Promise<ParamChanges> {
    const [learned, unlearned, aliased] = (await this.run('frontierObserveParams', JSON.stringify(plan), now)) as [(string | number)[], string[], number];
    const changes: ParamChanges = { learned: [], unlearned: unlearned.map((param) => ({ host: plan.host, param })) };
    if (Number(aliased) > 0) changes.aliased = Number(aliased);
    for (let i = 0; i < learned.length; i += 2) changes.learned.push({ host: plan.host, param: String(learned[i]), confirmations: Number(learned[i + 1]) });
    return changes;
  }

  async close(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }

  /** Deletes every key under the prefix (tests), then closes. */
  async destroy(): Promise<void> {
    await deleteByPrefix(this.redis, this.prefix);
    await this.close();
  }
}
