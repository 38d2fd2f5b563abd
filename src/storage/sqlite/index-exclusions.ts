/**
 * ExclusionStore over the store's `exclusions` table. Rules and the URLs checked are normalized by the caller
 * (frontier/normalize.ts normalizeUrl, the frontier's and snapshot index's key), as storage sits below the
 * frontier: a `url` rule matches that exact key, a `prefix` rule any key starting with it, a `host` rule the
 * hostname and every subdomain of it; `id` rules name snapshots and never match a URL.
 */
import type { StoreDatabase } from '../database.js';
import type { ExclusionKind, ExclusionRow, ExclusionRule, ExclusionStore } from '../interfaces.js';
import { hostnameSuffixes } from '../index-rows.js';

export class SqliteExclusionStore implements ExclusionStore {
  constructor(private readonly db: StoreDatabase) {}

  /** Adds the rules not present yet; returns how many were new. The table's reason is NOT NULL: none is ''. */
  async add(rules: readonly ExclusionRule[], reason: string | null): Promise<number> {
    const insert = this.db.prepare('INSERT OR IGNORE INTO exclusions (kind, value, reason, requester, created_at) VALUES (?, ?, ?, NULL, ?)');
    const createdAt = new Date().toISOString();
    return this.db.transaction(() => rules.reduce((n, r) => n + insert.run(r.kind, r.value, reason ?? '', createdAt).changes, 0)).immediate();
  }

  async remove(rule: ExclusionRule): Promise<boolean> {
    return this.db.prepare('DELETE FROM exclusions WHERE kind = ? AND value = ?').run(rule.kind, rule.value).changes > 0;
  }

  async list(): Promise<ExclusionRow[]> {
    const rows = this.db.prepare('SELECT kind, value, reason, created_at FROM exclusions ORDER BY created_at, kind, value').all() as {
      kind: ExclusionKind;
      value: string;
      reason: string;
      created_at: string;
    }[];
    return rows.map((r) => ({ kind: r.kind, value: r.value, reason: r.reason === '' ? null : r.reason, createdAt: r.created_at }));
  }

  async isExcluded(url: string): Promise<boolean> {
    const hosts = hostnameSuffixes(url);
    if (hosts === null) return false;
    const hit = this.db
      .prepare(`SELECT 1 FROM exclusions WHERE (kind = 'url' AND value = @url)
        OR (kind = 'host' AND value IN (SELECT value FROM json_each(@hosts)))
        OR (kind = 'prefix' AND substr(@url, 1, length(value)) = value) LIMIT 1`)
      .get({ url, hosts: JSON.stringify(hosts) });
    return hit !== undefined;
  }
}
