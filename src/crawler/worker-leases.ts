import type { FrontierStore, WorkerId } from '../storage/interfaces.js';
import type { Logger } from '../util/logger.js';

/**
 * The URLs a crawl worker (worker.ts) holds under lease while it works on them. A URL leaves before its outcome is
 * applied: a renewal racing the finish would report the lease lost.
 */
export class HeldLeases {
  private readonly urls = new Set<string>();

  constructor(private readonly worker: WorkerId) {}

  add(url: string): void {
    this.urls.add(url);
  }

  delete(url: string): void {
    this.urls.delete(url);
  }

  /** Every lease this worker holds is extended; one renew call for all of them. */
  async renewAll(frontier: FrontierStore, leaseMs: number, log: Logger): Promise<void> {
    if (this.urls.size === 0) return;
    try {
      const urls = [...this.urls];
      const kept = new Set(await frontier.renew(this.worker, urls, Date.now() + leaseMs));
      const lost = urls.filter((u) => !kept.has(u) && this.urls.has(u));
      if (lost.length > 0) log.warn({ lost: lost.length }, 'leases lost to expiry; those pages will not be recorded by this worker');
    } catch (err) {
      log.warn({ err: String(err) }, 'lease renewal failed; retrying at the next tick');
    }
  }
}
