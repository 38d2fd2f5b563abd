/**
 * `snapcrawl reextract`: re-runs the current extractor over the archived responses of stored snapshots
 * and updates their extracted fields (snapshot.json, article.md, index, search) without refetching.
 */
import { loadConfig, type CrawlConfig } from '../../config/index.js';
import { reextractStore } from '../../crawler/reextract.js';
import { ConfigError } from '../../util/errors.js';
import { EXIT } from '../exitCodes.js';
import { requireStore, requireWritableStore } from '../storeDir.js';
import { explicitConfigFile, storeDirOf } from '../resolve.js';

export interface ReextractCommandOptions {
  source?: string;
  store?: string;
  config?: string;
  dryRun?: boolean;
  json?: boolean;
}

export async function reextractCommand(o: ReextractCommandOptions): Promise<number> {
  const file = explicitConfigFile(o);
  const config: CrawlConfig | null = file ? loadConfig(file) : null;
  if (o.source && config && !config.sources.some((s) => s.name === o.source)) {
    throw new ConfigError(`no source named ${o.source} in ${file}`, file!);
  }
  const storeDir = storeDirOf(o, config);
  if (o.dryRun) requireStore(storeDir);
  else requireWritableStore(storeDir);
  const report = await reextractStore(storeDir, { source: o.source, sources: config?.sources, dryRun: o.dryRun });
  if (o.json || process.stdout.isTTY !== true) process.stdout.write(`${JSON.stringify(report)}\n`);
  else {
    const fields = Object.entries(report.fields).map(([k, n]) => `${k} ${n}`).join(', ') || 'none';
    process.stdout.write(
      `${report.dryRun ? 'would change' : 'changed'} ${report.changed} of ${report.snapshots} snapshots; fields: ${fields}\n` +
        report.failed.map((f) => `  failed ${f.id}: ${f.error}\n`).join(''),
    );
  }
  return report.failed.length > 0 ? EXIT.ERROR : EXIT.OK;
}
