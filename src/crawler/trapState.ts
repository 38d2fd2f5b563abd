/*
 * What the trap guard (trapGuard.ts) remembers in a run, behind one interface: in this process for the embedded
 * crawl, in the frontier store for a shared crawl's workers (worker-traps.ts).
 */

/**
 * What the guard remembers in a run: query strings admitted per host+path, URLs admitted two or more hops deep per
 * template, and new URLs admitted less deep per template. In memory for the embedded crawl (MemoryTrapState); a
 * shared crawl's workers read and add to one copy in the frontier store (worker-traps.ts).
 */
export interface TrapState {
  hasVariant(pathKey: string, search: string): boolean;
  variantCount(pathKey: string): number;
  addVariant(pathKey: string, search: string): void;
  hasChained(template: string, url: string): boolean;
  chainedCount(template: string): number;
  addChained(template: string, url: string): void;
  sourcedCount(template: string): number;
  addSourced(template: string): void;
}

/** The guard's state in this process (the embedded crawl's: one run, one process). */
export class MemoryTrapState implements TrapState {
  private readonly variants = new Map<string, Set<string>>();
  private readonly chained = new Map<string, Set<string>>();
  private readonly sourced = new Map<string, number>();

  hasVariant(pathKey: string, search: string): boolean {
    return this.variants.get(pathKey)?.has(search) ?? false;
  }
  variantCount(pathKey: string): number {
    return this.variants.get(pathKey)?.size ?? 0;
  }
  addVariant(pathKey: string, search: string): void {
    addToSet(this.variants, pathKey, search);
  }
  hasChained(template: string, url: string): boolean {
    return this.chained.get(template)?.has(url) ?? false;
  }
  chainedCount(template: string): number {
    return this.chained.get(template)?.size ?? 0;
  }
  addChained(template: string, url: string): void {
    addToSet(this.chained, template, url);
  }
  sourcedCount(template: string): number {
    return this.sourced.get(template) ?? 0;
  }
  addSourced(template: string): void {
    this.sourced.set(template, (this.sourced.get(template) ?? 0) + 1);
  }
}

function addToSet(map: Map<string, Set<string>>, key: string, value: string): void {
  const set = map.get(key);
  if (set) set.add(value);
  else map.set(key, new Set([value]));
}
