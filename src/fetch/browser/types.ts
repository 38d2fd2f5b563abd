import { SnapcrawlError } from '../../util/errors.js';
import type { Logger } from '../../util/logger.js';
import type { PrivateAccess } from '../privateAccess.js';
import type { FetchResult } from '../types.js';

/** Resource types that can be skipped for speed; the page still renders (layout may differ). */
export type BlockableResourceType = 'image' | 'font' | 'media';

/** Which private/reserved addresses the browser may reach (see ssrf.ts blockedRange for the range names). */
export interface AddressPolicy {
  /**
   * The endpoints (host:port) that may be private — judged per request and per connection, so a page of an
   * allowed endpoint cannot pull sub-resources from another private one. PrivateAccess.ALL opens every address.
   */
  privateAccess: PrivateAccess;
  /** These blockedRange() names allowed for any endpoint, e.g. ['loopback'] for test fixtures on 127.0.0.1. */
  allowedRanges: readonly string[];
}

/** Called for every request the page makes (sub-resources too); false aborts it. Robots for sub-resources go here. */
export type AllowRequest = (url: string, resourceType: string) => boolean | Promise<boolean>;

/** Per-render settings; anything unset falls back to the BrowserFetcher options. */
export interface RenderOptions {
  /** Wait for this CSS selector instead of network idle (per-source setting). */
  waitForSelector?: string;
  /** Hard limit for one page, from the moment it gets a browser page. */
  timeLimitMs?: number;
  /** Longest wait for network idle after DOMContentLoaded. */
  networkIdleCapMs?: number;
  blockResources?: readonly BlockableResourceType[];
  /** Endpoints that may be on private addresses (the crawler passes the source's scope); default none. */
  privateAccess?: PrivateAccess;
  /** Ranges allowed for every endpoint (tests and tools: ['loopback']); the crawler never sets it. */
  allowedPrivateRanges?: readonly string[];
  /** Overrides the fetcher's User-Agent (a source's own userAgent). */
  userAgent?: string;
  /** Extra request headers for every request of the page. */
  headers?: Record<string, string>;
  allowRequest?: AllowRequest;
  /** Full-page PNG; default true. */
  screenshot?: boolean;
  /** Aborting closes the page at once (a run that must stop); the render then throws FetchError. */
  signal?: AbortSignal;
}

export interface BrowserFetcherOptions extends Omit<RenderOptions, 'headers' | 'allowRequest' | 'waitForSelector' | 'userAgent' | 'signal'> {
  /** Same User-Agent as the HTTP fetcher. */
  userAgent: string;
  /** Chromium binary; default $SNAPCRAWL_CHROMIUM or /usr/bin/chromium. */
  executablePath?: string;
  /** Pages rendering at once (the pool bound); default 3. */
  maxPages?: number;
  /** Cap per response body, like HttpFetcher maxBytes; default 10 MB. */
  maxBytes?: number;
  /** Total sub-resource bytes kept per page; past it, resources are counted but not kept. Default 50 MB. */
  maxResourceBytes?: number;
  /** Sub-resources kept per page; default 300. */
  maxResources?: number;
  viewport?: { width: number; height: number };
  logger?: Logger;
}

/** A request refused before anything was sent, or a connection the guard proxy refused. */
export interface BlockedRequest {
  /** The request URL; for the proxy layer `host:port` (a connection, not a request, is what it sees). */
  url: string;
  /** 'route' = refused by request interception; 'proxy' = refused at connect time (redirect hops, prefetch). */
  layer: 'route' | 'proxy';
  /** 'address' = SSRF policy, 'robots' = allowRequest said no, 'resource-type' = blockResources. */
  cause: 'address' | 'robots' | 'resource-type';
  reason: string;
}

/** How waiting ended. 'time-limit' means the page never settled; what had rendered was kept. */
export interface WaitOutcome {
  settled: 'network-idle' | 'selector' | 'root-filled' | 'idle-cap' | 'time-limit';
  reason: string;
  elapsedMs: number;
  /** False when the document itself never finished arriving (its archived body is then empty and truncated). */
  domContentLoaded: boolean;
}

/** A sub-resource response as loaded by the page, shaped like an HTTP fetch so it can be a WARC record. */
export interface BrowserResource extends FetchResult {
  method: string;
  resourceType: string;
  requestBody?: Buffer;
}

export interface BrowserRenderResult {
  /** The main document's response: status, raw headers and exact body bytes, redirects followed. */
  document: FetchResult;
  /** The rendered DOM serialized as HTML: what extraction reads. */
  html: string;
  /** Full-page PNG, when asked for and the page could be captured. */
  screenshot?: Buffer;
  resources: BrowserResource[];
  /** Sub-resources seen but not kept (caps) — kept out of the WARC, counted for the log. */
  resourcesDropped: number;
  blocked: BlockedRequest[];
  wait: WaitOutcome;
  /** 1, or 2 when the browser crashed or hung and the page was retried on a fresh one. */
  attempts: number;
  renderedAt: Date;
}

export type BrowserErrorKind = 'launch' | 'crashed' | 'hung';

/** The browser itself failed (not the page): could not start, or crashed/hung again on the retry. */
export class BrowserError extends SnapcrawlError {
  constructor(
    message: string,
    readonly url: string | undefined,
    readonly kind: BrowserErrorKind,
    options?: { cause?: unknown },
  ) {
    super(url === undefined ? message : `${message} (${url})`, options);
  }
}
