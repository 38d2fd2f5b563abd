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

test('memory budget: a process that stays above the budget is collected less and less often', async () => {
  // Budget 1 MB: never reached, so every collection is followed by readings above it. Memory held and growing by
  // 4 MB every 10 ms makes nearly every tick eligible (8 MB new since the last collection); only the back-off spaces
  // the collections out: 10, 20, 40, 80, 160 ms apart (the cap: 16 intervals).
  const budget = startMemoryBudget({ budgetMb: 1, intervalMs: 10 });
  const held: Buffer[] = [];
  const grow = setInterval(() => held.push(Buffer.allocUnsafeSlow(4 * 1024 * 1024)), 10);
  try {
    await sleep(500);
    assert.ok(held.length > 10, 'memory grew');
    // Without the back-off a collection every other tick: ~20 in 500 ms; with it 10 + 20 + 40 + 80 + 160 ms: ~6.
    assert.ok(budget.collections >= 2, `collections ${budget.collections}`);
    assert.ok(budget.collections <= 9, `collections ${budget.collections}: no back-off`);
  } finally {
    clearInterval(grow);
    budget.stop();
    held.length = 0;
  }
});
