/** URL resolution and the page's outlinks (every http(s) link, nav included: the crawler discovers with them). */
import type { Element } from './dom.js';

/** Absolute http(s) URL for `href` relative to `base`, fragment dropped; undefined for anything else. */
export function resolveHttpUrl(href: string | undefined, base: string | undefined): string | undefined {
  if (!href) return undefined;
  const raw = href.trim();
  if (!raw || raw.length > 4096) return undefined;
  if (/^(?:javascript|mailto|tel|data|about|blob|file|ftp|sms|whatsapp):/i.test(raw)) return undefined;
  let u: URL;
  try {
    u = base ? new URL(raw, base) : new URL(raw);
  } catch {
    return undefined;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return undefined;
  if (u.hash || raw.includes('#')) u.hash = '';
  return u.href;
}

/** resolveHttpUrl with a per-page memo: menus and link lists repeat hrefs, and URL parsing is the costly part. */
export class UrlResolver {
  private readonly memo = new Map<string, string | undefined>();
  private readonly origin: string | undefined;

  /** `base` resolves relative links (the `<base href>` when there is one); `page` is the page's own URL, which a
   * `<base href>` pointing at the site's root does not tell (a link back to the page itself is known by it). */
  constructor(readonly base: string | undefined, readonly page: string | undefined = base) {
    try {
      this.origin = base ? new URL(base).origin : undefined;
    } catch {
      this.origin = undefined;
    }
  }

  resolve(href: string | undefined): string | undefined {
    if (!href) return undefined;
    if (this.memo.has(href)) return this.memo.get(href);
    const abs = this.rootRelative(href) ?? plainAbsolute(href) ?? resolveHttpUrl(href, this.base);
    if (this.memo.size < 50_000) this.memo.set(href, abs);
    return abs;
  }

  /**
   * Fast path for the commonest link, "/path?query#frag": origin + path when the path needs no normalisation
   * (plain URL-safe ASCII, no dot segments), exactly what the URL parser would produce.
   */
  private rootRelative(href: string): string | undefined {
    if (!this.origin || !SAFE_ROOT_RELATIVE.test(href) || DOT_SEGMENT.test(href)) return undefined;
    const hash = href.indexOf('#');
    return this.origin + (hash < 0 ? href : href.slice(0, hash));
  }
}

/**
 * Fast path for an absolute link already in the URL parser's output form ("https://www.example.com/a/b?c=1#x"):
 * lower-case http(s) scheme and host name (no port, no user, no IP address, no punycode), then a plain path as
 * above, within resolveHttpUrl's length limit. The href is then its own resolution, fragment dropped.
 */
function plainAbsolute(href: string): string | undefined {
  if (href.length > 4096 || !PLAIN_ABSOLUTE.test(href) || DOT_SEGMENT.test(href) || href.includes('xn--')) return undefined;
  const hash = href.indexOf('#');
  return hash < 0 ? href : href.slice(0, hash);
}

// Host labels of lower-case letters, digits and inner hyphens, the last one (the TLD) letters only: never an IPv4
// address, which the parser would rewrite.
const PLAIN_ABSOLUTE =
  /^https?:\/\/(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,63}\/[A-Za-z0-9\-._~!$&()*+,;=:@%/]*(?:\?[A-Za-z0-9\-._~!$&()*+,;=:@%/?]*)?(?:#.*)?$/;
const SAFE_ROOT_RELATIVE = /^\/(?!\/)[A-Za-z0-9\-._~!$&()*+,;=:@%/]*(?:\?[A-Za-z0-9\-._~!$&()*+,;=:@%/?]*)?(?:#.*)?$/;
const DOT_SEGMENT = /\/\.\.?(?:[/?#]|$)/;

/**
 * The URL relative links resolve against: the page's first `<base href>` when present (itself relative to the page
 * URL; parsePage notes that element as it parses).
 */
export function baseUrlOf(baseEl: Element | undefined, pageUrl: string): string | undefined {
  const valid = resolveHttpUrl(pageUrl, undefined);
  return resolveHttpUrl(baseEl?.attribs.href, valid) ?? valid;
}

/** <link rel="canonical"> of the page, resolved. */
export function canonicalLink(all: Element[], base: string | undefined): string | undefined {
  const el = all.find((e) => e.name === 'link' && /(?:^|\s)canonical(?:\s|$)/i.test(e.attribs.rel ?? '') && e.attribs.href);
  return resolveHttpUrl(el?.attribs.href, base);
}

const LINK_RELS = new Set(['canonical', 'alternate', 'amphtml', 'next', 'prev', 'shortlink']);

/** All distinct absolute links of the page in document order: <a>, <area>, and discovery-worthy <link>s. */
export function collectOutlinks(all: Element[], urls: UrlResolver): string[] {
  const seen = new Set<string>();
  for (const el of all) {
    let href: string | undefined;
    if (el.name === 'a' || el.name === 'area') href = el.attribs.href;
    else if (el.name === 'link') {
      const rels = (el.attribs.rel ?? '').toLowerCase().split(/\s+/);
      if (rels.some((r) => LINK_RELS.has(r))) href = el.attribs.href;
    }
    const abs = urls.resolve(href);
    if (abs) seen.add(abs);
  }
  return [...seen];
}

/** A URL as compared for "same page": no scheme, fragment, "www." or trailing slash. */
function pageKey(u: string): string {
  return u.replace(/^https?:\/\/(?:www\.)?/i, '').replace(/#.*$/, '').replace(/\/+$/, '').toLowerCase();
}

/** A URL's host without a leading "www." (a site links to itself with and without it); undefined if it does not parse. */
export function siteHostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return undefined;
  }
}

/** Links (in `order`) that point at the page itself: the permalinked headline of blog posts. */
export function linksToSelf(order: Element[], urls: UrlResolver, pageUrls: Array<string | undefined>): Set<Element> {
  const keys = new Set(pageUrls.filter((u): u is string => !!u).map(pageKey));
  const out = new Set<Element>();
  if (keys.size === 0) return out;
  // Cheap pre-filter: the href must contain the last path or query part of a page URL.
  const tails = [...keys].map((k) => k.split(/[/?=&]/).filter(Boolean).pop() ?? '').filter((t) => t.length >= 2);
  if (tails.length === 0) return out;
  for (const el of order) {
    if (el.name !== 'a') continue;
    const href = el.attribs.href;
    // (An empty fragment, "…/126785982#", is a script's button, "没有账号？立即注册": no permalink ends so.)
    if (!href || href.length > 500 || href.endsWith('#') || !tails.some((t) => href.toLowerCase().includes(t))) continue;
    const abs = urls.resolve(href);
    if (abs && keys.has(pageKey(abs))) out.add(el);
    if (out.size >= 20) break;
  }
  return out;
}
