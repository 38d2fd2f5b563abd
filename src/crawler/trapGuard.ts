import type { SourceLimits } from '../config/index.js';
import { normalizeUrl } from '../frontier/index.js';
import { MemoryTrapState, type TrapState } from './trapState.js';
import { parseHttp, templateParts, urlTemplate, urlYears } from './urlTemplate.js';

export { MemoryTrapState, type TrapState } from './trapState.js';
export { trapKeysOf, urlTemplate } from './urlTemplate.js';

/*
 * Template traps (calendars, endless pagination, date and offset archives).
 *
 * A trap keeps producing new URLs of one *template* that differ only in numbers: `/calendar/2031/07`,
 * `/archive/2024-05-06/`, `?page=N` past the last item, `?date=20250101`, `?offset=N`. Counting URLs per
 * template cannot catch it on its own, because a news site's article template (`/2024/05/06/12345.html`,
 * `/news/1000062.shtml`) legitimately has thousands of URLs. What tells them apart is how they are *found*:
 * articles come from listing pages, feeds and sitemaps — pages of another template — while a trap is a chain,
 * each page of the template linking the next one of the same template. So the guard measures, for a link, its
 * *hops*: how many pages of the link's own template the crawl went through to find it (the page it is on and
 * that page's discovery lineage, read from the frontier, so the measure survives a resumed or later run). Then:
 *
 *  - `maxTemplateChain` (default 10): a link more hops deep than that is refused. An article linking related
 *    articles is one hop; a calendar is 1 → 2 → 3 → …
 *  - a per-run budget of new URLs per template found two or more hops deep: `CHAIN_BUDGET_FACTOR ×
 *    maxTemplateChain` (30), plus one for every new URL of the template found less deep (on a listing, in a feed
 *    or sitemap, or as a related link). The hop cap alone bounds a one-dimensional chain, but a calendar that
 *    links the next month *and* the next page is a lattice: the URLs within 10 hops grow with the square of the
 *    cap (and worse with more dimensions). The budget bounds any shape. A calendar feeds only itself, so it gets
 *    about 30; an article template the site lists elsewhere earns budget as fast as it is listed, so articles
 *    first reached through related-of-related links (which a crawl deep in pagination does) are not refused.
 *  - dates: a link whose URL carries a date outside [1990, next year] is refused when it is found through a page
 *    of its own template, or on a page that itself carries such a date (the day pages of a calendar month in
 *    2031). No news site links months ahead, and a chain walking back decades is a calendar, not an archive
 *    being listed. A link from elsewhere (a listing, a feed, a sitemap) to an old article still passes.
 *
 * Pages the source's `articlePattern` declares articles do not count as hops: their same-template links are
 * related articles. Without the pattern an article found only through a chain of more than 10 related articles
 * is refused like a calendar page (it would need maxDepth above 10 to be reached at all).
 *
 * The template of a URL, and the dates it carries, are read in urlTemplate.ts; what the guard remembers in a run is
 * a TrapState (trapState.ts).
 */

/** The per-run budget of chained URLs per template, as a multiple of `maxTemplateChain`. */
export const CHAIN_BUDGET_FACTOR = 3;
/** A link this many hops deep (or more) spends its template's budget; one hop is a related link. */
const CHAIN_BUDGET_FROM = 2;
/** Earliest plausible year of a news URL; the latest is next year. */
export const EARLIEST_PLAUSIBLE_YEAR = 1990;

/** The page a link was found on, as seen by the template rules. Built by `TrapGuard.foundOn`. */
export interface LinkOrigin {
  /** Pages of each template on the discovery lineage (this page and its ancestors), declared articles left out. */
  readonly chain: ReadonlyMap<string, number>;
  /** The page's own URL carries an implausible date. */
  readonly implausibleDate: boolean;
}

export interface TrapGuardOptions {
  /** Where what the guard admitted is remembered; default in this process. */
  state?: TrapState;
  /** "Now" for the plausible-date window (tests). */
  now?: Date;
  /** Whether the crawl already knows the URL (the frontier): re-finding it adds nothing, so it spends no budget and is never refused. */
  isKnown?: (normalizedUrl: string) => boolean;
  /** Called once per template and rule when the template is first capped (to log which template is a trap). */
  onTemplateCapped?: (template: string, limit: string, url: string) => void;
}

