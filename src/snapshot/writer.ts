import { join } from 'node:path';
import { normalizeUrl, hostKey } from '../frontier/normalize.js';
import type { StoreDatabase } from '../storage/database.js';
import { isExcluded } from '../frontier/index.js';
import { stripLearnedParams, trustedCanonical } from '../frontier/paramLearning.js';
import { fsyncDirSync, mkdirDurable, removeTreeSync, renameDurable, writeFileDurable } from './durable-fs.js';
import { ExcludedUrlError, SnapshotStoreError } from './errors.js';
import { contentHashOf, sha256Hex } from './hash.js';
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

function uniqueId(ctx: WriterContext, url: string, fetchedAt: Date): string {
  for (let salt = 0; ; salt++) {
    const id = makeSnapshotId(url, fetchedAt, salt);
    if (!ctx.index.idTaken.get(id, id)) return id;
  }
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

/**
 * Archive one fetched page. Unchanged content (same contentHash as the article's latest snapshot, found
 * through any of its URLs: identifyPage) writes nothing; changed content is a new version of that article. Otherwise: pending row → files into `.tmp/<id>/` (each fsynced) → rename into
 * `<host>/<YYYY>/<MM>/<DD>/<id>/` → index row + pending cleared in one transaction. A crash at any
 * point leaves either a complete indexed snapshot or debris that recovery removes.
 * Synchronous, so two writes of one URL can never interleave between "read latest" and "insert".
 */
export function writeSnapshot(ctx: WriterContext, input: SnapshotInput): WriteOutcome {
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

  const sha256 = sha256Hex(fetch.body);
  const contentHash = contentHashOf(article.body, sha256);
  // Seen again (under this or another of its URLs) with the same content: nothing is written.
  if (latest && latest.content_hash === contentHash) return { status: 'unchanged', id: latest.id };

  const id = uniqueId(ctx, url, fetch.fetchedAt);
  const relDir = snapshotRelDir(hostDirName(url), fetch.fetchedAt, id);
  const finalDir = resolveInside(ctx.storeDir, relDir);
  const tmpRoot = join(ctx.storeDir, TMP_DIR_NAME);
  const tmpDir = resolveInside(ctx.storeDir, `${TMP_DIR_NAME}/${id}`);
  const previousId = latest?.id ?? null;
  const record = buildSnapshotRecord(input, { id, url, previousId }, { sha256, contentHash });

  // Built before anything touches disk: a failure here leaves nothing to clean up.
  const software = `${CRAWLER_INFO.name}/${CRAWLER_INFO.version}`;
  const warc = buildWarc(fetch, { software, snapshotId: id }, { resources: input.resources, renderedHtml: input.renderedHtml });
  const markdown = renderArticleMarkdown(record, article.markdown);

  // Pending row first: recovery trusts a tmp or final folder only if its pending row says whose it is.
  ctx.index.insertPending.run({ id, op: 'write', dir: relDir, owner: ctx.owner, created_at: new Date().toISOString() });
  let renamed = false;
  try {
    mkdirDurable(tmpRoot);
    mkdirDurable(tmpDir);
    writeFileDurable(join(tmpDir, SNAPSHOT_JSON_FILE), `${JSON.stringify(record, null, 2)}\n`);
    writeFileDurable(join(tmpDir, WARC_FILE_NAME), warc);
    writeFileDurable(join(tmpDir, ARTICLE_FILE_NAME), markdown);
    if (input.screenshot) writeFileDurable(join(tmpDir, SCREENSHOT_FILE_NAME), input.screenshot);
    fsyncDirSync(tmpDir);
    mkdirDurable(resolveInside(ctx.storeDir, relDir.split('/').slice(0, -1).join('/')));
    renameDurable(tmpDir, finalDir);
    renamed = true;

    ctx.db.transaction(() => {
      // Checked again inside the transaction: a takedown committed while we were writing wins.
      assertNotExcluded(ctx, input, fetchedUrl, url);
      ctx.index.clearLatest.run(url);
      ctx.index.insertRow.run(indexRow(record, relDir, finalUrl, canonical));
      ctx.index.deletePending.run(id);
    }).immediate();
  } catch (err) {
    try {
      removeTreeSync(tmpDir);
      if (renamed) removeTreeSync(finalDir);
      ctx.index.deletePending.run(id);
    } catch {
      // Left for recovery: the pending row makes the next open remove whatever is left.
    }
    if (err instanceof SnapshotStoreError) throw err;
    throw new SnapshotStoreError('could not write snapshot', { url, id }, { cause: err });
  }
  return previousId === null
    ? { status: 'new', id, dir: finalDir }
    : { status: 'changed', id, dir: finalDir, previousId };
}
