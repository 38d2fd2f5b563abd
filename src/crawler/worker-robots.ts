import robotsParserModule from 'robots-parser';
import { productToken, type HttpFetcher, type PrivateAccess, type RobotsVerdict } from '../fetch/index.js';
import type { FrontierStore } from '../storage/interfaces.js';
import { FetchError } from '../util/errors.js';

// CommonJS package typed as an ES default export (see src/fetch/robots.ts).
const robotsParser = robotsParserModule as unknown as typeof robotsParserModule.default;
type RobotsRules = ReturnType<typeof robotsParser>;

/** The verdict reason when our own SSRF guard refused the origin's address (same text as RobotsCache). */
export const BLOCKED_REASON = 'unreachable (blocked-address)';
const ROBOTS_MAX_BYTES = 512 * 1024;
const TTL_MS = 24 * 60 * 60 * 1000;
const FAILURE_RETRY_MS = 10 * 60 * 1000;
/** First line of a cached body: how the fetch went, so every worker reads the same outcome back (RFC 9309 §2.3.1). */
const HEADER = /^# snapcrawl-robots: (rules|allow-all|disallow-all) (.*)\n/;

type Outcome = 'rules' | 'allow-all' | 'disallow-all';

interface Entry {
  robotsUrl: string;
  outcome: Outcome;
  reason: string;
  rules: RobotsRules | null;
  expiresAt: number;
}

/** A verdict, and whether answering it took a request to the origin (that request used the lease's pacing slot). */
export interface SharedRobotsVerdict extends RobotsVerdict {
  fetchedNow: boolean;
  /** When the robots.txt request went out (fetchedNow only): the start a pacing check or log must use. */
  requestStartedAt?: number;
  /**
   * No answer: robots.txt had to be fetched and `startBy` had passed before the request could go out (the cache look-up
   * before it was slow); nothing was requested. The caller books a new start and asks again.
   */
  late?: boolean;
}

export interface RobotsCheckOptions {
  /** Latest time a robots.txt request may start (the booked slot plus its slack); none: any time. */
  startBy?: number;
}

type Loaded = { entry: Entry; fetched: boolean; startedAt?: number } | { late: true };

/**
 * robots.txt per origin for workers: cached in this process and in the FrontierStore's robots cache, so one fetch
 * per origin serves every worker of the crawl until it expires. Same outcomes as RobotsCache (2xx rules, 4xx allow,
 * 5xx/429/unreachable disallow for a while), without its SQLite table.
 */
export class SharedRobots {
  private readonly entries = new Map<string, Entry>();
  private readonly loading = new Map<string, Promise<Loaded>>();
  private readonly token: string;

  constructor(private readonly frontier: FrontierStore, private readonly fetcher: HttpFetcher, userAgent: string) {
    this.token = productToken(userAgent);
  }

  /** Whether `origin`'s robots.txt is known without a request (this process or the shared cache). */
  async known(origin: string, now = Date.now()): Promise<boolean> {
    const cached = this.entries.get(origin);
    if (cached && cached.expiresAt > now) return true;
    const body = await this.frontier.robots(origin, now);
    if (body === null) return false;
    this.entries.set(origin, parseCached(origin, body, now));
    return true;
  }

  async check(url: string, privateAccess: PrivateAccess, opts: RobotsCheckOptions = {}): Promise<SharedRobotsVerdict> {
    const origin = new URL(url).origin;
    const loaded = await this.entryFor(origin, privateAccess, opts.startBy);
    if ('late' in loaded) return { allowed: false, robotsUrl: `${origin}/robots.txt`, reason: 'late for its slot', fetchedNow: false, late: true };
    const { entry, fetched } = loaded;
    const verdict: SharedRobotsVerdict = { allowed: entry.outcome !== 'disallow-all', robotsUrl: entry.robotsUrl, reason: entry.reason, fetchedNow: fetched };
    if (fetched && loaded.startedAt !== undefined) verdict.requestStartedAt = loaded.startedAt;
    if (entry.rules) {
      verdict.allowed = entry.rules.isAllowed(url, this.token) ?? true;
      const delay = entry.rules.getCrawlDelay(this.token);
      if (delay !== undefined && Number.isFinite(delay) && delay >= 0) verdict.crawlDelaySec = delay;
    }
    return verdict;
  }

