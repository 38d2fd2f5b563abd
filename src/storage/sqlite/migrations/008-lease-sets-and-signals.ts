import type { Migration } from '../migrate.js';
import type { StoreDatabase } from '../../database.js';

/**
 * Version 8, for SqliteFrontierStore (`crawl --worker` on the embedded store):
 * - `lease_sets`, its shared sets (FrontierStore.readSets / addToSets): what the trap guard of a crawl's workers
 *   remembers per run (query variants per path, chained URLs per template). Keys name their run.
 * - `lease_queue.site_modified`: the site's newest change signal per URL (sitemap lastmod, feed updated).
 */
function up(db: StoreDatabase): void {
  db.exec(`CREATE TABLE IF NOT EXISTS lease_sets (key TEXT NOT NULL, member TEXT NOT NULL, PRIMARY KEY (key, member)) WITHOUT ROWID`);
  const have = new Set((db.prepare(`PRAGMA table_info(lease_queue)`).all() as { name: string }[]).map((c) => c.name));
  if (!have.has('site_modified')) db.exec(`ALTER TABLE lease_queue ADD COLUMN site_modified TEXT`);
}

export const leaseSets: Migration = { version: 8, name: 'lease-sets-and-signals', up };
