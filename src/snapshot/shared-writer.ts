import { hostKey, normalizeUrl } from '../frontier/normalize.js';
import { trustedCanonical } from '../frontier/paramLearning.js';
import type { BlobStore, IndexedSnapshot, SearchDoc, SearchIndexStore, SnapshotIndexStore } from '../storage/interfaces.js';
import { ExcludedUrlError, SnapshotStoreError } from './errors.js';
import { contentHashOf, sha256Hex } from './hash.js';
import { makeSnapshotId } from './ids.js';
import { hostDirName, snapshotRelDir } from './paths.js';
import { ARTICLE_FILE_NAME, buildSnapshotRecord, CRAWLER_INFO, renderArticleMarkdown, SCREENSHOT_FILE_NAME, SNAPSHOT_JSON_FILE } from './record.js';
import type { SnapshotInput } from './types.js';
import { buildWarc, WARC_FILE_NAME } from './warc.js';
import type { PreparedWrite } from './writer.js';

/** What a shared write needs: the stores every worker of the crawl uses, and the takedown check. */
export interface SharedWriteContext {
  blobs: BlobStore;
  snapshots: SnapshotIndexStore;
  /** Latest snapshots are searchable; absent when the backend indexes on its own. */
  search?: SearchIndexStore;
  /** Whether a URL is taken down (the frontier's copy and the durable list): checked after the files, before the commit. */
  isExcluded: (url: string) => Promise<boolean>;
  /** Whether this worker still holds the URL's lease: a worker that lost it (stalled past expiry) must not commit. */
  stillHeld?: () => Promise<boolean>;
}

/** `key`: the URL the article is stored under (its canonical URL, or the URL it was first stored under). */
export type SharedWriteOutcome =
  | { status: 'new' | 'changed'; id: string; key: string; dir: string; previousId: string | null }
  /** `fetchedAt`, `previousId`: of the stored version this page matched (a run's report tells whether this run stored it). */
  | { status: 'unchanged'; id: string; key: string; fetchedAt: string; previousId: string | null }
  /** Another worker committed this content first, between our look-up and our insert: our files were removed. */
  | { status: 'lost-race'; id: string; key: string; fetchedAt: string; previousId: string | null }
  /** The lease went to another worker while we wrote: our files were removed, nothing committed. */
  | { status: 'lease-lost' };

/** The URLs a page is known by; a takedown of any one of them keeps it out. */
function urlsOf(input: SnapshotInput, key: string): string[] {
  const urls = [input.fetch.url, input.fetch.finalUrl, key];
  if (input.article.canonicalUrl) urls.push(input.article.canonicalUrl);
  return urls;
}

async function assertNotExcluded(ctx: SharedWriteContext, urls: readonly string[], key: string): Promise<void> {
  const hits = await Promise.all(urls.map((u) => ctx.isExcluded(u)));
  const hit = urls.find((_, i) => hits[i]);
  if (hit !== undefined) throw new ExcludedUrlError(`refusing to store a taken-down URL (${hit})`, { url: key });
}

/**
 * The article a page is: the newest snapshot found under its URL, final URL or trusted canonical URL, else a new key.
 * `taken`: with a store that looks up in one go (SnapshotIndexStore.lookup), the candidates' first snapshot ids (salt
 * 0 at `fetchedAt`) already in use — the key is always one of the candidates, so the writer need not ask again.
 */
