import { migrate, type Migration } from '../migrate.js';
import type { StoreDatabase } from '../../database.js';
import { baseline } from './001-baseline.js';
import { frontierColumns } from './002-frontier-columns.js';
import { queueSummary } from './003-queue-summary.js';
import { canonicalIdentity } from './004-canonical-identity.js';
import { leaseFrontier } from './005-lease-frontier.js';
import { frontierAliasIndex } from './006-frontier-alias-index.js';
import { embeddedLeases } from './007-embedded-leases.js';
import { leaseSets } from './008-lease-sets-and-signals.js';
import { claimKeepsSummary } from './009-claim-keeps-summary.js';
import { runTallies } from './010-run-tallies.js';

export { EMPTY_DUE_AT, SEARCH_INDEX_VERSION, searchTablesSql } from './001-baseline.js';

/**
 * The store database's schema, step by step (PRAGMA user_version is the last step applied). A change to the schema
 * is a new file NNN-<name>.ts appended here, never an edit of a step that has shipped. Every step is idempotent on
 * the stores it can meet: stores made before numbered migrations (version 0) hold parts of it already, and two
 * processes opening one store at once may both run a step.
 */
export const STORE_MIGRATIONS: Migration[] = [baseline, frontierColumns, queueSummary, canonicalIdentity, leaseFrontier, frontierAliasIndex, embeddedLeases, leaseSets, claimKeepsSummary, runTallies];

/** The version a store has once every step ran. */
export const STORE_SCHEMA_VERSION = STORE_MIGRATIONS.length;

/** Brings the store up to date (a writable handle) or checks it is not newer than this snapcrawl (read-only). */
export function migrateStore(db: StoreDatabase): number[] {
  return migrate(db, STORE_MIGRATIONS);
}
