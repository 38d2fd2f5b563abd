/**
 * Issue 11, "Archive fidelity": the acceptance check, end to end, on an independent loopback news portal
 * (test/fixtures/fidelity-site.ts: ~300 articles, decorated links, canonical URLs, images in every
 * article, GBK search URLs, a redirecting seed), crawled by the real CLI from a config as cron does,
 * without `articlePattern`.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { RunSummary } from '../../src/crawler/index.js';
import { listWarcRecords, SnapshotStore, type ArchivedRequisiteImage } from '../../src/snapshot/index.js';
import { startSiteServer } from '../../src/site/index.js';
import { openStoreDatabase } from '../../src/storage/index.js';
import { ARTICLE_PATH, GBK_QUERIES, startFidelitySite, type FidelitySite } from '../fixtures/fidelity-site.js';
import { runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/tmp.js';

const ARTICLES = 300;

function writeConfig(dir: string, site: FidelitySite, store: string, extra: { seeds: string[]; maxDepth: number; sitemaps?: string[] }): string {
  const file = join(dir, `sources-${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(
    file,
    [
      `store: ${store}`,
      'concurrency: 4',
      'fetch: { retries: 1, headersTimeoutMs: 5000, connectTimeoutMs: 2000 }',
      'sources:',
      '  - name: courier',
      `    seeds: ${JSON.stringify(extra.seeds)}`,
      ...(extra.sitemaps ? [`    sitemaps: ${JSON.stringify(extra.sitemaps)}`] : []),
      `    maxDepth: ${extra.maxDepth}`,
      '    maxPages: 5000',
      '    politeness: { delayMs: 0, perHostConcurrency: 4 }',
      '    timezone: Asia/Shanghai',
      '    allowPrivate: true',
    ].join('\n'),
  );
  return file;
}

async function crawl(args: string[]): Promise<{ summary: RunSummary; ms: number }> {
  const t0 = performance.now();
  const r = await runCli(['crawl', ...args, '--json']);
  const ms = performance.now() - t0;
  assert.equal(r.code, 0, `crawl exit ${r.code}\n${r.stderr.slice(-3000)}`);
  const summary = (JSON.parse(r.stdout.trim().split('\n').pop()!) as { summary: RunSummary }).summary;
  return { summary, ms };
}

interface Row {
  id: string;
  url: string;
  final_url: string;
  previous_id: string | null;
  content_hash: string;
}
function rows(storeDir: string): Row[] {
  const db = openStoreDatabase(storeDir);
  try {
    return db.prepare('SELECT id, url, final_url, previous_id, content_hash FROM snapshots ORDER BY url, fetched_at').all() as Row[];
  } finally {
    db.close();
  }
}

/** Article fetches (any variant of an article URL, any status) in a slice of the site's log. */
function articleFetches(log: FidelitySite['log']): string[] {
  return log.map((l) => new URL(l.target, 'http://x').pathname).filter((p) => ARTICLE_PATH.test(p));
}

