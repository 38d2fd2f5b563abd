/**
 * How every command finds its config file and its store, in one place:
 * - config: `--config`, else `$SNAPCRAWL_CONFIG`; `crawl` and `schedule`, which need sources, also fall
 *   back to `config/sources.yaml` (the other commands never read a config nobody named);
 * - store: `--store`, else the config's `store:`, else `snapshots`.
 */
import { loadConfig, type CrawlConfig } from '../config/index.js';

export const DEFAULT_CONFIG = 'config/sources.yaml';
export const DEFAULT_STORE = 'snapshots';

export interface ConfigAndStoreOptions {
  config?: string;
  store?: string;
}

/** The config file named by `--config` or `$SNAPCRAWL_CONFIG`, or undefined. */
export function explicitConfigFile(o: ConfigAndStoreOptions): string | undefined {
  return o.config ?? (process.env.SNAPCRAWL_CONFIG || undefined);
}

/** The store directory: flag > config's `store:` > `snapshots`. */
export function storeDirOf(o: ConfigAndStoreOptions, config?: CrawlConfig | null): string {
  return o.store ?? config?.store ?? DEFAULT_STORE;
}

/** For commands that only need the store: loads the named config (if any) and resolves the store from it. */
export function resolveStoreDir(o: ConfigAndStoreOptions): string {
  if (o.store !== undefined) return o.store;
  const file = explicitConfigFile(o);
  return storeDirOf(o, file ? loadConfig(file) : null);
}
