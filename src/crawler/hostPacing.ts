import type { SourceConfig } from '../config/index.js';
import type { Frontier } from '../frontier/index.js';

/**
 * The spacing of request starts to each host: the source's delay, or the robots.txt Crawl-delay learned once the
 * URL was claimed (the claim only knew the source delay), whichever is longer. Every request of a page (its fetch,
 * a render, its requisites) waits here before it starts.
 */
export class HostPacing {
  private readonly crawlDelayMs = new Map<string, number>();
  private readonly lastStart = new Map<string, number>();
  /** When a request to the host actually started (lastStart is the slot reserved, which a stalled event loop can overrun). */
  private readonly startedAt = new Map<string, number>();

  constructor(private readonly frontier: Frontier) {}

  /** Minimum spacing between request starts to a host: the source's delay or robots Crawl-delay, whichever is longer. */
  delayFor(host: string, source: SourceConfig | undefined): number {
    return Math.max(source?.politeness.delayMs ?? 1000, this.crawlDelayMs.get(host) ?? 0);
  }

  /**
   * A request to the host went out on its socket now (HttpFetcher's onRequestSent): the next start is spaced from
   * here, not from when its wait ended, so a busy event loop between the two (another page extracted or written on
   * this thread) never brings two requests closer together than the delay at the server.
   */
  requestSent(host: string): void {
    this.startedAt.set(host, Math.max(this.startedAt.get(host) ?? -Infinity, Date.now()));
  }

  /** The host's robots.txt asks for this Crawl-delay. */
  learnCrawlDelay(host: string, crawlDelaySec: number): void {
    this.crawlDelayMs.set(host, crawlDelaySec * 1000);
  }

  /** Enforces Crawl-delay learned after the URL was claimed (the claim only knew the source delay). */
  async waitForHost(host: string, source: SourceConfig): Promise<void> {
    const gap = this.delayFor(host, source);
    const last = this.lastStart.get(host);
    const now = Date.now();
    const wait = last === undefined ? 0 : last + gap - now;
    this.lastStart.set(host, Math.max(now, now + wait));
    if (wait > 0) {
      // Pacing, not an outcome: the host's next-allowed time moves now, so no claim hands out a slot this page takes.
      this.frontier.deferHost(host, now + wait + gap);
      await new Promise((r) => setTimeout(r, wait));
    }
    // Two reserved slots whose timers fired together (the event loop was held by a synchronous store write)
    // must still start a gap apart: measure against the last actual start, not the reservation.
    for (let since = Date.now() - (this.startedAt.get(host) ?? -Infinity); since < gap; since = Date.now() - (this.startedAt.get(host) ?? -Infinity)) {
      await new Promise((r) => setTimeout(r, gap - since));
    }
    this.startedAt.set(host, Date.now());
  }
}
