/**
 * Builds corpus/zh/ (pages/*.html.gz + truth.json) from fetched GitHub mirrors and
 * corpus/zh/manual-labels.json. Not run by CI; reproducible given the mirrors:
 *
 *   MIRRORS=/work/.mirror npx tsx scripts/corpus/build-zh.ts
 *
 * A mirror for "owner/name" is read from $MIRRORS/owner+name/repo (a bare-ish git dir; `git show`
 * works on it). Each label entry pins the commit and path of the page it came from.
 * - Page bytes are stored exactly as the source repository holds them (GBK stays GBK), gzip'd;
 *   samples an upstream keeps compressed (.html.gz / .html.xz) are stored decompressed.
 * - Title / publishedAt / author / source come only from manual-labels.json (labelled by reading the
 *   page's visible text; see corpus/README.md). Never from snapcrawl's extractor.
 * - articleBody comes from a dataset's own label (magic-html benchmark base.json `content`) or, for
 *   template pages, from manual-bodies.json (kept out of git) (read once from the article container by a
 *   one-off per-template script and checked by eye; label `manual-template`). Never from snapcrawl.
 * - Split: whole sites (registrable domain) go to one split, chosen deterministically by sha1 of the
 *   site (SPLIT_SALT, empty); about a third of all pages are held out, and every stratum (an origin, a
 *   non-UTF-8 encoding, pages whose declared charset contradicts their bytes) that spans more than
 *   one site appears in both splits (see assignSplits).
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';

interface LabelEntry {
  origin: string;
  repo: string;
  commit: string;
  path: string;
  url?: string;
  site?: string;
  title?: string;
  publishedAt?: string;
  author?: string;
  source?: string;
  articleBody?: string;
  labels?: Record<string, string>;
  skip?: boolean;
  note?: string;
  /**
   * Pages added after the first build carry their split: the rule below ran over the first 255 pages and
   * is kept for them (re-running it over more pages would move old sites between splits). A fixed split
   * must agree with the split of any earlier page of the same site (checked).
   */
  split?: 'dev' | 'heldout';
}

interface TruthEntry {
  url?: string;
  title?: string;
  publishedAt?: string;
  author?: string;
  source?: string;
  articleBody?: string;
  encoding: string;
  split: 'dev' | 'heldout';
  origin: string;
  labels?: Record<string, string>;
  skip?: true;
  note?: string;
}

const root = resolve(import.meta.dirname ?? __dirname, '../..');
const outDir = join(root, 'corpus/zh');
const mirrors = process.env.MIRRORS ?? '/work/.mirror';

function mirrorDir(repo: string): string {
  const base = join(mirrors, repo.replace('/', '+'), 'repo');
  return existsSync(join(base, '.git')) ? join(base, '.git') : base;
}

function gitShow(repo: string, commit: string, path: string): Buffer {
  return execFileSync('git', ['-C', mirrorDir(repo), 'show', `${commit}:${path}`], {
    maxBuffer: 64 * 1024 * 1024,
  });
}

/** Some sources keep their sample pages compressed (.html.gz / .html.xz): store the page itself. */
function pageBytes(e: LabelEntry): Buffer {
  const raw = gitShow(e.repo, e.commit, e.path);
  if (e.path.endsWith('.gz')) return gunzipSync(raw);
  if (e.path.endsWith('.xz')) return execFileSync('xz', ['-dc'], { input: raw, maxBuffer: 64 * 1024 * 1024 });
  return raw;
}

/**
 * What the bytes are: strict UTF-8 if that decodes; else the declared CJK charset if it decodes with
 * (almost) no replacement characters (a few stray bytes occur in real Big5 pages); else strict GBK,
 * then strict Big5.
 */
function detectEncoding(bytes: Buffer, declared: string | undefined): string {
  const strict = (label: string) => {
    try {
      new TextDecoder(label, { fatal: true }).decode(bytes);
      return true;
    } catch {
      return false;
    }
  };
  if (strict('utf-8')) return 'utf-8';
  const norm = (c: string) => (c === 'gb2312' || c === 'gb_2312-80' || c === 'x-gbk' ? 'gbk' : c === 'big5-hkscs' ? 'big5' : c);
  if (declared && declared !== 'utf-8') {
    const label = norm(declared);
    try {
      const text = new TextDecoder(label).decode(bytes);
      const bad = (text.match(/\uFFFD/g) ?? []).length;
      if (bad <= Math.max(2, text.length / 10000)) return label;
    } catch {
      /* unknown label */
    }
  }
  if (strict('gbk')) return 'gbk';
  if (strict('big5')) return 'big5';
  return 'gb18030';
}

/** The page's own declared charset: the first <meta charset> / http-equiv in the markup. */
function declaredCharset(bytes: Buffer): string | undefined {
  const head = bytes.subarray(0, 8192).toString('latin1');
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head);
  return m ? m[1].toLowerCase() : undefined;
}

