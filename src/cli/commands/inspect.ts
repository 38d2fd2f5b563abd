import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { SnapshotStore } from '../../snapshot/index.js';
import { STORE_DB_FILE } from '../../storage/index.js';
import { StoreError } from '../../util/errors.js';
import { EXIT } from '../exitCodes.js';

/** Refuses a folder that holds no store (a mistyped --store must not create an empty one). */
export function requireStore(storeDir: string): void {
  if (!existsSync(join(storeDir, STORE_DB_FILE))) throw new StoreError(`no snapshot store at ${storeDir} (crawl something first, or pass --store)`);
}

/** Opens an existing store read-only. */
export function openExistingStore(storeDir: string): SnapshotStore {
  requireStore(storeDir);
  return SnapshotStore.open(storeDir, { readonly: true });
}

export async function listCommand(o: { store: string; host?: string; limit: number; json?: boolean }): Promise<number> {
  const store = openExistingStore(o.store);
  try {
    const rows = store.list({ limit: o.limit, host: o.host });
    for (const r of rows) {
      if (o.json) process.stdout.write(`${JSON.stringify(r)}\n`);
      else process.stdout.write(`${r.id}  ${r.fetchedAt.slice(0, 19)}  ${r.title ?? '(no title)'}\n    ${r.url}\n`);
    }
    if (!o.json) process.stdout.write(`${rows.length} of ${store.count({ host: o.host })} snapshots\n`);
    return EXIT.OK;
  } finally {
    store.close();
  }
}

export async function showCommand(id: string, o: { store: string }): Promise<number> {
  const store = openExistingStore(o.store);
  try {
    const record = store.get(id);
    if (!record) {
      process.stderr.write(`snapcrawl: no snapshot ${id} in ${o.store}\n`);
      return EXIT.ERROR;
    }
    process.stdout.write(`${JSON.stringify(record, null, 2)}\n`);
    return EXIT.OK;
  } finally {
    store.close();
  }
}
