import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

/**
 * Network endpoints as `host:port` keys — what a connection actually reaches — so that the same
 * place is spelled one way whether it comes from a URL (`http://127.0.0.1:8787/x`), a config entry
 * (`127.0.0.1:8787`) or a SOCKS5 CONNECT from the browser (host and port only, no scheme).
 *
 * Host: lower-cased; IP literals in ipaddr's canonical form (IPv6 in brackets); the port is always
 * explicit (80 for http/ws, 443 for https/wss when the URL leaves it out). Names are NOT resolved:
 * `localhost:8787` and `127.0.0.1:8787` are different endpoints.
 */

const DEFAULT_PORTS: Record<string, number> = { 'http:': 80, 'ws:': 80, 'https:': 443, 'wss:': 443 };

/** Canonical host: brackets removed from IPv6, IP literals normalized, names lower-cased. */
export function canonicalHost(host: string): string {
  const bare = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
  if (isIP(bare) !== 0 && ipaddr.isValid(bare)) return ipaddr.parse(bare).toString();
  return bare.toLowerCase();
}

/** `host:port` key of a host and port (IPv6 hosts bracketed). */
export function endpointKey(host: string, port: number | string): string {
  const h = canonicalHost(host);
  return `${h.includes(':') ? `[${h}]` : h}:${Number(port)}`;
}

/** `host:port` key of an http(s)/ws(s) URL (default ports filled in); undefined for other schemes or junk. */
export function endpointOfUrl(url: URL | string): string | undefined {
  let parsed: URL;
  try {
    parsed = typeof url === 'string' ? new URL(url) : url;
  } catch {
    return undefined;
  }
  const defaultPort = DEFAULT_PORTS[parsed.protocol];
  if (defaultPort === undefined || parsed.hostname === '') return undefined;
  return endpointKey(parsed.hostname, parsed.port === '' ? defaultPort : parsed.port);
}

const HOST_PORT = /^(\[[0-9A-Fa-f:.]+\]|[^\s:/?#@[\]]+):(\d{1,5})$/;

/**
 * Parses a configured endpoint: `host:port` (`10.0.0.5:8080`, `intranet.example:80`, `[fd00::5]:443`)
 * or an http(s) origin (`http://10.0.0.5:8080`, `https://intranet.example`). Returns its key, or
 * undefined when it is neither (a path, a missing port, a port out of range…).
 */
export function parseEndpoint(spec: string): string | undefined {
  const trimmed = spec.trim();
  if (/^https?:\/\//i.test(trimmed)) {
    let url: URL;
    try {
      url = new URL(trimmed);
    } catch {
      return undefined;
    }
    // An origin only: a path, query or credentials would suggest a narrower scope than we can enforce.
    if (url.username || url.password || url.search || url.hash || (url.pathname !== '/' && url.pathname !== '')) return undefined;
    if (!/^https?:\/\/[^/]+\/?$/i.test(trimmed)) return undefined;
    return endpointOfUrl(url);
  }
  const m = HOST_PORT.exec(trimmed);
  if (!m) return undefined;
  const port = Number(m[2]);
  if (port < 1 || port > 65535) return undefined;
  let url: URL;
  try {
    url = new URL(`http://${m[1]}/`); // normalizes the host as a browser would (IDN, IPv4 shorthands)
  } catch {
    return undefined;
  }
  return endpointKey(url.hostname, port);
}
