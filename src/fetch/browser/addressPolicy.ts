import dns from 'node:dns';
import { isIP } from 'node:net';
import { endpointKey } from '../../util/endpoint.js';
import { PrivateAccess } from '../privateAccess.js';
import { blockedRange } from '../ssrf.js';
import type { AddressPolicy } from './types.js';

/** Either the addresses a host may be reached at, or why not. */
export type HostVerdict =
  | { allowed: true; addresses: string[] }
  | { allowed: false; blocked: true; address: string; range: string; reason: string }
  | { allowed: false; blocked: false; reason: string };

/** What DNS said about a name: its addresses, or why there are none. */
type Resolution = { addresses: string[] } | { failure: string };

const DEFAULT_PORTS: Record<string, number> = { 'http:': 80, 'ws:': 80, 'https:': 443, 'wss:': 443 };

/** `true` = every address (PrivateAccess.ALL); a PrivateAccess = those endpoints; ranges open for any endpoint. */
export function addressPolicy(access: boolean | PrivateAccess = false, allowedRanges: readonly string[] = []): AddressPolicy {
  return { privateAccess: typeof access === 'boolean' ? PrivateAccess.from(access) : access, allowedRanges };
}

/** Ranges like 'ipv4Mapped:loopback' count as their inner range. */
export function rangeAllowed(range: string, policy: AddressPolicy): boolean {
  return policy.allowedRanges.some((allowed) => range === allowed || range.endsWith(`:${allowed}`));
}

function judge(hostname: string, port: number | undefined, addresses: string[], policy: AddressPolicy): HostVerdict {
  // The endpoint itself may be opened (the source's own origins); it opens every address its name resolves to.
  if (policy.privateAccess.opensEverything) return { allowed: true, addresses };
  if (port !== undefined && policy.privateAccess.allowsEndpoint(hostname, port)) return { allowed: true, addresses };
  // Any refused record refuses the host (as guardedLookup does): a public/private mix is suspicious.
  for (const address of addresses) {
    const range = blockedRange(address);
    if (range !== undefined && !rangeAllowed(range, policy)) {
      const shown = address === hostname ? address : `${hostname} → ${address}`;
      const where = port === undefined ? '' : ` for ${endpointKey(hostname, port)}`;
      return { allowed: false, blocked: true, address, range, reason: `blocked address ${shown} (${range})${where}` };
    }
  }
  return { allowed: true, addresses };
}

/**
 * Vets hosts and ports for one render with the existing SSRF ranges (ssrf.ts blockedRange): IP
 * literals directly, names through dns.lookup (all records). Private addresses pass only for the
 * endpoints (host:port) the policy opens. DNS answers are cached per render, so the route check and
 * the guard proxy agree, and the proxy connects to exactly the address that was vetted.
 */
export class HostVetter {
  private readonly cache = new Map<string, Promise<Resolution>>();

  constructor(readonly policy: AddressPolicy) {}

  /** Without a port only the ranges (and PrivateAccess.ALL) can open a private address. */
  async vet(hostname: string, port?: number): Promise<HostVerdict> {
    const bare = hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
    const key = bare.toLowerCase();
    let resolution = this.cache.get(key);
    if (!resolution) {
      resolution = this.resolve(key);
      this.cache.set(key, resolution);
    }
    const resolved = await resolution;
    if ('failure' in resolved) return { allowed: false, blocked: false, reason: resolved.failure };
    return judge(key, port, resolved.addresses, this.policy);
  }

  /** Vets the host and port of a URL; non-network schemes (data:, blob:) need no vetting. */
  async vetUrl(url: string): Promise<HostVerdict> {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return { allowed: false, blocked: false, reason: `not a valid URL` };
    }
    const defaultPort = DEFAULT_PORTS[parsed.protocol];
    if (defaultPort === undefined) return { allowed: true, addresses: [] };
    return this.vet(parsed.hostname, parsed.port === '' ? defaultPort : Number(parsed.port));
  }

  private async resolve(hostname: string): Promise<Resolution> {
    if (isIP(hostname) !== 0) return { addresses: [hostname] };
    try {
      const records = await dns.promises.lookup(hostname, { all: true, verbatim: true });
      if (records.length === 0) return { failure: `no addresses for ${hostname}` };
      return { addresses: records.map((r) => r.address) };
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code ?? 'error';
      return { failure: `cannot resolve ${hostname} (${code})` };
    }
  }
}
