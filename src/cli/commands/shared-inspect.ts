/**
 * `list`, `show`, `status` and `verify` against a shared store (config `index: postgres://…`): the same output and
 * exit codes as on the embedded store, read from the IndexStores, the BlobStore and (status) the FrontierStore.
 */
import { sha256Hex, readWarcResponse, SNAPSHOT_JSON_FILE, WARC_FILE_NAME } from '../../snapshot/index.js';
import type { IndexedSnapshot, SnapshotIndexStore } from '../../storage/interfaces.js';
import { EXIT } from '../exitCodes.js';
import { reportProblem } from '../output.js';
import { redactUrl, withSharedStores, type SharedTarget } from './shared-store.js';

export async function sharedList(target: SharedTarget, o: { host?: string; limit: number; json?: boolean }): Promise<number> {
  return withSharedStores(target, { frontier: false }, async ({ index }) => {
    const rows = await index.snapshots.list({ limit: o.limit, host: o.host, orderBy: 'fetchedAt' });
    for (const r of rows) {
      if (o.json) process.stdout.write(`${JSON.stringify(r)}\n`);
      else process.stdout.write(`${r.id}  ${r.fetchedAt.slice(0, 19)}  ${r.title ?? '(no title)'}\n    ${r.url}\n`);
    }
    if (!o.json) process.stdout.write(`${rows.length} of ${await index.snapshots.count({ host: o.host })} snapshots\n`);
    return EXIT.OK;
  });
}

export async function sharedShow(target: SharedTarget, id: string): Promise<number> {
  return withSharedStores(target, { frontier: false }, async ({ index, blobs }) => {
    const row = await index.snapshots.get(id);
    const bytes = row ? await blobs.get(`${row.dir}/${SNAPSHOT_JSON_FILE}`) : null;
    if (!row) {
      reportProblem(`no snapshot ${id} in ${redactUrl(target.index)}`, { fields: { id, index: redactUrl(target.index) } });
      return EXIT.ERROR;
    }
    if (!bytes) {
      reportProblem(`snapshot ${id} is indexed but ${row.dir}/${SNAPSHOT_JSON_FILE} is missing under ${target.storeDir} (is the shared path mounted?)`, {
        fields: { id, dir: row.dir, store: target.storeDir },
      });
      return EXIT.ERROR;
    }
    const record = JSON.parse(bytes.toString('utf8')) as unknown;
    process.stdout.write(`${JSON.stringify(record, null, 2)}\n`);
    return EXIT.OK;
  });
}

export async function sharedStatus(target: SharedTarget, o: { json?: boolean }): Promise<number> {
  return withSharedStores(target, {}, async ({ index, frontier, frontierKind }) => {
    const now = Date.now();
    const [snapshots, runs, counts, liveLeases] = await Promise.all([
      index.snapshots.count({}),
      index.runs.recent(10),
      frontier ? frontier.counts() : Promise.resolve(null),
      frontier ? frontier.liveLeases(now) : Promise.resolve(null),
    ]);
    const status = { index: redactUrl(target.index), frontier: frontierKind, snapshots, runs, queue: counts, liveLeases };
    if (o.json) {
      process.stdout.write(`${JSON.stringify(status)}\n`);
      return EXIT.OK;
    }
    const lines = [`index ${status.index}: ${snapshots} snapshots (files under ${target.storeDir})`, '', 'last runs:'];
    for (const r of runs) {
      // An embedded crawl's summary has snapshot figures; a shared run's (ended by its last worker) the queue's counts.
      const sum = r.summary as { fetched?: number; snapshots?: { new: number; changed: number; unchanged: number }; queue?: Partial<Record<string, number>> } | null;
      const figures = sum?.snapshots
        ? `fetched ${sum.fetched}, new ${sum.snapshots.new}, changed ${sum.snapshots.changed}, unchanged ${sum.snapshots.unchanged}`
        : sum?.queue
          ? `done ${sum.queue.done ?? 0}, failed ${sum.queue.failed ?? 0}, skipped ${sum.queue.skipped ?? 0}`
          : '';
      lines.push(`  ${r.id}  ${r.status.padEnd(11)} ${r.startedAt}  ${figures}`);
    }
    lines.push('', `frontier${frontierKind ? ` (${frontierKind === 'redis' ? redactUrl(target.frontier ?? '') : 'store.db'})` : ''}:`);
    if (counts) {
      lines.push(`  queued ${counts.queued}, in flight ${counts.inFlight}, done ${counts.done}, failed ${counts.failed}, skipped ${counts.skipped}`);
      lines.push(`  live leases (workers fetching now): ${liveLeases}`);
    } else lines.push('  none configured (add `frontier: redis://HOST:PORT/DB` to the config to see the shared queue)');
    process.stdout.write(`${lines.join('\n')}\n`);
    return EXIT.OK;
  });
}

