import { mkdir, rename } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { normalizeUrl, hostKey } from '../frontier/normalize.js';
import { runTransaction, type StoreDatabase } from '../storage/database.js';
import { isExcluded } from '../frontier/index.js';
import { stripLearnedParams, trustedCanonical } from '../frontier/paramLearning.js';
import {
  ensureDirDurable,
  forgetDurableDir,
  fsyncDirAsync,
  fsyncDirSync,
  mkdirDurable,
  removeTreeSync,
  renameDurable,
  writeFileDurable,
  writeFileDurableAsync,
} from './durable-fs.js';
import { ExcludedUrlError, SnapshotStoreError } from './errors.js';
import { contentHashOf, sha256Hex } from './hash.js';
import { groupCommitFor } from './group-commit.js';
import { makeSnapshotId } from './ids.js';
import { hostDirName, resolveInside, snapshotRelDir, TMP_DIR_NAME } from './paths.js';
import { ARTICLE_FILE_NAME, buildSnapshotRecord, CRAWLER_INFO, renderArticleMarkdown, SCREENSHOT_FILE_NAME, SNAPSHOT_JSON_FILE } from './record.js';
import type { SnapshotIndex, SnapshotRow } from './snapshot-index.js';
import type { SnapshotInput, SnapshotRecord, WriteOutcome } from './types.js';
import { buildWarc, WARC_FILE_NAME } from './warc.js';

export interface WriterContext {
  storeDir: string;
  db: StoreDatabase;
  index: SnapshotIndex;
  /** Owner tag of this store instance, recorded on pending rows (see recovery.ts). */
  owner: string;
}

/** The URLs a page is known by; a takedown of any of them keeps the page out of the store. */
function urlsOf(input: SnapshotInput, key: string): string[] {
  const urls = [input.fetch.url, input.fetch.finalUrl, key];
  if (input.article.canonicalUrl) urls.push(input.article.canonicalUrl);
  return urls;
}

function assertNotExcluded(ctx: WriterContext, input: SnapshotInput, url: string, key: string): void {
  const hit = urlsOf(input, key).find((u) => isExcluded(ctx.db, u));
  if (hit !== undefined) throw new ExcludedUrlError(`refusing to store a taken-down URL (${hit})`, { url });
}

/** Which article a fetched page is, and its newest snapshot so far. */
export interface PageIdentity {
  /** The snapshot key (`url` of the index row and of snapshot.json): every version of the article shares it. */
  key: string;
  /** Newest snapshot of that article, if any. */
  latest: SnapshotRow | undefined;
  /** The canonical URL the page names, normalized (kept in the index whether trusted or not). */
  canonical: string | null;
}

/**
 * One snapshot per article, whatever URL variant it was fetched through: the page is matched against the
 * snapshots by the URL fetched, the final URL after redirects, the canonical URL it names (rel=canonical /
 * og:url, when on its own host: trustedCanonical) and the first two less the query parameters learned
 * to be ignorable for the host; any snapshot whose url, canonical_url or final_url is one of them is the
 * same article, and its `url` is the key. A page matching nothing is keyed by its trusted canonical URL,
 * else by the URL fetched (less learned parameters).
 */
export function identifyPage(ctx: Pick<WriterContext, 'db' | 'index'>, input: Pick<SnapshotInput, 'fetch' | 'article'>): PageIdentity | null {
  const url = normalizeUrl(input.fetch.url);
  const finalUrl = normalizeUrl(input.fetch.finalUrl);
  if (url === null || finalUrl === null) return null;
  const canonical = input.article.canonicalUrl ? normalizeUrl(input.article.canonicalUrl, input.fetch.finalUrl) : null;
  const trusted = trustedCanonical(input.article.canonicalUrl, input.fetch.finalUrl);
  const stripped = stripLearnedParams(ctx.db, url);
  const match = ctx.index.latestMatching.get({ k1: url, k2: finalUrl, k3: trusted ?? url, k4: stripped, k5: stripLearnedParams(ctx.db, finalUrl) });
  const latest = match ? (match.is_latest === 1 ? match : (ctx.index.latestForUrl.get(match.url) ?? match)) : undefined;
  return { key: latest?.url ?? trusted ?? stripped, latest, canonical };
}

function hostnameOf(url: string): string {
  return new URL(url).hostname.replace(/\.+$/, '');
}

function indexRow(record: SnapshotRecord, dir: string, normalizedFinal: string, canonical: string | null): SnapshotRow {
  const publishedMs = record.publishedAt ? Date.parse(record.publishedAt) : NaN;
  return {
    id: record.id,
    url: record.url,
    final_url: normalizedFinal,
    canonical_url: canonical,
    host: hostKey(record.url),
    hostname: hostnameOf(record.url),
    final_hostname: hostnameOf(normalizedFinal),
    fetched_at: record.fetchedAt,
    title: record.title,
    published_at: record.publishedAt,
    published_ms: Number.isNaN(publishedMs) ? null : publishedMs,
    category: record.category,
    source: record.source,
    dir,
    previous_id: record.previousId,
    content_hash: record.contentHash,
    sha256: record.sha256,
    http_status: record.httpStatus,
    bytes: record.bytes,
    is_latest: 1,
  };
}

