import dns from 'node:dns';
import { isIP } from 'node:net';
import { blockedRange } from '../ssrf.js';
import type { AddressPolicy } from './types.js';

/** Either the addresses a host may be reached at, or why not. */
export type HostVerdict =
  | { allowed: true; addresses: string[] }
  | { allowed: false; blocked: true; address: string; range: string; reason: string }
  | { allowed: false; blocked: false; reason: string };

export function addressPolicy(allowPrivate = false, allowedRanges: readonly string[] = []): AddressPolicy {
  return { allowPrivate, allowedRanges };
}

/** Ranges like 'ipv4Mapped:loopback' count as their inner range. */
export function rangeAllowed(range: string, policy: AddressPolicy): boolean {
  if (policy.allowPrivate) return true;
  return policy.allowedRanges.some((allowed) => range === allowed || range.endsWith(`:${allowed}`));
}

function judge(hostname: string, addresses: string[], policy: AddressPolicy): HostVerdict {
  // Any refused record refuses the host (as guardedLookup does): a public/private mix is suspicious.
  for (const address of addresses) {
    const range = blockedRange(address);
    if (range !== undefined && !rangeAllowed(range, policy)) {
      const shown = address === hostname ? address : `${hostname} → ${address}`;
      return { allowed: false, blocked: true, address, range, reason: `blocked address ${shown} (${range})` };
    }
  }
  return { allowed: true, addresses };
}

/**
 * Vets hostnames for one render with the existing SSRF ranges (ssrf.ts blockedRange): IP literals
 * directly, names through dns.lookup (all records). Answers are cached per render, so the route
 * check and the guard proxy agree, and the proxy connects to exactly the address that was vetted.
 */
export class HostVetter {
  private readonly cache = new Map<string, Promise<HostVerdict>>();

  constructor(readonly policy: AddressPolicy) {}

  vet(hostname: string): Promise<HostVerdict> {
    const bare = hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
    const key = bare.toLowerCase();
    let verdict = this.cache.get(key);
    if (!verdict) {
      verdict = this.lookup(key);
      this.cache.set(key, verdict);
    }
    return verdict;
  }

  /** Vets the host of a URL; non-network schemes (data:, blob:) need no vetting. */
  async vetUrl(url: string): Promise<HostVerdict> {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return { allowed: false, blocked: false, reason: `not a valid URL` };
    }
    if (!/^(https?|wss?):$/.test(parsed.protocol)) return { allowed: true, addresses: [] };
    return this.vet(parsed.hostname);
  }

  private async lookup(hostname: string): Promise<HostVerdict> {
    if (isIP(hostname) !== 0) return judge(hostname, [hostname], this.policy);
    try {
      const records = await dns.promises.lookup(hostname, { all: true, verbatim: true });
      if (records.length === 0) return { allowed: false, blocked: false, reason: `no addresses for ${hostname}` };
      return judge(hostname, records.map((r) => r.address), this.policy);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code ?? 'error';
      return { allowed: false, blocked: false, reason: `cannot resolve ${hostname} (${code})` };
    }
  }
}
