/**
 * Builds corpus/multi (news pages in ~25 languages from ~38 countries, with ground truth) from Fundus's parser test
 * data (flairNLP/fundus, MIT): tests/resources/parser/test_data/<country>/<Publisher>_<YYYY_MM_DD>.html.gz, with
 * <Publisher>.json holding one entry per parser version (V1, V1_1, V2 …) and <country>/meta.info the URL and crawl
 * date of each HTML file. Countries cn and tw are left out (their pages are in corpus/zh already).
 *
 * Which JSON entry belongs to which page: Fundus's tests (tests/utility.py, load_html_test_file_mapping) pick, for
 * each HTML file, the parser version valid at the file's crawl date, and fail on two files per version or a version
 * without a file. Versions are ordered by their start date, so the files sorted by crawl date and the versions sorted
 * in version order pair up one to one; a publisher where the counts differ is skipped (none at the pinned commit).
 *
 * The truth is Fundus's own parser output (site-specific parsers) as its maintainers committed and checked it, not a
 * hand label: title, publishing_date, authors, body (summary + each section's headline and paragraphs). Nothing here
 * runs snapcrawl's extractor.
 *
 * Usage: SNAPCRAWL_MIRROR_DIR=/work/.mirror npx tsx scripts/corpus/build-multi.ts
 * (the repository is expected at $SNAPCRAWL_MIRROR_DIR/flairNLP+fundus/repo, a bare git directory holding the pinned
 * commit). Output: corpus/multi/pages/<id>.html.gz (the gzip bytes exactly as Fundus holds them), truth.json,
 * NOTICE, licenses/flairNLP+fundus-LICENSE, and a summary on stdout.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const MIRROR = process.env.SNAPCRAWL_MIRROR_DIR ?? '/work/.mirror';
const OUT = join(ROOT, 'corpus/multi');
const REPO = 'flairNLP+fundus';
const PINNED = '18da6e53592f99cf0ac5770dc63d6ba99ba63ae8';
const DATA = 'tests/resources/parser/test_data';
const EXCLUDED_COUNTRIES = new Set(['cn', 'tw']);

const GIT_DIR = join(MIRROR, REPO, 'repo');
const git = (...args: string[]): Buffer =>
  execFileSync('git', ['-C', GIT_DIR, ...args], { maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'ignore'] });
const show = (path: string): Buffer => git('show', `${PINNED}:${path}`);
const ls = (path: string): string[] => git('ls-tree', '--name-only', `${PINNED}:${path}`).toString().split('\n').filter(Boolean);
const sha1 = (s: string): string => createHash('sha1').update(s).digest('hex');

interface FundusEntry {
  title?: string;
  publishing_date?: string;
  authors?: string[];
  body?: { summary?: string[]; sections?: Array<{ headline?: string[]; paragraphs?: string[] }> };
}

interface Truth {
  split: 'dev' | 'heldout';
  origin: 'fundus';
  country: string;
  publisher: string;
  url?: string;
  title?: string;
  publishedAt?: string;
  author?: string;
  authors?: string[];
  articleBody?: string;
  encoding: 'utf-8';
}

/**
 * Fundus's publishing_date (Python str(datetime)) as ISO 8601: an aware value keeps its offset (fractions dropped);
 * a naive value keeps no zone (`YYYY-MM-DDTHH:MM:SS`, a wall-clock time); exactly midnight means the parser found a
 * date only, given as `YYYY-MM-DD`.
 */
export function isoFromFundus(v: string | undefined): string | undefined {
  const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})(?:\.\d+)?(Z|[+-]\d{2}:\d{2})?$/.exec(v?.trim() ?? '');
  if (!m) return undefined;
  if (m[2] === '00:00:00') return m[1];
  return `${m[1]}T${m[2]}${m[3] === '+00:00' ? 'Z' : (m[3] ?? '')}`;
}

function bodyText(b: FundusEntry['body']): string | undefined {
  if (!b) return undefined;
  const lines = [...(b.summary ?? [])];
  for (const s of b.sections ?? []) lines.push(...(s.headline ?? []), ...(s.paragraphs ?? []));
  const text = lines.map((l) => l.replace(/\s+/g, ' ').trim()).filter(Boolean).join('\n');
  return text || undefined;
}

/** Version keys in version order: V1 < V1_1 < V1_2 < V2. */
const versionKey = (k: string): number[] => k.replace(/^V/, '').split('_').map(Number);
function compareVersions(a: string, b: string): number {
  const x = versionKey(a);
  const y = versionKey(b);
  for (let i = 0; i < Math.max(x.length, y.length); i++) if ((x[i] ?? -1) !== (y[i] ?? -1)) return (x[i] ?? -1) - (y[i] ?? -1);
  return 0;
}

interface Page {
  id: string;
  publisher: string;
  gz: Buffer;
  truth: Omit<Truth, 'split'>;
}

