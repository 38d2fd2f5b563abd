/**
 * npm run eval — scores extractArticle on the shared development corpora (../shared/extraction) and on our own
 * fixtures (test/fixtures/extract), the way ../shared/extraction/README.md defines it:
 *   body: 4-token shingles (multiset), tp/fp/fn normalised per document, mean P and mean R, F1 of the means;
 *         tokens are \w+ runs, and for Chinese every CJK character is its own token;
 *   title: exact once whitespace is removed; publishedAt: same instant to the truth's precision (date-only truth
 *         by prefix); author / source: equal once whitespace and name separators are removed.
 * Options: --worst N (list the N worst bodies per corpus), --only <id-prefix>, --json, --zone <IANA zone> (passed
 * for every shared page; by default none is, and the extractor infers the zone as `snapcrawl extract` would).
 * Prints a note and exits 0 when ../shared is absent.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { decodeHtml } from '../src/fetch/encoding.js';
import { extractArticle } from '../src/extract/index.js';
import type { Article } from '../src/extract/types.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SHARED = process.env.EXTRACTION_CORPUS_DIR ?? resolve(ROOT, '../shared/extraction');
const FIXTURES = join(ROOT, 'test/fixtures/extract');

// ---------------------------------------------------------------- scoring

const CJK_RUN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3040-\u30ff\uac00-\ud7af]/gu;
const WORD = /[\p{L}\p{N}\p{Mn}\p{Mc}_]+/gu;

export function tokenize(text: string, splitCjk: boolean): string[] {
  const src = splitCjk ? text.replace(CJK_RUN, ' $& ') : text;
  return src.match(WORD) ?? [];
}

function shingles(text: string, splitCjk: boolean, n = 4): Map<string, number> {
  const tokens = tokenize(text, splitCjk);
  const out = new Map<string, number>();
  if (tokens.length === 0) return out;
  const count = Math.max(1, tokens.length - n + 1);
  for (let i = 0; i < count; i++) {
    const key = tokens.slice(i, i + n).join('\u0001');
    out.set(key, (out.get(key) ?? 0) + 1);
  }
  return out;
}

export interface DocScore {
  /** null when nothing was predicted (left out of the precision mean). */
  precision: number | null;
  /** null when there is no truth (left out of the recall mean). */
  recall: number | null;
}

/** Per-document shingle precision/recall (normalising tp/fp/fn to sum 1 does not change these ratios). */
export function scoreBody(predicted: string, truth: string, splitCjk: boolean): DocScore {
  const p = shingles(predicted, splitCjk);
  const t = shingles(truth, splitCjk);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [k, c] of p) {
    const tc = t.get(k) ?? 0;
    tp += Math.min(c, tc);
    fp += Math.max(0, c - tc);
  }
  for (const [k, c] of t) fn += Math.max(0, c - (p.get(k) ?? 0));
  return {
    precision: tp + fp === 0 ? null : tp / (tp + fp),
    recall: tp + fn === 0 ? null : tp / (tp + fn),
  };
}

