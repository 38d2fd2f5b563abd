/**
 * `snapcrawl export --wacz OUT.wacz`: the store's snapshots (optionally one source's, or those fetched
 * since a date) as a WACZ 1.1.1 file that ReplayWeb.page and other WACZ tools open.
 */
import { CRAWLER_INFO, SnapshotStore, type SnapshotRecord } from '../../snapshot/index.js';
import { writeWacz, type WaczRobots, type WaczSnapshot } from '../../snapshot/wacz.js';
import type { StoreDatabase } from '../../storage/index.js';
import { robotsRowsByUrl } from '../../storage/sqlite/robots-queries.js';
import { ConfigError } from '../../util/errors.js';
import { EXIT } from '../exitCodes.js';
import { requireStore } from '../storeDir.js';
import { resolveStoreDir } from '../resolve.js';

export interface ExportCommandOptions {
  wacz: string;
  source?: string;
  since?: string;
  store?: string;
  config?: string;
  json?: boolean;
}


function parseSince(since: string | undefined): number | null {
  if (since === undefined) return null;
  const ms = Date.parse(since);
  if (Number.isNaN(ms)) throw new ConfigError(`--since: "${since}" is not a date (e.g. 2024-05-01 or 2024-05-01T08:00:00Z)`, '--since');
  return ms;
}

/** robots.txt rows of the store's robots cache for the given robots URLs (none when the table is absent). */
export function cachedRobots(db: StoreDatabase, robotsUrls: Iterable<string>): WaczRobots[] {
  const rows = robotsRowsByUrl(db, [...new Set(robotsUrls)]);
  return rows.map((r) => ({ robotsUrl: r.robots_url, fetchedAt: r.fetched_at, status: r.status, outcome: r.outcome, reason: r.reason, body: r.body }));
}

/** Collects the snapshots to export, oldest first, and writes the WACZ. */
export async function exportWacz(storeDir: string, out: string, filter: { source?: string; sinceMs?: number | null } = {}) {
  requireStore(storeDir);
  const store = SnapshotStore.open(storeDir, { readonly: true });
  try {
    const rows = store.list({ source: filter.source, limit: 1_000_000_000 }).reverse();
    const snapshots: WaczSnapshot[] = [];
    const robotsUrls: string[] = [];
    for (const row of rows) {
      if (filter.sinceMs != null && Date.parse(row.fetchedAt) < filter.sinceMs) continue;
      const files = store.files(row.id);
      const record: SnapshotRecord | null = store.get(row.id);
      if (!files || !record) continue;
      snapshots.push({ id: row.id, url: record.finalUrl, fetchedAt: record.fetchedAt, title: record.title, warcPath: files.warc });
      if (record.robots?.robotsUrl) robotsUrls.push(record.robots.robotsUrl);
    }
    const robots = cachedRobots(store.db, robotsUrls);
    return await writeWacz(snapshots, out, {
      software: `${CRAWLER_INFO.name}/${CRAWLER_INFO.version}`,
      title: filter.source ? `snapcrawl: ${filter.source}` : 'snapcrawl export',
      robots,
    });
  } finally {
    store.close();
  }
}

export async function exportCommand(o: ExportCommandOptions): Promise<number> {
  const report = await exportWacz(resolveStoreDir(o), o.wacz, { source: o.source, sinceMs: parseSince(o.since) });
  if (o.json || process.stdout.isTTY !== true) process.stdout.write(`${JSON.stringify(report)}\n`);
  else {
    process.stdout.write(
      `wrote ${report.path}: ${report.snapshots} snapshots, ${report.cdxLines} index lines, ${report.robots} robots.txt, ${report.bytes} bytes\n`,
    );
  }
  return EXIT.OK;
}
