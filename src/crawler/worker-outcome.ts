import type { SourceConfig } from '../config/index.js';
import type { ClaimedItem, FrontierStore, WorkerId } from '../storage/interfaces.js';
import type { Logger } from '../util/logger.js';
import { bump } from './summary.js';
import type { WorkerSummary } from './worker-options.js';
import type { RunBudgets } from './worker-budgets.js';
import { processClaim } from './worker-page.js';
import { RETRY_LATE_SLOT, RETRY_RENDER_NEXT, RETRY_ROBOTS_FIRST, type PageOutcome, type PageStageDeps } from './worker-stage.js';
import type { RunReportTally } from './worker-report.js';
import { noteSiteSignals } from './worker-signals.js';

/**
 * Give-backs that spend no page budget: the page request never went out (a late slot, the slot went to robots.txt),
 * or an app shell goes to the browser at its next claim, which counts as the page's start (one page, as embedded).
 */
const NOT_STARTED = new Set([RETRY_LATE_SLOT, RETRY_ROBOTS_FIRST, RETRY_RENDER_NEXT]);

/** What applying an outcome needs of its worker (worker.ts): who holds the lease, and its side of the run's report. */
export interface OutcomeApplier {
  id: WorkerId;
  /** When the shared run began: a page finished before it was handled by an earlier run (site change signals). */
  runStartedAt: number;
  log: Logger | null;
  report: RunReportTally | null;
}

/**
 * A claimed URL's one outcome applied to the shared frontier, once, in the order the page was read; a lease lost
 * meanwhile (the write is refused) is counted, and the page's share of the run's report is taken back.
 */
export async function applyWorkerOutcome(w: OutcomeApplier, frontier: FrontierStore, item: ClaimedItem, outcome: PageOutcome, summary: WorkerSummary): Promise<void> {
  if (outcome.kind === 'lost') {
    summary.leasesLost++;
    return;
  }
  // In the order the page was read: redirect targets handled under its name, then its links, then its own row.
  if (outcome.handled?.length) await frontier.markHandled(outcome.handled, `redirect-from:${item.url}`, Date.now());
  if (outcome.kind === 'finish' && outcome.adopt) await frontier.markHandled([outcome.adopt.item], outcome.adopt.fetch.outcome, Date.now(), outcome.adopt.fetch);
  if (outcome.links.length > 0) await frontier.addMany(outcome.links);
  if (outcome.kind === 'finish' && outcome.signals?.length) {
    const requeued = await noteSiteSignals(frontier, outcome.signals, item.source, w.runStartedAt);
    if (requeued.length > 0) {
      bump(summary.limitsHit, 'requeuedBySiteChange', requeued.length);
      w.log?.info({ url: item.url, requeued: requeued.length, urls: requeued.slice(0, 20) }, 'site says known pages changed: due now');
    }
  }
  if (outcome.kind === 'retry') {
    bump(summary.retried, outcome.error);
    const share = w.report?.retry();
    if (!(await frontier.retryLater(w.id, item.url, outcome.at, outcome.error, share?.tally))) {
      share?.undo();
      summary.leasesLost++;
    }
    return;
  }
  if (outcome.result.status !== undefined) summary.fetched++;
  bump(summary.outcomes, outcome.result.outcome);
  const share = w.report?.finish(item, outcome.result, outcome.report);
  if (!(await frontier.finish(w.id, item.url, outcome.result, Date.now(), share?.tally))) {
    share?.undo();
    summary.leasesLost++;
  }
}

/**
 * A claimed URL's one outcome, before it is applied: its page budget (pages started count, across every worker; one
 * over a budget goes back for the next run), then its stages (worker-page.ts). A bug or a store failure under one
 * page fails that page only.
 */
export async function claimOutcome(
  d: PageStageDeps,
  item: ClaimedItem,
  claimedAt: number,
  budgets: RunBudgets,
  source: SourceConfig | undefined,
  log: Logger,
): Promise<PageOutcome> {
  let outcome: PageOutcome;
  try {
    // Budgets count pages started, across every worker; one over a budget goes back for the next run.
    const ticket = source ? await budgets.start(item, source) : null;
    if (ticket?.spent) {
      outcome = { kind: 'retry', at: Date.now(), error: `${ticket.spent} budget spent`, links: [] };
    } else {
      outcome = await processClaim(d, item, claimedAt);
      // Given back before the page was started (NOT_STARTED): it counts when it is.
      if (outcome.kind === 'retry' && NOT_STARTED.has(outcome.error) && ticket?.spent === null) await ticket.refund();
    }
  } catch (err) {
    // A bug or a store failure under one page must not kill the worker: the page fails, the crawl goes on.
    log.error({ url: item.url, err: String((err as Error)?.stack ?? err) }, 'page processing crashed');
    outcome = { kind: 'finish', result: { state: 'failed', outcome: 'crash', error: String((err as Error)?.message ?? err) }, links: [] };
  }
  return outcome;
}
