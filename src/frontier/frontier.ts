import { isLiveHere, newWorkerId, runTransaction, withLazySync, workerLiveness, type StoreDatabase, type WorkerId } from '../storage/index.js';
import { frontierStatements, revisitScheduleRows, siteModifiedStatements } from '../storage/sqlite/frontier-queries.js';
import { normalizeUrl } from './normalize.js';
import { adoptVariantFetch } from './aliases.js';
import { ParamLearner } from './paramLearning.js';
import { noteSiteModifiedRows } from './siteModified.js';
import { FrontierClaims } from './claims.js';
import { FrontierIntake } from './intake.js';
import { historyOf, type FinishCoalescing, type HistoryRow, type LeasedRow } from './finishBuffer.js';
import { FrontierFinishes } from './finishing.js';
import { toEntry, type AddUrl, type ClaimOptions, type FinishResult, type FrontierEntry, type FrontierRow, type UrlHistory, type UrlState } from './entry.js';

export { CRAWL_FINISH_COALESCING, type FinishCoalescing } from './finishBuffer.js';
export type { AddUrl, ClaimOptions, FinishResult, FrontierEntry, FrontierRow, UrlHistory, UrlKind, UrlState } from './entry.js';

/** The default for the exhausted sets: one object, so the claim side sees it unchanged from call to call. */
const NONE: ReadonlySet<string> = new Set();
/** How long a claim's lease lasts unless renewed (Frontier option leaseMs). */
export const FRONTIER_LEASE_MS = 60_000;

export interface FrontierOptions {
  /** Who claims (`host:pid:random`); default a new id. The crawler passes its run lock's, one id for all it holds. */
  worker?: WorkerId;
  /** Lease length of a claim; the holder renews it while the page is worked on. Default 60 s. */
  leaseMs?: number;
  /** Coalesce finish() calls (finishBuffer.ts); default off: each finish() is written at once. */
  coalesceFinishes?: FinishCoalescing;
}

/** How many scheduled revisits/retries are due now, and when the next one is (for `snapcrawl status`). */
export function revisitSchedule(db: StoreDatabase, now = Date.now()): { due: number; nextAt: number | null } {
  return revisitScheduleRows(db, now);
}

/**
 * The durable crawl frontier: every URL once (normalized), its state, and per-host next-allowed times.
 * Claiming marks URLs in_flight under a lease (this frontier's worker id and an expiry) in the same transaction;
 * the holder renews its leases while it works, and `reclaimExpired()` puts back only rows whose lease ran out or
 * whose holder is known gone, so nothing is fetched twice by one run and a live holder's pages are never taken.
 */
export class Frontier {
  private readonly stmt: ReturnType<typeof frontierStatements>;
  /** Query parameters learned per host not to change the page (paramLearning.ts). */
  readonly params: ParamLearner;
  /** The queue summary's side: which URL next, when, how many left (claims.ts). */
  private readonly claims: FrontierClaims;
  /** Inserts and the known-URL memory (intake.ts). */
  private readonly intake: FrontierIntake;
  /** How finishes are written: by id, under the lease, at once or coalesced (finishing.ts). */
  private readonly finishes: FrontierFinishes;

  /** The lease holder named on every row this frontier claims. */
  readonly worker: WorkerId;
  private readonly leaseMs: number;

  constructor(private readonly db: StoreDatabase, readonly runId: string, options: FrontierOptions = {}) {
    this.worker = options.worker ?? newWorkerId();
    this.leaseMs = options.leaseMs ?? FRONTIER_LEASE_MS;
    // The schema is the store's (openStoreDatabase migrates it); the statements are prepared once, here.
    this.params = new ParamLearner(db);
    this.claims = new FrontierClaims(db);
    this.stmt = frontierStatements(db);
    this.intake = new FrontierIntake(db, this.stmt, runId);
    // Made once: db.transaction() builds four wrappers and defines five properties on each, per call.
    this.claimTx = db.transaction((opts: ClaimOptions, out: FrontierEntry[]) => this.claimRows(opts, out)).immediate;
    this.finishes = new FrontierFinishes(db, this.stmt, this.worker, options.coalesceFinishes);
  }

  private readonly claimTx: (opts: ClaimOptions, out: FrontierEntry[]) => void;

  /**
   * Writes the coalesced finishes still waiting (one transaction); a no-op without coalescing. The crawler calls it
   * when its loop ends. What changes rows already there (seed, reclaimExpired, renew, finishMany, requeueDue,
   * retryLater, markAlias, finishAsAlias, noteSiteModified) calls it first, so changes land in order; claim() writes
   * them in its own transaction. add/addMany/deferHost write only new rows and host times. Reads never write: get,
   * validators and counts show the waiting finishes over the rows on disk (the others read what finishes leave alone).
   */
  flush(): void {
    this.finishes.flush();
  }

  /** Finishes waiting to be written (coalescing). */
  get pendingFinishes(): number {
    return this.finishes.buffer?.size ?? 0;
  }

  /** Sources that have URLs waiting in the queue (a run of some sources leaves the others' alone). */
  queuedSources(): string[] {
    return this.claims.queuedSources();
  }

