import type { Migration } from '../migrate.js';
import type { StoreDatabase } from '../../database.js';

/**
 * Version 2: the frontier columns added after the table first shipped, on stores whose frontier predates them
 * (baseline's CREATE TABLE IF NOT EXISTS leaves an existing table as it is). NULL on those rows:
 * - `request_url`: the URL as first discovered; NULL means the key itself is fetched, as before.
 * - `site_modified`: the site's last change signal for the URL; NULL means none seen yet.
 * - `alias_of`: the URL this one is an alias of; NULL means none.
 * Each ALTER is guarded by a column check, so a store that has them (every fresh one) is left alone.
 */
const COLUMNS = ['request_url', 'site_modified', 'alias_of'] as const;

function up(db: StoreDatabase): void {
  const have = new Set((db.prepare(`PRAGMA table_info(frontier)`).all() as { name: string }[]).map((c) => c.name));
  for (const column of COLUMNS) if (!have.has(column)) db.exec(`ALTER TABLE frontier ADD COLUMN ${column} TEXT`);
}

export const frontierColumns: Migration = { version: 2, name: 'frontier-columns', up };
