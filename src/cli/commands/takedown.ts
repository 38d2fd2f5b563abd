import { InvalidArgumentError } from 'commander';
import { refreshStaticExports } from '../../site/index.js';
import { takedown, type TakedownSelector } from '../../takedown/index.js';
import { EXIT } from '../exitCodes.js';
import { reportProblem } from '../output.js';
import { requireWritableStore } from '../storeDir.js';
import { resolveStoreDir } from '../resolve.js';
import { sharedTargetOf } from './shared-store.js';
import { sharedTakedownCommand } from './shared-takedown.js';

export interface TakedownCommandOptions {
  url?: string;
  prefix?: string;
  host?: string;
  id?: string;
  /** Required unless dryRun. */
  reason?: string;
  requester?: string;
  dryRun?: boolean;
  store?: string;
  config?: string;
  json?: boolean;
}

function selectorOf(o: TakedownCommandOptions): TakedownSelector {
  const given = (['url', 'prefix', 'host', 'id'] as const).filter((k) => o[k] !== undefined);
  if (given.length !== 1) throw new InvalidArgumentError('give exactly one of --url, --prefix, --host or --id');
  const k = given[0];
  return { [k]: o[k]! } as TakedownSelector;
}

function describeSelector(selector: TakedownSelector): string {
  const [k, v] = Object.entries(selector)[0] as [string, string];
  return `--${k} ${v}`;
}

export async function takedownCommand(opts: TakedownCommandOptions): Promise<number> {
  let selector: TakedownSelector;
  try {
    selector = selectorOf(opts);
    if (!opts.dryRun && (opts.reason === undefined || opts.reason.trim() === '')) {
      throw new InvalidArgumentError('--reason is required (it goes into the audit log); only --dry-run goes without');
    }
  } catch (e) {
    reportProblem((e as Error).message, { prefix: 'snapcrawl takedown', fields: { exitCode: EXIT.USAGE } });
    return EXIT.USAGE;
  }
  const shared = sharedTargetOf(opts); // the config names `index: postgres://…`: rows, files and rules are shared
  if (shared) return sharedTakedownCommand(shared, selector, { ...opts, reason: opts.reason ?? '(dry run)' });
  const o = { ...opts, store: resolveStoreDir(opts), reason: opts.reason ?? '(dry run)' };
  // A takedown against the wrong folder must not "succeed" on a new empty store.
  // Even a dry run opens the store read-write (SnapshotStore.open finishes interrupted writes).
  requireWritableStore(o.store);
  const result = takedown(o.store, selector, { reason: o.reason, requester: o.requester, dryRun: o.dryRun });
  // Published static exports must not keep what was just removed: re-render them now.
  const exportsRefreshed = result.dryRun || result.matched.length === 0 ? [] : await refreshStaticExports(o.store);
  if (!result.dryRun && result.matched.length === 0) {
    reportProblem(`nothing archived matches ${describeSelector(selector)} in ${o.store}; the exclusion is recorded so it is never crawled`, {
      level: 'warn',
      prefix: 'snapcrawl takedown',
      fields: { selector, store: o.store, exclusionsAdded: result.exclusionsAdded },
    });
  }
  if (o.json) {
    process.stdout.write(`${JSON.stringify({ ...result, exportsRefreshed })}\n`);
    return EXIT.OK;
  }
  for (const dir of exportsRefreshed) process.stdout.write(`static export re-rendered: ${dir}\n`);
  const verb = result.dryRun ? 'would remove' : 'removed';
  for (const s of result.matched) process.stdout.write(`${verb} ${s.id}  ${s.url}\n`);
  process.stdout.write(
    result.dryRun
      ? `dry run: ${result.matched.length} snapshot(s) would be removed; nothing changed\n`
      : `${result.matched.length} snapshot(s) removed (${result.removedFiles} files), ${result.exclusionsAdded} exclusion(s) recorded; audit: ${o.store}/takedowns.jsonl\n`,
  );
  if (result.compactionDeferred) process.stdout.write('a crawl is running: it compacts store.db (so no copy of the removed text stays in the file) before it ends\n');
  return EXIT.OK;
}
