import type { SourceConfig } from '../config/index.js';
import type { FrontierEntry } from '../frontier/index.js';
import type { RunSummary } from './summary.js';

/**
 * The embedded run's claim books, kept by crawler.ts's loop: pages in flight per host against each host's
 * concurrency, and pages started per source and per host against maxPages / maxPagesPerHost. A spent source or host
 * goes into `exhausted` / `exhaustedHosts`, which the frontier's claims and counts then skip.
 */
export class ClaimBooks {
  readonly exhausted: Set<string>;
  readonly exhaustedHosts = new Set<string>();
  private readonly hostInFlight = new Map<string, number>();
  private readonly hostLimit = new Map<string, number>();
  private readonly startedPerSource = new Map<string, number>();
  private readonly startedPerHost = new Map<string, number>();

  /** `exhausted`: sources spent before the first claim (another run's sources on a shared store). */
  constructor(private readonly sources: Map<string, SourceConfig>, exhausted: Iterable<string>) {
    this.exhausted = new Set<string>(exhausted);
  }

  /** Hosts at their concurrency limit: the next claim skips them. */
  busyHosts(): Set<string> {
    return new Set([...this.hostInFlight].filter(([h, n]) => n >= (this.hostLimit.get(h) ?? 1)).map(([h]) => h));
  }

  /** A claimed page starts: counted against its source's and host's budgets, and its host's concurrency. */
  start(entry: FrontierEntry, summary: RunSummary): void {
    const n = (this.startedPerSource.get(entry.source) ?? 0) + 1;
    this.startedPerSource.set(entry.source, n);
    const src = this.sources.get(entry.source);
    if (src && n >= src.maxPages && !this.exhausted.has(entry.source)) {
      this.exhausted.add(entry.source);
      summary.limitsHit[`maxPages:${entry.source}`] = src.maxPages;
    }
    const perHost = (this.startedPerHost.get(entry.host) ?? 0) + 1;
    this.startedPerHost.set(entry.host, perHost);
    if (src?.maxPagesPerHost !== undefined && perHost >= src.maxPagesPerHost && !this.exhaustedHosts.has(entry.host)) {
      this.exhaustedHosts.add(entry.host);
      summary.limitsHit[`maxPagesPerHost:${entry.host}`] = src.maxPagesPerHost;
    }
    this.hostLimit.set(entry.host, src?.politeness.perHostConcurrency ?? 1);
    this.hostInFlight.set(entry.host, (this.hostInFlight.get(entry.host) ?? 0) + 1);
  }

  /** A page is done: its host's slot is free. */
  finish(entry: FrontierEntry): void {
    // Idle hosts leave the map: the busy set is rebuilt per claim, so it must cost the hosts in flight, not every host seen.
    const left = (this.hostInFlight.get(entry.host) ?? 1) - 1;
    if (left > 0) this.hostInFlight.set(entry.host, left);
    else {
      this.hostInFlight.delete(entry.host);
      this.hostLimit.delete(entry.host); // set again on the host's next claim
    }
  }
}
