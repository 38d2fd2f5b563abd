/**
 * RunRegistryStore over the store's `runs` table. `begin` runs in an IMMEDIATE transaction so two processes
 * starting at once both join one run instead of each opening its own.
 */
import { runTransaction, type StoreDatabase } from '../database.js';
import type { RunRecord, RunRegistryStore, RunStatus } from '../interfaces.js';
import { makeRunId } from '../index-rows.js';

function parseSummary(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null; // a summary cut short by an old crash is not worth failing a status page over
  }
}

export class SqliteRunRegistryStore implements RunRegistryStore {
  constructor(private readonly db: StoreDatabase) {}

  /** Joins the last run when it is still running, or resumes it when it was interrupted; else starts one. */
  async begin(now: Date): Promise<{ id: string; resumed: boolean }> {
    return runTransaction(this.db, () => {
      const last = this.db.prepare('SELECT id, status FROM runs ORDER BY started_at DESC, rowid DESC LIMIT 1').get() as
        | { id: string; status: RunStatus }
        | undefined;
      if (last && (last.status === 'running' || last.status === 'interrupted')) {
        this.db.prepare(`UPDATE runs SET status = 'running' WHERE id = ?`).run(last.id);
        return { id: last.id, resumed: true };
      }
      const id = makeRunId(now);
      this.db.prepare(`INSERT INTO runs (id, started_at, status) VALUES (?, ?, 'running')`).run(id, now.toISOString());
      return { id, resumed: false };
    }, 'immediate');
  }

  async checkpoint(id: string, summary: unknown): Promise<void> {
    this.db.prepare(`UPDATE runs SET summary = ? WHERE id = ? AND status = 'running'`).run(JSON.stringify(summary ?? null), id);
  }

  async end(id: string, status: RunStatus, summary: unknown, now: Date): Promise<void> {
    this.db.prepare('UPDATE runs SET status = ?, finished_at = ?, summary = ? WHERE id = ?').run(status, now.toISOString(), JSON.stringify(summary ?? null), id);
  }

  async recent(limit: number): Promise<RunRecord[]> {
    const rows = this.db
      .prepare('SELECT id, started_at, finished_at, status, summary FROM runs ORDER BY started_at DESC, rowid DESC LIMIT ?')
      .all(Math.max(0, Math.floor(limit))) as { id: string; started_at: string; finished_at: string | null; status: RunStatus; summary: string | null }[];
    return rows.map((r) => ({ id: r.id, startedAt: r.started_at, finishedAt: r.finished_at, status: r.status, summary: parseSummary(r.summary) }));
  }
}
