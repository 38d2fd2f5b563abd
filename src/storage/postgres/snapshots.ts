/**
 * SnapshotIndexStore on PostgreSQL. Workers on several machines store articles at once, so the insert rule
 * ("refuse when the URL's latest version already has this content") is made atomic per URL: each insert or
 * removal takes a transaction-scoped advisory lock on the URL before reading its latest row, which serializes
 * the read-check-write of one article while different articles proceed in parallel (a row lock alone cannot
 * cover the first version, when there is no row to lock yet). The unique partial index on (url) WHERE is_latest
 * is the backstop: should two latest rows ever be attempted, the second insert fails instead of forking history.
 * The insert runs as one call of a server-side function (migrations.ts V2): every worker commits every article
 * through it, so it is one round trip and one commit, with the search document and the takedown re-check inside.
 */
import type pg from 'pg';
import type { IndexedSnapshot, IndexQuery, InsertExtras, InsertResult, SnapshotIndexStore, SnapshotSelector } from '../interfaces.js';
import { hostnameOf, hostnameSuffixes, pageOf, publishedMsOf, toIndexedSnapshot, type IndexRow as Row } from '../index-rows.js';
import { termVector } from './search.js';
import { inTransaction, LOCK_CLASS } from './tx.js';

const COLUMNS = `id, url, final_url, canonical_url, host, hostname, fetched_at, title, published_at, category, source, dir,
  previous_id, content_hash, sha256, http_status, bytes, is_latest`;

/** Which rows a selector matches; select() then takes every version of their URLs ($1 is the value). */
const SELECT_CONDITIONS: Record<'url' | 'prefix' | 'hostname' | 'id', string> = {
  url: 'url = $1 OR final_url = $1 OR canonical_url = $1',
  prefix: 'starts_with(url, $1) OR starts_with(final_url, $1)',
  // exact host or any subdomain of it, on both the asked and the final URL
  hostname: `hostname = $1 OR right(hostname, length($1) + 1) = '.' || $1
    OR final_hostname = $1 OR right(final_hostname, length($1) + 1) = '.' || $1`,
  id: 'id = $1',
};

const UNIQUE_VIOLATION = '23505';
/** A tsvector holds at most 1 MB; a terms literal this long is kept out of the commit (see insertLocked). */
const MAX_INLINE_TERMS_CHARS = 512 * 1024;

/** Takes the per-URL advisory locks of `urls` in sorted order (two removals never wait on each other in a cycle). */
async function lockUrls(client: pg.PoolClient, urls: readonly string[]): Promise<void> {
  for (const url of [...new Set(urls)].sort()) {
    await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [LOCK_CLASS.url, url]);
  }
}

export class PgSnapshotIndexStore implements SnapshotIndexStore {
  constructor(private readonly pool: pg.Pool) {}

  async insert(row: Omit<IndexedSnapshot, 'isLatest' | 'previousId'>, extras: InsertExtras = {}): Promise<InsertResult> {
    try {
      return await this.insertLocked(row, extras);
    } catch (err) {
      // The id (or dir) was taken by a concurrent insert of another URL between the check and the insert.
      if ((err as { code?: string }).code !== UNIQUE_VIOLATION) throw err;
      return { inserted: false, previousId: (await this.latestFor(row.url))?.id ?? null };
    }
  }

  /** One statement (migrations.ts snapcrawl_insert_snapshot): lock, takedown check, content check, row and search document. */
  private async insertLocked(row: Omit<IndexedSnapshot, 'isLatest' | 'previousId'>, extras: InsertExtras): Promise<InsertResult> {
    const doc = extras.search;
    // A document too big for one tsvector would fail the whole commit: it is left to the separate, best-effort index.
    const terms = doc ? termVector(doc.title, doc.body) : null;
    const withDoc = doc !== undefined && terms !== null && terms.length <= MAX_INLINE_TERMS_CHARS;
    const refuse = [...new Set(extras.refuseExcluded ?? [])];
    const hosts = [...new Set(refuse.flatMap((u) => hostnameSuffixes(u) ?? []))];
    const { rows } = await this.pool.query<{ status: 'inserted' | 'excluded' | 'same-content' | 'taken'; previous_id: string | null }>({
      // Named: each pooled connection parses and plans it once, not at every article.
      name: 'snapcrawl_insert_snapshot',
      text: `SELECT o_status AS status, o_previous_id AS previous_id FROM snapcrawl_insert_snapshot($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14,
        $15, $16, $17, $18, $19, $20, $21::tsvector, $22::text[], $23::text[])`,
      values: [row.id, row.url, row.finalUrl, row.canonicalUrl, row.host, row.hostname, hostnameOf(row.finalUrl), row.fetchedAt,
        row.title, row.publishedAt, publishedMsOf(row.publishedAt), row.category, row.source, row.dir,
        row.contentHash, row.sha256, row.httpStatus, row.bytes,
        withDoc ? doc.title : null, withDoc ? doc.body : null, withDoc ? terms : null, refuse, hosts],
    });
    const { status, previous_id: previousId } = rows[0]!;
    if (status === 'excluded') return { inserted: false, previousId, excluded: true };
    if (status !== 'inserted') return { inserted: false, previousId };
    return withDoc ? { inserted: true, previousId, searched: true } : { inserted: true, previousId };
  }

