/**
 * ExclusionStore on PostgreSQL: the durable takedown list of a shared store. Rules and the URLs checked are
 * normalized by the caller (frontier/normalize.ts normalizeUrl), as in the SQLite store: a `url` rule matches that
 * exact key, a `prefix` rule any key starting with it, a `host` rule the hostname and every subdomain; `id` rules
 * name snapshots and never match a URL.
 */
import type pg from 'pg';
import type { ExclusionKind, ExclusionRow, ExclusionRule, ExclusionStore } from '../interfaces.js';
import { hostnameSuffixes } from '../index-rows.js';

/** A takedown list longer than this is not copied; each URL is asked for (the index serves it). */
const CACHE_MAX_RULES = 20_000;

interface RuleCopy {
  loadedAt: number;
  urls: Set<string>;
  hosts: Set<string>;
  prefixes: string[];
}

export class PgExclusionStore implements ExclusionStore {
  private copy: RuleCopy | null = null;
  private loading: Promise<RuleCopy | null> | null = null;
  /** Until when the list is known to be too long to copy. */
  private tooLongUntil = 0;
  /** Bumped by add/remove here: a load begun before a change must not be kept as current. */
  private generation = 0;

  /**
   * `cacheMs` > 0: isExcluded answers from this process's copy of the rules, at most that old (add/remove here
   * refresh it at once). For crawl workers, which ask before every fetch and again before every commit: one query
   * per ask was a good part of PostgreSQL's work per article. A takedown still stops them within seconds (the
   * frontier's copy is asked fresh, and the snapshot commit checks this table itself). 0 (the default): every ask
   * reads the table, as `takedown`, `serve` and the tests expect of another process's change.
   */
  constructor(private readonly pool: pg.Pool, private readonly cacheMs = 0) {}

  /** Adds the rules not present yet (one statement); returns how many were new. */
  async add(rules: readonly ExclusionRule[], reason: string | null): Promise<number> {
    if (rules.length === 0) return 0;
    const result = await this.pool.query(
      `INSERT INTO exclusions (kind, value, reason, created_at)
       SELECT kind, value, $3, $4 FROM unnest($1::text[], $2::text[]) AS r(kind, value)
       ON CONFLICT (kind, value) DO NOTHING`,
      [rules.map((r) => r.kind), rules.map((r) => r.value), reason, new Date().toISOString()],
    );
    this.forget();
    return result.rowCount ?? 0;
  }

  async remove(rule: ExclusionRule): Promise<boolean> {
    const result = await this.pool.query('DELETE FROM exclusions WHERE kind = $1 AND value = $2', [rule.kind, rule.value]);
    this.forget();
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
    const copy = this.cacheMs > 0 ? await this.rules() : null;
    if (copy) return copy.urls.has(url) || hosts.some((h) => copy.hosts.has(h)) || copy.prefixes.some((p) => url.startsWith(p));
    const { rows } = await this.pool.query<{ hit: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM exclusions WHERE (kind = 'url' AND value = $1)
         OR (kind = 'host' AND value = ANY($2::text[]))
         OR (kind = 'prefix' AND starts_with($1, value))) AS hit`,
      [url, hosts],
    );
    return rows[0].hit;
  }

  private forget(): void {
    this.copy = null;
    this.loading = null; // a load begun before the change answers only those already waiting on it
    this.generation++;
  }

  /** The rules as of at most cacheMs ago (one load shared by concurrent askers), or null when too many to copy. */
  private async rules(): Promise<RuleCopy | null> {
    const now = Date.now();
    if (now < this.tooLongUntil) return null;
    if (this.copy && now - this.copy.loadedAt < this.cacheMs) return this.copy;
    if (!this.loading) {
      const loading: Promise<RuleCopy | null> = this.load().finally(() => {
        if (this.loading === loading) this.loading = null;
      });
      this.loading = loading;
    }
    return this.loading;
  }

  private async load(): Promise<RuleCopy | null> {
    const generation = this.generation;
    const loadedAt = Date.now();
    const { rows } = await this.pool.query<{ kind: ExclusionKind; value: string }>(
      `SELECT kind, value FROM exclusions WHERE kind <> 'id' LIMIT ${CACHE_MAX_RULES + 1}`,
    );
    if (rows.length > CACHE_MAX_RULES) {
      this.tooLongUntil = loadedAt + 60_000;
      return null;
    }
    const copy: RuleCopy = { loadedAt, urls: new Set(), hosts: new Set(), prefixes: [] };
    for (const r of rows) {
      if (r.kind === 'url') copy.urls.add(r.value);
      else if (r.kind === 'host') copy.hosts.add(r.value);
      else if (r.kind === 'prefix') copy.prefixes.push(r.value);
    }
    if (generation === this.generation) this.copy = copy;
    return copy;
  }
}
