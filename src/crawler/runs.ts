import { randomBytes } from 'node:crypto';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withLazySync, type StoreDatabase } from '../storage/index.js';
import { runStatements } from '../storage/sqlite/runs-queries.js';
import type { RunSummary } from './summary.js';

export interface RunRow {
  id: string;
  startedAt: string;
  finishedAt: string | null;
  status: 'running' | 'completed' | 'interrupted' | 'failed';
}

/** Bookkeeping of crawl runs: a run that never finished (killed) is resumed under its own id. */
export class RunRegistry {
  private readonly s: ReturnType<typeof runStatements>;

  /** The table is the store's (openStoreDatabase migrates it). */
  constructor(private readonly db: StoreDatabase) {
    this.s = runStatements(db);
  }

  /**
   * Starts a run, or resumes the last one if it was left running or interrupted; a resumed run gets the
   * counters its earlier processes checkpointed, so its report covers the whole run.
   */
  begin(now = new Date()): { id: string; resumed: boolean; previous: unknown } {
    const last = this.s.last.get();
    if (last && (last.status === 'running' || last.status === 'interrupted')) {
      this.s.resume.run(last.id);
      return { id: last.id, resumed: true, previous: last.summary ? (JSON.parse(last.summary) as unknown) : null };
    }
    const id = `${now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}-${randomBytes(3).toString('hex')}`;
    this.s.insert.run(id, now.toISOString());
    return { id, resumed: false, previous: null };
  }

  /**
   * Saves the running counters (a kill -9 loses at most the last few seconds of counting, never data). Committed
   * without its own fsync (synchronous = NORMAL for it, as the frontier's bookkeeping): a killed process loses
   * nothing committed to the WAL, only a power cut could lose the last checkpoint, and the next commit that syncs
   * carries it. Under FULL, this timer held the crawl's event loop for an fsync every 2 s (2.6% of the main
   * thread's samples in a 2 000-article profile on a loaded machine).
   */
  checkpoint(id: string, summary: unknown): void {
    withLazySync(this.db, () => this.s.checkpoint.run(JSON.stringify(summary), id));
  }

  end(id: string, status: RunRow['status'], summary: unknown, now = new Date()): void {
    this.s.end.run(status, now.toISOString(), JSON.stringify(summary), id);
  }

  /** Summaries of the last completed runs other than `exceptId`, newest first (drift baselines, health.ts). */
  completedSummaries(exceptId: string, limit = 50): unknown[] {
    const rows = this.s.completedSummaries.all(exceptId, limit);
    return rows.map((r) => {
      try {
        return JSON.parse(r.summary) as unknown;
      } catch {
        return null;
      }
    });
  }

  recent(limit = 10): (RunRow & { summary: unknown })[] {
    const rows = this.s.recent.all(limit);
    return rows.map((r) => ({
      id: r.id,
      startedAt: r.started_at,
      finishedAt: r.finished_at,
      status: r.status,
      summary: r.summary ? (JSON.parse(r.summary) as unknown) : null,
    }));
  }
}

/** Writes `runs/<runId>.json` atomically (temp + rename). */
export function writeRunReport(storeDir: string, summary: RunSummary): void {
  const dir = join(storeDir, 'runs');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${summary.runId}.json`);
  writeFileSync(`${file}.tmp`, JSON.stringify(summary, null, 2));
  renameSync(`${file}.tmp`, file);
}

