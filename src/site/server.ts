/**
 * The snapshot site over HTTP: Node's http server and a small route table. Only GET and HEAD;
 * every answer carries a CSP without scripts that lets nothing load from another origin (a reader's
 * browser must never call the original site: that would tell the publisher who reads the archive),
 * no-referrer and no-store (so a takedown is never served from a cache), and the archived bytes of
 * the raw view get a sandboxing CSP of their own.
 */
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SnapcrawlError } from '../util/errors.js';
import { decodeHtml } from '../fetch/index.js';
import { neutraliseFrames } from './frames.js';
import { SITE_CSS } from './styles.js';
import { PAGE_CSP } from './pages/layout.js';
import { serverLinks } from './links.js';
import type { SiteViews } from './views.js';
import { MAX_PAGE } from './catalog.js';

/** A request the route table can't take (bad encoding in the path, …): answered with its status. */
export class SiteRequestError extends SnapcrawlError {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

interface Reply {
  status: number;
  contentType: string;
  body: string | Buffer;
  headers?: Record<string, string>;
}

type Route = (match: string[], query: URLSearchParams) => Reply | Promise<Reply>;
type Awaitable<T> = T | Promise<T>;

const HTML = 'text/html; charset=utf-8';
const JSON_TYPE = 'application/json; charset=utf-8';

/**
 * The archived page's own CSP: sandboxed (no scripts, forms, popups or same-origin access even when
 * opened directly), nothing loaded from anywhere but inline styles and data: images (its images,
 * stylesheets, fonts, media and frames would all be requests to the original site), an archived
 * <base href> ignored, only framed by us.
 */
export const RAW_CSP =
  "sandbox; default-src 'none'; img-src data:; style-src 'unsafe-inline'; font-src 'none'; form-action 'none'; base-uri 'none'; frame-ancestors 'self'";

const BASE_HEADERS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  // No DNS look-ups of hosts a page merely names (an archived page's links and dns-prefetch hints).
  'X-DNS-Prefetch-Control': 'off',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

function pageNumber(query: URLSearchParams): number {
  const n = Number(query.get('page') ?? '1');
  return Number.isInteger(n) && n >= 1 ? Math.min(n, MAX_PAGE) : 1;
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new SiteRequestError(400, 'malformed percent-encoding in the path');
  }
}

