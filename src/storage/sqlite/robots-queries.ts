/** The robots.txt cache's SQL (table robots_cache: 001-baseline.ts), one row per origin. */
import type { StoreDatabase } from '../database.js';
import { hasTable } from './schema-queries.js';

export interface RobotsCacheRow {
  origin: string;
  robots_url: string;
  fetched_at: number;
  expires_at: number;
  status: number | null;
  outcome: 'rules' | 'allow-all' | 'disallow-all';
  reason: string;
  body: string | null;
}

/** Read and write one origin's cached robots.txt (statements prepared once per cache). */
export function robotsCacheStatements(db: StoreDatabase) {
  return {
    get: db.prepare<[string], RobotsCacheRow>('SELECT * FROM robots_cache WHERE origin = ?'),
    put: db.prepare<[{ origin: string; robotsUrl: string; fetchedAt: number; expiresAt: number; status: number | null; outcome: RobotsCacheRow['outcome']; reason: string; body: string | null }]>(
      `INSERT OR REPLACE INTO robots_cache (origin, robots_url, fetched_at, expires_at, status, outcome, reason, body)
        VALUES (@origin, @robotsUrl, @fetchedAt, @expiresAt, @status, @outcome, @reason, @body)`,
    ),
  };
}

/** Cached rows for the given robots.txt URLs, by URL; none when the store has no cache (a read-only older store). */
export function robotsRowsByUrl(db: StoreDatabase, robotsUrls: readonly string[]): Omit<RobotsCacheRow, 'origin' | 'expires_at'>[] {
  if (!hasTable(db, 'robots_cache') || robotsUrls.length === 0) return [];
  return db
    .prepare<[string], Omit<RobotsCacheRow, 'origin' | 'expires_at'>>(
      'SELECT robots_url, fetched_at, status, outcome, reason, body FROM robots_cache WHERE robots_url IN (SELECT value FROM json_each(?)) ORDER BY robots_url',
    )
    .all(JSON.stringify(robotsUrls));
}
