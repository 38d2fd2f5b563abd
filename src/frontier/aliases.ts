import type { frontierStatements } from '../storage/sqlite/frontier-queries.js';
import { fetchColumns, type FinishResult } from './entry.js';
import type { FrontierIntake } from './intake.js';

/**
 * finishAsAlias's writes (frontier.ts), inside its transaction: the decorated `variant` is finished as an alias of
 * `key` (its canonical URL, or the snapshot it matched) and aliases pointing at it follow; the target's row (added
 * when new) takes the fetch as its own unless it was fetched or is being fetched itself, else only its snapshot id.
 * All of it only while `worker` holds the variant's lease (like FINISH): a stalled run whose lease expired and whose
 * variant another run re-claimed changes nothing, neither that run's row nor the target (the new holder records its
 * own fetch).
 */
export function adoptVariantFetch(
  intake: FrontierIntake,
  stmt: ReturnType<typeof frontierStatements>,
  run: { runId: string; worker: string },
  variant: string,
  key: string,
  result: FinishResult & { source: string; depth: number },
  now: number,
): void {
  const finished = stmt.finishVariant.run({
    url: variant,
    outcome: `alias-of:${key}`,
    status: result.status ?? null,
    fetchedAt: now,
    snapshotId: result.snapshotId ?? null,
    target: key,
    worker: run.worker,
  }).changes;
  if (finished === 0) return;
  intake.add({ url: key, source: result.source, depth: result.depth }, now);
  stmt.repointAliases.run({ from: variant, target: key });
  const adopted = stmt.adoptFetch.run({
    url: key,
    outcome: `${result.outcome}:via-alias`,
    ...fetchColumns(result, now),
    runId: run.runId,
  }).changes;
  if (adopted === 0 && result.snapshotId) stmt.adoptSnapshot.run({ url: key, snapshotId: result.snapshotId });
}
