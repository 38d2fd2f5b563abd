/**
 * The static exports rendered from a store, remembered in `<store>/exports.json` (folder and settings),
 * so a takedown can re-render them at once: a published export must not keep a removed snapshot.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { SiteOptions } from './site.js';
import { EXPORT_MARKER } from './static-export.js';

const EXPORTS_FILE = 'exports.json';

export interface RecordedExport {
  outDir: string;
  site?: SiteOptions['site'];
  timeZone?: string;
  pageSize?: number;
  baseUrl?: string;
}

export function recordedExports(storeDir: string): RecordedExport[] {
  try {
    const list = JSON.parse(readFileSync(join(storeDir, EXPORTS_FILE), 'utf8')) as unknown;
    return Array.isArray(list) ? (list as RecordedExport[]) : [];
  } catch {
    return [];
  }
}

/** Remembers (or updates) the export at `outDir`; exports whose folder is gone are forgotten. */
export function recordExport(storeDir: string, entry: RecordedExport): void {
  const outDir = resolve(entry.outDir);
  const kept = recordedExports(storeDir).filter((e) => e.outDir !== outDir && existsSync(join(e.outDir, EXPORT_MARKER)));
  const file = join(storeDir, EXPORTS_FILE);
  writeFileSync(`${file}.tmp`, `${JSON.stringify([...kept, { ...entry, outDir }], null, 2)}\n`);
  renameSync(`${file}.tmp`, file);
}
