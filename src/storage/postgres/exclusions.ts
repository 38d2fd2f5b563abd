/**
 * ExclusionStore on PostgreSQL: the durable takedown list of a shared store. Rules and the URLs checked are
 * normalized by the caller (frontier/normalize.ts normalizeUrl), as in the SQLite store: a `url` rule matches that
 * exact key, a `prefix` rule any key starting with it, a `host` rule the hostname and every subdomain; `id` rules
 * name snapshots and never match a URL.
 */
import type pg from 'pg';
import type { ExclusionKind, ExclusionRow, ExclusionRule, ExclusionStore } from '../interfaces.js';
import { hostnameSuffixes } from '../index-rows.js';

export class PgExclusionStore implements ExclusionStore {
  constructor(private readonly pool: pg.Pool) {}

  /** Adds the rules not present yet (one statement); returns how many were new. */
  async add(rules: readonly ExclusionRule[], reason: string | null): Promise<number> {
    if (rules.length === 0) return 0;
    const result = await this.pool.query(
      `INSERT INTO exclusions (kind, value, reason, created_at)
       SELECT kind, value, $3, $4 FROM unnest($1::text[], $2::text[]) AS r(kind, value)
       ON CONFLICT (kind, value) DO NOTHING`,
      [rules.map((r) => r.kind), rules.map((r) => r.value), reason, new Date().toISOString()],
    );
    return result.rowCount ?? 0;
  }

  async remove(rule: ExclusionRule): Promise<boolean> {
    const result = await this.pool.query('DELETE FROM exclusions WHERE kind = $1 AND value = $2', [rule.kind, rule.value]);
    return (result.rowCount ?? 0) > 0;
  }

  async list(): Promise<ExclusionRow[]> {
    const { rows } = await this.pool.query<{ kind: ExclusionKind; value: string; reason: string | null; created_at: string }>(
      'SELECT kind, value, reason, created_at FROM exclusions ORDER BY created_at, kind, value',
    );
    return rows.map((r) => ({ kind: r.kind, value: r.value, reason: r.reason, createdAt: r.created_at }));
  }

  async isExcluded(url: string): Promise<boolean> {
    const hosts = hostnameSuffixes(url);
    if (hosts === null) return false;
    const { rows } = await this.pool.query<{ hit: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM exclusions WHERE (kind = 'url' AND value = $1)
         OR (kind = 'host' AND value = ANY($2::text[]))
         OR (kind = 'prefix' AND starts_with($1, value))) AS hit`,
      [url, hosts],
    );
    return rows[0].hit;
  }
}
