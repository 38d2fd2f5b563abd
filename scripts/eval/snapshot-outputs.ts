/**
 * Every field extractArticle returns, for every page of every extraction set (../shared/extraction, corpus/en,
 * corpus/zh, corpus/multi, test/fixtures/extract), as one JSON file: a refactor that must not change outputs is checked by
 * diffing two snapshots (`diff -q`, or `--compare` here, which names the pages and fields that differ).
 * The "slow page: N ms" warning depends on the clock and is left out.
 *   tsx scripts/eval/snapshot-outputs.ts <out.json> [--compare <baseline.json>]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractArticle, type Article } from '../../src/extract/index.js';
import { loadAllCorpora } from './corpora.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SHARED = process.env.EXTRACTION_CORPUS_DIR ?? resolve(ROOT, '../shared/extraction');

const args = process.argv.slice(2);
const out = args[0];
if (!out || out.startsWith('--')) throw new Error('usage: snapshot-outputs.ts <out.json> [--compare <baseline.json>]');
const compareIdx = args.indexOf('--compare');
const baselineFile = compareIdx >= 0 ? args[compareIdx + 1] : undefined;
if (compareIdx >= 0 && (!baselineFile || baselineFile.startsWith('--'))) throw new Error('--compare needs the baseline file after it');
// Writing the output over the baseline first would compare it with itself: always "identical".
if (baselineFile && resolve(baselineFile) === resolve(out)) throw new Error('the output file must not be the baseline');

const { corpora, missing } = loadAllCorpora(ROOT, SHARED, undefined);
// A set not found would pass a --compare silently for its pages: say so (a worktree outside the project's folder has
// no ../shared: set EXTRACTION_CORPUS_DIR).
if (missing.length) console.warn(`not found, so not covered: ${missing.join(', ')}`);

const result: Record<string, Article> = {};
for (const c of corpora) {
  for (const d of c.docs) {
    const a = extractArticle(d.html, { url: d.url, timezone: d.timezone ?? c.timezone, now: d.now ? new Date(d.now) : undefined });
    a.warnings = a.warnings.filter((w) => !w.startsWith('slow page:'));
    result[`${c.name}/${d.id}`] = a;
  }
}
writeFileSync(out, JSON.stringify(result, null, 1));
console.log(`${Object.keys(result).length} pages (${corpora.map((c) => `${c.name} ${c.docs.length}`).join(', ')}) → ${out}`);

if (baselineFile) {
  const base = JSON.parse(readFileSync(baselineFile, 'utf8')) as Record<string, Record<string, unknown>>;
  const now = JSON.parse(JSON.stringify(result)) as Record<string, Record<string, unknown>>;
  let differing = 0;
  for (const id of new Set([...Object.keys(base), ...Object.keys(now)])) {
    const a = base[id] ?? {};
    const b = now[id] ?? {};
    const fields = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((f) => JSON.stringify(a[f]) !== JSON.stringify(b[f]));
    if (fields.length === 0) continue;
    differing++;
    console.log(`DIFF ${id}: ${fields.join(', ')}`);
  }
  console.log(differing === 0 ? 'identical to the baseline' : `${differing} page(s) differ from the baseline`);
  if (differing > 0) process.exitCode = 1;
}
