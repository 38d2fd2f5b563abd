/**
 * npm run eval — scores extractArticle, and Readability.js for the body, on every extraction set we have:
 * ../shared/extraction (scrapinghub-dev, zh-dev), corpus/en, corpus/zh and corpus/multi (dev and heldout splits, each reported
 * apart: rules are changed against dev only), and test/fixtures/extract. Scoring: scripts/eval/score.ts.
 * Options: --worst N (list misses and the N worst bodies; dev splits only, so heldout pages are never tuned on),
 * --only <id-prefix>, --set <name-substring>, --json, --no-readability, --zone <IANA zone> (passed for every shared
 * and corpus page; by default none is, and the extractor infers the zone as `snapcrawl extract` would),
 * --perturb bare|anon|both|flat|all (every page stripped of head hints, class/id names and/or heading tags first,
 * scripts/eval/perturb.ts; Readability is not run then: the figures are read against the same run without --perturb).
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { extractArticle } from '../src/extract/index.js';
import type { Article } from '../src/extract/types.js';
import { loadAllCorpora, type Corpus, type Doc, type Split } from './eval/corpora.js';
import { perturb, PERTURBATIONS, type Perturbation } from './eval/perturb.js';
import { loadReadability, type ReadabilityBody } from './eval/readability.js';
import { dateMatches, docF1, encodingMatches, instantMatches, meanPRF, nameMatches, namesMatch, pageDayMatches, scoreBody, titleMatches, type DocScore, type PRF } from './eval/score.js';

export { dateMatches, meanPRF, nameMatches, scoreBody, titleMatches, tokenize } from './eval/score.js';
export type { DocScore } from './eval/score.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SHARED = process.env.EXTRACTION_CORPUS_DIR ?? resolve(ROOT, '../shared/extraction');
const FIELDS = ['title', 'publishedAt', 'day', 'author', 'source', 'encoding'] as const;
type Field = (typeof FIELDS)[number];

interface FieldTally {
  ok: number;
  n: number;
  misses: string[];
}

export interface SplitReport {
  set: string;
  split: Split;
  docs: number;
  body: PRF & { n: number };
  /** Readability.js on the same pages; absent when it is not installed or was switched off. */
  readability?: PRF & { n: number };
  fields: Partial<Record<Field, { accuracy: number; n: number }>>;
  msPerPage: { mean: number; max: number };
}

interface EvalOptions {
  worst: number;
  only?: string;
  verbose: boolean;
  readability?: ReadabilityBody;
}

function check(f: Field, a: Article, d: Doc, c: Corpus): { ok: boolean; got: string; want: string } | undefined {
  const t = d.truth;
  if (c.instantTruth && t.publishedAt !== undefined && (f === 'publishedAt' || f === 'day')) {
    const ok = f === 'publishedAt' ? instantMatches(a.publishedAt, t.publishedAt) : pageDayMatches(a.publishedAt, t.publishedAt);
    return { ok, got: String(a.publishedAt), want: t.publishedAt };
  }
  if (c.instantTruth && f === 'author' && t.authors) return { ok: namesMatch(a.author, t.authors), got: JSON.stringify(a.author), want: JSON.stringify(t.authors) };
  switch (f) {
    case 'title':
      return t.title === undefined ? undefined : { ok: titleMatches(a.title, t.title), got: JSON.stringify(a.title), want: JSON.stringify(t.title) };
    case 'publishedAt':
      return t.publishedAt === undefined ? undefined : { ok: dateMatches(a.publishedAt, t.publishedAt), got: String(a.publishedAt), want: t.publishedAt };
    case 'day':
      // The calendar day as the page states it (what date-only checks such as htmldate's score), time ignored.
      return t.publishedAt === undefined ? undefined : { ok: a.publishedAt?.slice(0, 10) === t.publishedAt.slice(0, 10), got: String(a.publishedAt), want: t.publishedAt.slice(0, 10) };
    case 'author':
      return t.author === undefined ? undefined : { ok: nameMatches(a.author, t.author), got: JSON.stringify(a.author), want: JSON.stringify(t.author) };
    case 'source':
      return t.source === undefined ? undefined : { ok: nameMatches(a.publisher, t.source), got: JSON.stringify(a.publisher), want: JSON.stringify(t.source) };
    case 'encoding':
      return t.encoding === undefined || d.charset === undefined ? undefined : { ok: encodingMatches(d.charset, t.encoding), got: d.charset, want: t.encoding };
  }
}

function evaluateSplit(c: Corpus, split: Split, docs: Doc[], opts: EvalOptions): SplitReport {
  const tallies = Object.fromEntries(FIELDS.map((f) => [f, { ok: 0, n: 0, misses: [] } as FieldTally])) as Record<Field, FieldTally>;
  const ours: Array<DocScore & { id: string }> = [];
  const theirs: DocScore[] = [];
  const times: number[] = [];
  for (const d of docs) {
    const t0 = performance.now();
    const a = extractArticle(d.html, { url: d.url, timezone: d.timezone ?? c.timezone, now: d.now ? new Date(d.now) : undefined });
    times.push(performance.now() - t0);
    if (d.truth.articleBody !== undefined) {
      ours.push({ id: d.id, ...scoreBody(a.body, d.truth.articleBody, c.splitCjk) });
      if (opts.readability) theirs.push(scoreBody(opts.readability.body(d.html, d.url), d.truth.articleBody, c.splitCjk));
    }
    for (const f of FIELDS) {
      const r = check(f, a, d, c);
      if (!r) continue;
      tallies[f].n++;
      if (r.ok) tallies[f].ok++;
      else tallies[f].misses.push(`${d.id.slice(0, 12)} got ${r.got} want ${r.want}`);
    }
  }
  const report: SplitReport = {
    set: c.name,
    split,
    docs: docs.length,
    body: { ...meanPRF(ours), n: ours.length },
    readability: opts.readability ? { ...meanPRF(theirs), n: theirs.length } : undefined,
    fields: Object.fromEntries(FIELDS.filter((f) => tallies[f].n > 0).map((f) => [f, { accuracy: tallies[f].ok / tallies[f].n, n: tallies[f].n }])),
    msPerPage: { mean: times.reduce((a, b) => a + b, 0) / Math.max(1, times.length), max: Math.max(0, ...times) },
  };
  if (opts.verbose) print(report, tallies, ours, split === 'dev' ? opts.worst : 0);
  return report;
}

