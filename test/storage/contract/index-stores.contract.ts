/**
 * The contract every IndexStores backend (SQLite in the store, PostgreSQL) must keep: snapshot index, runs,
 * exclusions and search. A backend test calls `indexStoresContract(name, factory)`; the factory gives an empty
 * backing store whose `open()` may be called several times for several workers' handles on the same data.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { normalizeUrl } from '../../../src/frontier/normalize.js';
import type { IndexedSnapshot, IndexStores } from '../../../src/storage/interfaces.js';

export interface IndexStoresBackend {
  /** A handle on the backing store (each call: another worker's connection to the same data). */
  open(): Promise<IndexStores>;
  /** Removes the backing store's data (after every handle is closed). */
  dispose(): Promise<void>;
}

type NewSnapshot = Omit<IndexedSnapshot, 'isLatest' | 'previousId'>;

let seq = 0;
/** A snapshot row; fetchedAt increases with every call unless given, so versions have a clear order. */
export function snap(id: string, url: string, over: Partial<NewSnapshot> = {}): NewSnapshot {
  const parsed = new URL(url);
  const fetchedAt = new Date(Date.UTC(2026, 0, 1, 0, 0, seq++)).toISOString();
  return {
    id, url, finalUrl: url, canonicalUrl: null, host: parsed.host, hostname: parsed.hostname, fetchedAt,
    title: `title ${id}`, publishedAt: null, category: null, source: 'src', dir: `${parsed.hostname}/2026/01/01/${id}`,
    contentHash: `hash-${id}`, sha256: `sha-${id}`, httpStatus: 200, bytes: 1000 + id.length, ...over,
  };
}

const ids = (rows: readonly { id: string }[]): string[] => rows.map((r) => r.id);

