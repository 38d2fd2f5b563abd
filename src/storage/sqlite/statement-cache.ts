import type { StoreDatabase, StoreStatement } from '../database.js';

/**
 * Statements whose SQL is built per call from a handful of shapes (one per filter combination): each shape is
 * prepared once per connection and reused, so building SQL per call costs no re-parse.
 */
export class StatementCache {
  private readonly statements = new Map<string, StoreStatement>();

  constructor(private readonly db: StoreDatabase) {}

  get(sql: string): StoreStatement {
    let stmt = this.statements.get(sql);
    if (!stmt) {
      stmt = this.db.prepare(sql);
      this.statements.set(sql, stmt);
    }
    return stmt;
  }
}

/** `WHERE` of a snapshot listing (latest only, host, category, source), with named parameters. */
export function snapshotListWhere(query: {
  latestOnly?: boolean;
  host?: string;
  category?: string;
  source?: string;
}): { where: string; params: Record<string, string> } {
  const clauses: string[] = [];
  const params: Record<string, string> = {};
  if (query.latestOnly) clauses.push('is_latest = 1');
  for (const key of ['host', 'category', 'source'] as const) {
    const value = query[key];
    if (value === undefined) continue;
    clauses.push(`${key} = @${key}`);
    params[key] = value;
  }
  return { where: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}
