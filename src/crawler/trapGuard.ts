import type { SourceLimits } from '../config/index.js';
import { normalizeUrl } from '../frontier/index.js';

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
 * The template: host, then the path with every digit run replaced by `#` (`/calendar/#/#`, `/news/#/#/#/#.html`,
 * `/zh/guonei/#/#/t#_#.html`), then the query parameters sorted, digit runs in their values replaced by `#`
 * (`/index.php?cat=#`, `/index.php?id=#` stay two templates). A *sequence* parameter — a page, offset, size or
 * cursor by its usual names, or any numeric value that is a date — is dropped from the template altogether, so
 * `/list`, `/list?page=2` and `/calendar/2031/07?page=3` (page 1 usually has no `?page`) fall in one template with
 * one chain and one budget: a calendar that links the next month and the next page cannot reset its chain by
 * switching between the two. `p`, `page_id` and the like are left alone (WordPress post and page ids). Only
 * templates that stand for more than one URL (a digit masked or a sequence parameter dropped) are tracked; a
 * link with none (navigation, an article with a text slug) cannot be part of a chain.
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

/** The keys a URL's check reads in a TrapState: its host+path (query variants) and its template; null when not http(s). */
export function trapKeysOf(url: string): { pathKey: string; template: string | null; normalized: string | null } | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  const normalized = normalizeUrl(url);
  return { pathKey: `${u.host}${u.pathname}`, template: normalized === null ? null : urlTemplate(normalized), normalized };
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

function parseHttp(url: string): URL | null {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u : null;
  } catch {
    return null;
  }
}

/** A query value that is a number (an id, a page, an offset, a date such as 2025-01-01 or 20250101, a timestamp). */
const NUMERIC_VALUE = /^[-+]?\d[\d\-_.:/, ]*$/;
/** Query parameters that walk a sequence (pagination, offsets, sizes, dates, cursors) when their value is a number. */
const SEQUENCE_KEY =
  /^(?:pg|pn|paged?|pages|page_?(?:no|num|number|index)|pageno|pagenum|cur_?page|current_?page|offset|start(?:_?index)?|from|skip|limit|size|page_?size|per_?page|rows|date|day|d|month|m|year|yr|y|ym|ymd|time|ts|timestamp|t|before|after|since|until|max_?id|min_?id|cursor)$/i;

/**
 * The template of a URL (see the comment at the top), or null when it is not an http(s) URL. URLs are
 * normalized first, so tracking and session parameters never split a template.
 */
export function urlTemplate(url: string): string | null {
  const normalized = normalizeUrl(url);
  const u = normalized === null ? null : parseHttp(normalized);
  return u === null ? null : templateParts(u).template;
}

/** The template, and whether it stands for more than one URL (a digit run masked or a sequence parameter dropped). */
function templateParts(u: URL): { template: string; variable: boolean } {
  const path = u.pathname.replace(/\d+/g, '#');
  let variable = path !== u.pathname;
  const params: string[] = [];
  for (const [k, v] of u.searchParams) {
    if (NUMERIC_VALUE.test(v) && (SEQUENCE_KEY.test(k) || isDateShaped(v))) {
      variable = true;
      continue;
    }
    const masked = v.replace(/\d+/g, '#');
    if (masked !== v) variable = true;
    params.push(`${k}=${masked}`);
  }
  params.sort();
  return { template: `${u.host}${path}${params.length > 0 ? `?${params.join('&')}` : ''}`, variable };
}

/*
 * Years a URL names as dates. Only shapes that are dates, not any four digits, since article ids are numbers too:
 * a year 1900–2199 followed by a valid month, either separated (`2031/07`, `2024-05-06`, `2031_7`) or packed
 * (`203107`, `20250101`, whose day must be valid too), in the path or a query value, plus `year=`/`yr=`/`y=`.
 * Packed years start 19/20/21 and need a real month, so ids like `404404` or `1000062` are not read as dates.
 */
const SEPARATED_DATE = /(?<!\d)((?:19|20|21)\d\d)[-/_.](\d{1,2})(?!\d)/g;
const PACKED_DATE = /(?<!\d)((?:19|20|21)\d\d)(\d\d)(\d\d)?(?!\d)/g;
const YEAR_KEY = /^(?:y|yr|year)$/i;

function isDateShaped(value: string): boolean {
  return datesIn(value).length > 0;
}

function datesIn(text: string): number[] {
  const years: number[] = [];
  for (const m of text.matchAll(SEPARATED_DATE)) {
    const month = Number(m[2]);
    if (month >= 1 && month <= 12) years.push(Number(m[1]));
  }
  for (const m of text.matchAll(PACKED_DATE)) {
    const month = Number(m[2]);
    const day = m[3] === undefined ? 1 : Number(m[3]);
    if (month >= 1 && month <= 12 && day >= 1 && day <= 31) years.push(Number(m[1]));
  }
  return years;
}

function urlYears(u: URL): number[] {
  const years = datesIn(u.pathname);
  for (const [k, v] of u.searchParams) {
    if (YEAR_KEY.test(k) && /^\d{4}$/.test(v)) years.push(Number(v));
    else years.push(...datesIn(v));
  }
  return years;
}

function addToSet(map: Map<string, Set<string>>, key: string, value: string): void {
  const set = map.get(key);
  if (set) set.add(value);
  else map.set(key, new Set([value]));
}