function print(r: SplitReport, tallies: Record<Field, FieldTally>, ours: Array<DocScore & { id: string }>, worst: number): void {
  const prf = (x: PRF): string => `P ${x.precision.toFixed(3)}  R ${x.recall.toFixed(3)}  F1 ${x.f1.toFixed(3)}`;
  console.log(`\n== ${r.set} [${r.split}]: ${r.docs} pages, ${r.msPerPage.mean.toFixed(1)} ms/page mean, ${r.msPerPage.max.toFixed(0)} ms max`);
  if (r.body.n > 0) {
    console.log(`body         ${prf(r.body)}  (n ${r.body.n})`);
    if (r.readability) console.log(`  Readability ${prf(r.readability)}  (n ${r.readability.n})`);
  }
  for (const f of FIELDS) {
    const v = tallies[f];
    if (v.n === 0) continue;
    console.log(`${f.padEnd(12)} ${((v.ok / v.n) * 100).toFixed(1).padStart(5)}%  (${v.ok}/${v.n})`);
    if (worst > 0) for (const m of v.misses) console.log(`    miss ${m}`);
  }
  if (worst > 0) {
    console.log('worst bodies:');
    for (const w of [...ours].sort((a, b) => docF1(a) - docF1(b)).slice(0, worst)) {
      console.log(`    ${w.id.slice(0, 12)}  P ${(w.precision ?? 0).toFixed(3)} R ${(w.recall ?? 0).toFixed(3)} F1 ${docF1(w).toFixed(3)}`);
    }
  }
}

function summary(reports: SplitReport[]): void {
  const pct = (x: { accuracy: number; n: number } | undefined): string => (x ? `${(x.accuracy * 100).toFixed(1)}% ${String(x.n).padStart(3)}` : '    —    ');
  console.log('\nset              split    pages  body F1 (n)    Readab. F1  title       time        day         author      source');
  for (const r of reports) {
    const body = r.body.n ? `${r.body.f1.toFixed(3)} (${String(r.body.n).padStart(3)})` : '     —     ';
    const rd = r.readability && r.readability.n ? r.readability.f1.toFixed(3) : '  — ';
    const f = r.fields;
    console.log(`${r.set.padEnd(16)} ${r.split.padEnd(8)} ${String(r.docs).padStart(5)}  ${body}    ${rd.padEnd(10)}  ${pct(f.title)}  ${pct(f.publishedAt)}  ${pct(f.day)}  ${pct(f.author)}  ${pct(f.source)}`);
  }
}

/** The same pages with one kind of hint taken away (see scripts/eval/perturb.ts), named `<set>~<kind>`. */
function perturbed(c: Corpus, kind: Perturbation): Corpus {
  return { ...c, name: `${c.name}~${kind}`, docs: c.docs.map((d) => ({ ...d, html: perturb(d.html, kind) })) };
}

export async function runEval(
  opts: { worst?: number; only?: string; set?: string; verbose?: boolean; zone?: string; readability?: boolean; perturb?: Perturbation } = {},
): Promise<SplitReport[]> {
  const { corpora: found, missing } = loadAllCorpora(ROOT, SHARED, opts.zone);
  const loaded = found.filter((c) => !opts.set || c.name.includes(opts.set));
  const corpora = opts.perturb ? loaded.map((c) => perturbed(c, opts.perturb!)) : loaded;
  if (opts.verbose !== false && !opts.perturb && missing.length && !opts.set) console.log(`(not found or still empty: ${missing.join(', ')})`);
  const readability = opts.readability === false || opts.perturb ? undefined : await loadReadability(ROOT);
  if (readability) {
    const scored = corpora.flatMap((c) => c.docs.filter((d) => d.truth.articleBody !== undefined && (!opts.only || d.id.startsWith(opts.only))));
    await readability.prefill(scored.map((d) => ({ html: d.html, url: d.url })));
  }
  const reports: SplitReport[] = [];
  for (const c of corpora) {
    for (const split of ['dev', 'heldout'] as const) {
      const docs = c.docs.filter((d) => d.split === split && (!opts.only || d.id.startsWith(opts.only)));
      if (docs.length) reports.push(evaluateSplit(c, split, docs, { worst: opts.worst ?? 0, only: opts.only, verbose: opts.verbose ?? true, readability }));
    }
  }
  if (opts.verbose !== false) summary(reports);
  return reports;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const flag = (name: string): string | undefined => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const json = args.includes('--json');
  const kind = flag('--perturb');
  if (kind !== undefined && !PERTURBATIONS.includes(kind as Perturbation)) {
    console.error(`--perturb takes one of: ${PERTURBATIONS.join(', ')}`);
    process.exit(2);
  }
  const reports = await runEval({
    worst: Number(flag('--worst') ?? 0),
    only: flag('--only'),
    set: flag('--set'),
    verbose: !json,
    zone: flag('--zone'),
    readability: !args.includes('--no-readability'),
    perturb: kind as Perturbation | undefined,
  });
  if (json) console.log(JSON.stringify(reports, null, 2));
  process.exit(0);
}
