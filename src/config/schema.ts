import { Cron } from 'croner';
import { z } from 'zod';
import { parseEndpoint } from '../util/endpoint.js';
import { safePatternProblem } from './safePattern.js';

const DEFAULT_USER_AGENT = 'snapcrawl/0.1 (+https://github.com/snapcrawl/snapcrawl; archive crawler)';

/** A config regex: valid JavaScript and compilable by RE2, which matches it in linear time (no ReDoS). */
const regexString = z.string().min(1).superRefine((s, ctx) => {
  const problem = safePatternProblem(s);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

/** A cron expression croner accepts and that fires at all (`0 0 31 2 *` never does). */
const cronExpression = z.string().min(1).superRefine((expr, ctx) => {
  try {
    const job = new Cron(expr, { paused: true });
    const next = job.nextRun();
    job.stop();
    if (!next) ctx.addIssue({ code: 'custom', message: `cron expression "${expr}" never fires` });
  } catch (e) {
    ctx.addIssue({ code: 'custom', message: `is not a valid cron expression (croner syntax, e.g. "*/15 * * * *"): ${(e as Error).message}` });
  }
});

const httpUrl = z.string().refine(
  (s) => {
    try {
      const u = new URL(s);
      return u.protocol === 'http:' || u.protocol === 'https:';
    } catch {
      return false;
    }
  },
  { message: 'must be an absolute http(s) URL' },
);

/** An endpoint that may be private for a source: `host:port` or an http(s) origin. */
const privateEndpoint = z.string().refine((s) => parseEndpoint(s) !== undefined, {
  message: 'must be host:port (e.g. 10.0.0.5:8080) or an http(s) origin (e.g. http://intranet.example:8080)',
});

const timezone = z.string().refine(
  (tz) => {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  },
  { message: 'is not an IANA time zone (e.g. Asia/Shanghai)' },
);

/** A per-field extraction override: a CSS selector (text of the first match, or `attr`) or a regex over the page. */
export const fieldOverrideSchema = z.strictObject({
  selector: z.string().min(1).optional(),
  attr: z.string().min(1).optional(),
  regex: regexString.optional(),
});

export const politenessSchema = z.strictObject({
  delayMs: z.number().int().min(0).max(3_600_000).default(1000),
  perHostConcurrency: z.number().int().min(1).max(32).default(1),
});

/** A duration such as `90s`, `30m`, `6h`, `7d`, or a number of milliseconds. */
export const durationSchema = z.union([
  z.number().int().min(0),
  z.string().regex(/^\d+(ms|s|m|h|d)$/, 'use a duration like 30m, 6h or 7d'),
]).transform((v) => {
  if (typeof v === 'number') return v;
  const m = /^(\d+)(ms|s|m|h|d)$/.exec(v)!;
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2] as 'ms' | 's' | 'm' | 'h' | 'd'];
  return Number(m[1]) * unit;
});

/** Guards against spider traps (calendars, session ids, faceted search); each hit is counted in the run report. */
export const limitsSchema = z.strictObject({
  maxUrlLength: z.number().int().min(32).default(2048),
  /** The same path segment appearing more than this many times (`/a/b/a/b/a/b`). */
  maxRepeatedSegments: z.number().int().min(1).default(3),
  maxQueryParams: z.number().int().min(0).default(12),
  /** Distinct query strings seen for one path in a run before further variants are dropped. */
  maxQueryVariants: z.number().int().min(1).default(100),
  /**
   * Pages of one URL template (digits masked: `/calendar/#/#`, `?page=N`, `?offset=N`) a link may be found
   * through, each linking the next: calendars and endless pagination chain, articles found on listings do not.
   * Three times this many distinct URLs per template may come from two or more hops deep (src/crawler/trapGuard.ts).
   */
  maxTemplateChain: z.number().int().min(1).default(10),
});

/** How `render: browser`/`auto` pages are rendered. */
export const browserRenderSchema = z.strictObject({
  /** Wait for this CSS selector instead of network idle (for sites that fill the article late). */
  waitForSelector: z.string().min(1).optional(),
  /** Hard limit for one page in the browser. */
  timeLimitMs: z.number().int().min(1000).default(30_000),
  /** Longest wait for network idle after DOMContentLoaded. */
  networkIdleCapMs: z.number().int().min(0).default(5_000),
  /** Skip these resource types for speed (the page still renders). */
  blockResources: z.array(z.enum(['image', 'font', 'media'])).default([]),
  /** Full-page PNG screenshot kept with the snapshot. */
  screenshot: z.boolean().default(true),
});