const MULTI = /\.(com|net|org|gov|edu|co|ac)\.(cn|hk|tw|uk|jp)$/;
/** Domains of one publisher that must share a split. */
const SAME_SITE: Record<string, string> = {
  'xinhuanet.com': 'news.cn',
  'appledaily.com': 'appledaily.com.tw',
  'libertytimes.com.tw': 'ltn.com.tw',
};
function registrableDomain(host: string): string {
  const parts = host.toLowerCase().split('.');
  const n = MULTI.test(host.toLowerCase()) ? 3 : 2;
  const d = parts.slice(-n).join('.');
  return SAME_SITE[d] ?? d;
}

function siteOf(e: LabelEntry): string {
  const host = e.url ? new URL(e.url).hostname : e.site;
  if (!host) throw new Error(`no url or site for ${e.path}`);
  return registrableDomain(host);
}

/**
 * Salt of the split hash, part of the rule (corpus/README.md). Empty: plain sha1(site), the hash of the
 * first version, so that only the sites the strata rule needs moved between splits (a salt was
 * tried; it moved twice as many pages).
 */
const SPLIT_SALT = '';
const h = (s: string) => createHash('sha1').update(SPLIT_SALT + s).digest('hex');

/**
 * Whole sites go to one split; target: a third of all pages held out.
 * Strata: each origin, each non-UTF-8 encoding (`enc:gbk`, `enc:big5`) and `mismatch` (declared
 * charset contradicted by the bytes). In this order:
 * 1. An origin whose pages all come from one site cannot be in both splits; its site goes to dev.
 * 2. Every stratum that spans two or more sites gets one held-out and one dev site, taking its
 *    undecided sites with the fewest pages first (ties by hash); encoding strata first, then
 *    mismatch, then origins (alphabetical).
 * 3. The remaining sites, in hash order, are held out while the held-out total stays within the target.
 */
function assignSplits(entries: [string, LabelEntry][], strataOf: (id: string) => string[]): Map<string, 'dev' | 'heldout'> {
  const sitePages = new Map<string, number>();
  const strata = new Map<string, Set<string>>();
  const originSites = new Map<string, Set<string>>();
  const add = (m: Map<string, Set<string>>, k: string, site: string) => {
    const set = m.get(k) ?? new Set<string>();
    set.add(site);
    m.set(k, set);
  };
  for (const [id, e] of entries) {
    const site = siteOf(e);
    sitePages.set(site, (sitePages.get(site) ?? 0) + 1);
    add(originSites, e.origin, site);
    add(strata, `origin:${e.origin}`, site);
    for (const k of strataOf(id)) add(strata, k, site);
  }
  const byHash = (a: string, b: string) => h(a).localeCompare(h(b));
  const decided = new Map<string, 'dev' | 'heldout'>();
  const target = Math.round(entries.length / 3);
  let held = 0;
  const decide = (site: string, split: 'dev' | 'heldout') => {
    decided.set(site, split);
    if (split === 'heldout') held += sitePages.get(site)!;
  };
  for (const o of [...originSites.keys()].sort()) {
    const sites = [...originSites.get(o)!];
    if (sites.length === 1 && !decided.has(sites[0])) decide(sites[0], 'dev');
  }
  const rank = (k: string) => (k.startsWith('enc:') ? 0 : k === 'mismatch' ? 1 : 2);
  for (const k of [...strata.keys()].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))) {
    const sites = [...strata.get(k)!];
    if (sites.length < 2) continue;
    const has = (split: string) => sites.some((s) => decided.get(s) === split);
    const open = () => sites.filter((s) => !decided.has(s)).sort((a, b) => sitePages.get(a)! - sitePages.get(b)! || byHash(a, b));
    if (!has('heldout') && open().length) decide(open()[0], 'heldout');
    if (!has('dev') && open().length) decide(open()[0], 'dev');
  }
  for (const site of [...sitePages.keys()].sort(byHash)) {
    if (decided.has(site)) continue;
    decide(site, held + sitePages.get(site)! <= target ? 'heldout' : 'dev');
  }
  return decided;
}

