/**
 * Small rules both index backends (SQLite and PostgreSQL) share, so their rows and answers agree: the columns
 * derived from an IndexedSnapshot, a run's id, paging defaults, and the host suffixes a host takedown covers.
 */
import { randomBytes } from 'node:crypto';
import type { IndexedSnapshot, IndexQuery } from './interfaces.js';

/** Hostname without port or trailing dot (host takedowns cover every port). */
export function hostnameOf(url: string): string {
  return new URL(url).hostname.replace(/\.+$/, '');
}

/** `published_at` as epoch ms for ordering; null when absent or unparseable (such rows sort last). */
export function publishedMsOf(publishedAt: string | null): number | null {
  if (publishedAt === null) return null;
  const ms = Date.parse(publishedAt);
  return Number.isNaN(ms) ? null : ms;
}

/** `20260105T101500Z-a1b2c3`: sortable by start time, random enough that two stores never collide. */
export function makeRunId(now: Date): string {
  return `${now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}-${randomBytes(3).toString('hex')}`;
}

/** Limit and offset of a list query: 50 and 0 by default, never negative or fractional. */
export function pageOf(query: Pick<IndexQuery, 'limit' | 'offset'>): { limit: number; offset: number } {
  return { limit: Math.max(0, Math.floor(query.limit ?? 50)), offset: Math.max(0, Math.floor(query.offset ?? 0)) };
}

/**
 * The hostnames a host rule may name to cover `url`: its own and each parent domain (`a.b.example` →
 * a.b.example, b.example, example). Null when `url` is not an http(s) URL (never fetched, never excluded).
 */
export function hostnameSuffixes(url: string): string[] | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if ((parsed.protocol !== 'http:' && parsed.protocol !== 'https:') || !parsed.hostname) return null;
  const labels = parsed.hostname.replace(/\.+$/, '').split('.');
  return labels.map((_, i) => labels.slice(i).join('.'));
}

/**
 * A `snapshots` row as either backend hands it over: SQLite gives `is_latest` as 0/1 and `bytes` as a number,
 * node-postgres gives a boolean and an int8 string. One mapping to IndexedSnapshot for both.
 */
export interface IndexRow {
  id: string;
  url: string;
  final_url: string;
  canonical_url: string | null;
  host: string;
  hostname: string;
  fetched_at: string;
  title: string | null;
  published_at: string | null;
  category: string | null;
  source: string | null;
  dir: string;
  previous_id: string | null;
  content_hash: string;
  sha256: string;
  http_status: number;
  bytes: number | string;
  is_latest: number | boolean;
}

export function toIndexedSnapshot(r: IndexRow): IndexedSnapshot {
  return {
    id: r.id, url: r.url, finalUrl: r.final_url, canonicalUrl: r.canonical_url, host: r.host, hostname: r.hostname,
    fetchedAt: r.fetched_at, title: r.title, publishedAt: r.published_at, category: r.category, source: r.source,
    dir: r.dir, previousId: r.previous_id, contentHash: r.content_hash, sha256: r.sha256, httpStatus: r.http_status,
    bytes: Number(r.bytes), isLatest: r.is_latest === true || r.is_latest === 1,
  };
}