/**
 * Page requisites of article snapshots: the images the extracted body references and the lead image
 * (og:image), fetched like pages (robots, politeness, the source's private-address scope) and archived
 * in the snapshot's WARC, so the snapshot site can show them without calling the original site.
 */
export const requisitesSchema = z.strictObject({
  /** On by default: an archive keeps an article's images (`images: false` keeps text and page only). */
  images: z.boolean().default(true),
  /** Images fetched per page; the rest are recorded as skipped (max-images). */
  maxImages: z.number().int().min(0).max(200).default(20),
  /** A larger image is cut off and recorded as failed (too-large), never archived. */
  maxBytesPerImage: z.number().int().min(1024).default(5 * 1024 * 1024),
  /** All of one page's images together; once spent, the rest are skipped (page-budget). */
  maxBytesPerPage: z.number().int().min(1024).default(20 * 1024 * 1024),
});

export const sourceSchema = z.strictObject({
  name: z.string().min(1).regex(/^[A-Za-z0-9_.-]+$/, 'use letters, digits, "_", "." or "-"'),
  seeds: z.array(httpUrl).default([]),
  feeds: z.array(httpUrl).default([]),
  sitemaps: z.array(httpUrl).default([]),
  include: z.array(regexString).default([]),
  exclude: z.array(regexString).default([]),
  articlePattern: regexString.optional(),
  maxDepth: z.number().int().min(0).max(100).default(3),
  maxPages: z.number().int().min(1).default(1000),
  maxPagesPerHost: z.number().int().min(1).optional(),
  limits: limitsSchema.prefault({}),
  /**
   * When a known article is due for a refetch: the n-th revisit waits revisit[n-1] after the last fetch;
   * past the end of the list it is never refetched. Seeds, feeds and sitemaps are fetched every run.
   */
  revisit: z.array(durationSchema).prefault(['1h', '6h', '24h', '7d']),
  /** A cron expression (croner syntax) for `snapcrawl schedule`, e.g. every 15 minutes. */
  schedule: cronExpression.optional(),
  politeness: politenessSchema.prefault({}),
  userAgent: z.string().min(1).optional(),
  timezone: timezone.default('UTC'),
  category: z.string().min(1).optional(),
  render: z.enum(['http', 'browser', 'auto']).default('http'),
  browser: browserRenderSchema.prefault({}),
  /** Opens private addresses for the endpoints (host:port) of this source's own seeds, feeds and sitemaps. */
  allowPrivate: z.boolean().default(false),
  /** Further endpoints this source may reach on private addresses (an intranet image or API server). */
  allowPrivateHosts: z.array(privateEndpoint).default([]),
  extract: z.record(z.string(), fieldOverrideSchema).optional(),
  requisites: requisitesSchema.prefault({}),
  /** Extraction drift: a title/publishedAt/body fill-rate falling more than driftMargin below the recent median is reported. */
  health: z
    .strictObject({
      driftMargin: z.number().min(0).max(1).default(0.2),
      /** Runs (this one and the baseline ones) that stored fewer of this source's articles are not compared. */
      minArticles: z.number().int().min(1).default(10),
    })
    .prefault({}),
  /** Retention (`snapcrawl prune`): keep the newest N versions of each article. */
  keepVersions: z.number().int().min(1).optional(),
  /** Retention (`snapcrawl prune`): drop versions older than N days (never an article's latest version). */
  keepDays: z.number().min(0).optional(),
});

export const fetchSchema = z.strictObject({
  connectTimeoutMs: z.number().int().min(100).default(10_000),
  headersTimeoutMs: z.number().int().min(100).default(15_000),
  bodyTimeoutMs: z.number().int().min(100).default(30_000),
  maxBytes: z.number().int().min(1024).default(10 * 1024 * 1024),
  maxRedirects: z.number().int().min(0).max(20).default(10),
  retries: z.number().int().min(0).max(10).default(3),
  /** Longest Retry-After waited inline; longer ones reschedule the URL. */
  maxRetryAfterMs: z.number().int().min(0).default(120_000),
  /** Hard deadline for one page's fetch, retries and body included (a server that drips bytes cannot hold a run). */
  totalTimeoutMs: z.number().int().min(500).default(120_000),
  /** Slowest body transfer accepted, averaged over lowSpeedWindowMs (0 turns it off): a drip-feeding server is cut off. */
  minBytesPerSecond: z.number().int().min(0).default(1024),
  lowSpeedWindowMs: z.number().int().min(1000).default(10_000),
  /** Longest a server's Retry-After may push a URL back (it is rescheduled no later than this). */
  maxRescheduleMs: z.number().int().min(60_000).default(86_400_000),
});

