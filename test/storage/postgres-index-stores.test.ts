import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, test } from 'node:test';
import pg from 'pg';
import { connectPostgresIndex, createPostgresDatabase, dropPostgresDatabase, postgresDatabaseUrl } from '../../src/storage/postgres/index-stores.js';
import { MIGRATIONS } from '../../src/storage/postgres/migrations.js';
import { termVector } from '../../src/storage/postgres/search.js';
import { indexStoresContract, snap } from './contract/index-stores.contract.js';

const ADMIN = 'postgres://postgres@127.0.0.1:5432/postgres';
const NAME = `snapcrawl_test_${process.pid}_${randomBytes(4).toString('hex')}`;
let url = '';

before(async () => {
  url = await createPostgresDatabase(ADMIN, NAME);
  await (await connectPostgresIndex(url)).close(); // schema in place before the contract empties tables
});
after(() => dropPostgresDatabase(ADMIN, NAME));

async function sql<T extends pg.QueryResultRow>(target: string, text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: target });
  await client.connect();
  try {
    return (await client.query<T>(text)).rows;
  } finally {
    await client.end();
  }
}

test('postgres: workers connecting at once to a new database apply each migration once', async () => {
  const name = `${NAME}_m`;
  const fresh = await createPostgresDatabase(ADMIN, name);
  try {
    const handles = await Promise.all(Array.from({ length: 4 }, () => connectPostgresIndex(fresh)));
    await Promise.all(handles.map((h) => h.close()));
    const rows = await sql<{ version: number }>(fresh, 'SELECT version FROM schema_migrations ORDER BY version');
    assert.deepEqual(rows.map((r) => r.version), MIGRATIONS.map((m) => m.version));
    const again = await connectPostgresIndex(fresh);
    await again.close();
  } finally {
    await dropPostgresDatabase(ADMIN, name);
  }
});

test('postgres: a database name that is not a plain identifier is refused', async () => {
  await assert.rejects(createPostgresDatabase(ADMIN, 'x"; DROP DATABASE postgres; --'), { name: 'PostgresIndexError' });
});

test('postgres: the term vector is bigrams and words with positions, title weighted', () => {
  assert.equal(termVector('研究报告', 'Report 2025'), `'研究':1A '究报':2A '报告':3A 'report':5 '2025':6`);
  assert.equal(termVector('', ''), '');
});

test('postgres: Chinese search does not depend on the database locale (LC_CTYPE=C)', async () => {
  const name = `${NAME}_c`;
  await sql(ADMIN, `CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'`);
  try {
    const stores = await connectPostgresIndex(postgresDatabaseUrl(ADMIN, name));
    try {
      await stores.snapshots.insert(snap('c1', 'https://a.example/1', { title: '北京大学发布新的研究报告' }));
      await stores.search.index([{ id: 'c1', url: 'https://a.example/1', title: '北京大学发布新的研究报告', body: '', host: 'a.example', category: null, publishedAt: null }]);
      for (const q of ['研究报告', '北京大学', '北京']) assert.equal((await stores.search.search(q, { limit: 5, offset: 0 })).total, 1, q);
    } finally {
      await stores.close();
    }
  } finally {
    await dropPostgresDatabase(ADMIN, name);
  }
});

indexStoresContract('postgres', async () => {
  await sql(url, 'TRUNCATE snapshots, runs, exclusions, search_docs');
  return { open: () => connectPostgresIndex(url), dispose: async () => undefined };
});
