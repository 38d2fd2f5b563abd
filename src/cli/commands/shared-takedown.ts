/**
 * `snapcrawl takedown` against a shared store: the rule goes to the PostgreSQL index's exclusions and to the shared
 * frontier (running workers stop within seconds), then the matching rows, search documents and files go. Prints
 * what it removed as the embedded takedown does.
 */
import { sharedTakedown } from '../../takedown/shared-takedown.js';
import { TAKEDOWN_LOG_FILE, type TakedownSelector } from '../../takedown/index.js';
import { EXIT } from '../exitCodes.js';
import { reportProblem } from '../output.js';
import { redactUrl, withSharedStores, type SharedTarget } from './shared-store.js';

export async function sharedTakedownCommand(
  target: SharedTarget,
  selector: TakedownSelector,
  o: { reason: string; requester?: string; dryRun?: boolean; json?: boolean },
): Promise<number> {
  return withSharedStores(target, {}, async (stores) => {
    const result = await sharedTakedown(
      { index: stores.index, blobs: stores.blobs, frontier: stores.frontier, auditDir: target.storeDir },
      selector,
      { reason: o.reason, requester: o.requester, dryRun: o.dryRun },
    );
    const where = redactUrl(target.index);
    if (!result.dryRun && result.matched.length === 0) {
      const [k, v] = Object.entries(selector)[0] as [string, string];
      reportProblem(`nothing archived matches --${k} ${v} in ${where}; the exclusion is recorded so it is never crawled`, {
        level: 'warn',
        prefix: 'snapcrawl takedown',
        fields: { selector, index: where, exclusionsAdded: result.exclusionsAdded },
      });
    }
    if (o.json) {
      process.stdout.write(`${JSON.stringify({ ...result, frontier: stores.frontierKind })}\n`);
      return EXIT.OK;
    }
    const verb = result.dryRun ? 'would remove' : 'removed';
    for (const s of result.matched) process.stdout.write(`${verb} ${s.id}  ${s.url}\n`);
    if (result.dryRun) {
      process.stdout.write(`dry run: ${result.matched.length} snapshot(s) would be removed; nothing changed\n`);
      return EXIT.OK;
    }
    const frontierNote = stores.frontierKind
      ? `; the ${stores.frontierKind === 'redis' ? 'shared' : 'store’s'} frontier refuses it too (${result.frontierExclusionsAdded} new there)`
      : '; no shared frontier configured';
    process.stdout.write(
      `${result.matched.length} snapshot(s) removed (${result.removedFiles} files), ${result.exclusionsAdded} exclusion(s) recorded in ${where}` +
        `${frontierNote}; audit: ${target.storeDir}/${TAKEDOWN_LOG_FILE}\n`,
    );
    return EXIT.OK;
  });
}