function main(): void {
  const labels: Record<string, LabelEntry> = JSON.parse(
    readFileSync(join(outDir, 'manual-labels.json'), 'utf8'),
  );
  // Body text read off template pages stays beside the pages, out of git (it is the pages' own text);
  // the committed labels hold only our field labels.
  const bodiesFile = join(outDir, 'manual-bodies.json');
  if (existsSync(bodiesFile)) {
    const bodies: Record<string, string> = JSON.parse(readFileSync(bodiesFile, 'utf8'));
    for (const [id, body] of Object.entries(bodies)) if (labels[id]) labels[id].articleBody = body;
  }
  const entries = Object.entries(labels).sort(([a], [b]) => a.localeCompare(b));
  const bytesOf = new Map<string, Buffer>();
  const encodingOf = new Map<string, string>();
  const mismatchOf = new Map<string, boolean>();
  const gbLike = (c?: string) => c === 'gb2312' || c === 'gbk' || c === 'gb18030';
  for (const [id, e] of entries) {
    const bytes = pageBytes(e);
    const declared = declaredCharset(bytes);
    const encoding = detectEncoding(bytes, declared);
    bytesOf.set(id, bytes);
    encodingOf.set(id, encoding);
    mismatchOf.set(
      id,
      ((gbLike(declared) || declared === 'big5') && encoding === 'utf-8' && /[^\x00-\x7f]/.test(bytes.toString('latin1'))) ||
        (declared === 'utf-8' && encoding !== 'utf-8'),
    );
  }
  const strataOf = (id: string) => {
    const enc = encodingOf.get(id)!;
    const k = enc === 'utf-8' ? [] : [`enc:${enc === 'gb18030' ? 'gbk' : enc}`];
    return mismatchOf.get(id) ? [...k, 'mismatch'] : k;
  };
  const splits = assignSplits(
    entries.filter(([, e]) => !e.split),
    strataOf,
  );
  for (const [id, e] of entries) {
    if (!e.split) continue;
    const site = siteOf(e);
    const earlier = splits.get(site);
    if (earlier && earlier !== e.split) throw new Error(`${id}: split ${e.split} but site ${site} is ${earlier}`);
  }
  for (const [, e] of entries) if (e.split) splits.set(siteOf(e), e.split);

  // Dataset body labels (magic-html benchmark): base.json maps sha256 id -> { url, content }.
  const bodyCache = new Map<string, Record<string, { url: string; content: string }>>();
  const datasetBody = (e: LabelEntry): string | undefined => {
    if (e.origin !== 'magic-html') return undefined;
    const baseJson = e.path.replace(/htmls\/[^/]+\.html$/, 'base.json');
    const key = `${e.repo}@${e.commit}:${baseJson}`;
    if (!bodyCache.has(key)) bodyCache.set(key, JSON.parse(gitShow(e.repo, e.commit, baseJson).toString('utf8')));
    const id = e.path.replace(/^.*\/([0-9a-f]+)\.html$/, '$1');
    const content = bodyCache.get(key)![id]?.content;
    return content
      ?.split('\n')
      .map((l) => l.trim())
      .filter(Boolean)
      .join('\n');
  };

  const pagesDir = join(outDir, 'pages');
  if (existsSync(pagesDir)) for (const f of readdirSync(pagesDir)) rmSync(join(pagesDir, f));
  mkdirSync(pagesDir, { recursive: true });

  const truth: Record<string, TruthEntry> = {};
  for (const [id, e] of entries) {
    const bytes = bytesOf.get(id)!;
    writeFileSync(join(pagesDir, `${id}.html.gz`), gzipSync(bytes, { level: 9 }));
    const t: TruthEntry = {
      ...(e.url ? { url: e.url } : {}),
      ...(e.title ? { title: e.title } : {}),
      ...(e.publishedAt ? { publishedAt: e.publishedAt } : {}),
      ...(e.author ? { author: e.author } : {}),
      ...(e.source ? { source: e.source } : {}),
      encoding: encodingOf.get(id)!,
      split: splits.get(siteOf(e))!,
      origin: e.origin,
    };
    const body = e.articleBody ?? datasetBody(e);
    if (body) t.articleBody = body;
    if (e.labels) t.labels = e.labels;
    if (e.skip) t.skip = true;
    const declared = declaredCharset(bytes);
    const notes = e.note ? [e.note] : [];
    if (mismatchOf.get(id) && !notes.some((n) => n.includes('but the bytes are'))) {
      notes.push(`declares ${declared} but the bytes are ${t.encoding === 'utf-8' ? 'UTF-8' : t.encoding.toUpperCase()}`);
    }
    if (notes.length) t.note = notes.join('; ');
    truth[id] = t;
  }
  writeFileSync(join(outDir, 'truth.json'), JSON.stringify(truth, null, 1) + '\n');

  const count = (f: (t: TruthEntry) => boolean) => Object.values(truth).filter(f).length;
  console.log(`pages ${entries.length}; heldout ${count((t) => t.split === 'heldout')}`);
  for (const split of ['dev', 'heldout'] as const) {
    const enc: Record<string, number> = {};
    for (const t of Object.values(truth)) if (t.split === split) enc[t.encoding] = (enc[t.encoding] ?? 0) + 1;
    console.log(split, JSON.stringify(enc), 'mismatch', Object.entries(truth).filter(([id, t]) => t.split === split && mismatchOf.get(id)).length);
  }
}

main();
