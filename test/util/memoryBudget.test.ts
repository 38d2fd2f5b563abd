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
    assert.equal(budget.collections, 1, 'one collection, then the spacing holds the next back');
    // A WeakRef's target that nothing else holds is gone after a full (not a young-generation) collection.
    await sleep(0);
    assert.equal(ref.deref(), undefined);
    await sleep(100);
    assert.equal(budget.collections, 1, 'no second collection within the minimum spacing');
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
