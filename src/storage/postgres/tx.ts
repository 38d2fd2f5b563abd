import type pg from 'pg';

/**
 * Runs `fn` in one transaction on one pooled connection: COMMIT when it resolves, ROLLBACK when it throws (the
 * error then propagates). The connection goes back to the pool either way.
 */
export async function inTransaction<T>(pool: pg.Pool, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    try {
      const result = await fn(client);
      await client.query('COMMIT');
      return result;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined); // the connection may be gone; the first error matters
      throw err;
    }
  } finally {
    client.release();
  }
}

/**
 * Advisory lock classes (the first key of pg_advisory_xact_lock(int, int)): each serializes one kind of change
 * across every worker of a crawl, whatever connection or machine it comes from. The two-key space never
 * overlaps the one-key space the migration lock uses.
 */
export const LOCK_CLASS = {
  /** Per article URL (second key: hashtext(url)): insert and remove of its versions. */
  url: 0x5c01,
  /** One lock (second key 0): starting or joining the crawl's run. */
  run: 0x5c02,
} as const;
