/**
 * Keeping an archive healthy: per-source field fill-rates of the articles a run stores, extraction drift
 * against the source's last runs, and pages that are bot walls or challenges rather than articles.
 */
import iconv from 'iconv-lite';
import type { SourceConfig } from '../config/index.js';
import type { Article } from '../extract/index.js';
import { decodeHtml, type FetchResult } from '../fetch/index.js';
import type { FinishResult, FrontierEntry } from '../frontier/index.js';
import type { Logger } from '../util/logger.js';
import { retryAfterFailure } from './revisitPolicy.js';
import type { RunRegistry } from './runs.js';
import { bump, type RunSummary } from './summary.js';

/** The fields whose fill-rate a run report gives per source. `source` is the outlet the page names (publisher / 来源). */
export const FILL_FIELDS = ['title', 'publishedAt', 'author', 'source', 'body'] as const;
export type FillField = (typeof FILL_FIELDS)[number];
/** The fields whose fall is reported as extraction drift. */
export const DRIFT_FIELDS: readonly FillField[] = ['title', 'publishedAt', 'body'];
/** A body shorter than this does not count as filled. */
export const MIN_BODY_CHARS = 200;
/** Completed runs whose fill-rates make a source's baseline (their median). */
export const DRIFT_BASELINE_RUNS = 5;

export interface SourceHealth {
  /** Article pages of the source that reached the store this run (new, changed or unchanged). */
  fetched: number;
  /** Of those, the ones stored as a new snapshot or a new version. */
  stored: number;
  /** How many stored articles had each field (a title shared by several articles of the run counts as missing: a generic one). */
  filled: Record<FillField, number>;
  /** filled / stored, rounded to 3 decimals (1 when nothing was stored). */
  fill: Record<FillField, number>;
}

export interface DriftFinding {
  source: string;
  field: FillField;
  /** Median fill-rate of the source's last completed runs. */
  before: number;
  now: number;
}

export interface BlockedExample {
  url: string;
  status: number;
  marker: string;
}

const noneFilled = (): Record<FillField, number> => ({ title: 0, publishedAt: 0, author: 0, source: 0, body: 0 });
const round3 = (n: number) => Math.round(n * 1000) / 1000;

/** What keeps per-source health: an embedded run's summary, or a shared-crawl worker's (its share of the run). */
export interface HealthHolder {
  perSource?: Record<string, SourceHealth>;
}

/** Titles seen per source in this process's part of a run (in memory only: a generic title is one shared by articles). */
const titlesSeen = new WeakMap<HealthHolder, Map<string, Map<string, number>>>();

/** Which fields of an article count as filled (the title before the run-wide check that it is not a generic one). */
export function filledFields(article: Pick<Article, 'title' | 'publishedAt' | 'author' | 'publisher' | 'body'>): FillField[] {
  const has = (v: string | undefined | null) => typeof v === 'string' && v.trim() !== '';
  const out: FillField[] = [];
  if (has(article.title)) out.push('title');
  if (has(article.publishedAt)) out.push('publishedAt');
  if (has(article.author)) out.push('author');
  if (has(article.publisher)) out.push('source');
  if ((article.body ?? '').trim().length >= MIN_BODY_CHARS) out.push('body');
  return out;
}

/** One article stored in a run, as a shared run's report counts it (worker-report.ts). */
export interface StoredArticleFill {
  source: string;
  filled: readonly FillField[];
  /** A key of its trimmed title (equal titles, equal keys), or null without a title. */
  title: string | null;
}

/**
 * Per-source health of a whole run from every article it stored (any order) and how many article pages of each
 * source reached the store: the same figures recordArticleHealth keeps page by page, a title shared by several
 * stored articles of the source counting as missing.
 */
export function healthOf(stored: Iterable<StoredArticleFill>, fetchedBySource: ReadonlyMap<string, number>): Record<string, SourceHealth> {
  const out: Record<string, SourceHealth> = {};
  const titles = new Map<string, Map<string, number>>();
  const entry = (source: string) => (out[source] ??= { fetched: 0, stored: 0, filled: noneFilled(), fill: noneFilled() });
  for (const a of stored) {
    const h = entry(a.source);
    h.stored++;
    for (const f of a.filled) if (f !== 'title') h.filled[f]++;
    if (a.title !== null && a.filled.includes('title')) {
      let bySource = titles.get(a.source);
      if (!bySource) titles.set(a.source, (bySource = new Map()));
      bySource.set(a.title, (bySource.get(a.title) ?? 0) + 1);
    }
  }
  for (const [source, counts] of titles) entry(source).filled.title = [...counts.values()].filter((n) => n === 1).length;
  for (const [source, n] of fetchedBySource) entry(source).fetched = n;
  // As recordArticleHealth leaves them: rates of the stored articles, zeros when none was stored.
  for (const h of Object.values(out)) if (h.stored > 0) for (const f of FILL_FIELDS) h.fill[f] = round3(h.filled[f] / h.stored);
  return out;
}