test('archive fidelity on an independent news portal, crawled by the CLI as cron does', { timeout: 120_000 }, async (t) => {
  const site = await startFidelitySite(ARTICLES);
  const dir = tempDir('snapcrawl-fidelity-');
  const storeDir = join(dir, 'store');
  const config = writeConfig(dir, site, storeDir, { seeds: [`${site.url}/index.shtml`], sitemaps: [`${site.url}/sitemap.xml`], maxDepth: 4 });
  const expected = new Set(site.articles.map((a) => site.articleUrl(a.id)));
  const figures: Record<string, unknown> = {};
  let siteClosed = false;
  try {
    // ---- Run 1 -------------------------------------------------------------------------------------
    const run1 = await crawl(['--config', config]);
    figures.run1Ms = Math.round(run1.ms);
    figures.run1Summary = { fetched: run1.summary.fetched, snapshots: run1.summary.snapshots, classified: run1.summary.classified, failed: run1.summary.failed, limitsHit: run1.summary.limitsHit };
    const log1 = site.log.slice();

    const all = rows(storeDir);
    const stored = new Set(all.map((r) => r.url));
    figures.snapshots = all.length;
    figures.articles = ARTICLES;

    // Every article captured, short ones too.
    const missing = [...expected].filter((u) => !stored.has(u));
    assert.deepEqual(missing, [], `articles not captured (${missing.length}); short ones: ${site.articles.filter((a) => a.short).map((a) => a.id).join(',')}`);
    // No page that is not an article stored.
    const extra = [...stored].filter((u) => !expected.has(u));
    assert.deepEqual(extra, [], 'non-article pages stored');
    // No two snapshots of one article with the same content.
    const byUrl = new Map<string, Row[]>();
    for (const r of all) byUrl.set(r.url, [...(byUrl.get(r.url) ?? []), r]);
    for (const [url, versions] of byUrl) {
      assert.equal(new Set(versions.map((v) => v.content_hash)).size, versions.length, `duplicate content for ${url}`);
    }
    assert.equal(all.length, ARTICLES, 'one snapshot per article after run 1');

    // Duplicate article fetches under 4% of the articles.
    const fetches1 = articleFetches(log1);
    const dup = fetches1.length - new Set(fetches1).size;
    figures.articleFetchesRun1 = fetches1.length;
    figures.duplicateFetches = dup;
    figures.duplicatePct = +((100 * dup) / ARTICLES).toFixed(2);
    assert.ok(dup < ARTICLES * 0.04, `duplicate article fetches: ${dup} of ${ARTICLES}`);

    // GBK query URLs requested byte-exact, never through UTF-8 replacement.
    const searches = log1.map((l) => l.target).filter((u) => u.startsWith('/s?'));
    assert.deepEqual([...new Set(searches)].sort(), GBK_QUERIES.map((q) => q.path).sort(), `search targets: ${searches.join(' ')}`);
    assert.ok(!log1.some((l) => /%EF%BF%BD/i.test(l.target)), 'a U+FFFD-escaped URL was requested');
    // Search result pages are listings (decided: not articles), so never stored.
    assert.ok(!all.some((r) => r.final_url.includes('/s?')));

    // Images: `response` records in each article's WARC, bytes exact.
    const store = SnapshotStore.open(storeDir, { readonly: true });
    let imageRecords = 0;
    const sample: { id: string; paths: string[] }[] = [];
    try {
      for (const a of site.articles) {
        const latest = store.latestFor(site.articleUrl(a.id))!;
        const record = store.get(latest.id)!;
        const warc = store.files(latest.id)!.warc;
        const responses = (await listWarcRecords(warc)).filter((r) => r.type === 'response');
        for (const path of a.images) {
          const rec = responses.find((r) => r.targetUri === `${site.url}${path}`);
          assert.ok(rec, `image ${path} is a response record in the WARC of ${a.id}`);
          const body = rec.block.subarray(rec.block.indexOf('\r\n\r\n') + 4);
          assert.ok(body.equals(site.images.get(path)!), `image bytes of ${path}`);
          imageRecords++;
        }
        const archived = (record.requisites?.images ?? []).filter((i): i is ArchivedRequisiteImage => i.status === 'archived');
        assert.equal(archived.length, a.images.length, `requisites of ${a.id}`);
        if (sample.length < 3 && a.images.length === 2) sample.push({ id: latest.id, paths: a.images });
      }
    } finally {
      store.close();
    }
    figures.imageRecords = imageRecords;

    // ---- Run 2: 3 articles corrected; exactly those become new versions --------------------------------
    const corrected = [site.articles[10]!, site.articles[150]!, site.articles[7]! /* a short one */];
    assert.ok(corrected[2]!.short);
    for (const a of corrected) site.correct(a.id, `Correction: an earlier version of report ${a.id} misstated the date of the vote.`);
    const before2 = site.log.length;
    const run2 = await crawl(['--config', config]);
    figures.run2Ms = Math.round(run2.ms);
    figures.run2Summary = { fetched: run2.summary.fetched, snapshots: run2.summary.snapshots, limitsHit: run2.summary.limitsHit };
    figures.run2ArticleFetches = articleFetches(site.log.slice(before2)).length;
    const after2 = rows(storeDir);
    const added = after2.filter((r) => !all.some((o) => o.id === r.id));
    assert.deepEqual(added.map((r) => r.url).sort(), corrected.map((a) => site.articleUrl(a.id)).sort(), 'run 2 stores exactly the corrected articles');
    const store2 = SnapshotStore.open(storeDir, { readonly: true });
    try {
      for (const r of added) {
        const prev = all.find((o) => o.url === r.url)!;
        assert.equal(r.previous_id, prev.id, `previousId of ${r.url}`);
        const rec = store2.get(r.id)!;
        assert.match(rec.body ?? '', /Correction: an earlier version of report \d+ misstated/);
      }
    } finally {
      store2.close();
    }
    assert.equal(run2.summary.snapshots.new + run2.summary.snapshots.changed, 3);

    // ---- `crawl URL` stores exactly one snapshot ------------------------------------------------------
    const oneStore = join(dir, 'one');
    const one = await crawl([site.articleUrl(site.articles[42]!.id), '--store', oneStore, '--allow-private']);
    figures.oneOffMs = Math.round(one.ms);
    assert.deepEqual(rows(oneStore).map((r) => r.url), [site.articleUrl(site.articles[42]!.id)]);

    // ---- A redirecting seed with maxDepth 0 stores its target -----------------------------------------
    const redirStore = join(dir, 'redir');
    const target = site.articles[99]!;
    const redirConfig = writeConfig(dir, site, redirStore, { seeds: [`${site.url}/go/${target.id}`], maxDepth: 0 });
    await crawl(['--config', redirConfig]);
    const redirRows = rows(redirStore);
    assert.deepEqual(redirRows.map((r) => r.url), [site.articleUrl(target.id)]);

    // ---- The snapshot site serves the images itself, with the original site stopped --------------------
    await site.close();
    siteClosed = true;
    const snapSite = await startSiteServer({ storeDir, port: 0, site: { title: 'Archive', locale: 'en' } });
    try {
      const origin = new URL(snapSite.url).origin;
      for (const s of sample) {
        const page = await fetch(`${origin}/s/${s.id}`);
        assert.equal(page.status, 200);
        const html = await page.text();
        const srcs = [...html.matchAll(/<img\b[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
        assert.equal(srcs.length, s.paths.length, `img tags on /s/${s.id}: ${srcs.join(' ')}`);
        for (const [n, src] of srcs.entries()) {
          const abs = new URL(src, snapSite.url);
          assert.equal(abs.origin, origin, `image served from the snapshot site: ${src}`);
          const img = await fetch(abs);
          assert.equal(img.status, 200, `GET ${src}`);
          assert.ok(Buffer.from(await img.arrayBuffer()).equals(site.images.get(s.paths[n]!)!), `bytes of ${src}`);
        }
      }
    } finally {
      await snapSite.close();
    }
  } finally {
    if (!siteClosed) await site.close();
    t.diagnostic(`figures: ${JSON.stringify(figures)}`);
  }
});
