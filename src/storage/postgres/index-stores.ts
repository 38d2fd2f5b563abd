/**
 * The index side of a shared store on PostgreSQL (`index: postgres://…/DBNAME` in the config): snapshot index,
 * runs, exclusions and search, for every worker and every `serve`/`list`/`status`/`takedown`/`verify` process
 * of a crawl. One connection pool per process; the schema is brought up to date on connect (migrations.ts).
 */
import pg from 'pg';
import type { IndexStores } from '../interfaces.js';
import { PostgresIndexError } from './errors.js';
import { PgExclusionStore } from './exclusions.js';
import { migratePostgres } from './migrations.js';
import { PgRunRegistryStore } from './runs.js';
import { PgSearchIndexStore } from './search.js';
import { PgSnapshotIndexStore } from './snapshots.js';

export { createPostgresDatabase, dropPostgresDatabase, postgresDatabaseUrl } from './databases.js';
export { PostgresIndexError } from './errors.js';

export interface PostgresIndexOptions {
  /** Pool size (default 5: a worker's few concurrent snapshot commits plus a reader). */
  maxConnections?: number;
  /** How stale the takedown rules a worker checks may be, ms (default 0: read each time); see PgExclusionStore. */
  exclusionCacheMs?: number;
}

export async function connectPostgresIndex(url: string, options: PostgresIndexOptions = {}): Promise<IndexStores> {
  const pool = new pg.Pool({ connectionString: url, max: options.maxConnections ?? 5 });
  // An idle connection dropped by the server emits 'error' on the pool; unhandled, that would end the process.
  // The pool discards that connection and the next query opens a fresh one (or fails, and says why).
  pool.on('error', () => undefined);
  try {
    await migratePostgres(pool);
  } catch (err) {
    await pool.end().catch(() => undefined);
    if (err instanceof PostgresIndexError) throw err;
    throw new PostgresIndexError(`cannot open the PostgreSQL index at ${safeTarget(url)}: ${(err as Error).message}`, { cause: err });
  }
  let closed = false;
  return {
    snapshots: new PgSnapshotIndexStore(pool),
    runs: new PgRunRegistryStore(pool),
    search: new PgSearchIndexStore(pool),
    exclusions: new PgExclusionStore(pool, options.exclusionCacheMs ?? 0),
    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}

/** host/database of a URL, for messages: never the password. */
function safeTarget(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.host}${parsed.pathname}`;
  } catch {
    return 'an unparseable URL';
  }
}
