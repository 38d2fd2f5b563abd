import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { makeConfig } from '../../src/config/index.js';
import { CrawlScheduler, storeStatus, type ScheduledRun } from '../../src/crawler/index.js';
import { startNewsSite, type NewsSite } from '../../demo/index.js';
import { demoSource } from '../helpers/crawl.js';
import { tempDir } from '../helpers/tmp.js';

let site: NewsSite;
before(async () => (site = await startNewsSite({ articles: 6, slowMs: 1500, faults: true })));
after(() => site.close());

test('schedule runs a source on its cron expression, never overlapping itself, and each run leaves a report', async () => {
  const store = tempDir();
  // Every second, but each run takes longer than that (a slow page): ticks during a run are skipped.
  const source = demoSource(site.url, { schedule: '* * * * * *', seeds: [`${site.url}/special/slow.html`, `${site.url}/`], maxDepth: 1 });
  const config = makeConfig({ store, sources: [source] });
  const runs: ScheduledRun[] = [];
  let concurrent = 0;
  let maxConcurrent = 0;
  const scheduler = new CrawlScheduler(config, {
    storeDir: store,
    onRun: (r) => {
      runs.push(r);
      concurrent--;
    },
  });
  const originalEnqueue = scheduler.enqueue.bind(scheduler);
  scheduler.enqueue = (s) => {
    const queued = originalEnqueue(s);
    if (queued) maxConcurrent = Math.max(maxConcurrent, ++concurrent);
    return queued;
  };
  const jobs = scheduler.start();
  assert.deepEqual(jobs.map((j) => j.source), ['demo']);
  // Ends as soon as the second run is in; the long deadline is only for a starved machine.
  const deadline = Date.now() + 60_000;
  while (runs.length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  await scheduler.stop();
  assert.ok(runs.length >= 2, `runs: ${runs.length}`);
  assert.equal(maxConcurrent, 1, 'a source never has two runs queued or running');
  assert.ok(runs.every((r) => !r.error), String(runs.find((r) => r.error)?.error));

  const reports = readdirSync(join(store, 'runs')).filter((f) => f.endsWith('.json'));
  assert.ok(reports.length >= 2);
  const report = JSON.parse(readFileSync(join(store, 'runs', reports[0]), 'utf8'));
  for (const key of ['runId', 'sources', 'fetched', 'snapshots', 'skipped', 'failed', 'perHostErrors', 'durationMs', 'limitsHit']) {
    assert.ok(key in report, `run report has ${key}`);
  }
  const status = storeStatus(store);
  assert.ok(status.runs.length >= 2);
  assert.ok(!existsSync(join(store, 'crawl.lock')));
});
