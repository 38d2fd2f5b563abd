import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { paramPlan } from '../../../src/frontier/paramLearning.js';
import type { ClaimedItem, ClaimRequest, FrontierStore, HostPolicy, QueueItem } from '../../../src/storage/interfaces.js';

/*
 * What the contract pins down beyond interfaces.ts (both backends agree):
 * - an item without notBefore is due at once (due time 0), so claims with any `now` may take it;
 * - a lease past its expiry but not yet reclaimed is still its worker's (finish/renew work, claim does not hand it
 *   out); reclaimExpired takes leases with expiresAt <= now; liveLeases counts expiresAt > now;
 * - validators.fetchCount counts finishes in state 'done'; a finish without etag/lastModified/snapshotId keeps the
 *   earlier ones (a 304);
 * - exclusions match as src/frontier/exclusions.ts does on normalized URLs: exact URL, string prefix, hostname or
 *   any subdomain of it (port, userinfo and trailing dot ignored); non-http(s) never; a queued URL excluded later
 *   is never handed out (it becomes 'skipped');
 * - nextDueAt is the earliest max(URL due, host next allowed start) over queued URLs, budgets and concurrency aside.
 */

/**
 * One backend under test: a fresh, empty store per test, more handles on the same store (other connections, as
 * other worker processes would hold) and a dispose that closes them and removes what the store wrote.
 */
export interface FrontierStoreFixture {
  store: FrontierStore;
  /** Another connection to the same store. */
  another: () => Promise<FrontierStore>;
  dispose: () => Promise<void>;
}

export type FrontierStoreFactory = () => Promise<FrontierStoreFixture>;

const T0 = 1_700_000_000_000;
const LEASE = 60_000;
const FREE: HostPolicy = { delayMs: 0, concurrency: 1_000 };

function item(host: string, path: string, extra: Partial<QueueItem> = {}): QueueItem {
  return { url: `https://${host}/${path}`, host, source: 'news', depth: 1, kind: 'page', ...extra };
}

function request(worker: string, now: number, extra: Partial<ClaimRequest> = {}): ClaimRequest {
  return { worker, limit: 10, now, leaseMs: LEASE, policyFor: () => FREE, ...extra };
}

/** Claims until the store hands out nothing more at `now`. */
async function drain(store: FrontierStore, req: ClaimRequest): Promise<ClaimedItem[]> {
  const all: ClaimedItem[] = [];
  for (;;) {
    const got = await store.claim(req);
    if (got.length === 0) return all;
    all.push(...got);
  }
}