  /** Adds a discovered URL if new. Returns true when it was inserted. */
  add(item: AddUrl, now = Date.now()): boolean {
    return this.intake.add(item, now);
  }

  /** Adds many in one transaction; returns how many were new (intake.ts). */
  addMany(items: AddUrl[], now = Date.now()): number {
    return this.intake.addMany(items, now);
  }

  /** Whether the frontier has the URL (normalized): from memory when known, else one narrow lookup. */
  has(url: string): boolean {
    return this.intake.has(url);
  }

  /** The page a URL was first found on (null: an entry point, or not in the frontier). */
  discoveredFrom(url: string): string | null {
    const normalized = normalizeUrl(url);
    if (!normalized) return null;
    const row = this.stmt.discoveredFrom.get(normalized) as { discovered_from: string | null } | undefined;
    return row?.discovered_from ?? null;
  }

  /**
   * Queues a seed (or feed/sitemap) for this run even if an earlier run fetched it: index pages are
   * where new articles appear. A URL already handled by this run (a resumed run) is left alone.
   */
  seed(item: AddUrl, now = Date.now()): void {
    this.flush();
    const url = normalizeUrl(item.url);
    if (!url) return;
    runTransaction(this.db, () => {
      if (this.add(item, now)) return;
      this.stmt.requeueSeed.run({ url, kind: item.kind ?? 'seed', priority: item.priority ?? 0, source: item.source, runId: this.runId });
    }, 'immediate');
  }

  /**
   * Puts back in the queue the in-flight URLs whose lease expired by `now`, carries no lease (a store from before
   * leases), or whose holder is known gone (it ran on this machine and its process exited, or it was an earlier,
   * closed frontier of this process), or is among `alsoGone` (the holder of a run lock whose lease expired and was
   * taken over: it may not work on the store any more). A live holder's URLs, here or on another machine, stay its own. Returns how many.
   */
  reclaimExpired(now = Date.now(), alsoGone: readonly WorkerId[] = []): number {
    this.flush();
    const holders = (this.stmt.leaseHolders.all() as { worker: string }[]).map((r) => r.worker);
    const gone = holders.filter((w) => alsoGone.includes(w) || workerLiveness(w, (own) => own === this.worker || isLiveHere(own)) === 'gone');
    return withLazySync(this.db, () => this.stmt.reclaim.run({ now, gone: JSON.stringify(gone) }).changes);
  }

  /**
   * Extends this frontier's leases on `urls` (pages still being worked on) to `expiresAt`, in one transaction.
   * Returns the URLs still held (a URL reclaimed by someone else after its lease expired is no longer ours).
   */
  renew(urls: readonly string[], expiresAt = Date.now() + this.leaseMs): string[] {
    this.flush();
    const kept: string[] = [];
    if (urls.length === 0) return kept;
    withLazySync(this.db, () =>
      runTransaction(this.db, () => {
        for (const url of urls) {
          const id = this.finishes.idOf(url);
          if (id !== undefined && this.stmt.renewById.run({ id, worker: this.worker, expiresAt }).changes > 0) kept.push(url);
        }
      }, 'immediate'),
    );
    return kept;
  }

  /**
   * Hands out up to `limit` URLs that may be fetched now, at most one per ready host per call, marking
   * them in_flight and pushing each host's next-allowed time by its delay.
   */
  claim(opts: ClaimOptions): FrontierEntry[] {
    const out: FrontierEntry[] = [];
    try {
      if (opts.limit <= 0 || !this.claims.mayPick(opts, opts.limit)) return out;
      withLazySync(this.db, () => this.claimTx(opts, out));
      this.finishes.claimCommitted();
    } catch (err) {
      this.claims.forgetParked(); // rolled back: the parked flags on disk are no longer known
      throw err;
    }
    return out;
  }

  /** claim()'s transaction: marks the picked URLs in_flight and takes them out of the queue summary. */
  private claimRows(opts: ClaimOptions, out: FrontierEntry[]): void {
    this.finishes.writeInClaim(); // coalesced finishes go in first, in this commit
    const perSource = new Map<string, number>();
    for (const row of this.claims.pick(opts, opts.limit)) {
      this.stmt.setInFlight.run(this.runId, this.worker, opts.now + this.leaseMs, row.id);
      // The summary's share of the claim (migration 009): the group's count and the host's spacing in one update.
      this.stmt.claimGroup.run(row.source, row.source, opts.now + opts.delayFor(row.host, row.source), row.host);
      perSource.set(row.source, (perSource.get(row.source) ?? 0) + 1);
      out.push({ ...toEntry(row), state: 'in_flight', attempts: row.attempts + 1 });
      this.finishes.claimed(row.url, row.id);
    }
    for (const [source, n] of perSource) this.stmt.claimSource.run(n, source);
  }

  /** Pushes a host's next-allowed time later (e.g. robots.txt Crawl-delay learned after claiming). */
  deferHost(host: string, at: number): void {
    withLazySync(this.db, () => this.stmt.setHostNext.run({ host, at }));
  }

