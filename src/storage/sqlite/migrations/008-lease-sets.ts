import type { Migration } from '../migrate.js';
import type { StoreDatabase } from '../../database.js';

/**
 * Version 8: `lease_sets`, the shared sets of SqliteFrontierStore (FrontierStore.readSets / addToSets): what the trap
 * guard of a crawl's workers remembers per run (query variants per path, chained URLs per template). Keys name their
 * run, so a later run starts afresh.
 */
function up(db: StoreDatabase): void {
  db.exec(`CREATE TABLE IF NOT EXISTS lease_sets (key TEXT NOT NULL, member TEXT NOT NULL, PRIMARY KEY (key, member)) WITHOUT ROWID`);
}

export const leaseSets: Migration = { version: 8, name: 'lease-sets', up };
