import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { randomBytes } from 'node:crypto';
import { paramPlan } from '../../src/frontier/paramLearning.js';
import type { ClaimedItem, QueueItem } from '../../src/storage/interfaces.js';
import { RedisFrontierStore } from '../../src/storage/redis/frontier-store.js';
import { frontierStoreContract } from './contract/frontier-store.contract.js';

/** Local Redis only; each test gets its own key prefix, deleted afterwards. */
export const REDIS_URL = 'redis://127.0.0.1:6379/0';

export function testPrefix(): string {
  return `snapcrawl-test:${process.pid}:${randomBytes(6).toString('hex')}:`;
}

frontierStoreContract('redis', async () => {
  const prefix = testPrefix();
  const store = await RedisFrontierStore.connect(REDIS_URL, { prefix });
  return {
    store,
    another: () => RedisFrontierStore.connect(REDIS_URL, { prefix }),
    dispose: () => store.destroy(),
  };
});

describe('RedisFrontierStore claim checks', () => {
  it('a claim checks takedowns and reads the validators itself: the worker asks nothing more before the fetch', async () => {
    const store = await RedisFrontierStore.connect(REDIS_URL, { prefix: testPrefix() });
    try {
      const url = (p: string) => `https://a.test/${p}`;
      const policyFor = () => ({ delayMs: 0, concurrency: 10 });
      await store.addMany(['fresh', 'seen', 'gone'].map((p) => ({ url: url(p), host: 'a.test', source: 's', depth: 1, kind: 'page' as const })));
      const first = await store.claim({ worker: 'w', limit: 10, now: 1, leaseMs: 60_000, policyFor });
      const seen = first.find((c) => c.url === url('seen'))!;
      await store.finish('w', seen.url, { state: 'done', outcome: 'stored', status: 200, etag: '"e"', snapshotId: 's1' }, 2);
      await store.requeue(seen.url, 3);
      for (const c of first) if (c.url !== seen.url) await store.retryLater('w', c.url, 3, 'again');
      await store.addExclusions([{ kind: 'url', value: url('gone') }], null);
      const again = await store.claim({ worker: 'w', limit: 10, now: 4, leaseMs: 60_000, policyFor });
      assert.deepEqual(again.map((c) => c.url).sort(), [url('fresh'), url('seen')], 'the taken-down URL is not handed out');
      for (const c of again) assert.deepEqual(c.claimChecks?.validators, await store.validators(c.url), c.url);
      assert.equal(again.find((c) => c.url === url('seen'))!.claimChecks!.validators.etag, '"e"');
    } finally {
      await store.destroy();
    }
  });
});

describe('RedisFrontierStore parameter learning', () => {
  it('turns the queued URLs carrying a parameter it learns into aliases of their plain URL, in the same step', async () => {
    const store = await RedisFrontierStore.connect(REDIS_URL, { prefix: testPrefix() });
    try {
      const url = (p: string) => `https://a.test/${p}`;
      const policyFor = () => ({ delayMs: 0, concurrency: 10 });
      const page = (p: string, extra: Partial<QueueItem> = {}): QueueItem => ({ url: url(p), host: 'a.test', source: 's', depth: 1, kind: 'page', ...extra });
      // Queued before the parameter is learned: a variant whose plain URL is new, one whose plain URL is queued, one due
      // later, one whose other parameter stays, one on another host, and one being fetched.
      await store.addMany([
        page('5?from=home'), page('6'), page('6?from=side'), page('7?from=x', { notBefore: 50_000 }), page('8?id=3&from=y'),
        { url: 'https://b.test/9?from=z', host: 'b.test', source: 's', depth: 1, kind: 'page' }, page('10?from=w', { requestUrl: 'https://a.test/10?%66rom=w' }),
      ]);
      const [inFlight] = await store.claim({ worker: 'w', limit: 1, now: 1, leaseMs: 60_000, policyFor });
      assert.equal(inFlight!.url, url('5?from=home'), 'claims go in the order added');
      const plan = (u: string, h: string) => paramPlan({ url: u, canonical: null, contentHash: h }, (x) => x)!;
      for (const [u, h] of [['1', 'h1'], ['1?from=a', 'h1'], ['2?from=b', 'h2']] as const) await store.observeParams(plan(url(u), h), 10);
      const before = await store.counts();
      const changes = await store.observeParams(plan(url('2'), 'h2'), 20);
      assert.deepEqual(changes.learned, [{ host: 'a.test', param: 'from', confirmations: 2 }]);
      assert.equal(changes.aliased, 4, 'the four queued variants of a.test');
      const after = await store.counts();
      assert.deepEqual({ queued: after.queued - before.queued, done: after.done - before.done }, { queued: -4 + 3, done: 4 }, 'three plain URLs queued (the fourth was already)');
      for (const v of ['6?from=side', '7?from=x', '8?id=3&from=y', '10?from=w']) assert.equal(await store.has(url(v)), true, v);
      for (const p of ['7', '8?id=3', '10']) assert.equal(await store.has(url(p)), true, `${p} queued in its variant's place`);
      const claimed = await drain(store, 100_000);
      assert.deepEqual(claimed.map((c) => c.url).sort(), [url('10'), url('6'), url('7'), url('8?id=3'), 'https://b.test/9?from=z'].sort(), 'the variants are never handed out');
      assert.equal(claimed.find((c) => c.url === url('10'))!.requestUrl, 'https://a.test/10', 'its request URL less the parameter, escapes compared normalized');
      assert.equal(claimed.find((c) => c.url === url('7'))!.depth, 1);
      assert.equal(await store.finish('w', inFlight!.url, { state: 'done', outcome: 'stored', status: 200 }, 30), true, 'a URL in flight is left to its worker');
      assert.deepEqual(await store.claim({ worker: 'w', limit: 10, now: 200_000, leaseMs: 60_000, policyFor }), []);
    } finally {
      await store.destroy();
    }
  });
});

async function drain(store: RedisFrontierStore, now: number): Promise<ClaimedItem[]> {
  const out: ClaimedItem[] = [];
  for (;;) {
    const got = await store.claim({ worker: 'w2', limit: 10, now, leaseMs: 60_000, policyFor: () => ({ delayMs: 0, concurrency: 10 }) });
    if (got.length === 0) return out;
    out.push(...got);
  }
}