  /** Earliest time (ms) at which some queued URL becomes claimable; null when nothing is queued. */
  nextWakeAt(exhaustedSources: ReadonlySet<string> = NONE, exhaustedHosts: ReadonlySet<string> = NONE): number | null {
    return this.claims.nextReadyAt(exhaustedSources, exhaustedHosts);
  }

  /**
   * Queued URLs that this run may still claim (budgets spent are left for the next run); with `dueBy`,
   * only those due by then (a URL a server pushed back for hours is the next run's, not a reason to wait).
   */
  queuedCount(exhaustedSources: ReadonlySet<string> = NONE, exhaustedHosts: ReadonlySet<string> = NONE, dueBy = Number.MAX_SAFE_INTEGER): number {
    return this.claims.queuedCount(exhaustedSources, exhaustedHosts, dueBy);
  }

  /** Records the end of a URL's fetch; `nextRevisitAt` schedules an incremental refetch (null: never). */
  finish(url: string, result: FinishResult, now = Date.now()): void {
    this.finishes.finish(url, result, now);
  }

  /**
   * finish() for many URLs in one transaction: one commit (and one pair of synchronous switches) for the lot
   * instead of one per URL, which is most of a lone finish's cost (bench-frontier.ts). Same rows as finishing each.
   */
  finishMany(items: readonly { url: string; result: FinishResult }[], now = Date.now()): void {
    if (items.length === 0) return;
    this.finishes.finishMany(items, now);
  }

  /** Puts known articles whose revisit time has come, and failed URLs whose retry time has come, back in the queue. */
  requeueDue(sources: string[], now = Date.now()): number {
    this.flush();
    return this.stmt.requeueDue.run({ now, sources: JSON.stringify(sources) }).changes;
  }

  /** What a conditional refetch needs: the validators and how often the URL was revisited. */
  validators(url: string): UrlHistory | null {
    const row = this.stmt.validators.get(url) as HistoryRow | undefined;
    return row ? historyOf(row, this.finishes.buffer?.applying(url, row)?.result) : null;
  }

  /** Puts a URL back with a not-before time (Retry-After, transient failure), only while this worker holds its lease. */
  retryLater(url: string, at: number, error: string, options: { refundAttempt?: boolean } = {}): void {
    this.flush();
    withLazySync(this.db, () => this.stmt.retryLater.run({ url, at, error, refund: options.refundAttempt ? 1 : 0, worker: this.worker }));
  }

  /**
   * Marks the final URL of a redirect as handled, so it is not fetched again when discovered
   * under its own name in the same run.
   */
  markAlias(url: string, outcome: string, source: string, depth: number): void {
    this.flush();
    const normalized = normalizeUrl(url);
    if (!normalized) return;
    runTransaction(this.db, () => {
      this.add({ url, source, depth });
      this.stmt.markAlias.run({ url: normalized, outcome, runId: this.runId });
    }, 'immediate');
  }

  /**
   * Records the fetch of `variant` (a decorated URL) whose page is the article known as `target` (its canonical URL,
   * or the URL of the snapshot it matched): the variant is finished as an alias of the target, never fetched or revisited
   * again; the target's row (added when new) takes the fetch as its own unless it was fetched or is being fetched itself,
   * so it is not fetched again this run and carries the revisits. Like finish(), only while this worker holds the variant.
   */
  finishAsAlias(variant: string, target: string, result: FinishResult & { source: string; depth: number }, now = Date.now()): void {
    this.flush();
    const key = normalizeUrl(target);
    if (!key || key === variant) {
      this.finish(variant, result, now);
      return;
    }
    const adopt = () => adoptVariantFetch(this.intake, this.stmt, { runId: this.runId, worker: this.worker }, variant, key, result, now);
    withLazySync(this.db, () => runTransaction(this.db, adopt, 'immediate'));
  }

  /**
   * Records the site's own change signals (sitemap lastmod, feed updated) for URLs of `source`; returns the URLs
   * requeued (siteModified.ts says how).
   */
  noteSiteModified(items: { url: string; modified: string }[], source: string, isNewer: (previous: string, next: string) => boolean): string[] {
    this.flush();
    this.siteStmt ??= siteModifiedStatements(this.db);
    return noteSiteModifiedRows(this.db, this.siteStmt, this.runId, items, source, isNewer);
  }

  private siteStmt?: ReturnType<typeof siteModifiedStatements>;

  get(url: string): FrontierEntry | null {
    const normalized = normalizeUrl(url);
    const row = normalized ? (this.stmt.get.get(normalized) as (FrontierRow & LeasedRow) | undefined) : undefined;
    if (!row) return null;
    const waiting = this.finishes.buffer?.applying(row.url, row);
    return waiting ? { ...toEntry(row), state: waiting.result.state } : toEntry(row);
  }

  counts(): Record<UrlState, number> {
    const out: Record<UrlState, number> = { queued: 0, in_flight: 0, done: 0, failed: 0, skipped: 0 };
    for (const r of this.stmt.countState.all() as { state: UrlState; n: number }[]) out[r.state] = r.n;
    this.finishes.buffer?.overlayCounts(out, (url) => this.stmt.get.get(url) as LeasedRow | undefined);
    return out;
  }
}