export function meanPRF(scores: DocScore[]): { precision: number; recall: number; f1: number } {
  const ps = scores.map((s) => s.precision).filter((x): x is number => x !== null);
  const rs = scores.map((s) => s.recall).filter((x): x is number => x !== null);
  const precision = ps.length ? ps.reduce((a, b) => a + b, 0) / ps.length : 0;
  const recall = rs.length ? rs.reduce((a, b) => a + b, 0) / rs.length : 0;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

const squash = (s: string): string => s.replace(/[\s\u00a0\u3000]+/g, '');
const nameKey = (s: string): string => squash(s).replace(/[,，、;；/|·•]/g, '').toLowerCase();

export function titleMatches(pred: string | undefined, truth: string): boolean {
  return pred !== undefined && squash(pred) === squash(truth);
}

export function nameMatches(pred: string | undefined, truth: string): boolean {
  return pred !== undefined && nameKey(pred) === nameKey(truth);
}

/** Same instant to the truth's precision; a truth without time matches by date prefix. */
export function dateMatches(pred: string | undefined, truth: string): boolean {
  if (!pred) return false;
  const withTime = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?(.*)$/.exec(truth);
  if (!withTime) return pred.startsWith(truth);
  if (!/T\d{2}:\d{2}/.test(pred)) return false;
  const truthMs = Date.parse(truth.length === 22 ? truth.replace(/T(\d{2}:\d{2})/, 'T$1:00') : truth);
  const predMs = Date.parse(pred);
  if (Number.isNaN(truthMs) || Number.isNaN(predMs)) return false;
  const unit = withTime[4] === undefined ? 60_000 : 1000;
  return Math.floor(truthMs / unit) === Math.floor(predMs / unit);
}

// ---------------------------------------------------------------- corpora

interface Truth {
  title?: string;
  publishedAt?: string;
  author?: string;
  source?: string;
  articleBody?: string;
  url?: string;
  skip?: boolean;
}

interface Doc {
  id: string;
  html: string;
  url: string;
  truth: Truth;
  /** Overrides the corpus zone (fixtures carry their own). */
  timezone?: string;
  /** Fetch time for relative dates (fixtures may set it). */
  now?: string;
}

interface Corpus {
  name: string;
  splitCjk: boolean;
  /** Zone passed to the extractor; undefined = none given (the extractor infers it, as `snapcrawl extract` without --source). */
  timezone?: string;
  docs: Doc[];
}

function loadShared(name: string, splitCjk: boolean, timezone: string | undefined): Corpus | undefined {
  const dir = join(SHARED, name);
  if (!existsSync(join(dir, 'ground-truth.json'))) return undefined;
  const truth = JSON.parse(readFileSync(join(dir, 'ground-truth.json'), 'utf8')) as Record<string, Truth>;
  const docs: Doc[] = [];
  for (const [id, t] of Object.entries(truth)) {
    if (t.skip) continue;
    const file = join(dir, 'html', `${id}.html.gz`);
    if (!existsSync(file)) continue;
    const html = decodeHtml(gunzipSync(readFileSync(file))).text;
    docs.push({ id, html, url: t.url ?? 'http://unknown.invalid/', truth: t });
  }
  return { name, splitCjk, timezone, docs };
}

interface FixtureExpectation extends Truth {
  timezone?: string;
  now?: string;
  body?: string;
}

function loadFixtures(): Corpus | undefined {
  if (!existsSync(FIXTURES)) return undefined;
  const docs: Doc[] = [];
  for (const f of readdirSync(FIXTURES).filter((x) => x.endsWith('.json')).sort()) {
    const htmlFile = join(FIXTURES, f.replace(/\.json$/, '.html'));
    if (!existsSync(htmlFile)) continue;
    const exp = JSON.parse(readFileSync(htmlFile.replace(/\.html$/, '.json'), 'utf8')) as FixtureExpectation;
    docs.push({ id: f.replace(/\.json$/, ''), html: readFileSync(htmlFile, 'utf8'), url: exp.url ?? 'http://unknown.invalid/', truth: { ...exp, articleBody: exp.body ?? exp.articleBody }, timezone: exp.timezone, now: exp.now });
  }
  return docs.length ? { name: 'fixtures', splitCjk: true, docs } : undefined;
}

// ---------------------------------------------------------------- report

interface FieldTally {
  ok: number;
  n: number;
  misses: string[];
}

export interface CorpusReport {
  name: string;
  docs: number;
  body: { precision: number; recall: number; f1: number };
  fields: Record<string, { accuracy: number; n: number }>;
  msPerPage: { mean: number; max: number };
}

function tally(t: FieldTally, ok: boolean, note: string): void {
  t.n++;
  if (ok) t.ok++;
  else t.misses.push(note);
}

function evaluate(c: Corpus, opts: { worst: number; only?: string; verbose: boolean }): CorpusReport {
  const fields: Record<string, FieldTally> = {
    title: { ok: 0, n: 0, misses: [] },
    publishedAt: { ok: 0, n: 0, misses: [] },
    author: { ok: 0, n: 0, misses: [] },
    source: { ok: 0, n: 0, misses: [] },
  };
  const bodyScores: Array<DocScore & { id: string }> = [];
  const times: number[] = [];
  for (const d of c.docs) {
    if (opts.only && !d.id.startsWith(opts.only)) continue;
    const t0 = performance.now();
    const a: Article = extractArticle(d.html, { url: d.url, timezone: d.timezone ?? c.timezone, now: d.now ? new Date(d.now) : undefined });
    times.push(performance.now() - t0);
    const t = d.truth;
    if (t.articleBody !== undefined) bodyScores.push({ id: d.id, ...scoreBody(a.body, t.articleBody, c.splitCjk) });
    if (t.title !== undefined) tally(fields.title, titleMatches(a.title, t.title), `${d.id.slice(0, 8)} got ${JSON.stringify(a.title)} want ${JSON.stringify(t.title)}`);
    if (t.publishedAt !== undefined) tally(fields.publishedAt, dateMatches(a.publishedAt, t.publishedAt), `${d.id.slice(0, 8)} got ${a.publishedAt} want ${t.publishedAt}`);
    if (t.author !== undefined) tally(fields.author, nameMatches(a.author, t.author), `${d.id.slice(0, 8)} got ${JSON.stringify(a.author)} want ${JSON.stringify(t.author)}`);
    if (t.source !== undefined) tally(fields.source, nameMatches(a.publisher, t.source), `${d.id.slice(0, 8)} got ${JSON.stringify(a.publisher)} want ${JSON.stringify(t.source)}`);
  }
  const report: CorpusReport = {
    name: c.name,
    docs: times.length,
    body: meanPRF(bodyScores),
    fields: Object.fromEntries(Object.entries(fields).filter(([, v]) => v.n > 0).map(([k, v]) => [k, { accuracy: v.ok / v.n, n: v.n }])),
    msPerPage: { mean: times.reduce((a, b) => a + b, 0) / Math.max(1, times.length), max: Math.max(0, ...times) },
  };
  if (!opts.verbose) return report;
  const pct = (x: number): string => (x * 100).toFixed(1);
  console.log(`\n== ${c.name}: ${report.docs} pages, ${report.msPerPage.mean.toFixed(1)} ms/page mean, ${report.msPerPage.max.toFixed(0)} ms max`);
  console.log(`body   P ${report.body.precision.toFixed(3)}  R ${report.body.recall.toFixed(3)}  F1 ${report.body.f1.toFixed(3)}  (${bodyScores.length} with truth)`);
  for (const [k, v] of Object.entries(fields)) {
    if (v.n === 0) continue;
    console.log(`${k.padEnd(12)} ${pct(v.ok / v.n).padStart(5)}%  (${v.ok}/${v.n})`);
    if (opts.worst > 0) for (const m of v.misses) console.log(`    miss ${m}`);
  }
  if (opts.worst > 0) {
    const f = (s: DocScore): number => {
      const p = s.precision ?? 0;
      const r = s.recall ?? 0;
      return p + r === 0 ? 0 : (2 * p * r) / (p + r);
    };
    const worst = [...bodyScores].sort((a, b) => f(a) - f(b)).slice(0, opts.worst);
    console.log('worst bodies:');
    for (const w of worst) console.log(`    ${w.id.slice(0, 12)}  P ${(w.precision ?? 0).toFixed(3)} R ${(w.recall ?? 0).toFixed(3)} F1 ${f(w).toFixed(3)}`);
  }
  return report;
}

export function runEval(opts: { worst?: number; only?: string; verbose?: boolean; zone?: string } = {}): CorpusReport[] | undefined {
  const corpora: Corpus[] = [];
  // By default no zone is passed, as when a user runs `snapcrawl extract` on a page without --source: the
  // extractor must infer it. --zone Z passes Z for every shared page.
  const sh = loadShared('scrapinghub-dev', false, opts.zone);
  const zh = loadShared('zh-dev', true, opts.zone);
  if (!sh && !zh) console.log(`No shared corpus at ${SHARED}: skipping the scrapinghub-dev and zh-dev scores.`);
  for (const c of [sh, zh, loadFixtures()]) if (c) corpora.push(c);
  if (corpora.length === 0) return undefined;
  return corpora.map((c) => evaluate(c, { worst: opts.worst ?? 0, only: opts.only, verbose: opts.verbose ?? true }));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const flag = (name: string): string | undefined => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const json = args.includes('--json');
  const reports = runEval({ worst: Number(flag('--worst') ?? 0), only: flag('--only'), verbose: !json, zone: flag('--zone') });
  if (json) console.log(JSON.stringify(reports ?? [], null, 2));
  process.exit(0);
}