/**
 * Refuses URLs that look like spider traps before they enter the frontier. Returns the name of the
 * limit a URL breaks (counted in the run report), or null when it may be queued. The template rules
 * apply to links found on pages (pass `origin`); feed and sitemap items are the site's own lists.
 */
export class TrapGuard {
  /**
   * Per host+path: query strings admitted. Per template: distinct URLs admitted CHAIN_BUDGET_FROM or more hops deep
   * (chained), and new URLs admitted less deep — listings, feeds, sitemaps, related links (sourced). In this run.
   */
  private state: TrapState;
  private readonly reported = new Set<string>();
  private readonly latestYear: number;
  private readonly chainBudget: number;

  constructor(
    private readonly limits: SourceLimits,
    private readonly options: TrapGuardOptions = {},
  ) {
    this.state = options.state ?? new MemoryTrapState();
    this.latestYear = (options.now ?? new Date()).getUTCFullYear() + 1;
    this.chainBudget = CHAIN_BUDGET_FACTOR * limits.maxTemplateChain;
  }

  /**
   * The template view of a page whose links are about to be checked. `lineage` is the page's URL, then the page
   * it was found on, and so on up to a seed (nearest first); `isArticle` says which of them are declared articles.
   */
  foundOn(lineage: readonly string[], isArticle: (url: string) => boolean = () => false): LinkOrigin {
    const chain = new Map<string, number>();
    for (const url of lineage) {
      if (isArticle(url)) continue;
      const t = urlTemplate(url);
      if (t !== null) chain.set(t, (chain.get(t) ?? 0) + 1);
    }
    const own = lineage[0] === undefined ? null : parseHttp(lineage[0]);
    return { chain, implausibleDate: own !== null && this.hasImplausibleDate(own) };
  }

  check(url: string, origin?: LinkOrigin): string | null {
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
    if (u.search && [...u.searchParams.keys()].length > this.limits.maxQueryParams) return 'maxQueryParams';
    const variantKey = `${u.host}${u.pathname}`;
    if (u.search && !this.state.hasVariant(variantKey, u.search) && this.state.variantCount(variantKey) >= this.limits.maxQueryVariants) return 'maxQueryVariants';
    // A link with no digit in its path or query (navigation, a text slug) stands for one URL: no template to chain.
    const verdict = /\d/.test(u.pathname) || /\d/.test(u.search) ? this.templateVerdict(url, origin) : null;
    if (typeof verdict === 'string') return verdict;
    // Admitted: only now is anything recorded, so a refused URL spends no variant and no budget.
    if (u.search) this.state.addVariant(variantKey, u.search);
    verdict?.();
    return null;
  }

  /** The template rules: the limit broken, or what to record if the URL is admitted (null: nothing). */
  private templateVerdict(url: string, origin: LinkOrigin | undefined): string | (() => void) | null {
    const normalized = normalizeUrl(url);
    const u = normalized === null ? null : parseHttp(normalized);
    const t = u === null ? null : templateParts(u);
    if (normalized === null || u === null || t === null || !t.variable) return null;
    const state = this.state;
    if (state.hasChained(t.template, normalized) || this.options.isKnown?.(normalized) === true) return null; // re-found: adds nothing
    const hops = origin?.chain.get(t.template) ?? 0;
    const implausible = origin !== undefined && (hops >= 1 || origin.implausibleDate) && this.hasImplausibleDate(u);
    if (!implausible && hops < CHAIN_BUDGET_FROM) {
      return () => state.addSourced(t.template);
    }
    const budget = this.chainBudget + state.sourcedCount(t.template);
    const broken = implausible
      ? 'implausibleDate'
      : hops > this.limits.maxTemplateChain || state.chainedCount(t.template) >= budget
        ? 'maxTemplateChain'
        : null;
    if (broken) {
      this.report(t.template, broken, normalized);
      return broken;
    }
    return () => state.addChained(t.template, normalized);
  }

  /** Checks the next links against `state` (a shared crawl loads the part of its shared state a page's links read). */
  useState(state: TrapState): void {
    this.state = state;
  }

  private report(template: string, limit: string, url: string): void {
    const key = `${limit} ${template}`;
    if (this.reported.has(key)) return;
    this.reported.add(key);
    this.options.onTemplateCapped?.(template, limit, url);
  }

  private hasImplausibleDate(u: URL): boolean {
    return urlYears(u).some((y) => y < EARLIEST_PLAUSIBLE_YEAR || y > this.latestYear);
  }
}
