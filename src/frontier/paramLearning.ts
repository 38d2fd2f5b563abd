import { migrateStore, runTransaction, withLazySync, type StoreDatabase, type StoreStatement } from '../storage/index.js';
import { aliasStatements } from '../storage/sqlite/frontier-queries.js';
import { learnedParamsStatement, paramStatements, recordParamPlan } from '../storage/sqlite/param-queries.js';
import type { ParamPlan } from '../storage/interfaces.js';
import { hostKey, normalizeEscapes, normalizeUrl } from './normalize.js';
import type { FrontierRow } from './entry.js';

/**
 * Per-host query parameters learned not to change the page (`?from=timeline`, `?pos=7`, `?channel=3`).
 *
 * Evidence comes from pages actually fetched: two URLs that differ in exactly one query parameter (after
 * normalisation and after dropping parameters already learned for the host) that named the same canonical
 * URL — or, when either names none, gave the same content hash — confirm the parameter; a page whose own
 * canonical URL is its URL less exactly one parameter confirms it too (the site says so). Two such URLs
 * that gave different canonicals or content contradict it. A parameter is learned once it has confirmations
 * on at least {@link MIN_CONFIRMATIONS} different base URLs (different pages: independent) and no
 * contradiction ever; a contradiction seen later un-learns it. Names that usually carry content (`id`,
 * `page`, `q`, …) are never learned.
 *
 * Learned parameters are dropped from links of that host before they enter the frontier (LinkIntake), from
 * the candidate keys the snapshot writer matches a page against, and — when a parameter is learned — from
 * the queued frontier rows that carry it (each becomes an alias of its stripped URL, never fetched).
 */
export const MIN_CONFIRMATIONS = 2;

/** Parameter names that select content on most sites: never learned, whatever the evidence. */
const NEVER_LEARNED = new Set([
  'id', 'aid', 'pid', 'cid', 'nid', 'tid', 'uid', 'docid', 'articleid', 'article', 'newsid', 'item', 'itemid', 'post', 'p',
  'page', 'pg', 'pn', 'pageno', 'pagenum', 'offset', 'start', 'limit', 'cursor', 'after', 'before',
  'q', 'query', 'search', 'keyword', 'keywords', 'kw', 'wd', 's', 'k',
  'date', 'day', 'month', 'year', 'time', 'lang', 'hl', 'locale', 'v', 'version', 'rev', 'type', 'format', 'tab', 'sort',
  'cat', 'category', 'tag', 'section', 'file', 'path', 'url', 'name', 'slug', 'key', 'token',
]);

export interface LearnedParam {
  host: string;
  param: string;
  confirmations: number;
}

export interface ObserveResult {
  learned: LearnedParam[];
  /** Parameters that had been learned and were contradicted since (no longer dropped). */
  unlearned: { host: string; param: string }[];
  /** Frontier rows turned into aliases of their stripped URL when a parameter was learned. */
  aliased: number;
}

/** One page as fetched, for the evidence: its normalized final URL, trusted canonical and content hash. */
export interface PageObservation {
  url: string;
  canonical: string | null;
  contentHash: string;
}

interface Piece {
  name: string;
  value: string;
  raw: string;
}

/** The query pieces of a URL (raw text between `&`), with escapes normalised for the name. */
function splitQuery(search: string): Piece[] {
  const raw = search.startsWith('?') ? search.slice(1) : search;
  if (!raw) return [];
  return raw
    .split('&')
    .filter(Boolean)
    .map((part) => {
      const piece = normalizeEscapes(part);
      const eq = piece.indexOf('=');
      return { name: eq < 0 ? piece : piece.slice(0, eq), value: eq < 0 ? '' : piece.slice(eq + 1), raw: part };
    });
}

/**
 * `url` without the query parameters named in `names` (fragment dropped too); everything else keeps its
 * exact bytes and order, so it works on raw links (the frontier normalises afterwards) and on keys alike.
 * Returns `url` itself when nothing is removed.
 */
export function withoutParams(url: string, names: ReadonlySet<string>): string {
  if (names.size === 0) return url;
  const q = url.indexOf('?');
  if (q < 0) return url;
  const hash = url.indexOf('#', q);
  const search = url.slice(q + 1, hash < 0 ? undefined : hash);
  const pieces = splitQuery(search);
  const kept = pieces.filter((p) => !names.has(p.name));
  if (kept.length === pieces.length) return url;
  const rest = kept.map((p) => p.raw).join('&');
  return `${url.slice(0, q)}${rest ? `?${rest}` : ''}`;
}

/**
 * The canonical URL a page names, normalized, when it may stand for the page's identity: on the page's own
 * host (a leading `www.` aside), and not the site's home page unless the page is the home page (a site that
 * points every article's canonical at `/` must not merge them all). null otherwise.
 */
export function trustedCanonical(canonical: string | null | undefined, finalUrl: string): string | null {
  if (!canonical) return null;
  const normalized = normalizeUrl(canonical, finalUrl);
  const final = normalizeUrl(finalUrl);
  if (normalized === null || final === null) return null;
  const c = new URL(normalized);
  const f = new URL(final);
  const bare = (h: string) => h.replace(/^www\./, '');
  if (bare(c.hostname) !== bare(f.hostname) || c.port !== f.port) return null;
  if (c.pathname === '/' && c.search === '' && !(f.pathname === '/')) return null;
  return normalized;
}

