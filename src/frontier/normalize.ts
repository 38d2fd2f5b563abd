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

/**
 * Canonical form of a URL for de-duplication: scheme and host lower-case (WHATWG URL does that and
 * punycodes IDNs), default port and fragment dropped, tracking parameters dropped, remaining query
 * parameters sorted (stable for equal names). Returns null for anything that is not http(s).
 */
export function normalizeUrl(input: string, base?: string): string | null {
  let url: URL;
  try {
    url = base === undefined ? new URL(input.trim()) : new URL(input.trim(), base);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (!url.hostname) return null;
  url.hash = '';
  url.username = '';
  url.password = '';
  if (url.hostname.endsWith('.')) url.hostname = url.hostname.slice(0, -1);
  // `;jsessionid=…` path parameters (Java servlets) carry a session, not content.
  url.pathname = url.pathname.replace(/;(jsessionid|phpsessid|sid)=[^/;?]*/gi, '');
  const kept = [...url.searchParams.entries()].filter(([k, v]) => !isTrackingParam(k, v));
  kept.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  url.search = '';
  for (const [k, v] of kept) url.searchParams.append(k, v);
  if (url.search === '?') url.search = '';
  return url.toString();
}

/** Host (with non-default port) of a normalized URL: the unit of politeness. */
export function hostKey(url: string): string {
  return new URL(url).host;
}
