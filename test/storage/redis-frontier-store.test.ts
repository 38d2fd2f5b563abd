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
