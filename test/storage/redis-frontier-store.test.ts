import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { randomBytes } from 'node:crypto';
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
