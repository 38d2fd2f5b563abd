/**
 * Real shared backends for worker tests: a fresh PostgreSQL database (trust auth on 127.0.0.1) and a Redis key
 * prefix of its own, opened as a crawl worker opens them; cleanup() drops the database and deletes the keys.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPostgresDatabase, dropPostgresDatabase } from '../../src/storage/postgres/index-stores.js';
import { RedisFrontierStore } from '../../src/storage/redis/frontier-store.js';
import { openSharedStores, type OpenedStores } from '../../src/storage/open.js';

const REDIS = 'redis://127.0.0.1:6379/0';
const PG_ADMIN = 'postgres://postgres@127.0.0.1:5432/postgres';

export interface SharedBackends {
  /** The store directory (snapshot files); removed by cleanup(). */
  storeDir: string;
  urls: { frontier: string; index: string };
  /** Opens another set of connections, as another worker process would (closed by cleanup()). */
  open(): Promise<OpenedStores>;
  cleanup(): Promise<void>;
}

export async function sharedBackends(): Promise<SharedBackends> {
  const tag = `${process.pid}_${randomBytes(4).toString('hex')}`;
  const prefix = `snapcrawl-test:${tag}:`;
  const dbName = `snapcrawl_test_${tag}`;
  const index = await createPostgresDatabase(PG_ADMIN, dbName);
  const urls = { frontier: `${REDIS}?prefix=${encodeURIComponent(prefix)}`, index };
  const root = mkdtempSync(join(tmpdir(), 'snapcrawl-shared-'));
  const storeDir = join(root, 'store');
  const opened: OpenedStores[] = [];
  return {
    storeDir,
    urls,
    async open() {
      const s = await openSharedStores(urls, storeDir);
      opened.push(s);
      return s;
    },
    async cleanup() {
      for (const s of opened) await s.close();
      const redis = await RedisFrontierStore.connect(REDIS, { prefix });
      await redis.destroy();
      await dropPostgresDatabase(PG_ADMIN, dbName);
      rmSync(root, { recursive: true, force: true });
    },
  };
}
