import Database from 'better-sqlite3';
import { ensureDirectory } from '../util/ensureDir.js';
import { join } from 'node:path';
import { migrateStore } from './sqlite/migrations/index.js';

export type StoreDatabase = Database.Database;
/** A prepared statement of the store database, for code that holds one made by a query module (src/storage/sqlite). */
export type StoreStatement<P extends unknown[] | object = unknown[], R = unknown> = Database.Statement<P, R>;

/**
 * WAL pages after which a commit copies the WAL into the database (SQLite's default is 1 000). A checkpoint copies
 * each page once however often it was rewritten since the last one, and costs two fsyncs whatever its size; the
 * frontier rewrites the same index leaves and summary pages claim after claim, so a longer WAL copies fewer pages
 * per URL. bench-frontier at 1 M URLs, same-process A/B against 1 000 (3 rounds): 2 000 pages 0.968 CPU and
 * 0.72-0.87 wall per claim+finish with the longest calls no longer (p99.9 41-56 ms against 52-62 on the loaded VM:
 * fsync latency, not copy size, makes the stall); 4 000 pages 0.954 CPU but p99.9 69-79 ms against 42-47. The WAL
 * file keeps its high-water size: ~8 MB.
 */
export const WAL_AUTOCHECKPOINT_PAGES = 2000;

/** File name of the store's SQLite database, inside the store directory. */
export const STORE_DB_FILE = 'store.db';

/**
 * Opens (creating if needed) the SQLite database that holds the frontier, robots cache,
 * snapshot index and exclusions. WAL keeps readers (serve) from blocking the crawler;
 * synchronous=FULL by default because a committed snapshot row must survive a power cut (WAL survives kill -9
 * at any level); the frontier's bookkeeping opts out per write with `withLazySync`.
 * The schema is brought up to date here, once per open (sqlite/migrations): a writable handle runs the steps the
 * store lacks; a read-only one only checks that the store is not newer than this snapcrawl (MigrationError).
 */
export function openStoreDatabase(storeDir: string, options: { readonly?: boolean } = {}): StoreDatabase {
  if (!options.readonly) ensureDirectory(storeDir);
  for (let attempt = 1; ; attempt++) {
    try {
      return openOnce(storeDir, options);
    } catch (err) {
      // Processes opening one new store at once race to set it up (the WAL switch, the migrations); on a loaded
      // machine the loser can wait out busy_timeout, or get SQLITE_BUSY where SQLite calls no busy handler. The
      // store is fine: open again after a pause, a bounded number of times.
      if (attempt >= OPEN_ATTEMPTS || !String((err as { code?: unknown }).code ?? '').startsWith('SQLITE_BUSY')) throw err;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 250 * attempt);
    }
  }
}

const OPEN_ATTEMPTS = 4;

function openOnce(storeDir: string, options: { readonly?: boolean }): StoreDatabase {
  const db = new Database(join(storeDir, STORE_DB_FILE), { readonly: options.readonly ?? false });
  try {
    if (!options.readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
      db.pragma(`wal_autocheckpoint = ${WAL_AUTOCHECKPOINT_PAGES}`);
    }
    db.pragma('busy_timeout = 5000');
    db.pragma('foreign_keys = ON');
    migrateStore(db);
  } catch (err) {
    db.close();
    throw err;
  }
  return db;
}

/**
 * Runs `fn` (one write or one transaction) with this connection's commits not fsynced (WAL, synchronous=NORMAL):
 * still atomic and still durable across a kill -9, but a power cut may take back the last few such commits.
 * Meant for the frontier's per-URL bookkeeping (claims, finishes, discovered links, parameter evidence): losing
 * its tail costs a refetch that the content hash turns into "unchanged", while an fsync per commit was most of
 * the crawl's main-thread time. The next FULL commit (a snapshot row) syncs the WAL, these writes with it.
 */
export function withLazySync<T>(db: StoreDatabase, fn: () => T): T {
  if (db.readonly || db.inTransaction) return fn();
  let sync = syncSwitches.get(db);
  if (!sync) syncSwitches.set(db, (sync = { lazy: db.prepare('PRAGMA synchronous = NORMAL'), full: db.prepare('PRAGMA synchronous = FULL') }));
  sync.lazy.run();
  try {
    return fn();
  } finally {
    sync.full.run();
  }
}

/** What a transaction runs, prepared once per connection (runTransaction). */
interface TransactionStatements {
  begin: StoreStatement;
  beginImmediate: StoreStatement;
  commit: StoreStatement;
  rollback: StoreStatement;
  savepoint: StoreStatement;
  release: StoreStatement;
  rollbackTo: StoreStatement;
}

const transactionStatements = new WeakMap<StoreDatabase, TransactionStatements>();

/**
 * Runs `fn` in a transaction, as `db.transaction(fn)()` (deferred) or `.immediate()` would: BEGIN … COMMIT, or a
 * savepoint when a transaction is open already; rolled back (to the savepoint) when `fn` or the commit throws.
 * Without making the wrapper: better-sqlite3's db.transaction() builds four functions and defines five properties
 * on each, per call, ~10 µs (bench-frontier at 1 M URLs: 3.7% of a claim+finish when made per call); the crawl makes
 * several per page (snapshot commit, discovered links, parameter evidence).
 */
export function runTransaction<T>(db: StoreDatabase, fn: () => T, mode: 'deferred' | 'immediate' = 'deferred'): T {
  let s = transactionStatements.get(db);
  if (!s) {
    const q = (sql: string) => db.prepare(sql);
    s = {
      begin: q('BEGIN'),
      beginImmediate: q('BEGIN IMMEDIATE'),
      commit: q('COMMIT'),
      rollback: q('ROLLBACK'),
      savepoint: q('SAVEPOINT snapcrawl_tx'),
      release: q('RELEASE snapcrawl_tx'),
      rollbackTo: q('ROLLBACK TO snapcrawl_tx'),
    };
    transactionStatements.set(db, s);
  }
  const nested = db.inTransaction;
  (nested ? s.savepoint : mode === 'immediate' ? s.beginImmediate : s.begin).run();
  try {
    const result = fn();
    if (result && typeof (result as { then?: unknown }).then === 'function') throw new TypeError('Transaction function cannot return a promise');
    (nested ? s.release : s.commit).run();
    return result;
  } catch (err) {
    if (db.inTransaction) {
      (nested ? s.rollbackTo : s.rollback).run();
      if (nested) s.release.run();
    }
    throw err;
  }
}

/** The two switches, prepared once per connection: db.pragma() parses its statement on every call (4 per claim + finish). */
const syncSwitches = new WeakMap<StoreDatabase, { lazy: StoreStatement; full: StoreStatement }>();

/** Whether the connection writes through a WAL file (a file database opened writable, in WAL mode). */
export function usesWal(db: StoreDatabase): boolean {
  return !db.memory && !db.readonly && String(db.pragma('journal_mode', { simple: true })).toLowerCase() === 'wal';
}

/** Copies the WAL into the database file and syncs it (when the WAL file itself could not be fsynced). */
export function checkpointWal(db: StoreDatabase): void {
  db.pragma('wal_checkpoint(FULL)');
}