  async get(id: string): Promise<IndexedSnapshot | null> {
    const { rows } = await this.pool.query<Row>(`SELECT ${COLUMNS} FROM snapshots WHERE id = $1`, [id]);
    return rows[0] ? toIndexedSnapshot(rows[0]) : null;
  }

  async latestFor(url: string): Promise<IndexedSnapshot | null> {
    const { rows } = await this.pool.query<Row>(
      `SELECT ${COLUMNS} FROM snapshots WHERE url = $1 ORDER BY is_latest DESC, fetched_at DESC, id DESC LIMIT 1`,
      [url],
    );
    return rows[0] ? toIndexedSnapshot(rows[0]) : null;
  }

  /** One statement: each URL's latestFor row (by position) and the rows of the ids asked, told apart by `k`. */
  async lookup(urls: readonly string[], ids: readonly string[]): Promise<{ latest: (IndexedSnapshot | null)[]; taken: boolean[] }> {
    const latest: (IndexedSnapshot | null)[] = urls.map(() => null);
    if (urls.length === 0 && ids.length === 0) return { latest, taken: [] };
    const { rows } = await this.pool.query<Row & { k: 'u' | 'i'; i: number }>({
      name: 'snapcrawl_lookup',
      text: `SELECT 'u' AS k, c.i::int AS i, s.* FROM unnest($1::text[]) WITH ORDINALITY AS c(u, i)
         CROSS JOIN LATERAL (SELECT ${COLUMNS} FROM snapshots WHERE url = c.u ORDER BY is_latest DESC, fetched_at DESC, id DESC LIMIT 1) s
       UNION ALL
       SELECT 'i', 0, ${COLUMNS} FROM snapshots WHERE id = ANY($2::text[])`,
      values: [urls, ids],
    });
    const found = new Set<string>();
    for (const r of rows) {
      if (r.k === 'i') found.add(r.id);
      else latest[r.i - 1] = toIndexedSnapshot(r);
    }
    return { latest, taken: ids.map((id) => found.has(id)) };
  }

  async versions(url: string): Promise<IndexedSnapshot[]> {
    const { rows } = await this.pool.query<Row>(`SELECT ${COLUMNS} FROM snapshots WHERE url = $1 ORDER BY fetched_at, id`, [url]);
    return rows.map(toIndexedSnapshot);
  }

  async list(query: IndexQuery): Promise<IndexedSnapshot[]> {
    const { where, params } = filters(query);
    const order = query.orderBy === 'publishedAt' ? 'published_ms DESC NULLS LAST, fetched_at DESC, id DESC' : 'fetched_at DESC, id DESC';
    const { limit, offset } = pageOf(query);
    const n = params.length;
    const { rows } = await this.pool.query<Row>(
      `SELECT ${COLUMNS} FROM snapshots ${where} ORDER BY ${order} LIMIT $${n + 1} OFFSET $${n + 2}`,
      [...params, limit, offset],
    );
    return rows.map(toIndexedSnapshot);
  }

  async count(query: Omit<IndexQuery, 'limit' | 'offset' | 'orderBy'>): Promise<number> {
    const { where, params } = filters(query);
    const { rows } = await this.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM snapshots ${where}`, params);
    return rows[0].n;
  }

  async select(selector: SnapshotSelector): Promise<IndexedSnapshot[]> {
    const [kind, value] = Object.entries(selector)[0] as [keyof typeof SELECT_CONDITIONS, string];
    const { rows } = await this.pool.query<Row>(
      `SELECT ${COLUMNS} FROM snapshots WHERE url IN (SELECT url FROM snapshots WHERE ${SELECT_CONDITIONS[kind]}) ORDER BY url, fetched_at, id`,
      [value],
    );
    return rows.map(toIndexedSnapshot);
  }

  async remove(ids: readonly string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    return inTransaction(this.pool, async (client) => {
      const urls = (await client.query<{ url: string }>('SELECT DISTINCT url FROM snapshots WHERE id = ANY($1)', [ids])).rows.map((r) => r.url);
      if (urls.length === 0) return [];
      await lockUrls(client, urls);
      const removed = (await client.query<{ id: string }>('DELETE FROM snapshots WHERE id = ANY($1) RETURNING id', [ids])).rows.map((r) => r.id);
      // Two steps, so the one-latest-per-URL index never sees two latest rows of a URL mid-statement.
      await client.query('UPDATE snapshots SET is_latest = false WHERE url = ANY($1) AND is_latest', [urls]);
      await client.query(
        `UPDATE snapshots SET is_latest = true WHERE id IN (
          SELECT DISTINCT ON (url) id FROM snapshots WHERE url = ANY($1) ORDER BY url, fetched_at DESC, id DESC)`,
        [urls],
      );
      // Inside the same transaction: a takedown must not leave the text behind in search.
      await client.query('DELETE FROM search_docs WHERE id = ANY($1)', [removed]);
      return removed;
    });
  }

  async close(): Promise<void> {
    // The pool belongs to the IndexStores that opened it.
  }
}

function filters(query: Omit<IndexQuery, 'limit' | 'offset' | 'orderBy'>): { where: string; params: string[] } {
  const clauses: string[] = [];
  const params: string[] = [];
  if (query.latestOnly) clauses.push('is_latest');
  for (const key of ['host', 'category', 'source'] as const) {
    const value = query[key];
    if (value === undefined) continue;
    params.push(value);
    clauses.push(`${key} = $${params.length}`);
  }
  return { where: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}
