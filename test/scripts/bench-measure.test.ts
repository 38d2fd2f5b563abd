import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { test } from 'node:test';
import { Worker } from 'node:worker_threads';
import { startMeter } from '../../scripts/bench/measure.js';

/**
 * A thread that spends `ms` of its own CPU time (read from /proc, so a loaded machine only makes it take longer), then
 * exits, as the extraction pool's threads end with a crawl.
 */
function burnInThread(ms: number): Promise<void> {
  const body = `
    const { readFileSync } = require('node:fs');
    const cpuMs = () => { const f = readFileSync('/proc/thread-self/stat', 'utf8'); const x = f.slice(f.lastIndexOf(')') + 2).split(' '); return (Number(x[11]) + Number(x[12])) * 10; };
    let x = 0;
    while (cpuMs() < ${ms}) for (let i = 0; i < 1e5; i++) x += Math.sqrt(x + i);`;
  const worker = new Worker(body, { eval: true });
  return new Promise((resolve, reject) => {
    worker.once('error', reject);
    worker.once('exit', () => resolve());
  });
}

test('a thread that ended before the meter stopped is still counted, busiest first', { skip: !existsSync('/proc/self/task') }, async () => {
  const stop = startMeter();
  await burnInThread(300);
  // The worker is gone from /proc by now: only the meter's sampling while it ran can have seen its CPU.
  const m = stop();
  const others = m.otherThreadsCpuMs ?? [];
  assert.ok(others.length > 0, 'other threads measured');
  assert.ok(others[0] >= 150, `the busy thread's CPU was counted (${others[0]} ms)`);
  assert.deepEqual(others, [...others].sort((a, b) => b - a), 'busiest first');
  // The main thread mostly waited for the worker: its loop was idle most of the time.
  assert.ok(m.mainLoopUtilization !== undefined && m.mainLoopUtilization >= 0 && m.mainLoopUtilization < 0.5, `loop utilisation ${m.mainLoopUtilization}`);
});
