import { XMLParser } from 'fast-xml-parser';
import iconv from 'iconv-lite';
import { canonicalCharset, charsetFromContentType, maybeGunzip } from '../fetch/index.js';

/** A URL found in a feed or sitemap, with the date that orders it (publication or lastmod). */
export interface DiscoveredLink {
  url: string;
  date?: string;
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
      const feed = JSON.parse(trimmed) as { items?: { url?: string; external_url?: string; date_published?: string; date_modified?: string }[] };
      const links = arr(feed.items).map((it) => {
        const item = it as { url?: string; external_url?: string; date_published?: string; date_modified?: string };
        return { url: resolve(item.url ?? item.external_url) ?? '', date: item.date_published ?? item.date_modified };
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
      return { url: resolve(text(n.loc)) ?? '', date: text(news?.publication_date) ?? text(n.lastmod) };
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
      const guid = n.guid as Node | string | undefined;
      const guidUrl = typeof guid === 'object' && guid['@isPermaLink'] !== 'false' ? text(guid) : undefined;
      return { url: resolve(text(n.link) ?? guidUrl) ?? '', date: text(n.pubDate) ?? text(n.date) };
    });
    return { kind: 'rss', links: clean(links), sitemaps: [] };
  }
  if (doc.feed) {
    const links = arr((doc.feed as Node).entry).map((e) => {
      const n = e as Node;
      const linkNodes = arr(n.link) as Node[];
      const alt = linkNodes.find((l) => !l['@rel'] || l['@rel'] === 'alternate') ?? linkNodes[0];
      return { url: resolve(alt ? text(alt['@href']) : undefined) ?? '', date: text(n.published) ?? text(n.updated) };
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
