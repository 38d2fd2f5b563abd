import type { SourceConfig } from '../config/index.js';

/** Slack between a claim's booked slot and the request start: half the source's delay, at most 25 ms; none without a delay. */
export function startSlackFor(source: SourceConfig): number | null {
  return source.politeness.delayMs === 0 ? null : Math.min(25, Math.floor(source.politeness.delayMs / 2));
}

/**
 * A host's policy for the shared claim: the source's delay (or a longer robots Crawl-delay learnt by this worker)
 * plus twice the start slack (see PageStageDeps.startSlackMs), and the source's per-host concurrency.
 */
export function hostPolicy(source: SourceConfig | undefined, crawlDelayMs: number | undefined): { delayMs: number; concurrency: number } {
  if (!source) return { delayMs: 1000, concurrency: 1 };
  const delay = Math.max(source.politeness.delayMs, crawlDelayMs ?? 0);
  return { delayMs: delay === 0 ? 0 : delay + 2 * (startSlackFor(source) ?? 0), concurrency: source.politeness.perHostConcurrency };
}
