import type { SourceConfig } from '../config/index.js';
import type { FrontierEntry, UrlHistory } from '../frontier/index.js';

/** Fetch attempts after which a failing URL is given up (404 and 410 are given up at once). */
export const MAX_ATTEMPTS = 5;
/** First retry of a failed URL in a later run; doubles with each failure, up to MAX_ATTEMPTS. */
const FAILURE_RETRY_MS = 15 * 60_000;

/** When a failed URL may be tried again by a later run; null once it has failed MAX_ATTEMPTS times. */
export function retryAfterFailure(entry: FrontierEntry, now = Date.now()): number | null {
  return entry.attempts < MAX_ATTEMPTS ? now + FAILURE_RETRY_MS * 2 ** Math.max(0, entry.attempts - 1) : null;
}

/** The n-th revisit waits revisit[n-1]; past the end of the list a page is never refetched. */
export function nextRevisitAt(source: SourceConfig, history: UrlHistory | null, thisIsRevisit: boolean, now = Date.now()): number | null {
  const n = (history?.revisitCount ?? 0) + (thisIsRevisit ? 1 : 0);
  const wait = source.revisit[n];
  return wait === undefined ? null : now + wait;
}

/**
 * Whether a site's change signal (sitemap lastmod, feed updated/pubDate) says the page changed since the
 * `previous` one it gave (or the Last-Modified it sent with the latest version). Only the site's own values
 * are compared, never our clock: a lastmod in the future, or older than our last fetch, counts only by
 * how it compares with the site's previous value. Two dates compare as instants (a date-only lastmod is
 * midnight UTC); a value that cannot be read as a date counts as a change when its text differs.
 */
export function siteChangedSince(previous: string, next: string): boolean {
  const a = previous.trim();
  const b = next.trim();
  if (a === b) return false;
  const ta = Date.parse(a);
  const tb = Date.parse(b);
  if (Number.isNaN(ta) || Number.isNaN(tb)) return true;
  return tb > ta;
}