export const siteSchema = z.strictObject({
  title: z.string().default('snapcrawl snapshots'),
  locale: z.enum(['zh-CN', 'en']).default('en'),
  takedownContact: z.string().optional(),
});

/**
 * Why a shared-store URL is unusable, or null when it is fine. `frontier` takes redis://HOST:PORT/DB (DB a number,
 * 0 when absent); `index` takes postgres:// or postgresql:// with a database name. Anything else is refused here,
 * so a typo fails at load time with the field's path instead of as a connection error mid-crawl.
 */
export function sharedStoreUrlProblem(kind: 'frontier' | 'index', value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return kind === 'frontier' ? 'must be a URL like redis://127.0.0.1:6379/0' : 'must be a URL like postgres://user@127.0.0.1:5432/snapcrawl';
  }
  if (kind === 'frontier') {
    if (url.protocol !== 'redis:') return `only redis:// is supported for the frontier (got ${url.protocol}//)`;
    if (!url.hostname) return 'needs a host: redis://HOST:PORT/DB';
    const db = url.pathname.replace(/^\//, '');
    if (db !== '' && !/^\d{1,2}$/.test(db)) return `the Redis database must be a number (redis://HOST:PORT/0), not "${db}"`;
    return null;
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') return `only postgres:// or postgresql:// is supported for the index (got ${url.protocol}//)`;
  if (!url.hostname) return 'needs a host: postgres://USER@HOST:PORT/DBNAME';
  const name = decodeURIComponent(url.pathname.replace(/^\//, ''));
  if (name === '' || name.includes('/')) return 'needs a database name: postgres://USER@HOST:PORT/DBNAME';
  return null;
}

const sharedStoreUrl = (kind: 'frontier' | 'index') =>
  z.string().min(1).superRefine((s, ctx) => {
    const problem = sharedStoreUrlProblem(kind, s);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

export const configSchema = z
  .strictObject({
    store: z.string().min(1).default('snapshots'),
    /** Shared frontier for `crawl --worker` (redis://HOST:PORT/DB); absent: the store's SQLite database. */
    frontier: sharedStoreUrl('frontier').optional(),
    /** Shared snapshot index, runs, exclusions and search (postgres://…/DBNAME); absent: the store's SQLite database. */
    index: sharedStoreUrl('index').optional(),
    concurrency: z.number().int().min(1).max(256).default(8),
    /** Resident memory (MB) above which a crawl runs a full garbage collection (src/util/memoryBudget.ts); 0: never. */
    memoryBudgetMb: z.number().int().min(0).default(256),
    /** Global page budget per run across sources (on top of each source's maxPages). */
    maxPages: z.number().int().min(1).optional(),
    userAgent: z.string().min(1).default(DEFAULT_USER_AGENT),
    allowPrivate: z.boolean().default(false),
    fetch: fetchSchema.prefault({}),
    site: siteSchema.prefault({}),
    sources: z.array(sourceSchema).min(1, 'needs at least one source'),
  })
  .superRefine((cfg, ctx) => {
    const seen = new Set<string>();
    cfg.sources.forEach((s, i) => {
      if (seen.has(s.name)) ctx.addIssue({ code: 'custom', path: ['sources', i, 'name'], message: `duplicate source name "${s.name}"` });
      seen.add(s.name);
      if (s.seeds.length + s.feeds.length + s.sitemaps.length === 0)
        ctx.addIssue({ code: 'custom', path: ['sources', i, 'seeds'], message: 'a source needs at least one of seeds, feeds or sitemaps' });
    });
  });

export type SourceLimits = z.infer<typeof limitsSchema>;
export type RequisitesConfig = z.infer<typeof requisitesSchema>;
export type FieldOverride = z.infer<typeof fieldOverrideSchema>;
export type SourceConfig = z.infer<typeof sourceSchema>;
export type FetchConfig = z.infer<typeof fetchSchema>;
export type SiteConfig = z.infer<typeof siteSchema>;
export type CrawlConfig = z.infer<typeof configSchema>;
export type SourceInput = z.input<typeof sourceSchema>;
export type ConfigInput = z.input<typeof configSchema>;
export { DEFAULT_USER_AGENT };
