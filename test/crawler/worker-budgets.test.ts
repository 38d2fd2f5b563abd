/**
 * Page budgets in a shared crawl (src/crawler/worker-budgets.ts), as the embedded crawl keeps them: a source's
 * maxPagesPerHost and the run's maxPages hold across two workers on real Redis and PostgreSQL (the counts live in
 * Redis), the rest stays queued for the next run; --max-time stops one worker's claims and leaves the crawl running.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { makeConfig, type SourceInput } from '../../src/config/index.js';
import { CrawlWorker, type WorkerOptions, type WorkerSummary } from '../../src/crawler/worker.js';
import { RunBudgets } from '../../src/crawler/worker-budgets.js';
import type { ClaimedItem, FrontierStore } from '../../src/storage/interfaces.js';
import { DEMO_ARTICLE_PATTERN } from '../helpers/crawl.js';
import { sharedBackends, type SharedBackends } from '../helpers/shared-stores.js';
import { startMultiHostSite, type MultiHostSite } from './worker-site.js';

function sourceOf(site: MultiHostSite, over: Partial<SourceInput> = {}): SourceInput {
  return {
    name: 'multi',
    seeds: site.origins.map((o) => `${o}/`),
    articlePattern: DEMO_ARTICLE_PATTERN,
    maxDepth: 1,
    politeness: { delayMs: 5, perHostConcurrency: 2 },
    timezone: 'Asia/Shanghai',
    allowPrivate: true,
    requisites: { images: false },
    ...over,
  };
}

/** Requests per host, robots.txt aside (pages started). */
function pagesPerHost(site: MultiHostSite): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of site.requests) if (r.path !== '/robots.txt') out.set(r.host, (out.get(r.host) ?? 0) + 1);
  return out;
}

async function crawlWith(shared: SharedBackends, source: SourceInput, workers: number, options: Partial<WorkerOptions> = {}): Promise<WorkerSummary[]> {
  const config = makeConfig({ store: shared.storeDir, concurrency: 3, fetch: { retries: 1, connectTimeoutMs: 2000, headersTimeoutMs: 5000 }, sources: [source] });
  const list = await Promise.all(
    Array.from({ length: workers }, async () => new CrawlWorker(config, { sources: config.sources, stores: await shared.open(), idlePollMs: 20, ...options })),
  );
  return Promise.all(list.map((w) => w.run()));
}