async function identify(
  ctx: Pick<SharedWriteContext, 'snapshots'>,
  input: Pick<SnapshotInput, 'fetch' | 'article'>,
): Promise<{ key: string; latest: IndexedSnapshot | null; finalUrl: string; canonical: string | null; taken: Map<string, boolean> | null }> {
  const url = normalizeUrl(input.fetch.url);
  const finalUrl = normalizeUrl(input.fetch.finalUrl);
  if (url === null || finalUrl === null) throw new SnapshotStoreError('not an http(s) URL', { url: input.fetch.url });
  const trusted = trustedCanonical(input.article.canonicalUrl, input.fetch.finalUrl);
  const canonical = input.article.canonicalUrl ? normalizeUrl(input.article.canonicalUrl, input.fetch.finalUrl) : null;
  const candidates = [...new Set([trusted, url, finalUrl])].filter((c): c is string => c !== null);
  if (ctx.snapshots.lookup) {
    const ids = candidates.map((c) => makeSnapshotId(c, input.fetch.fetchedAt, 0));
    const found = await ctx.snapshots.lookup(candidates, ids);
    const taken = new Map(ids.map((id, i) => [id, found.taken[i]!]));
    const i = found.latest.findIndex((l) => l !== null);
    if (i >= 0) return { key: found.latest[i]!.url, latest: found.latest[i]!, finalUrl, canonical, taken };
    return { key: trusted ?? url, latest: null, finalUrl, canonical, taken };
  }
  for (const candidate of candidates) {
    const latest = await ctx.snapshots.latestFor(candidate);
    if (latest) return { key: latest.url, latest, finalUrl, canonical, taken: null };
  }
  return { key: trusted ?? url, latest: null, finalUrl, canonical, taken: null };
}

/**
 * Whether writeSharedSnapshot would find this page's content already the article's latest (`unchanged`): then its
 * page requisites are not fetched, as the embedded store's wouldBeUnchanged spares them.
 */
export async function wouldBeUnchangedShared(
  ctx: Pick<SharedWriteContext, 'snapshots'>,
  input: Pick<SnapshotInput, 'fetch' | 'article'>,
  prepared?: Pick<PreparedWrite, 'contentHash'>,
): Promise<boolean> {
  const { latest } = await identify(ctx, input);
  return latest !== null && latest.contentHash === (prepared?.contentHash ?? contentHashOf(input.article.body, sha256Hex(input.fetch.body)));
}

/**
 * Stores one fetched article for a crawl shared by many workers. The files go to the BlobStore first (under
 * `<host>/<YYYY>/<MM>/<DD>/<id>/`), then `snapshots.insert` commits them: an index row always has its files.
 * The insert is the arbiter between workers: it refuses a version whose content is already the article's latest,
 * and the loser deletes what it wrote. Files of a worker killed before its insert are swept by sweepOrphanSnapshots.
 */