export interface SharedVerifyProblem {
  kind: 'missing-files' | 'corrupt' | 'orphan-folder';
  id?: string;
  url?: string;
  path: string;
  detail: string;
}

/** Every index row, a page at a time (oldest first, so rows added meanwhile come last). */
async function* allRows(snapshots: SnapshotIndexStore): AsyncGenerator<IndexedSnapshot> {
  const page = 500;
  for (let offset = 0; ; offset += page) {
    const rows = await snapshots.list({ limit: page, offset, orderBy: 'fetchedAt' });
    yield* rows;
    if (rows.length < page) return;
  }
}

/** `<host>/<YYYY>/<MM>/<DD>/<id>` of a blob key under a snapshot folder, or null for anything else in the root. */
function folderOf(key: string): string | null {
  const parts = key.split('/');
  if (parts.length < 6 || parts[0]!.startsWith('.') || !/^\d{4}$/.test(parts[1]!)) return null;
  return parts.slice(0, 5).join('/');
}

/**
 * Checks that the shared index and the blobs agree: every row has its snapshot.json and WARC, the WARC's response
 * body re-hashes to the row's sha256 (always: the files are on a shared mount, where bytes are more at risk than in
 * a local store), and every snapshot folder has a row. Without a run lock (workers may be running), a folder a
 * worker is writing right now can show as an orphan until its row commits; run it again to be sure.
 */
export async function sharedVerify(target: SharedTarget, o: { repair?: boolean; json?: boolean }): Promise<number> {
  if (o.repair) {
    reportProblem('--repair is not available for a shared index yet: run verify to list the problems, then take down or re-crawl them', {
      prefix: 'snapcrawl verify',
      fields: { exitCode: EXIT.USAGE },
    });
    return EXIT.USAGE;
  }
  return withSharedStores(target, { frontier: false }, async ({ index, blobs }) => {
    const problems: SharedVerifyProblem[] = [];
    const indexed = new Set<string>();
    let snapshots = 0;
    for await (const row of allRows(index.snapshots)) {
      snapshots++;
      indexed.add(row.dir);
      const [json, warc] = await Promise.all([blobs.get(`${row.dir}/${SNAPSHOT_JSON_FILE}`), blobs.get(`${row.dir}/${WARC_FILE_NAME}`)]);
      const missing = [json ? null : SNAPSHOT_JSON_FILE, warc ? null : WARC_FILE_NAME].filter((f): f is string => f !== null);
      if (missing.length) {
        problems.push({ kind: 'missing-files', id: row.id, url: row.url, path: row.dir, detail: `missing ${missing.join(', ')}` });
        continue;
      }
      const response = await readWarcResponse(warc!).catch(() => null);
      const bodySha = response ? sha256Hex(response.body) : null;
      const digestOk = response !== null && (response.payloadDigest === null || response.payloadDigest === `sha256:${bodySha}`);
      if (!digestOk || bodySha !== row.sha256) {
        problems.push({ kind: 'corrupt', id: row.id, url: row.url, path: row.dir, detail: 'WARC body does not match the recorded sha256' });
      }
    }
    const folders = new Set<string>();
    for (const key of await blobs.list('')) {
      const folder = folderOf(key);
      if (folder) folders.add(folder);
    }
    for (const folder of folders) {
      if (!indexed.has(folder)) problems.push({ kind: 'orphan-folder', path: folder, detail: 'folder has no index row' });
    }
    const report = { snapshots, folders: folders.size, problems, repaired: 0 };
    if (o.json) process.stdout.write(`${JSON.stringify(report)}\n`);
    else {
      for (const p of problems) process.stdout.write(`${p.kind}: ${p.path ?? p.url ?? p.id} — ${p.detail}\n`);
      process.stdout.write(`${snapshots} indexed snapshots, ${folders.size} folders, ${problems.length} problem(s)\n`);
    }
    return problems.length > 0 ? EXIT.ERROR : EXIT.OK;
  });
}
