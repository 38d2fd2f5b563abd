import type { SourceConfig } from '../config/index.js';
import type { ClaimedItem, FrontierStore } from '../storage/interfaces.js';

/** Spent hosts whose counters each refresh re-reads: a bounded read per claim, the oldest marks first. */
const HOSTS_PER_REFRESH = 32;

function* take<T>(items: Iterable<T>, n: number): Generator<T> {
  if (n <= 0) return;
  let i = 0;
  for (const item of items) {
    yield item;
    if (++i >= n) return;
  }
}

interface Budget {
  key: string;
  limit: number;
  /** What the run summary and the give-back say was spent. */
  name: string;
  /** Marks the budget spent in this worker (its claims skip what it covers) and in the summary's limitsHit. */
  spent(): void;
  /** Takes the mark back (a page given back unfetched left room in it). */
  unspent(): void;
}

/** A page counted against its budgets: `refund` when it goes back to the queue without its request going out. */
export type BudgetTicket = { spent: string } | { spent: null; refund(): Promise<void> };

/**
 * The page budgets of a shared crawl, as the embedded crawl keeps them (crawler.ts): the run's maxPages, each
 * source's maxPages and each host's maxPagesPerHost (of the page's source), all counting pages started. The
 * counts live in the frontier store, keyed by run, so every worker spends one budget; what this worker knows to be
 * spent goes into its claims (exhaustedSources, exhaustedHosts), so those URLs stay queued for the next run. The
 * run's and sources' counters are read before each claim (a handful of keys); a host's is learned when a page of
 * it is started — a worker that did not know yet gives that one page back, uncounted.
 */
export class RunBudgets {
  readonly exhausted = new Set<string>();
  readonly exhaustedHosts = new Set<string>();
  /** The budget of each host marked spent, for refresh's re-read. */
  private readonly hostLimits = new Map<string, number>();

  constructor(
    private readonly frontier: FrontierStore,
    private readonly runId: string,
    private readonly maxPages: number | undefined,
    private readonly limitsHit: Record<string, number>,
    private readonly sources: readonly SourceConfig[],
  ) {}

  private get runKey(): string {
    return `run:${this.runId}:started`;
  }

  private sourceKey(source: string): string {
    return `run:${this.runId}:started:${source}`;
  }

  private hostKey(host: string): string {
    return `run:${this.runId}:started-host:${host}`;
  }

  private runSpent = (): void => {
    for (const s of this.sources) this.exhausted.add(s.name);
    this.limitsHit.maxPages ??= this.maxPages ?? 0;
  };

  private runUnspent = (): void => {
    this.exhausted.clear();
    delete this.limitsHit.maxPages;
  };

  private sourceSpent(source: SourceConfig): void {
    this.exhausted.add(source.name);
    this.limitsHit[`maxPages:${source.name}`] = source.maxPages;
  }

  /**
   * Reads what every worker has spent of the run's and the sources' budgets, and of up to HOSTS_PER_REFRESH hosts
   * this worker holds spent, oldest mark first (a refund, by any worker, makes one open again). True when a budget
   * this worker held spent is open again: its URLs are claimable now, so the crawl is not over. `everyHost` re-reads
   * every spent host at once, for judging the crawl's end.
   */
  async refresh(everyHost = false): Promise<boolean> {
    let reopened = false;
    const hosts = [...take(this.exhaustedHosts, everyHost ? Infinity : HOSTS_PER_REFRESH)];
    // One read of every counter (before each claim): not one round trip per budget.
    const keys = [this.runKey, ...this.sources.map((s) => this.sourceKey(s.name)), ...hosts.map((h) => this.hostKey(h))];
    const [run, ...rest] = await this.frontier.counters(keys);
    const runSpent = this.maxPages !== undefined && run! >= this.maxPages;
    if (runSpent) this.runSpent();
    this.sources.forEach((s, i) => {
      if (runSpent || rest[i]! >= s.maxPages) this.sourceSpent(s);
      else if (this.exhausted.delete(s.name)) reopened = true;
    });
    hosts.forEach((host, i) => {
      const limit = this.hostLimits.get(host);
      // Unmarked while the counters were read (a page of ours given back below the budget): already open. Put back
      // regardless, it stayed spent in this worker with no budget to re-read against, never to open again.
      if (limit === undefined || !this.exhaustedHosts.delete(host)) return;
      if (rest[this.sources.length + i]! < limit) {
        this.hostLimits.delete(host);
        delete this.limitsHit[`maxPagesPerHost:${host}`];
        reopened = true;
      } else this.exhaustedHosts.add(host); // still spent: to the back of the line
    });
    return reopened;
  }

  /**
   * Counts one page started against every budget it falls under. A budget already spent: nothing stays counted and
   * its name comes back (the page goes back to the queue). Else a ticket whose refund uncounts the page.
   */
  async start(item: ClaimedItem, source: SourceConfig): Promise<BudgetTicket> {
    const budgets: Budget[] = [];
    if (this.maxPages !== undefined) budgets.push({ key: this.runKey, limit: this.maxPages, name: 'maxPages', spent: this.runSpent, unspent: this.runUnspent });
    budgets.push({
      key: this.sourceKey(source.name),
      limit: source.maxPages,
      name: `maxPages:${source.name}`,
      spent: () => this.sourceSpent(source),
      unspent: () => {
        this.exhausted.delete(source.name);
        delete this.limitsHit[`maxPages:${source.name}`];
      },
    });
    const perHost = source.maxPagesPerHost;
    if (perHost !== undefined) {
      const name = `maxPagesPerHost:${item.host}`;
      budgets.push({
        key: this.hostKey(item.host),
        limit: perHost,
        name,
        spent: () => {
          this.exhaustedHosts.add(item.host);
          this.hostLimits.set(item.host, perHost);
          this.limitsHit[name] = perHost;
        },
        unspent: () => {
          this.exhaustedHosts.delete(item.host);
          this.hostLimits.delete(item.host);
          delete this.limitsHit[name];
        },
      });
    }
    const counted: Budget[] = [];
    /**
     * Takes this page's count back. A budget left below its limit is open again in this worker at once; other
     * workers holding the mark see the room at their next refresh (which re-reads the hosts they hold spent).
     */
    const uncount = async (): Promise<number[]> => {
      const left = await Promise.all(counted.map((b) => this.frontier.incrementCounter(b.key, -1)));
      // Only marks this worker holds (limitsHit names them): the run's unspent clears every source's mark, which a
      // page refused by its host's budget, with the run's far from spent, must not do.
      counted.forEach((b, i) => {
        if (left[i]! < b.limit && this.limitsHit[b.name] !== undefined) b.unspent();
      });
      return left;
    };
    for (const b of budgets) {
      const n = await this.frontier.incrementCounter(b.key);
      counted.push(b);
      if (n > b.limit) {
        // Over it: given back. Marked spent only if it still is once this page's count is out: a page given back
        // meanwhile (ours or another worker's) may have left room, and a mark then would outlive the count.
        const left = await uncount();
        if (left.at(-1)! >= b.limit) b.spent();
        return { spent: b.name };
      }
      // This page takes the last of it: the next claim already skips what it covers.
      if (n === b.limit) b.spent();
    }
    return {
      spent: null,
      refund: async () => {
        await uncount();
      },
    };
  }
}
