import { normalizeUrl } from './normalize.js';
import { migrateStore, type StoreDatabase, type StoreStatement } from '../storage/index.js';
import {
  allExclusionRows,
  dataVersionStatement,
  deleteExclusionRow,
  exclusionRuleRows,
  hasExclusionsTable,
  insertExclusionRows,
} from '../storage/sqlite/exclusion-queries.js';

export type ExclusionKind = 'url' | 'prefix' | 'host' | 'id';

/** One takedown rule: a normalized URL, a normalized URL prefix, a hostname (with its subdomains) or an id. */
export interface ExclusionRule {
  kind: ExclusionKind;
  value: string;
}

export interface Exclusion extends ExclusionRule {
  reason: string;
  requester: string | null;
  createdAt: string;
}

/** The rules held in memory, tagged with what they were loaded from so a change reloads them. */
interface RuleCache {
  dataVersion: number;
  generation: number;
  urls: Set<string>;
  hosts: Set<string>;
  /** Prefix rules, looked up by the URL's own prefix of each length a rule has (`prefixLengths`, ascending). */
  prefixes: Set<string>;
  prefixLengths: number[];
}

interface DbState {
  tableReady: boolean;
  /** Bumped by every change made through this module on this connection. */
  generation: number;
  dataVersion: StoreStatement<[], number>;
  cache?: RuleCache;
}

const states = new WeakMap<StoreDatabase, DbState>();

function stateOf(db: StoreDatabase): DbState {
  let state = states.get(db);
  if (!state) {
    state = { tableReady: false, generation: 0, dataVersion: dataVersionStatement(db) };
    states.set(db, state);
  }
  // The table is the store's (migrations); only a read-only connection to an older store may lack it.
  if (!state.tableReady) state.tableReady = db.readonly ? hasExclusionsTable(db) : true;
  return state;
}

/**
 * The table is defined in the store's migrations (src/storage/sqlite/migrations/001-baseline.ts); this only brings
 * a handle opened some other way up to date. Kept for callers of the name from before the migrations.
 */
export function ensureExclusionsTable(db: StoreDatabase): void {
  migrateStore(db);
  stateOf(db);
}

/** Hostname (no port, lower-case, no trailing dot) of a host selector or URL; null if it isn't one. */
export function normalizeHostname(input: string): string | null {
  const trimmed = input.trim();
  if (trimmed === '') return null;
  try {
    const url = new URL(trimmed.includes('://') ? trimmed : `http://${trimmed}`);
    const hostname = url.hostname.toLowerCase().replace(/\.+$/, '');
    return hostname === '' ? null : hostname;
  } catch {
    return null;
  }
}

/**
 * The rules, from memory. Reloads when this connection changed them (generation) or another
 * connection committed anything (SQLite's data_version), so a takedown run from the CLI while a
 * crawl is going takes effect at the crawler's next check.
 */
function rules(db: StoreDatabase): RuleCache | null {
  const state = stateOf(db);
  if (!state.tableReady) return null;
  const dataVersion = state.dataVersion.get() as number;
  const cached = state.cache;
  if (cached && cached.dataVersion === dataVersion && cached.generation === state.generation) return cached;
  const fresh: RuleCache = { dataVersion, generation: state.generation, urls: new Set(), hosts: new Set(), prefixes: new Set(), prefixLengths: [] };
  for (const row of exclusionRuleRows(db)) {
    if (row.kind === 'url') fresh.urls.add(row.value);
    else if (row.kind === 'host') fresh.hosts.add(row.value);
    else if (row.kind === 'prefix') fresh.prefixes.add(row.value);
  }
  fresh.prefixLengths = [...new Set([...fresh.prefixes].map((p) => p.length))].sort((a, b) => a - b);
  state.cache = fresh;
  return fresh;
}

/**
 * True when a takedown covers `url`: its normalized form equals an excluded URL, starts with an
 * excluded prefix, or its hostname is an excluded host or a subdomain of one. Non-http(s) input is
 * never excluded (it is never fetched either). Cheap: one PRAGMA read plus in-memory lookups — one per distinct
 * prefix-rule length, not one per rule, so thousands of takedown prefixes cost no more per URL than a few.
 */
export function isExcluded(db: StoreDatabase, url: string): boolean {
  const normalized = normalizeUrl(url);
  if (normalized === null) return false;
  const current = rules(db);
  if (current === null) return false;
  if (current.urls.has(normalized)) return true;
  if (current.hosts.size > 0) {
    const labels = new URL(normalized).hostname.replace(/\.+$/, '').split('.');
    for (let i = 0; i < labels.length; i++) if (current.hosts.has(labels.slice(i).join('.'))) return true;
  }
  for (const length of current.prefixLengths) {
    if (length > normalized.length) break;
    if (current.prefixes.has(normalized.slice(0, length))) return true;
  }
  return false;
}

/** Adds rules (ignoring ones already present); returns how many were new. Joins the caller's transaction. */
export function addExclusions(
  db: StoreDatabase,
  newRules: ExclusionRule[],
  meta: { reason: string; requester?: string | null; createdAt?: Date },
): number {
  const state = stateOf(db);
  const createdAt = (meta.createdAt ?? new Date()).toISOString();
  const added = insertExclusionRows(db, newRules, { reason: meta.reason, requester: meta.requester ?? null, createdAt });
  state.generation++;
  return added;
}

/**
 * Forget the in-memory rules of this connection. Call after a transaction that changed exclusions
 * ends (commit or rollback), so a reload made inside it can't outlive a rollback.
 */
export function invalidateExclusionCache(db: StoreDatabase): void {
  const state = states.get(db);
  if (state) {
    state.generation++;
    state.cache = undefined;
  }
}

/** Lifts a rule (e.g. a takedown withdrawn); true if it existed. Removed snapshots are not restored. */
export function removeExclusion(db: StoreDatabase, rule: ExclusionRule): boolean {
  const state = stateOf(db);
  const removed = deleteExclusionRow(db, rule);
  state.generation++;
  return removed;
}

export function listExclusions(db: StoreDatabase): Exclusion[] {
  if (!stateOf(db).tableReady) return [];
  return allExclusionRows(db).map((r) => ({ kind: r.kind, value: r.value, reason: r.reason, requester: r.requester, createdAt: r.created_at }));
}