/** Registers the FrontierStore contract for one backend. */
export function frontierStoreContract(name: string, factory: FrontierStoreFactory): void {
  describe(`FrontierStore contract: ${name}`, () => {
    let fx: FrontierStoreFixture;
    let store: FrontierStore;
    const extra: FrontierStore[] = [];
    const handles = async (n: number): Promise<FrontierStore[]> => {
      const out = [store];
      while (out.length < n) {
        const h = await fx.another();
        extra.push(h);
        out.push(h);
      }
      return out;
    };
    beforeEach(async () => {
      fx = await factory();
      store = fx.store;
    });
    afterEach(async () => {
      for (const h of extra.splice(0)) await h.close();
      await fx.dispose();
    });

    describe('adding', () => {
      it('adds new URLs once, de-duplicating within and across batches', async () => {
        assert.equal(await store.addMany([item('a.test', '1'), item('a.test', '2'), item('a.test', '1')]), 2);
        assert.equal(await store.addMany([item('a.test', '2'), item('b.test', '1')]), 1);
        assert.equal(await store.addMany([]), 0);
        assert.equal(await store.has('https://a.test/1'), true);
        assert.equal(await store.has('https://a.test/3'), false);
        assert.deepEqual(await store.counts(), { queued: 3, inFlight: 0, done: 0, failed: 0, skipped: 0 });
      });

      it('concurrent addMany from several connections adds each URL exactly once', async () => {
        const hs = await handles(4);
        const batches = hs.map((_, i) => Array.from({ length: 300 }, (_, j) => item(`h${(i * 100 + j) % 13}.test`, `p${i * 100 + j}`)));
        const added = await Promise.all(hs.flatMap((h, i) => [h.addMany(batches[i]), h.addMany(batches[(i + 1) % hs.length])]));
        const distinct = new Set(batches.flat().map((b) => b.url)).size;
        assert.equal(added.reduce((a, b) => a + b, 0), distinct);
        assert.equal((await store.counts()).queued, distinct);
      });

      it('a claimed URL keeps the fields it was added with', async () => {
        await store.addMany([
          item('a.test', 'x', { requestUrl: 'https://a.test/x?utm_source=1', depth: 3, kind: 'feed', source: 'wire', discoveredFrom: 'https://a.test/' }),
          item('b.test', 'y'),
        ]);
        const got = await store.claim(request('w1', T0));
        // claimChecks is optional (a store that checks with the claim adds it): the fields added are what is pinned here.
        const byUrl = new Map(got.map(({ claimChecks: _, ...g }) => [g.url, g]));
        assert.deepEqual(byUrl.get('https://a.test/x'), {
          url: 'https://a.test/x', requestUrl: 'https://a.test/x?utm_source=1', host: 'a.test', source: 'wire', depth: 3, kind: 'feed',
          attempts: 1, discoveredFrom: 'https://a.test/', lease: { worker: 'w1', expiresAt: T0 + LEASE },
        });
        const y = byUrl.get('https://b.test/y');
        assert.equal(y?.requestUrl, 'https://b.test/y');
        assert.equal(y?.discoveredFrom, null);
        assert.deepEqual(await store.counts(), { queued: 0, inFlight: 2, done: 0, failed: 0, skipped: 0 });
      });
    });

    describe('claiming', () => {
      it('hands out higher priority first, then shallower, then in the order added', async () => {
        await store.addMany([
          item('a.test', 'd2', { depth: 2 }), item('a.test', 'd1', { depth: 1 }), item('a.test', 'd1b', { depth: 1 }),
          item('a.test', 'p5', { depth: 4, priority: 5 }),
        ]);
        const order = (await drain(store, request('w', T0, { limit: 1 }))).map((c) => c.url.slice('https://a.test/'.length));
        assert.deepEqual(order, ['p5', 'd1', 'd1b', 'd2']);
      });

      it('respects notBefore, and nextDueAt says when', async () => {
        assert.equal(await store.nextDueAt(), null);
        await store.addMany([item('a.test', 'later', { notBefore: T0 + 5_000 })]);
        assert.deepEqual(await store.claim(request('w', T0)), []);
        assert.equal(await store.nextDueAt(), T0 + 5_000);
        assert.deepEqual((await store.claim(request('w', T0 + 5_000))).map((c) => c.url), ['https://a.test/later']);
        assert.equal(await store.nextDueAt(), null);
      });

      it('queueState is nextDueAt and liveLeases together', async () => {
        assert.deepEqual(await store.queueState(T0), { nextDueAt: null, liveLeases: 0 });
        await store.addMany([item('a.test', 'now'), item('b.test', 'later', { notBefore: T0 + 5_000 })]);
        assert.deepEqual(await store.queueState(T0), { nextDueAt: await store.nextDueAt(), liveLeases: 0 });
        const [claimed] = await store.claim(request('w', T0, { limit: 1 }));
        assert.equal(claimed?.url, 'https://a.test/now');
        assert.deepEqual(await store.queueState(T0), { nextDueAt: T0 + 5_000, liveLeases: 1 });
        assert.deepEqual(await store.queueState(claimed!.lease.expiresAt), { nextDueAt: T0 + 5_000, liveLeases: 0 }, 'an expired lease is not live');
      });

      it('concurrent claimers never get the same URL, and together get all of them', async () => {
        const urls = Array.from({ length: 400 }, (_, i) => item(`h${i % 20}.test`, `p${i}`));
        await store.addMany(urls);
        const hs = await handles(5);
        const claimed: string[] = [];
        for (let round = 0; round < 100 && claimed.length < urls.length; round++) {
          const batches = await Promise.all(
            hs.flatMap((h, i) => [0, 1].map((k) => h.claim(request(`w${i}-${k}`, T0 + round, { limit: 7, policyFor: () => ({ delayMs: 0, concurrency: 50 }) })))),
          );
          claimed.push(...batches.flat().map((c) => c.url));
        }
        assert.equal(new Set(claimed).size, claimed.length, 'a URL was handed out twice');
        assert.equal(claimed.length, urls.length);
        assert.equal(await store.liveLeases(T0), urls.length);
      });

      it('never starts two requests to one host closer than its delay, across concurrent claimers', async () => {
        const hosts = ['a.test', 'b.test', 'c.test'];
        // a.test has URLs of two sources: the host's pacing holds across them.
        const sourceOf = (h: string, i: number) => (h === 'c.test' ? 'slow' : h === 'a.test' && i % 2 === 1 ? 'wire' : 'news');
        await store.addMany(hosts.flatMap((h) => Array.from({ length: 6 }, (_, i) => item(h, `p${i}`, { source: sourceOf(h, i) }))));
        const hs = await handles(3);
        const delayOf = (source: string) => (source === 'slow' ? 2_500 : 1_000);
        const policyFor = (_host: string, source: string): HostPolicy => ({ delayMs: delayOf(source), concurrency: 10 });
        const starts = new Map<string, number[]>();
        let total = 0;
        for (let now = T0; now < T0 + 60_000 && total < 18; now += 250) {
          const got = (await Promise.all(hs.map((h, i) => h.claim(request(`w${i}`, now, { policyFor }))))).flat();
          for (const c of got) {
            starts.set(c.host, [...(starts.get(c.host) ?? []), now]);
            assert.equal(await store.finish(c.lease.worker, c.url, { state: 'done', outcome: 'ok' }, now), true);
          }
          total += got.length;
        }
        assert.equal(total, 18);
        for (const [host, times] of starts) {
          const delay = host === 'c.test' ? 2_500 : 1_000;
          for (let i = 1; i < times.length; i++) assert.ok(times[i] - times[i - 1] >= delay, `${host} started ${times[i] - times[i - 1]} ms apart`);
          assert.equal(times.length, 6);
        }
      });

      it('never holds more live leases on one host than its concurrency', async () => {
        await store.addMany(['a.test', 'b.test'].flatMap((h) => Array.from({ length: 12 }, (_, i) => item(h, `p${i}`))));
        const hs = await handles(3);
        const policyFor = (): HostPolicy => ({ delayMs: 0, concurrency: 3 });
        const held = new Map<string, ClaimedItem[]>();
        const got = (await Promise.all(hs.flatMap((h, i) => [h.claim(request(`w${i}`, T0, { policyFor })), h.claim(request(`v${i}`, T0, { policyFor }))]))).flat();
        for (const c of got) held.set(c.host, [...(held.get(c.host) ?? []), c]);
        assert.deepEqual([...held.values()].map((v) => v.length), [3, 3]);
        assert.deepEqual(await store.claim(request('late', T0 + 1, { policyFor })), []);
        // One lease ends: exactly one more may start on that host.
        const first = held.get('a.test')![0];
        assert.equal(await store.finish(first.lease.worker, first.url, { state: 'done', outcome: 'ok' }, T0 + 2), true);
        const more = await store.claim(request('late', T0 + 3, { policyFor }));
        assert.deepEqual(more.map((c) => c.host), ['a.test']);
      });

      it('does not hand out URLs of exhausted sources, and does once they are not', async () => {
        await store.addMany([item('a.test', '1', { source: 'spent' }), item('a.test', '2', { source: 'open' }), item('b.test', '3', { source: 'spent' })]);
        const exhaustedSources = new Set(['spent']);
        assert.deepEqual((await drain(store, request('w', T0, { exhaustedSources }))).map((c) => c.url), ['https://a.test/2']);
        assert.deepEqual((await store.claim(request('w', T0 + 1, { exhaustedSources }))), []);
        const later = await drain(store, request('w', T0 + 2));
        assert.deepEqual(later.map((c) => c.url).sort(), ['https://a.test/1', 'https://b.test/3']);
      });

      it('does not hand out URLs of exhausted hosts, whatever their source, and does once they are not', async () => {
        await store.addMany([item('a.test', '1'), item('a.test', '2', { source: 'wire' }), item('b.test', '3'), item('c.test', '4')]);
        const exhaustedHosts = new Set(['a.test']);
        const first = await drain(store, request('w', T0, { exhaustedHosts }));
        assert.deepEqual(first.map((c) => c.url).sort(), ['https://b.test/3', 'https://c.test/4']);
        assert.deepEqual(await store.claim(request('w', T0 + 1, { exhaustedHosts })), []);
        assert.equal((await store.counts()).queued, 2, 'the spent host’s URLs stay queued');
        const later = await drain(store, request('w', T0 + 2));
        assert.deepEqual(later.map((c) => c.url).sort(), ['https://a.test/1', 'https://a.test/2']);
      });

      it('bookStart spaces starts outside claims by the delay, and claims keep clear of them', async () => {
        const [a, b] = await handles(2);
        // A host no URL is on (an image host): booked starts a delay apart, from either connection.
        const booked = [await a.bookStart('img.test', T0, 500), await b.bookStart('img.test', T0, 500), await a.bookStart('img.test', T0 + 2_000, 500)];
        assert.deepEqual(booked, [T0, T0 + 500, T0 + 2_000]);
        // The page's host: a booked start pushes the next claim a delay past it.
        await store.addMany([item('a.test', '1'), item('a.test', '2')]);
        const policyFor = (): HostPolicy => ({ delayMs: 1_000, concurrency: 5 });
        assert.equal((await store.claim(request('w', T0, { policyFor }))).length, 1);
        const image = await b.bookStart('a.test', T0 + 10, 1_000);
        assert.equal(image, T0 + 1_000, 'the image waits for the slot after the page');
        assert.deepEqual(await store.claim(request('w', T0 + 1_000, { policyFor })), [], 'the image took that slot');
        assert.deepEqual((await store.claim(request('w', T0 + 2_000, { policyFor }))).map((c) => c.url), ['https://a.test/2']);
      });
    });

    describe('leases', () => {
      it('finish records the result and releases the lease; a lost lease changes nothing', async () => {
        await store.addMany([item('a.test', '1')]);
        const [a] = await store.claim(request('wa', T0, { leaseMs: 1_000 }));
        assert.equal(await store.reclaimExpired(T0 + 999), 0);
        assert.equal(await store.reclaimExpired(T0 + 1_001), 1);
        assert.equal(await store.liveLeases(T0 + 1_001), 0);
        const [b] = await store.claim(request('wb', T0 + 2_000));
        assert.equal(b.url, a.url);
        assert.equal(b.attempts, 2, 'a reclaimed URL keeps its attempts');
        assert.equal(await store.finish('wa', a.url, { state: 'done', outcome: 'ok', etag: '"lost"' }, T0 + 2_001), false);
        assert.equal(await store.retryLater('wa', a.url, T0 + 9_000, 'late'), false);
        assert.deepEqual(await store.renew('wa', [a.url], T0 + 99_000), []);
        assert.equal((await store.validators(a.url))?.etag ?? null, null);
        assert.deepEqual(await store.counts(), { queued: 0, inFlight: 1, done: 0, failed: 0, skipped: 0 });
        assert.equal(await store.finish('wb', b.url, { state: 'done', outcome: 'ok', etag: '"v1"', snapshotId: 's1' }, T0 + 2_002), true);
        assert.equal(await store.finish('wb', b.url, { state: 'done', outcome: 'ok' }, T0 + 2_003), false, 'finished twice');
        assert.deepEqual(await store.counts(), { queued: 0, inFlight: 0, done: 1, failed: 0, skipped: 0 });
        assert.equal(await store.liveLeases(T0 + 2_002), 0);
      });

      it('finish of a URL that was never claimed is refused', async () => {
        await store.addMany([item('a.test', '1')]);
        assert.equal(await store.finish('w', 'https://a.test/1', { state: 'done', outcome: 'ok' }, T0), false);
        assert.equal(await store.finish('w', 'https://a.test/none', { state: 'done', outcome: 'ok' }, T0), false);
        assert.equal((await store.counts()).queued, 1);
      });

      it('retryLater releases the lease and queues the URL again at the given time', async () => {
        await store.addMany([item('a.test', '1')]);
        const [c] = await store.claim(request('w', T0));
        assert.equal(await store.retryLater('w', c.url, T0 + 10_000, 'HTTP 503'), true);
        assert.equal(await store.liveLeases(T0), 0);
        assert.deepEqual(await store.counts(), { queued: 1, inFlight: 0, done: 0, failed: 0, skipped: 0 });
        assert.deepEqual(await store.claim(request('w', T0 + 9_999)), []);
        assert.equal(await store.nextDueAt(), T0 + 10_000);
        const [again] = await store.claim(request('w2', T0 + 10_000));
        assert.equal(again.url, c.url);
        assert.equal(again.attempts, 2);
      });

      it('reclaimed URLs go back to the queue and another worker can claim them', async () => {
        await store.addMany(Array.from({ length: 5 }, (_, i) => item(`h${i}.test`, 'x')));
        const first = await store.claim(request('dead', T0, { leaseMs: 500 }));
        assert.equal(first.length, 5);
        assert.equal(await store.liveLeases(T0 + 499), 5);
        assert.equal(await store.liveLeases(T0 + 500), 0);
        assert.deepEqual(await store.claim(request('alive', T0 + 600)), [], 'expired but not reclaimed: still leased');
        assert.equal(await store.reclaimExpired(T0 + 600), 5);
        assert.equal(await store.reclaimExpired(T0 + 600), 0);
        const second = await store.claim(request('alive', T0 + 700));
        assert.deepEqual(second.map((c) => c.url).sort(), first.map((c) => c.url).sort());
        assert.ok(second.every((c) => c.lease.worker === 'alive' && c.attempts === 2));
      });

      it('renew extends only the worker’s own live leases', async () => {
        await store.addMany([item('a.test', '1'), item('b.test', '2')]);
        const [x] = await store.claim(request('w1', T0, { limit: 1, leaseMs: 1_000 }));
        const [y] = await store.claim(request('w2', T0, { limit: 1, leaseMs: 1_000 }));
        assert.deepEqual(await store.renew('w1', [x.url, y.url, 'https://nowhere.test/'], T0 + 5_000), [x.url]);
        assert.equal(await store.reclaimExpired(T0 + 2_000), 1);
        assert.equal(await store.liveLeases(T0 + 2_000), 1);
        assert.equal(await store.finish('w1', x.url, { state: 'failed', outcome: 'http-404', status: 404 }, T0 + 3_000), true);
        assert.deepEqual(await store.counts(), { queued: 1, inFlight: 0, done: 0, failed: 1, skipped: 0 });
      });

      it('nextDueAt accounts for the host’s next allowed start', async () => {
        await store.addMany([item('a.test', '1'), item('a.test', '2')]);
        assert.equal(await store.nextDueAt() !== null && (await store.nextDueAt())! <= T0, true);
        const got = await store.claim(request('w', T0, { policyFor: () => ({ delayMs: 3_000, concurrency: 2 }) }));
        assert.equal(got.length, 1);
        assert.equal(await store.nextDueAt(), T0 + 3_000);
      });
    });

    describe('history', () => {
      it('validators carry what finishes learned; requeue puts done URLs back', async () => {
        await store.addMany([item('a.test', '1')]);
        assert.equal(await store.validators('https://a.test/none'), null);
        assert.deepEqual(await store.validators('https://a.test/1'), { etag: null, lastModified: null, snapshotId: null, fetchCount: 0 });
        const [c] = await store.claim(request('w', T0));
        // A store reading the validators with the claim (claimChecks) reads what validators() answers.
        if (c.claimChecks) assert.deepEqual(c.claimChecks.validators, await store.validators(c.url));
        await store.finish('w', c.url, { state: 'done', outcome: 'stored', status: 200, etag: '"e1"', lastModified: 'Mon, 01 Jan 2024 00:00:00 GMT', snapshotId: 's1', nextRevisitAt: T0 + 86_400_000 }, T0 + 10);
        assert.deepEqual(await store.validators(c.url), { etag: '"e1"', lastModified: 'Mon, 01 Jan 2024 00:00:00 GMT', snapshotId: 's1', fetchCount: 1 });
        assert.equal(await store.requeue('https://a.test/none', T0), false);
        assert.equal(await store.requeue(c.url, T0 + 100), true);
        assert.equal(await store.requeue(c.url, T0 + 100), false, 'already queued');
        assert.deepEqual(await store.claim(request('w', T0 + 99)), []);
        const [again] = await store.claim(request('w', T0 + 100));
        assert.equal(again.url, c.url);
        if (again.claimChecks) assert.deepEqual(again.claimChecks.validators, { etag: '"e1"', lastModified: 'Mon, 01 Jan 2024 00:00:00 GMT', snapshotId: 's1', fetchCount: 1 });
        // A 304 brings no new validators: the old ones stay.
        await store.finish('w', c.url, { state: 'done', outcome: 'unchanged', status: 304 }, T0 + 200);
        assert.deepEqual(await store.validators(c.url), { etag: '"e1"', lastModified: 'Mon, 01 Jan 2024 00:00:00 GMT', snapshotId: 's1', fetchCount: 2 });
        assert.equal(await store.has(c.url), true);
        assert.deepEqual(await store.hasMany([c.url, 'https://a.test/none', c.url]), [true, false, true]);
        assert.deepEqual(await store.hasMany([]), []);
      });

      it('markHandled adds new URLs as done, takes queued ones off the queue, leaves leased ones alone', async () => {
        await store.addMany([item('a.test', 'first'), item('a.test', 'second'), item('a.test', 'later', { notBefore: T0 + 5_000 })]);
        const [leased] = await store.claim(request('w', T0, { limit: 1 }));
        assert.equal(leased.url, 'https://a.test/first');
        const changed = await store.markHandled([item('a.test', 'second'), item('a.test', 'later'), item('a.test', 'new'), leased], 'redirect-from:x', T0 + 1);
        assert.equal(changed, 3, 'the queued, the not-yet-due and the new one; the leased one is its worker’s');
        assert.equal(await store.has('https://a.test/new'), true);
        assert.deepEqual(await drain(store, request('w', T0 + 10_000)), [], 'nothing handled is handed out');
        assert.deepEqual(await store.counts(), { queued: 0, inFlight: 1, done: 3, failed: 0, skipped: 0 });
        assert.equal(await store.finish('w', leased.url, { state: 'done', outcome: 'ok' }, T0 + 2), true);
        assert.equal(await store.nextDueAt(), null);
      });

      it('siteSignals reads what a change signal is judged against; setSiteModified stores the newest on known URLs only', async () => {
        await store.addMany([item('a.test', '1'), item('a.test', '2', { source: 'wire', kind: 'sitemap' })]);
        const [c] = await store.claim(request('w', T0, { limit: 1 }));
        await store.finish('w', c.url, { state: 'done', outcome: 'stored', lastModified: 'Mon, 01 Jan 2024 00:00:00 GMT', nextRevisitAt: T0 + 9_000 }, T0 + 5);
        await store.setSiteModified([{ url: 'https://a.test/1', modified: '2024-02-01' }, { url: 'https://a.test/none', modified: '2024-02-01' }]);
        assert.deepEqual(await store.siteSignals(['https://a.test/1', 'https://a.test/2', 'https://a.test/none']), [
          { state: 'done', source: 'news', kind: 'page', siteModified: '2024-02-01', lastModified: 'Mon, 01 Jan 2024 00:00:00 GMT', fetchedAt: T0 + 5, nextRevisitAt: T0 + 9_000 },
          { state: 'queued', source: 'wire', kind: 'sitemap', siteModified: null, lastModified: null, fetchedAt: null, nextRevisitAt: null },
          null,
        ]);
        assert.equal(await store.has('https://a.test/none'), false, 'a signal adds no URL');
      });

      it('markHandled with a fetch: the URL takes it as its own (validators, next revisit), a leased one does not', async () => {
        await store.addMany([item('a.test', 'queued')]);
        const fetch = { state: 'done' as const, outcome: 'snapshot-new', status: 200, snapshotId: 's1', etag: '"e"', lastModified: 'Mon, 01 Jan 2024 00:00:00 GMT', nextRevisitAt: T0 + 1_000 };
        assert.equal(await store.markHandled([item('a.test', 'queued'), item('a.test', 'new')], 'snapshot-new:via-alias', T0, fetch), 2);
        for (const url of ['https://a.test/queued', 'https://a.test/new']) {
          assert.deepEqual(await store.validators(url), { etag: '"e"', lastModified: 'Mon, 01 Jan 2024 00:00:00 GMT', snapshotId: 's1', fetchCount: 1 }, url);
        }
        assert.equal(await store.requeueDue(T0 + 1_000, ['news']), 2, 'their revisits come due like any fetched page’s');
      });

      it('requeueDue puts back done and failed URLs of the given sources whose revisit is due, nothing else', async () => {
        await store.addMany([
          item('a.test', 'due'), item('a.test', 'failed'), item('a.test', 'later'), item('a.test', 'never'),
          item('a.test', 'other', { source: 'wire' }), item('a.test', 'skipped'),
        ]);
        const claimed = await drain(store, request('w', T0));
        const byPath = new Map(claimed.map((c) => [c.url.slice('https://a.test/'.length), c]));
        const end = (path: string, r: Parameters<FrontierStore['finish']>[2]) => store.finish('w', byPath.get(path)!.url, r, T0 + 1);
        await end('due', { state: 'done', outcome: 'stored', nextRevisitAt: T0 + 1_000 });
        await end('failed', { state: 'failed', outcome: 'http-503', nextRevisitAt: T0 + 500 });
        await end('later', { state: 'done', outcome: 'stored', nextRevisitAt: T0 + 60_000 });
        await end('never', { state: 'done', outcome: 'stored', nextRevisitAt: null });
        await end('other', { state: 'done', outcome: 'stored', nextRevisitAt: T0 + 1_000 });
        await end('skipped', { state: 'skipped', outcome: 'robots' });
        assert.equal(await store.requeueDue(T0 + 400, ['news']), 0, 'nothing due yet');
        assert.equal(await store.requeueDue(T0 + 1_000, ['news']), 2);
        assert.equal(await store.requeueDue(T0 + 1_000, ['news']), 0, 'each due revisit once');
        const again = await drain(store, request('w', T0 + 1_000));
        assert.deepEqual(again.map((c) => c.url).sort(), ['https://a.test/due', 'https://a.test/failed']);
        const attempts = new Map(again.map((c) => [c.url, c.attempts]));
        assert.equal(attempts.get('https://a.test/due'), 1, 'a done URL starts its attempts again');
        assert.equal(attempts.get('https://a.test/failed'), 2, 'a failed one keeps counting toward giving up');
        assert.equal(await store.requeueDue(T0 + 1_000, ['wire']), 1, 'the other source’s, when asked for');
        assert.equal(await store.requeueDue(T0 + 120_000, ['news', 'wire']), 1, 'the later one, in its time');
      });

      it('counters count, per key', async () => {
        assert.equal(await store.counter('source:news'), 0);
        assert.equal(await store.incrementCounter('source:news'), 1);
        assert.equal(await store.incrementCounter('source:news', 4), 5);
        const hs = await handles(3);
        await Promise.all(hs.flatMap((h) => Array.from({ length: 10 }, () => h.incrementCounter('host:a.test'))));
        assert.equal(await store.counter('host:a.test'), 30);
        assert.equal(await store.counter('source:news'), 5);
      });

      it('counters reads several at once; shared sets answer size and membership across connections', async () => {
        await store.incrementCounter('a', 2);
        await store.incrementCounter('c');
        assert.deepEqual(await store.counters(['a', 'b', 'c']), [2, 0, 1]);
        assert.deepEqual(await store.counters([]), []);
        const [a, b] = await handles(2);
        await a.addToSets([{ key: 'trap:r1:v:x', members: ['?p=1', '?p=2'] }, { key: 'trap:r1:c:t', members: [] }], 60_000);
        await b.addToSets([{ key: 'trap:r1:v:x', members: ['?p=2', '?p=3'] }], 60_000);
        const [all, some, none] = await a.readSets([
          { key: 'trap:r1:v:x', members: 'all' },
          { key: 'trap:r1:v:x', members: ['?p=3', '?p=9'] },
          { key: 'trap:r1:c:t', members: ['u'] },
        ]);
        assert.deepEqual({ size: all.size, members: [...all.members].sort() }, { size: 3, members: ['?p=1', '?p=2', '?p=3'] });
        assert.deepEqual(some, { size: 3, members: ['?p=3'] });
        assert.deepEqual(none, { size: 0, members: [] });
      });

      it('lineage follows discoverers, nearest first, up to max, stopping at a cycle', async () => {
        await store.addMany([
          item('a.test', 'seed', { discoveredFrom: null }), item('a.test', 'l1', { discoveredFrom: 'https://a.test/seed' }),
          item('a.test', 'l2', { discoveredFrom: 'https://a.test/l1' }), item('a.test', 'l3', { discoveredFrom: 'https://a.test/l2' }),
          item('a.test', 'x', { discoveredFrom: 'https://a.test/y' }), item('a.test', 'y', { discoveredFrom: 'https://a.test/x' }),
        ]);
        assert.deepEqual(await store.lineage('https://a.test/l3', 10), ['https://a.test/l2', 'https://a.test/l1', 'https://a.test/seed']);
        assert.deepEqual(await store.lineage('https://a.test/l3', 2), ['https://a.test/l2', 'https://a.test/l1']);
        assert.deepEqual(await store.lineage('https://a.test/x', 10), ['https://a.test/y']);
        assert.deepEqual(await store.lineage('https://a.test/unknown', 10), []);
      });

      it('robots cache holds a body until it expires', async () => {
        assert.equal(await store.robots('https://a.test', T0), null);
        await store.putRobots('https://a.test', 'User-agent: *\nDisallow: /x', T0 + 1_000);
        assert.equal(await store.robots('https://a.test', T0 + 999), 'User-agent: *\nDisallow: /x');
        assert.equal(await store.robots('https://a.test', T0 + 1_000), null);
        assert.equal(await store.robots('https://b.test', T0), null);
        await store.putRobots('https://a.test', '', T0 + 5_000);
        assert.equal(await store.robots('https://a.test', T0 + 2_000), '');
      });

      it('claimOnce has exactly one winner under concurrency', async () => {
        const hs = await handles(4);
        const results = await Promise.all(hs.flatMap((h, i) => [0, 1, 2].map((k) => h.claimOnce('seed:run-1', `w${i}-${k}`, 60_000))));
        assert.equal(results.filter(Boolean).length, 1);
        assert.equal(await store.claimOnce('seed:run-2', 'w', 60_000), true);
        assert.equal(await store.claimOnce('seed:run-2', 'w', 60_000), false);
      });
    });

    describe('run tallies', () => {
      it('adds a tally with the finish or give-back it goes with, only when that step applies', async () => {
        const [a, b] = await handles(2);
        await store.addMany([item('a.test', '1'), item('a.test', '2'), item('a.test', '3')]);
        const claimed = await a.claim(request('w1', T0));
        assert.equal(claimed.length, 3);
        const key = 'run:r1:report';
        const url = (p: string) => `https://a.test/${p}`;
        assert.equal(await a.finish('w1', url('1'), { state: 'done', outcome: 'stored', status: 200 }, T0, {
          key, add: { fetched: 1, 'out:done:stored': 1 }, once: { 'article:s1': 'first' },
        }), true);
        // Another worker's finish of a URL it does not hold changes nothing, its tally included.
        assert.equal(await b.finish('w2', url('2'), { state: 'done', outcome: 'stored', status: 200 }, T0, { key, add: { fetched: 5 } }), false);
        assert.equal(await b.retryLater('w2', url('3'), T0, 'again', { key, add: { 'retry:again': 1 } }), false);
        assert.equal(await a.retryLater('w1', url('3'), T0, 'again', { key, add: { 'retry:again': 1 } }), true);
        assert.equal(await a.finish('w1', url('2'), { state: 'failed', outcome: 'http-500', status: 500 }, T0, {
          key, add: { fetched: 1, 'out:failed:http-500': 1 }, once: { 'article:s1': 'second', 'article:s2': 'x' },
        }), true);
        // A finish without a tally, or with an empty one, adds nothing.
        const [again] = await a.claim(request('w1', T0 + 1));
        assert.equal(await a.finish('w1', again!.url, { state: 'done', outcome: 'stored', status: 200 }, T0, { key, add: {}, once: {} }), true);
        const read = await b.readTally(key);
        assert.deepEqual(Object.fromEntries([...read].sort()), {
          'article:s1': 'first', 'article:s2': 'x', fetched: '2', 'out:done:stored': '1', 'out:failed:http-500': '1', 'retry:again': '1',
        });
        assert.equal((await a.readTally('run:other:report')).size, 0, 'tallies are per key');
        await b.dropTally(key);
        assert.equal((await a.readTally(key)).size, 0);
      });
    });

    describe('parameter learning', () => {
      // A page as fetched: the plan the worker sends (the host's learned parameters are not stripped here).
      const seen = (url: string, contentHash: string, canonical: string | null = null) => paramPlan({ url, canonical, contentHash }, (u) => u)!;
      const observe = (h: FrontierStore, url: string, hash: string, canonical: string | null = null) => h.observeParams(seen(url, hash, canonical), T0);

      it('learns a parameter once it made no difference on two pages, for every handle, and un-learns it when it does', async () => {
        const [a, b] = await handles(2);
        assert.deepEqual(await observe(a, 'https://a.test/1', 'h1'), { learned: [], unlearned: [] });
        assert.deepEqual(await observe(b, 'https://a.test/1?from=home', 'h1'), { learned: [], unlearned: [] });
        assert.deepEqual(await a.learnedParams('a.test'), []);
        // The variant fetched first, its base after: evidence either way round.
        await observe(b, 'https://a.test/2?from=feed', 'h2');
        assert.deepEqual(await observe(a, 'https://a.test/2', 'h2'), { learned: [{ host: 'a.test', param: 'from', confirmations: 2 }], unlearned: [] });
        assert.deepEqual(await b.learnedParams('a.test'), ['from']);
        assert.deepEqual(await b.learnedParams('b.test'), []);
        // A third page seen again adds nothing new; one where it changes the page un-learns it for good.
        assert.deepEqual(await observe(b, 'https://a.test/1?from=side', 'h1'), { learned: [], unlearned: [] });
        assert.deepEqual(await observe(b, 'https://a.test/3', 'h3'), { learned: [], unlearned: [] });
        assert.deepEqual(await observe(a, 'https://a.test/3?from=x', 'other'), { learned: [], unlearned: [{ host: 'a.test', param: 'from' }] });
        assert.deepEqual(await a.learnedParams('a.test'), []);
        await observe(a, 'https://a.test/4', 'h4');
        assert.deepEqual(await observe(a, 'https://a.test/4?from=y', 'h4'), { learned: [], unlearned: [] });
        assert.deepEqual(await b.learnedParams('a.test'), []);
      });

      it('compares siblings by canonical when both name one, and takes a canonical naming the base as confirmation', async () => {
        await observe(store, 'https://a.test/x?utm=1', 'p', 'https://a.test/x');
        assert.deepEqual(await observe(store, 'https://a.test/y?utm=2', 'q', 'https://a.test/y'), { learned: [{ host: 'a.test', param: 'utm', confirmations: 2 }], unlearned: [] });
        // Different content, same canonical: the same page (a rotating teaser).
        await observe(store, 'https://a.test/z?ref=1', 'c1', 'https://a.test/z/');
        const changes = await observe(store, 'https://a.test/z?ref=2', 'c2', 'https://a.test/z/');
        assert.deepEqual(changes.unlearned, []);
        // Different canonicals: the parameter selects the page.
        await observe(store, 'https://a.test/list?sel=1', 'same', 'https://a.test/one');
        await observe(store, 'https://a.test/list?sel=2', 'same', 'https://a.test/two');
        await observe(store, 'https://a.test/more?sel=1', 'same', 'https://a.test/three');
        assert.deepEqual(await observe(store, 'https://a.test/more?sel=2', 'same', 'https://a.test/four'), { learned: [], unlearned: [] });
        assert.deepEqual(await store.learnedParams('a.test'), ['utm']);
      });

      it('never learns a name that selects content on most sites, whatever the evidence', async () => {
        for (const n of ['1', '2', '3']) {
          await observe(store, `https://a.test/${n}`, n);
          await observe(store, `https://a.test/${n}?Page=7`, n);
        }
        assert.deepEqual(await store.learnedParams('a.test'), []);
      });
    });

    describe('exclusions', () => {
      it('matches exact URLs, prefixes and hosts with their subdomains, nothing else', async () => {
        const added = await store.addExclusions(
          [{ kind: 'url', value: 'https://a.test/gone' }, { kind: 'prefix', value: 'https://b.test/private/' }, { kind: 'host', value: 'c.test' }, { kind: 'url', value: 'https://a.test/gone' }],
          'court order',
        );
        assert.equal(added, 3);
        assert.equal(await store.addExclusions([{ kind: 'host', value: 'c.test' }], null), 0);
        const cases: [string, boolean][] = [
          ['https://a.test/gone', true], ['https://a.test/gone2', false], ['https://a.test/', false],
          ['https://b.test/private/x', true], ['https://b.test/private/', true], ['https://b.test/privat', false],
          ['https://c.test/', true], ['https://www.c.test/x', true], ['http://c.test:8080/y', true], ['https://notc.test/', false], ['https://c.test.example/', false],
          ['https://user:pw@www.c.test/x', true], ['https://c.test./x', true], ['ftp://c.test/x', false], ['not a url', false],
        ];
        for (const [url, excluded] of cases) assert.equal(await store.isExcluded(url), excluded, url);
        const rows = await store.listExclusions();
        assert.deepEqual(rows.map((r) => `${r.kind} ${r.value} ${r.reason}`).sort(), ['host c.test court order', 'prefix https://b.test/private/ court order', 'url https://a.test/gone court order']);
        assert.ok(rows.every((r) => !Number.isNaN(Date.parse(r.createdAt))));
        assert.equal(await store.removeExclusion({ kind: 'host', value: 'c.test' }), true);
        assert.equal(await store.removeExclusion({ kind: 'host', value: 'c.test' }), false);
        assert.equal(await store.isExcluded('https://www.c.test/x'), false);
        assert.equal(await store.removeExclusion({ kind: 'prefix', value: 'https://b.test/private/' }), true);
        assert.equal(await store.isExcluded('https://b.test/private/x'), false);
      });

      it('an excluded URL is never added', async () => {
        await store.addExclusions([{ kind: 'host', value: 'c.test' }, { kind: 'prefix', value: 'https://a.test/tag/' }], null);
        assert.equal(await store.addMany([item('c.test', '1'), item('sub.c.test', '2'), item('a.test', 'tag/x'), item('a.test', 'ok')]), 1);
        assert.equal(await store.has('https://c.test/1'), false);
        assert.deepEqual((await store.counts()).queued, 1);
      });

      it('a URL queued before its exclusion is never handed out', async () => {
        await store.addMany([item('a.test', '1'), item('a.test', '2'), item('b.test', 'x/1'), item('b.test', 'y/1'), item('c.test', '1')]);
        await store.addExclusions([{ kind: 'url', value: 'https://a.test/1' }, { kind: 'prefix', value: 'https://b.test/x/' }, { kind: 'host', value: 'c.test' }], 'takedown');
        const hs = await handles(2);
        const got = (await Promise.all(hs.map((h, i) => drain(h, request(`w${i}`, T0))))).flat();
        assert.deepEqual(got.map((c) => c.url).sort(), ['https://a.test/2', 'https://b.test/y/1']);
        const counts = await store.counts();
        assert.equal(counts.queued, 0);
        assert.equal(counts.inFlight, 2);
        assert.equal(await store.nextDueAt(), null);
      });
    });
  });
}
