import { Command, InvalidArgumentError, CommanderError } from 'commander';
import { SiteStoreError } from '../site/errors.js';
import { ConfigError, LockError, SnapcrawlError } from '../util/errors.js';
import { EXIT } from './exitCodes.js';
import { jsonDiagnostics, reportProblem, setJsonDiagnostics } from './output.js';
import { EnvironmentError } from './storeDir.js';
import { storeTrouble } from '../storage/storeErrors.js';

// Each command's module is loaded only when that command runs: start-up (cron, `serve` on a big store)
// then pays for one command's code, not for the crawler, the site and the exporters together.
const commands = {
  crawl: () => import('./commands/crawl.js'),
  inspect: () => import('./commands/inspect.js'),
  takedown: () => import('./commands/takedown.js'),
  extract: () => import('./commands/extract.js'),
  serve: () => import('./commands/serve.js'),
  maintenance: () => import('./commands/maintenance.js'),
  export: () => import('./commands/export.js'),
  reextract: () => import('./commands/reextract.js'),
  prune: () => import('./commands/prune.js'),
};

const positiveInt = (v: string): number => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('expected a non-negative whole number');
  return n;
};
const duration = (v: string): number => {
  const m = /^(\d+)(ms|s|m|h)?$/.exec(v.trim());
  if (!m) throw new InvalidArgumentError('expected a duration such as 90s, 20m or 1h');
  return Number(m[1]) * { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[(m[2] ?? 's') as 'ms' | 's' | 'm' | 'h'];
};
const atLeastOne = (v: string): number => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number of at least 1');
  return n;
};
const port = (v: string): number => {
  const n = Number(v);
  if (!/^\d+$/.test(v.trim()) || n > 65535) throw new InvalidArgumentError('invalid port: expected a whole number from 0 to 65535');
  return n;
};
const collect = (v: string, prev: string[] = []) => [...prev, v];

