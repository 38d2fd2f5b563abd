import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { ConfigError } from '../util/errors.js';
import { configSchema, sharedStoreUrlProblem, sourceSchema, type ConfigInput, type CrawlConfig, type SourceConfig, type SourceInput } from './schema.js';

/** Renders a zod path as `sources[2].seeds[0]`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out || '(root)';
}

function toConfigError(file: string, error: z.ZodError): ConfigError {
  const issues = error.issues.map((i) => ({ path: formatPath(i.path), message: i.message }));
  const lines = issues.map((i) => `  ${i.path}: ${i.message}`).join('\n');
  return new ConfigError(`invalid config ${file}:\n${lines}`, file, issues);
}

/** Validates an already-parsed config object; `file` names it in errors. */
export function parseConfig(input: unknown, file = '<inline>'): CrawlConfig {
  const result = configSchema.safeParse(input);
  if (!result.success) throw toConfigError(file, result.error);
  return result.data;
}

/** Reads and validates a YAML (or JSON) config file. */
export function loadConfig(file: string): CrawlConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (cause) {
    throw new ConfigError(`cannot read config ${file}: ${(cause as Error).message}`, file, [], { cause });
  }
  const doc = parseDocument(text, { prettyErrors: true });
  if (doc.errors.length > 0) {
    const issues = doc.errors.map((e) => ({ path: `line ${e.linePos?.[0]?.line ?? '?'}`, message: e.message.split('\n')[0] }));
    throw new ConfigError(`config ${file} is not valid YAML:\n${issues.map((i) => `  ${i.path}: ${i.message}`).join('\n')}`, file, issues);
  }
  return parseConfig(doc.toJS(), file);
}

/** Builds a validated source from a partial description (used for ad-hoc `crawl <url>` runs and tests). */
export function makeSource(input: SourceInput): SourceConfig {
  const result = sourceSchema.safeParse(input);
  if (!result.success) throw toConfigError('<inline>', result.error);
  return result.data;
}

/** Builds a validated config (used by tests and ad-hoc runs). */
export function makeConfig(input: ConfigInput): CrawlConfig {
  return parseConfig(input);
}

/**
 * The config with the command line's shared-store URLs (`--frontier`, `--index`) in place of its own, checked by
 * the same rules as the config fields; a bad URL is a ConfigError naming the option.
 */
export function withSharedStores(config: CrawlConfig, over: { frontier?: string; index?: string }): CrawlConfig {
  const out = { ...config };
  for (const kind of ['frontier', 'index'] as const) {
    const value = over[kind];
    if (value === undefined) continue;
    const problem = sharedStoreUrlProblem(kind, value);
    if (problem) throw new ConfigError(`--${kind} ${value}: ${problem}`, '<command line>', [{ path: `--${kind}`, message: problem }]);
    out[kind] = value;
  }
  return out;
}
