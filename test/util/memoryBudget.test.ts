import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startMemoryBudget } from '../../src/util/memoryBudget.js';

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

test('memory budget: above the budget a full collection runs and frees unreachable objects', async () => {
  let garbage: object | null = { payload: Buffer.alloc(1024) };
  const ref = new WeakRef(garbage);
  garbage = null;
  // Budget 1 MB: any process is above it, and it has grown more than the minimum since "the last collection".
  const budget = startMemoryBudget({ budgetMb: 1, intervalMs: 10 });
  try {
    for (let i = 0; i < 100 && budget.collections === 0; i++) await sleep(10);
    assert.equal(budget.collections, 1, 'one collection; nothing new allocated since, so no second one');
    // A WeakRef's target that nothing else holds is gone after a full (not a young-generation) collection.
    await sleep(0);
    assert.equal(ref.deref(), undefined);
    await sleep(100);
    assert.equal(budget.collections, 1, 'still one: a collection that would free nothing is not run');
    // 32 MB of new (then unreachable) buffers: worth a collection again.
    let fresh: Buffer[] | null = Array.from({ length: 32 }, () => Buffer.alloc(1024 * 1024, 1));
    assert.equal(fresh.length, 32);
    fresh = null;
    for (let i = 0; i < 100 && budget.collections === 1; i++) await sleep(10);
    assert.equal(budget.collections, 2);
  } finally {
    budget.stop();
  }
});

test('memory budget: 0 turns it off', async () => {
  const budget = startMemoryBudget({ budgetMb: 0, intervalMs: 10 });
  try {
    await sleep(100);
    assert.equal(budget.collections, 0);
  } finally {
    budget.stop();
  }
});
