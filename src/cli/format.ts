import type { RunSummary } from '../crawler/index.js';

/** The human-readable end-of-run summary for one-off crawls. */
export function formatSummary(s: RunSummary, storeDir: string): string {
  const failed = Object.entries(s.failed)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  const limits = Object.entries(s.limitsHit)
    .map(([k, v]) => `${k}=${v}`)
    .join(', ');
  return [
    `crawl ${s.status}${s.resumed ? ' (resumed)' : ''} in ${((s.durationMs ?? 0) / 1000).toFixed(1)} s — run ${s.runId}`,
    `  fetched        ${s.fetched}`,
    `  snapshots      ${s.snapshots.new} new, ${s.snapshots.changed} changed, ${s.snapshots.unchanged} unchanged`,
    `  index pages    ${s.discoveryOnly}`,
    `  skipped        ${s.skipped.robots} by robots.txt, ${s.skipped.excluded} excluded by takedown, ${s.skipped.outOfScope} links out of scope`,
    `  failed         ${failed || 'none'}`,
    limits ? `  limits hit     ${limits}` : '',
    s.queuedLeft ? `  still queued   ${s.queuedLeft} (the next run continues)` : '',
    `  store          ${storeDir}`,
  ]
    .filter(Boolean)
    .join('\n');
}
