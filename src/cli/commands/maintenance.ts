import { storeStatus, verifyStore, CrawlScheduler } from '../../crawler/index.js';
import { loadConfig } from '../../config/index.js';
import { createLogger } from '../../util/logger.js';
import { EXIT } from '../exitCodes.js';
import { reportProblem } from '../output.js';
import { requireWritableStore, resolveWritableStore } from '../storeDir.js';
import { DEFAULT_CONFIG } from './crawl.js';

export async function statusCommand(o: { store: string; json?: boolean }): Promise<number> {
  requireWritableStore(o.store); // storeStatus opens the database read-write (WAL, schema check)
  const s = storeStatus(o.store);
  if (o.json) {
    process.stdout.write(`${JSON.stringify(s)}\n`);
    return EXIT.OK;
  }
  const lines = [`store ${o.store}: ${s.snapshots} snapshots`, '', 'last runs:'];
  for (const r of s.runs) {
    const sum = r.summary as { fetched?: number; snapshots?: { new: number; changed: number; unchanged: number } } | null;
    const figures = sum?.snapshots ? `fetched ${sum.fetched}, new ${sum.snapshots.new}, changed ${sum.snapshots.changed}, unchanged ${sum.snapshots.unchanged}` : '';
    lines.push(`  ${r.id}  ${r.status.padEnd(11)} ${r.startedAt}  ${figures}`);
  }
  lines.push('', 'frontier:');
  for (const f of s.frontier) lines.push(`  ${f.source.padEnd(16)} ${f.state.padEnd(10)} ${f.count}`);
  lines.push('', `due for a revisit now: ${s.dueForRevisit}; next revisit: ${s.nextRevisitAt ?? 'none scheduled'}`);
  process.stdout.write(`${lines.join('\n')}\n`);
  return EXIT.OK;
}

export async function verifyCommand(o: { store: string; repair?: boolean; deep?: boolean; json?: boolean }): Promise<number> {
  requireWritableStore(o.store); // verify takes the run lock (a file in the store), and --repair writes
  const report = await verifyStore(o.store, { repair: o.repair, deep: o.deep });
  if (o.json) process.stdout.write(`${JSON.stringify(report)}\n`);
  else {
    for (const p of report.problems) process.stdout.write(`${p.kind}: ${p.path ?? p.url ?? p.id} — ${p.detail}\n`);
    process.stdout.write(
      `${report.snapshots} indexed snapshots, ${report.folders} folders, ${report.problems.length} problem(s)` +
        (o.repair ? `, ${report.repaired} repaired\n` : report.problems.length ? ' (run with --repair to fix)\n' : '\n'),
    );
  }
  // Problems left unrepaired make the exit code non-zero so cron can alert on them.
  return report.problems.length > 0 && !o.repair ? EXIT.ERROR : EXIT.OK;
}

export async function scheduleCommand(o: { config?: string; store?: string; allowPrivate?: boolean }): Promise<number> {
  const config = loadConfig(o.config ?? process.env.SNAPCRAWL_CONFIG ?? DEFAULT_CONFIG);
  const storeDir = resolveWritableStore(o.store ?? config.store);
  const logger = createLogger();
  const scheduler = new CrawlScheduler(config, {
    storeDir,
    allowPrivate: o.allowPrivate,
    logger,
    onRun: (r) => logger.info({ source: r.source, summary: r.summary, error: r.error ? String(r.error) : undefined }, 'scheduled run done'),
  });
  const jobs = scheduler.start();
  if (jobs.length === 0) {
    reportProblem('no source has a `schedule`; nothing to do', { prefix: 'snapcrawl schedule' });
    return EXIT.USAGE;
  }
  await new Promise<void>((resolve) => {
    const stop = () => void scheduler.stop().then(resolve);
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return EXIT.OK;
}