export async function writeSharedSnapshot(ctx: SharedWriteContext, input: SnapshotInput, prepared?: PreparedWrite): Promise<SharedWriteOutcome> {
  // Exclusions are checked by the caller before the fetch and here before the insert (the commit point).
  const { key, latest, finalUrl, canonical, taken } = await identify(ctx, input);
  const sha256 = prepared?.sha256 ?? sha256Hex(input.fetch.body);
  const contentHash = prepared?.contentHash ?? contentHashOf(input.article.body, sha256);
  if (latest && latest.contentHash === contentHash) return { status: 'unchanged', id: latest.id, key, fetchedAt: latest.fetchedAt, previousId: latest.previousId };
  // Usually one URL after normalising (fetched = final = key): each distinct one is asked once, all at once.
  const urls = [...new Set(urlsOf(input, key).map((u) => normalizeUrl(u) ?? u))];

  for (let salt = 0; salt < 8; salt++) {
    const id = makeSnapshotId(key, input.fetch.fetchedAt, salt);
    if (taken?.get(id) ?? Boolean(await ctx.snapshots.get(id))) continue;
    const dir = snapshotRelDir(hostDirName(key), input.fetch.fetchedAt, id);
    const previousId = latest?.id ?? null;
    const record = buildSnapshotRecord(input, { id, url: key, previousId }, { sha256, contentHash });
    const software = `${CRAWLER_INFO.name}/${CRAWLER_INFO.version}`;
    const files: [string, string | Uint8Array][] = [
      [WARC_FILE_NAME, buildWarc(input.fetch, { software, snapshotId: id }, { resources: input.resources, renderedHtml: input.renderedHtml, exchange: prepared?.exchange })],
      [ARTICLE_FILE_NAME, renderArticleMarkdown(record, input.article.markdown)],
      [SNAPSHOT_JSON_FILE, `${JSON.stringify(record, null, 2)}\n`],
    ];
    if (input.screenshot) files.push([SCREENSHOT_FILE_NAME, input.screenshot]);
    const written: string[] = [];
    const removeWritten = () => Promise.allSettled(written.map((k) => ctx.blobs.delete(k)));
    try {
      const bytes = files.map(([name, data]) => [name, typeof data === 'string' ? Buffer.from(data, 'utf8') : data] as const);
      if (ctx.blobs.putAll) {
        written.push(...bytes.map(([name]) => `${dir}/${name}`));
        await ctx.blobs.putAll(dir, bytes);
      } else {
        for (const [name, data] of bytes) {
          written.push(`${dir}/${name}`);
          await ctx.blobs.put(`${dir}/${name}`, data);
        }
      }
      // A takedown made while we wrote, or a lease lost to a stall, wins over this write. Both are asked at once
      // (one round trip to the frontier); a takedown is reported before a lost lease, as when asked in turn.
      const [notExcluded, held] = await Promise.allSettled([assertNotExcluded(ctx, urls, key), ctx.stillHeld ? ctx.stillHeld() : Promise.resolve(true)]);
      if (notExcluded.status === 'rejected') throw notExcluded.reason;
      if (held.status === 'rejected') throw held.reason;
      if (!held.value) {
        await removeWritten();
        return { status: 'lease-lost' };
      }
      const doc = ctx.search ? searchDocOf(record, hostKey(key)) : undefined;
      // The backend checks the durable takedown list again inside the commit and may store the search document
      // with the row (PostgreSQL: one statement, one commit); the check above then only has to be fresh within seconds.
      const { inserted, previousId: committedPrevious, searched, excluded } = await ctx.snapshots.insert(
        {
          id, url: key, finalUrl, canonicalUrl: canonical, host: hostKey(key), hostname: new URL(key).hostname.replace(/\.+$/, ''),
          fetchedAt: record.fetchedAt, title: record.title, publishedAt: record.publishedAt,
          category: record.category, source: record.source, dir, contentHash, sha256, httpStatus: record.httpStatus, bytes: record.bytes,
        },
        { ...(doc ? { search: doc } : {}), refuseExcluded: urls },
      );
      if (excluded) throw new ExcludedUrlError(`refusing to store a taken-down URL (${key})`, { url: key });
      if (inserted) {
        if (doc && !searched) await indexForSearch(ctx, doc, committedPrevious);
        return { status: committedPrevious === null ? 'new' : 'changed', id, key, dir, previousId: committedPrevious };
      }
    } catch (err) {
      await removeWritten();
      throw err;
    }
    await removeWritten();
    // Refused: either another worker stored this content first, or the id was taken between get and insert.
    const now = await ctx.snapshots.latestFor(key);
    if (now && now.contentHash === contentHash) return { status: 'lost-race', id: now.id, key, fetchedAt: now.fetchedAt, previousId: now.previousId };
  }
  throw new SnapshotStoreError('could not find a free snapshot id', { url: key });
}

function searchDocOf(record: ReturnType<typeof buildSnapshotRecord>, host: string): SearchDoc {
  return { id: record.id, url: record.url, title: record.title ?? '', body: record.body, host, category: record.category, publishedAt: record.publishedAt };
}

/** Best effort: search is rebuilt from the index when it misses a document; a failure here never loses the snapshot. */
async function indexForSearch(ctx: SharedWriteContext, doc: SearchDoc, previousId: string | null): Promise<void> {
  if (!ctx.search) return;
  try {
    if (previousId) await ctx.search.remove([previousId]);
    await ctx.search.index([doc]);
  } catch {
    // The row is committed; `snapcrawl verify` / the site's search rebuild catches the document up.
  }
}
