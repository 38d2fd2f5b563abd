import { openStoreDatabase, runTransaction, type StoreDatabase } from '../database.js';
import { paramStatements, recordParamPlan } from './param-queries.js';
import { hostSuffixes, type QueueRow, type ReadyHost } from './lease-queries.js';
import { SqliteSharedState } from './shared-state.js';
import { TurnCommit } from './turn-commit.js';
import type {
  ClaimedItem, ClaimRequest, ExclusionKind, ExclusionRow, ExclusionRule, FinishedFetch, FrontierStore, ParamChanges, ParamPlan, QueueCounts,
  QueueItem, QueuedKind, QueuedState, RunTally, SiteSignalState, UrlValidators, WorkerId,
} from '../interfaces.js';

/** Hosts read beyond the URLs wanted per page (hosts with nothing claimable: budgets, retries not due). */
const PAGE_SLACK = 16;

const NONE: ReadonlySet<string> = new Set();

/** A finish() waiting for its turn's group commit. */
interface PendingFinish { worker: WorkerId; url: string; r: FinishedFetch; now: number; tally: RunTally | undefined }

/**
 * The FrontierStore over the store's SQLite database: the embedded backend of the contract, safe for several
 * processes on one machine (WAL, busy_timeout, every change one IMMEDIATE transaction). A claim walks the ready hosts
 * (by next allowed start) and takes each one's best due URL through an index; `policyFor` is called in the
 * transaction, so the policy in force is the one checked.
 */
export class SqliteFrontierStore extends SqliteSharedState implements FrontierStore {
  /** Parameter learning's statements, prepared on first use. */
  private params?: ReturnType<typeof paramStatements>;

  private constructor(db: StoreDatabase) {
    super(db);
  }

  /** The store's store.db (created if needed); several processes may open one store at once. */
  static open(storeDir: string): SqliteFrontierStore {
    return new SqliteFrontierStore(openStoreDatabase(storeDir));
  }

  private excludedNow(url: string): boolean {
    const hosts = hostSuffixes(url);
    return hosts !== null && this.s.excluded.get({ url, hosts: JSON.stringify(hosts) }) !== undefined;
  }

  async addMany(items: readonly QueueItem[]): Promise<number> {
    if (items.length === 0) return 0;
    return this.tx(() => {
      let added = 0;
      for (const it of items) {
        if (this.excludedNow(it.url)) continue;
        added += this.s.insert.run({
          url: it.url, requestUrl: it.requestUrl ?? it.url, host: it.host, source: it.source, depth: it.depth, kind: it.kind,
          priority: it.priority ?? 0, discoveredFrom: it.discoveredFrom ?? null, dueAt: it.notBefore ?? 0,
        }).changes;
      }
      return added;
    });
  }

  async markHandled(items: readonly QueueItem[], outcome: string, now: number, fetch?: FinishedFetch): Promise<number> {
    if (items.length === 0) return 0;
    return this.tx(() => {
      let changed = 0;
      for (const it of items) {
        if (this.excludedNow(it.url)) continue;
        const row = { url: it.url, requestUrl: it.requestUrl ?? it.url, host: it.host, source: it.source, depth: it.depth, kind: it.kind, priority: it.priority ?? 0, discoveredFrom: it.discoveredFrom ?? null, outcome, now };
        const handled = this.s.insertHandled.run(row).changes || this.s.markHandled.run({ url: it.url, outcome, now }).changes;
        if (handled && fetch) {
          this.s.adopt.run({ url: it.url, status: fetch.status ?? null, snapshotId: fetch.snapshotId ?? null, etag: fetch.etag ?? null, lastModified: fetch.lastModified ?? null, nextRevisitAt: fetch.nextRevisitAt ?? null });
        }
        changed += handled;
      }
      return changed;
    });
  }

  async requeue(url: string, notBefore: number): Promise<boolean> {
    return this.tx(() => this.s.requeue.run({ url, notBefore }).changes > 0);
  }

  async requeueDue(now: number, sources: readonly string[]): Promise<number> {
    return this.tx(() => this.s.requeueDue.run({ now, sources: JSON.stringify(sources) }).changes);
  }

  /** The policy's delay is the caller's: this store keeps no per-host policy (claims ask policyFor each time). */
  async bookStart(host: string, now: number, delayMs: number): Promise<number> {
    return this.tx(() => {
      const at = Math.max(now, this.s.hostNext.get(host) as number);
      this.s.book.run({ host, at: at + delayMs });
      return at;
    });
  }

