import { setTimeout as sleep } from 'node:timers/promises';
import { Agent, type Dispatcher } from 'undici';
import { FetchError } from '../util/errors.js';
import { silentLogger, type Logger } from '../util/logger.js';
import { startDeadline } from './deadline.js';
import { discard, readCapped, type ResponseBody } from './http-body.js';
import { isRetryable, parseHttpUrl, parseRetryAfter, toFetchError } from './http-errors.js';
import { traceDuring, type AttemptTrace } from './http-trace.js';
import { PrivateAccess } from './privateAccess.js';
import { assertIpLiteralAllowed, guardedLookup } from './ssrf.js';
import type { FetchOptions, FetchResult, RedirectHop } from './types.js';

export { parseRetryAfter } from './http-errors.js';

export interface HttpFetcherOptions {
  userAgent: string;
  connectTimeoutMs?: number;
  headersTimeoutMs?: number;
  bodyTimeoutMs?: number;
  /** Body size cap; longer bodies are cut and marked truncated. Default 10 MB. */
  maxBytes?: number;
  maxRedirects?: number;
  /** Retries after the first attempt, for network errors, timeouts, 5xx and 429. */
  retries?: number;
  /** Longest Retry-After waited inline; longer ones throw FetchError 'retry-later'. */
  maxRetryAfterMs?: number;
  /** Latest a 'retry-later' may be rescheduled, however far off the server's Retry-After is. Default 1 day. */
  maxRescheduleMs?: number;
  /**
   * Default for requests that pass no `privateAccess`: true means every private/loopback address
   * (tests and tools only — the crawler passes a scoped PrivateAccess with every request).
   */
  allowPrivate?: boolean;
  /** Default private-address policy (overrides allowPrivate). */
  privateAccess?: PrivateAccess;
  logger?: Logger;
  /** Base of the exponential backoff (full jitter). */
  retryBaseDelayMs?: number;
  /** Hard deadline for one fetch, retries and redirects included (a plain timer, see deadline.ts). */
  totalTimeoutMs?: number;
  /** Slowest body transfer accepted, averaged over `lowSpeedWindowMs`: a drip-feeding server is cut off. */
  minBytesPerSecond?: number;
  lowSpeedWindowMs?: number;
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const DEFAULT_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
const MAX_BACKOFF_MS = 30_000;
/** Credentials must not follow a redirect to another origin. */
const ORIGIN_BOUND_HEADERS = ['authorization', 'cookie', 'proxy-authorization'];

/** Per-call settings, resolved once from FetchOptions and the fetcher defaults. */
interface RequestContext {
  /** As the caller gave it (errors carry this) … */
  requestedUrl: string;
  /** … and parsed, to tell whether a failure happened on a later hop. */
  startHref: string;
  origin: string;
  extraHeaders: Record<string, string>;
  signal?: AbortSignal;
  maxBytes: number;
  retries: number;
  /** Judged per hop: each redirect target's own host and port decide whether it may be private. */
  privateAccess: PrivateAccess;
  onRequestSent?: (url: URL) => void;
}

/** The final response of one hop, body read (or discarded for redirects): a FetchResult minus the chain. */
type HopResult = Omit<FetchResult, 'url' | 'finalUrl' | 'redirects' | 'fetchedAt'>;

interface SentRequest {
  status: number;
  statusText: string;
  headers: Record<string, string>;
  rawHeaders: [string, string][];
  requestHeaders: Record<string, string>;
  body: ResponseBody;
  trace: AttemptTrace;
}

/** GETs URLs with manual redirects, retries, a size cap and the SSRF guard; keeps exact bytes. */
export class HttpFetcher {
  private readonly settings: Required<Omit<HttpFetcherOptions, 'logger' | 'allowPrivate'>>;
  private readonly logger: Logger;
  private readonly guardedAgent: Agent;
  private openAgent?: Agent;

  constructor(options: HttpFetcherOptions) {
    this.settings = {
      userAgent: options.userAgent,
      connectTimeoutMs: options.connectTimeoutMs ?? 10_000,
      headersTimeoutMs: options.headersTimeoutMs ?? 15_000,
      bodyTimeoutMs: options.bodyTimeoutMs ?? 30_000,
      maxBytes: options.maxBytes ?? 10 * 1024 * 1024,
      maxRedirects: options.maxRedirects ?? 10,
      retries: options.retries ?? 3,
      maxRetryAfterMs: options.maxRetryAfterMs ?? 120_000,
      maxRescheduleMs: options.maxRescheduleMs ?? 86_400_000,
      privateAccess: options.privateAccess ?? PrivateAccess.from(options.allowPrivate),
      retryBaseDelayMs: options.retryBaseDelayMs ?? 500,
      totalTimeoutMs: options.totalTimeoutMs ?? Infinity,
      minBytesPerSecond: options.minBytesPerSecond ?? 1024,
      lowSpeedWindowMs: options.lowSpeedWindowMs ?? 10_000,
    };
    this.logger = options.logger ?? silentLogger;
    this.guardedAgent = this.createAgent(true);
  }