  /** `Sitemap:` lines of an origin's robots.txt, once it is loaded. */
  sitemaps(origin: string): string[] {
    return this.entries.get(origin)?.rules?.getSitemaps() ?? [];
  }

  private async entryFor(origin: string, access: PrivateAccess, startBy: number | undefined): Promise<Loaded> {
    const now = Date.now();
    const cached = this.entries.get(origin);
    if (cached && cached.expiresAt > now && !(cached.reason === BLOCKED_REASON && access.allowsUrl(origin))) return { entry: cached, fetched: false };
    const key = `${access.toString()} ${origin}`;
    const joined = this.loading.get(key);
    // Another claim's load is under way: its request (if any) was paid for by that claim's slot, not this one's; a
    // load that came too late for its own slot answers nothing, and this caller asks again.
    if (joined) {
      const loaded = await joined;
      return 'late' in loaded ? this.entryFor(origin, access, startBy) : { entry: loaded.entry, fetched: false };
    }
    const pending = this.load(origin, access, startBy).finally(() => this.loading.delete(key));
    this.loading.set(key, pending);
    return pending;
  }

  private async load(origin: string, access: PrivateAccess, startBy: number | undefined): Promise<Loaded> {
    const now = Date.now();
    const body = await this.frontier.robots(origin, now);
    if (body !== null) {
      const entry = parseCached(origin, body, now);
      this.entries.set(origin, entry);
      return { entry, fetched: false };
    }
    // The shared-cache look-up can outlast the slot's slack on a busy machine: then the request does not go out.
    if (startBy !== undefined && Date.now() > startBy) return { late: true };
    const { entry, text, startedAt } = await this.fetch(origin, access);
    this.entries.set(origin, entry);
    // Our own guard's refusal says nothing about the origin: it stays out of the shared cache.
    if (entry.reason !== BLOCKED_REASON) await this.frontier.putRobots(origin, text, entry.expiresAt);
    return { entry, fetched: true, startedAt };
  }

  private async fetch(origin: string, access: PrivateAccess): Promise<{ entry: Entry; text: string; startedAt: number }> {
    const robotsUrl = `${origin}/robots.txt`;
    // Also when the request started: the caller's pacing log and checks use it.
    const now = Date.now();
    const make = (outcome: Outcome, reason: string, body = ''): { entry: Entry; text: string; startedAt: number } => {
      const expiresAt = now + (outcome === 'disallow-all' ? FAILURE_RETRY_MS : TTL_MS);
      return {
        entry: { robotsUrl, outcome, reason, expiresAt, rules: outcome === 'rules' ? robotsParser(robotsUrl, body) : null },
        text: `# snapcrawl-robots: ${outcome} ${reason}\n${body}`,
        startedAt: now,
      };
    };
    try {
      // One request, no retries: the lease that triggered it paid for exactly one request start to this host.
      const result = await this.fetcher.fetch(robotsUrl, { maxRedirects: 5, retries: 0, maxBytes: ROBOTS_MAX_BYTES, totalTimeoutMs: 10_000, privateAccess: access });
      const { status } = result;
      if (status >= 200 && status < 300) return make('rules', 'rules', result.body.toString('utf8').replace(/^\uFEFF/, ''));
      if (status === 429 || status >= 500) return make('disallow-all', `unreachable (${status})`);
      return make('allow-all', `no-robots (${status})`);
    } catch (err) {
      if (!(err instanceof FetchError)) throw err;
      if (err.kind === 'too-many-redirects' || err.kind === 'redirect-loop') return make('allow-all', `no-robots (${err.kind})`);
      return make('disallow-all', err.kind === 'blocked-address' ? BLOCKED_REASON : `unreachable (${err.kind})`);
    }
  }
}

/** A cached body back into an entry; a body without our header (written by another tool) is plain rules. */
function parseCached(origin: string, body: string, now: number): Entry {
  const robotsUrl = `${origin}/robots.txt`;
  const m = HEADER.exec(body);
  const outcome = (m?.[1] as Outcome | undefined) ?? 'rules';
  const text = m ? body.slice(m[0].length) : body;
  return {
    robotsUrl,
    outcome,
    reason: m?.[2] ?? 'rules',
    rules: outcome === 'rules' ? robotsParser(robotsUrl, text) : null,
    // The shared cache expires it; here it is trusted for a while, never beyond what a fresh fetch would get.
    expiresAt: now + (outcome === 'disallow-all' ? 60_000 : 10 * 60_000),
  };
}
