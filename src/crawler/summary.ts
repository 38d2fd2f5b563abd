import type { PageKind } from '../extract/index.js';
import type { BlockedExample, DriftFinding, SourceHealth } from './health.js';

const noneClassified = (): Record<PageKind, number> => ({ article: 0, listing: 0, table: 0, other: 0 });

/** Counters of one run, printed at the end and written to the run report. */
export interface RunSummary {
  runId: string;
  resumed: boolean;
  startedAt: string;
  finishedAt?: string;
  durationMs?: number;
  status: 'completed' | 'interrupted' | 'failed';
  sources: string[];
  fetched: number;
  snapshots: { new: number; changed: number; unchanged: number };
  /** Pages fetched for discovery only (index pages, feeds, sitemaps, non-articles). */
  discoveryOnly: number;
  skipped: { robots: number; excluded: number; outOfScope: number; notHtml: number };
  failed: Record<string, number>;
  perHostErrors: Record<string, number>;
  limitsHit: Record<string, number>;
  /**
   * What the evidence classifier (src/extract/articleEvidence.ts) made of each HTML page it judged: pages of a source
   * without `articlePattern` (seeds included, though a seed is never stored as an article). Only `article` pages
   * other than seeds are stored.
   */
  classified: Record<PageKind, number>;
  /**
   * Why: the first few pages of each kind with their score and reasons (`teasers 30×div.item -6`, …), so a
   * report shows what the classifier decided on this site without debug logs. Bounded per kind.
   */
  classifiedExamples: Partial<Record<PageKind, ClassifiedExample[]>>;
  queuedLeft: number;
  /** Per source: articles that reached the store, how many were stored, and their field fill-rates (health.ts). */
  perSource: Record<string, SourceHealth>;
  /** Sources whose title/publishedAt/body fill-rate fell below their recent median by more than `health.driftMargin`. */
  drift: DriftFinding[];
  /** The first few pages counted as failed `blocked` (challenges, bot walls), with the marker seen. */
  blockedExamples: BlockedExample[];
  /** Why a run ended `failed`: the disk filled up (exit 1), or every fetch failed (exit 4). */
  failure?: { kind: 'disk-full' | 'all-failed'; message: string };
}

export function emptySummary(runId: string, resumed: boolean, sources: string[]): RunSummary {
  return {
    runId,
    resumed,
    startedAt: new Date().toISOString(),
    status: 'completed',
    sources,
    fetched: 0,
    snapshots: { new: 0, changed: 0, unchanged: 0 },
    discoveryOnly: 0,
    skipped: { robots: 0, excluded: 0, outOfScope: 0, notHtml: 0 },
    failed: {},
    perHostErrors: {},
    limitsHit: {},
    classified: noneClassified(),
    classifiedExamples: {},
    queuedLeft: 0,
    perSource: {},
    drift: [],
    blockedExamples: [],
  };
}

/** Continues the counters of a resumed run from its last checkpoint. */
export function resumeSummary(previous: unknown, fresh: RunSummary): RunSummary {
  if (!previous || typeof previous !== 'object') return fresh;
  const p = previous as Partial<RunSummary>;
  return {
    ...fresh,
    startedAt: p.startedAt ?? fresh.startedAt,
    fetched: p.fetched ?? 0,
    snapshots: { ...fresh.snapshots, ...p.snapshots },
    discoveryOnly: p.discoveryOnly ?? 0,
    skipped: { ...fresh.skipped, ...p.skipped },
    failed: { ...p.failed },
    perHostErrors: { ...p.perHostErrors },
    limitsHit: { ...p.limitsHit },
    classified: { ...noneClassified(), ...p.classified },
    classifiedExamples: { ...p.classifiedExamples },
    perSource: { ...p.perSource },
    blockedExamples: [...(p.blockedExamples ?? [])],
  };
}

export interface ClassifiedExample {
  url: string;
  score: number;
  reasons: string[];
}

/** Examples kept per kind in the run report. */
const EXAMPLES_PER_KIND = 5;

/** Counts a classifier decision and keeps it as an example while its kind has few. */
export function recordClassification(summary: RunSummary, kind: PageKind, example: ClassifiedExample): void {
  summary.classified[kind]++;
  const examples = (summary.classifiedExamples[kind] ??= []);
  if (examples.length < EXAMPLES_PER_KIND) examples.push(example);
}

export function bump(map: Record<string, number>, key: string, by = 1): void {
  map[key] = (map[key] ?? 0) + by;
}

export function failedTotal(s: RunSummary): number {
  return Object.values(s.failed).reduce((a, b) => a + b, 0);
}
