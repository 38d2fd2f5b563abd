import type { BrowserContext, Request, Route, WebSocketRoute } from 'playwright-core';
import type { Logger } from '../../util/logger.js';
import type { HostVetter } from './addressPolicy.js';
import type { AllowRequest, BlockableResourceType, BlockedRequest } from './types.js';

export interface RequestGuardOptions {
  vetter: HostVetter;
  blockResources: readonly BlockableResourceType[];
  allowRequest?: AllowRequest;
  /**
   * Request the main document with Accept-Encoding: identity, as the HTTP fetcher does, so its
   * archived body is the bytes on the wire. Sub-resources keep the browser's encodings: a server
   * that compresses anyway makes Chromium fail the response, which would break the page silently.
   */
  identityDocument: boolean;
  onBlocked(entry: BlockedRequest): void;
  logger: Logger;
}

/**
 * Route interception for one render's context: every request the page makes (document, scripts,
 * XHR, beacons, iframes, WebSockets) is checked before anything is sent — SSRF policy first (IP
 * literals directly, names via dns.lookup), then the optional allowRequest callback (robots), then
 * resource-type blocking. Refused requests are aborted and reported; nothing reaches the network.
 */
export async function installRequestGuard(context: BrowserContext, options: RequestGuardOptions): Promise<void> {
  await context.route('**/*', (route) => guardRoute(route, options));
  await context.routeWebSocket(/.*/, (ws) => guardWebSocket(ws, options));
}

/** Why a request must not go out, or undefined when it may. */
async function refusal(url: string, resourceType: string, options: RequestGuardOptions): Promise<BlockedRequest | undefined> {
  const verdict = await options.vetter.vetUrl(url);
  // A name that does not resolve is left to fail in the browser (and in the guard proxy).
  if (!verdict.allowed && verdict.blocked) return { url, layer: 'route', cause: 'address', reason: verdict.reason };
  if (options.allowRequest && !(await options.allowRequest(url, resourceType))) {
    return { url, layer: 'route', cause: 'robots', reason: 'refused by allowRequest (robots)' };
  }
  return undefined;
}

async function guardRoute(route: Route, options: RequestGuardOptions): Promise<void> {
  const request = route.request();
  const url = request.url();
  const type = request.resourceType();
  try {
    if ((options.blockResources as readonly string[]).includes(type)) {
      options.onBlocked({ url, layer: 'route', cause: 'resource-type', reason: `${type} blocked for speed` });
      await route.abort('blockedbyclient');
      return;
    }
    const refused = await refusal(url, type, options);
    if (refused) {
      options.onBlocked(refused);
      if (refused.cause === 'address') options.logger.warn({ url, resourceType: type, reason: refused.reason }, 'browser request blocked (SSRF guard)');
      await route.abort('blockedbyclient');
      return;
    }
    if (options.identityDocument && isTopDocument(request)) {
      // Applies to the redirects this request leads to as well.
      await route.continue({ headers: { ...(await request.allHeaders()), 'accept-encoding': 'identity' } });
      return;
    }
    await route.continue();
  } catch (err) {
    // The page or context closed while we decided (time limit, crash): nothing left to answer.
    options.logger.debug({ url, err: (err as Error).message }, 'route not answered');
  }
}

function isTopDocument(request: Request): boolean {
  try {
    return request.isNavigationRequest() && request.frame().parentFrame() === null;
  } catch {
    return false; // service-worker requests have no frame
  }
}

async function guardWebSocket(ws: WebSocketRoute, options: RequestGuardOptions): Promise<void> {
  const url = ws.url();
  try {
    const refused = await refusal(url, 'websocket', options);
    if (refused) {
      options.onBlocked(refused);
      options.logger.warn({ url, reason: refused.reason }, 'browser WebSocket blocked');
      await ws.close({ code: 1008, reason: 'blocked by crawler policy' });
      return;
    }
    ws.connectToServer();
  } catch (err) {
    options.logger.debug({ url, err: (err as Error).message }, 'WebSocket route not answered');
  }
}
