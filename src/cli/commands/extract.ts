import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { loadConfig } from '../../config/index.js';
import { extractArticle } from '../../extract/index.js';
import { decodeHtml, maybeGunzip } from '../../fetch/index.js';
import { articleFields } from '../../snapshot/index.js';
import { ConfigError } from '../../util/errors.js';
import { EXIT } from '../exitCodes.js';
import { reportProblem } from '../output.js';
import { DEFAULT_CONFIG } from './crawl.js';

export interface ExtractCommandOptions {
  url?: string;
  source?: string;
  config?: string;
  json?: boolean;
}

/**
 * `snapcrawl extract FILE…`: runs the extractor on saved pages (bytes as fetched, `.gz` undone, encoding
 * detected as in a crawl). With --source, that source's timezone and extraction overrides apply.
 */
export async function extractCommand(files: string[], o: ExtractCommandOptions): Promise<number> {
  let timezone: string | undefined;
  let overrides;
  if (o.source) {
    const file = o.config ?? process.env.SNAPCRAWL_CONFIG ?? DEFAULT_CONFIG;
    const source = loadConfig(file).sources.find((s) => s.name === o.source);
    if (!source) throw new ConfigError(`no source named ${o.source} in ${file}`, file);
    timezone = source.timezone;
    overrides = source.extract;
  }
  let failures = 0;
  for (const file of files) {
    let bytes: Buffer;
    try {
      bytes = maybeGunzip(readFileSync(file));
    } catch (err) {
      failures++;
      reportProblem(`cannot read ${file}: ${(err as Error).message}`, { prefix: 'snapcrawl extract', fields: { file } });
      continue;
    }
    const decoded = decodeHtml(bytes, null);
    const url = o.url ?? pathToFileURL(resolve(file)).href;
    const a = extractArticle(decoded.text, { url, timezone, overrides });
    const result = {
      file,
      url,
      charset: decoded.charset,
      canonicalUrl: a.canonicalUrl ?? null,
      ...articleFields(a),
      warnings: a.warnings,
    };
    if (o.json) process.stdout.write(`${JSON.stringify(result)}\n`);
    else {
      const line = (k: string, v: unknown) => (v ? `  ${k.padEnd(12)} ${String(v)}\n` : '');
      process.stdout.write(
        `${file} (${decoded.charset})\n` +
          line('title', result.title) +
          line('publishedAt', result.publishedAt) +
          line('author', result.author) +
          line('editor', result.editor) +
          line('publisher', result.publisher) +
          line('category', result.category) +
          line('language', result.language) +
          line('warnings', result.warnings.join('; ')) +
          `\n${result.body}\n\n`,
      );
    }
  }
  return failures > 0 ? EXIT.ERROR : EXIT.OK;
}
