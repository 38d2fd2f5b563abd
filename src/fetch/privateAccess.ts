import { endpointKey, endpointOfUrl, parseEndpoint } from '../util/endpoint.js';

/**
 * Which endpoints (host and port, see util/endpoint.ts) may be reached on private, loopback and
 * link-local addresses — the SSRF guard's only opening. Evaluated for every connection on its own:
 * each redirect hop of an HTTP fetch, each request and connection a browser render makes. Anything
 * not listed goes through the guard and is refused after DNS resolution as `blocked-address`.
 *
 * The crawler builds one per source (its entry points' endpoints when `allowPrivate` is on, plus
 * `allowPrivateHosts`); `ALL` exists for tests and tools that talk to loopback servers directly.
 */
export class PrivateAccess {
  /** Nothing private: the default. */
  static readonly NONE = new PrivateAccess(false, new Set());
  /** Every address (the guard off). Never built by the crawler. */
  static readonly ALL = new PrivateAccess(true, new Set());

  private constructor(
    private readonly everything: boolean,
    private readonly endpoints: ReadonlySet<string>,
  ) {}

  /** `ALL` for true, `NONE` for false/undefined. */
  static from(allowPrivate: boolean | undefined): PrivateAccess {
    return allowPrivate ? PrivateAccess.ALL : PrivateAccess.NONE;
  }

  /**
   * The endpoints of these URLs (`http://127.0.0.1:8787/feed.xml` → `127.0.0.1:8787`) and `host:port`
   * specs. Throws on an entry that is neither: silently dropping one would refuse a site the config meant to allow.
   */
  static of(entries: Iterable<string>): PrivateAccess {
    const endpoints = new Set<string>();
    for (const entry of entries) {
      const key = /^[a-z][a-z0-9+.-]*:\/\//i.test(entry) ? endpointOfUrl(entry) : parseEndpoint(entry);
      if (key === undefined) throw new TypeError(`not an http(s) URL or host:port: "${entry}"`);
      endpoints.add(key);
    }
    return endpoints.size === 0 ? PrivateAccess.NONE : new PrivateAccess(false, endpoints);
  }

  /** Whether a URL's endpoint may be private. Other schemes never. */
  allowsUrl(url: URL | string): boolean {
    if (this.everything) return true;
    if (this.endpoints.size === 0) return false;
    const key = endpointOfUrl(url);
    return key !== undefined && this.endpoints.has(key);
  }

  /** Whether host:port may be private (the browser's guard proxy knows no scheme). */
  allowsEndpoint(host: string, port: number | string): boolean {
    if (this.everything) return true;
    return this.endpoints.size > 0 && this.endpoints.has(endpointKey(host, port));
  }

  /** True for ALL: every address is open. */
  get opensEverything(): boolean {
    return this.everything;
  }

  get isNone(): boolean {
    return !this.everything && this.endpoints.size === 0;
  }

  /** `none`, `all`, or the endpoints, sorted: for logs and cache keys. */
  toString(): string {
    if (this.everything) return 'all';
    return this.endpoints.size === 0 ? 'none' : [...this.endpoints].sort().join(',');
  }
}