  async claim(req: ClaimRequest): Promise<ClaimedItem[]> {
    const exhausted = req.exhaustedSources ?? NONE;
    const exhaustedHosts = req.exhaustedHosts ?? NONE;
    const expiresAt = req.now + req.leaseMs;
    return this.tx(() => {
      const out: ClaimedItem[] = [];
      // Ready hosts a page at a time (earliest allowed first), until enough URLs are claimed.
      let after = { at: -1, host: '' };
      for (;;) {
        const n = req.limit - out.length + PAGE_SLACK;
        const page = this.s.readyHosts.all({ now: req.now, at: after.at, host: after.host, n }) as ReadyHost[];
        for (const h of page) {
          if (out.length >= req.limit) break;
          if (!exhaustedHosts.has(h.host)) this.claimFromHost(h, req, exhausted, expiresAt, out);
        }
        if (out.length >= req.limit || page.length < n) return out;
        const last = page[page.length - 1];
        after = { at: last.next_allowed_at, host: last.host };
      }
    });
  }

  /** The host's best due URL over its sources not exhausted (ranked: priority, depth, order added). */
  private bestOfHost(host: string, now: number, exhausted: ReadonlySet<string>): QueueRow | undefined {
    let best: QueueRow | undefined;
    for (const source of this.s.sources.all(host) as string[]) {
      if (exhausted.has(source)) continue;
      const row = this.s.best.get({ host, source, now }) as QueueRow | undefined;
      if (row && (!best || row.priority > best.priority || (row.priority === best.priority && (row.depth < best.depth || (row.depth === best.depth && row.id < best.id))))) best = row;
    }
    return best;
  }

  /** Claims the host's best due URLs while its delay and concurrency allow (several only when its delay is 0). */
  private claimFromHost(h: ReadyHost, req: ClaimRequest, exhausted: ReadonlySet<string>, expiresAt: number, out: ClaimedItem[]): void {
    let next = h.next_allowed_at;
    let inFlight = h.in_flight;
    while (out.length < req.limit && next <= req.now) {
      const row = this.bestOfHost(h.host, req.now, exhausted);
      if (!row) return;
      if (this.excludedNow(row.url)) {
        this.s.skip.run(row.url);
        continue;
      }
      const policy = req.policyFor(row.host, row.source);
      if (inFlight >= policy.concurrency) return;
      this.s.lease.run({ url: row.url, worker: req.worker, expiresAt });
      next = req.now + policy.delayMs;
      inFlight++;
      this.s.book.run({ host: h.host, at: next });
      out.push({
        url: row.url, requestUrl: row.request_url, host: row.host, source: row.source, depth: row.depth, kind: row.kind,
        attempts: row.attempts + 1, discoveredFrom: row.discovered_from, lease: { worker: req.worker, expiresAt },
      });
    }
  }

  async renew(worker: WorkerId, urls: readonly string[], expiresAt: number): Promise<string[]> {
    return this.tx(() => urls.filter((url) => this.s.renew.run({ url, worker, expiresAt }).changes > 0));
  }

  /**
   * Group commit (turn-commit.ts): the finishes asked for in one turn of the event loop (a worker's pages completing
   * together) are one transaction, each its own savepoint, and each promise settles once it committed, with its own
   * result (false: the lease was no longer the worker's). Nothing is reported done before it is durable.
   */
  finish(worker: WorkerId, url: string, r: FinishedFetch, now: number, tally?: RunTally): Promise<boolean> {
    this.finishing ??= new TurnCommit(this.db, (fn) => this.tx(fn), (f: PendingFinish) => this.finishRow(f));
    return this.finishing.add({ worker, url, r, now, tally });
  }

  private finishing?: TurnCommit<PendingFinish, boolean>;

  private finishRow({ worker, url, r, now, tally }: PendingFinish): boolean {
    return this.tallied(tally, this.s.finish.run({
      url, worker, now, state: r.state, outcome: r.outcome, status: r.status ?? null, error: r.error ?? null,
      snapshotId: r.snapshotId ?? null, etag: r.etag ?? null, lastModified: r.lastModified ?? null, nextRevisitAt: r.nextRevisitAt ?? null,
    }).changes > 0);
  }

  async retryLater(worker: WorkerId, url: string, at: number, error: string, tally?: RunTally): Promise<boolean> {
    return this.tx(() => this.tallied(tally, this.s.retry.run({ url, worker, at, error }).changes > 0));
  }

  /** Adds `tally` when the step it goes with applied (inside that step's transaction); returns `applied`. */
  private tallied(tally: RunTally | undefined, applied: boolean): boolean {
    if (!applied || !tally) return applied;
    for (const [field, n] of Object.entries(tally.add ?? {})) this.s.tallyAdd.run(tally.key, field, String(Math.round(n)));
    for (const [field, value] of Object.entries(tally.once ?? {})) this.s.tallyOnce.run(tally.key, field, value);
    return true;
  }

