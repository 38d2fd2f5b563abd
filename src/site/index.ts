/**
 * The snapshot site: `startSiteServer` serves a store (home, categories, search, snapshot pages,
 * versions, raw view, JSON); `renderStaticSite` writes the same pages as a static export.
 */
import { listen, createSiteHandler, type RunningSite } from './server.js';
import { openSharedSite, openSite, type SiteOptions } from './site.js';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { recordedExports, recordExport } from './exports.js';
import { EXPORT_MARKER, renderStaticExport, type StaticExportReport } from './static-export.js';

export { openSite, openSharedSite, siteSettings, SiteStoreError, type SiteOptions, type OpenSite, type OpenSharedSite } from './site.js';
export { SharedSiteCatalog } from './shared-catalog.js';
export type { SiteCatalogSource } from './catalog-source.js';
export { createSiteHandler, SiteRequestError, RAW_CSP, type RunningSite } from './server.js';
export { StaticExportError, EXPORT_MARKER, type StaticExportReport } from './static-export.js';
export { SiteViews, type ApiListItem, type ApiListPage } from './views.js';
export { SiteCatalog, type ListItem, type ListPage, type SnapshotLookup } from './catalog.js';
export { PAGE_CSP, STATIC_PAGE_CSP, type SiteSettings } from './pages/layout.js';
export { serverLinks, staticLinks, staticPaths, categorySlug, type SiteLinks } from './links.js';
export { labelsFor, type Labels, type SiteLocale } from './i18n.js';
export { html, escapeHtml, safeUrl, externalLink, EXTERNAL_REL, type SafeHtml, type HtmlValue } from './html.js';
export { textTerms, parseQuery } from './terms.js';
export { diffBodies, diffText, type DiffBlock, type DiffSegment } from './diff.js';

export interface SiteServerOptions extends SiteOptions {
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 8080; 0 picks a free port. */
  port?: number;
  /** Told about requests that failed with 500. */
  onError?: (err: unknown) => void;
}

export interface SiteServer extends RunningSite {
  /** Stops listening and closes the store. */
  close(): Promise<void>;
}

/**
 * Opens the store and serves it; resolves once listening. The search index catches up in the background
 * (a big store's first start answers at once; searches match titles only until the index is built).
 */
export async function startSiteServer(options: SiteServerOptions): Promise<SiteServer> {
  if (options.index) return startSharedSiteServer({ ...options, index: options.index });
  const site = openSite({ ...options, searchIndex: { mode: 'background', onError: options.onError, ...options.searchIndex } });
  try {
    site.views.catalog.warmUp();
    const running = await listen(createSiteHandler(site.views, options.onError), {
      host: options.host ?? '127.0.0.1',
      port: options.port ?? 8080,
    });
    return {
      ...running,
      close: async () => {
        await running.close();
        site.close();
      },
    };
  } catch (err) {
    site.close();
    throw err;
  }
}

/** The site over a shared index (PostgreSQL) and the files under the shared store path. */
async function startSharedSiteServer(options: SiteServerOptions & { index: string }): Promise<SiteServer> {
  const site = await openSharedSite(options);
  try {
    const running = await listen(createSiteHandler(site.views, options.onError), { host: options.host ?? '127.0.0.1', port: options.port ?? 8080 });
    return {
      ...running,
      close: async () => {
        await running.close();
        await site.close();
      },
    };
  } catch (err) {
    await site.close();
    throw err;
  }
}

/** Writes the static export of a store to `outDir` (replacing an earlier export there), and remembers it. */
export async function renderStaticSite(options: SiteOptions & { outDir: string }): Promise<StaticExportReport> {
  const site = openSite({ ...options, staticExport: true });
  let report: StaticExportReport;
  try {
    report = await renderStaticExport(site.views, options.outDir);
  } finally {
    site.close();
  }
  recordExport(options.storeDir, { outDir: report.outDir, site: options.site, timeZone: options.timeZone, pageSize: options.pageSize, baseUrl: options.baseUrl });
  return report;
}

/** Re-renders every remembered export that still exists (after a takedown); returns their folders. */
export async function refreshStaticExports(storeDir: string): Promise<string[]> {
  const done: string[] = [];
  for (const e of recordedExports(storeDir)) {
    if (!existsSync(join(e.outDir, EXPORT_MARKER))) continue;
    await renderStaticSite({ storeDir, outDir: e.outDir, site: e.site, timeZone: e.timeZone, pageSize: e.pageSize, baseUrl: e.baseUrl });
    done.push(e.outDir);
  }
  return done;
}
