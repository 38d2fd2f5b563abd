/**
 * RunRegistryStore on PostgreSQL. Every worker of a crawl calls `begin` when it starts; a transaction-scoped
 * advisory lock makes "find the running run, else start one" atomic, so workers starting together share one id.
 */
import type pg from 'pg';
import type { RunRecord, RunRegistryStore, RunStatus } from '../interfaces.js';
import { makeRunId } from '../index-rows.js';
import { inTransaction, LOCK_CLASS } from './tx.js';

/** jsonb parameter: JSON text (undefined, which JSON.stringify drops, is stored as JSON null). */
const json = (value: unknown): string => JSON.stringify(value ?? null);

export class PgRunRegistryStore implements RunRegistryStore {
  constructor(private readonly pool: pg.Pool) {}

  /** Joins the last run when it is still running, or resumes it when it was interrupted; else starts one. */
  async begin(now: Date): Promise<{ id: string; resumed: boolean }> {
    return inTransaction(this.pool, async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1, 0)', [LOCK_CLASS.run]);
      const last = (await client.query<{ id: string; status: RunStatus }>(
        'SELECT id, status FROM runs ORDER BY started_at DESC, seq DESC LIMIT 1',
      )).rows[0];
      if (last && (last.status === 'running' || last.status === 'interrupted')) {
        if (last.status !== 'running') await client.query(`UPDATE runs SET status = 'running' WHERE id = $1`, [last.id]);
        return { id: last.id, resumed: true };
      }
      const id = makeRunId(now);
      await client.query(`INSERT INTO runs (id, started_at, status) VALUES ($1, $2, 'running')`, [id, now.toISOString()]);
      return { id, resumed: false };
    });
  }

  async checkpoint(id: string, summary: unknown): Promise<void> {
    await this.pool.query(`UPDATE runs SET summary = $1::jsonb WHERE id = $2 AND status = 'running'`, [json(summary), id]);
  }

  async end(id: string, status: RunStatus, summary: unknown, now: Date): Promise<void> {
    await this.pool.query('UPDATE runs SET status = $1, finished_at = $2, summary = $3::jsonb WHERE id = $4', [status, now.toISOString(), json(summary), id]);
  }

  async recent(limit: number): Promise<RunRecord[]> {
    const { rows } = await this.pool.query<{ id: string; started_at: string; finished_at: string | null; status: RunStatus; summary: unknown }>(
      'SELECT id, started_at, finished_at, status, summary FROM runs ORDER BY started_at DESC, seq DESC LIMIT $1',
      [Math.max(0, Math.floor(limit))],
    );
    return rows.map((r) => ({ id: r.id, startedAt: r.started_at, finishedAt: r.finished_at, status: r.status, summary: r.summary }));
  }
}
