import type { BrowserContext, Request, Response } from 'playwright-core';
import type { Logger } from '../../util/logger.js';
import type { FetchResult, RedirectHop } from '../types.js';
import { withTimeout } from './deadline.js';
import type { BrowserResource } from './types.js';

export interface ResourceLimits {
  maxBytes: number;
  maxResourceBytes: number;
  maxResources: number;
}

type RemoteAddressOf = (url: string) => string | undefined;

/**
 * Header list for the archive. Chromium hands back bodies with any Content-Encoding already undone
 * (sub-resources are requested with the browser's usual encodings); the WARC must not claim an
 * encoding the stored bytes no longer have, so those two headers keep their values under
 * X-Archive-Orig- names (as Transfer-Encoding does in warc.ts).
 */
function archivedHeaders(list: { name: string; value: string }[]): Pick<FetchResult, 'headers' | 'rawHeaders'> {
  const encoded = list.some((h) => h.name.toLowerCase() === 'content-encoding' && !/^\s*identity\s*$/i.test(h.value));
  const rawHeaders: [string, string][] = list.map(({ name, value }) => {
    const lower = name.toLowerCase();
    return encoded && (lower === 'content-encoding' || lower === 'content-length') ? [`X-Archive-Orig-${name}`, value] : [name, value];
  });
  const headers: Record<string, string> = {};
  for (const [name, value] of rawHeaders) {
    const key = name.toLowerCase();
    headers[key] = key in headers ? `${headers[key]}, ${value}` : value;
  }
  return { headers, rawHeaders };
}

const isRedirect = (response: Response): boolean => response.status() >= 300 && response.status() < 400 && response.headers().location !== undefined;

/** One request/response pair as an HTTP-fetch-shaped exchange (body already read). */
async function exchangeOf(request: Request, response: Response, body: Buffer, truncated: boolean, remoteAddress: string | undefined): Promise<BrowserResource> {
  const { headers, rawHeaders } = archivedHeaders(await response.headersArray());
  const startTime = request.timing().startTime;
  const requestBody = request.postDataBuffer();
  return {
    url: request.url(),
    finalUrl: request.url(),
    status: response.status(),
    statusText: response.statusText(),
    headers,
    rawHeaders,
    requestHeaders: await request.allHeaders(),
    body,
    truncated,
    redirects: [],
    fetchedAt: startTime > 0 ? new Date(startTime) : new Date(),
    ...(remoteAddress ? { remoteAddress } : {}),
    attempts: 1,
    method: request.method(),
    resourceType: request.resourceType(),
    ...(requestBody ? { requestBody } : {}),
  };
}

/**
 * The main document's response: exact body bytes via response.body(), the redirect chain Chromium
 * followed, and the requested URL. A document still streaming when the page stopped has no complete
 * body: it is archived empty and marked truncated, and the rendered DOM is what remains of it.
 */
export async function documentResult(requestedUrl: string, response: Response, bodyWaitMs: number, remoteAddressOf: RemoteAddressOf, logger: Logger): Promise<FetchResult> {
  let body: Buffer = Buffer.alloc(0);
  let truncated = false;
  try {
    body = await withTimeout(response.body(), bodyWaitMs, 'reading the document body');
  } catch (err) {
    truncated = true;
    logger.warn({ url: requestedUrl, err: (err as Error).message }, 'document body incomplete; archived as truncated');
  }
  const request = response.request();
  const redirects: RedirectHop[] = [];
  for (let next = request, prev = request.redirectedFrom(); prev; next = prev, prev = prev.redirectedFrom()) {
    const hop = await prev.response();
    redirects.unshift({ url: prev.url(), status: hop?.status() ?? 0, location: next.url() });
  }
  const exchange = await exchangeOf(request, response, body, truncated, remoteAddressOf(response.url()));
  const { method: _method, resourceType: _type, requestBody: _body, ...fetch } = exchange;
  return { ...fetch, url: requestedUrl, redirects };
}

/**
 * Collects every sub-resource response the page loaded (scripts, styles, images, XHR, iframes,
 * redirect responses) with its exact body, within per-body, per-page byte and count caps.
 */
export class ResourceRecorder {
  private readonly pending: Promise<void>[] = [];
  private readonly kept: { request: Request; resource: BrowserResource }[] = [];
  private keptBytes = 0;
  private dropped = 0;
  private stopped = false;

  constructor(
    context: BrowserContext,
    private readonly limits: ResourceLimits,
    private readonly remoteAddressOf: RemoteAddressOf,
    private readonly logger: Logger,
  ) {
    context.on('requestfinished', (request) => {
      if (!this.stopped) this.pending.push(this.capture(request));
    });
  }

  /** Stops recording, waits (at most `waitMs`) for bodies still being read; `exclude` = the main document chain. */
  async collect(waitMs: number, exclude: ReadonlySet<Request>): Promise<{ resources: BrowserResource[]; dropped: number }> {
    this.stopped = true;
    try {
      await withTimeout(Promise.allSettled(this.pending), waitMs, 'reading sub-resource bodies');
    } catch {
      this.logger.debug({ pending: this.pending.length }, 'some sub-resource bodies were not read in time');
    }
    const resources = this.kept.filter((k) => !exclude.has(k.request)).map((k) => k.resource);
    return { resources, dropped: this.dropped };
  }

  private async capture(request: Request): Promise<void> {
    try {
      if (!/^https?:/.test(request.url())) return; // data:, blob: never touched the network
      const response = await request.response();
      if (!response) return;
      // Full budget: don't pull another body over CDP only to drop it.
      if (this.kept.length >= this.limits.maxResources || this.keptBytes >= this.limits.maxResourceBytes) return void this.dropped++;
      let body = isRedirect(response) ? Buffer.alloc(0) : await response.body();
      const truncated = body.length > this.limits.maxBytes;
      if (truncated) body = body.subarray(0, this.limits.maxBytes);
      const overBudget = this.keptBytes + body.length > this.limits.maxResourceBytes || this.kept.length >= this.limits.maxResources;
      if (overBudget) return void this.dropped++;
      this.keptBytes += body.length;
      const resource = await exchangeOf(request, response, body, truncated, this.remoteAddressOf(request.url()));
      this.kept.push({ request, resource });
    } catch (err) {
      this.logger.debug({ url: request.url(), err: (err as Error).message }, 'sub-resource not archived');
    }
  }
}