  async reclaimExpired(now: number): Promise<number> {
    return this.tx(() => this.s.reclaim.run(now).changes);
  }

  async nextDueAt(): Promise<number | null> {
    return (this.s.nextDue.get() as { at: number | null }).at;
  }

  async liveLeases(now: number): Promise<number> {
    return (this.s.live.get(now) as { n: number }).n;
  }

  /** Both reads in one transaction: another process's finish lands before or after both. */
  async queueState(now: number): Promise<{ nextDueAt: number | null; liveLeases: number }> {
    return runTransaction(this.db, () => ({
      nextDueAt: (this.s.nextDue.get() as { at: number | null }).at,
      liveLeases: (this.s.live.get(now) as { n: number }).n,
    }), 'deferred');
  }

  async counts(): Promise<QueueCounts> {
    const out: QueueCounts = { queued: 0, inFlight: 0, done: 0, failed: 0, skipped: 0 };
    for (const r of this.s.counts.all() as { state: string; n: number }[]) {
      if (r.state === 'in_flight') out.inFlight = r.n;
      else if (r.state in out) out[r.state as Exclude<keyof QueueCounts, 'inFlight'>] = r.n;
    }
    return out;
  }

  async validators(url: string): Promise<UrlValidators | null> {
    const row = this.s.validators.get(url) as { etag: string | null; last_modified: string | null; snapshot_id: string | null; fetch_count: number } | undefined;
    return row ? { etag: row.etag, lastModified: row.last_modified, snapshotId: row.snapshot_id, fetchCount: row.fetch_count } : null;
  }

  async has(url: string): Promise<boolean> {
    return this.s.has.get(url) !== undefined;
  }

  async hasMany(urls: readonly string[]): Promise<boolean[]> {
    return urls.map((url) => this.s.has.get(url) !== undefined);
  }

  async siteSignals(urls: readonly string[]): Promise<(SiteSignalState | null)[]> {
    return urls.map((url) => {
      const r = this.s.signal.get(url) as
        | { state: QueuedState; source: string; kind: QueuedKind; site_modified: string | null; last_modified: string | null; fetched_at: number | null; next_revisit_at: number | null }
        | undefined;
      return r
        ? { state: r.state, source: r.source, kind: r.kind, siteModified: r.site_modified, lastModified: r.last_modified, fetchedAt: r.fetched_at, nextRevisitAt: r.next_revisit_at }
        : null;
    });
  }

  async setSiteModified(items: readonly { url: string; modified: string }[]): Promise<void> {
    if (items.length === 0) return;
    this.tx(() => {
      for (const it of items) this.s.setSignal.run(it);
    });
  }

  async lineage(url: string, max: number): Promise<string[]> {
    const out: string[] = [];
    const seen = new Set([url]);
    for (let at = url; out.length < max; ) {
      const from = this.s.from.get(at) as string | null | undefined;
      if (!from || seen.has(from)) break;
      out.push(from);
      seen.add(from);
      at = from;
    }
    return out;
  }

  async addExclusions(rules: readonly ExclusionRule[], reason: string | null): Promise<number> {
    const createdAt = new Date().toISOString();
    return this.tx(() => rules.reduce((n, r) => n + this.s.addExclusion.run(r.kind, r.value, reason ?? '', createdAt).changes, 0));
  }

  async removeExclusion(rule: ExclusionRule): Promise<boolean> {
    return this.tx(() => this.s.removeExclusion.run(rule.kind, rule.value).changes > 0);
  }

  async listExclusions(): Promise<ExclusionRow[]> {
    const rows = this.s.listExclusions.all() as { kind: ExclusionKind; value: string; reason: string | null; created_at: string }[];
    return rows.map((r) => ({ kind: r.kind, value: r.value, reason: r.reason === '' || r.reason === null ? null : r.reason, createdAt: r.created_at }));
  }

  async isExcluded(url: string): Promise<boolean> {
    return this.excludedNow(url);
  }

  /** The marker lasts `ttlMs` of wall-clock time (claimOnce takes no `now`). */
  async learnedParams(host: string): Promise<string[]> {
    this.params ??= paramStatements(this.db);
    return this.params.learnedFor.all(host);
  }

  /** The same tables and rule as the embedded crawl's learner (param-queries.ts recordParamPlan). */
  async observeParams(plan: ParamPlan, now: number): Promise<ParamChanges> {
    const s = (this.params ??= paramStatements(this.db));
    return this.tx(() => recordParamPlan(s, plan, now));
  }

  async close(): Promise<void> {
    this.finishing?.write();
    if (this.db.open) this.db.close();
  }
}
