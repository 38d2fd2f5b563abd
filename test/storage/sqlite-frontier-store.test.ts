import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { SqliteFrontierStore } from '../../src/storage/sqlite/frontier-store.js';
import { frontierStoreContract } from './contract/frontier-store.contract.js';
import { twoProcessesShareOneQueue } from '../fixtures/storage/two-claimers.js';

frontierStoreContract('sqlite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'snapcrawl-frontier-store-'));
  const store = SqliteFrontierStore.open(dir);
  return {
    store,
    another: async () => SqliteFrontierStore.open(dir),
    dispose: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

describe('SQLite frontier shared by two processes', () => {
  it('two OS processes on one store.db never share a URL and finish them all', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'snapcrawl-frontier-store-'));
    const store = SqliteFrontierStore.open(dir);
    after(async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    });
    await twoProcessesShareOneQueue(store, `sqlite:${dir}`, '');
  });
});
