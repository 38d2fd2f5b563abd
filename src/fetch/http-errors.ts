import { FetchError } from '../util/errors.js';
import { BlockedAddressError } from './ssrf.js';
import { SlowTransferError } from './transferRate.js';

/*
 * What a request that failed or was refused turns into (a FetchError of one kind), whether it is tried again inline,
 * and when a server asked to be asked again (Retry-After). HttpFetcher (http.ts) applies them.
 */

const TIMEOUT_CODES: Record<string, string> = {
  UND_ERR_CONNECT_TIMEOUT: 'connect timeout',
  UND_ERR_HEADERS_TIMEOUT: 'timed out waiting for response headers',
  UND_ERR_BODY_TIMEOUT: 'timed out reading the body',
  ETIMEDOUT: 'connection timed out',
};

/** The request a failure happened under (http.ts's RequestContext): errors name the URL as the caller gave it. */
export interface FailedRequest {
  requestedUrl: string;
  startHref: string;
  signal?: AbortSignal;
}

/** Retry-After values past this are clamped to it (a year): the caller caps further, but never sees NaN. */
const RETRY_AFTER_CEILING_MS = 365 * 86_400_000;

/**
 * Retry-After as milliseconds from now: delay-seconds or an HTTP-date; undefined if absent/invalid.
 * Bounded to [0, a year], so 20 digits of seconds or a date in 2099 cannot overflow into an invalid time.
 */
export function parseRetryAfter(value: string | undefined, now: number = Date.now()): number | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  let ms: number;
  if (/^\d+$/.test(trimmed)) ms = Number(trimmed) * 1000;
  else {
    const date = Date.parse(trimmed);
    if (Number.isNaN(date)) return undefined;
    ms = date - now;
  }
  return Number.isFinite(ms) ? Math.min(RETRY_AFTER_CEILING_MS, Math.max(0, ms)) : RETRY_AFTER_CEILING_MS;
}

export function parseHttpUrl(input: string, requestedUrl: string, base?: URL): URL {
  let url: URL;
  try {
    url = new URL(input, base);
  } catch (err) {
    throw new FetchError(`not a valid URL: "${input}"`, requestedUrl, 'invalid-url', { cause: err });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new FetchError(`not an http(s) URL: "${url.href}"`, requestedUrl, 'invalid-url');
  }
  return url;
}

export function isRetryable(error: FetchError, signal?: AbortSignal): boolean {
  // A drip-feeding server drips again: a slow transfer is not retried inline.
  if (error.cause instanceof SlowTransferError) return false;
  return !signal?.aborted && (error.kind === 'network' || error.kind === 'timeout');
}

function errorCode(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** Maps whatever undici/net/our guard threw to a FetchError carrying the requested URL. */
export function toFetchError(err: unknown, ctx: FailedRequest, hopUrl: URL): FetchError {
  if (err instanceof FetchError) return err;
  const { requestedUrl, signal } = ctx;
  const where = hopUrl.href === ctx.startHref ? '' : ` at ${hopUrl.href}`;
  if (err instanceof SlowTransferError) return new FetchError(`${err.message}${where}`, requestedUrl, 'timeout', { cause: err });
  if (err instanceof BlockedAddressError) {
    return new FetchError(`blocked address ${err.address} (${err.range})${where}`, requestedUrl, 'blocked-address', { cause: err });
  }
  if (signal?.aborted) {
    const reason: unknown = signal.reason;
    const timedOut = reason instanceof Error && reason.name === 'TimeoutError';
    return new FetchError(timedOut ? `timed out${where}` : `aborted${where}`, requestedUrl, timedOut ? 'timeout' : 'network', { cause: reason });
  }
  const code = errorCode(err);
  const message = err instanceof Error ? err.message : String(err);
  const timeout = code === undefined ? undefined : TIMEOUT_CODES[code];
  if (timeout !== undefined) return new FetchError(`${timeout}${where}`, requestedUrl, 'timeout', { cause: err });
  return new FetchError(`network error${code ? ` ${code}` : ''}: ${message}${where}`, requestedUrl, 'network', { cause: err });
}