/** Counts one article the store accepted; called right after the snapshot write. */
export function recordArticleHealth(summary: HealthHolder, source: string, article: Article, status: 'new' | 'changed' | 'unchanged'): void {
  const perSource = (summary.perSource ??= {});
  const h = (perSource[source] ??= { fetched: 0, stored: 0, filled: noneFilled(), fill: noneFilled() });
  h.fetched++;
  if (status === 'unchanged') return;
  h.stored++;
  const has = (v: string | undefined | null) => typeof v === 'string' && v.trim() !== '';
  if (has(article.publishedAt)) h.filled.publishedAt++;
  if (has(article.author)) h.filled.author++;
  if (has(article.publisher)) h.filled.source++;
  if ((article.body ?? '').trim().length >= MIN_BODY_CHARS) h.filled.body++;
  if (has(article.title)) {
    let bySource = titlesSeen.get(summary);
    if (!bySource) titlesSeen.set(summary, (bySource = new Map()));
    let titles = bySource.get(source);
    if (!titles) bySource.set(source, (titles = new Map()));
    const title = article.title!.trim();
    const seen = (titles.get(title) ?? 0) + 1;
    titles.set(title, seen);
    if (seen === 1) h.filled.title++;
    else if (seen === 2) h.filled.title--; // the first one was a generic title too
  }
  for (const f of FILL_FIELDS) h.fill[f] = round3(h.filled[f] / h.stored);
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * Compares each source's fill-rates with the median of its last completed runs (those that stored at least
 * `health.minArticles` of its articles): a fall of more than `health.driftMargin` is drift, put in
 * summary.drift and logged as a warning. Needs as many stored articles this run.
 */
export function detectDrift(summary: RunSummary, runs: RunRegistry, sources: SourceConfig[], log: Logger): DriftFinding[] {
  return detectDriftAgainst(summary, runs.completedSummaries(summary.runId, 200), sources, log);
}

/** detectDrift against `history`: the summaries of the completed runs before this one, newest first. */
export function detectDriftAgainst(summary: RunSummary, history: readonly unknown[], sources: SourceConfig[], log: Logger): DriftFinding[] {
  const findings: DriftFinding[] = [];
  for (const source of sources) {
    const now = summary.perSource?.[source.name];
    const { driftMargin, minArticles } = source.health;
    if (!now || now.stored < minArticles) continue;
    const past: Record<FillField, number>[] = [];
    for (const run of history) {
      const h = (run as Partial<RunSummary> | null)?.perSource?.[source.name];
      if (h && h.stored >= minArticles && h.fill) past.push(h.fill);
      if (past.length >= DRIFT_BASELINE_RUNS) break;
    }
    if (past.length === 0) continue;
    for (const field of DRIFT_FIELDS) {
      const before = round3(median(past.map((f) => f[field] ?? 0)));
      const rate = now.fill[field];
      if (before - rate > driftMargin) {
        findings.push({ source: source.name, field, before, now: rate });
        log.warn(
          { source: source.name, field, before, now: rate },
          `extraction drift on source ${source.name}: ${field} ${before.toFixed(2)} → ${rate.toFixed(2)}; the site may have been redesigned`,
        );
      }
    }
  }
  summary.drift = findings;
  return findings;
}

/** Markers of challenge pages and bot walls (Cloudflare, PerimeterX, DataDome, Akamai, Chinese slider checks). */
const STRONG_MARKERS: [RegExp, string][] = [
  [/cf-chl|cf_chl_|_cf_chl_opt/i, 'cf-chl'],
  [/<title>\s*Just a moment\.\.\.\s*<\/title>/i, 'Just a moment...'],
  [/Attention Required! \| Cloudflare/i, 'cloudflare-attention'],
  [/px-captcha|_pxCaptcha|captcha\.px-cdn/i, 'px-captcha'],
  [/captcha-delivery\.com|geo\.captcha-delivery/i, 'datadome'],
  [/Pardon Our Interruption/i, 'pardon-our-interruption'],
  [/安全验证/, '安全验证'],
  [/滑动验证|拖动滑块|请完成验证/, '滑动验证'],
];
/**
 * Markers that ordinary pages carry too (Cloudflare injects challenge-platform scripts into normal pages, comment
 * forms embed reCAPTCHA): on a 2xx page they only count when there is almost no text.
 */
