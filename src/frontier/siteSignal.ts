/** What a URL's row says when the site gives a change signal for it (sitemap lastmod, feed updated). */
export interface SiteSignalRow {
  state: string;
  source: string;
  kind: string;
  /** The site's newest signal seen before, if any. */
  siteModified: string | null;
  /** The Last-Modified its latest version was served with. */
  lastModified: string | null;
  /** When it was fetched (null: never), and its next revisit or retry (null: none). */
  fetchedAt: number | null;
  nextRevisitAt: number | null;
}

/**
 * What a site's change signal `modified` does to a known URL (the embedded frontier's noteSiteModified and a shared
 * crawl's worker decide alike): `store` — the newest value is kept, so a feed's pubDate and a sitemap's later
 * lastmod do not take turns and requeue the page every run; `requeue` — a page of `source` handled by an earlier
 * run (`handledEarlier`: fetched and done, or failed with a retry left) whose signal is newer than the one the site
 * gave before (or its Last-Modified) is due now.
 */
export function siteSignalDecision(
  row: SiteSignalRow,
  modified: string,
  source: string,
  handledEarlier: boolean,
  isNewer: (previous: string, next: string) => boolean,
): { store: boolean; requeue: boolean } {
  if (row.siteModified === modified) return { store: false, requeue: false };
  const previous = row.siteModified ?? row.lastModified;
  const store = row.siteModified === null || isNewer(row.siteModified, modified);
  const waiting = handledEarlier && ((row.state === 'done' && row.fetchedAt !== null) || (row.state === 'failed' && row.nextRevisitAt !== null));
  const requeue = row.source === source && row.kind === 'page' && waiting && previous !== null && isNewer(previous, modified);
  return { store, requeue };
}
