/** The takedown rules' SQL (table exclusions: 001-baseline.ts). */
import type { StoreDatabase, StoreStatement } from '../database.js';
import { hasTable } from './schema-queries.js';

export type ExclusionKindValue = 'url' | 'prefix' | 'host' | 'id';

export interface ExclusionRow {
  kind: ExclusionKindValue;
  value: string;
  reason: string;
  requester: string | null;
  created_at: string;
}

/** Whether the rules table exists (always on a writable store; a read-only older one may lack it). */
export function hasExclusionsTable(db: StoreDatabase): boolean {
  return hasTable(db, 'exclusions');
}

/** SQLite's data_version of this connection: changes when another connection commits. */
export function dataVersionStatement(db: StoreDatabase): StoreStatement<[], number> {
  return db.prepare<[], number>('PRAGMA data_version').pluck();
}

export function exclusionRuleRows(db: StoreDatabase): Pick<ExclusionRow, 'kind' | 'value'>[] {
  return db.prepare<[], Pick<ExclusionRow, 'kind' | 'value'>>('SELECT kind, value FROM exclusions').all();
}

/** Inserts rules not present yet; returns how many were new. */
export function insertExclusionRows(
  db: StoreDatabase,
  rules: readonly { kind: ExclusionKindValue; value: string }[],
  meta: { reason: string; requester: string | null; createdAt: string },
): number {
  const insert = db.prepare('INSERT OR IGNORE INTO exclusions (kind, value, reason, requester, created_at) VALUES (?, ?, ?, ?, ?)');
  let added = 0;
  for (const rule of rules) added += insert.run(rule.kind, rule.value, meta.reason, meta.requester, meta.createdAt).changes;
  return added;
}

/** Deletes one rule; true if it existed. */
export function deleteExclusionRow(db: StoreDatabase, rule: { kind: ExclusionKindValue; value: string }): boolean {
  return db.prepare('DELETE FROM exclusions WHERE kind = ? AND value = ?').run(rule.kind, rule.value).changes > 0;
}

export function allExclusionRows(db: StoreDatabase): ExclusionRow[] {
  return db.prepare<[], ExclusionRow>('SELECT kind, value, reason, requester, created_at FROM exclusions ORDER BY created_at, kind, value').all();
}
