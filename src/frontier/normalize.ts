/** Query parameters that only track the visitor; dropping them merges duplicates of one article. */
const TRACKING_PARAMS = new Set([
  'fbclid', 'gclid', 'dclid', 'gbraid', 'wbraid', 'msclkid', 'yclid', 'mc_cid', 'mc_eid', 'igshid',
  'spm', 'scm', '_hsenc', '_hsmi', 'mkt_tok', 'ref_src', 'share_token', 'wt.mc_id', 'icid', 'ncid',
  'vd_source', 'share_source', 'share_medium', 'share_plat', 'timestamp_share',
]);
const TRACKING_PREFIXES = ['utm_', 'pk_', 'mtm_', 'hmsr', 'hmpl', 'hmcu', 'hmkw', 'hmci'];

/** Session identifiers make one page look like endless different URLs (a classic spider trap). */
const SESSION_PARAMS = new Set(['jsessionid', 'phpsessid', 'sessionid', 'session_id', 'cfid', 'cftoken']);
const SESSION_TOKEN = /^[0-9a-zA-Z_-]{16,}$/;

function isTrackingParam(name: string, value: string): boolean {
  const n = name.toLowerCase();
  if (SESSION_PARAMS.has(n) || n.startsWith('aspsessionid')) return true;
  if ((n === 'sid' || n === 's') && SESSION_TOKEN.test(value)) return true;
  return TRACKING_PARAMS.has(n) || TRACKING_PREFIXES.some((p) => n.startsWith(p));
}

/** RFC 3986 unreserved characters: an escape of one of these means the character itself (§6.2.2.2). */
const UNRESERVED = /^[A-Za-z0-9\-._~]$/;

/**
 * Percent-encoding normalisation (RFC 3986 §6.2.2.1–2), never lossy: `%7e` → `~`, `%2f` → `%2F`; every other
 * escape keeps its exact bytes (`%D6%D0` stays GBK, it is never decoded as UTF-8).
 */
export function normalizeEscapes(s: string): string {
  if (!s.includes('%')) return s;
  return s.replace(/%([0-9A-Fa-f]{2})/g, (_, hex: string) => {
    const ch = String.fromCharCode(parseInt(hex, 16));
    return UNRESERVED.test(ch) ? ch : `%${hex.toUpperCase()}`;
  });
}

/**
 * The query part of a key: the raw query split on `&` and `=` by hand (URLSearchParams would decode the
 * escapes as UTF-8 and turn GBK bytes into U+FFFD), escapes normalised, empty pieces and tracking
 * parameters dropped, the rest sorted by name (stable for equal names). Pieces keep their own bytes:
 * `a` stays `a` (not `a=`) and `+` stays `+`.
 */
function normalizeQuery(search: string): string {
  const raw = search.startsWith('?') ? search.slice(1) : search;
  if (!raw) return '';
  const kept: { name: string; piece: string }[] = [];
  for (const part of raw.split('&')) {
    if (!part) continue;
    const piece = normalizeEscapes(part);
    const eq = piece.indexOf('=');
    const name = eq < 0 ? piece : piece.slice(0, eq);
    const value = eq < 0 ? '' : piece.slice(eq + 1);
    if (isTrackingParam(name, value)) continue;
    kept.push({ name, piece });
  }
  kept.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return kept.map((k) => k.piece).join('&');
}

function parseHttpUrl(input: string, base?: string): URL | null {
  let url: URL;
  try {
    url = base === undefined ? new URL(input.trim()) : new URL(input.trim(), base);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (!url.hostname) return null;
  return url;
}

/**
 * Canonical form of a URL for de-duplication (the frontier and snapshot key): scheme and host lower-case
 * (WHATWG URL does that and punycodes IDNs), default port, fragment and credentials dropped, percent-escapes
 * in path and query normalised without decoding anything but unreserved characters, tracking and session
 * parameters dropped, remaining query parameters sorted (stable for equal names). Returns null for anything
 * that is not http(s). Idempotent. The key is for identity only: what is fetched is `requestUrl()`.
 */
export function normalizeUrl(input: string, base?: string): string | null {
  if (base !== undefined) return normalizeParsed(input, base);
  let key = memo.young.get(input);
  if (key !== undefined) return key;
  key = memo.old.get(input);
  if (key === undefined) key = normalizeParsed(input);
  if (memo.young.size >= MEMO_LIMIT) memo = { young: new Map(), old: memo.young };
  memo.young.set(input, key);
  return key;
}

/**
 * Recent keys of normalizeUrl(input) without a base: most links of a page are links of the pages before it
 * (navigation, related articles), and each link is normalized several times on its way in (trap check, known-URL
 * check, enqueue), a WHATWG URL parse each. Two generations like KnownUrls: bounded (2 × MEMO_LIMIT entries, a few
 * MB), recent inputs survive a turnover. The inputs are absolute URLs built by URL (extraction's links), not slices
 * of a page's HTML, so an entry holds only its own two strings.
 */
const MEMO_LIMIT = 10_000;
let memo = { young: new Map<string, string | null>(), old: new Map<string, string | null>() };

function normalizeParsed(input: string, base?: string): string | null {
  const url = parseHttpUrl(input, base);
  if (!url) return null;
  if (url.hostname.endsWith('.')) url.hostname = url.hostname.slice(0, -1);
  // `;jsessionid=…` path parameters (Java servlets) carry a session, not content.
  const path = normalizeEscapes(url.pathname).replace(/;(jsessionid|phpsessid|sid)=[^/;?]*/gi, '');
  const query = normalizeQuery(url.search);
  return `${url.protocol}//${url.host}${path}${query ? `?${query}` : ''}`;
}

/**
 * The URL to request for a link: as WHATWG URL resolves it (escapes kept exactly as the page wrote them,
 * query order kept), fragment and credentials dropped, and tracking and session parameters cut out in place
 * (they are never sent: they do not change the page and would feed the site's analytics or a stale session).
 * Robots rules are checked against this one, since `Disallow: /search?q=` is about the URL the site linked,
 * not a re-sorted key. Null for non-http(s).
 */
export function requestUrl(input: string, base?: string): string | null {
  const url = parseHttpUrl(input, base);
  if (!url) return null;
  url.hash = '';
  url.username = '';
  url.password = '';
  if (/;(jsessionid|phpsessid|sid)=/i.test(url.pathname)) url.pathname = url.pathname.replace(/;(jsessionid|phpsessid|sid)=[^/;?]*/gi, '');
  if (url.search.length > 1) {
    const parts = url.search.slice(1).split('&');
    const kept = parts.filter((part) => {
      const piece = normalizeEscapes(part);
      const eq = piece.indexOf('=');
      return !part || !isTrackingParam(eq < 0 ? piece : piece.slice(0, eq), eq < 0 ? '' : piece.slice(eq + 1));
    });
    if (kept.length !== parts.length) url.search = kept.some(Boolean) ? `?${kept.join('&')}` : '';
  }
  return url.href;
}

/** Host (with non-default port) of a normalized URL: the unit of politeness. */
export function hostKey(url: string): string {
  return new URL(url).host;
}
