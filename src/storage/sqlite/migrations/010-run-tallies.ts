import type { Migration } from '../migrate.js';
import type { StoreDatabase } from '../../database.js';

/**
 * Version 10, for SqliteFrontierStore (`crawl --worker` on the embedded store): `lease_tallies`, what each page adds
 * to its shared run's report (FrontierStore RunTally), written in the transaction of the page's finish. A field
 * holds a counter (an integer as text) or a record kept once; keys name their run, dropped once the report is out.
 */
function up(db: StoreDatabase): void {
  db.exec(`CREATE TABLE IF NOT EXISTS lease_tallies (key TEXT NOT NULL, field TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (key, field)) WITHOUT ROWID`);
}

export const runTallies: Migration = { version: 10, name: 'run-tallies', up };
