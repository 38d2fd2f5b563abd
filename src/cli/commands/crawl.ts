import { existsSync } from 'node:fs';
import { loadConfig, makeConfig, makeSource, type CrawlConfig, type SourceConfig } from '../../config/index.js';
import { Crawler, failedTotal } from '../../crawler/index.js';
import { withoutRobotsSitemaps } from '../../crawler/linkIntake.js';
import { ConfigError } from '../../util/errors.js';
import { createLogger } from '../../util/logger.js';
import { EXIT } from '../exitCodes.js';
import { reportProblem } from '../output.js';
import { formatSummary } from '../format.js';
import { createProgressBar } from '../progress.js';
import { resolveWritableStore } from '../storeDir.js';
import { DEFAULT_CONFIG, explicitConfigFile, storeDirOf } from '../resolve.js';

export { DEFAULT_CONFIG };

/** A URL given on the command line must be an absolute http(s) URL: say so plainly (exit 2). */
function checkUrlArguments(urls: string[]): void {
  for (const u of urls) {
    let ok = false;
    try {
      const parsed = new URL(u);
      ok = parsed.protocol === 'http:' || parsed.protocol === 'https:';
    } catch {
      ok = false;
    }
    if (!ok) throw new ConfigError(`not an http(s) URL: ${u}`, '<command line>');
  }
}

export interface CrawlCommandOptions {
  config?: string;
  source?: string[];
  store?: string;
  maxPages?: number;
  maxTime?: number;
  concurrency?: number;
  depth?: number;
  allowPrivate?: boolean;
  json?: boolean;
}

/** Picks the config and sources a `crawl` invocation means. */
export function resolveRun(urls: string[], o: CrawlCommandOptions): { config: CrawlConfig; sources: SourceConfig[]; adHoc: boolean } {
  checkUrlArguments(urls);
  const configFile = explicitConfigFile(o) ?? DEFAULT_CONFIG;
  if (urls.length > 0 && !o.source?.length) {
    // One-off crawl of the given URLs: an ad-hoc source, every fetched page kept. Exactly those pages
    // (depth 0) unless --depth; never the sitemaps their robots.txt names.
    const source = withoutRobotsSitemaps(makeSource({ name: 'adhoc', seeds: urls, maxDepth: o.depth ?? 0 }));
    const explicit = explicitConfigFile(o);
    const base = explicit ? loadConfig(explicit) : undefined;
    const config = base ? { ...base, sources: [source] } : makeConfig({ sources: [source] });
    return { config, sources: [source], adHoc: true };
  }
  if (!explicitConfigFile(o) && !existsSync(configFile)) {
    throw new ConfigError(`no config: ${configFile} does not exist (pass --config FILE, or URLs to crawl)`, configFile);
  }
  const config = loadConfig(configFile);
  let sources = config.sources;
  if (o.source?.length) {
    const missing = o.source.filter((n) => !sources.some((s) => s.name === n));
    if (missing.length) {
      throw new ConfigError(
        `no source named ${missing.join(', ')} in ${configFile}; it has: ${sources.map((s) => s.name).join(', ')}`,
        configFile,
      );
    }
    sources = sources.filter((s) => o.source!.includes(s.name));
  }
  if (urls.length > 0) sources = sources.map((s) => ({ ...s, seeds: urls, feeds: [], sitemaps: [] }));
  if (o.depth !== undefined) sources = sources.map((s) => ({ ...s, maxDepth: o.depth! }));
  return { config, sources, adHoc: false };
}

export async function crawlCommand(urls: string[], o: CrawlCommandOptions & { worker?: boolean; frontier?: string; lease?: number }): Promise<number> {
  // A worker of a shared crawl (leases, shared stores) instead of the embedded single-process run.
  if (o.worker) return (await import('./crawl-worker.js')).workerCommand(urls, o);
  if (o.frontier !== undefined) throw new ConfigError('--frontier is for crawl --worker', '<command line>');
  const { config, sources, adHoc } = resolveRun(urls, o);
  // Before the lock, SQLite or a signal handler: an unusable store fails here with exit 2 and the cause.
  const storeDir = resolveWritableStore(storeDirOf(o, config));
  const interactive = !o.json && process.stderr.isTTY === true;
  // The summary goes out once, as the command's own JSON line (stdout), not again in the 'crawl finished' log line.
  // On a terminal the log feeds the progress bar (new snapshots, current host); only errors are printed.
  const bar = interactive ? createProgressBar() : null;
  const logger = createLogger({ level: bar ? 'debug' : undefined, destination: bar?.logStream, summaryElsewhere: true });
  const crawler = new Crawler(config, {
    sources,
    storeDir,
    maxPages: o.maxPages,
    maxTimeMs: o.maxTime,
    concurrency: o.concurrency,
    allowPrivate: o.allowPrivate,
    snapshotAllPages: adHoc,
    logger,
    onProgress: bar?.update,
  });
  // First signal: finish in-flight pages (10 s grace). Second: cut them off and requeue them, still
  // writing the run report. Third: exit at once (the checkpoint and the frontier keep the run resumable).
  let signal: NodeJS.Signals | null = null;
  let signals = 0;
  const onSignal = (s: NodeJS.Signals) => {
    signals++;
    signal ??= s;
    const code = signal === 'SIGINT' ? EXIT.SIGINT : EXIT.SIGTERM;
    if (signals >= 3) process.exit(code);
    if (signals === 2) {
      logger.warn({ signal: s }, 'stopping now: in-flight pages go back to the queue');
      crawler.stopNow();
      return;
    }
    logger.warn({ signal: s }, 'stopping: finishing in-flight pages');
    crawler.stop();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    const summary = await crawler.run();
    bar?.stop();
    if (interactive) process.stdout.write(`${formatSummary(summary, storeDir)}\n`);
    else process.stdout.write(`${JSON.stringify({ summary })}\n`);
    const blocked = summary.failed['blocked-address'] ?? 0;
    if (blocked > 0) {
      reportProblem(
        `${blocked} page(s) refused: private, loopback or link-local address; pass --allow-private (or set allowPrivate: true in the config) to crawl such a host on purpose`,
        { level: 'warn', prefix: 'snapcrawl crawl', fields: { refused: blocked } },
      );
    }
    if (signal) return signal === 'SIGINT' ? EXIT.SIGINT : EXIT.SIGTERM;
    if (summary.failure?.kind === 'disk-full') {
      reportProblem(summary.failure.message, { fields: { exitCode: EXIT.ERROR, code: 'ENOSPC', path: storeDir } });
      return EXIT.ERROR;
    }
    if (summary.failure?.kind === 'all-failed' || (summary.fetched === 0 && failedTotal(summary) > 0)) return EXIT.ALL_FAILED;
    return EXIT.OK;
  } finally {
    bar?.stop();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
