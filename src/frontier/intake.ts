import { runTransaction, withLazySync, type StoreDatabase } from '../storage/index.js';
import type { frontierStatements } from '../storage/sqlite/frontier-queries.js';
import type { AddUrl } from './entry.js';
import { KnownUrls } from './knownUrls.js';
import { hostKey, normalizeUrl, requestUrl } from './normalize.js';

/**
 * The frontier's intake (Frontier delegates to it): discovered URLs inserted once, normalised, with the URL as
 * linked kept for the request; the URLs known to have a complete row are remembered, so a page's links already
 * in the frontier (most of them) cost no SQL.
 */
export class FrontierIntake {
  /** URLs whose row exists with request_url filled: add() of one is a no-op, so SQL is not asked (knownUrls.ts). */
  private readonly known = new KnownUrls();

  /** `stmt`: the Frontier's prepared statements (prepared once, there). */
  constructor(
    private readonly db: StoreDatabase,
    private readonly stmt: ReturnType<typeof frontierStatements>,
    private readonly runId: string,
  ) {}

  /** Adds a discovered URL if new. Returns true when it was inserted. */
  add(item: AddUrl, now = Date.now()): boolean {
    const url = normalizeUrl(item.url);
    if (!url) return false;
    if (this.known.has(url)) return false;
    const inserted = this.insert(url, item, now);
    // Inside a caller's transaction the row may yet be rolled back: only a committed row is remembered.
    if (!this.db.inTransaction) this.known.add(url);
    return inserted;
  }

  private insert(url: string, item: AddUrl, now: number): boolean {
    const request = requestUrl(item.url) ?? url;
    const info = this.stmt.insert.run({
      url,
      requestUrl: request,
      host: hostKey(url),
      source: item.source,
      depth: item.depth,
      kind: item.kind ?? 'page',
      priority: item.priority ?? 0,
      discoveredFrom: item.discoveredFrom ?? null,
      now,
      runId: this.runId,
    });
    if (info.changes === 0) this.stmt.fillRequestUrl.run({ url, requestUrl: request });
    return info.changes > 0;
  }

  /**
   * Adds many in one transaction (one fsync instead of one per link). Returns how many were new. Links
   * already known (most of a page's links) are dropped before SQL; the rest are remembered once committed.
   */
  addMany(items: AddUrl[], now = Date.now()): number {
    let added = 0;
    const fresh: { url: string; item: AddUrl }[] = [];
    const batch = new Set<string>();
    for (const item of items) {
      const url = normalizeUrl(item.url);
      if (!url || this.known.has(url)) continue;
      if (batch.has(url)) continue; // the first of duplicates wins, as ON CONFLICT DO NOTHING would have it
      batch.add(url);
      fresh.push({ url, item });
    }
    if (fresh.length === 0) return 0;
    withLazySync(this.db, () =>
      runTransaction(this.db, () => {
        for (const { url, item } of fresh) if (this.insert(url, item, now)) added++;
      }, 'immediate'),
    );
    if (!this.db.inTransaction) for (const url of batch) this.known.add(url);
    return added;
  }

  /** Whether the frontier has the URL (normalized): from memory when known, else one narrow lookup. */
  has(url: string): boolean {
    const normalized = normalizeUrl(url);
    if (!normalized) return false;
    if (this.known.has(normalized)) return true;
    const row = this.stmt.exists.get(normalized) as { filled: number } | undefined;
    if (row?.filled === 1 && !this.db.inTransaction) this.known.add(normalized);
    return row !== undefined;
  }
}
