/** The crawl-run registry's SQL (table runs: 001-baseline.ts). */
import type { StoreDatabase } from '../database.js';

export type RunStatus = 'running' | 'completed' | 'interrupted' | 'failed';

export interface RunTableRow {
  id: string;
  started_at: string;
  finished_at: string | null;
  status: RunStatus;
  /** JSON of the run's counters, as checkpointed. */
  summary: string | null;
}

/** Statements over `runs`, prepared once per registry. */
export function runStatements(db: StoreDatabase) {
  return {
    last: db.prepare<[], Pick<RunTableRow, 'id' | 'status' | 'summary'>>(`SELECT id, status, summary FROM runs ORDER BY started_at DESC, rowid DESC LIMIT 1`),
    resume: db.prepare<[string]>(`UPDATE runs SET status='running' WHERE id=?`),
    insert: db.prepare<[string, string]>(`INSERT INTO runs (id, started_at, status) VALUES (?, ?, 'running')`),
    checkpoint: db.prepare<[string, string]>(`UPDATE runs SET summary=? WHERE id=? AND status='running'`),
    end: db.prepare<[RunStatus, string, string, string]>(`UPDATE runs SET status=?, finished_at=?, summary=? WHERE id=?`),
    completedSummaries: db.prepare<[string, number], { summary: string }>(`SELECT summary FROM runs WHERE status = 'completed' AND id != ? AND summary IS NOT NULL
      ORDER BY started_at DESC, rowid DESC LIMIT ?`),
    recent: db.prepare<[number], RunTableRow>(`SELECT id, started_at, finished_at, status, summary FROM runs ORDER BY started_at DESC LIMIT ?`),
  };
}
