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

test('postgres: an insert stores the search document in its own commit and refuses a taken-down URL inside it', async () => {
  const name = `${NAME}_i`;
  const target = await createPostgresDatabase(ADMIN, name);
  try {
    const stores = await connectPostgresIndex(target);
    try {
      const doc = (id: string, body: string) => ({ id, url: 'https://a.example/1', title: '研究报告', body, host: 'a.example', category: null, publishedAt: null });
      const first = await stores.snapshots.insert(snap('s1', 'https://a.example/1'), { search: doc('s1', 'first words'), refuseExcluded: ['https://a.example/1'] });
      assert.deepEqual(first, { inserted: true, previousId: null, searched: true });
      assert.deepEqual((await stores.search.search('first', { limit: 5, offset: 0 })).hits.map((h) => h.id), ['s1']);
      // A new version replaces the old one's document in the same commit.
      const second = await stores.snapshots.insert(snap('s2', 'https://a.example/1'), { search: doc('s2', 'second words') });
      assert.deepEqual(second, { inserted: true, previousId: 's1', searched: true });
      assert.equal((await stores.search.search('first', { limit: 5, offset: 0 })).total, 0);
      assert.deepEqual((await stores.search.search('研究', { limit: 5, offset: 0 })).hits.map((h) => h.id), ['s2']);
      // A rule added by another process (no cache here) refuses the insert: nothing stored, no document.
      const other = await connectPostgresIndex(target);
      await other.exclusions.add([{ kind: 'host', value: 'b.example' }], 'test');
      await other.close();
      const refused = await stores.snapshots.insert(snap('s3', 'https://www.b.example/x'), { search: doc('s3', 'third words'), refuseExcluded: ['https://www.b.example/x'] });
      assert.equal(refused.inserted, false);
      assert.equal(refused.excluded, true);
      assert.equal(await stores.snapshots.get('s3'), null);
      assert.equal((await stores.search.search('third', { limit: 5, offset: 0 })).total, 0);
      // Without the URLs to check, the same row goes in (the check is the caller's to ask for).
      assert.equal((await stores.snapshots.insert(snap('s4', 'https://www.b.example/y'))).inserted, true);
    } finally {
      await stores.close();
    }
  } finally {
    await dropPostgresDatabase(ADMIN, name);
  }
});

test("postgres: a worker's cached takedown list sees its own changes at once and another process's within the cache time", async () => {
  const name = `${NAME}_x`;
  const target = await createPostgresDatabase(ADMIN, name);
  try {
    const worker = await connectPostgresIndex(target, { exclusionCacheMs: 300 });
    const admin = await connectPostgresIndex(target);
    try {
      const url = 'https://c.example/page';
      assert.equal(await worker.exclusions.isExcluded(url), false); // loads the (empty) copy
      await admin.exclusions.add([{ kind: 'prefix', value: 'https://c.example/p' }], 'test');
      // Within the cache time the copy may still say no; after it, the rule is seen. Polled, not timed: the copy
      // must turn over on its own, with no change made through this store.
      let seen = false;
      for (let i = 0; i < 100 && !seen; i++) {
        seen = await worker.exclusions.isExcluded(url);
        if (!seen) await new Promise((r) => setTimeout(r, 50));
      }
      assert.equal(seen, true, 'the copy is refreshed');
      await worker.exclusions.remove({ kind: 'prefix', value: 'https://c.example/p' });
      assert.equal(await worker.exclusions.isExcluded(url), false, 'its own removal is seen at once');
      await worker.exclusions.add([{ kind: 'url', value: url }, { kind: 'host', value: 'd.example' }], 'test');
      assert.equal(await worker.exclusions.isExcluded(url), true, 'its own addition is seen at once');
      assert.equal(await worker.exclusions.isExcluded('https://www.d.example/'), true);
      assert.equal(await worker.exclusions.isExcluded('https://e.example/'), false);
    } finally {
      await worker.close();
      await admin.close();
    }
  } finally {
    await dropPostgresDatabase(ADMIN, name);
  }
});

indexStoresContract('postgres', async () => {
  await sql(url, 'TRUNCATE snapshots, runs, exclusions, search_docs');
  return { open: () => connectPostgresIndex(url), dispose: async () => undefined };
});
