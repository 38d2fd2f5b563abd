import { SnapshotStore } from '../../snapshot/index.js';
import { EXIT } from '../exitCodes.js';
import { reportProblem } from '../output.js';
import { requireStore } from '../storeDir.js';
import { resolveStoreDir } from '../resolve.js';
import { sharedList, sharedShow } from './shared-inspect.js';
import { sharedTargetOf } from './shared-store.js';

/** Refuses a folder that holds no store (a mistyped --store must not create an empty one); exit 2. */
export { requireStore };

/** Opens an existing store read-only. */
export function openExistingStore(storeDir: string): SnapshotStore {
  requireStore(storeDir);
  return SnapshotStore.open(storeDir, { readonly: true });
}

export async function listCommand(opts: { store?: string; config?: string; host?: string; limit: number; json?: boolean }): Promise<number> {
  const shared = sharedTargetOf(opts); // the config names `index: postgres://…`
  if (shared) return sharedList(shared, opts);
  const o = { ...opts, store: resolveStoreDir(opts) };
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

export async function showCommand(id: string, opts: { store?: string; config?: string }): Promise<number> {
  const shared = sharedTargetOf(opts);
  if (shared) return sharedShow(shared, id);
  const o = { ...opts, store: resolveStoreDir(opts) };
  const store = openExistingStore(o.store);
  try {
    const record = store.get(id);
    if (!record) {
      reportProblem(`no snapshot ${id} in ${o.store}`, { fields: { id, store: o.store } });
      return EXIT.ERROR;
    }
    process.stdout.write(`${JSON.stringify(record, null, 2)}\n`);
    return EXIT.OK;
  } finally {
    store.close();
  }
}