/** The request listener of the site; `onError` hears about failures answered with 500. */
export function createSiteHandler(views: SiteViews, onError: (err: unknown) => void = () => {}): http.RequestListener {
  const links = serverLinks;
  // The views are async (the catalog may be a network index): these take a result or its promise.
  const page = async (result: Awaitable<{ status: number; html: { value: string } }>): Promise<Reply> => {
    const r = await result;
    return { status: r.status, contentType: HTML, body: r.html.value };
  };
  const json = async (result: Awaitable<{ status: number; json: unknown }>): Promise<Reply> => {
    const r = await result;
    return { status: r.status, contentType: JSON_TYPE, body: `${JSON.stringify(r.json, null, 2)}\n` };
  };

  const routes: [RegExp, Route][] = [
    [/^\/$/, (_, q) => page(views.home(links, pageNumber(q)))],
    [/^\/c\/([^/]+)$/, ([name], q) => page(views.category(links, decodeSegment(name), pageNumber(q)))],
    [/^\/search$/, (_, q) => page(views.search(links, q.get('q') ?? '', pageNumber(q)))],
    [/^\/s\/([^/]+)$/, ([id]) => page(views.snapshot(links, decodeSegment(id)))],
    [/^\/s\/([^/]+)\/versions$/, ([id], q) => page(views.versions(links, decodeSegment(id), { from: q.get('from') ?? undefined, to: q.get('to') ?? undefined }))],
    [/^\/s\/([^/]+)\/raw$/, async ([id], q) => page(await views.raw(links, decodeSegment(id), q.get('view') === 'source' ? 'source' : 'page'))],
    [/^\/s\/([^/]+)\/raw\/content$/, async ([id]) => rawContent(views, decodeSegment(id))],
    [/^\/s\/([^/]+)\/raw\/original$/, async ([id]) => rawOriginal(views, decodeSegment(id))],
    [/^\/s\/([^/]+)\/screenshot\.png$/, ([id]) => screenshot(views, decodeSegment(id))],
    [/^\/s\/([^/]+)\/img\/(\d{1,4})(?:\.([a-z0-9]{1,5}))?$/, ([id, n, ext]) => archivedImage(views, decodeSegment(id), Number(n), ext)],
    [/^\/api\/snapshots$/, (_, q) => json(views.apiList(links, { q: q.get('q') ?? undefined, category: q.get('category') || undefined, page: pageNumber(q) }))],
    [/^\/api\/snapshots\/([^/]+)$/, ([id]) => json(views.apiSnapshot(decodeSegment(id)))],
    [/^\/assets\/site\.css$/, () => ({ status: 200, contentType: 'text/css; charset=utf-8', body: SITE_CSS, headers: { 'Cache-Control': 'public, max-age=3600' } })],
    [/^\/robots\.txt$/, () => ({ status: 200, contentType: 'text/plain; charset=utf-8', body: 'User-agent: *\nDisallow: /search\nDisallow: /api/\nDisallow: /s/*/raw\n' })],
  ];

  async function route(req: IncomingMessage): Promise<Reply> {
    const url = new URL(req.url ?? '/', 'http://site.invalid');
    // `/s/<id>/` and `/s/<id>` are the same page (static-export style links work against the server too).
    const path = url.pathname.length > 1 ? url.pathname.replace(/\/+$/, '').replace(/\/index\.html$/, '') || '/' : '/';
    for (const [pattern, handler] of routes) {
      const m = pattern.exec(path);
      if (m) return handler(m.slice(1), url.searchParams);
    }
    return path.startsWith('/api/')
      ? json({ status: 404, json: { error: 'not_found' } })
      : page(views.problem(links, 'not-found', 404));
  }

  async function respond(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let reply: Reply;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      reply = { status: 405, contentType: 'text/plain; charset=utf-8', body: 'method not allowed\n', headers: { Allow: 'GET, HEAD' } };
    } else {
      try {
        reply = await route(req);
      } catch (err) {
        if (err instanceof SiteRequestError) reply = await page(views.problem(links, 'bad-request', err.status, err.message));
        else {
          onError(err);
          reply = await page(views.problem(links, 'error', 500)).catch((): Reply => ({ status: 500, contentType: 'text/plain; charset=utf-8', body: 'internal error\n' }));
        }
      }
    }
    const headers: Record<string, string> = {
      ...BASE_HEADERS,
      'Content-Type': reply.contentType,
      'Content-Security-Policy': `${PAGE_CSP}; frame-ancestors 'none'`,
      'X-Frame-Options': 'DENY',
      'Cache-Control': 'no-store',
      ...reply.headers,
    };
    const body = typeof reply.body === 'string' ? Buffer.from(reply.body) : reply.body;
    headers['Content-Length'] = String(body.length);
    res.writeHead(reply.status, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  return (req, res) => {
    respond(req, res).catch((err: unknown) => {
      onError(err);
      if (!res.headersSent) res.writeHead(500, BASE_HEADERS);
      res.end();
    });
  };
}

/** A file of a snapshot that can't be served: 410 with the takedown notice, or 404. */
function plainFailure(views: SiteViews, kind: 'gone' | 'missing'): Reply {
  return kind === 'gone'
    ? { status: 410, contentType: 'text/plain; charset=utf-8', body: `${views.labels.goneBody}\n` }
    : { status: 404, contentType: 'text/plain; charset=utf-8', body: 'not found\n' };
}

/** A browser render's screenshot; 410 with the notice once taken down. */
async function screenshot(views: SiteViews, id: string): Promise<Reply> {
  const found = await views.screenshot(id);
  if ('kind' in found) return plainFailure(views, found.kind);
  return { status: 200, contentType: 'image/png', body: found.png, headers: { 'X-Robots-Tag': 'noindex' } };
}

/**
 * CSP of an archived image: it may not load or run anything, even opened on its own (only raster types
 * are served, but the header does not rely on that).
 */
export const IMAGE_CSP = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; sandbox";

/**
 * An image archived with the snapshot, bytes from the WARC with its archived image type (nosniff,
 * as every answer); 404 when not archived or not a servable image, 410 with the notice once taken down.
 */
async function archivedImage(views: SiteViews, id: string, n: number, ext: string | undefined): Promise<Reply> {
  const found = await views.image(id, n);
  if ('kind' in found) return plainFailure(views, found.kind);
  if (ext !== undefined && ext !== found.ext) return plainFailure(views, 'missing');
  return {
    status: 200,
    contentType: found.contentType,
    body: found.body,
    headers: { 'Content-Security-Policy': IMAGE_CSP, 'X-Robots-Tag': 'noindex', 'Content-Disposition': 'inline' },
  };
}

/**
 * What the raw view's frame shows: the archived HTML decoded with its archived charset, frames
 * neutralised (see frames.ts), under the raw CSP; anything not HTML as plain text.
 */
async function rawContent(views: SiteViews, id: string): Promise<Reply> {
  const found = await views.archived(id);
  if ('kind' in found) return plainFailure(views, found.kind);
  const declared = found.response.headers['content-type'] ?? found.record.contentType ?? 'text/html';
  const isHtml = /^\s*(text\/html|application\/xhtml\+xml)\b/i.test(declared);
  const headers = { 'Content-Security-Policy': RAW_CSP, 'X-Frame-Options': 'SAMEORIGIN', 'X-Robots-Tag': 'noindex, nofollow' };
  if (!isHtml) {
    const charset = /charset=/i.test(declared) || !found.record.charset ? '' : `; charset=${found.record.charset}`;
    return { status: 200, contentType: `text/plain${charset}`, body: found.response.body, headers };
  }
  const decoded = decodeHtml(found.response.body, declared).text;
  return { status: 200, contentType: 'text/html; charset=utf-8', body: neutraliseFrames(decoded), headers };
}

/** The exact bytes received, as a download (never rendered: a rendered copy could reach the original site). */
async function rawOriginal(views: SiteViews, id: string): Promise<Reply> {
  const found = await views.archived(id);
  if ('kind' in found) return plainFailure(views, found.kind);
  return {
    status: 200,
    contentType: 'application/octet-stream',
    body: found.response.body,
    headers: {
      'Content-Disposition': `attachment; filename="${found.record.id}.html"`,
      'Content-Security-Policy': RAW_CSP,
      'X-Content-Type-Options': 'nosniff',
      'X-Robots-Tag': 'noindex, nofollow',
    },
  };
}

export interface RunningSite {
  /** `http://127.0.0.1:PORT/` */
  url: string;
  port: number;
  server: http.Server;
  close(): Promise<void>;
}

/** Starts listening; resolves once bound. `port` 0 picks a free port. */
export async function listen(handler: http.RequestListener, options: { host: string; port: number }): Promise<RunningSite> {
  const server = http.createServer(handler);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port, address } = server.address() as AddressInfo;
  const host = address.includes(':') ? `[${address}]` : address;
  return {
    url: `http://${host}:${port}/`,
    port,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
