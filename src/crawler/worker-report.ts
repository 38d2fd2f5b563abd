/**
 * A shared run's report, kept as the crawl goes: every page's share of the counts is a RunTally the frontier adds in
 * the same atomic step as the page's finish (FrontierStore.finish), so it counts once whichever worker finished the
 * page, a page whose worker was killed before its finish counts when its next worker finishes it, and nothing a
 * killed worker finished is lost. The last worker builds the report from the tally (shared-report.ts).
 *
 * Fields of the tally hash (counters unless said):
 *   fetched                         pages with an HTTP status
 *   out:<state>:<outcome>           finished pages by state and outcome
 *   hosterr:<host>                  failed pages per host
 *   retried                         pages given back to the queue
 *   limit:<name>                    limitsHit counts (links refused, images archived, …)
 *   limitset:<name>                 record: a budget's limit when it was reached (maxPages, maxPagesPerHost, maxTime)
 *   cls:<kind> / clsex:<kind>:<url> classifier decisions / record: an example (score, reasons)
 *   blocked:<url>                   record: a challenge page (status, marker)
 *   srcfetched:<source>             article pages of the source that reached the store
 *   article:<snapshotId>            record: an article this run stored (source, new/changed, fields filled, title key)
 *   worker:<id>                     record: a worker that finished a page (when, first)
 */
import { createHash } from 'node:crypto';
import type { PageKind } from '../extract/index.js';
import type { ClaimedItem, FinishedFetch, RunTally } from '../storage/interfaces.js';
import { FILL_FIELDS, type FillField } from './health.js';

/** What a page's stages learned beyond its result, for the run's report. */
export interface PageReport {
  /** The evidence classifier's decision (sources without `articlePattern`), as the embedded report counts it. */
  classified?: { kind: PageKind; score: number; reasons: string[] };
  /** The article the page was, as the store took it. */
  article?: {
    source: string;
    status: 'new' | 'changed' | 'unchanged';
    snapshotId: string;
    /** Unchanged: when the version it matched was fetched, and whether that version had a previous one. */
    matched?: { fetchedAt: string; previousId: string | null };
    filled: readonly FillField[];
    title: string | null;
  };
}

/** The tally a shared run's report is built from (one per run). */
export const runTallyKey = (runId: string) => `run:${runId}:report`;

/** Examples of each kind one worker adds to the tally: as many as the report keeps. */
const EXAMPLES_PER_WORKER = 5;

/** limitsHit entries that hold a budget's limit, not a count: recorded once, never added up across workers. */
const BUDGET_LIMIT = /^max(Pages|PagesPerHost|Time)(:|$)/;

/**
 * The stored-article record, kept short (one per article stored in the run): [source, 'new' | 'changed', the fields
 * filled as bits of FILL_FIELDS, title key].
 */
export type ArticleRecord = [string, 'new' | 'changed', number, string | null];

export const fillMask = (filled: readonly FillField[]): number => FILL_FIELDS.reduce((m, f, i) => (filled.includes(f) ? m | (1 << i) : m), 0);
export const fillOfMask = (mask: number): FillField[] => FILL_FIELDS.filter((_, i) => (mask & (1 << i)) !== 0);

export const titleKey = (title: string | null): string | null =>
  title === null || title.trim() === '' ? null : createHash('sha256').update(title.trim()).digest('base64url').slice(0, 16);

/**
 * One worker's side of the run's tally: turns each page it applies into that page's share, with the limitsHit
 * counted by this worker since its previous share (they come from many pages at once, so they ride on whichever
 * page is applied next; a share whose step did not apply gives them back for the next one).
 */
export class RunReportTally {
  private readonly key: string;
  /** limitsHit as already handed to a share. */
  private readonly shared: Record<string, number> = {};
  private workerNoted = false;
  /** Examples sent per kind (classifier kinds, challenge pages). */
  private readonly examplesSent = new Map<string, number>();

