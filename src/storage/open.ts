/**
 * Picks a crawl's stores from its config: the frontier on Redis (`frontier: redis://HOST:PORT/DB`) or in the store's
 * SQLite database, the index on PostgreSQL (`index: postgres://…/DBNAME`) or in the same SQLite database, and the
 * snapshot files on the filesystem under the store directory. With shared backends the store directory is only where
 * the files go: every worker on every machine must see the same one (a shared mount), since an index row names files
 * a `serve` or `verify` elsewhere will read.
 */
import { FsBlobStore } from './fs/blob-store.js';
import type { BlobStore, FrontierStore, IndexStores } from './interfaces.js';
import { connectPostgresIndex } from './postgres/index-stores.js';
import { RedisFrontierStore } from './redis/frontier-store.js';
import { SqliteFrontierStore } from './sqlite/frontier-store.js';
import { openSqliteIndex } from './sqlite/index-stores.js';

export interface SharedStoreUrls {
  /** redis://HOST:PORT/DB, optionally `?prefix=NAME:` so several crawls share one Redis database. */
  frontier?: string;
  /** postgres://…/DBNAME or postgresql://…/DBNAME. */
  index?: string;
}

export interface OpenedStores {
  frontier: FrontierStore;
  index: IndexStores;
  blobs: BlobStore;
  /** Which backends were chosen, for logs and the worker's summary. */
  kinds: { frontier: 'redis' | 'sqlite'; index: 'postgres' | 'sqlite' };
  close(): Promise<void>;
}

/** The Redis URL without its `prefix` parameter, and the prefix (default `snapcrawl:`). */
export function splitRedisPrefix(url: string): { url: string; prefix: string | undefined } {
  const parsed = new URL(url);
  const prefix = parsed.searchParams.get('prefix') ?? undefined;
  parsed.searchParams.delete('prefix');
  return { url: parsed.toString().replace(/\?$/, ''), prefix };
}

/** Opens the stores `urls` name (SQLite in `storeDir` for the ones they leave out); blobs always under `storeDir`. */
export async function openSharedStores(urls: SharedStoreUrls, storeDir: string, options: { exclusionCacheMs?: number } = {}): Promise<OpenedStores> {
  let frontier: FrontierStore | null = null;
  let index: IndexStores | null = null;
  try {
    if (urls.frontier) {
      const { url, prefix } = splitRedisPrefix(urls.frontier);
      frontier = await RedisFrontierStore.connect(url, prefix === undefined ? {} : { prefix });
    } else {
      frontier = SqliteFrontierStore.open(storeDir);
    }
    index = urls.index ? await connectPostgresIndex(urls.index, { exclusionCacheMs: options.exclusionCacheMs ?? 0 }) : openSqliteIndex(storeDir);
  } catch (err) {
    await frontier?.close().catch(() => undefined);
    throw err;
  }
  const opened = { frontier, index };
  return {
    frontier,
    index,
    blobs: new FsBlobStore(storeDir),
    kinds: { frontier: urls.frontier ? 'redis' : 'sqlite', index: urls.index ? 'postgres' : 'sqlite' },
    async close() {
      await Promise.allSettled([opened.frontier.close(), opened.index.close()]);
    },
  };
}