  get userAgent(): string {
    return this.settings.userAgent;
  }

  /**
   * Fetches `url`. Any final status (200, 404, 500 after retries…) is returned; network errors,
   * timeouts, redirect problems, refused addresses and long Retry-After throw FetchError.
   */
  async fetch(url: string, options: FetchOptions = {}): Promise<FetchResult> {
    const start = parseHttpUrl(url, url);
    const deadline = startDeadline(options.totalTimeoutMs ?? this.settings.totalTimeoutMs, options.signal);
    try {
      return await this.fetchChain(url, start, options, deadline.signal);
    } finally {
      deadline.clear();
    }
  }

  private async fetchChain(url: string, start: URL, options: FetchOptions, signal: AbortSignal): Promise<FetchResult> {
    const ctx: RequestContext = {
      requestedUrl: url,
      startHref: start.href,
      origin: start.origin,
      extraHeaders: lowerCaseKeys(options.headers ?? {}),
      signal,
      maxBytes: options.maxBytes ?? this.settings.maxBytes,
      retries: options.retries ?? this.settings.retries,
      privateAccess: options.privateAccess ?? this.settings.privateAccess,
      onRequestSent: options.onRequestSent,
    };
    const maxRedirects = options.maxRedirects ?? this.settings.maxRedirects;
    const redirects: RedirectHop[] = [];
    const visited = new Set([start.href]);
    let current = start;
    for (;;) {
      const hop = await this.fetchHop(current, ctx);
      const location = hop.headers.location;
      if (!REDIRECT_STATUSES.has(hop.status) || location === undefined) {
        return { url, finalUrl: current.href, fetchedAt: new Date(), redirects, ...hop };
      }
      let target: URL;
      try {
        target = parseHttpUrl(location, url, current);
      } catch (err) {
        throw new FetchError(`refusing redirect from ${current.href} to "${location}"`, url, 'invalid-url', { cause: err, status: hop.status });
      }
      redirects.push({ url: current.href, status: hop.status, location: target.href });
      if (visited.has(target.href)) {
        throw new FetchError(`redirect loop back to ${target.href}`, url, 'redirect-loop', { status: hop.status });
      }
      if (redirects.length > maxRedirects) {
        throw new FetchError(`more than ${maxRedirects} redirects`, url, 'too-many-redirects', { status: hop.status });
      }
      const refusal = await options.beforeRedirect?.(target.href);
      if (refusal) {
        throw new FetchError(`redirect to ${target.href} not followed: ${refusal}`, url, 'redirect-refused', { status: hop.status });
      }
      visited.add(target.href);
      current = target;
    }
  }

  /** Closes pooled connections; in-flight requests finish first. */
  async close(): Promise<void> {
    await Promise.all([this.guardedAgent.close(), this.openAgent?.close()]);
  }

  private createAgent(guarded: boolean): Agent {
    return new Agent({
      connect: guarded ? { timeout: this.settings.connectTimeoutMs, lookup: guardedLookup } : { timeout: this.settings.connectTimeoutMs },
      headersTimeout: this.settings.headersTimeoutMs,
      bodyTimeout: this.settings.bodyTimeoutMs,
    });
  }

  /**
   * Separate pools, so a connection opened without the guard is never reused by a guarded request
   * (undici pools per origin, and only origins the policy opens ever reach the open agent).
   */
  private agentFor(open: boolean): Agent {
    if (!open) return this.guardedAgent;
    this.openAgent ??= this.createAgent(false);
    return this.openAgent;
  }

