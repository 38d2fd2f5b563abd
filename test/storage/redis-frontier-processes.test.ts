import { randomBytes } from 'node:crypto';
import { after, describe, it } from 'node:test';
import { RedisFrontierStore } from '../../src/storage/redis/frontier-store.js';
import { twoProcessesShareOneQueue } from '../fixtures/storage/two-claimers.js';

const REDIS_URL = 'redis://127.0.0.1:6379/0';

describe('Redis frontier shared by two processes', () => {
  it('two OS processes claiming 2,000 URLs over 20 hosts never share a URL and finish them all', async () => {
    const prefix = `snapcrawl-test:${process.pid}:${randomBytes(6).toString('hex')}:`;
    const store = await RedisFrontierStore.connect(REDIS_URL, { prefix });
    after(() => store.destroy());
    await twoProcessesShareOneQueue(store, REDIS_URL, prefix);
  });
});
