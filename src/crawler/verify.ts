import { existsSync, mkdirSync, readdirSync, renameSync } from 'node:fs';
import { join, relative } from 'node:path';
import { SnapshotStore, SNAPSHOT_JSON_FILE, WARC_FILE_NAME, TMP_DIR_NAME, isSnapshotId } from '../snapshot/index.js';
import { openStoreDatabase } from '../storage/index.js';
import { isExcluded } from '../frontier/index.js';
import { acquireRunLock } from '../storage/index.js';
import { frontierRepairStatements } from '../storage/sqlite/frontier-queries.js';
import { snapshotRepairStatements } from '../storage/sqlite/snapshot-queries.js';

export interface VerifyProblem {
  kind: 'missing-files' | 'orphan-folder' | 'corrupt' | 'frontier-dangling';
  id?: string;
  url?: string;
  path?: string;
  detail: string;
}

export interface VerifyReport {
  snapshots: number;
  folders: number;
  problems: VerifyProblem[];
  repaired: number;
}

const ORPHANS_DIR = '.orphans';

/** Snapshot folders on disk: <host>/<YYYY>/<MM>/<DD>/<id>/, relative to the store. */
function snapshotFolders(storeDir: string): string[] {
  const out: string[] = [];
  const walk = (dir: string, depth: number) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (!e.isDirectory() || e.name.startsWith('.') || (depth === 0 && e.name === 'runs')) continue;
      const path = join(dir, e.name);
      if (depth === 4) {
        if (isSnapshotId(e.name)) out.push(relative(storeDir, path));
      } else walk(path, depth + 1);
    }
  };
  walk(storeDir, 0);
  return out;
}

/**
 * `snapcrawl verify`: checks that the index and the files agree (every row has its folder and files,
 * every folder has its row), optionally that each WARC still matches its recorded sha256, and that
 * every frontier URL marked as snapshotted still has its snapshot. With `repair`, rows without files
 * are dropped and their URLs requeued, orphan folders are moved to `.orphans/` (never deleted), and
 * dangling frontier entries are requeued. Takes the run lock so it never races a crawl.
 */
export async function verifyStore(storeDir: string, options: { repair?: boolean; deep?: boolean } = {}): Promise<VerifyReport> {
  const lock = acquireRunLock(storeDir);
  const db = openStoreDatabase(storeDir);
  const store = SnapshotStore.open(storeDir, { db }); // open() also finishes interrupted writes and deletes
  try {
    const report: VerifyReport = { snapshots: 0, folders: 0, problems: [], repaired: 0 };
    const { rows: allRows, dropRow, relatest } = snapshotRepairStatements(db);
    const { requeueLost: requeue, dangling: danglingRows } = frontierRepairStatements(db);
    const rows = allRows.all();
    report.snapshots = rows.length;
    const indexed = new Set(rows.map((r) => r.dir));

    for (const row of rows) {
      const dir = join(storeDir, row.dir);
      const missing = [SNAPSHOT_JSON_FILE, WARC_FILE_NAME].filter((f) => !existsSync(join(dir, f)));
      let problem: VerifyProblem | null = null;
      if (missing.length) problem = { kind: 'missing-files', id: row.id, url: row.url, path: row.dir, detail: `missing ${missing.join(', ')}` };
      else if (options.deep) {
        const check = await store.verify(row.id).catch((e: Error) => ({ ok: false, detail: e.message }));
        if (check && !check.ok) problem = { kind: 'corrupt', id: row.id, url: row.url, path: row.dir, detail: 'WARC body does not match the recorded sha256' };
      }
      if (!problem) continue;
      report.problems.push(problem);
      if (options.repair && problem.kind === 'missing-files') {
        db.transaction(() => {
          dropRow.run(row.id);
          relatest.run(row.url);
          requeue.run(row.url);
        }).immediate();
        report.repaired++;
      }
    }

    const folders = snapshotFolders(storeDir);
    report.folders = folders.length;
    for (const rel of folders) {
      if (indexed.has(rel) || rel.startsWith(TMP_DIR_NAME)) continue;
      report.problems.push({ kind: 'orphan-folder', path: rel, detail: 'folder has no index row' });
      if (options.repair) {
        const dest = join(storeDir, ORPHANS_DIR, rel.replace(/[\\/]/g, '_'));
        mkdirSync(join(storeDir, ORPHANS_DIR), { recursive: true });
        renameSync(join(storeDir, rel), dest);
        report.repaired++;
      }
    }

    const dangling = danglingRows.all() as { url: string; snapshot_id: string }[];
    for (const d of dangling) {
      if (isExcluded(db, d.url)) continue; // taken down on purpose
      report.problems.push({ kind: 'frontier-dangling', id: d.snapshot_id, url: d.url, detail: 'frontier says snapshotted but no snapshot exists' });
      if (options.repair) {
        requeue.run(d.url);
        report.repaired++;
      }
    }
    return report;
  } finally {
    store.close();
    db.close();
    lock.release();
  }
}