  /** One URL, with retries; redirects are returned (body discarded), not followed. */
  private async fetchHop(url: URL, ctx: RequestContext): Promise<HopResult> {
    for (let attempt = 1; ; attempt++) {
      let delayMs: number;
      try {
        const sent = await this.sendOnce(url, ctx);
        const retryAfterMs = sent.status === 429 || sent.status === 503 ? parseRetryAfter(sent.headers['retry-after']) : undefined;
        if (retryAfterMs !== undefined && retryAfterMs > this.settings.maxRetryAfterMs) {
          await discard(sent.body);
          throw new FetchError(`server asked to come back in ${Math.ceil(retryAfterMs / 1000)} s`, ctx.requestedUrl, 'retry-later', {
            status: sent.status,
            retryAt: new Date(Date.now() + Math.min(retryAfterMs, this.settings.maxRescheduleMs)),
          });
        }
        const retryable = sent.status >= 500 || sent.status === 429;
        if (!retryable || attempt > ctx.retries) return { ...(await this.readBody(sent, ctx)), attempts: attempt };
        await discard(sent.body);
        delayMs = retryAfterMs ?? this.backoffMs(attempt);
        this.logger.debug({ url: url.href, status: sent.status, attempt, delayMs }, 'retrying after server error');
      } catch (err) {
        const error = toFetchError(err, ctx, url);
        if (!isRetryable(error, ctx.signal) || attempt > ctx.retries) throw error;
        delayMs = this.backoffMs(attempt);
        this.logger.debug({ url: url.href, kind: error.kind, attempt, delayMs }, 'retrying after fetch error');
      }
      try {
        await sleep(delayMs, undefined, { signal: ctx.signal });
      } catch (err) {
        throw toFetchError(err, ctx, url);
      }
    }
  }

  private async sendOnce(url: URL, ctx: RequestContext): Promise<SentRequest> {
    // Per hop: a redirect from an allowed endpoint to any other goes through the guard.
    const open = ctx.privateAccess.allowsUrl(url);
    if (!open) assertIpLiteralAllowed(url);
    const requestHeaders: Record<string, string> = {
      host: url.host,
      'user-agent': this.settings.userAgent,
      accept: DEFAULT_ACCEPT,
      'accept-encoding': 'identity', // we archive the exact bytes, so no compression to undo
      ...ctx.extraHeaders,
    };
    if (url.origin !== ctx.origin) for (const name of ORIGIN_BOUND_HEADERS) delete requestHeaders[name];
    const onRequestSent = ctx.onRequestSent;
    const trace: AttemptTrace = onRequestSent ? { onSent: () => onRequestSent(url) } : {};
    const pending: Promise<Dispatcher.ResponseData> = traceDuring(trace, () =>
      this.agentFor(open).request({
        origin: url.origin,
        path: url.pathname + url.search,
        method: 'GET',
        headers: requestHeaders,
        signal: ctx.signal,
        responseHeaders: 'raw',
      }),
    );
    const response = await pending;
    // With responseHeaders: 'raw' undici hands back a flat [name, value, name, value…] list.
    const flat = response.headers as unknown as string[];
    const rawHeaders: [string, string][] = [];
    const headers: Record<string, string> = {};
    for (let i = 0; i + 1 < flat.length; i += 2) {
      const name = flat[i];
      const value = flat[i + 1];
      rawHeaders.push([name, value]);
      const key = name.toLowerCase();
      headers[key] = key in headers ? `${headers[key]}, ${value}` : value;
    }
    return { status: response.statusCode, statusText: response.statusText ?? '', headers, rawHeaders, requestHeaders, body: response.body, trace };
  }

  private async readBody(sent: SentRequest, ctx: RequestContext): Promise<Omit<HopResult, 'attempts'>> {
    const { body: stream, trace, ...rest } = sent;
    if (REDIRECT_STATUSES.has(sent.status) && sent.headers.location !== undefined) {
      await discard(stream);
      return { ...rest, body: Buffer.alloc(0), truncated: false, remoteAddress: trace.remoteAddress };
    }
    const { body, truncated } = await readCapped(stream, ctx.maxBytes, {
      bytesPerSecond: this.settings.minBytesPerSecond,
      windowMs: this.settings.lowSpeedWindowMs,
    });
    if (truncated) this.logger.debug({ url: ctx.requestedUrl, maxBytes: ctx.maxBytes }, 'body truncated at size cap');
    return { ...rest, body, truncated, remoteAddress: trace.remoteAddress };
  }

  /** Exponential backoff with full jitter: uniform in [0, base·2^(attempt-1)], capped. */
  private backoffMs(attempt: number): number {
    const ceiling = Math.min(MAX_BACKOFF_MS, this.settings.retryBaseDelayMs * 2 ** (attempt - 1));
    return Math.round(Math.random() * ceiling);
  }
}

function lowerCaseKeys(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
}