function collect(): { pages: Page[]; skipped: string[] } {
  const pages: Page[] = [];
  const skipped: string[] = [];
  for (const country of ls(DATA)) {
    if (EXCLUDED_COUNTRIES.has(country) || country.includes('.')) continue;
    const files = ls(`${DATA}/${country}`);
    const meta = JSON.parse(show(`${DATA}/${country}/meta.info`).toString()) as Record<string, { url: string; crawl_date: string }>;
    for (const jsonFile of files.filter((f) => f.endsWith('.json'))) {
      const publisher = jsonFile.replace(/\.json$/, '');
      const entries = JSON.parse(show(`${DATA}/${country}/${jsonFile}`).toString()) as Record<string, FundusEntry>;
      const versions = Object.keys(entries).sort(compareVersions);
      const htmls = files
        .filter((f) => f.startsWith(`${publisher}_`) && f.endsWith('.html.gz') && /^\d{4}_\d{2}_\d{2}\.html\.gz$/.test(f.slice(publisher.length + 1)))
        .sort((a, b) => (meta[a]?.crawl_date ?? a).localeCompare(meta[b]?.crawl_date ?? b));
      if (htmls.length !== versions.length) {
        skipped.push(`${country}/${publisher}: ${htmls.length} pages, ${versions.length} versions`);
        continue;
      }
      htmls.forEach((file, i) => {
        const e = entries[versions[i]];
        const authors = (e.authors ?? []).map((a) => a.replace(/\s+/g, ' ').trim()).filter(Boolean);
        pages.push({
          id: `${country}-${file.replace(/\.html\.gz$/, '')}`,
          publisher,
          gz: show(`${DATA}/${country}/${file}`),
          truth: {
            origin: 'fundus',
            country,
            publisher,
            url: meta[file]?.url,
            title: e.title?.replace(/\s+/g, ' ').trim() || undefined,
            publishedAt: isoFromFundus(e.publishing_date),
            author: authors.length ? authors.join(', ') : undefined,
            authors: authors.length ? authors : undefined,
            articleBody: bodyText(e.body),
            encoding: 'utf-8', // Fundus stores every page re-encoded as UTF-8 (HTMLTestFile.write)
          },
        });
      });
    }
  }
  return { pages, skipped };
}

/** Whole publishers, in sha1(publisher) order, are held out while the held-out count stays within a third. */
function assignSplits(pages: Page[]): Map<string, 'dev' | 'heldout'> {
  const byPublisher = new Map<string, number>();
  for (const p of pages) byPublisher.set(p.publisher, (byPublisher.get(p.publisher) ?? 0) + 1);
  const target = Math.round(pages.length / 3);
  const split = new Map<string, 'dev' | 'heldout'>();
  let held = 0;
  for (const pub of [...byPublisher.keys()].sort((a, b) => sha1(a).localeCompare(sha1(b)))) {
    const n = byPublisher.get(pub)!;
    const take = held + n <= target;
    split.set(pub, take ? 'heldout' : 'dev');
    if (take) held += n;
  }
  return split;
}

function main(): void {
  const { pages, skipped } = collect();
  const split = assignSplits(pages);
  rmSync(join(OUT, 'pages'), { recursive: true, force: true });
  mkdirSync(join(OUT, 'pages'), { recursive: true });
  mkdirSync(join(OUT, 'licenses'), { recursive: true });
  const truth: Record<string, Truth> = {};
  for (const p of pages.sort((a, b) => a.id.localeCompare(b.id))) {
    writeFileSync(join(OUT, 'pages', `${p.id}.html.gz`), p.gz);
    truth[p.id] = { split: split.get(p.publisher)!, ...p.truth };
  }
  writeFileSync(join(OUT, 'truth.json'), JSON.stringify(truth, null, 1) + '\n');
  writeFileSync(join(OUT, 'licenses/flairNLP+fundus-LICENSE'), show('LICENSE'));

  const rows = Object.values(truth);
  const count = (rs: Truth[]): string =>
    `${String(rs.length).padStart(4)} pages, ${new Set(rs.map((r) => r.publisher)).size} publishers, ` +
    (['title', 'publishedAt', 'author', 'articleBody'] as const).map((f) => `${f}=${rs.filter((r) => r[f] !== undefined).length}`).join(' ');
  const countries = [...new Set(rows.map((r) => r.country))].sort();
  const summary = [
    `all      ${count(rows)}`,
    `dev      ${count(rows.filter((r) => r.split === 'dev'))}`,
    `heldout  ${count(rows.filter((r) => r.split === 'heldout'))}`,
    `countries (${countries.length}): ${countries.map((c) => `${c} ${rows.filter((r) => r.country === c).length}`).join(', ')}`,
  ];
  writeFileSync(
    join(OUT, 'NOTICE'),
    [
      'corpus/multi — pages and truth from Fundus (https://github.com/flairNLP/fundus), MIT licence',
      `(licenses/flairNLP+fundus-LICENSE), at commit ${PINNED}, from ${DATA}/ (all countries but cn and tw).`,
      'Pages: the .html.gz files byte for byte. Truth: the committed parser test JSON (Fundus\'s own site-specific',
      'parsers\' output, checked by its maintainers), reshaped by scripts/corpus/build-multi.ts; split by publisher is ours.',
      ...summary,
      '',
    ].join('\n'),
  );
  console.log(summary.join('\n'));
  if (skipped.length) console.log(`skipped publishers:\n  ${skipped.join('\n  ')}`);
}

main();
