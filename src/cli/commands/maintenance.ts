import { storeStatus, verifyStore, CrawlScheduler } from '../../crawler/index.js';
import { loadConfig } from '../../config/index.js';
import { createLogger } from '../../util/logger.js';
import { EXIT } from '../exitCodes.js';
import { reportProblem } from '../output.js';
import { requireWritableStore, resolveWritableStore } from '../storeDir.js';
import { DEFAULT_CONFIG, explicitConfigFile, resolveStoreDir, storeDirOf } from '../resolve.js';
import { sharedStatus, sharedVerify } from './shared-inspect.js';
import { sharedTargetOf } from './shared-store.js';

export async function statusCommand(opts: { store?: string; config?: string; json?: boolean }): Promise<number> {
  const shared = sharedTargetOf(opts); // the config names `index: postgres://…`
  if (shared) return sharedStatus(shared, opts);
  const o = { ...opts, store: resolveStoreDir(opts) };
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

/** What to do about a problem `--repair` leaves alone (a corrupt WARC cannot be rebuilt from anything). */
const NOT_REPAIRABLE: Partial<Record<string, string>> = {
  corrupt:
    'the WARC no longer matches its recorded sha256 and --repair cannot rebuild it: restore the snapshot folder from a backup, then run verify --deep again (check the disk: bytes changed on it)',
};

export async function verifyCommand(opts: { store?: string; config?: string; repair?: boolean; deep?: boolean; json?: boolean }): Promise<number> {
  const shared = sharedTargetOf(opts);
  if (shared) return sharedVerify(shared, opts);
  const o = { ...opts, store: resolveStoreDir(opts) };
  requireWritableStore(o.store); // verify takes the run lock (a file in the store), and --repair writes
  const report = await verifyStore(o.store, { repair: o.repair, deep: o.deep });
  if (o.json) {
    // What --repair cannot fix, and what to do instead, per problem kind present.
    const advice = Object.fromEntries([...new Set(report.problems.map((p) => p.kind))].filter((k) => NOT_REPAIRABLE[k]).map((k) => [k, NOT_REPAIRABLE[k]]));
    process.stdout.write(`${JSON.stringify(Object.keys(advice).length ? { ...report, advice } : report)}\n`);
  } else {
    for (const p of report.problems) process.stdout.write(`${p.kind}: ${p.path ?? p.url ?? p.id} — ${p.detail}\n`);
    const repairable = report.problems.filter((p) => !NOT_REPAIRABLE[p.kind]).length;
    const advice = o.repair || repairable === 0 ? '' : ` (run with --repair to fix ${repairable === report.problems.length ? 'them' : `the ${repairable} repairable`})`;
    process.stdout.write(
      `${report.snapshots} indexed snapshots, ${report.folders} folders, ${report.problems.length} problem(s)` +
        (o.repair ? `, ${report.repaired} repaired` : advice) +
        '\n',
    );
    for (const kind of new Set(report.problems.map((p) => p.kind))) {
      const todo = NOT_REPAIRABLE[kind];
      if (todo) process.stdout.write(`${kind}: ${todo}\n`);
    }
  }
  // Problems left unrepaired (--repair leaves a corrupt WARC) make the exit code non-zero so cron can alert on them.
  const left = o.repair ? report.problems.filter((p) => NOT_REPAIRABLE[p.kind]).length : report.problems.length;
  return left > 0 ? EXIT.ERROR : EXIT.OK;
}

export async function scheduleCommand(o: { config?: string; store?: string; allowPrivate?: boolean }): Promise<number> {
  const config = loadConfig(explicitConfigFile(o) ?? DEFAULT_CONFIG);
  const storeDir = resolveWritableStore(storeDirOf(o, config));
  // One summary line per run: the 'scheduled run done' line; the crawler's 'crawl finished' line names only the run.
  const logger = createLogger({ summaryElsewhere: true });
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
