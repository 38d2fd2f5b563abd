import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { SourceInput } from '../../src/config/index.js';
import { SnapshotStore } from '../../src/snapshot/index.js';
import { ensureSnapshotTables } from '../../src/snapshot/snapshot-index.js';
import { openStoreDatabase } from '../../src/storage/index.js';
import { startTestServer, type TestServer } from '../fixtures/http-server.js';
import { crawlOnce } from '../helpers/crawl.js';
import { tempDir } from '../helpers/tmp.js';

/**
 * Issue 11 (1b, 3): a news site whose articles are linked under decorated variants (`?from=timeline`,
 * `?from=list&pos=N`, `?channel=3`, `#comments`) and once clean, every article naming its clean URL as
 * rel=canonical. One snapshot per article version; the decorating parameters are learned and not fetched.
 */
const ARTICLES = Number(process.env.DEDUPE_ARTICLES ?? 60);
const PER_LIST = 10;
const ids = Array.from({ length: ARTICLES }, (_, i) => 1_000_001 + i);
const bodies = new Map<number, string[]>();
for (const id of ids) {
  bodies.set(id, [
    `Article ${id} reports on the city council meeting where members debated the transport budget for the coming year at length.`,
    `Residents of district ${id % 7} spoke about bus routes, cycling lanes and the repair of the old bridge over the river.`,
    `The council will vote on the final plan next month; the mayor said the numbers for item ${id} would be published first.`,
  ]);
}
/** Extra links the home page carries (run 2 and 3 add decorated links here). */
const homeExtras: string[] = [];
const log: { path: string; at: number }[] = [];
let server: TestServer;

const page = (title: string, canonical: string, body: string, head = '') =>
  `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title><link rel="canonical" href="${canonical}">${head}</head><body>${body}</body></html>`;

const articleHead = (id: number) =>
  `<meta property="og:type" content="article"><meta property="og:url" content="${server.url}/news/${id}.shtml">` +
  `<meta property="article:published_time" content="2024-05-01T08:00:00+08:00">` +
  `<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Council debates budget, story ${id}","datePublished":"2024-05-01T08:00:00+08:00"}</script>`;

const link = (href: string, text: string) => `<li><a href="${href}">${text}</a></li>`;

function listing(title: string, path: string, links: string[]): string {
  return page(title, `${server.url}${path}`, `<nav><ul>${links.join('')}</ul></nav>`);
}

before(async () => {
  server = await startTestServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    log.push({ path: url.pathname, at: Date.now() });
    const send = (status: number, html: string) => {
      res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' });
      res.end(html);
    };
    if (url.pathname === '/robots.txt') return send(404, 'none');
    if (url.pathname === '/') {
      const links = [
        ...Array.from({ length: ARTICLES / PER_LIST }, (_, i) => link(`/list/${i + 1}`, `Page ${i + 1}`)),
        link('/channel/3', 'Channel 3'),
        // The timeline: every article, decorated.
        ...ids.map((id) => link(`/news/${id}.shtml?from=timeline`, `Story ${id}`)),
        ...homeExtras.map((href) => link(href, 'New')),
      ];
      return send(200, listing('Home', '/', links));
    }
    const list = /^\/list\/(\d+)$/.exec(url.pathname);
    if (list) {
      const n = Number(list[1]);
      const mine = ids.slice((n - 1) * PER_LIST, n * PER_LIST);
      const links = mine.flatMap((id, pos) => [
        link(`/news/${id}.shtml`, `Story ${id}`),
        link(`/news/${id}.shtml?from=list&pos=${pos + 1}`, `More ${id}`),
        link(`/news/${id}.shtml#comments`, 'Comments'),
      ]);
      return send(200, listing(`List ${n}`, url.pathname, links));
    }
    if (url.pathname === '/channel/3') {
      return send(200, listing('Channel 3', '/channel/3', ids.map((id) => link(`/news/${id}.shtml?channel=3`, `Story ${id}`))));
    }
    const article = /^\/news\/(\d+)\.shtml$/.exec(url.pathname);
    if (article && bodies.has(Number(article[1]))) {
      const id = Number(article[1]);
      const paragraphs = bodies.get(id)!.map((p) => `<p>${p}</p>`).join('');
      return send(200, page(`Council debates budget, story ${id}`, `${server.url}/news/${id}.shtml`,
        `<article><h1>Council debates budget, story ${id}</h1><p class="byline">By Staff Reporter · 2024-05-01 08:00</p>${paragraphs}</article><a href="/">Home</a>`,
        articleHead(id)));
    }
    return send(404, 'not found');
  });
});
after(() => server.close());

