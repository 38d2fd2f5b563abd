import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { Redis } from 'ioredis';
import { RedisFrontierError, RedisFrontierStore } from '../../src/storage/redis/frontier-store.js';
import type { HostPolicy, QueueItem } from '../../src/storage/interfaces.js';

const REDIS_URL = 'redis://127.0.0.1:6379/0';
const T0 = 1_700_000_000_000;

const page = (host: string, i: number): QueueItem => ({ url: `https://${host}/${i}`, host, source: 'news', depth: 1, kind: 'page' });

describe('RedisFrontierStore specifics', () => {
  let prefix: string;
  let store: RedisFrontierStore;
  beforeEach(async () => {
    prefix = `snapcrawl-test:${process.pid}:${randomBytes(6).toString('hex')}:`;
    store = await RedisFrontierStore.connect(REDIS_URL, { prefix });
  });
  afterEach(() => store.destroy());

  it('hosts first met in a claim get their policy in the same call', async () => {
    await store.addMany(Array.from({ length: 120 }, (_, i) => page(`h${i}.test`, i)));
    const asked = new Set<string>();
    const policyFor = (host: string): HostPolicy => {
      asked.add(host);
      return { delayMs: 1_000, concurrency: 1 };
    };
    const got = await store.claim({ worker: 'w', limit: 120, now: T0, leaseMs: 10_000, policyFor });
    assert.equal(got.length, 120);
    assert.equal(asked.size, 120);
  });

  it('a host skipped for want of a policy by a claim that filled up is served by the next claim', async () => {
    const policyFor = (): HostPolicy => ({ delayMs: 0, concurrency: 100 });
    const claim = async (now: number) => (await store.claim({ worker: 'w', limit: 1, now, leaseMs: 10_000, policyFor })).map((c) => c.host);
    await store.addMany(Array.from({ length: 5 }, (_, i) => page('a.test', i)));
    assert.deepEqual(await claim(T0), ['a.test']);
    await store.addMany(Array.from({ length: 5 }, (_, i) => page('b.test', i))); // new: no policy stored, first in line
    assert.deepEqual(await claim(T0 + 1), ['a.test']);
    assert.deepEqual(await claim(T0 + 2), ['b.test']);
  });

  it('a policy that changes takes effect from the claim that notices it, for every connection', async () => {
    await store.addMany(Array.from({ length: 5 }, (_, i) => page('a.test', i)));
    let delayMs = 1_000;
    const policyFor = (): HostPolicy => ({ delayMs, concurrency: 5 });
    const claimAt = async (s: RedisFrontierStore, now: number) => {
      const got = await s.claim({ worker: 'w', limit: 5, now, leaseMs: 100_000, policyFor });
      for (const c of got) await s.finish('w', c.url, { state: 'done', outcome: 'ok' }, now);
      return got.length;
    };
    assert.equal(await claimAt(store, T0), 1);
    assert.equal(await claimAt(store, T0 + 999), 0);
    delayMs = 5_000; // e.g. a Crawl-delay learned from robots.txt
    assert.equal(await claimAt(store, T0 + 1_000), 1);
    const other = await RedisFrontierStore.connect(REDIS_URL, { prefix });
    try {
      assert.equal(await claimAt(other, T0 + 5_999), 0, 'the longer delay counts from the claim that learned it');
      assert.equal(await claimAt(other, T0 + 6_000), 1);
      assert.equal(await other.nextDueAt(), T0 + 11_000);
    } finally {
      await other.close();
    }
  });

  it('setPolicy can widen a host held at its concurrency', async () => {
    await store.addMany(Array.from({ length: 4 }, (_, i) => page('a.test', i)));
    const one = () => ({ delayMs: 0, concurrency: 1 });
    assert.equal((await store.claim({ worker: 'w', limit: 4, now: T0, leaseMs: 100_000, policyFor: one })).length, 1);
    await store.setPolicy('a.test', { delayMs: 0, concurrency: 3 });
    const three = () => ({ delayMs: 0, concurrency: 3 });
    assert.equal((await store.claim({ worker: 'w', limit: 4, now: T0, leaseMs: 100_000, policyFor: three })).length, 2);
    assert.equal(await store.liveLeases(T0), 3);
  });

  it('refuses a bad URL and an unreachable server with a typed error', async () => {
    await assert.rejects(RedisFrontierStore.connect('postgres://127.0.0.1/x'), RedisFrontierError);
    await assert.rejects(RedisFrontierStore.connect('redis://127.0.0.1:6379/zero'), RedisFrontierError);
    await assert.rejects(RedisFrontierStore.connect('redis://127.0.0.1:1/0'), RedisFrontierError);
  });

  it('destroy removes its own keys and no other prefix’s', async () => {
    const raw = new Redis(REDIS_URL);
    const neighbour = `${prefix.slice(0, -1)}x:`;
    try {
      await raw.set(`${neighbour}keep`, '1');
      await store.addMany([page('a.test', 1)]);
      await store.putRobots('https://a.test', 'User-agent: *', Date.now() + 60_000);
      assert.ok((await raw.keys(`${prefix}*`)).length > 3);
      await store.destroy();
      assert.deepEqual(await raw.keys(`${prefix}*`), []);
      assert.equal(await raw.get(`${neighbour}keep`), '1');
      store = await RedisFrontierStore.connect(REDIS_URL, { prefix }); // for afterEach
    } finally {
      await raw.del(`${neighbour}keep`);
      raw.disconnect();
    }
  });
});