describe('page budgets across workers on Redis + PostgreSQL', { timeout: 120_000 }, () => {
  let site: MultiHostSite;
  let shared: SharedBackends | undefined;

  before(async () => {
    site = await startMultiHostSite({ hosts: 2, articlesPerHost: 30 });
  });
  after(() => site.close());

  const fresh = async () => {
    await shared?.cleanup();
    site.requests.length = 0;
    shared = await sharedBackends();
    return shared;
  };
  after(() => shared?.cleanup());

  test('maxPagesPerHost: every host gets exactly its budget of pages from both workers together; the rest stays queued', async () => {
    const s = await fresh();
    const summaries = await crawlWith(s, sourceOf(site, { maxPagesPerHost: 5 }), 2);
    const perHost = pagesPerHost(site);
    assert.equal(perHost.size, 2, JSON.stringify(summaries));
    for (const [host, n] of perHost) assert.equal(n, 5, `${host}: ${n} pages (budget 5): ${JSON.stringify(summaries.map((x) => ({ limitsHit: x.limitsHit, outcomes: x.outcomes, retried: x.retried })))}`);
    for (const host of perHost.keys()) {
      assert.ok(summaries.some((x) => x.limitsHit[`maxPagesPerHost:${host}`] === 5), `the summary names ${host}'s spent budget`);
    }
    assert.ok(summaries.every((x) => x.status === 'completed'));
    const { frontier } = await s.open();
    assert.ok((await frontier.counts()).queued > 20, 'the articles beyond the budgets wait for the next run');
  });

  /** A fresh store, a source with maxPagesPerHost 2, and a page of one host to count against it. */
  async function hostBudgetOf2() {
    const s = await fresh();
    const { frontier } = await s.open();
    const config = makeConfig({ store: s.storeDir, sources: [sourceOf(site, { maxPagesPerHost: 2 })] });
    const source = config.sources[0]!;
    const host = '127.0.0.1:9';
    const item: ClaimedItem = {
      url: `http://${host}/a`, requestUrl: `http://${host}/a`, host, source: source.name, depth: 1, kind: 'page', attempts: 1,
      discoveredFrom: null, lease: { worker: 'w', expiresAt: Date.now() + 60_000 },
    };
    return { frontier, source, host, item };
  }

  test('a page given back below a host budget reopens it for its worker, whoever marked the host spent', async () => {
    // The order behind a host left one page short under load: worker A's second page takes the last of the budget,
    // worker B overshoots and marks the host spent too, then A's first page goes back unstarted (late for its slot).
    const { frontier, source, host, item } = await hostBudgetOf2();
    const a = new RunBudgets(frontier, 'run-1', undefined, {}, [source]);
    const b = new RunBudgets(frontier, 'run-1', undefined, {}, [source]);
    const first = await a.start(item, source);
    assert.equal((await a.start(item, source)).spent, null);
    assert.ok(a.exhaustedHosts.has(host), 'the page that took the last marks the host');
    assert.deepEqual(await b.start(item, source), { spent: `maxPagesPerHost:${host}` });
    assert.ok(b.exhaustedHosts.has(host));
    assert.equal(first.spent, null);
    if (first.spent === null) await first.refund();
    assert.equal(await frontier.counter(`run:run-1:started-host:${host}`), 1, 'one page counted after the give-back');
    assert.ok(!a.exhaustedHosts.has(host), 'the worker that gave a page back below the budget claims the host again');
    assert.equal((await a.start(item, source)).spent, null, 'and its next page there is within the budget');
    assert.deepEqual(await a.start(item, source), { spent: `maxPagesPerHost:${host}` });
  });

  test('a page given back by one worker reopens the host for another that holds it spent, at its next refresh', async () => {
    // B took the host's last page and holds it spent; A's page goes back unstarted; A then stops. B must see the room.
    const { frontier, source, host, item } = await hostBudgetOf2();
    const limitsB: Record<string, number> = {};
    const a = new RunBudgets(frontier, 'run-2', undefined, {}, [source]);
    const b = new RunBudgets(frontier, 'run-2', undefined, limitsB, [source]);
    const fromA = await a.start(item, source);
    assert.equal((await b.start(item, source)).spent, null);
    assert.ok(b.exhaustedHosts.has(host), 'B took the last page');
    assert.equal(limitsB[`maxPagesPerHost:${host}`], 2);
    if (fromA.spent === null) await fromA.refund();
    assert.ok(b.exhaustedHosts.has(host), 'B does not know yet');
    // The loop claims again at once on a reopened budget rather than judging the crawl stuck on the old marks.
    assert.equal(await b.refresh(), true, 'the refresh says a budget is open again');
    assert.ok(!b.exhaustedHosts.has(host), 'B reopens the host once it reads its counter');
    assert.equal(limitsB[`maxPagesPerHost:${host}`], undefined);
    assert.equal((await b.start(item, source)).spent, null, 'and B fills the budget');
    assert.ok(b.exhaustedHosts.has(host));
    assert.equal(await b.refresh(), false, 'nothing reopened');
    assert.ok(b.exhaustedHosts.has(host), 'a host still spent stays marked after a refresh');
  });

  test('a host reopened by a give-back while a refresh reads the counters stays open', async () => {
    // The refresh took the host from the marks, then the give-back unmarked it before the counters came back: the
    // refresh put it back as spent with no budget to re-read, and the worker skipped the host to the end of the run.
    const { frontier, source, host, item } = await hostBudgetOf2();
    const limits: Record<string, number> = {};
    // The same store, its counter reads held until the test lets them answer.
    let answer!: () => void;
    const gate = new Promise<void>((r) => (answer = r));
    const held: FrontierStore = Object.assign(Object.create(frontier) as FrontierStore, {
      counters: async (keys: readonly string[]) => {
        const values = await frontier.counters(keys);
        await gate;
        return values;
      },
    });
    const a = new RunBudgets(held, 'run-3', undefined, limits, [source]);
    assert.equal((await a.start(item, source)).spent, null);
    const last = await a.start(item, source);
    assert.ok(a.exhaustedHosts.has(host), 'the page that took the last marks the host');
    assert.equal(last.spent, null);
    if (last.spent !== null) return;
    const refreshed = a.refresh(); // takes the marks and reads 2 of 2 counted
    await last.refund(); // meanwhile the page goes back: 1 of 2, the host unmarked
    answer();
    await refreshed;
    assert.equal(await frontier.counter(`run:run-3:started-host:${host}`), 1);
    assert.ok(!a.exhaustedHosts.has(host), 'the host is open: one page of its two is counted');
    assert.equal(limits[`maxPagesPerHost:${host}`], undefined);
    assert.equal(await a.refresh(), false, 'and no later refresh finds a mark left to reopen');
  });

  test('the run’s maxPages holds across both workers and both hosts', async () => {
    const s = await fresh();
    const summaries = await crawlWith(s, sourceOf(site), 2, { maxPages: 7 });
    const total = [...pagesPerHost(site).values()].reduce((a, b) => a + b, 0);
    assert.equal(total, 7, `pages fetched by both workers (budget 7): ${JSON.stringify(summaries.map((x) => x.limitsHit))}`);
    assert.ok(summaries.some((x) => x.limitsHit.maxPages === 7));
  });

  test('maxTimeMs: the worker stops claiming and leaves; the run stays open for the others', async () => {
    const s = await fresh();
    const [summary] = await crawlWith(s, sourceOf(site, { politeness: { delayMs: 100, perHostConcurrency: 1 } }), 1, { maxTimeMs: 500 });
    assert.equal(summary!.limitsHit.maxTime, 500);
    assert.ok(summary!.claimed >= 2 && summary!.claimed < 20, `claimed ${summary!.claimed} in its half second`);
    const { frontier, index } = await s.open();
    assert.ok((await frontier.counts()).queued > 0, 'the rest is left to other workers');
    assert.equal((await index.runs.recent(1))[0]!.status, 'running', 'one worker out of time does not end the crawl');
  });
});
