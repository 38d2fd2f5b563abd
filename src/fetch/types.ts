import type { PrivateAccess } from './privateAccess.js';

/** One hop of a redirect chain, in the order followed. */
export interface RedirectHop {
  url: string;
  status: number;
  location: string;
}

/** What one successful fetch (after redirects) produced: the exact bytes received and how. */
export interface FetchResult {
  /** The URL asked for. */
  url: string;
  /** The URL whose response is `body` (after redirects). */
  finalUrl: string;
  status: number;
  statusText: string;
  /** Response headers of the final response, lower-case names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  /** Raw header list of the final response, in order, as received (for WARC). */
  rawHeaders: [string, string][];
  /** Request headers sent for the final request (for WARC). */
  requestHeaders: Record<string, string>;
  /** Body bytes exactly as received (content-encoding already undone by undici is NOT applied: we ask for identity). */
  body: Buffer;
  /** True when the body hit the size cap and was cut. */
  truncated: boolean;
  redirects: RedirectHop[];
  fetchedAt: Date;
  /** Remote IP address of the final connection, when known. */
  remoteAddress?: string;
  /** How many attempts it took (1 = first try). */
  attempts: number;
}

export interface FetchOptions {
  /** Extra request headers, e.g. If-None-Match. */
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** Overrides the fetcher's default for this request (robots.txt uses 5). */
  maxRedirects?: number;
  /** Overrides the fetcher's default body cap for this request. */
  maxBytes?: number;
  /** Overrides retries for this request (robots.txt uses 0). */
  retries?: number;
  /**
   * Asked before each redirect hop is followed; a returned reason stops the fetch with a
   * `redirect-refused` FetchError (the crawler uses it for robots rules, exclusions and URLs it already has).
   */
  beforeRedirect?: (target: string) => Promise<string | null | undefined> | string | null | undefined;
  /**
   * Which endpoints may be on private/loopback/link-local addresses for this request, judged for
   * every redirect hop on its own (the crawler passes the source's scope); overrides the fetcher's default.
   */
  privateAccess?: PrivateAccess;
  /** Hard deadline for this fetch, retries and redirects included; overrides the fetcher's default. */
  totalTimeoutMs?: number;
  /**
   * Told when a request's headers go out on its socket (each attempt and redirect hop, with its URL): the moment
   * the server's clock starts, later than the call when the event loop was busy, so pacing measures from it.
   */
  onRequestSent?: (url: URL) => void;
}

/** Decoded text of a page and how its charset was found. */
export interface DecodedText {
  text: string;
  /** Canonical charset name actually used to decode, e.g. `utf-8`, `gb18030`. */
  charset: string;
  /** Which step decided: bom, content-type, meta, detected, default. */
  detectedBy: 'bom' | 'content-type' | 'meta' | 'detected' | 'default';
}

/** The verdict of robots.txt for one URL. */
export interface RobotsVerdict {
  allowed: boolean;
  robotsUrl: string;
  /** Crawl-delay in seconds for our user agent, if any. */
  crawlDelaySec?: number;
  /** Why: 'rules', 'no-robots (4xx)', 'unreachable (5xx)', 'unreachable (timeout)', … */
  reason: string;
}
