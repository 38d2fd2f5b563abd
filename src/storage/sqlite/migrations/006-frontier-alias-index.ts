import type { Migration } from '../migrate.js';
import type { StoreDatabase } from '../../database.js';

/**
 * Version 6: an index on `frontier.alias_of`, holding only the rows that are aliases. Finishing a page fetched
 * through a variant of an article (Frontier.finishAsAlias) and a learned parameter turning URLs into aliases
 * (paramLearning.ts) re-point the aliases of the URL that became one (`WHERE alias_of = ?`); without it each of
 * those was a scan of the whole frontier, a per-page cost that grew with the store (issue 14). Partial, so the
 * URLs that are no alias (nearly all of them) cost nothing to write.
 */
function up(db: StoreDatabase): void {
  db.exec(`CREATE INDEX IF NOT EXISTS frontier_alias_of ON frontier (alias_of) WHERE alias_of IS NOT NULL`);
}

export const frontierAliasIndex: Migration = { version: 6, name: 'frontier-alias-index', up };
