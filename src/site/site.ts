/**
 * Opening a store as a site: the snapshot index read-only, the connection writable only so the site
 * can keep its search tables in the store database (falling back to a TEMP index when the database
 * can't be written, e.g. a store on read-only media).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { SiteConfig } from '../config/index.js';
import { SnapshotStore } from '../snapshot/index.js';
import { openStoreDatabase, STORE_DB_FILE, type StoreDatabase } from '../storage/database.js';
import { MigrationError } from '../storage/sqlite/migrate.js';
import { SiteStoreError } from './errors.js';
import { SiteCatalog } from './catalog.js';
import { defaultTimeZone } from './i18n.js';
import type { SiteSettings } from './pages/layout.js';
import { type SearchIndexOptions } from './search-index.js';
import { SiteViews } from './views.js';
import { FsBlobStore } from '../storage/fs/blob-store.js';
import { connectPostgresIndex } from '../storage/postgres/index-stores.js';
import { SharedSiteCatalog } from './shared-catalog.js';

export { SiteStoreError };

export interface SiteOptions {
  /** The snapshot store directory. */
  storeDir: string;
  /** The config's `site` section: title, locale, takedown contact. */
  site?: Partial<SiteConfig>;
  /** IANA zone for snapshot times; default Asia/Shanghai for zh-CN, UTC for en. */
  timeZone?: string;
  /** Snapshots per list page (default 20). */
  pageSize?: number;
  /** The site's public address: permalinks in the provenance box are absolute under it. */
  baseUrl?: string;
  /** How the search index catches up (the server builds a large gap in the background; default inline). */
  searchIndex?: SearchIndexOptions;
  /**
   * A shared index (`postgres://…/DBNAME`, the config's `index:`): snapshots, search and takedown rules come from
   * it, the files from `storeDir` as a shared path. Absent: the store's own database.
   */
  index?: string;
}

export interface OpenSite {
  views: SiteViews<SiteCatalog>;
  store: SnapshotStore;
  close(): void;
}

export function siteSettings(options: Pick<SiteOptions, 'site' | 'timeZone' | 'baseUrl'>): SiteSettings {
  const locale = options.site?.locale ?? 'en';
  return {
    title: options.site?.title ?? 'snapcrawl snapshots',
    locale,
    takedownContact: options.site?.takedownContact,
    timeZone: options.timeZone ?? defaultTimeZone(locale),
    baseUrl: options.baseUrl,
  };
}

function openDatabase(storeDir: string): StoreDatabase {
  try {
    // Migrating the store makes the search tables; a read-only file or media fails here: use a read-only
    // connection and a TEMP index.
    return openStoreDatabase(storeDir);
  } catch (err) {
    if (err instanceof MigrationError) throw err; // a newer store: a read-only connection would refuse it too
  }
  return openStoreDatabase(storeDir, { readonly: true });
}

/** Opens the store for the site; throws SiteStoreError when there is nothing to serve. */
export function openSite(options: SiteOptions & { staticExport?: boolean }): OpenSite {
  if (!existsSync(join(options.storeDir, STORE_DB_FILE))) {
    throw new SiteStoreError(`no snapshot store at ${options.storeDir} (crawl something first, or pass --store)`);
  }
  const db = openDatabase(options.storeDir);
  let store: SnapshotStore;
  try {
    store = SnapshotStore.open(options.storeDir, { db, readonly: true });
  } catch (cause) {
    db.close();
    throw new SiteStoreError(`cannot serve ${options.storeDir}: ${(cause as Error).message}`, { cause });
  }
  const views = new SiteViews(new SiteCatalog(store, options.pageSize, options.searchIndex), siteSettings(options), options.staticExport ?? false);
  return {
    views,
    store,
    close: () => {
      views.catalog.close();
      store.close();
      db.close();
    },
  };
}

export interface OpenSharedSite {
  views: SiteViews<SharedSiteCatalog>;
  close(): Promise<void>;
}

/** Opens the site over a shared index (options.index) and the files under options.storeDir; SiteStoreError when unreachable. */
export async function openSharedSite(options: SiteOptions & { index: string }): Promise<OpenSharedSite> {
  let index;
  try {
    index = await connectPostgresIndex(options.index);
  } catch (cause) {
    const where = options.index.replace(/\/\/([^:/@]+):[^@/]*@/, '//$1:***@');
    throw new SiteStoreError(`cannot serve the shared index at ${where}: ${(cause as Error).message}`, { cause });
  }
  const catalog = new SharedSiteCatalog(index, new FsBlobStore(options.storeDir), options.storeDir, options.pageSize);
  const opened = index;
  return {
    views: new SiteViews(catalog, siteSettings(options)),
    close: async () => {
      catalog.close();
      await opened.close();
    },
  };
}
