/**
 * Redis frontier throughput: adds 100,000 URLs over 1,000 hosts, then claims and finishes them all with a few
 * concurrent claim loops (one process), and prints the rates and the Redis memory the frontier took.
 * Needs Redis on 127.0.0.1:6379 (or REDIS_URL); uses its own key prefix and deletes it afterwards.
 *   npx tsx scripts/bench/frontier-redis.ts [urls] [hosts]
 */
import { performance } from 'node:perf_hooks';
import { Redis } from 'ioredis';
import { RedisFrontierStore } from '../../src/storage/redis/frontier-store.js';
import type { QueueItem } from '../../src/storage/interfaces.js';

const url = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379/0';
const total = Number(process.argv[2] ?? 100_000);
const hostCount = Number(process.argv[3] ?? 1_000);
const LOOPS = 8;
const prefix = `snapcrawl-bench:${process.pid}:`;

async function usedMemory(redis: Redis): Promise<number> {
  const info = await redis.info('memory');
  return Number(/used_memory:(\d+)/.exec(info)?.[1] ?? 0);
}

const probe = new Redis(url);
const store = await RedisFrontierStore.connect(url, { prefix });
try {
  const memBefore = await usedMemory(probe);
  const items: QueueItem[] = Array.from({ length: total }, (_, i) => {
    const host = `host${i % hostCount}.example`;
    return { url: `https://${host}/news/2026/12/${i}.html`, host, source: `src${i % 10}`, depth: 1 + (i % 3), kind: 'page' };
  });
  let t = performance.now();
  let added = 0;
  for (let i = 0; i < items.length; i += 1_000) added += await store.addMany(items.slice(i, i + 1_000));
  const addSec = (performance.now() - t) / 1_000;
  const memAfter = await usedMemory(probe);

  const policyFor = () => ({ delayMs: 0, concurrency: 4 });
  let claims = 0;
  let done = 0;
  t = performance.now();
  await Promise.all(Array.from({ length: LOOPS }, async (_, loop) => {
    const worker = `bench:${process.pid}:${loop}`;
    for (;;) {
      const got = await store.claim({ worker, limit: 50, now: Date.now(), leaseMs: 60_000, policyFor });
      claims++;
      if (got.length === 0) {
        if ((await store.counts()).queued === 0) return;
        continue;
      }
      const ok = await Promise.all(got.map((c) => store.finish(worker, c.url, { state: 'done', outcome: 'ok', status: 200 }, Date.now())));
      done += ok.filter(Boolean).length;
    }
  }));
  const claimSec = (performance.now() - t) / 1_000;
  const memDone = await usedMemory(probe);
  const counts = await store.counts();
  console.log(`frontier-redis: ${total} URLs over ${hostCount} hosts, ${LOOPS} concurrent claim loops (one process)`);
  console.log(`  add:            ${added} new in ${addSec.toFixed(2)} s = ${Math.round(added / addSec)} URLs/s`);
  console.log(`  claim+finish:   ${done} in ${claimSec.toFixed(2)} s = ${Math.round(done / claimSec)} URLs/s (${claims} claim calls)`);
  const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB (${Math.round(bytes / total)} B/URL)`;
  console.log(`  redis memory:   ${mb(memAfter - memBefore)} queued; ${mb(memDone - memBefore)} once all are done (seen set + history)`);
  console.log(`  final counts:   ${JSON.stringify(counts)}`);
  if (counts.done !== total) process.exitCode = 1;
} finally {
  await store.destroy();
  probe.disconnect();
}
