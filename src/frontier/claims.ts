import type { StoreDatabase } from '../storage/index.js';
import { claimStatements, EMPTY } from '../storage/sqlite/frontier-queries.js';
import type { FrontierRow, UrlKind, UrlState } from './entry.js';
import { Parking } from './parking.js';

/** One ready group as the summary's index hands it out (a raw row): host, source, ready at. */
type Candidate = [host: string, source: string, readyAt: number];

/**
 * A ready group of the host and its best due URL, as bestOfGroups' raw row: the group's source, then CLAIMED_COLUMNS
 * in order (all NULL when the group has no URL due).
 */
type GroupBest = [
  groupSource: string, id: number | null, url: string, request_url: string | null, host: string, source: string, depth: number,
  kind: UrlKind, state: UrlState, priority: number, attempts: number, next_fetch_at: number, discovered_from: string | null,
  run_id: string | null, next_revisit_at: number | null,
];

/** The claimed row of a group that has one (its id is not null). */
function rowOf(g: GroupBest): FrontierRow {
  return {
    id: g[1]!, url: g[2], request_url: g[3], host: g[4], source: g[5], depth: g[6], kind: g[7], state: g[8], priority: g[9],
    attempts: g[10], next_fetch_at: g[11], discovered_from: g[12], run_id: g[13], next_revisit_at: g[14],
  };
}

/** What a claim needs to know beyond the store: what it may not hand out now. */
export interface ClaimFilter {
  now: number;
  busyHosts?: ReadonlySet<string>;
  exhaustedSources?: ReadonlySet<string>;
  exhaustedHosts?: ReadonlySet<string>;
}

const NONE: ReadonlySet<string> = new Set();
/** Candidates read beyond the URLs wanted (busy hosts, stale groups); a claim rarely needs a second round. */
const PAGE_SLACK = 4;

/**
 * The claim side of the frontier, served by the queue summary (queueSummary.ts): which URL to hand out next,
 * when the next one is due, how many are left. Every per-URL step is an index look-up; hosts and sources whose
 * budget is spent are parked in the summary (parking.ts), so a claim reads only groups it may hand out.
 */
export class FrontierClaims {
  private readonly s: ReturnType<typeof claimStatements>;
  private readonly parking: Parking;

  constructor(db: StoreDatabase) {
    this.parking = new Parking(db);
    this.s = claimStatements(db);
  }

  /** Sources with URLs queued. */
  queuedSources(): string[] {
    return (this.s.queuedSources.all() as { source: string }[]).map((r) => r.source);
  }

  /**
   * Up to `limit` ready groups of distinct, non-busy hosts, earliest ready first across the sources, each with the
   * best URL of its host (over the host's ready groups). Groups whose due time was a stale lower bound are corrected
   * on the way. Call inside the claim's transaction.
   */
  pick(filter: ClaimFilter, limit: number): FrontierRow[] {
    const exhausted = filter.exhaustedSources ?? NONE;
    const spentHosts = filter.exhaustedHosts ?? NONE;
    const busy = filter.busyHosts ?? NONE;
    this.parking.sync(spentHosts, exhausted);
    const out: FrontierRow[] = [];
    const seen = new Set<string>();
    let last: Candidate | undefined;
    while (out.length < limit) {
      const n = limit - out.length + busy.size + PAGE_SLACK;
      const read = this.firstPage;
      this.firstPage = undefined;
      const page = (last
        ? this.after(last, filter.now, n)
        : read && read.now === filter.now && read.n === n
          ? read.page
          : this.s.first.all(filter.now, n)) as Candidate[];
      for (const [host, source] of page) {
        if (out.length >= limit) break;
        if (seen.has(host) || busy.has(host)) continue;
        seen.add(host);
        if (spentHosts.has(host) || exhausted.has(source)) {
          this.parking.repark(host, source, spentHosts, exhausted);
          continue;
        }
        const row = this.bestOfHost(host, filter.now, exhausted);
        if (row) out.push(row);
      }
      if (page.length < n) break;
      last = page[page.length - 1];
    }
    return out;
  }

