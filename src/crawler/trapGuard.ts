import type { SourceLimits } from '../config/index.js';

/**
 * Refuses URLs that look like spider traps before they enter the frontier. Returns the name of the
 * limit a URL breaks (counted in the run report), or null when it may be queued.
 */
export class TrapGuard {
  private readonly variants = new Map<string, Set<string>>();

  constructor(private readonly limits: SourceLimits) {}

  check(url: string): string | null {
    if (url.length > this.limits.maxUrlLength) return 'maxUrlLength';
    let u: URL;
    try {
      u = new URL(url);
    } catch {
      return 'invalidUrl';
    }
    const segments = u.pathname.split('/').filter(Boolean);
    const counts = new Map<string, number>();
    for (const s of segments) {
      const n = (counts.get(s) ?? 0) + 1;
      if (n > this.limits.maxRepeatedSegments) return 'maxRepeatedSegments';
      counts.set(s, n);
    }
    if (u.search) {
      if ([...u.searchParams.keys()].length > this.limits.maxQueryParams) return 'maxQueryParams';
      const key = `${u.host}${u.pathname}`;
      let seen = this.variants.get(key);
      if (!seen) this.variants.set(key, (seen = new Set()));
      if (!seen.has(u.search)) {
        if (seen.size >= this.limits.maxQueryVariants) return 'maxQueryVariants';
        seen.add(u.search);
      }
    }
    return null;
  }
}
