import type { SourceConfig } from '../config/index.js';
import type { FetchResult } from '../fetch/index.js';
import { normalizeUrl, type UrlHistory } from '../frontier/index.js';
import { ExcludedUrlError } from '../snapshot/errors.js';
import { writeSharedSnapshot } from '../snapshot/shared-writer.js';
import type { ClaimedItem, FinishedFetch, QueueItem } from '../storage/interfaces.js';
import { browserPageInput, type BrowserPage } from './browserPage.js';
import { ExtractCrashError } from './extractPool.js';
import { runExtractTask } from './extractTask.js';
import { sameEntryPoint } from './entryPoint.js';
import { filledFields } from './health.js';
import { privateAccessFor } from './privateScope.js';
import { withRequisites } from './requisites.js';
import { nextRevisitAt } from './revisitPolicy.js';
import { excludedAnywhere, isSeed } from './worker-guards.js';
import { queueItem } from './worker-links.js';
import type { PageReport } from './worker-report.js';
import { workerPageRequisites } from './worker-requisites.js';
import { failureRetryAt, finish, type PageOutcome, type PageStageDeps, type RobotsVerdictLike } from './worker-stage.js';

/**
 * The HTML stage of a claimed URL (worker-page.ts routes a fetched or rendered document here): extraction, the
 * page's links and query parameters, classification, then an article's requisites and its shared snapshot.
 */
