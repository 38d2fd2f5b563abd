/**
 * Which snapshots were taken down, so their pages answer 410 Gone with a notice rather than 404.
 * The audit log (takedowns.jsonl) lists every removed id; it is re-read whenever its size or mtime
 * changes, so a takedown shows at once. Snapshots still in the index whose URL an exclusion now
 * covers (a takedown in progress, or a later prefix/host rule) count as gone too.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { SnapshotStore } from '../snapshot/index.js';
import { isExcluded } from '../frontier/index.js';
import { TAKEDOWN_LOG_FILE, type TakedownAuditEntry } from '../takedown/index.js';

export interface TakedownNotice {
  /** When the takedown was carried out (ISO 8601), when known. */
  time: string | null;
}

interface RemovedIndex {
  stamp: string;
  byId: Map<string, string>;
}

/** The ids takedowns.jsonl lists as removed, re-read when the file changes (a store directory or a shared path). */
export class TakedownLog {
  private removed: RemovedIndex = { stamp: '', byId: new Map() };

  constructor(private readonly dir: string) {}

  /** The notice for an id that was taken down, or null if it never was. */
  noticeForId(id: string): TakedownNotice | null {
    const time = this.removedIds().get(id);
    return time === undefined ? null : { time: time || null };
  }

  private removedIds(): Map<string, string> {
    const path = join(this.dir, TAKEDOWN_LOG_FILE);
    let stamp: string;
    try {
      const st = statSync(path);
      stamp = `${st.size}:${st.mtimeMs}`;
    } catch {
      return new Map();
    }
    if (stamp === this.removed.stamp) return this.removed.byId;
    const byId = new Map<string, string>();
    for (const line of readFileSync(path, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      try {
        const entry = JSON.parse(line) as Partial<TakedownAuditEntry>;
        for (const removed of entry.removed ?? []) if (typeof removed?.id === 'string') byId.set(removed.id, entry.time ?? '');
      } catch {
        // A torn last line (crash mid-append) is skipped; every complete line still counts.
      }
    }
    this.removed = { stamp, byId };
    return byId;
  }
}

export class TakedownRegistry {
  private readonly log: TakedownLog;

  constructor(private readonly store: SnapshotStore) {
    this.log = new TakedownLog(store.storeDir);
  }

  /** The notice for an id that was taken down, or null if it never was. */
  noticeForId(id: string): TakedownNotice | null {
    return this.log.noticeForId(id);
  }

  /** True when a live snapshot's URL is under a takedown exclusion (it must not be shown). */
  isUrlTakenDown(url: string): boolean {
    return isExcluded(this.store.db, url);
  }
}
