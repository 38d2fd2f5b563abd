/**
 * Where each page lives. The server uses the documented routes (`/s/<id>`, `/c/<category>`, …); the
 * static export writes the same pages as files and links them relatively (`../../s/<id>/index.html`),
 * so an export works from any folder of a web server and straight from disk.
 */
import { createHash } from 'node:crypto';

export interface SiteLinks {
  home(page?: number): string;
  category(name: string, page?: number): string;
  snapshot(id: string): string;
  raw(id: string): string;
  rawSource(id: string): string;
  /** The archived bytes for the raw view's iframe; null when the page embeds them (static export). */
  rawContent(id: string): string | null;
  /** The exact bytes received, as a download; null where there is none (static export). */
  rawOriginal(id: string): string | null;
  versions(id: string, compare?: { from: string; to: string }): string;
  /** The full-page PNG of a browser-rendered snapshot. */
  screenshot(id: string): string;
  /** An image archived with the snapshot (n-th of snapshot.json requisites.images), served from the WARC. */
  image(id: string, n: number, ext: string): string;
  /** Search is served only; null in the static export. */
  search(query?: string, page?: number): string | null;
  apiSnapshot(id: string): string;
  asset(name: string): string;
}

function withPage(path: string, page: number | undefined, more: Record<string, string> = {}): string {
  const params = new URLSearchParams(more);
  if (page !== undefined && page > 1) params.set('page', String(page));
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}

export const serverLinks: SiteLinks = {
  home: (page) => withPage('/', page),
  category: (name, page) => withPage(`/c/${encodeURIComponent(name)}`, page),
  snapshot: (id) => `/s/${id}`,
  raw: (id) => `/s/${id}/raw`,
  rawSource: (id) => `/s/${id}/raw?view=source`,
  rawContent: (id) => `/s/${id}/raw/content`,
  rawOriginal: (id) => `/s/${id}/raw/original`,
  versions: (id, compare) => (compare ? withPage(`/s/${id}/versions`, undefined, compare) : `/s/${id}/versions`),
  screenshot: (id) => `/s/${id}/screenshot.png`,
  image: (id, n, ext) => `/s/${id}/img/${n}.${ext}`,
  search: (query, page) => withPage('/search', page, query ? { q: query } : {}),
  apiSnapshot: (id) => `/api/snapshots/${id}`,
  asset: (name) => `/assets/${name}`,
};

/**
 * A category's folder name in the static export: the name itself when it is plain letters, digits,
 * spaces, `-` or `_` (Chinese included), otherwise a hash, so no category can name a path like `..`.
 */
export function categorySlug(name: string): string {
  if (/^[\p{L}\p{N}][\p{L}\p{N} _-]{0,80}$/u.test(name)) return name;
  return `c-${createHash('sha256').update(name).digest('hex').slice(0, 12)}`;
}

/** Static export paths (relative to the export root) of each page file. */
export const staticPaths = {
  home: (page = 1) => (page > 1 ? `page/${page}/index.html` : 'index.html'),
  category: (name: string, page = 1) => `c/${categorySlug(name)}/${page > 1 ? `page/${page}/` : ''}index.html`,
  snapshot: (id: string) => `s/${id}/index.html`,
  raw: (id: string) => `s/${id}/raw/index.html`,
  rawSource: (id: string) => `s/${id}/raw/source/index.html`,
  versions: (id: string) => `s/${id}/versions/index.html`,
  screenshot: (id: string) => `s/${id}/screenshot.png`,
  image: (id: string, n: number, ext: string) => `s/${id}/img/${n}.${ext}`,
  apiSnapshot: (id: string) => `api/snapshots/${id}.json`,
  asset: (name: string) => `assets/${name}`,
};

const encodePath = (path: string): string => path.split('/').map(encodeURIComponent).join('/');

/** Links for a page written at `pagePath` in the static export. */
export function staticLinks(pagePath: string): SiteLinks {
  const depth = pagePath.split('/').length - 1;
  const up = depth === 0 ? './' : '../'.repeat(depth);
  const to = (path: string): string => up + encodePath(path);
  return {
    home: (page) => to(staticPaths.home(page)),
    category: (name, page) => to(staticPaths.category(name, page)),
    snapshot: (id) => to(staticPaths.snapshot(id)),
    raw: (id) => to(staticPaths.raw(id)),
    rawSource: (id) => to(staticPaths.rawSource(id)),
    rawContent: () => null,
    rawOriginal: () => null,
    versions: (id) => to(staticPaths.versions(id)),
    screenshot: (id) => to(staticPaths.screenshot(id)),
    image: (id, n, ext) => to(staticPaths.image(id, n, ext)),
    search: () => null,
    apiSnapshot: (id) => to(staticPaths.apiSnapshot(id)),
    asset: (name) => to(staticPaths.asset(name)),
  };
}
