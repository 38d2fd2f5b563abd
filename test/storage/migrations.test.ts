import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { Frontier } from '../../src/frontier/index.js';
import { SnapshotStore } from '../../src/snapshot/index.js';
import { MigrationError, migrateStore, openStoreDatabase, STORE_MIGRATIONS, STORE_SCHEMA_VERSION, type StoreDatabase } from '../../src/storage/index.js';
import { migrate, type Migration } from '../../src/storage/sqlite/migrate.js';
import { tempDir } from '../helpers/tmp.js';

const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'src', 'storage', 'sqlite', 'migrations');

/** The frontier table as snapcrawl first shipped it (before request_url, site_modified and alias_of). */
const OLD_FRONTIER = `CREATE TABLE frontier (id INTEGER PRIMARY KEY AUTOINCREMENT, url TEXT NOT NULL UNIQUE, host TEXT NOT NULL,
  source TEXT NOT NULL, depth INTEGER NOT NULL, kind TEXT NOT NULL DEFAULT 'page', state TEXT NOT NULL DEFAULT 'queued',
  priority INTEGER NOT NULL DEFAULT 0, attempts INTEGER NOT NULL DEFAULT 0, next_fetch_at INTEGER NOT NULL DEFAULT 0,
  discovered_from TEXT, discovered_at INTEGER NOT NULL, fetched_at INTEGER, http_status INTEGER, outcome TEXT, last_error TEXT,
  snapshot_id TEXT, run_id TEXT, etag TEXT, last_modified TEXT, revisit_count INTEGER NOT NULL DEFAULT 0, next_revisit_at INTEGER);
  CREATE INDEX frontier_revisit ON frontier (state, next_revisit_at);
  CREATE INDEX frontier_claim ON frontier (state, host, priority DESC, depth, id);
  CREATE TABLE hosts (host TEXT PRIMARY KEY, next_allowed_at INTEGER NOT NULL DEFAULT 0, crawl_delay_ms INTEGER);`;

/** The other tables as the ensure* functions of snapcrawl before numbered migrations created them. */
const OLD_OTHERS = `
  CREATE TABLE snapshots (id TEXT PRIMARY KEY, url TEXT NOT NULL, final_url TEXT NOT NULL, canonical_url TEXT, host TEXT NOT NULL,
    hostname TEXT NOT NULL, final_hostname TEXT NOT NULL, fetched_at TEXT NOT NULL, title TEXT, published_at TEXT, published_ms INTEGER,
    category TEXT, source TEXT, dir TEXT NOT NULL UNIQUE, previous_id TEXT, content_hash TEXT NOT NULL, sha256 TEXT NOT NULL,
    http_status INTEGER NOT NULL, bytes INTEGER NOT NULL, is_latest INTEGER NOT NULL DEFAULT 1);
  CREATE INDEX snapshots_by_url ON snapshots(url, fetched_at);
  CREATE TABLE snapshot_pending (id TEXT PRIMARY KEY, op TEXT NOT NULL CHECK (op IN ('write', 'delete')), dir TEXT NOT NULL,
    owner TEXT NOT NULL, created_at TEXT NOT NULL);
  CREATE TABLE exclusions (kind TEXT NOT NULL CHECK (kind IN ('url', 'prefix', 'host', 'id')), value TEXT NOT NULL, reason TEXT NOT NULL,
    requester TEXT, created_at TEXT NOT NULL, PRIMARY KEY (kind, value));
  CREATE TABLE runs (id TEXT PRIMARY KEY, started_at TEXT NOT NULL, finished_at TEXT, status TEXT NOT NULL, summary TEXT);
  CREATE TABLE robots_cache (origin TEXT PRIMARY KEY, robots_url TEXT NOT NULL, fetched_at INTEGER NOT NULL, expires_at INTEGER NOT NULL,
    status INTEGER, outcome TEXT NOT NULL CHECK (outcome IN ('rules', 'allow-all', 'disallow-all')), reason TEXT NOT NULL, body TEXT);
  CREATE TABLE learned_params (host TEXT NOT NULL, param TEXT NOT NULL, state TEXT NOT NULL CHECK (state IN ('ignorable', 'significant')),
    confirmations INTEGER NOT NULL, learned_at INTEGER NOT NULL, PRIMARY KEY (host, param));`;

function schemaOf(db: StoreDatabase): { objects: string[]; frontierColumns: string[] } {
  const objects = (db.prepare(`SELECT type || ' ' || name AS o FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY o`).all() as { o: string }[]).map((r) => r.o);
  const frontierColumns = (db.prepare(`PRAGMA table_info(frontier)`).all() as { name: string }[]).map((c) => c.name).sort();
  return { objects, frontierColumns };
}