/**
 * The tables are defined in the store's migrations (src/storage/sqlite/migrations/001-baseline.ts); this only
 * brings a handle opened some other way up to date. Kept for callers of the name from before the migrations.
 */
export function ensureParamTables(db: StoreDatabase): void {
  migrateStore(db);
}

const learnedStatements = new WeakMap<StoreDatabase, StoreStatement<[string], string> | null>();

/** Learned ignorable parameters of a host (empty on a store without the table). */
export function learnedParamsFor(db: StoreDatabase, host: string): Set<string> {
  let stmt = learnedStatements.get(db);
  if (stmt === undefined) {
    stmt = learnedParamsStatement(db);
    if (stmt !== null || db.readonly) learnedStatements.set(db, stmt);
  }
  return stmt ? new Set(stmt.all(host)) : new Set();
}

/** `url` (raw or normalized) without the parameters learned for its host. */
export function stripLearnedParams(db: StoreDatabase, url: string): string {
  if (!url.includes('?')) return url;
  let host: string;
  try {
    host = new URL(url).host;
  } catch {
    return url;
  }
  return withoutParams(url, learnedParamsFor(db, host));
}

/**
 * What one fetched page says about its URL's parameters, for a store to record (ParamPlan): its normalized URL and
 * canonical less the host's learned parameters (`strip`), and each parameter appearing once with the URL less it.
 * null when the URL does not normalize. Shared by the embedded learner and the workers.
 */
export function paramPlan(page: PageObservation, strip: (url: string) => string): ParamPlan | null {
  const normalized = normalizeUrl(page.url);
  if (normalized === null) return null;
  const url = strip(normalized);
  const q = url.indexOf('?');
  const pieces = q < 0 ? [] : splitQuery(url.slice(q + 1));
  const names = pieces.map((p) => p.name);
  const singles = pieces.filter((p) => names.indexOf(p.name) === names.lastIndexOf(p.name));
  return {
    url,
    host: hostKey(normalized),
    canonical: page.canonical === null ? null : strip(page.canonical),
    contentHash: page.contentHash,
    pieces: singles.map((p) => ({ name: p.name, value: p.value, base: withoutParams(url, new Set([p.name])) })),
    rules: PARAM_RULES,
  };
}

/** The rules a store decides by (the constants above). */
export const PARAM_RULES: ParamPlan['rules'] = { minConfirmations: MIN_CONFIRMATIONS, neverLearned: [...NEVER_LEARNED] };

/** The frontier columns a learned parameter's aliasing reads. */
type FrontierAliasRow = Pick<FrontierRow, 'id' | 'url' | 'request_url' | 'host' | 'source' | 'depth' | 'kind' | 'state' | 'priority' | 'discovered_from' | 'next_revisit_at'>;

/** The evidence and the learned set of one store. */
export class ParamLearner {
  private readonly s: ReturnType<typeof paramStatements>;
  /** Prepared on first use: most runs never learn a parameter. */
  private aliasing?: ReturnType<typeof aliasStatements>;

  constructor(private readonly db: StoreDatabase) {
    this.s = paramStatements(db);
  }

  /** Every learned (ignorable) parameter, by host. */
  learned(): LearnedParam[] {
    return this.s.all.all() as LearnedParam[];
  }

  /** `url` (raw or normalized) without the parameters learned for its host. */
  strip(url: string): string {
    return stripLearnedParams(this.db, url);
  }

  /**
   * Records one fetched page and what it says about the parameters of its URL; learns (or un-learns)
   * parameters accordingly, turning queued frontier rows that carry a newly learned parameter into aliases.
   * One transaction.
   */
  observe(page: PageObservation, now = Date.now()): ObserveResult {
    const result: ObserveResult = { learned: [], unlearned: [], aliased: 0 };
    const plan = paramPlan(page, (url) => this.strip(url));
    if (plan === null) return result;
    const record = () => {
      const changes = recordParamPlan(this.s, plan, now);
      result.learned = changes.learned;
      result.unlearned = changes.unlearned;
      for (const p of changes.learned) result.aliased += this.aliasQueuedRows(p.host, p.param, now);
    };
    withLazySync(this.db, () => runTransaction(this.db, record, 'immediate'));
    return result;
  }

  /**
   * Frontier rows of `host` carrying a newly learned parameter: a queued one becomes an alias of its
   * stripped URL (queued in its place when new), a fetched one keeps its history but is never revisited
   * under this name again (its stripped URL is, when it was due for revisits). Returns how many rows.
   */
  private aliasQueuedRows(host: string, param: string, now: number): number {
    this.aliasing ??= aliasStatements(this.db);
    const { insert, alias, repoint } = this.aliasing;
    const rows = this.aliasing.candidates.all(host) as FrontierAliasRow[];
    const names = new Set([param]);
    let n = 0;
    for (const row of rows) {
      const target = withoutParams(row.url, names);
      if (target === row.url) continue;
      const waiting = row.state === 'queued' || row.next_revisit_at !== null;
      if (waiting) {
        insert.run({
          url: target,
          requestUrl: withoutParams(row.request_url ?? row.url, names),
          host: row.host,
          source: row.source,
          depth: row.depth,
          kind: row.kind,
          priority: row.priority,
          discoveredFrom: row.discovered_from,
          now,
          state: row.state === 'queued' ? 'queued' : 'done',
          nextRevisitAt: row.state === 'queued' ? null : row.next_revisit_at,
        });
      }
      alias.run({ id: row.id, target });
      repoint.run({ from: row.url, target });
      n++;
    }
    return n;
  }
}
