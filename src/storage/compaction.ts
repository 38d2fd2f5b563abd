import { existsSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StoreDatabase } from './database.js';

/** Marker left by a command that removed rows while a crawl held the store: the crawl compacts before it ends. */
const PENDING_FILE = 'compact.pending';

/**
 * Rows deleted now, and older copies of them left in free pages by earlier updates, survive in the file
 * until it is rewritten: VACUUM, then empty the WAL. False when another connection kept it from running.
 */
export function compactDatabase(db: StoreDatabase): boolean {
  try {
    db.exec('VACUUM');
    db.pragma('wal_checkpoint(TRUNCATE)');
    return true;
  } catch {
    return false;
  }
}

/**
 * VACUUM holds the write lock for as long as it rewrites the file, which on a large store is longer
 * than a crawl's writes can wait: beside a running crawl, a takedown leaves the compaction to the crawl.
 */
export function requestCompaction(storeDir: string): void {
  writeFileSync(join(storeDir, PENDING_FILE), `${new Date().toISOString()}\n`);
}

/** Runs a compaction some command asked for; the marker stays when it could not run (the next run tries again). */
export function compactIfRequested(storeDir: string, db: StoreDatabase): boolean {
  const marker = join(storeDir, PENDING_FILE);
  if (!existsSync(marker)) return false;
  if (!compactDatabase(db)) return false;
  try {
    unlinkSync(marker);
  } catch {
    /* already gone */
  }
  return true;
}
