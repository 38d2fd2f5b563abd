import { XMLParser } from 'fast-xml-parser';
import iconv from 'iconv-lite';
import { canonicalCharset, charsetFromContentType, maybeGunzip } from '../fetch/index.js';

/** A URL found in a feed or sitemap, with the date that orders it (publication or lastmod). */
export interface DiscoveredLink {
  url: string;
  date?: string;
  /**
   * The site's own change signal for the URL, when it gives one: sitemap `<lastmod>` (else the news sitemap's
   * `<news:publication_date>`), feed `<updated>` (else `<pubDate>`/`<published>`), JSON Feed `date_modified`
   * (else `date_published`). Compared only with the value the site gave before (linkIntake), never with our clock.
   */
  modified?: string;
}

export interface Discovery {
  kind: 'rss' | 'atom' | 'jsonfeed' | 'sitemap' | 'sitemapindex' | 'unknown';
  links: DiscoveredLink[];
  /** Child sitemaps of a sitemap index. */
  sitemaps: string[];
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  processEntities: true,
  parseTagValue: false,
  trimValues: true,
  // Entity-expansion bombs are refused by the parser's own limits; keep documents small anyway.
});

type Node = Record<string, unknown>;
const arr = (v: unknown): unknown[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);
const text = (v: unknown): string | undefined => {
  if (typeof v === 'string') return v.trim() || undefined;
  if (typeof v === 'number') return String(v);
  if (v && typeof v === 'object' && '#text' in v) return text((v as Node)['#text']);
  return undefined;
};

/**
 * Feeds may be in a legacy encoding (many Chinese feeds are GBK): the Content-Type charset, then the XML
 * declaration's `encoding`, then UTF-8.
 */
export function decodeFeed(bytes: Buffer, contentType?: string | null): string {
  const declared = /^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(bytes.subarray(0, 256).toString('latin1'))?.[1];
  const charset = canonicalCharset(charsetFromContentType(contentType) ?? declared ?? 'utf-8') ?? 'utf-8';
  const text = charset === 'utf-8' || !iconv.encodingExists(charset) ? bytes.toString('utf8') : iconv.decode(bytes, charset);
  return text.replace(/^\uFEFF/, '');
}

/** Sets `modified` only when the document gives one (links without it compare equal to `{ url, date }`). */
function withModified(link: DiscoveredLink, modified: string | undefined): DiscoveredLink {
  return modified ? { ...link, modified } : link;
}

/** Media types of an article page; a feed link of another type (video, PDF, JSON) is no article. */
const PAGE_TYPES = new Set(['text/html', 'application/xhtml+xml']);
const ALTERNATE = new Set(['alternate', 'http://www.iana.org/assignments/relation/alternate']);

/**
 * The article URL among Atom `<link>`s: `rel="alternate"` or no rel (RFC 4287 says that means alternate),
 * with no type or an HTML one. Never an enclosure, `self`, `license`, `related`, `via`, `edit`: an entry
 * without such a link has no article URL.
 */
function atomArticleHref(links: unknown[]): string | undefined {
  for (const l of links) {
    if (!l || typeof l !== 'object') continue;
    const node = l as Node;
    const rel = typeof node['@rel'] === 'string' ? node['@rel'].trim().toLowerCase() : '';
    if (rel && !ALTERNATE.has(rel)) continue;
    const type = typeof node['@type'] === 'string' ? node['@type'].split(';')[0]!.trim().toLowerCase() : '';
    if (type && !PAGE_TYPES.has(type)) continue;
    const href = text(node['@href']);
    if (href) return href;
  }
  return undefined;
}

/** An absolute http(s) URL, or undefined: a guid that is an opaque id is no link. */
const absoluteHttp = (s: string | undefined): string | undefined => {
  if (!s) return undefined;
  try {
    const u = new URL(s);
    return u.protocol === 'http:' || u.protocol === 'https:' ? s : undefined;
  } catch {
    return undefined;
  }
};

/**
 * An RSS item's article URL: its `<link>` (an `atom:link` beside it is read by Atom's rules), else its
 * `<guid>` when that is a permalink (isPermaLink absent or "true", RSS 2.0's default) holding an absolute URL.
 */
