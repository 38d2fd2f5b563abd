/**
 * `snapcrawl render --out DIR`: the same pages as the server, written as files (search excepted),
 * without anything taken down. The export is built in a sibling folder and swapped in at the end, so
 * a re-render never leaves an old page of a since-removed snapshot behind, and a failed render leaves
 * the previous export intact.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { resolveInside, type SnapshotRecord } from '../snapshot/index.js';
import { StoreError } from '../util/errors.js';
import { pageCount, type SiteCatalog } from './catalog.js';
import { staticLinks, staticPaths } from './links.js';
import { SITE_CSS } from './styles.js';
import type { ApiListItem, SiteViews } from './views.js';

/** Marks a folder as a snapcrawl export, so re-rendering may replace it (and nothing else). */
export const EXPORT_MARKER = '.snapcrawl-export';

export class StaticExportError extends StoreError {}

export interface StaticExportReport {
  outDir: string;
  /** Snapshot ids exported (every version not taken down). */
  snapshots: number;
  /** Files written. */
  files: number;
}

class ExportWriter {
  files = 0;
  constructor(readonly root: string) {}

  write(relPath: string, content: string | Buffer): void {
    const path = resolveInside(this.root, relPath);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
    this.files++;
  }
}

function checkTarget(outDir: string): void {
  if (!existsSync(outDir)) return;
  const entries = readdirSync(outDir);
  if (entries.length > 0 && !entries.includes(EXPORT_MARKER)) {
    throw new StaticExportError(`${outDir} is not empty and is not a snapcrawl export; refusing to replace it`);
  }
}

export async function renderStaticExport(views: SiteViews<SiteCatalog>, outDirInput: string): Promise<StaticExportReport> {
  const outDir = resolve(outDirInput);
  checkTarget(outDir);
  const building = join(dirname(outDir), `.${basename(outDir)}.building-${process.pid}`);
  rmSync(building, { recursive: true, force: true });
  const out = new ExportWriter(building);
  try {
    const snapshots = await writeAll(views, out);
    out.write(EXPORT_MARKER, `snapcrawl static export, ${new Date().toISOString()}\n`);
    const old = join(dirname(outDir), `.${basename(outDir)}.old-${process.pid}`);
    if (existsSync(outDir)) renameSync(outDir, old);
    renameSync(building, outDir);
    rmSync(old, { recursive: true, force: true });
    return { outDir, snapshots, files: out.files };
  } catch (err) {
    rmSync(building, { recursive: true, force: true });
    throw err;
  }
}

async function writeAll(views: SiteViews<SiteCatalog>, out: ExportWriter): Promise<number> {
  const { catalog } = views;
  await catalog.searchIndexReady(); // related lists and excerpts come from the index: never export half of it
  const page = async (path: string, pending: Promise<{ status: number; html: { value: string } }>): Promise<void> => {
    const result = await pending;
    if (result.status === 200) out.write(path, result.html.value);
  };
  out.write(staticPaths.asset('site.css'), SITE_CSS);

  const homePages = pageCount(catalog.store.count({ latestOnly: true }), catalog.pageSize);
  for (let p = 1; p <= homePages; p++) await page(staticPaths.home(p), views.home(staticLinks(staticPaths.home(p)), p));

  for (const { value, count } of catalog.categories()) {
    for (let p = 1; p <= pageCount(count, catalog.pageSize); p++) {
      const path = staticPaths.category(value, p);
      await page(path, views.category(staticLinks(path), value, p));
    }
  }

  let exported = 0;
  const latestItems: ApiListItem[] = [];
  const batch = 200;
  for (let offset = 0; ; offset += batch) {
    const rows = catalog.store.list({ limit: batch, offset });
    if (rows.length === 0) break;
    for (const row of rows) {
      const api = await views.apiSnapshot(row.id);
      if (api.status !== 200) continue; // taken down (or vanished mid-export): nothing of it is written
      exported++;
      const id = row.id;
      await page(staticPaths.snapshot(id), views.snapshot(staticLinks(staticPaths.snapshot(id)), id));
      await page(staticPaths.versions(id), views.versions(staticLinks(staticPaths.versions(id)), id));
      await page(staticPaths.raw(id), views.raw(staticLinks(staticPaths.raw(id)), id, 'page'));
      await page(staticPaths.rawSource(id), views.raw(staticLinks(staticPaths.rawSource(id)), id, 'source'));
      out.write(staticPaths.apiSnapshot(id), `${JSON.stringify(api.json, null, 2)}\n`);
      const shot = await views.screenshot(id);
      if (!('kind' in shot)) out.write(staticPaths.screenshot(id), shot.png);
      // Images archived with the snapshot go next to its page (s/<id>/img/<n>.<ext>), as the server has them.
      const requisites = (api.json as SnapshotRecord).requisites?.images ?? [];
      for (let n = 0; n < requisites.length; n++) {
        if (requisites[n].status !== 'archived') continue;
        const image = await views.image(id, n);
        if (!('kind' in image)) out.write(staticPaths.image(id, n, image.ext), image.body);
      }
    }
  }
  for (let p = 1; ; p++) {
    const list = await views.apiList(staticLinks('api/snapshots.json'), { page: p });
    latestItems.push(...list.json.items);
    if (p >= list.json.pages) break;
  }
  out.write('api/snapshots.json', `${JSON.stringify({ total: latestItems.length, items: latestItems }, null, 2)}\n`);
  return exported;
}