/** What a worker computed off the main thread for one page (extractPool): hashes and the gzipped exchange. */
export interface PreparedWrite {
  /** sha256 of fetch.body, hex. */
  sha256: string;
  /** contentHashOf(article.body, sha256). */
  contentHash: string;
  /** The page's request/response(/metadata) WARC records, each its own gzip member (exchangeMembers). */
  exchange?: Buffer;
}

/** Everything a write needs, decided before anything touches disk. */
interface WritePlan {
  id: string;
  url: string;
  relDir: string;
  finalDir: string;
  tmpRoot: string;
  tmpDir: string;
  fetchedUrl: string;
  finalUrl: string;
  canonical: string | null;
  previousId: string | null;
  record: SnapshotRecord;
  files: [name: string, data: string | Uint8Array][];
}

/** Ids handed out to writes whose pending row is not committed yet (group commit): never handed out twice. */
const idsInFlight = new Set<string>();

function uniqueId(ctx: WriterContext, url: string, fetchedAt: Date): string {
  for (let salt = 0; ; salt++) {
    const id = makeSnapshotId(url, fetchedAt, salt);
    if (!idsInFlight.has(id) && !ctx.index.idTaken.get(id, id)) return id;
  }
}

/** Identity, exclusion, hashes and the files' bytes: 'unchanged' when the article's latest snapshot has this content. */
function planWrite(ctx: WriterContext, input: SnapshotInput, prepared?: PreparedWrite): WritePlan | WriteOutcome {
  const { fetch, article } = input;
  const fetchedUrl = normalizeUrl(fetch.url);
  const finalUrl = normalizeUrl(fetch.finalUrl);
  const identity = identifyPage(ctx, input);
  if (fetchedUrl === null || finalUrl === null || identity === null) {
    throw new SnapshotStoreError('not an http(s) URL', { url: fetchedUrl === null ? fetch.url : fetch.finalUrl });
  }
  // The article's key: what versions share, what is_latest is per (snapshot-index.ts).
  const { key: url, latest, canonical } = identity;
  assertNotExcluded(ctx, input, fetchedUrl, url);

  const sha256 = prepared?.sha256 ?? sha256Hex(fetch.body);
  const contentHash = prepared?.contentHash ?? contentHashOf(article.body, sha256);
  // Seen again (under this or another of its URLs) with the same content: nothing is written.
  if (latest && latest.content_hash === contentHash) return { status: 'unchanged', id: latest.id };

  const id = uniqueId(ctx, url, fetch.fetchedAt);
  const relDir = snapshotRelDir(hostDirName(url), fetch.fetchedAt, id);
  const previousId = latest?.id ?? null;
  const record = buildSnapshotRecord(input, { id, url, previousId }, { sha256, contentHash });
  // Built before anything touches disk: a failure here leaves nothing to clean up.
  const software = `${CRAWLER_INFO.name}/${CRAWLER_INFO.version}`;
  const warc = buildWarc(fetch, { software, snapshotId: id }, { resources: input.resources, renderedHtml: input.renderedHtml, exchange: prepared?.exchange });
  const files: WritePlan['files'] = [
    [SNAPSHOT_JSON_FILE, `${JSON.stringify(record, null, 2)}\n`],
    [WARC_FILE_NAME, warc],
    [ARTICLE_FILE_NAME, renderArticleMarkdown(record, article.markdown)],
  ];
  if (input.screenshot) files.push([SCREENSHOT_FILE_NAME, input.screenshot]);
  return {
    id, url, relDir, previousId, record, files, fetchedUrl, finalUrl, canonical,
    finalDir: resolveInside(ctx.storeDir, relDir),
    tmpRoot: join(ctx.storeDir, TMP_DIR_NAME),
    tmpDir: resolveInside(ctx.storeDir, `${TMP_DIR_NAME}/${id}`),
  };
}

const isPlan = (p: WritePlan | WriteOutcome): p is WritePlan => !('status' in p);
const pendingRow = (ctx: WriterContext, p: WritePlan) => ({ id: p.id, op: 'write' as const, dir: p.relDir, owner: ctx.owner, created_at: new Date().toISOString() });
const outcomeOf = (p: WritePlan): WriteOutcome =>
  p.previousId === null ? { status: 'new', id: p.id, dir: p.finalDir } : { status: 'changed', id: p.id, dir: p.finalDir, previousId: p.previousId };

/** The index commit of a write whose folder is in place; the exclusion check again, inside the transaction. */
function commitRow(ctx: WriterContext, input: SnapshotInput, p: WritePlan): void {
  // Checked again inside the transaction: a takedown committed while we were writing wins.
  assertNotExcluded(ctx, input, p.fetchedUrl, p.url);
  ctx.index.clearLatest.run(p.url);
  ctx.index.insertRow.run(indexRow(p.record, p.relDir, p.finalUrl, p.canonical));
  ctx.index.deletePending.run(p.id);
}