function rssItemLink(n: Node): string | undefined {
  const links = arr(n.link);
  const plain = links.map((l) => (typeof l === 'string' || (l && typeof l === 'object' && !('@href' in l)) ? text(l) : undefined)).find(Boolean);
  if (plain) return plain;
  const atom = atomArticleHref(links.filter((l) => l && typeof l === 'object' && '@href' in (l as Node)));
  if (atom) return atom;
  const guids = arr(n.guid);
  for (const g of guids) {
    const permalink = typeof g === 'string' || (typeof g === 'object' && g !== null && String((g as Node)['@isPermaLink'] ?? 'true').trim().toLowerCase() !== 'false');
    if (permalink) {
      const url = absoluteHttp(text(g));
      if (url) return url;
    }
  }
  return undefined;
}

/** Parses RSS 2.0, Atom, JSON Feed, sitemaps and sitemap indexes; anything else yields no links. */
export function parseDiscovery(body: Buffer, baseUrl: string, contentType?: string | null): Discovery {
  const raw = decodeFeed(maybeGunzip(body), contentType);
  const trimmed = raw.trimStart();
  const resolve = (u: string | undefined): string | undefined => {
    if (!u) return undefined;
    try {
      return new URL(u, baseUrl).toString();
    } catch {
      return undefined;
    }
  };
  const clean = (links: DiscoveredLink[]): DiscoveredLink[] =>
    links.filter((l): l is DiscoveredLink => Boolean(l.url));

  if (trimmed.startsWith('{')) {
    try {
      const feed = JSON.parse(trimmed) as { items?: unknown };
      const links = arr(feed.items).map((it) => {
        const item = (it ?? {}) as Record<string, unknown>;
        const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
        const published = str(item.date_published);
        const modified = str(item.date_modified) ?? str(item.dateModified) ?? published;
        return withModified({ url: resolve(str(item.url) ?? str(item.external_url)) ?? '', date: published ?? str(item.date_modified) }, modified);
      });
      return { kind: 'jsonfeed', links: clean(links), sitemaps: [] };
    } catch {
      return { kind: 'unknown', links: [], sitemaps: [] };
    }
  }
  let doc: Node;
  try {
    doc = parser.parse(trimmed) as Node;
  } catch {
    return { kind: 'unknown', links: [], sitemaps: [] };
  }
  if (doc.urlset) {
    const links = arr((doc.urlset as Node).url).map((u) => {
      const n = u as Node;
      const news = n.news as Node | undefined;
      const published = text(news?.publication_date);
      const lastmod = text(n.lastmod);
      return withModified({ url: resolve(text(n.loc)) ?? '', date: published ?? lastmod }, lastmod ?? published);
    });
    return { kind: 'sitemap', links: clean(links), sitemaps: [] };
  }
  if (doc.sitemapindex) {
    const sitemaps = arr((doc.sitemapindex as Node).sitemap)
      .map((s) => resolve(text((s as Node).loc)))
      .filter((s): s is string => Boolean(s));
    return { kind: 'sitemapindex', links: [], sitemaps };
  }
  if (doc.rss || doc.RDF) {
    const channel = (doc.rss as Node | undefined)?.channel as Node | undefined;
    const items = arr(channel?.item ?? (doc.RDF as Node | undefined)?.item);
    const links = items.map((it) => {
      const n = it as Node;
      const published = text(n.pubDate) ?? text(n.date);
      const modified = text(n.updated) ?? text(n.modified) ?? text(n.dateModified) ?? published;
      return withModified({ url: resolve(rssItemLink(n)) ?? '', date: published }, modified);
    });
    return { kind: 'rss', links: clean(links), sitemaps: [] };
  }
  if (doc.feed) {
    const links = arr((doc.feed as Node).entry).map((e) => {
      const n = e as Node;
      const published = text(n.published);
      return withModified({ url: resolve(atomArticleHref(arr(n.link))) ?? '', date: published ?? text(n.updated) }, text(n.updated) ?? published);
    });
    return { kind: 'atom', links: clean(links), sitemaps: [] };
  }
  return { kind: 'unknown', links: [], sitemaps: [] };
}

/** Index pages (seeds, feeds, sitemaps) go before everything: they are where new articles appear. */
export const INDEX_PRIORITY = 1_000_000_000;

/**
 * Feed and sitemap items go before links found in pages (priority 0), newer first: the item's date in
 * hours since the epoch; an undated item gets 1.
 */
export function priorityFromDate(date: string | undefined): number {
  if (!date) return 1;
  const t = Date.parse(date);
  if (Number.isNaN(t)) return 1;
  return Math.min(INDEX_PRIORITY - 1, 2 + Math.max(0, Math.floor(t / 3_600_000)));
}
