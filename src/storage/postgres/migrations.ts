/**
 * The PostgreSQL index's schema, as numbered migrations recorded in `schema_migrations`. Several workers usually
 * start at once against one database, so the whole check-and-apply runs under a session advisory lock: the first
 * one in applies what is missing, the others wait and then find nothing to do (CREATE … IF NOT EXISTS alone would
 * still race on the catalog). Each migration commits in its own transaction with its row, so a worker killed
 * mid-upgrade leaves the schema at a whole version.
 */
import type pg from 'pg';
import { PostgresIndexError } from './errors.js';
import { LOCK_CLASS } from './tx.js';

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

/**
 * The commit of one snapshot as one statement (snapshots.ts insert): every worker stores each article through it, so
 * the per-URL lock, the checks, the row, the superseded version's search document and the new one go in a single
 * round trip and a single commit instead of a transaction of eight statements plus a second commit for search.
 * Inside it, after the lock: the durable takedown list for the page's URLs (refused: 'excluded'), the latest
 * version's content ('same-content'), the id or folder taken ('taken'), else 'inserted'. A plpgsql function takes a
 * fresh snapshot per statement, so what it reads after the lock is what the previous lock holder committed.
 */
const V2_COMMIT_FUNCTION = `
CREATE FUNCTION snapcrawl_insert_snapshot(
  p_id text, p_url text, p_final_url text, p_canonical_url text, p_host text, p_hostname text, p_final_hostname text,
  p_fetched_at text, p_title text, p_published_at text, p_published_ms bigint, p_category text, p_source text,
  p_dir text, p_content_hash text, p_sha256 text, p_http_status integer, p_bytes bigint,
  p_doc_title text, p_doc_body text, p_doc_terms tsvector, p_refuse_urls text[], p_refuse_hosts text[],
  OUT o_status text, OUT o_previous_id text)
LANGUAGE plpgsql AS $fn$
DECLARE
  v_latest_hash text;
BEGIN
  PERFORM pg_advisory_xact_lock(${LOCK_CLASS.url}, hashtext(p_url));
  IF cardinality(p_refuse_urls) > 0 AND EXISTS (
      SELECT 1 FROM exclusions e
      WHERE (e.kind = 'url' AND e.value = ANY (p_refuse_urls))
         OR (e.kind = 'host' AND e.value = ANY (p_refuse_hosts))
         OR (e.kind = 'prefix' AND EXISTS (SELECT 1 FROM unnest(p_refuse_urls) AS u(v) WHERE starts_with(u.v, e.value)))) THEN
    o_status := 'excluded';
    RETURN;
  END IF;
  SELECT s.id, s.content_hash INTO o_previous_id, v_latest_hash FROM snapshots s WHERE s.url = p_url AND s.is_latest;
  IF o_previous_id IS NOT NULL AND v_latest_hash = p_content_hash THEN
    o_status := 'same-content';
    RETURN;
  END IF;
  IF EXISTS (SELECT 1 FROM snapshots s WHERE s.id = p_id OR s.dir = p_dir) THEN
    o_status := 'taken';
    RETURN;
  END IF;
  IF o_previous_id IS NOT NULL THEN
    UPDATE snapshots SET is_latest = false WHERE id = o_previous_id;
    -- The superseded version leaves search (search shows latest versions only).
    DELETE FROM search_docs WHERE id = o_previous_id;
  END IF;
  INSERT INTO snapshots (id, url, final_url, canonical_url, host, hostname, final_hostname, fetched_at, title,
    published_at, published_ms, category, source, dir, previous_id, content_hash, sha256, http_status, bytes, is_latest)
  VALUES (p_id, p_url, p_final_url, p_canonical_url, p_host, p_hostname, p_final_hostname, p_fetched_at, p_title,
    p_published_at, p_published_ms, p_category, p_source, p_dir, o_previous_id, p_content_hash, p_sha256, p_http_status,
    p_bytes, true);
  IF p_doc_terms IS NOT NULL THEN
    INSERT INTO search_docs (id, title, body, terms) VALUES (p_id, p_doc_title, p_doc_body, p_doc_terms)
    ON CONFLICT (id) DO UPDATE SET title = excluded.title, body = excluded.body, terms = excluded.terms;
  END IF;
  o_status := 'inserted';
END
$fn$;
`;

export const MIGRATIONS: readonly PgMigration[] = [
  { version: 1, name: 'index', sql: V1_INDEX },
  { version: 2, name: 'insert-snapshot-function', sql: V2_COMMIT_FUNCTION },
];

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
