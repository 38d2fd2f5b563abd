import type { BlobStore, SnapshotIndexStore } from '../storage/interfaces.js';
import { isSnapshotId } from './ids.js';

/** When a snapshot id was made: its leading UTC second (`20251013T054501Z-…`). */
export function snapshotIdTime(id: string): number {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z-/.exec(id);
  return m ? Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]) : NaN;
}

/** Snapshot ids per bulk look-up. */
const SWEEP_CHUNK = 1_000;

export interface SweepReport {
  /** Snapshot folders (`<host>/<YYYY>/<MM>/<DD>/<id>`) removed: files without an index row. */
  removed: string[];
  /** Folders without a row yet too young to be judged (a write may still be committing them). */
  kept: number;
}

/**
 * Removes the files of snapshots that were never committed: a worker killed (or whose lease ran out) between
 * writing a snapshot's blobs and its index insert leaves a folder no row points at. Only folders whose id is older
 * than `olderThan` are judged, so a write in progress elsewhere is never touched; the caller passes a time before
 * which every writer has either committed or lost its lease (at least one lease length ago).
 */
export async function sweepOrphanSnapshots(blobs: BlobStore, snapshots: SnapshotIndexStore, olderThan: number): Promise<SweepReport> {
  const byDir = new Map<string, string[]>();
  for (const key of await blobs.list('')) {
    const parts = key.split('/');
    // <host>/<YYYY>/<MM>/<DD>/<id>/<file>: anything else under the root (the SQLite store's own files) is not a snapshot.
    if (parts.length !== 6 || !isSnapshotId(parts[4]!)) continue;
    const dir = parts.slice(0, 5).join('/');
    const files = byDir.get(dir) ?? [];
    files.push(key);
    byDir.set(dir, files);
  }
  const report: SweepReport = { removed: [], kept: 0 };
  const idOf = (dir: string) => dir.slice(dir.lastIndexOf('/') + 1);
  // A store that looks ids up in bulk is asked SWEEP_CHUNK at a time, not once per folder (a crawl's end has many).
  const committed = new Set<string>();
  if (snapshots.lookup) {
    const ids = [...byDir.keys()].map(idOf);
    for (let i = 0; i < ids.length; i += SWEEP_CHUNK) {
      const chunk = ids.slice(i, i + SWEEP_CHUNK);
      const { taken } = await snapshots.lookup([], chunk);
      chunk.forEach((id, j) => taken[j] && committed.add(id));
    }
  }
  for (const [dir, files] of byDir) {
    const id = idOf(dir);
    if (committed.has(id) || (!snapshots.lookup && (await snapshots.get(id)))) continue;
    if (!(snapshotIdTime(id) < olderThan)) {
      report.kept++;
      continue;
    }
    for (const key of files) await blobs.delete(key);
    report.removed.push(dir);
  }
  return report;
}
