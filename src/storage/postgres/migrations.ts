/**
 * The PostgreSQL index's schema, as numbered migrations recorded in `schema_migrations`. Several workers usually
 * start at once against one database, so the whole check-and-apply runs under a session advisory lock: the first
 * one in applies what is missing, the others wait and then find nothing to do (CREATE … IF NOT EXISTS alone would
 * still race on the catalog). Each migration commits in its own transaction with its row, so a worker killed
 * mid-upgrade leaves the schema at a whole version.
 */
import type pg from 'pg';
import { PostgresIndexError } from './errors.js';

export interface PgMigration {
  version: number;
  name: string;
  sql: string;
}

/** Key of the session advisory lock (one-key space) held while migrating. */
const MIGRATION_LOCK = '7362251300113';

/**
 * Times are text (ISO-8601 from toISOString, as in the SQLite store): they round-trip exactly and sort in time
 * order. Keys and times use the "C" collation, so they order byte-wise as in SQLite whatever the database's
 * locale. `published_ms` orders lists by publish time with unparseable dates last. One latest row per URL is
 * enforced by a unique partial index, a backstop to the per-URL advisory lock that snapshots.ts takes.
 */
const V1_INDEX = `
CREATE TABLE snapshots (
  id text COLLATE "C" PRIMARY KEY,
  url text COLLATE "C" NOT NULL,
  final_url text COLLATE "C" NOT NULL,
  canonical_url text COLLATE "C",
  host text NOT NULL,
  hostname text NOT NULL,
  final_hostname text NOT NULL,
  fetched_at text COLLATE "C" NOT NULL,
  title text,
  published_at text,
  published_ms bigint,
  category text,
  source text,
  dir text COLLATE "C" NOT NULL UNIQUE,
  previous_id text,
  content_hash text NOT NULL,
  sha256 text NOT NULL,
  http_status integer NOT NULL,
  bytes bigint NOT NULL,
  is_latest boolean NOT NULL DEFAULT true
);
CREATE UNIQUE INDEX snapshots_one_latest ON snapshots (url) WHERE is_latest;
CREATE INDEX snapshots_by_url ON snapshots (url, fetched_at);
CREATE INDEX snapshots_by_final_url ON snapshots (final_url);
CREATE INDEX snapshots_by_canonical_url ON snapshots (canonical_url);
CREATE INDEX snapshots_by_time ON snapshots (fetched_at DESC, id DESC);
CREATE INDEX snapshots_by_host ON snapshots (host, fetched_at DESC);
CREATE INDEX snapshots_by_hostname ON snapshots (hostname);
CREATE INDEX snapshots_by_final_hostname ON snapshots (final_hostname);
CREATE INDEX snapshots_by_category ON snapshots (category, fetched_at DESC);
CREATE INDEX snapshots_latest_by_published ON snapshots (published_ms DESC NULLS LAST, fetched_at DESC, id DESC) WHERE is_latest;
CREATE INDEX snapshots_latest_by_category ON snapshots (category, published_ms DESC NULLS LAST, fetched_at DESC, id DESC) WHERE is_latest;

CREATE TABLE runs (
  seq bigint GENERATED ALWAYS AS IDENTITY,
  id text COLLATE "C" PRIMARY KEY,
  started_at text COLLATE "C" NOT NULL,
  finished_at text,
  status text NOT NULL CHECK (status IN ('running', 'completed', 'interrupted', 'failed')),
  summary jsonb
);
CREATE INDEX runs_by_start ON runs (started_at DESC, seq DESC);

CREATE TABLE exclusions (
  kind text NOT NULL CHECK (kind IN ('url', 'prefix', 'host', 'id')),
  value text COLLATE "C" NOT NULL,
  reason text,
  requester text,
  created_at text COLLATE "C" NOT NULL,
  PRIMARY KEY (kind, value)
);

-- terms: CJK bigrams and words with positions (title weight A, body D); see search.ts for why not pg_trgm.
CREATE TABLE search_docs (
  id text PRIMARY KEY,
  title text NOT NULL,
  body text NOT NULL,
  terms tsvector NOT NULL
);
CREATE INDEX search_docs_terms ON search_docs USING gin (terms);
`;

export const MIGRATIONS: readonly PgMigration[] = [{ version: 1, name: 'index', sql: V1_INDEX }];

/** Brings the database up to the newest migration; returns the versions this call applied. */
export async function migratePostgres(pool: pg.Pool, migrations: readonly PgMigration[] = MIGRATIONS): Promise<number[]> {
  const sorted = [...migrations].sort((a, b) => a.version - b.version);
  sorted.forEach((m, i) => {
    if (m.version !== i + 1) throw new PostgresIndexError(`migration ${m.name} has version ${m.version}, expected ${i + 1}`);
  });
  const client = await pool.connect();
  // A connection whose unlock failed may still hold the lock: it is closed, not returned to the pool.
  let broken = false;
  try {
    await client.query('SELECT pg_advisory_lock($1::bigint)', [MIGRATION_LOCK]);
    try {
      await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
        version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
      const done = new Set((await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version));
      const newest = Math.max(0, ...done);
      if (newest > sorted.length) {
        throw new PostgresIndexError(`the index schema is version ${newest}, newer than this snapcrawl knows (${sorted.length}): upgrade snapcrawl`);
      }
      const applied: number[] = [];
      for (const m of sorted) {
        if (done.has(m.version)) continue;
        await client.query('BEGIN');
        try {
          await client.query(m.sql);
          await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
          await client.query('COMMIT');
        } catch (err) {
          await client.query('ROLLBACK').catch(() => undefined);
          throw new PostgresIndexError(`migration ${m.version} (${m.name}) failed: ${(err as Error).message}`, { cause: err });
        }
        applied.push(m.version);
      }
      return applied;
    } finally {
      await client.query('SELECT pg_advisory_unlock($1::bigint)', [MIGRATION_LOCK]).catch(() => {
        broken = true;
      });
    }
  } finally {
    client.release(broken);
  }
}
