/**
 * SnapshotIndexStore over the store's `snapshots` table. Every change runs in an IMMEDIATE transaction: it takes
 * SQLite's write lock before reading the URL's latest row, so the "same content as the latest" check and the
 * insert cannot interleave with another process's insert of the same article.
 */
import { runTransaction, type StoreDatabase } from '../database.js';
import type { IndexedSnapshot, IndexQuery, SnapshotIndexStore, SnapshotSelector } from '../interfaces.js';
import { hostnameOf, pageOf, publishedMsOf, toIndexedSnapshot, type IndexRow as Row } from '../index-rows.js';
import { snapshotListWhere, StatementCache } from './statement-cache.js';

/** Every version of each URL a selector matches (a takedown never leaves an older copy behind). */
const SELECT_CONDITIONS: Record<'url' | 'prefix' | 'hostname' | 'id', string> = {
  url: 'url = @value OR final_url = @value OR canonical_url = @value',
  prefix: 'substr(url, 1, length(@value)) = @value OR substr(final_url, 1, length(@value)) = @value',
  // exact host or any subdomain of it, on both the asked and the final URL
  hostname: `hostname = @value OR substr(hostname, -length(@value) - 1) = '.' || @value
    OR final_hostname = @value OR substr(final_hostname, -length(@value) - 1) = '.' || @value`,
  id: 'id = @value',
};

export class SqliteSnapshotIndexStore implements SnapshotIndexStore {
  private readonly statements: StatementCache;

  constructor(private readonly db: StoreDatabase) {
    this.statements = new StatementCache(db);
  }

  async insert(row: Omit<IndexedSnapshot, 'isLatest' | 'previousId'>): Promise<{ inserted: boolean; previousId: string | null }> {
    return runTransaction(this.db, () => {
      const latest = this.statements.get('SELECT id, content_hash FROM snapshots WHERE url = ? AND is_latest = 1 ORDER BY fetched_at DESC, id DESC LIMIT 1')
        .get(row.url) as { id: string; content_hash: string } | undefined;
      const previousId = latest?.id ?? null;
      if (latest && latest.content_hash === row.contentHash) return { inserted: false, previousId };
      if (this.statements.get('SELECT 1 FROM snapshots WHERE id = ? OR dir = ?').get(row.id, row.dir)) return { inserted: false, previousId };
      this.statements.get('UPDATE snapshots SET is_latest = 0 WHERE url = ? AND +is_latest = 1').run(row.url);
      this.statements.get(`INSERT INTO snapshots (id, url, final_url, canonical_url, host, hostname, final_hostname, fetched_at, title,
        published_at, published_ms, category, source, dir, previous_id, content_hash, sha256, http_status, bytes, is_latest)
        VALUES (@id, @url, @finalUrl, @canonicalUrl, @host, @hostname, @finalHostname, @fetchedAt, @title, @publishedAt,
        @publishedMs, @category, @source, @dir, @previousId, @contentHash, @sha256, @httpStatus, @bytes, 1)`).run({
        ...row,
        finalHostname: hostnameOf(row.finalUrl),
        publishedMs: publishedMsOf(row.publishedAt),
        previousId,
      });
      // The superseded version leaves search (search shows latest versions only).
      if (previousId !== null) this.purgeSearch([previousId]);
      return { inserted: true, previousId };
    }, 'immediate');
  }

  async get(id: string): Promise<IndexedSnapshot | null> {
    const row = this.statements.get('SELECT * FROM snapshots WHERE id = ?').get(id) as Row | undefined;
    return row ? toIndexedSnapshot(row) : null;
  }

  async latestFor(url: string): Promise<IndexedSnapshot | null> {
    const row = this.statements.get('SELECT * FROM snapshots WHERE url = ? ORDER BY is_latest DESC, fetched_at DESC, id DESC LIMIT 1').get(url) as Row | undefined;
    return row ? toIndexedSnapshot(row) : null;
  }

  async versions(url: string): Promise<IndexedSnapshot[]> {
    return (this.statements.get('SELECT * FROM snapshots WHERE url = ? ORDER BY fetched_at ASC, id ASC').all(url) as Row[]).map(toIndexedSnapshot);
  }

  async list(query: IndexQuery): Promise<IndexedSnapshot[]> {
    const { where, params } = snapshotListWhere(query);
    const order = query.orderBy === 'publishedAt' ? 'published_ms DESC NULLS LAST, fetched_at DESC, id DESC' : 'fetched_at DESC, id DESC';
    const rows = this.statements.get(`SELECT * FROM snapshots ${where} ORDER BY ${order} LIMIT @limit OFFSET @offset`).all({ ...params, ...pageOf(query) }) as Row[];
    return rows.map(toIndexedSnapshot);
  }

  async count(query: Omit<IndexQuery, 'limit' | 'offset' | 'orderBy'>): Promise<number> {
    const { where, params } = snapshotListWhere(query);
    return (this.statements.get(`SELECT count(*) AS n FROM snapshots ${where}`).get(params) as { n: number }).n;
  }

  async select(selector: SnapshotSelector): Promise<IndexedSnapshot[]> {
    const [kind, value] = Object.entries(selector)[0] as [keyof typeof SELECT_CONDITIONS, string];
    const sql = `SELECT * FROM snapshots WHERE url IN (SELECT url FROM snapshots WHERE ${SELECT_CONDITIONS[kind]}) ORDER BY url, fetched_at, id`;
    return (this.statements.get(sql).all({ value }) as Row[]).map(toIndexedSnapshot);
  }

  async remove(ids: readonly string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    return runTransaction(this.db, () => {
      const list = JSON.stringify(ids);
      const removed = this.statements.get('SELECT id, url FROM snapshots WHERE id IN (SELECT value FROM json_each(?))').all(list) as { id: string; url: string }[];
      if (removed.length === 0) return [];
      this.statements.get('DELETE FROM snapshots WHERE id IN (SELECT value FROM json_each(?))').run(list);
      const urls = JSON.stringify([...new Set(removed.map((r) => r.url))]);
      this.statements.get(`UPDATE snapshots SET is_latest = (id = (SELECT s2.id FROM snapshots s2 WHERE s2.url = snapshots.url
        ORDER BY s2.fetched_at DESC, s2.id DESC LIMIT 1)) WHERE url IN (SELECT value FROM json_each(?))`).run(urls);
      // Inside the same transaction: a takedown must not leave the text behind in the search tables.
      this.purgeSearch(removed.map((r) => r.id));
      return removed.map((r) => r.id);
    }, 'immediate');
  }

  async close(): Promise<void> {
    // The connection belongs to the IndexStores that opened it.
  }

  private purgeSearch(ids: readonly string[]): void {
    const list = JSON.stringify(ids);
    this.statements.get('DELETE FROM site_search_fts WHERE rowid IN (SELECT docid FROM site_search_docs WHERE id IN (SELECT value FROM json_each(?)))').run(list);
    this.statements.get('DELETE FROM site_search_docs WHERE id IN (SELECT value FROM json_each(?))').run(list);
  }
}