function version(db: StoreDatabase): number {
  return Number(db.pragma('user_version', { simple: true }));
}

/** A store left by snapcrawl before numbered migrations (user_version 0), with rows in every table. */
function oldStore(extraSql = ''): string {
  const dir = tempDir();
  const db = new Database(join(dir, 'store.db'));
  db.exec(OLD_FRONTIER + OLD_OTHERS + extraSql);
  const url = db.prepare(`INSERT INTO frontier (url, host, source, depth, discovered_at, state, next_fetch_at) VALUES (?, ?, 's', 1, 0, ?, ?)`);
  url.run('https://a.example/1', 'a.example', 'queued', 0);
  url.run('https://a.example/2', 'a.example', 'done', 0);
  url.run('https://b.example/1', 'b.example', 'queued', 300);
  db.exec(`INSERT INTO hosts VALUES ('a.example', 500, NULL);
    INSERT INTO exclusions VALUES ('host', 'gone.example', 'request', NULL, '2025-01-01T00:00:00Z');
    INSERT INTO runs VALUES ('r1', '2025-01-01T00:00:00Z', NULL, 'interrupted', '{"fetched":3}');
    INSERT INTO robots_cache VALUES ('https://a.example', 'https://a.example/robots.txt', 1, 2, 200, 'rules', 'rules', 'User-agent: *');
    INSERT INTO learned_params VALUES ('a.example', 'from', 'ignorable', 3, 1);`);
  const snap = db.prepare(`INSERT INTO snapshots (id, url, final_url, canonical_url, host, hostname, final_hostname, fetched_at, dir,
    content_hash, sha256, http_status, bytes, is_latest) VALUES (@id, @url, @url, @canonical, 'a.example', 'a.example', 'a.example', @at, @id, 'h', 'x', 200, 1, 1)`);
  snap.run({ id: 's1', url: 'https://a.example/n/1', canonical: 'https://a.example/n/1', at: '2024-01-01T00:00:00Z' });
  snap.run({ id: 's2', url: 'https://a.example/n/1?from=list', canonical: 'https://a.example/n/1', at: '2024-01-02T00:00:00Z' });
  assert.equal(version(db), 0);
  db.close();
  return dir;
}

test('a fresh store gets every step: user_version is the newest, and the migration files are the steps, in order', () => {
  const db = openStoreDatabase(tempDir());
  assert.equal(version(db), STORE_SCHEMA_VERSION);
  assert.equal(STORE_SCHEMA_VERSION, STORE_MIGRATIONS.length);
  const tables = schemaOf(db).objects.filter((o) => o.startsWith('table '));
  for (const t of ['frontier', 'hosts', 'frontier_queue', 'frontier_sources', 'learned_params', 'param_pages', 'param_variants', 'param_evidence',
    'exclusions', 'snapshots', 'snapshot_pending', 'snapshot_migrations', 'runs', 'robots_cache', 'site_search_docs', 'site_search_fts', 'site_search_meta']) {
    assert.ok(tables.includes(`table ${t}`), t);
  }
  const files = readdirSync(MIGRATIONS_DIR).filter((f) => /^\d{3}-.+\.ts$/.test(f)).sort();
  assert.deepEqual(files, STORE_MIGRATIONS.map((m) => `${String(m.version).padStart(3, '0')}-${m.name}.ts`));
  db.close();
});

test('a store from before numbered migrations (user_version 0) upgrades in place: no row lost, the same schema as a fresh store', () => {
  const dir = oldStore();
  const db = openStoreDatabase(dir);
  assert.equal(version(db), STORE_SCHEMA_VERSION);
  const fresh = openStoreDatabase(tempDir());
  assert.deepEqual(schemaOf(db), schemaOf(fresh), 'the upgraded schema is the fresh one (retired indexes gone, columns added)');
  fresh.close();
  const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  assert.deepEqual(
    ['frontier', 'hosts', 'exclusions', 'runs', 'robots_cache', 'learned_params', 'snapshots'].map(count),
    [3, 1, 1, 1, 1, 1, 2],
  );
  // The queue summary was backfilled from the rows, with the host's time: a.example waits until 500.
  const f = new Frontier(db, 'run2');
  assert.equal(f.queuedCount(), 2);
  assert.deepEqual(f.claim({ now: 400, limit: 5, delayFor: () => 0 }).map((e) => e.url), ['https://b.example/1']);
  assert.equal(f.get('https://a.example/2')!.state, 'done');
  // The canonical-identity data migration ran once and was recorded where older snapcrawl looks for it.
  const rows = db.prepare(`SELECT id, url, is_latest FROM snapshots ORDER BY id`).all();
  assert.deepEqual(rows, [
    { id: 's1', url: 'https://a.example/n/1', is_latest: 0 },
    { id: 's2', url: 'https://a.example/n/1', is_latest: 1 },
  ]);
  assert.equal(count(`snapshot_migrations WHERE name = 'canonical-identity-v1'`), 1);
  db.close();
});

