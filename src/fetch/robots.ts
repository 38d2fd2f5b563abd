import robotsParserModule from 'robots-parser';
import type { StoreDatabase } from '../storage/database.js';
import { robotsCacheStatements, type RobotsCacheRow } from '../storage/sqlite/robots-queries.js';
import { FetchError } from '../util/errors.js';
import { silentLogger, type Logger } from '../util/logger.js';
import type { HttpFetcher } from './http.js';
import { PrivateAccess } from './privateAccess.js';
import type { RobotsVerdict } from './types.js';

// The package is CommonJS (`module.exports = fn`) but its typings declare `export default fn`,
// so under NodeNext the default import is the function at runtime while TS types it as the module.
const robotsParser = robotsParserModule as unknown as typeof robotsParserModule.default;
type RobotsRules = ReturnType<typeof robotsParser>;

/** The verdict reason when the SSRF guard refused the origin's address. */
const BLOCKED_REASON = 'unreachable (blocked-address)';

export interface RobotsCacheOptions {
  db: StoreDatabase;
  fetcher: HttpFetcher;
  /** Our User-Agent; its product token (e.g. `snapcrawl`) is matched against robots.txt groups. */
  userAgent: string;
  logger?: Logger;
  /** How long a fetched robots.txt (2xx or 4xx) is trusted. Default 24 h. */
  ttlMs?: number;
  /** How long "unreachable, disallow all" holds before we try again. Default 10 min. */
  failureRetryMs?: number;
  /** Whole-fetch deadline for robots.txt. Default 10 s. */
  timeoutMs?: number;
}

/** What one robots.txt fetch means for its origin. */
type Outcome = 'rules' | 'allow-all' | 'disallow-all';

interface RobotsEntry {
  origin: string;
  robotsUrl: string;
  outcome: Outcome;
  reason: string;
  status: number | null;
  fetchedAt: number;
  expiresAt: number;
  /** robots.txt text, kept only for outcome 'rules'. */
  body: string | null;
  rules?: RobotsRules;
}

type RobotsRow = RobotsCacheRow;

/** RFC 9309: parse at least the first 500 KiB. */
const ROBOTS_MAX_BYTES = 512 * 1024;
const ROBOTS_MAX_REDIRECTS = 5;

/** scheme://host[:port] of an http(s) URL: the unit robots.txt applies to. */
function originOf(url: string): string {
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    parsed = undefined;
  }
  if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) {
    throw new FetchError('robots.txt applies only to http(s) URLs', url, 'invalid-url');
  }
  return parsed.origin;
}

/**
 * The product token robots.txt groups are matched on: the first product of the User-Agent
 * (`snapcrawl/0.1 (+…)` → `snapcrawl`), or the `compatible; name/x` product inside a
 * browser-style string.
 */
