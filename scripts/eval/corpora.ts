/**
 * The sets `npm run eval` reads, each tolerant of being absent or half-built (the corpus/ sets are written by a
 * builder that may still be running): a missing truth file, a truth file mid-write, or a missing or truncated page
 * just leaves those pages out.
 *   ../shared/extraction/{scrapinghub-dev,zh-dev}: html/<id>.html.gz + ground-truth.json (all dev);
 *   corpus/{en,en-wide,zh,multi}: pages/<id>.html.gz (raw bytes, original encoding) + truth.json with a dev/heldout split;
 *   test/fixtures/extract: <name>.html (UTF-8) + <name>.json (all dev).
 * Page bytes are decoded with decodeHtml, as the crawler decodes them.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { decodeHtml } from '../../src/fetch/encoding.js';

export type Split = 'dev' | 'heldout';

export interface Truth {
  title?: string;
  publishedAt?: string;
  author?: string;
  /** corpus/multi: each person the byline names (author is them joined by ', '). */
  authors?: string[];
  source?: string;
  articleBody?: string;
  url?: string;
  encoding?: string;
  split?: Split;
  skip?: boolean;
}

export interface Doc {
  id: string;
  html: string;
  /** The charset decodeHtml chose (undefined for fixtures, which are UTF-8 text). */
  charset?: string;
  url: string;
  truth: Truth;
  split: Split;
  /** Overrides the corpus zone (fixtures carry their own). */
  timezone?: string;
  /** Fetch time for relative dates (fixtures may set it). */
  now?: string;
}

export interface Corpus {
  name: string;
  splitCjk: boolean;
  /** Zone passed to the extractor; undefined = none given (the extractor infers it, as `snapcrawl extract` would). */
  timezone?: string;
  /**
   * corpus/multi: publishedAt truth is an instant (or wall-clock time) scored within 60 s, `day` in the page's own
   * zone, and authors as a list of names (score.ts instantMatches / pageDayMatches / namesMatch).
   */
  instantTruth?: boolean;
  docs: Doc[];
}

function readJson<T>(file: string): T | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch {
    return undefined; // absent or mid-write
  }
}

function readPage(file: string): { html: string; charset: string } | undefined {
  if (!existsSync(file)) return undefined;
  try {
    const decoded = decodeHtml(gunzipSync(readFileSync(file)));
    return { html: decoded.text, charset: decoded.charset };
  } catch {
    return undefined; // truncated gzip while the builder writes it
  }
}

function pagesFrom(truth: Record<string, Truth>, pageFile: (id: string) => string, defaultSplit: Split): Doc[] {
  const docs: Doc[] = [];
  for (const [id, t] of Object.entries(truth)) {
    if (!t || t.skip) continue;
    const page = readPage(pageFile(id));
    if (!page) continue;
    const split: Split = t.split === 'heldout' ? 'heldout' : t.split === 'dev' ? 'dev' : defaultSplit;
    docs.push({ id, html: page.html, charset: page.charset, url: t.url ?? 'http://unknown.invalid/', truth: t, split });
  }
  return docs;
}

/** One of ../shared/extraction's sets (all dev: they are what the rules were written against). */
export function loadShared(root: string, name: string, splitCjk: boolean, timezone: string | undefined): Corpus | undefined {
  const dir = join(root, name);
  const truth = readJson<Record<string, Truth>>(join(dir, 'ground-truth.json'));
  if (!truth) return undefined;
  return { name, splitCjk, timezone, docs: pagesFrom(truth, (id) => join(dir, 'html', `${id}.html.gz`), 'dev') };
}

/** corpus/<lang>: undefined while it has no truth file or no page yet. */
export function loadOwnCorpus(root: string, lang: 'en' | 'en-wide' | 'zh' | 'multi', timezone: string | undefined): Corpus | undefined {
  const dir = join(root, 'corpus', lang);
  const truth = readJson<Record<string, Truth>>(join(dir, 'truth.json'));
  if (!truth) return undefined;
  // A page without a split label is held out: it must not be tuned against by accident.
  const docs = pagesFrom(truth, (id) => join(dir, 'pages', `${id}.html.gz`), 'heldout');
  if (!docs.length) return undefined;
  // multi holds Japanese and Korean pages too: CJK characters are tokens there (no effect on Latin-script text).
  return { name: `corpus/${lang}`, splitCjk: !lang.startsWith('en'), timezone, instantTruth: lang === 'multi', docs };
}

interface FixtureExpectation extends Truth {
  timezone?: string;
  now?: string;
  body?: string;
}

export function loadFixtures(dir: string): Corpus | undefined {
  if (!existsSync(dir)) return undefined;
  const docs: Doc[] = [];
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.json')).sort()) {
    const htmlFile = join(dir, f.replace(/\.json$/, '.html'));
    const exp = readJson<FixtureExpectation>(join(dir, f));
    if (!exp || !existsSync(htmlFile)) continue;
    docs.push({
      id: f.replace(/\.json$/, ''),
      html: readFileSync(htmlFile, 'utf8'),
      url: exp.url ?? 'http://unknown.invalid/',
      truth: { ...exp, articleBody: exp.body ?? exp.articleBody },
      split: 'dev',
      timezone: exp.timezone,
      now: exp.now,
    });
  }
  return docs.length ? { name: 'fixtures', splitCjk: true, docs } : undefined;
}

/** Every set `npm run eval` scores, in its order: ../shared/extraction's two, corpus/en, en-wide, zh and multi, the fixtures. */
export const ALL_SET_NAMES = ['scrapinghub-dev', 'zh-dev', 'corpus/en', 'corpus/en-wide', 'corpus/zh', 'corpus/multi', 'fixtures'] as const;

/** Loads every set found (the eval and snapshot-outputs read the same list); `missing` names those not found. */
export function loadAllCorpora(root: string, shared: string, timezone: string | undefined): { corpora: Corpus[]; missing: string[] } {
  const corpora = [
    loadShared(shared, 'scrapinghub-dev', false, timezone),
    loadShared(shared, 'zh-dev', true, timezone),
    loadOwnCorpus(root, 'en', timezone),
    loadOwnCorpus(root, 'en-wide', timezone),
    loadOwnCorpus(root, 'zh', timezone),
    loadOwnCorpus(root, 'multi', timezone),
    loadFixtures(join(root, 'test/fixtures/extract')),
  ].filter((c): c is Corpus => c !== undefined);
  return { corpora, missing: ALL_SET_NAMES.filter((n) => !corpora.some((c) => c.name === n)) };
}