const WEAK_MARKERS: [RegExp, string][] = [
  [/\/cdn-cgi\/challenge-platform\//i, 'challenge-platform'],
  [/g-recaptcha|h-captcha|hcaptcha\.com|recaptcha\/api|cf-turnstile/i, 'captcha'],
  [/captcha/i, 'captcha'],
];
/** A 2xx page is only judged a challenge when its visible text is this short (articles mention "captcha" too). */
const TINY_TEXT_CHARS = 1500;
const NO_TEXT_CHARS = 300;
const CHALLENGE_STATUSES = new Set([401, 403, 429, 503]);

const visibleText = (html: string) =>
  html
    .replace(/<(script|style|noscript|template)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&[a-z#0-9]+;/gi, ' ')
    .replace(/\s+/g, '');

/**
 * The non-ASCII parts of the markers as bytes in the encodings a page can decode to them from (UTF-8 and GBK/GB18030;
 * Big5 has no simplified characters): every marker above contains one of these words.
 */
const MARKER_WORDS = ['验证', '拖动滑块'];
const MARKER_BYTES = MARKER_WORDS.flatMap((w) => [Buffer.from(w, 'utf8'), iconv.encode(w, 'gbk')]);
const ASCII_MARKER = /cf-chl|cf_chl_|just a moment|cloudflare|px-captcha|_pxcaptcha|captcha|pardon our interruption|challenge-platform|h-captcha|cf-turnstile/i;

/**
 * Whether the page's bytes can hold any marker, judged without decoding them (most pages carry none, and
 * decoding 256 KB per page cost more than the rest of the check): ASCII markers are found in the bytes read as
 * Latin-1, which any ASCII-compatible encoding keeps; the Chinese ones by their encoded bytes. UTF-16/32 pages
 * (a BOM, or NUL bytes) keep no such byte forms and always take the full check. A false "maybe" only costs
 * the full check; a "no" is exact.
 */
function mayCarryMarker(head: Buffer): boolean {
  if (head.includes(0) || (head[0] === 0xfe && head[1] === 0xff) || (head[0] === 0xff && head[1] === 0xfe)) return true;
  if (ASCII_MARKER.test(head.toString('latin1'))) return true;
  return MARKER_BYTES.some((b) => head.includes(b));
}

/**
 * The challenge marker a fetched page shows, or null: a 2xx HTML page with little visible text carrying a
 * known challenge or captcha marker, or a 401/403/429/503 whose body carries one (a challenge script).
 */
export function detectChallenge(result: Pick<FetchResult, 'status' | 'headers' | 'body'>): string | null {
  const contentType = result.headers['content-type'];
  const ok = result.status >= 200 && result.status < 300;
  if (!ok && !CHALLENGE_STATUSES.has(result.status)) return null;
  if (contentType && !/html/i.test(contentType)) return null;
  if (result.body.length === 0) return null;
  const head = result.body.subarray(0, 256 * 1024);
  if (!mayCarryMarker(head)) return null;
  let html: string;
  try {
    html = decodeHtml(head, contentType).text;
  } catch {
    html = head.toString('latin1');
  }
  const strong = STRONG_MARKERS.find(([re]) => re.test(html));
  const found = strong ?? WEAK_MARKERS.find(([re]) => re.test(html));
  if (!found) return null;
  if (!ok) return found[1];
  return visibleText(html).length < (strong ? TINY_TEXT_CHARS : NO_TEXT_CHARS) ? found[1] : null;
}

const BLOCKED_EXAMPLES = 5;

/** A challenge page: counted as failed `blocked` (with a few examples), never stored, retried like a failure. Returns the row's result. */
export function recordBlocked(d: { summary: RunSummary; logger: Logger }, entry: FrontierEntry, status: number, marker: string): FinishResult {
  bump(d.summary.failed, 'blocked');
  bump(d.summary.perHostErrors, entry.host);
  const examples = (d.summary.blockedExamples ??= []);
  if (examples.length < BLOCKED_EXAMPLES) examples.push({ url: entry.url, status, marker });
  d.logger.warn({ url: entry.url, status, marker }, 'blocked: the site answered with a challenge or bot wall; will retry later');
  return { state: 'failed', outcome: 'blocked', status, error: `challenge page (${marker})`, nextRevisitAt: retryAfterFailure(entry) };
}