export function productToken(userAgent: string): string {
  const compatible = /compatible;\s*([A-Za-z_-]+)/i.exec(userAgent);
  if (/^mozilla\//i.test(userAgent) && compatible) return compatible[1].toLowerCase();
  const first = /^[A-Za-z_-]+/.exec(userAgent.trim());
  return (first?.[0] ?? '*').toLowerCase();
}

/**
 * robots.txt per origin (RFC 9309), cached in memory for the run and in the store's
 * `robots_cache` table across runs. Concurrent checks for one origin share one fetch.
 */
export class RobotsCache {
  private readonly db: StoreDatabase;
  private readonly fetcher: HttpFetcher;
  private readonly token: string;
  private readonly logger: Logger;
  private readonly ttlMs: number;
  private readonly failureRetryMs: number;
  private readonly timeoutMs: number;
  private readonly entries = new Map<string, RobotsEntry>();
  private readonly sql: ReturnType<typeof robotsCacheStatements>;
  private readonly inFlight = new Map<string, Promise<RobotsEntry>>();

  constructor(options: RobotsCacheOptions) {
    this.db = options.db;
    this.fetcher = options.fetcher;
    this.token = productToken(options.userAgent);
    this.logger = options.logger ?? silentLogger;
    this.ttlMs = options.ttlMs ?? 24 * 60 * 60 * 1000;
    this.failureRetryMs = options.failureRetryMs ?? 10 * 60 * 1000;
    this.timeoutMs = options.timeoutMs ?? 10_000;
    // The table is the store's (openStoreDatabase migrates it); the statements are prepared once.
    this.sql = robotsCacheStatements(this.db);
  }

  /**
   * May we fetch `url`? Fetches (or reuses) robots.txt of its origin. `privateAccess` is the caller's
   * policy: robots.txt may be fetched from a private address only when it opens that origin's endpoint
   * (and a robots.txt redirect only to endpoints it opens).
   */
  async check(url: string, options: { privateAccess?: PrivateAccess } = {}): Promise<RobotsVerdict> {
    const entry = await this.entryFor(originOf(url), options.privateAccess ?? PrivateAccess.NONE);
    const verdict: RobotsVerdict = { allowed: entry.outcome !== 'disallow-all', robotsUrl: entry.robotsUrl, reason: entry.reason };
    if (entry.rules) {
      // undefined means "URL not on this robots.txt's origin", which cannot happen here.
      verdict.allowed = entry.rules.isAllowed(url, this.token) ?? true;
      const delay = entry.rules.getCrawlDelay(this.token);
      if (delay !== undefined && Number.isFinite(delay) && delay >= 0) verdict.crawlDelaySec = delay;
    }
    return verdict;
  }

  /** Sitemap URLs listed in the origin's robots.txt; empty until check() has loaded it this run. */
  sitemaps(origin: string): string[] {
    return this.entries.get(originOf(origin))?.rules?.getSitemaps() ?? [];
  }

  /** Whether a verdict only reflects the SSRF guard refusing the origin's address. */
  static isBlockedAddress(verdict: RobotsVerdict): boolean {
    return verdict.reason === BLOCKED_REASON;
  }

  private entryFor(origin: string, access: PrivateAccess): Promise<RobotsEntry> {
    const allowPrivate = access.allowsUrl(origin);
    const cached = this.entries.get(origin);
    // A guard refusal holds only for callers whose policy does not open this origin; one that opens it loads for itself.
    // (Rules loaded under a wider policy are reused as they are: the fetch itself is still guarded per endpoint.)
    const usable = cached && cached.expiresAt > Date.now() && !(allowPrivate && cached.reason === BLOCKED_REASON);
    if (usable) return Promise.resolve(cached);
    const key = `${access.toString()} ${origin}`;
    const pending = this.inFlight.get(key);
    if (pending) return pending;
    const loading = this.load(origin, access).finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, loading);
    return loading;
  }

  private async load(origin: string, access: PrivateAccess): Promise<RobotsEntry> {
    const row: RobotsRow | undefined = this.sql.get.get(origin);
    let entry: RobotsEntry;
    if (row && row.expires_at > Date.now()) {
      entry = this.withRules({
        origin, robotsUrl: row.robots_url, outcome: row.outcome, reason: row.reason, status: row.status,
        fetchedAt: row.fetched_at, expiresAt: row.expires_at, body: row.body,
      });
    } else {
      entry = this.withRules(await this.fetchEntry(origin, access));
      // A refusal by our own SSRF guard says nothing about the origin: keep it out of the shared cache,
      // so a later run that allows private addresses is not blocked by it.
      if (entry.reason === BLOCKED_REASON) {
        this.entries.set(origin, entry);
        return entry;
      }
      this.sql.put
        .run({
          origin: entry.origin, robotsUrl: entry.robotsUrl, fetchedAt: entry.fetchedAt, expiresAt: entry.expiresAt,
          status: entry.status, outcome: entry.outcome, reason: entry.reason, body: entry.body,
        });
    }
    this.entries.set(origin, entry);
    return entry;
  }

  private withRules(entry: RobotsEntry): RobotsEntry {
    if (entry.outcome === 'rules') entry.rules = robotsParser(entry.robotsUrl, entry.body ?? '');
    return entry;
  }

  /** Fetches robots.txt and maps the result to an outcome per RFC 9309 §2.3.1. */
  private async fetchEntry(origin: string, access: PrivateAccess): Promise<RobotsEntry> {
    const robotsUrl = `${origin}/robots.txt`;
    const now = Date.now();
    const entry = (outcome: Outcome, reason: string, status: number | null, body: string | null = null): RobotsEntry => ({
      origin, robotsUrl, outcome, reason, status, body, fetchedAt: now,
      // Failures are retried soon so a briefly-down server does not block the origin all day.
      expiresAt: now + (outcome === 'disallow-all' ? this.failureRetryMs : this.ttlMs),
    });
    try {
      const result = await this.fetcher.fetch(robotsUrl, {
        maxRedirects: ROBOTS_MAX_REDIRECTS,
        retries: 0,
        maxBytes: ROBOTS_MAX_BYTES,
        totalTimeoutMs: this.timeoutMs,
        privateAccess: access,
      });
      const { status } = result;
      if (status >= 200 && status < 300) return entry('rules', 'rules', status, result.body.toString('utf8').replace(/^\uFEFF/, ''));
      // 429 is rate limiting, not "no robots.txt": treat it like a server error.
      if (status === 429 || status >= 500) return entry('disallow-all', `unreachable (${status})`, status);
      if (status >= 400) return entry('allow-all', `no-robots (${status})`, status);
      // A 3xx without Location, or anything else odd: RFC 9309 treats it as unavailable.
      return entry('allow-all', `no-robots (${status})`, status);
    } catch (err) {
      if (!(err instanceof FetchError)) throw err;
      this.logger.debug({ robotsUrl, kind: err.kind, err: err.message }, 'robots.txt unreachable');
      // More than 5 redirects (or a loop) means robots.txt is unavailable: allow (RFC 9309 §2.3.1.2).
      if (err.kind === 'too-many-redirects' || err.kind === 'redirect-loop') return entry('allow-all', `no-robots (${err.kind})`, err.status ?? null);
      return entry('disallow-all', err.kind === 'blocked-address' ? BLOCKED_REASON : `unreachable (${err.kind})`, err.status ?? null);
    }
  }
}