test('a named data migration an older snapcrawl already ran is carried over, not run again', () => {
  const dir = oldStore(`CREATE TABLE snapshot_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL);
    INSERT INTO snapshot_migrations VALUES ('canonical-identity-v1', '2025-01-01T00:00:00Z');`);
  const db = openStoreDatabase(dir);
  const rows = db.prepare(`SELECT id, url FROM snapshots ORDER BY id`).all();
  assert.deepEqual(rows, [
    { id: 's1', url: 'https://a.example/n/1' },
    { id: 's2', url: 'https://a.example/n/1?from=list' },
  ]);
  assert.deepEqual(db.prepare(`SELECT applied_at FROM snapshot_migrations`).pluck().all(), ['2025-01-01T00:00:00Z']);
  db.close();
});

test('every step is idempotent: running them all again (two processes racing on one old store) changes nothing', () => {
  const dir = oldStore();
  const db = openStoreDatabase(dir);
  const before = { schema: schemaOf(db), rows: db.prepare(`SELECT * FROM frontier ORDER BY id`).all(), queue: db.prepare(`SELECT * FROM frontier_queue ORDER BY host`).all() };
  db.pragma('user_version = 0');
  assert.deepEqual(migrateStore(db), STORE_MIGRATIONS.map((m) => m.version));
  assert.deepEqual({ schema: schemaOf(db), rows: db.prepare(`SELECT * FROM frontier ORDER BY id`).all(), queue: db.prepare(`SELECT * FROM frontier_queue ORDER BY host`).all() }, before);
  assert.deepEqual(migrateStore(db), [], 'nothing to do at the newest version');
  db.close();
});

test('a store with a newer user_version is refused with a MigrationError, writable or read-only, and left as it is', () => {
  const dir = tempDir();
  openStoreDatabase(dir).close();
  const raw = new Database(join(dir, 'store.db'));
  raw.pragma(`user_version = ${STORE_SCHEMA_VERSION + 1}`);
  raw.close();
  for (const readonly of [false, true]) {
    assert.throws(
      () => openStoreDatabase(dir, { readonly }),
      (err: unknown) => err instanceof MigrationError && err.storeVersion === STORE_SCHEMA_VERSION + 1 && /newer than this snapcrawl/.test(err.message),
    );
  }
  assert.throws(() => SnapshotStore.open(dir), /cannot open store database/);
  const after = new Database(join(dir, 'store.db'), { readonly: true });
  assert.equal(version(after), STORE_SCHEMA_VERSION + 1);
  after.close();
});

test('a read-only handle on an older store is only checked, never written', () => {
  const dir = oldStore();
  const db = openStoreDatabase(dir, { readonly: true });
  assert.equal(version(db), 0);
  assert.ok(!schemaOf(db).frontierColumns.includes('alias_of'));
  db.close();
});

test('steps run in order, each in its own transaction with its version: a failing step leaves the store at the last whole one', () => {
  const db = new Database(':memory:');
  const ran: string[] = [];
  let fail = true;
  const steps: Migration[] = [
    { version: 2, name: 'second', up: (d) => { ran.push('second'); d.exec('CREATE TABLE b (x)'); if (fail) throw new Error('disk full'); } },
    { version: 1, name: 'first', up: (d) => { ran.push('first'); d.exec('CREATE TABLE a (x)'); } },
    { version: 3, name: 'third', up: (d) => { ran.push('third'); d.exec('CREATE TABLE c (x)'); } },
  ];
  assert.throws(() => migrate(db, steps), /disk full/);
  assert.deepEqual(ran, ['first', 'second']);
  assert.equal(version(db), 1);
  const tables = () => db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).pluck().all();
  assert.deepEqual(tables(), ['a'], "the failed step's table was rolled back with it");
  fail = false;
  assert.deepEqual(migrate(db, steps), [2, 3]);
  assert.deepEqual(ran, ['first', 'second', 'second', 'third']);
  assert.equal(version(db), 3);
  assert.deepEqual(tables(), ['a', 'b', 'c']);
  assert.throws(() => migrate(db, [steps[0]!]), /expected 1/, 'a gap in the numbering is refused');
  db.close();
});
