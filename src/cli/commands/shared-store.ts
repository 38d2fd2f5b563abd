/**
 * The store a command works on when its config names a shared index (`index: postgres://…`, and optionally
 * `frontier: redis://…`): the index and runs in PostgreSQL, the files under the store directory (the shared
 * path every worker writes to), the queue in Redis. Without `index:` every command keeps its embedded behaviour;
 * these helpers answer null and the caller goes on as before.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../../config/index.js';
import { FsBlobStore } from '../../storage/fs/blob-store.js';
import { STORE_DB_FILE } from '../../storage/index.js';
import type { BlobStore, FrontierStore, IndexStores } from '../../storage/interfaces.js';
import { splitRedisPrefix } from '../../storage/open.js';
import { connectPostgresIndex } from '../../storage/postgres/index-stores.js';
import { RedisFrontierStore } from '../../storage/redis/frontier-store.js';
import { SqliteFrontierStore } from '../../storage/sqlite/frontier-store.js';
import { EnvironmentError } from '../storeDir.js';
import { explicitConfigFile, storeDirOf, type ConfigAndStoreOptions } from '../resolve.js';

export interface SharedTarget {
  /** postgres://…/DBNAME */
  index: string;
  /** redis://HOST:PORT/DB[?prefix=…], when the config names one. */
  frontier?: string;
  /** The blob root: `--store`, else the config's `store:` (a shared mount when workers run on several machines). */
  storeDir: string;
}

export interface SharedStores {
  target: SharedTarget;
  index: IndexStores;
  blobs: BlobStore;
  /** Redis when configured; else the store's SQLite frontier when workers on this machine made one; else null. */
  frontier: FrontierStore | null;
  frontierKind: 'redis' | 'sqlite' | null;
  close(): Promise<void>;
}

/** The shared store the named config points at, or null when it names no `index:` (the embedded store). */
export function sharedTargetOf(o: ConfigAndStoreOptions): SharedTarget | null {
  const file = explicitConfigFile(o);
  if (!file) return null;
  const config = loadConfig(file);
  if (!config.index) return null;
  return { index: config.index, ...(config.frontier ? { frontier: config.frontier } : {}), storeDir: storeDirOf(o, config) };
}

/** A URL fit for output: the password, if any, replaced. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url;
  }
}

async function connect<T>(what: string, url: string, open: () => Promise<T>): Promise<T> {
  try {
    return await open();
  } catch (cause) {
    throw new EnvironmentError(`cannot reach the shared ${what} at ${redactUrl(url)}: ${(cause as Error).message}`, redactUrl(url), (cause as NodeJS.ErrnoException).code, { cause });
  }
}

/** Connects to the target's index (and frontier); unreachable servers are an EnvironmentError (exit 2). */
export async function openSharedTarget(target: SharedTarget, o: { frontier?: boolean } = {}): Promise<SharedStores> {
  const index = await connect('index', target.index, () => connectPostgresIndex(target.index));
  let frontier: FrontierStore | null = null;
  let frontierKind: SharedStores['frontierKind'] = null;
  try {
    if (o.frontier !== false && target.frontier) {
      const { url, prefix } = splitRedisPrefix(target.frontier);
      frontier = await connect('frontier', url, () => RedisFrontierStore.connect(url, prefix === undefined ? {} : { prefix }));
      frontierKind = 'redis';
    } else if (o.frontier !== false && existsSync(join(target.storeDir, STORE_DB_FILE))) {
      // Workers on one machine may share the index in PostgreSQL and the queue in the store's SQLite database.
      frontier = SqliteFrontierStore.open(target.storeDir);
      frontierKind = 'sqlite';
    }
  } catch (err) {
    await index.close().catch(() => undefined);
    throw err;
  }
  return {
    target,
    index,
    blobs: new FsBlobStore(target.storeDir),
    frontier,
    frontierKind,
    async close() {
      await Promise.allSettled([index.close(), frontier?.close()]);
    },
  };
}

/** Runs `fn` on the shared stores, closing them after. */
export async function withSharedStores<T>(target: SharedTarget, o: { frontier?: boolean }, fn: (s: SharedStores) => Promise<T>): Promise<T> {
  const stores = await openSharedTarget(target, o);
  try {
    return await fn(stores);
  } finally {
    await stores.close();
  }
}
