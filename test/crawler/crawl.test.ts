import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { normalizeUrl } from '../../src/frontier/index.js';
import { startNewsSite, type NewsSite } from '../../demo/index.js';
import { SnapshotStore, readWarcResponse } from '../../src/snapshot/index.js';
import { takedown } from '../../src/takedown/index.js';
import { openStoreDatabase } from '../../src/storage/index.js';
import { crawlOnce, demoSource } from '../helpers/crawl.js';
import { tempDir } from '../helpers/tmp.js';

const strip = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, '');

describe('a crawl of a faulty news site', () => {
  let site: NewsSite;
  const store = tempDir();
  let first: Awaited<ReturnType<typeof crawlOnce>>;

  before(async () => {
    site = await startNewsSite({ faults: true, slowMs: 300 });
    // No exclude patterns: the trap must be bounded by the crawler's own limits.
    first = await crawlOnce(store, [demoSource(site.url, { maxDepth: 5, maxPages: 400, limits: { maxQueryVariants: 20 } })]);
  });
  after(() => site.close());

  test('captures at least 95% of the articles with correct titles', () => {
    const s = SnapshotStore.open(store, { readonly: true });
    try {
      const byUrl = new Map(s.list({ limit: 10_000 }).map((r) => [r.url, r]));
      let good = 0;
      const misses: string[] = [];
      for (const a of site.articles) {
        const row = byUrl.get(normalizeUrl(site.url + a.path)!);
        if (row && strip(row.title) === strip(a.title)) good++;
        else misses.push(`${a.path}: ${row ? `title "${row.title}" != "${a.title}"` : 'missing'}`);
      }
      assert.ok(good / site.articles.length >= 0.95, `captured ${good}/${site.articles.length}:\n${misses.join('\n')}`);
    } finally {
      s.close();
    }
  });

  test('never fetches a robots-disallowed URL', () => {
    const bad = site.requests.filter((r) => site.disallowedPaths.some((p) => r.path.startsWith(p)));
    assert.deepEqual(bad.map((r) => r.path), []);
    assert.ok(first.skipped.robots > 0, 'the site links to disallowed pages, so some must be skipped');
  });

  test('fetches no URL twice in one run (retries of a failing answer aside)', () => {
    const retried = new Set([site.faultPaths!.flaky500, site.faultPaths!.rateLimited]);
    const seen = new Map<string, number>();
    for (const r of site.requests) {
      const key = normalizeUrl(site.url + r.path)!;
      seen.set(key, (seen.get(key) ?? 0) + 1);
    }
    const twice = [...seen].filter(([u, n]) => n > 1 && !retried.has(new URL(u).pathname) && !u.endsWith('/robots.txt'));
    assert.deepEqual(twice, []);
  });

  test('the 500-then-200 and the 429-with-Retry-After articles are captured', () => {
    const s = SnapshotStore.open(store, { readonly: true });
    try {
      for (const path of [site.faultPaths!.flaky500, site.faultPaths!.rateLimited]) {
        const row = s.latestFor(site.url + path);
        assert.ok(row, `${path} captured`);
        assert.equal(site.requests.filter((r) => r.path === path).length, 2, `${path} fetched twice (fault, then success)`);
      }
      const rl = site.requests.filter((r) => r.path === site.faultPaths!.rateLimited);
      assert.ok(rl[1].at - rl[0].at >= 900, 'Retry-After: 1 was honoured');
    } finally {
      s.close();
    }
  });

  test('a redirect chain is followed with every hop recorded; a loop fails cleanly', () => {
    const s = SnapshotStore.open(store, { readonly: true });
    try {
      const target = s.latestFor(site.url + site.faultPaths!.redirectTarget);
      assert.ok(target, 'redirect target captured');
      // Either the chain was followed to the end (hops in snapshot.json), or it stopped at a URL the run
      // already had; both are recorded.
      const db = openStoreDatabase(store);
      const row = db.prepare(`SELECT outcome FROM frontier WHERE url=?`).get(normalizeUrl(site.url + site.faultPaths!.redirectChain)) as { outcome: string };
      db.close();
      if (row.outcome.startsWith('snapshot-')) {
        const rec = s.list({ limit: 10_000 }).map((r) => s.get(r.id)!).find((r) => r.url === normalizeUrl(site.url + site.faultPaths!.redirectChain))!;
        assert.deepEqual(rec.redirects.map((h) => h.status), [301, 302]);
        assert.equal(rec.finalUrl, normalizeUrl(site.url + site.faultPaths!.redirectTarget));
      } else {
        assert.match(row.outcome, /^redirect-known:/);
        assert.ok(row.outcome.endsWith(site.faultPaths!.redirectTarget), row.outcome);
      }
      assert.ok((first.failed['redirect-loop'] ?? 0) >= 1, `loop counted: ${JSON.stringify(first.failed)}`);
    } finally {
      s.close();
    }
  });

  test('tracking-parameter duplicates are fetched once, and the spider trap ends bounded and reported', () => {
    const tracked = site.requests.filter((r) => /[?&](utm_|spm=|fbclid=)/.test(r.path));
    assert.deepEqual(tracked.map((r) => r.path), []);
    const calendar = site.requests.filter((r) => r.path.startsWith('/calendar/'));
    assert.ok(calendar.length > 0 && calendar.length <= 40, `calendar pages fetched: ${calendar.length}`);
    assert.ok(Object.keys(first.limitsHit).length > 0, `limits reported: ${JSON.stringify(first.limitsHit)}`);
  });

  test('the GBK page declared only in <meta> is stored with a correct title and decoded body', async () => {
    const gbk = site.articles.find((a) => a.charset === 'gbk' && a.gbkDeclaration === 'meta-only')!;
    const s = SnapshotStore.open(store, { readonly: true });
    try {
      const row = s.latestFor(site.url + gbk.path)!;
      const rec = s.get(row.id)!;
      assert.equal(strip(rec.title), strip(gbk.title));
      assert.equal(rec.charset, 'gb18030');
      assert.ok(rec.body.includes(gbk.body[1].slice(0, 12)), 'body decoded from GBK');
      const warc = await readWarcResponse(s.files(row.id)!.warc);
      assert.ok(!warc.body.toString('utf8').includes(gbk.title), 'the WARC keeps the GBK bytes, not a UTF-8 re-encoding');
    } finally {
      s.close();
    }
  });

  test('a second run re-reads only the index pages and stores nothing new', async () => {
    site.resetRequests();
    const second = await crawlOnce(store, [demoSource(site.url, { maxDepth: 5, maxPages: 400, limits: { maxQueryVariants: 20 } })]);
    assert.equal(second.snapshots.new, 0);
    assert.equal(second.snapshots.changed, 0);
    const articleFetches = site.requests.filter((r) => site.articles.some((a) => r.path === a.path));
    assert.ok(articleFetches.length <= 2, `known articles are not due yet: ${articleFetches.map((r) => r.path).join(', ')}`);
  });

  test('a takedown leaves no file, index row or listing, and the next crawl does not bring it back', async () => {
    const victim = site.articles[3];
    const url = site.url + victim.path;
    const s = SnapshotStore.open(store, { readonly: true });
    const dir = s.files(s.latestFor(url)!.id)!.dir;
    s.close();
    const result = takedown(store, { url }, { reason: 'test notice', requester: 'rights@example.org' });
    assert.equal(result.matched.length, 1);
    assert.ok(!existsSync(dir));
    site.resetRequests();
    // Make it due again so a crawl would fetch it if exclusions were ignored.
    const db = openStoreDatabase(store);
    db.prepare(`UPDATE frontier SET next_revisit_at=0, state='done'`).run();
    db.close();
    const third = await crawlOnce(store, [demoSource(site.url, { maxDepth: 5, maxPages: 400 })]);
    assert.ok(third.skipped.excluded >= 1);
    assert.equal(site.requests.filter((r) => r.path === victim.path).length, 0, 'an excluded URL is never fetched');
    const after = SnapshotStore.open(store, { readonly: true });
    try {
      assert.equal(after.latestFor(url), null);
      assert.ok(!after.list({ limit: 10_000 }).some((r) => r.url === normalizeUrl(url)));
    } finally {
      after.close();
    }
    const audit = readdirSync(store).includes('takedowns.jsonl');
    assert.ok(audit);
    assert.ok(!existsSync(join(dir, 'snapshot.json')));
  });
});