function failWrite(ctx: WriterContext, p: WritePlan, renamed: boolean, err: unknown): never {
  try {
    removeTreeSync(p.tmpDir);
    if (renamed) removeTreeSync(p.finalDir);
    ctx.index.deletePending.run(p.id);
  } catch {
    // Left for recovery: the pending row makes the next open remove whatever is left.
  }
  if (err instanceof SnapshotStoreError) throw err;
  throw new SnapshotStoreError('could not write snapshot', { url: p.url, id: p.id }, { cause: err });
}

/**
 * Archive one fetched page. Unchanged content (same contentHash as the article's latest snapshot, found
 * through any of its URLs: identifyPage) writes nothing; changed content is a new version of that article. Otherwise: pending row → files into `.tmp/<id>/` (each fsynced) → rename into
 * `<host>/<YYYY>/<MM>/<DD>/<id>/` → index row + pending cleared in one transaction. A crash at any
 * point leaves either a complete indexed snapshot or debris that recovery removes.
 * Synchronous, so two writes of one URL can never interleave between "read latest" and "insert".
 */
export function writeSnapshot(ctx: WriterContext, input: SnapshotInput, prepared?: PreparedWrite): WriteOutcome {
  const p = planWrite(ctx, input, prepared);
  if (!isPlan(p)) return p;
  // Pending row first: recovery trusts a tmp or final folder only if its pending row says whose it is.
  ctx.index.insertPending.run(pendingRow(ctx, p));
  let renamed = false;
  try {
    mkdirDurable(p.tmpRoot);
    mkdirDurable(p.tmpDir);
    for (const [name, data] of p.files) writeFileDurable(join(p.tmpDir, name), data);
    fsyncDirSync(p.tmpDir);
    mkdirDurable(dirname(p.finalDir));
    renameDurable(p.tmpDir, p.finalDir);
    renamed = true;
    runTransaction(ctx.db, () => commitRow(ctx, input, p), 'immediate');
  } catch (err) {
    failWrite(ctx, p, renamed, err);
  }
  return outcomeOf(p);
}

/** Writes in flight per article key (writeSnapshotAsync): a second write of the same article waits for the first. */
const keysInFlight = new WeakMap<SnapshotIndex, Map<string, Promise<unknown>>>();

/**
 * writeSnapshot for a crawler with many pages in flight: the same steps and the same crash guarantees,
 * but the files are written and fsynced on libuv's thread pool, and the pending-row and index commits of
 * concurrent writes share transactions (GroupCommit), so the event loop is never held by the disk.
 * Order kept: the pending row is committed before `.tmp/<id>` exists (recovery by another process
 * must see it), the files and the folder are fsynced before the rename, the rename is made durable
 * (both parents fsynced) before the index row commits. Writes of one article key are serialised, so
 * "read latest" and "insert" still cannot interleave for it.
 */
export async function writeSnapshotAsync(ctx: WriterContext, input: SnapshotInput, prepared?: PreparedWrite): Promise<WriteOutcome> {
  let inFlight = keysInFlight.get(ctx.index);
  if (!inFlight) keysInFlight.set(ctx.index, (inFlight = new Map()));
  for (;;) {
    const p = planWrite(ctx, input, prepared);
    if (!isPlan(p)) return p;
    const busy = inFlight.get(p.url);
    if (busy) {
      await busy.catch(() => undefined); // then plan again: the other write may have stored this content
      continue;
    }
    idsInFlight.add(p.id);
    const done = runPlan(ctx, input, p);
    inFlight.set(p.url, done);
    try {
      return await done;
    } finally {
      inFlight.delete(p.url);
      idsInFlight.delete(p.id);
    }
  }
}

async function runPlan(ctx: WriterContext, input: SnapshotInput, p: WritePlan): Promise<WriteOutcome> {
  const commits = groupCommitFor(ctx.db);
  await commits.add(() => ctx.index.insertPending.run(pendingRow(ctx, p)));
  let renamed = false;
  try {
    ensureDirDurable(p.tmpRoot);
    await mkdir(p.tmpDir);
    // allSettled: on a failure no other file is still being written when the folder is removed.
    const written = await Promise.allSettled(p.files.map(([name, data]) => writeFileDurableAsync(join(p.tmpDir, name), data)));
    const failed = written.find((w): w is PromiseRejectedResult => w.status === 'rejected');
    if (failed) throw failed.reason;
    await fsyncDirAsync(p.tmpDir);
    const parent = dirname(p.finalDir);
    ensureDirDurable(parent);
    await rename(p.tmpDir, p.finalDir).catch(async (err: NodeJS.ErrnoException) => {
      if (err.code !== 'ENOENT') throw err;
      forgetDurableDir(parent); // removed behind our back: make it again, once
      ensureDirDurable(parent);
      await rename(p.tmpDir, p.finalDir);
    });
    renamed = true;
    await commits.add(() => commitRow(ctx, input, p), [parent, p.tmpRoot]);
  } catch (err) {
    failWrite(ctx, p, renamed, err);
  }
  return outcomeOf(p);
}
