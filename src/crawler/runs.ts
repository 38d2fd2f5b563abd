import { randomBytes } from 'node:crypto';
import type { StoreDatabase } from '../storage/index.js';

export interface RunRow {
  id: string;
  startedAt: string;
  finishedAt: string | null;
  status: 'running' | 'completed' | 'interrupted' | 'failed';
}

/** Bookkeeping of crawl runs: a run that never finished (killed) is resumed under its own id. */
export class RunRegistry {
  constructor(private readonly db: StoreDatabase) {
    db.exec(`CREATE TABLE IF NOT EXISTS runs (
      id TEXT PRIMARY KEY, started_at TEXT NOT NULL, finished_at TEXT, status TEXT NOT NULL, summary TEXT)`);
  }

  /**
   * Starts a run, or resumes the last one if it was left running or interrupted; a resumed run gets the
   * counters its earlier processes checkpointed, so its report covers the whole run.
   */
  begin(now = new Date()): { id: string; resumed: boolean; previous: unknown } {
    const last = this.db
      .prepare(`SELECT id, status, summary FROM runs ORDER BY started_at DESC, rowid DESC LIMIT 1`)
      .get() as { id: string; status: string; summary: string | null } | undefined;
    if (last && (last.status === 'running' || last.status === 'interrupted')) {
      this.db.prepare(`UPDATE runs SET status='running' WHERE id=?`).run(last.id);
      return { id: last.id, resumed: true, previous: last.summary ? (JSON.parse(last.summary) as unknown) : null };
    }
    const id = `${now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}-${randomBytes(3).toString('hex')}`;
    this.db.prepare(`INSERT INTO runs (id, started_at, status) VALUES (?, ?, 'running')`).run(id, now.toISOString());
    return { id, resumed: false, previous: null };
  }

  /** Saves the running counters (a kill -9 loses at most the last few seconds of counting, never data). */
  checkpoint(id: string, summary: unknown): void {
    this.db.prepare(`UPDATE runs SET summary=? WHERE id=? AND status='running'`).run(JSON.stringify(summary), id);
  }

  end(id: string, status: RunRow['status'], summary: unknown, now = new Date()): void {
    this.db
      .prepare(`UPDATE runs SET status=?, finished_at=?, summary=? WHERE id=?`)
      .run(status, now.toISOString(), JSON.stringify(summary), id);
  }

  /** Summaries of the last completed runs other than `exceptId`, newest first (drift baselines, health.ts). */
  completedSummaries(exceptId: string, limit = 50): unknown[] {
    const rows = this.db
      .prepare(`SELECT summary FROM runs WHERE status = 'completed' AND id != ? AND summary IS NOT NULL
        ORDER BY started_at DESC, rowid DESC LIMIT ?`)
      .all(exceptId, limit) as { summary: string }[];
    return rows.map((r) => {
      try {
        return JSON.parse(r.summary) as unknown;
      } catch {
        return null;
      }
    });
  }

  recent(limit = 10): (RunRow & { summary: unknown })[] {
    const rows = this.db
      .prepare(`SELECT id, started_at, finished_at, status, summary FROM runs ORDER BY started_at DESC LIMIT ?`)
      .all(limit) as { id: string; started_at: string; finished_at: string | null; status: RunRow['status']; summary: string | null }[];
    return rows.map((r) => ({
      id: r.id,
      startedAt: r.started_at,
      finishedAt: r.finished_at,
      status: r.status,
      summary: r.summary ? (JSON.parse(r.summary) as unknown) : null,
    }));
  }
}