  constructor(
    runId: string,
    private readonly worker: string,
    /** When the run began: an unchanged article whose version is newer was stored by this run (see articleShare). */
    private readonly runStartedAt: number,
    /** The worker's limitsHit, as its summary counts them. */
    private readonly limitsHit: Record<string, number>,
  ) {
    this.key = runTallyKey(runId);
  }

  /** The share of a page finished with `result`; `undo` when the finish did not apply. */
  finish(item: ClaimedItem, result: FinishedFetch, report?: PageReport): { tally: RunTally; undo: () => void } {
    const add: Record<string, number> = {};
    const once: Record<string, string> = {};
    const examples: string[] = [];
    if (result.status !== undefined) add.fetched = 1;
    add[`out:${result.state}:${result.outcome}`] = 1;
    if (result.state === 'failed') add[`hosterr:${item.host}`] = 1;
    if (result.outcome === 'blocked' && this.example('blocked', examples)) {
      const marker = /\((.*)\)$/.exec(result.error ?? '')?.[1] ?? '';
      once[`blocked:${item.url}`] = JSON.stringify({ status: result.status ?? 0, marker });
    }
    if (report?.classified) {
      const { kind, score, reasons } = report.classified;
      add[`cls:${kind}`] = 1;
      if (this.example(`cls:${kind}`, examples)) once[`clsex:${kind}:${item.url}`] = JSON.stringify({ score, reasons });
    }
    if (report?.article) this.articleShare(report.article, add, once);
    const share = this.withLimits(add, once);
    return {
      tally: share.tally,
      undo: () => {
        share.undo();
        for (const what of examples) this.examplesSent.set(what, (this.examplesSent.get(what) ?? 1) - 1);
      },
    };
  }

  /**
   * Whether this worker still sends an example of `what`: its first few only, so the tally holds a few per worker
   * (the report keeps the first of them by URL), never one per page of a long run.
   */
  private example(what: string, taken: string[]): boolean {
    const sent = this.examplesSent.get(what) ?? 0;
    if (sent >= EXAMPLES_PER_WORKER) return false;
    this.examplesSent.set(what, sent + 1);
    taken.push(what);
    return true;
  }

  /** The share of a page given back to the queue. */
  retry(): { tally: RunTally; undo: () => void } {
    return this.withLimits({ retried: 1 }, {});
  }

  /**
   * An article stored now is recorded under its snapshot id, once. An unchanged one whose matched version is this
   * run's (fetched since the run began) is recorded too: when the worker that stored it was killed before its
   * finish, this refetch is the only page that can count it, and when it was counted the record is already there.
   */
  private articleShare(a: NonNullable<PageReport['article']>, add: Record<string, number>, once: Record<string, string>): void {
    add[`srcfetched:${a.source}`] = 1;
    let status: 'new' | 'changed' | null = a.status === 'unchanged' ? null : a.status;
    if (a.status === 'unchanged' && a.matched && Date.parse(a.matched.fetchedAt) >= this.runStartedAt) {
      status = a.matched.previousId === null ? 'new' : 'changed';
    }
    if (status === null) return;
    const record: ArticleRecord = [a.source, status, fillMask(a.filled), titleKey(a.title)];
    once[`article:${a.snapshotId}`] = JSON.stringify(record);
  }

  private withLimits(add: Record<string, number>, once: Record<string, string>): { tally: RunTally; undo: () => void } {
    const taken: [string, number][] = [];
    for (const [name, value] of Object.entries(this.limitsHit)) {
      if (BUDGET_LIMIT.test(name)) {
        once[`limitset:${name}`] = String(value);
        continue;
      }
      const delta = value - (this.shared[name] ?? 0);
      if (delta <= 0) continue;
      add[`limit:${name}`] = delta;
      this.shared[name] = value;
      taken.push([name, delta]);
    }
    if (!this.workerNoted) once[`worker:${this.worker}`] = new Date().toISOString();
    const noted = this.workerNoted;
    this.workerNoted = true;
    const undo = () => {
      for (const [name, delta] of taken) this.shared[name] = (this.shared[name] ?? 0) - delta;
      if (!noted) this.workerNoted = false;
    };
    return { tally: { key: this.key, add, once }, undo };
  }
}