const source = (): SourceInput => ({
  name: 'news',
  seeds: [`${server.url}/`],
  maxDepth: 3,
  maxPages: 5000,
  politeness: { delayMs: 0, perHostConcurrency: 2 },
  allowPrivate: true,
});

const articleRequests = (from = 0) => log.slice(from).filter((r) => /^\/news\/\d+\.shtml$/.test(r.path));

function duplicates(requests: { path: string; at: number }[], since = 0): number {
  const seen = new Set<string>();
  let dup = 0;
  for (const r of requests) {
    if (seen.has(r.path) && r.at > since) dup++;
    seen.add(r.path);
  }
  return dup;
}

test('one snapshot per article whatever variant it is linked by; decorating parameters are learned; a changed article fetched through a variant is a new version', async () => {
  const storeDir = tempDir();

  // Run 1: everything.
  const first = await crawlOnce(storeDir, [source()]);
  const requests = articleRequests();
  const db = openStoreDatabase(storeDir);
  const learned = db.prepare(`SELECT param, learned_at FROM learned_params WHERE state='ignorable' ORDER BY learned_at`).all() as { param: string; learned_at: number }[];
  const learnedNames = learned.map((l) => l.param).sort();
  const allLearnedAt = Math.max(...learned.map((l) => l.learned_at));
  const firstLearnedAt = Math.min(...learned.map((l) => l.learned_at));
  const total = duplicates(requests);
  const afterFirst = duplicates(requests, firstLearnedAt);
  const afterAll = duplicates(requests, allLearnedAt);
  console.log(
    `[figures] articles=${ARTICLES} articleFetches=${requests.length} duplicateFetches=${total} (${((100 * total) / ARTICLES).toFixed(1)}%)` +
      ` afterFirstLearned=${afterFirst} (${((100 * afterFirst) / ARTICLES).toFixed(1)}%)` +
      ` afterAllLearned=${afterAll} (${((100 * afterAll) / ARTICLES).toFixed(1)}%) learned=${learnedNames.join(',')}` +
      ` snapshots=${JSON.stringify(first.snapshots)} limitsHit=${JSON.stringify(first.limitsHit)}`,
  );

  for (const name of ['channel', 'from', 'pos']) assert.ok(learnedNames.includes(name), `${name} learned: ${learnedNames.join(',')}`);
  for (const name of ['channel', 'from', 'pos']) assert.equal(first.limitsHit[`learnedParam:127.0.0.1:${server.port}:${name}`], 1, name);
  assert.equal(first.snapshots.new, ARTICLES, JSON.stringify(first.snapshots));
  assert.equal(first.snapshots.changed, 0);
  assert.ok(afterAll < ARTICLES * 0.04, `duplicate fetches after learning: ${afterAll}`);
  assert.ok(total < ARTICLES * 0.25, `duplicate fetches overall: ${total}`);

  const store = SnapshotStore.open(storeDir, { db });
  const rows = db.prepare(`SELECT url, content_hash FROM snapshots`).all() as { url: string; content_hash: string }[];
  assert.equal(rows.length, ARTICLES, 'snapshots = articles');
  assert.equal(new Set(rows.map((r) => r.url)).size, ARTICLES, 'one identity per article');
  assert.ok(rows.every((r) => /^http:\/\/127\.0\.0\.1:\d+\/news\/\d+\.shtml$/.test(r.url)), 'each keyed by its clean canonical URL');
  assert.equal(new Set(rows.map((r) => r.content_hash)).size, ARTICLES, 'no two snapshots with the same content');
  // Every fetched variant of an article is an alias of its canonical URL in the frontier.
  const variants = db.prepare(`SELECT url, state, alias_of, next_revisit_at FROM frontier WHERE url LIKE '%/news/%?%'`).all() as
    { url: string; state: string; alias_of: string | null; next_revisit_at: number | null }[];
  assert.ok(variants.length > 0);
  for (const v of variants) {
    assert.equal(v.state, 'done', v.url);
    assert.equal(v.alias_of, v.url.replace(/\?.*$/, ''), v.url);
    assert.equal(v.next_revisit_at, null, `${v.url} is never revisited under its own name`);
  }

  // Run 2: the home page links an article under a new `from` value: nothing is fetched or stored for it.
  const target = ids[4];
  homeExtras.push(`/news/${target}.shtml?from=xyz`, `/news/${target}.shtml?from=xyz#top`);
  const mark = log.length;
  const second = await crawlOnce(storeDir, [source()]);
  assert.equal(second.snapshots.new, 0, JSON.stringify(second.snapshots));
  assert.equal(second.snapshots.changed, 0, JSON.stringify(second.snapshots));
  assert.deepEqual(articleRequests(mark), [], 'the learned parameter is dropped: the article is known');
  assert.equal((db.prepare(`SELECT count(*) AS n FROM frontier WHERE url LIKE '%from=xyz%'`).get() as { n: number }).n, 0);
  assert.equal(store.count(), ARTICLES);

  // Run 3: an article changes and is linked under a variant with a parameter never seen before.
  const changed = ids[6];
  const cleanUrl = `${server.url}/news/${changed}.shtml`;
  const before = store.latestFor(cleanUrl)!;
  bodies.get(changed)!.push('Correction: an earlier version of this story misstated the date of the vote, which is on the 14th.');
  homeExtras.push(`/news/${changed}.shtml?src=weibo`);
  const third = await crawlOnce(storeDir, [source()]);
  assert.equal(third.snapshots.changed, 1, JSON.stringify(third.snapshots));
  assert.equal(third.snapshots.new, 0, JSON.stringify(third.snapshots));
  const latest = store.latestFor(cleanUrl)!;
  assert.notEqual(latest.id, before.id);
  assert.equal(latest.previousId, before.id, 'a new version of the canonical article');
  assert.equal(latest.url, cleanUrl);
  assert.deepEqual(store.versions(cleanUrl).map((v) => v.id), [before.id, latest.id]);
  assert.deepEqual(store.versions(`${cleanUrl}?src=weibo`).map((v) => v.id), [before.id, latest.id], 'found through the variant too');
  // Lists show each article once.
  assert.equal(store.count({ latestOnly: true }), ARTICLES);
  const listed = store.list({ latestOnly: true, limit: 1000 });
  assert.equal(new Set(listed.map((s) => s.url)).size, ARTICLES);
  assert.ok(listed.some((s) => s.id === latest.id));
  store.close();
  db.close();
});

