import { hostKey, isExcluded, type FinishResult, type FrontierEntry } from '../frontier/index.js';
import { ExcludedUrlError, type WriteOutcome } from '../snapshot/index.js';
import { browserPageInput } from './browserPage.js';
import type { ExtractResult } from './extractTask.js';
import type { HostPacing } from './hostPacing.js';
import { finishWith, type PageOutcome } from './pageOutcome.js';
import type { Admitted, Fetched, PageProcessorDeps } from './pageStages.js';
import { redirectedElsewhere } from './redirectRules.js';
import { fetchPageRequisites, withRequisites } from './requisites.js';
import { nextRevisitAt } from './revisitPolicy.js';
import { bump, recordClassification } from './summary.js';
import { recordArticleHealth } from './health.js';

/*
 * The last stages of a page (pageProcessor.ts runs the ones before): an extracted page is classified; an index page
 * ends with its links, an article gets its requisites and its snapshot.
 */

/** An extracted page: its links and parameters go with the outcome; an index page ends here, an article is stored. */
export async function classifyAndStore(
  d: PageProcessorDeps,
  pacing: HostPacing,
  entry: FrontierEntry,
  a: Admitted,
  f: Fetched,
  extracted: ExtractResult,
  how: { finalUrl: string; byPattern: boolean | null; render: { mode: 'http' | 'browser'; reason?: string } },
): Promise<PageOutcome> {
  const { summary, logger: log } = d;
  const { source, history } = a;
  const { result } = f;
  const { article } = extracted;
  // Learns which query parameters of this host do not change the page, before this page's links go in (applyOutcome).
  const learned: Omit<PageOutcome, 'row'> = { page: { result, article, contentHash: extracted.prepared?.contentHash } };
  if (entry.depth < source.maxDepth && d.scopes.get(source.name)) learned.links = article.outlinks;
  else if (article.outlinks.length > 0) bump(summary.limitsHit, 'maxDepth'); // pages whose links were not followed for depth
  // A seed is an index page, never an article by its size; a seed that redirected to another page (a moved
  // article, a short link) is judged by where it landed, like any page (redirectedElsewhere).
  const asSeed = entry.kind === 'seed' && !redirectedElsewhere(entry.url, how.finalUrl, d.frontier);
  // Without an articlePattern the page's own evidence decides (src/extract/articleEvidence.ts): counted and logged.
  const classification = article.classification;
  if (how.byPattern === null && !d.snapshotAllPages && classification) {
    recordClassification(summary, classification.kind, { url: entry.url, score: classification.score, reasons: classification.reasons });
    log.debug({ url: entry.url, kind: classification.kind, score: classification.score, reasons: classification.reasons, seed: asSeed || undefined }, 'classified');
  }
  const isArticle = d.snapshotAllPages || (how.byPattern ?? (!asSeed && classification?.isArticle === true));
  if (!isArticle) {
    summary.discoveryOnly++;
    // Index pages one link from a seed (category lists) are where new articles show up: they keep the
    // first interval. Deeper index pages (pagination, archives, traps) back off like articles.
    const next =
      entry.kind !== 'page'
        ? null
        : entry.depth <= 1 && source.revisit[0] !== undefined
          ? Date.now() + source.revisit[0]
          : nextRevisitAt(source, history, Boolean(history?.fetchedBefore));
    return finishWith({ state: 'done', outcome: 'index', status: result.status, nextRevisitAt: next, revisited: Boolean(history?.fetchedBefore) }, learned);
  }
  return { ...(await storeStage(d, pacing, entry, a, f, extracted, how.render)), ...learned };
}

/** Storage: the article's page requisites (source `requisites`; failures recorded, never fatal), then the snapshot. */
async function storeStage(d: PageProcessorDeps, pacing: HostPacing, entry: FrontierEntry, a: Admitted, f: Fetched, extracted: ExtractResult, render: { mode: 'http' | 'browser'; reason?: string }): Promise<PageOutcome> {
  const { summary, logger: log } = d;
  const { source, verdict, history } = a;
  const { result, page } = f;
  const { article, decoded } = extracted;
  const requisites = await fetchPageRequisites(
    {
      config: d.config,
      fetcher: d.fetcher,
      logger: log,
      runSignal: d.runSignal,
      source,
      privateAccess: a.privateAccess,
      isExcluded: (url) => isExcluded(d.db, url),
      robots: (url) => d.robots.check(url, { privateAccess: a.privateAccess }),
      wouldBeUnchanged: (fetch, art) => d.store.wouldBeUnchanged({ fetch, article: art }),
      tally: (key) => bump(summary.limitsHit, key),
      requestSent: (url) => pacing.requestSent(hostKey(url.href)),
      waitForHost: (host, crawlDelaySec) => {
        if (crawlDelaySec !== undefined) pacing.learnCrawlDelay(host, crawlDelaySec);
        return pacing.waitForHost(host, source);
      },
    },
    result,
    article,
  );
  let outcome: WriteOutcome;
  try {
    const write = () => d.store.writeAsync(
      {
        fetch: result,
        article,
        decoded,
        source: source.name,
        userAgent: source.userAgent ?? d.config.userAgent,
        robots: verdict,
        defaultCategory: source.category,
        render,
        ...withRequisites(page ? browserPageInput(page) : {}, requisites),
      },
      extracted.prepared,
    );
    if (d.storeHandoff) await d.storeHandoff(entry);
    outcome = await (d.clock ? d.clock.time('store', write) : write());
  } catch (err) {
    if (!(err instanceof ExcludedUrlError)) throw err;
    // The store refuses a taken-down URL, final URL or canonical URL (also one taken down mid-flight).
    summary.skipped.excluded++;
    log.info({ url: entry.url, finalUrl: result.finalUrl, err: err.message }, 'not stored: excluded by a takedown');
    return finishWith({ state: 'skipped', outcome: 'excluded' });
  }
  summary.snapshots[outcome.status]++;
  recordArticleHealth(summary, source.name, article, outcome.status);
  const revisited = Boolean(history?.fetchedBefore && history.snapshotId);
  const done: FinishResult = {
    state: 'done',
    outcome: `snapshot-${outcome.status}`,
    status: result.status,
    snapshotId: outcome.id,
    etag: result.headers.etag,
    lastModified: result.headers['last-modified'],
    nextRevisitAt: entry.kind === 'page' ? nextRevisitAt(source, history, revisited) : null,
    revisited,
  };
  log[outcome.status === 'unchanged' ? 'debug' : 'info']({ id: outcome.id, url: entry.url, version: outcome.status, bytes: result.body.length }, 'snapshot');
  // Fetched through a variant of an article known under another URL (its canonical URL): the variant is an alias.
  const key = d.store.summary(outcome.id)?.url ?? entry.url;
  if (key !== entry.url && entry.kind === 'page') {
    bump(summary.limitsHit, 'aliasOfCanonical');
    return { row: { kind: 'alias', target: key, result: done } };
  }
  return finishWith(done);
}