export async function handleHtml(
  d: PageStageDeps,
  item: ClaimedItem,
  source: SourceConfig,
  result: FetchResult,
  validators: UrlHistory | null,
  verdict: RobotsVerdictLike,
  links: QueueItem[],
  how: { page?: BrowserPage; render: { mode: 'http' | 'browser'; reason?: string }; decodedText?: string },
): Promise<PageOutcome> {
  const scope = d.scopes.get(source.name);
  const finalUrl = normalizeUrl(result.finalUrl) ?? result.finalUrl;
  const byPattern = scope?.isArticleUrl(finalUrl) ?? scope?.isArticleUrl(item.url) ?? null;
  // Off this thread when the crawl runs extraction threads (the embedded crawl's ExtractPool). A render's DOM is what
  // readers saw (extracted from); the document bytes stay the archived original.
  const task = {
    fetch: result,
    html: how.page ? how.page.rendered.html : how.decodedText,
    options: { url: result.finalUrl, timezone: source.timezone, overrides: source.extract, now: result.fetchedAt },
    prepare: !how.page && byPattern !== false,
  };
  let extracted;
  try {
    extracted = d.extractor ? await d.extractor.run(task) : runExtractTask(task);
  } catch (err) {
    if (!(err instanceof ExtractCrashError)) throw err;
    // The thread died under this page (out of memory on a hostile page): the page fails, the crawl goes on.
    d.logger.error({ url: item.url, err: err.message }, 'extraction failed: worker crashed');
    return finish({ state: 'failed', outcome: 'extract-crash', error: err.message, nextRevisitAt: failureRetryAt(item.attempts) }, links);
  }
  const { article } = extracted;
  // What the page says about its URL's query parameters, before its links are read (they drop learned ones). A page
  // whose links are not read records it with the lease check before its commit (one round trip for both), or last.
  let noted: Promise<void> | null = null;
  const note = () => (noted ??= d.links.notePage(item, result, article, extracted.prepared?.contentHash));
  const readsLinks = item.depth < source.maxDepth && scope !== undefined;
  if (readsLinks) await note();
  const found = readsLinks ? await d.links.pageLinks(item, article.outlinks, source) : [];
  const all = [...links, ...found];
  // A seed whose redirect kept it the same entry point (scheme, www., trailing slash), or landed on another seed, is
  // judged as a seed, as in the embedded crawl.
  const asSeed = item.kind === 'seed' && (sameEntryPoint(item.url, finalUrl) || isSeed(d, finalUrl));
  const isArticle = byPattern ?? (!asSeed && article.classification?.isArticle === true);
  // Without an articlePattern the page's own evidence decided: counted in the run's report, as embedded.
  const c = article.classification;
  const report: PageReport = byPattern === null && c ? { classified: { kind: c.kind, score: c.score, reasons: c.reasons } } : {};
  if (!isArticle) {
    await note();
    const next =
      item.kind !== 'page' ? null : item.depth <= 1 && source.revisit[0] !== undefined ? Date.now() + source.revisit[0] : nextRevisitAt(source, validators, Boolean(validators?.fetchedBefore));
    return { kind: 'finish', result: { state: 'done', outcome: 'index', status: result.status, nextRevisitAt: next }, links: all, report };
  }
  const excluded = (url: string) => excludedAnywhere(d, url);
  // The images the article shows, fetched as the embedded crawl fetches them (requisites.ts): the snapshot archives
  // them in its WARC and records each in snapshot.json, whichever way the article was crawled.
  const requisites = await workerPageRequisites(d, item, source, privateAccessFor(source, d.allowPrivate), result, article, extracted.prepared, excluded);
  let outcome;
  try {
    outcome = await writeSharedSnapshot(
      {
        blobs: d.blobs,
        snapshots: d.index.snapshots,
        search: d.index.search,
        isExcluded: excluded,
        stillHeld: async () => (await Promise.all([d.frontier.renew(d.worker, [item.url], Date.now() + d.leaseMs), note()]))[0].includes(item.url),
      },
      { fetch: result, article, decoded: extracted.decoded, source: source.name, userAgent: source.userAgent ?? d.config.userAgent, robots: verdict, defaultCategory: source.category, render: how.render, ...withRequisites(how.page ? browserPageInput(how.page) : {}, requisites) },
      extracted.prepared,
    );
  } catch (err) {
    if (!(err instanceof ExcludedUrlError)) throw err;
    d.logger.info({ url: item.url, err: err.message }, 'not stored: excluded by a takedown');
    return finish({ state: 'skipped', outcome: 'excluded' }, all);
  } finally {
    // Recorded whatever the write did (an unchanged page returns before its lease check).
    await note();
  }
  if (outcome.status === 'lease-lost') return { kind: 'lost' };
  const status = outcome.status === 'lost-race' ? 'unchanged' : outcome.status;
  d.recordHealth?.(source.name, article, status);
  report.article = {
    source: source.name, status, snapshotId: outcome.id, filled: filledFields(article), title: article.title ?? null,
    ...(outcome.status === 'unchanged' || outcome.status === 'lost-race' ? { matched: { fetchedAt: outcome.fetchedAt, previousId: outcome.previousId } } : {}),
  };
  const revisited = Boolean(validators?.fetchedBefore && validators.snapshotId);
  d.logger[status === 'unchanged' ? 'debug' : 'info']({ id: outcome.id, url: item.url, version: status }, 'snapshot');
  const done: FinishedFetch = {
    state: 'done',
    outcome: `snapshot-${status}`,
    status: result.status,
    snapshotId: outcome.id,
    etag: result.headers.etag,
    lastModified: result.headers['last-modified'],
    nextRevisitAt: item.kind === 'page' ? nextRevisitAt(source, validators, revisited) : null,
  };
  // Fetched through a variant of an article known under another URL (its canonical URL): as in the embedded crawl
  // (finishAsAlias), the variant is never revisited under its name, and the article's own URL takes the fetch — not
  // fetched again this run, and it carries the revisits.
  const target = outcome.key !== item.url && item.kind === 'page' ? queueItem(outcome.key, source.name, item.depth, 'page', 0, item.url) : null;
  if (target) {
    d.tally?.('aliasOfCanonical');
    return { kind: 'finish', result: { ...done, nextRevisitAt: null }, links: all, adopt: { item: target, fetch: { ...done, outcome: `${done.outcome}:via-alias` } }, report };
  }
  return { kind: 'finish', result: done, links: all, report };
}
