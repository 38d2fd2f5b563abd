import dns from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';
import { SnapcrawlError } from '../util/errors.js';

/**
 * Raised inside the socket layer when a host resolves to an address we refuse to contact.
 * The fetcher turns it into a FetchError of kind 'blocked-address' (it knows the URL; we don't).
 */
export class BlockedAddressError extends SnapcrawlError {
  readonly code = 'ERR_SNAPCRAWL_BLOCKED_ADDRESS';
  constructor(
    readonly hostname: string,
    readonly address: string,
    readonly range: string,
  ) {
    super(`refusing to connect to ${hostname} (${address}, ${range} address)`);
  }
}

/** IPv6 ranges that carry an IPv4 address inside; we judge them by that IPv4 address. */
function embeddedIPv4(addr: ipaddr.IPv6): ipaddr.IPv4 | undefined {
  const p = addr.parts;
  const fromLow32 = (): ipaddr.IPv4 => new ipaddr.IPv4([p[6] >> 8, p[6] & 0xff, p[7] >> 8, p[7] & 0xff]);
  switch (addr.range()) {
    case 'ipv4Mapped': // ::ffff:a.b.c.d
    case 'rfc6145': // ::ffff:0:a.b.c.d
    case 'rfc6052': // 64:ff9b::a.b.c.d (NAT64; DNS64 networks return these for public hosts too)
      return fromLow32();
    case '6to4': // 2002:AABB:CCDD::/48
      return new ipaddr.IPv4([p[1] >> 8, p[1] & 0xff, p[2] >> 8, p[2] & 0xff]);
    default:
      // Deprecated IPv4-compatible form ::a.b.c.d (not :: or ::1, which have their own ranges).
      if (p.slice(0, 6).every((x) => x === 0) && addr.range() === 'unicast') return fromLow32();
      return undefined;
  }
}

/**
 * Why an address must not be contacted ('loopback', 'private', …), or undefined when it is public
 * unicast. Anything that is not plainly public is refused: private, loopback, link-local,
 * unique-local, CGNAT, multicast, broadcast, unspecified, reserved/documentation, teredo, and
 * IPv6 forms that embed one of those IPv4 addresses. Unparseable input counts as blocked.
 */
export function blockedRange(address: string): string | undefined {
  const bare = address.startsWith('[') && address.endsWith(']') ? address.slice(1, -1) : address;
  // Zone ids (fe80::1%eth0) are link-local by definition.
  if (bare.includes('%')) return 'linkLocal';
  if (!ipaddr.isValid(bare) || isIP(bare) === 0) return 'invalid';
  const parsed = ipaddr.parse(bare);
  if (parsed.kind() === 'ipv6') {
    const v6 = parsed as ipaddr.IPv6;
    const v4 = embeddedIPv4(v6);
    if (v4) {
      const inner = v4.range();
      return inner === 'unicast' ? undefined : `${v6.range()}:${inner}`;
    }
    const range = v6.range();
    return range === 'unicast' ? undefined : range;
  }
  const range = (parsed as ipaddr.IPv4).range();
  return range === 'unicast' ? undefined : range;
}

/** Hostname of a URL without IPv6 brackets, if it is an IP literal; undefined for names. */
function ipLiteralOf(url: URL): string | undefined {
  const host = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  return isIP(host) !== 0 ? host : undefined;
}

/**
 * Throws BlockedAddressError when the URL's host is an IP literal in a refused range.
 * Needed because net.connect skips the lookup function for IP literals.
 */
export function assertIpLiteralAllowed(url: URL): void {
  const literal = ipLiteralOf(url);
  if (literal === undefined) return;
  const range = blockedRange(literal);
  if (range !== undefined) throw new BlockedAddressError(url.hostname, literal, range);
}

/**
 * A `lookup` for net/tls.connect that resolves normally and then refuses blocked addresses.
 * Checking inside the connect path (not before the request) means the address we vetted is the
 * address we connect to: no DNS-rebinding gap. If any resolved address is blocked we refuse the
 * host outright rather than filtering, since a mix of public and private records is suspicious.
 */
export const guardedLookup: LookupFunction = (hostname, options, callback) => {
  dns.lookup(hostname, { ...options, all: true }, (err, addresses) => {
    if (err) {
      callback(err, '');
      return;
    }
    for (const { address } of addresses) {
      const range = blockedRange(address);
      if (range !== undefined) {
        callback(new BlockedAddressError(hostname, address, range), '');
        return;
      }
    }
    if (options.all) {
      callback(null, addresses);
      return;
    }
    const first = addresses[0];
    if (!first) {
      callback(Object.assign(new Error(`no addresses for ${hostname}`), { code: 'ENOTFOUND' }), '');
      return;
    }
    callback(null, first.address, first.family);
  });
};
