/**
 * Small rules both index backends (SQLite and PostgreSQL) share, so their rows and answers agree: the columns
 * derived from an IndexedSnapshot, a run's id, paging defaults, and the host suffixes a host takedown covers.
 */
import { randomBytes } from 'node:crypto';
import type { IndexQuery } from '../interfaces.js';

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
