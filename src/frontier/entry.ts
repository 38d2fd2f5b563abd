/** The frontier's public shapes and the row as it leaves SQLite. */

export type UrlKind = 'seed' | 'feed' | 'sitemap' | 'page';
export type UrlState = 'queued' | 'in_flight' | 'done' | 'failed' | 'skipped';

export interface FrontierEntry {
  id: number;
  /** The de-duplication key (normalizeUrl). */
  url: string;
  /**
   * What to fetch and check against robots.txt: the URL as first discovered (escapes and query order as
   * the page linked them); the key itself for rows stored before request_url existed.
   */
  requestUrl: string;
  host: string;
  source: string;
  depth: number;
  kind: UrlKind;
  state: UrlState;
  priority: number;
  attempts: number;
  nextFetchAt: number;
  discoveredFrom: string | null;
  /** The run that last claimed or handled it. */
  runId: string | null;
}

export interface AddUrl {
  url: string;
  source: string;
  depth: number;
  kind?: UrlKind;
  priority?: number;
  discoveredFrom?: string;
}

/** What earlier runs learned about a URL. */
export interface UrlHistory {
  etag: string | null;
  lastModified: string | null;
  revisitCount: number;
  snapshotId: string | null;
  fetchedBefore: boolean;
}

export interface FinishResult {
  state: 'done' | 'failed' | 'skipped';
  outcome: string;
  status?: number;
  error?: string;
  snapshotId?: string;
  etag?: string;
  lastModified?: string;
  nextRevisitAt?: number | null;
  /** This fetch was a revisit of a known article. */
  revisited?: boolean;
}

export interface ClaimOptions {
  now: number;
  /** How many URLs to hand out at most. */
  limit: number;
  /** Hosts that may not get more work now (at their concurrency cap). */
  busyHosts?: ReadonlySet<string>;
  /** Sources whose page budget is spent. */
  exhaustedSources?: ReadonlySet<string>;
  /** Hosts whose page budget is spent (maxPagesPerHost). */
  exhaustedHosts?: ReadonlySet<string>;
  /** Minimum spacing between request starts for a host, in ms. */
  delayFor: (host: string, source: string) => number;
}

/** A frontier row as it leaves SQLite (the columns the crawler reads). */
export interface FrontierRow {
  id: number;
  url: string;
  request_url: string | null;
  host: string;
  source: string;
  depth: number;
  kind: UrlKind;
  state: UrlState;
  priority: number;
  attempts: number;
  next_fetch_at: number;
  discovered_from: string | null;
  run_id: string | null;
  next_revisit_at: number | null;
}

/** The columns a finished fetch sets, shared by finish() and by a canonical row adopting its variant's fetch. */
export function fetchColumns(result: FinishResult, now: number) {
  return {
    status: result.status ?? null,
    fetchedAt: now,
    snapshotId: result.snapshotId ?? null,
    etag: result.etag ?? null,
    lastModified: result.lastModified ?? null,
    nextRevisitAt: result.nextRevisitAt ?? null,
  };
}

export const toEntry = (r: FrontierRow): FrontierEntry => ({
  id: r.id,
  url: r.url,
  requestUrl: r.request_url ?? r.url,
  host: r.host,
  source: r.source,
  depth: r.depth,
  kind: r.kind,
  state: r.state,
  priority: r.priority,
  attempts: r.attempts,
  nextFetchAt: r.next_fetch_at,
  discoveredFrom: r.discovered_from,
  runId: r.run_id,
});

