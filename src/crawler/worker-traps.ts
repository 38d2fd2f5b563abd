import type { FrontierStore } from '../storage/interfaces.js';
import type { TrapState } from './trapState.js';
import { trapKeysOf } from './urlTemplate.js';

/** How long a run's trap sets outlive their last addition in Redis (a run longer than this starts them again). */
const TRAP_STATE_TTL_MS = 7 * 24 * 60 * 60 * 1000;

const addTo = (m: Map<string, Set<string>>, key: string, member: string): void => {
  const set = m.get(key);
  if (set) set.add(member);
  else m.set(key, new Set([member]));
};

/**
 * The trap guard's state of one source in one run, shared by every worker of a shared crawl through the frontier
 * store: `load` reads the part a batch of links will ask about (the query variants of their paths, their templates'
 * chained counts and which of them are chained already, the templates' sourced counts), the guard checks the batch
 * against it and records what it admits here, and `commit` adds that to the shared copy. Two workers checking
 * links of one template at the same moment may each admit up to the budget left when they loaded: a template's
 * budget can be exceeded by at most one page's links per concurrent worker, never without bound.
 */
export class SharedTrapState implements TrapState {
  private readonly variants = new Map<string, Set<string>>();
  private readonly chained = new Map<string, Set<string>>();
  private readonly chainedSize = new Map<string, number>();
  private readonly sourced = new Map<string, number>();
  private readonly newVariants = new Map<string, Set<string>>();
  private readonly newChained = new Map<string, Set<string>>();
  private readonly newSourced = new Map<string, number>();

  private constructor(private readonly frontier: FrontierStore, private readonly prefix: string) {}

  /** `prefix` names the run and source (`trap:<runId>:<source>:`); `urls` are the links about to be checked. */
  static async load(frontier: FrontierStore, prefix: string, urls: readonly string[]): Promise<SharedTrapState> {
    const state = new SharedTrapState(frontier, prefix);
    const paths = new Set<string>();
    const byTemplate = new Map<string, Set<string>>();
    for (const url of urls) {
      const keys = trapKeysOf(url);
      if (!keys) continue;
      if (url.includes('?')) paths.add(keys.pathKey);
      if (keys.template !== null && keys.normalized !== null) addTo(byTemplate, keys.template, keys.normalized);
    }
    const templates = [...byTemplate.keys()];
    const [sets, counts] = await Promise.all([
      frontier.readSets([
        ...[...paths].map((p) => ({ key: `${prefix}v:${p}`, members: 'all' as const })),
        ...templates.map((t) => ({ key: `${prefix}c:${t}`, members: [...byTemplate.get(t)!] })),
      ]),
      frontier.counters(templates.map((t) => `${prefix}s:${t}`)),
    ]);
    [...paths].forEach((p, i) => state.variants.set(p, new Set(sets[i]!.members)));
    templates.forEach((t, i) => {
      const read = sets[paths.size + i]!;
      state.chained.set(t, new Set(read.members));
      state.chainedSize.set(t, read.size);
      state.sourced.set(t, counts[i]!);
    });
    return state;
  }

  hasVariant(pathKey: string, search: string): boolean {
    return this.variants.get(pathKey)?.has(search) ?? false;
  }
  variantCount(pathKey: string): number {
    return this.variants.get(pathKey)?.size ?? 0;
  }
  addVariant(pathKey: string, search: string): void {
    if (this.hasVariant(pathKey, search)) return;
    addTo(this.variants, pathKey, search);
    addTo(this.newVariants, pathKey, search);
  }
  hasChained(template: string, url: string): boolean {
    return this.chained.get(template)?.has(url) ?? false;
  }
  chainedCount(template: string): number {
    return this.chainedSize.get(template) ?? 0;
  }
  addChained(template: string, url: string): void {
    if (this.hasChained(template, url)) return;
    addTo(this.chained, template, url);
    addTo(this.newChained, template, url);
    this.chainedSize.set(template, this.chainedCount(template) + 1);
  }
  sourcedCount(template: string): number {
    return this.sourced.get(template) ?? 0;
  }
  addSourced(template: string): void {
    this.sourced.set(template, this.sourcedCount(template) + 1);
    this.newSourced.set(template, (this.newSourced.get(template) ?? 0) + 1);
  }

  /** Adds what this batch admitted to the shared copy. */
  async commit(): Promise<void> {
    const adds = [
      ...[...this.newVariants].map(([p, m]) => ({ key: `${this.prefix}v:${p}`, members: [...m] })),
      ...[...this.newChained].map(([t, m]) => ({ key: `${this.prefix}c:${t}`, members: [...m] })),
    ];
    await Promise.all([
      adds.length > 0 ? this.frontier.addToSets(adds, TRAP_STATE_TTL_MS) : Promise.resolve(),
      ...[...this.newSourced].map(([t, n]) => this.frontier.incrementCounter(`${this.prefix}s:${t}`, n)),
    ]);
  }
}