function buildProgram(run: (p: Promise<number>) => void): Command {
  const program = new Command()
    .name('snapcrawl')
    .description('A polite crawler that keeps exact, timestamped snapshots of news articles with their provenance.')
    .version('0.1.0')
    .exitOverride()
    // Off a terminal (cron, systemd) a usage error is one JSON line like every other diagnostic, without the help text.
    .showHelpAfterError(!jsonDiagnostics())
    .configureOutput({
      outputError: (str, write) =>
        jsonDiagnostics() ? reportProblem(str.replace(/^error: /, '').trim(), { fields: { exitCode: EXIT.USAGE } }) : write(str),
    });

  program
    .command('crawl')
    .description('crawl the configured sources (cron), or the given URLs (one-off)')
    .argument('[url...]', 'URLs to crawl instead of the config’s seeds')
    .option('-c, --config <file>', 'config file (default config/sources.yaml or $SNAPCRAWL_CONFIG)')
    .option('-s, --source <name>', 'only this source (repeatable)', collect)
    .option('--store <dir>', 'snapshot store directory (default: the config’s store, "snapshots")')
    .option('--max-pages <n>', 'stop after fetching this many pages in this run', atLeastOne)
    .option('--max-time <duration>', 'stop claiming new pages after this long (e.g. 90s, 20m, 1h)', duration)
    .option('--concurrency <n>', 'global number of fetches in flight', atLeastOne)
    .option('--depth <n>', 'link depth to follow from the seeds (one-off crawls default to 0)', positiveInt)
    .option('--allow-private', 'allow private, loopback and link-local addresses')
    .option('--json', 'JSON log lines and a JSON summary, even on a terminal')
    .option('--worker', 'join a shared crawl as one of many workers (leases; the config’s frontier:/index: or the store)')
    .option('--frontier <url>', 'shared frontier for --worker, overriding the config’s frontier: (redis://HOST:PORT/DB)')
    .option('--lease <duration>', 'with --worker: how long a claimed URL stays this worker’s without renewal (default 60s)', duration)
    .action((urls: string[], o) => run(commands.crawl().then((m) => m.crawlCommand(urls, o))));

  program
    .command('takedown')
    .description('remove every version of matching snapshots and keep them from coming back')
    .option('--url <url>', 'one article URL (all its versions)')
    .option('--prefix <urlPrefix>', 'every URL starting with this')
    .option('--host <host>', 'every URL on this host (and its subdomains)')
    .option('--id <id>', 'the URL of this snapshot id (all its versions)')
    .option('--reason <text>', 'why (kept in the audit log; required unless --dry-run)')
    .option('--requester <who>', 'who asked (kept in the audit log)')
    .option('--dry-run', 'list what would be removed and change nothing')
    .option('--store <dir>', 'snapshot store directory (default: the config’s store, "snapshots")')
    .option('-c, --config <file>', 'config file whose store: to use (default $SNAPCRAWL_CONFIG)')
    .option('--json', 'print the result as JSON')
    .action((o) => run(commands.takedown().then((m) => m.takedownCommand(o))));

  program
    .command('list')
    .description('list snapshots, newest first')
    .option('--store <dir>', 'snapshot store directory (default: the config’s store, "snapshots")')
    .option('-c, --config <file>', 'config file whose store: to use (default $SNAPCRAWL_CONFIG)')
    .option('--host <host>', 'only this host')
    .option('--limit <n>', 'how many', positiveInt, 50)
    .option('--json', 'one JSON object per line')
    .action((o) => run(commands.inspect().then((m) => m.listCommand(o))));

  program
    .command('show')
    .description('print one snapshot’s snapshot.json')
    .argument('<id>', 'snapshot id')
    .option('--store <dir>', 'snapshot store directory (default: the config’s store, "snapshots")')
    .option('-c, --config <file>', 'config file whose store: to use (default $SNAPCRAWL_CONFIG)')
    .action((id: string, o) => run(commands.inspect().then((m) => m.showCommand(id, o))));

  program
    .command('extract')
    .description('run the extractor on saved pages and print what it finds')
    .argument('<file...>', 'saved pages (bytes as fetched; .gz is undone)')
    .option('--url <url>', 'the page’s original URL (resolves links, dates in the path)')
    .option('-s, --source <name>', 'apply this source’s timezone and extraction overrides')
    .option('-c, --config <file>', 'config file for --source')
    .option('--json', 'one JSON object per line, in input order, with snapshot.json field names')
    .action((files: string[], o) => run(commands.extract().then((m) => m.extractCommand(files, o))));

  program
    .command('serve')
    .description('serve the snapshot site (home, categories, search, snapshots, versions, raw view, JSON API)')
    .option('-c, --config <file>', 'site title/locale/takedown contact and default store (default $SNAPCRAWL_CONFIG)')
    .option('--store <dir>', 'snapshot store directory (default: the config’s store, "snapshots")')
    .option('--port <n>', 'port (0 = any free port)', port, 8080)
    .option('--host <host>', 'address to bind', '127.0.0.1')
    .option('--time-zone <tz>', 'IANA zone for snapshot times (default Asia/Shanghai for zh-CN, UTC for en)')
    .option('--base-url <url>', 'public address of the site, for absolute permalinks in citations')
    .action((o) => run(commands.serve().then((m) => m.serveCommand(o))));

  program
    .command('render')
    .description('write the snapshot site as static files (no search; nothing taken down)')
    .requiredOption('--out <dir>', 'output folder (an earlier export there is replaced; any other non-empty folder is refused)')
    .option('-c, --config <file>', 'site settings and default store, as for serve')
    .option('--store <dir>', 'snapshot store directory')
    .option('--time-zone <tz>', 'IANA zone for snapshot times')
    .option('--base-url <url>', 'public address the export is published at, for absolute permalinks')
    .action((o) => run(commands.serve().then((m) => m.renderCommand(o))));

  program
    .command('status')
    .description('show the last runs and what is queued')
    .option('--store <dir>', 'snapshot store directory (default: the config’s store, "snapshots")')
    .option('-c, --config <file>', 'config file whose store: to use (default $SNAPCRAWL_CONFIG)')
    .option('--json', 'print JSON')
    .action((o) => run(commands.maintenance().then((m) => m.statusCommand(o))));

  program
    .command('verify')
    .description('check (and with --repair, fix) that the index and the snapshot files agree')
    .option('--store <dir>', 'snapshot store directory (default: the config’s store, "snapshots")')
    .option('-c, --config <file>', 'config file whose store: to use (default $SNAPCRAWL_CONFIG)')
    .option('--deep', 'also re-hash every WARC against its recorded sha256')
    .option('--repair', 'drop rows without files (URLs requeued), quarantine orphan folders, requeue dangling URLs')
    .option('--json', 'print JSON')
    .action((o) => run(commands.maintenance().then((m) => m.verifyCommand(o))));

  program
    .command('prune')
    .description('apply each source’s retention (keepVersions, keepDays): drop old versions, never the latest; no exclusion')
    .option('-c, --config <file>', 'config file (default config/sources.yaml or $SNAPCRAWL_CONFIG)')
    .option('--store <dir>', 'snapshot store directory (default: the config’s store, "snapshots")')
    .option('-s, --source <name>', 'only this source (repeatable)', collect)
    .option('--dry-run', 'list what would be removed and change nothing')
    .option('--json', 'print the result as JSON')
    .action((o) => run(commands.prune().then((m) => m.pruneCommand(o))));

  program
    .command('export')
    .description('write the snapshots as a WACZ web archive (ReplayWeb.page and other WACZ tools open it)')
    .requiredOption('--wacz <file>', 'the .wacz file to write (replaced if present)')
    .option('-s, --source <name>', 'only this source’s snapshots')
    .option('--since <date>', 'only snapshots fetched at or after this date (ISO 8601)')
    .option('--store <dir>', 'snapshot store directory (default: the config’s store, "snapshots")')
    .option('-c, --config <file>', 'config file for the default store')
    .option('--json', 'print the result as JSON')
    .action((o) => run(commands.export().then((m) => m.exportCommand(o))));

  program
    .command('reextract')
    .description('re-run the current extractor over the stored snapshots (no refetch) and update their fields')
    .option('-s, --source <name>', 'only this source’s snapshots')
    .option('--store <dir>', 'snapshot store directory (default: the config’s store, "snapshots")')
    .option('-c, --config <file>', 'config whose sources give timezone, extraction overrides and default category')
    .option('--dry-run', 'report what would change and change nothing')
    .option('--json', 'print the result as JSON')
    .action((o) => run(commands.reextract().then((m) => m.reextractCommand(o))));

  program
    .command('schedule')
    .description('run each source on its own cron `schedule`, never overlapping itself (long-running)')
    .option('-c, --config <file>', 'config file (default config/sources.yaml or $SNAPCRAWL_CONFIG)')
    .option('--store <dir>', 'snapshot store directory')
    .option('--allow-private', 'allow private, loopback and link-local addresses')
    .action((o) => run(commands.maintenance().then((m) => m.scheduleCommand(o))));

  return program;
}

