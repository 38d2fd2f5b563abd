import { withSharedStores } from '../../config/index.js';
import { CrawlWorker, type WorkerSummary } from '../../crawler/worker.js';
import { openSharedStores, type OpenedStores } from '../../storage/open.js';
import { ConfigError } from '../../util/errors.js';
import { createLogger } from '../../util/logger.js';
import { EXIT } from '../exitCodes.js';
import { EnvironmentError, resolveWritableStore } from '../storeDir.js';
import { storeDirOf } from '../resolve.js';
import { resolveRun, type CrawlCommandOptions } from './crawl.js';

export interface WorkerCommandOptions extends CrawlCommandOptions {
  worker?: boolean;
  /** Overrides the config's `frontier:` (redis://HOST:PORT/DB). */
  frontier?: string;
  /** Lease length (ms); default 60 s. */
  lease?: number;
}

/** Pages that failed (not skipped, not given back) in a worker's outcomes. */
function failures(summary: WorkerSummary): number {
  return Object.entries(summary.outcomes)
    .filter(([k]) => /^(http-|network|timeout|crash|extract-crash|blocked|robots-unreachable|invalid-url|redirect-loop|too-many-redirects)/.test(k))
    .reduce((n, [, v]) => n + v, 0);
}

/**
 * `snapcrawl crawl --config F --worker`: joins the shared crawl the config's `frontier:` and `index:` name (or the
 * store's SQLite database, which several workers on one machine can share), seeds it if nobody has, and works until
 * the shared queue is empty and no lease is live. Log lines are JSON on stderr; the summary is one JSON line on stdout.
 */
export async function workerCommand(urls: string[], o: WorkerCommandOptions): Promise<number> {
  if (urls.length > 0) throw new ConfigError('crawl --worker takes no URLs: a worker crawls the config’s sources', '<command line>');
  const run = resolveRun([], o);
  const config = withSharedStores(run.config, { frontier: o.frontier });
  const storeDir = resolveWritableStore(storeDirOf(o, config));
  const logger = createLogger();
  let stores: OpenedStores;
  try {
    // A worker checks takedown rules before every fetch and commit: its PostgreSQL copy may be a second old (the
    // frontier's copy is asked fresh and the commit re-checks the table), see PgExclusionStore.
    stores = await openSharedStores({ frontier: config.frontier, index: config.index }, storeDir, { exclusionCacheMs: 1_000 });
  } catch (err) {
    // An unreachable Redis or PostgreSQL is the environment, not a bug: exit 2 with what failed.
    throw new EnvironmentError(`cannot open the shared stores: ${(err as Error).message}`, config.frontier ?? config.index ?? storeDir, undefined, { cause: err });
  }
  const worker = new CrawlWorker(config, {
    sources: run.sources,
    stores,
    logger,
    concurrency: o.concurrency,
    allowPrivate: o.allowPrivate,
    maxPages: o.maxPages,
    maxTimeMs: o.maxTime,
    ...(o.lease !== undefined ? { leaseMs: o.lease } : {}),
  });
  logger.info({ worker: worker.id, frontier: stores.kinds.frontier, index: stores.kinds.index, storeDir }, 'worker starting');
  let signal: NodeJS.Signals | null = null;
  let signals = 0;
  const onSignal = (s: NodeJS.Signals) => {
    signals++;
    signal ??= s;
    if (signals >= 3) process.exit(signal === 'SIGINT' ? EXIT.SIGINT : EXIT.SIGTERM);
    if (signals === 2) {
      logger.warn({ signal: s }, 'stopping now: in-flight pages go back to the queue');
      worker.stopNow();
      return;
    }
    logger.warn({ signal: s }, 'stopping: no new claims, finishing in-flight pages');
    worker.stop();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    const summary = await worker.run();
    process.stdout.write(`${JSON.stringify({ summary })}\n`);
    if (signal) return signal === 'SIGINT' ? EXIT.SIGINT : EXIT.SIGTERM;
    if (summary.fetched === 0 && failures(summary) > 0) return EXIT.ALL_FAILED;
    return EXIT.OK;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await stores.close();
  }
}