export function indexStoresContract(name: string, factory: () => Promise<IndexStoresBackend>): void {
  /** Runs `fn` on a fresh store with two handles (two workers); closes both and disposes after. */
  async function withStores(fn: (a: IndexStores, b: IndexStores) => Promise<void>): Promise<void> {
    const backend = await factory();
    const a = await backend.open();
    const b = await backend.open();
    try {
      await fn(a, b);
    } finally {
      await a.close();
      await b.close();
      await backend.dispose();
    }
  }

  describe(`${name}: snapshot index`, () => {
    test('insert chains versions and moves the latest flag', () =>
      withStores(async ({ snapshots }) => {
        const first = snap('a1', 'https://a.example/story', { title: '第一版', publishedAt: '2026-01-01T08:00:00+08:00', category: 'news', canonicalUrl: 'https://a.example/story' });
        assert.deepEqual(await snapshots.insert(first), { inserted: true, previousId: null });
        assert.deepEqual(await snapshots.get('a1'), { ...first, previousId: null, isLatest: true }, 'every field round-trips');
        const second = snap('a2', 'https://a.example/story', { finalUrl: 'https://a.example/story?page=1' });
        assert.deepEqual(await snapshots.insert(second), { inserted: true, previousId: 'a1' });
        assert.equal((await snapshots.get('a1'))?.isLatest, false);
        assert.deepEqual(await snapshots.get('a2'), { ...second, previousId: 'a1', isLatest: true });
        assert.equal((await snapshots.latestFor('https://a.example/story'))?.id, 'a2');
        assert.deepEqual(ids(await snapshots.versions('https://a.example/story')), ['a1', 'a2']);
        assert.equal(await snapshots.latestFor('https://a.example/other'), null);
        assert.equal(await snapshots.get('nope'), null);
      }));

    test('insert refuses the content the latest version already has, and a taken id', () =>
      withStores(async ({ snapshots }) => {
        await snapshots.insert(snap('b1', 'https://b.example/x', { contentHash: 'H1' }));
        assert.deepEqual(await snapshots.insert(snap('b2', 'https://b.example/x', { contentHash: 'H1' })), { inserted: false, previousId: 'b1' });
        assert.equal(await snapshots.get('b2'), null);
        await snapshots.insert(snap('b3', 'https://b.example/x', { contentHash: 'H2' }));
        // H1 is an older version's content, not the latest's: reverting is a change.
        assert.deepEqual(await snapshots.insert(snap('b4', 'https://b.example/x', { contentHash: 'H1' })), { inserted: true, previousId: 'b3' });
        assert.equal((await snapshots.insert(snap('b4', 'https://b.example/y', { dir: 'other/b4' }))).inserted, false, 'id exists');
        assert.equal(await snapshots.count({}), 3);
      }));

    test('two workers storing one article at once: exactly one insert wins', () =>
      withStores(async (a, b) => {
        const url = 'https://race.example/article';
        const attempts = Array.from({ length: 8 }, (_, i) => (i % 2 === 0 ? a : b).snapshots.insert(snap(`r${i}`, url, { contentHash: 'SAME' })));
        const results = await Promise.all(attempts);
        const winners = results.flatMap((r, i) => (r.inserted ? [`r${i}`] : []));
        assert.equal(winners.length, 1, `one winner, got ${winners.join(',')}`);
        for (const r of results) if (!r.inserted) assert.equal(r.previousId, winners[0], 'losers learn who won');
        assert.deepEqual(ids(await a.snapshots.versions(url)), winners);
      }));

    test('concurrent inserts of different content form one chain with one latest', () =>
      withStores(async (a, b) => {
        const url = 'https://race.example/live';
        const results = await Promise.all(
          Array.from({ length: 6 }, (_, i) => (i % 2 === 0 ? a : b).snapshots.insert(snap(`c${i}`, url, { contentHash: `C${i}` }))),
        );
        assert.ok(results.every((r) => r.inserted));
        const versions = await a.snapshots.versions(url);
        assert.equal(versions.filter((v) => v.isLatest).length, 1);
        const previous = versions.map((v) => v.previousId);
        assert.equal(previous.filter((p) => p === null).length, 1, 'one first version');
        assert.equal(new Set(previous).size, 6, 'no version was chained twice: the inserts were serialized');
      }));

    test('list and count filter, order and page', () =>
      withStores(async ({ snapshots }) => {
        const rows = [
          snap('l1', 'https://a.example/1', { category: 'world', source: 's1', publishedAt: '2026-01-03T00:00:00Z' }),
          snap('l2', 'https://a.example/2', { category: 'tech', source: 's1', publishedAt: null }),
          snap('l3', 'https://b.example:8080/1', { category: 'world', source: 's2', publishedAt: '2026-01-05T00:00:00Z' }),
          snap('l4', 'https://a.example/1', { category: 'world', source: 's1', publishedAt: '2026-01-01T00:00:00Z' }),
          snap('l5', 'https://b.example:8080/2', { category: 'tech', source: 's2', publishedAt: 'not a date' }),
        ];
        for (const row of rows) assert.equal((await snapshots.insert(row)).inserted, true);
        assert.deepEqual(ids(await snapshots.list({})), ['l5', 'l4', 'l3', 'l2', 'l1'], 'newest fetch first');
        assert.deepEqual(ids(await snapshots.list({ latestOnly: true })), ['l5', 'l4', 'l3', 'l2']);
        assert.deepEqual(ids(await snapshots.list({ orderBy: 'publishedAt', latestOnly: true })), ['l3', 'l4', 'l5', 'l2'], 'undated last');
        assert.deepEqual(ids(await snapshots.list({ orderBy: 'publishedAt' })), ['l3', 'l1', 'l4', 'l5', 'l2']);
        assert.deepEqual(ids(await snapshots.list({ host: 'b.example:8080' })), ['l5', 'l3']);
        assert.deepEqual(ids(await snapshots.list({ category: 'world', latestOnly: true })), ['l4', 'l3']);
        assert.deepEqual(ids(await snapshots.list({ source: 's1' })), ['l4', 'l2', 'l1']);
        assert.deepEqual(ids(await snapshots.list({ source: 's1', category: 'tech' })), ['l2']);
        assert.deepEqual(ids(await snapshots.list({ limit: 2 })), ['l5', 'l4']);
        assert.deepEqual(ids(await snapshots.list({ limit: 2, offset: 2 })), ['l3', 'l2']);
        assert.deepEqual(ids(await snapshots.list({ limit: 2, offset: 4 })), ['l1']);
        assert.equal(await snapshots.count({}), 5);
        assert.equal(await snapshots.count({ latestOnly: true }), 4);
        assert.equal(await snapshots.count({ host: 'a.example', latestOnly: true }), 2);
        assert.equal(await snapshots.count({ category: 'world' }), 3);
        assert.equal(await snapshots.count({ source: 'nobody' }), 0);
      }));

    test('select by url, prefix, hostname and id takes every version of what it matches', () =>
      withStores(async ({ snapshots }) => {
        await snapshots.insert(snap('s1', 'https://news.example/a', { finalUrl: 'https://m.news.example/a', canonicalUrl: 'https://news.example/a?c=1' }));
        await snapshots.insert(snap('s2', 'https://news.example/a'));
        await snapshots.insert(snap('s3', 'https://news.example/b'));
        await snapshots.insert(snap('s4', 'https://www.news.example:8443/c'));
        await snapshots.insert(snap('s5', 'https://othernews.example/a'));
        const sel = async (s: Parameters<IndexStores['snapshots']['select']>[0]) => ids(await snapshots.select(s)).sort();
        assert.deepEqual(await sel({ url: 'https://news.example/a' }), ['s1', 's2']);
        assert.deepEqual(await sel({ url: 'https://m.news.example/a' }), ['s1', 's2'], 'by final URL');
        assert.deepEqual(await sel({ url: 'https://news.example/a?c=1' }), ['s1', 's2'], 'by canonical URL');
        assert.deepEqual(await sel({ prefix: 'https://news.example/' }), ['s1', 's2', 's3']);
        assert.deepEqual(await sel({ prefix: 'https://m.news.ex' }), ['s1', 's2'], 'prefix of the final URL, not path-bounded');
        assert.deepEqual(await sel({ hostname: 'news.example' }), ['s1', 's2', 's3', 's4'], 'subdomains, any port, not othernews');
        assert.deepEqual(await sel({ hostname: 'm.news.example' }), ['s1', 's2'], 'by final hostname');
        assert.deepEqual(await sel({ id: 's2' }), ['s1', 's2']);
        assert.deepEqual(await sel({ id: 'missing' }), []);
      }));

    test('remove moves the latest flag to the newest remaining version', () =>
      withStores(async ({ snapshots }, other) => {
        const url = 'https://r.example/x';
        for (const id of ['x1', 'x2', 'x3']) await snapshots.insert(snap(id, url));
        assert.deepEqual((await snapshots.remove(['x3', 'ghost'])).sort(), ['x3']);
        assert.equal((await snapshots.latestFor(url))?.id, 'x2');
        assert.equal((await snapshots.get('x2'))?.isLatest, true);
        assert.deepEqual(await other.snapshots.remove(['x1']), ['x1'], 'removing an older version');
        assert.equal((await snapshots.get('x2'))?.isLatest, true);
        assert.deepEqual(await snapshots.remove(['x2']), ['x2']);
        assert.equal(await snapshots.latestFor(url), null);
        assert.deepEqual(await snapshots.remove([]), []);
        // After a removal, a new version chains to the remaining latest.
        await snapshots.insert(snap('y1', 'https://r.example/y'));
        await snapshots.insert(snap('y2', 'https://r.example/y'));
        await snapshots.remove(['y2']);
        assert.deepEqual(await snapshots.insert(snap('y3', 'https://r.example/y')), { inserted: true, previousId: 'y1' });
      }));

    test('lookup, where a store has it, answers as latestFor and get do', () =>
      withStores(async ({ snapshots }) => {
        if (!snapshots.lookup) return;
        for (const id of ['l1', 'l2']) await snapshots.insert(snap(id, 'https://l.example/a'));
        await snapshots.insert(snap('m1', 'https://l.example/b'));
        const urls = ['https://l.example/none', 'https://l.example/a', 'https://l.example/b', 'https://l.example/a'];
        const got = await snapshots.lookup(urls, ['l1', 'ghost', 'm1']);
        assert.deepEqual(got.latest, await Promise.all(urls.map((u) => snapshots.latestFor(u))));
        assert.deepEqual(got.latest.map((l) => l?.id ?? null), [null, 'l2', 'm1', 'l2']);
        assert.deepEqual(got.taken, [true, false, true]);
        assert.deepEqual(await snapshots.lookup([], []), { latest: [], taken: [] });
      }));
  });

  describe(`${name}: runs`, () => {
    test('a second begin while one runs joins it; a finished run is not resumed', () =>
      withStores(async (a, b) => {
        const now = new Date('2026-02-01T10:00:00Z');
        const first = await a.runs.begin(now);
        assert.equal(first.resumed, false);
        assert.match(first.id, /^20260201T100000Z-[0-9a-f]{6}$/);
        assert.deepEqual(await b.runs.begin(new Date('2026-02-01T10:05:00Z')), { id: first.id, resumed: true });
        await a.runs.checkpoint(first.id, { stored: 3, hosts: ['a.example'] });
        assert.deepEqual((await b.runs.recent(5))[0], { id: first.id, startedAt: now.toISOString(), finishedAt: null, status: 'running', summary: { stored: 3, hosts: ['a.example'] } });
        const end = new Date('2026-02-01T11:00:00Z');
        await b.runs.end(first.id, 'completed', { stored: 10 }, end);
        await a.runs.checkpoint(first.id, { stored: 99 }); // a late worker's checkpoint does not reopen or overwrite it
        assert.deepEqual(await a.runs.recent(1), [{ id: first.id, startedAt: now.toISOString(), finishedAt: end.toISOString(), status: 'completed', summary: { stored: 10 } }]);
        const next = await a.runs.begin(new Date('2026-02-02T10:00:00Z'));
        assert.equal(next.resumed, false);
        assert.notEqual(next.id, first.id);
        assert.deepEqual(ids(await a.runs.recent(10)), [next.id, first.id], 'newest first');
        assert.deepEqual(ids(await a.runs.recent(1)), [next.id]);
      }));

    test('an interrupted run is resumed under its id', () =>
      withStores(async ({ runs }) => {
        const { id } = await runs.begin(new Date('2026-03-01T00:00:00Z'));
        await runs.end(id, 'interrupted', null, new Date('2026-03-01T00:10:00Z'));
        assert.deepEqual(await runs.begin(new Date('2026-03-01T01:00:00Z')), { id, resumed: true });
        assert.equal((await runs.recent(1))[0].status, 'running');
      }));

    test('workers starting at once share one run', () =>
      withStores(async (a, b) => {
        const now = new Date('2026-04-01T00:00:00Z');
        const results = await Promise.all([a, b, a, b].map((s) => s.runs.begin(now)));
        assert.equal(new Set(results.map((r) => r.id)).size, 1);
        assert.equal(results.filter((r) => !r.resumed).length, 1);
      }));
  });

  describe(`${name}: exclusions`, () => {
    const key = (url: string): string => normalizeUrl(url) ?? assert.fail(`not a URL: ${url}`);

    test('add, list and remove rules', () =>
      withStores(async ({ exclusions }) => {
        assert.equal(await exclusions.add([{ kind: 'url', value: key('https://d.example/one') }, { kind: 'host', value: 'c.example' }], 'court order'), 2);
        assert.equal(await exclusions.add([{ kind: 'host', value: 'c.example' }, { kind: 'id', value: 'snap-1' }], null), 1, 'present rules are ignored');
        const rows = await exclusions.list();
        assert.deepEqual(rows.map((r) => [r.kind, r.value, r.reason]).sort(), [
          ['host', 'c.example', 'court order'], ['id', 'snap-1', null], ['url', 'https://d.example/one', 'court order'],
        ]);
        for (const r of rows) assert.ok(!Number.isNaN(Date.parse(r.createdAt)), r.createdAt);
        assert.equal(await exclusions.remove({ kind: 'host', value: 'c.example' }), true);
        assert.equal(await exclusions.remove({ kind: 'host', value: 'c.example' }), false);
        assert.equal((await exclusions.list()).length, 2);
      }));

    test('isExcluded: exact URL, prefix, host with subdomains and any port; id rules never match a URL', () =>
      withStores(async (a, b) => {
        await a.exclusions.add([
          { kind: 'url', value: key('https://d.example/one?b=2&a=1&utm_source=x') },
          { kind: 'prefix', value: key('https://b.example/x') },
          { kind: 'host', value: 'c.example' },
          { kind: 'id', value: 'https://e.example/' },
        ], 'test');
        const excluded = (url: string) => b.exclusions.isExcluded(key(url));
        assert.equal(await excluded('HTTPS://D.example:443/one?a=1&b=2#frag'), true, 'the same key');
        assert.equal(await excluded('https://d.example/one?a=1'), false);
        assert.equal(await excluded('https://b.example/xyz'), true, 'a prefix need not end at a path boundary');
        assert.equal(await excluded('https://b.example/'), false);
        assert.equal(await excluded('https://www.C.example:8443/any'), true, 'subdomain, other port');
        assert.equal(await excluded('https://c.example./any'), true);
        assert.equal(await excluded('https://notc.example/any'), false);
        assert.equal(await excluded('https://e.example/'), false, 'id rules name snapshots');
        assert.equal(await b.exclusions.isExcluded('mailto:x@c.example'), false);
        assert.equal(await b.exclusions.isExcluded('not a url'), false);
        await a.exclusions.remove({ kind: 'prefix', value: key('https://b.example/x') });
        assert.equal(await excluded('https://b.example/xyz'), false, 'a lifted rule stops matching');
      }));
  });

  describe(`${name}: search`, () => {
    /** Indexes docs for snapshots that exist (search covers latest snapshots). */
    async function seed(stores: IndexStores, docs: { id: string; url: string; title: string; body: string; publishedAt?: string }[]): Promise<void> {
      for (const d of docs) await stores.snapshots.insert(snap(d.id, d.url, { title: d.title, publishedAt: d.publishedAt ?? null }));
      await stores.search.index(docs.map((d) => ({ ...d, host: new URL(d.url).host, category: null, publishedAt: d.publishedAt ?? null })));
    }
    const found = async (s: IndexStores, q: string, host?: string) => ids((await s.search.search(q, { limit: 20, offset: 0, host })).hits).sort();

    test('Chinese phrases, single characters and English words', () =>
      withStores(async (s) => {
        await seed(s, [
          { id: 'zh1', url: 'https://a.example/1', title: '北京大学发布新的研究报告', body: '报告指出，气候变化影响农业。' },
          { id: 'zh2', url: 'https://a.example/2', title: '上海交通大学的新闻', body: '学生活动丰富。' },
          { id: 'en1', url: 'https://b.example/1', title: 'Researchers publish climate report', body: 'The Report covers 2025 data.' },
        ]);
        assert.deepEqual(await found(s, '研究报告'), ['zh1']);
        assert.deepEqual(await found(s, '北京大学'), ['zh1']);
        assert.deepEqual(await found(s, '京大学发'), ['zh1'], 'any substring of two or more characters');
        assert.deepEqual(await found(s, '大学'), ['zh1', 'zh2']);
        assert.deepEqual(await found(s, '北大'), [], 'characters not adjacent in the text');
        assert.deepEqual(await found(s, '气候变化'), ['zh1'], 'in the body');
        assert.deepEqual(await found(s, '海'), ['zh2'], 'a single character');
        assert.deepEqual(await found(s, '大学 新闻'), ['zh2'], 'every word must match');
        assert.deepEqual(await found(s, 'climate'), ['en1']);
        assert.deepEqual(await found(s, 'CLIMATE   Report'), ['en1'], 'case-insensitive words');
        assert.deepEqual(await found(s, '2025'), ['en1']);
        assert.deepEqual(await found(s, 'climate 北京'), []);
        assert.deepEqual(await found(s, '   ,, '), []);
      }));

    test('title matches rank first; host filter; total and paging', () =>
      withStores(async (s) => {
        await seed(s, [
          { id: 't-body', url: 'https://a.example/b', title: '体育新闻', body: '今天的研究报告很长。', publishedAt: '2026-01-09T00:00:00Z' },
          { id: 't-title', url: 'https://a.example/t', title: '研究报告', body: '内容。', publishedAt: '2026-01-01T00:00:00Z' },
          ...Array.from({ length: 5 }, (_, i) => ({ id: `p${i}`, url: `https://b.example:8080/${i}`, title: `第${i}篇 研究报告`, body: '正文' })),
        ]);
        const first = await s.search.search('研究报告', { limit: 20, offset: 0, host: 'a.example' });
        assert.equal(first.total, 2);
        assert.deepEqual(ids(first.hits), ['t-title', 't-body']);
        assert.ok(first.hits[0].score > first.hits[1].score, 'higher score is better');
        assert.deepEqual(await found(s, '研究报告', 'b.example:8080'), ['p0', 'p1', 'p2', 'p3', 'p4']);
        const pages = await Promise.all([0, 3, 6].map((offset) => s.search.search('研究报告', { limit: 3, offset })));
        assert.deepEqual(pages.map((p) => p.total), [7, 7, 7]);
        assert.deepEqual(pages.map((p) => p.hits.length), [3, 3, 1]);
        assert.equal(new Set(pages.flatMap((p) => ids(p.hits))).size, 7, 'pages do not overlap');
      }));

    test('remove, replace, and only latest snapshots are found', () =>
      withStores(async (s) => {
        await seed(s, [
          { id: 'v1', url: 'https://a.example/v', title: '旧的标题', body: 'alpha' },
          { id: 'w1', url: 'https://a.example/w', title: '另一篇', body: 'beta' },
        ]);
        await s.search.index([{ id: 'orphan', url: 'https://a.example/o', title: '旧的标题', body: '', host: 'a.example', category: null, publishedAt: null }]);
        assert.deepEqual(await found(s, '旧的'), ['v1'], 'a document without a latest snapshot is never a hit');
        await s.snapshots.insert(snap('orphan', 'https://a.example/o'));
        assert.deepEqual(await found(s, '旧的'), ['v1'], '…nor stored: its text was skipped, not kept for later');
        await s.search.index([{ id: 'w1', url: 'https://a.example/w', title: '新的标题', body: 'gamma', host: 'a.example', category: null, publishedAt: null }]);
        assert.deepEqual(await found(s, 'beta'), [], 're-indexing replaces the text');
        assert.deepEqual(await found(s, '标题'), ['v1', 'w1']);
        await s.search.remove(['w1']);
        assert.deepEqual(await found(s, 'gamma'), []);
        await s.snapshots.insert(snap('v2', 'https://a.example/v'));
        assert.deepEqual(await found(s, '旧的'), [], 'a superseded version is not found');
        await s.search.index([{ id: 'v2', url: 'https://a.example/v', title: '第二版', body: 'alpha', host: 'a.example', category: null, publishedAt: null }]);
        assert.deepEqual(await found(s, 'alpha'), ['v2']);
        await s.snapshots.remove(['v2']);
        assert.deepEqual(await found(s, 'alpha'), [], 'a removed snapshot leaves search');
      }));
  });
}
