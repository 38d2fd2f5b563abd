import { loadConfig } from '../../config/index.js';
import { prune } from '../../takedown/index.js';
import { EXIT } from '../exitCodes.js';
import { reportProblem } from '../output.js';
import { requireWritableStore } from '../storeDir.js';

export interface PruneCommandOptions {
  config?: string;
  store?: string;
  source?: string[];
  dryRun?: boolean;
  json?: boolean;
}

/** `snapcrawl prune`: applies each source's `keepVersions` / `keepDays` to the store (no exclusion; audit in prunes.jsonl). */
export async function pruneCommand(o: PruneCommandOptions): Promise<number> {
  const config = loadConfig(o.config ?? (process.env.SNAPCRAWL_CONFIG || 'config/sources.yaml'));
  const storeDir = o.store ?? config.store;
  const unknown = (o.source ?? []).filter((name) => !config.sources.some((s) => s.name === name));
  if (unknown.length) {
    reportProblem(`no source named ${unknown.map((n) => `"${n}"`).join(', ')} in the config`, { prefix: 'snapcrawl prune' });
    return EXIT.USAGE;
  }
  const sources = o.source?.length ? config.sources.filter((s) => o.source!.includes(s.name)) : config.sources;
  // Pruning the wrong folder must not "succeed" on a new empty store.
  requireWritableStore(storeDir);
  const result = prune(storeDir, sources, { dryRun: o.dryRun });
  if (o.json) {
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return EXIT.OK;
  }
  const verb = result.dryRun ? 'would remove' : 'removed';
  let total = 0;
  for (const s of result.sources) {
    for (const v of s.removed) process.stdout.write(`${verb} ${v.id}  ${v.fetchedAt}  ${v.url}\n`);
    total += s.removed.length;
  }
  if (result.sources.length === 0) process.stdout.write('no selected source has keepVersions or keepDays; nothing to do\n');
  else
    process.stdout.write(
      result.dryRun
        ? `dry run: ${total} old version(s) would be removed; nothing changed\n`
        : `${total} old version(s) removed; audit: ${storeDir}/prunes.jsonl\n`,
    );
  if (result.compactionDeferred) process.stdout.write('a crawl is running: it compacts store.db before it ends\n');
  return EXIT.OK;
}
