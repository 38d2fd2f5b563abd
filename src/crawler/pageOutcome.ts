import type { SourceConfig } from '../config/index.js';
import type { FetchResult } from '../fetch/index.js';
import type { FinishResult, Frontier, FrontierEntry } from '../frontier/index.js';
import type { LinkIntake } from './linkIntake.js';

/** What becomes of the claimed URL's own row: exactly one of these per page. */
export type RowChange =
  | { kind: 'finish'; result: FinishResult }
  /** Fetched through a variant of the article known as `target` (its canonical URL): the variant becomes its alias. */
  | { kind: 'alias'; target: string; result: FinishResult }
  /** Back in the queue at `at` (Retry-After, cut off by a stop, a store error); `refundAttempt` when not the page's fault. */
  | { kind: 'retry'; at: number; error: string; refundAttempt?: boolean };

/**
 * The one outcome of a claimed URL: what its stages (admission, fetch, render, extract, store) found, applied to the
 * frontier once, at the end, by applyOutcome. The stages themselves never write to the frontier: what the page
 * taught it (redirects, learned parameters, links, feed items) rides here with the row change.
 */
export interface PageOutcome {
  row: RowChange;
  /** robots.txt was read for the entry's origin: its `Sitemap:` lines are entry points (once per origin per run). */
  robotsRead?: boolean;
  /** Final URLs of redirects followed (HTTP, then a render's): handled under the entry's name, not fetched again. */
  redirects?: string[];
  /** What the page says about its URL's query parameters (paramLearning.ts), before its links go in. */
  /** The page, for query-parameter learning; `contentHash`: the worker's hash of its text, when it prepared one. */
  page?: { result: FetchResult; article: { canonicalUrl?: string | null; body: string }; contentHash?: string };
  /** Links found on the page, queued one level deeper (absent: not followed). */
  links?: string[];
  /** A fetched feed or sitemap: its items queued and its change signals noted. */
  feed?: FetchResult;
}

export const finishWith = (result: FinishResult, more: Omit<PageOutcome, 'row'> = {}): PageOutcome => ({ row: { kind: 'finish', result }, ...more });
export const retryWith = (at: number, error: string, refundAttempt = false): PageOutcome => ({ row: { kind: 'retry', at, error, refundAttempt } });

/** Adds what an earlier stage learned (a redirect the HTTP fetch followed before the page went to the browser). */
export function mergeOutcome(earlier: Omit<PageOutcome, 'row'>, later: PageOutcome): PageOutcome {
  const redirects = [...(earlier.redirects ?? []), ...(later.redirects ?? [])];
  return { ...earlier, ...later, ...(redirects.length > 0 ? { redirects } : {}) };
}

/**
 * Applies one page's outcome to the frontier, in the order the page was read: robots.txt sitemaps, redirect
 * targets, learned parameters (so links already drop them), links or feed items, then the row itself.
 */
export function applyOutcome(frontier: Frontier, intake: LinkIntake, entry: FrontierEntry, source: SourceConfig | undefined, o: PageOutcome): void {
  if (source) {
    if (o.robotsRead) intake.addRobotsSitemaps(entry, source);
    for (const to of o.redirects ?? []) frontier.markAlias(to, `redirect-from:${entry.url}`, entry.source, entry.depth);
    if (o.page) intake.notePage(entry, o.page.result, o.page.article, o.page.contentHash);
    if (o.links) intake.addPageLinks(entry, o.links, source);
    if (o.feed) intake.addFromFeed(entry, o.feed, source);
  }
  const row = o.row;
  if (row.kind === 'finish') frontier.finish(entry.url, row.result);
  else if (row.kind === 'alias') frontier.finishAsAlias(entry.url, row.target, { ...row.result, source: entry.source, depth: entry.depth });
  else frontier.retryLater(entry.url, row.at, row.error, { refundAttempt: row.refundAttempt });
}
