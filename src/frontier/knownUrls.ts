/**
 * A bounded in-memory set of normalized URLs the frontier table is known to hold with their request_url
 * filled: re-adding one is a no-op in SQL (INSERT … ON CONFLICT DO NOTHING, then a fill that changes
 * nothing), and most links of every page are such re-finds (navigation, related articles), so checking
 * here first spares two statements per link. Frontier rows are never deleted, so an entry never goes
 * stale; a URL that fell out of the set is simply asked of SQL again.
 *
 * Two generations: when the young one is full the old one is dropped, so memory stays bounded
 * (2 × `limit` strings) and recently seen URLs survive the turnover.
 */
export class KnownUrls {
  private young = new Set<string>();
  private old = new Set<string>();

  constructor(private readonly limit = 50_000) {}

  has(url: string): boolean {
    if (this.young.has(url)) return true;
    if (!this.old.has(url)) return false;
    this.add(url); // still in use: keep it through the next turnover
    return true;
  }

  add(url: string): void {
    if (this.young.size >= this.limit) {
      this.old = this.young;
      this.young = new Set();
    }
    this.young.add(url);
  }

  /** Forgets everything (a transaction that may have added rows rolled back). */
  clear(): void {
    this.young.clear();
    this.old.clear();
  }
}