test('an old store keyed by the URL fetched is migrated in place: variants of one article become its versions', () => {
  const storeDir = tempDir();
  const db = openStoreDatabase(storeDir);
  ensureSnapshotTables(db);
  const insert = db.prepare(`INSERT INTO snapshots (id, url, final_url, canonical_url, host, hostname, final_hostname, fetched_at, dir,
    content_hash, sha256, http_status, bytes, is_latest) VALUES (@id, @url, @url, @canonical, 'a.example', 'a.example', 'a.example', @at, @id, @hash, 'x', 200, 1, 1)`);
  insert.run({ id: 'a1', url: 'https://a.example/n/1.shtml', canonical: 'https://a.example/n/1.shtml', at: '2024-01-01T00:00:00Z', hash: 'h1' });
  insert.run({ id: 'a2', url: 'https://a.example/n/1.shtml?from=timeline', canonical: 'https://a.example/n/1.shtml', at: '2024-01-02T00:00:00Z', hash: 'h1' });
  insert.run({ id: 'b1', url: 'https://a.example/n/2.shtml?from=list', canonical: 'https://a.example/n/2.shtml', at: '2024-01-01T00:00:00Z', hash: 'h2' });
  // A canonical pointing at the home page is no identity: left alone.
  insert.run({ id: 'c1', url: 'https://a.example/n/3.shtml', canonical: 'https://a.example/', at: '2024-01-01T00:00:00Z', hash: 'h3' });
  // As a store from before the numbered migrations: the data migration has not run (user_version 0).
  db.prepare(`DELETE FROM snapshot_migrations`).run();
  db.pragma('user_version = 0');
  ensureSnapshotTables(db);
  const rows = db.prepare(`SELECT id, url, is_latest FROM snapshots ORDER BY id`).all();
  assert.deepEqual(rows, [
    { id: 'a1', url: 'https://a.example/n/1.shtml', is_latest: 0 },
    { id: 'a2', url: 'https://a.example/n/1.shtml', is_latest: 1 },
    { id: 'b1', url: 'https://a.example/n/2.shtml', is_latest: 1 },
    { id: 'c1', url: 'https://a.example/n/3.shtml', is_latest: 1 },
  ]);
  const store = SnapshotStore.open(storeDir, { db });
  assert.deepEqual(store.versions('https://a.example/n/1.shtml?from=timeline').map((v) => v.id), ['a1', 'a2']);
  assert.equal(store.count({ latestOnly: true }), 3);
  store.close();
  db.close();
});