  /**
   * Whether pick() could hand anything out, read without a write transaction: false when no group is ready or every
   * ready one is on a busy host (pick would read the same page and skip them all, writing nothing). The crawler
   * asks for work far more often than there is any (a one-host site is busy most of the time), and a claim that
   * opens an IMMEDIATE transaction and commits it costs several times this read.
   */
  mayPick(filter: ClaimFilter, limit: number): boolean {
    const busy = filter.busyHosts ?? NONE;
    this.parking.sync(filter.exhaustedHosts ?? NONE, filter.exhaustedSources ?? NONE);
    const n = limit + busy.size + PAGE_SLACK;
    const page = this.s.first.all(filter.now, n) as Candidate[];
    const may = page.length === n || page.some((c) => !busy.has(c[0]));
    // pick() starts from this page rather than reading it again: every candidate is re-read in its transaction
    // (bestOfGroups), so a group that changed in between only gives no URL this time.
    this.firstPage = may ? { now: filter.now, n, page } : undefined;
    return may;
  }

  private firstPage?: { now: number; n: number; page: Candidate[] };

  /** Up to `n` ready groups after `last` in the index's order (ready time, host, source). */
  private after(last: Candidate, now: number, n: number): Candidate[] {
    const [host, source, at] = last;
    const tied = this.s.nextTied.all(at, host, source, n) as Candidate[];
    if (tied.length === n) return tied;
    return tied.concat(this.s.nextLater.all(at, now, n - tied.length) as Candidate[]);
  }

  /** The host's best claimable URL over its ready groups of sources not exhausted (almost always one group). */
  private bestOfHost(host: string, now: number, exhausted: ReadonlySet<string>): FrontierRow | undefined {
    let best: GroupBest | undefined;
    for (const g of this.s.bestOfGroups.all(now, host, now) as GroupBest[]) {
      if (exhausted.has(g[0])) continue;
      if (g[1] === null) {
        this.correct(host, g[0]);
        continue;
      }
      // Ranked as frontier_pick orders a group: priority, then depth, then the order added.
      if (!best || g[9] > best[9] || (g[9] === best[9] && (g[6] < best[6] || (g[6] === best[6] && g[1] < best[1]!)))) best = g;
    }
    return best && rowOf(best);
  }

  /**
   * The group said it was ready but has no URL due: its due time was a lower bound (the URL that set it was
   * claimed). Set the exact one, and the count with it, so the group is not read again before its time.
   */
  private correct(host: string, source: string): void {
    const exact = this.s.exact.get({ host, source }) as { n: number; at: number | null };
    const group = this.s.group.get({ host, source }) as { queued: number; parked: number } | undefined;
    if (!group) return;
    this.s.setGroup.run({ host, source, n: exact.n, at: exact.at ?? EMPTY });
    // The counters can only disagree with the rows through a bug; if they ever do, they heal here instead of a run
    // waiting forever on URLs that are not there.
    const delta = exact.n - group.queued;
    if (delta !== 0) this.s.fixSource.run({ source, delta, parkedDelta: group.parked & 1 ? delta : 0 });
  }

  /**
   * Earliest time some queued URL of a source not exhausted, on a host not exhausted, becomes claimable; null: none.
   * Never later than the truth: a group's due time can be a lower bound until a claim reads and corrects it, so the
   * worst case is a wake-up that finds nothing (and corrects it).
   */
  nextReadyAt(exhaustedSources: ReadonlySet<string>, exhaustedHosts: ReadonlySet<string>): number | null {
    this.parking.sync(exhaustedHosts, exhaustedSources);
    const row = this.s.firstReady.get() as { ready_at: number } | undefined;
    return row && row.ready_at < EMPTY ? row.ready_at : null;
  }

  /** Queued URLs of sources not exhausted on hosts not exhausted; with `dueBy`, only those due by then. */
  queuedCount(exhaustedSources: ReadonlySet<string>, exhaustedHosts: ReadonlySet<string>, dueBy: number): number {
    this.parking.sync(exhaustedHosts, exhaustedSources);
    let n = 0;
    for (const r of this.s.counts.all() as { source: string; n: number }[]) if (!exhaustedSources.has(r.source)) n += r.n;
    if (dueBy < Number.MAX_SAFE_INTEGER) {
      // The few URLs held back past dueBy (Retry-After, backoff) come off; they are in a small partial index.
      for (const r of this.s.waiting.all(dueBy) as { host: string; source: string }[]) {
        if (!exhaustedSources.has(r.source) && !exhaustedHosts.has(r.host)) n--;
      }
    }
    return n;
  }

  /** After a failed claim transaction the parked flags on disk are unknown again. */
  forgetParked(): void {
    this.parking.forget();
  }
}