/**
 * Maps an error to its documented exit code, reporting it as one clear line (no stack for expected
 * errors): readable on a terminal, JSON off one (see output.ts).
 */
function exitCodeFor(err: unknown): number {
  if (err instanceof ConfigError) {
    reportProblem(err.message, { fields: { exitCode: EXIT.USAGE, file: err.file, issues: err.issues.length ? err.issues : undefined } });
    return EXIT.USAGE;
  }
  if (err instanceof EnvironmentError) {
    reportProblem(err.message, { fields: { exitCode: EXIT.ENVIRONMENT, path: err.path, code: err.code } });
    return EXIT.ENVIRONMENT;
  }
  if (err instanceof SiteStoreError) {
    // serve: no store at the path, or one that cannot be opened (the site checks it itself, read-only)
    reportProblem(err.message, { fields: { exitCode: EXIT.ENVIRONMENT } });
    return EXIT.ENVIRONMENT;
  }
  if (err instanceof LockError) {
    reportProblem(err.message, { fields: { exitCode: EXIT.LOCKED, lockFile: err.lockFile, holderPid: err.holderPid } });
    return EXIT.LOCKED;
  }
  if (!(err instanceof SnapcrawlError) && storeTrouble(err, '.') === 'full') {
    reportProblem(`disk full: ${(err as Error).message}`, { fields: { exitCode: EXIT.ERROR, code: 'ENOSPC' } });
    return EXIT.ERROR;
  }
  if (err instanceof SnapcrawlError) {
    reportProblem(err.message, { fields: { exitCode: EXIT.ERROR } });
    return EXIT.ERROR;
  }
  const e = err as Error | undefined;
  if (jsonDiagnostics()) {
    reportProblem(`unexpected error: ${e?.message ?? String(err)}`, {
      fields: { exitCode: EXIT.ERROR, err: { type: e?.name, message: e?.message ?? String(err), stack: e?.stack } },
    });
  } else {
    reportProblem(`unexpected error: ${e?.stack ?? String(err)}`);
  }
  return EXIT.ERROR;
}

export async function main(argv: string[]): Promise<number> {
  setJsonDiagnostics(process.stderr.isTTY !== true || argv.includes('--json'));
  let pending: Promise<number> | null = null;
  const program = buildProgram((p) => (pending = p));
  try {
    await program.parseAsync(argv);
    return pending ? await pending : EXIT.OK;
  } catch (err) {
    if (err instanceof CommanderError) {
      return err.exitCode === 0 ? EXIT.OK : EXIT.USAGE;
    }
    return exitCodeFor(err);
  }
}

const code = await main(process.argv);
process.exitCode = code;
