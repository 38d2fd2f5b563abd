import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { normalizeUrl } from '../frontier/normalize.js';
import { openStoreDatabase, type StoreDatabase } from '../storage/database.js';
import type { Logger } from '../util/logger.js';
import { SnapshotStoreError } from './errors.js';
import { resolveInside } from './paths.js';
import { ARTICLE_FILE_NAME, SCREENSHOT_FILE_NAME, SNAPSHOT_JSON_FILE } from './record.js';
import { newOwnerId, OwnerLease, recoverStore, type RecoveryReport } from './recovery.js';
import { removeSnapshots } from './removal.js';
import { rowToSummary, SnapshotIndex, type SnapshotMatch } from './snapshot-index.js';
import { hasSnapshotTable } from '../storage/sqlite/snapshot-queries.js';
import type { SnapshotInput, SnapshotListQuery, SnapshotRecord, SnapshotSummary, WriteOutcome } from './types.js';
import { readWarcResponse, WARC_FILE_NAME } from './warc.js';
import { contentHashOf, sha256Hex } from './hash.js';
import { identifyPage, writeSnapshot, writeSnapshotAsync, type PreparedWrite } from './writer.js';

export interface SnapshotStoreOptions {
  /** The shared store database; when given, the caller keeps ownership (close() leaves it open). */
  db?: StoreDatabase;
  /** Read-only (serve): no table creation, no recovery, write() refused. */
  readonly?: boolean;
  logger?: Logger;
  /**
   * Who owns this store's pending writes (a worker id, `host:pid:random`); a crawl passes its run lock's, so one id
   * names everything the run holds. Leased in the store while it is open. Default a new id.
   */
  owner?: string;
}

export interface SnapshotVerification {
  id: string;
  ok: boolean;
  recordSha256: string;
  warcBodySha256: string;
}

/** Absolute paths of one snapshot's files. */
export interface SnapshotFiles {
  dir: string;
  snapshotJson: string;
  warc: string;
  article: string;
  /** Present when the snapshot has one (browser renders). */
  screenshot?: string;
}

/** The snapshot archive: folders of exact page copies under `storeDir`, indexed in the store database. */
export class SnapshotStore {
  readonly storeDir: string;
  readonly db: StoreDatabase;
  readonly readonly: boolean;
  private readonly index: SnapshotIndex;
  private readonly owner: string;
  private readonly ownerLease: OwnerLease;
  private readonly ownsDb: boolean;
  private readonly logger?: Logger;
  private closed = false;

  private constructor(storeDir: string, db: StoreDatabase, options: SnapshotStoreOptions) {
    this.storeDir = storeDir;
    this.db = db;
    this.readonly = options.readonly ?? db.readonly;
    this.ownsDb = options.db === undefined;
    this.logger = options.logger;
    // The tables are the store's (openStoreDatabase migrates it); only a read-only store may lack them.
    if (this.readonly && !hasSnapshotTable(db)) {
      throw new SnapshotStoreError('store has no snapshot index yet (nothing archived)', { path: storeDir });
    }
    this.index = new SnapshotIndex(db);
    this.owner = options.owner ?? newOwnerId();
    this.ownerLease = new OwnerLease(this.owner, this.readonly ? null : db);
  }

  /** Opens (creating tables if needed) and cleans up after any crashed write. */
  static open(storeDir: string, options: SnapshotStoreOptions = {}): SnapshotStore {
    let db: StoreDatabase;
    try {
      db = options.db ?? openStoreDatabase(storeDir, { readonly: options.readonly });
    } catch (cause) {
      throw new SnapshotStoreError('cannot open store database', { path: storeDir }, { cause });
    }
    const store = new SnapshotStore(storeDir, db, options);
    if (!store.readonly) store.recover();
    return store;
  }

  /** Removes leftovers of interrupted writes/deletes (see recovery.ts). Runs on open. */
  recover(): RecoveryReport {
    this.assertWritable();
    return recoverStore(this.storeDir, this.index, this.logger, this.db);
  }

  /**
   * Archive one fetched page: 'new', 'changed' (with previousId) or 'unchanged' (nothing written).
   * Synchronous (a few ms: three fsynced files and one transaction), so per-URL "latest version"
   * decisions can't interleave between concurrent crawler tasks.
   */
  write(input: SnapshotInput, prepared?: PreparedWrite): WriteOutcome {
    this.assertWritable();
    return writeSnapshot(this.context(), input, prepared);
  }

  /**
   * write() for a crawler with many pages in flight: same outcome and crash guarantees, but the files
   * are fsynced off the event loop and concurrent writes share commits (writeSnapshotAsync). `prepared`:
   * hashes and WARC records a worker already computed.
   */
  writeAsync(input: SnapshotInput, prepared?: PreparedWrite): Promise<WriteOutcome> {
    this.assertWritable();
    return writeSnapshotAsync(this.context(), input, prepared);
  }

  /**
   * Whether write() would store nothing for this page: its URL's latest snapshot has the same
   * contentHash (extracted body and page bytes). Lets the crawler skip work (page requisites) for a
   * page that will not be stored.
   */
  wouldBeUnchanged(input: Pick<SnapshotInput, 'fetch' | 'article'>): boolean {
    const latest = identifyPage(this.context(), input)?.latest;
    return latest !== undefined && latest.content_hash === contentHashOf(input.article.body, sha256Hex(input.fetch.body));
  }

  list(query: SnapshotListQuery = {}): SnapshotSummary[] {
    return this.index.list(query).map(rowToSummary);
  }

  count(query: Omit<SnapshotListQuery, 'limit' | 'offset' | 'orderBy'> = {}): number {
    return this.index.count(query);
  }

  /** Index row of one snapshot, without reading files. */
  summary(id: string): SnapshotSummary | null {
    const row = this.index.byId.get(id);
    return row ? rowToSummary(row) : null;
  }

  /** The full `snapshot.json` of a snapshot; null if the id is not in the index. */
  get(id: string): SnapshotRecord | null {
    const files = this.files(id);
    if (!files) return null;
    try {
      return JSON.parse(readFileSync(files.snapshotJson, 'utf8')) as SnapshotRecord;
    } catch (cause) {
      throw new SnapshotStoreError('cannot read snapshot.json', { id, path: files.snapshotJson }, { cause });
    }
  }

  /** Absolute paths of a snapshot's files (checked to be inside the store); null if unknown. */
  files(id: string): SnapshotFiles | null {
    const row = this.index.byId.get(id);
    if (!row) return null;
    const dir = resolveInside(this.storeDir, row.dir);
    const screenshot = join(dir, SCREENSHOT_FILE_NAME);
    return {
      dir,
      snapshotJson: join(dir, SNAPSHOT_JSON_FILE),
      warc: join(dir, WARC_FILE_NAME),
      article: join(dir, ARTICLE_FILE_NAME),
      ...(existsSync(screenshot) ? { screenshot } : {}),
    };
  }

  /**
   * Re-checks a snapshot against its own provenance: the sha256 in snapshot.json, the body bytes in
   * the WARC and the WARC's payload digest must all agree. null if the id is unknown.
   */
  async verify(id: string): Promise<SnapshotVerification | null> {
    const record = this.get(id);
    const files = this.files(id);
    if (!record || !files) return null;
    const response = await readWarcResponse(files.warc);
    const warcBodySha256 = sha256Hex(response.body);
    const digestOk = response.payloadDigest === null || response.payloadDigest === `sha256:${warcBodySha256}`;
    return { id, ok: digestOk && warcBodySha256 === record.sha256, recordSha256: record.sha256, warcBodySha256 };
  }

  /** Newest snapshot of the article a URL names (normalized; also found by its canonical or final URL). */
  latestFor(url: string): SnapshotSummary | null {
    const key = this.identityOf(url);
    const row = key === null ? undefined : this.index.latestForUrl.get(key);
    return row ? rowToSummary(row) : null;
  }

  /** Every snapshot of the article a URL names (see latestFor), oldest first. */
  versions(url: string): SnapshotSummary[] {
    const key = this.identityOf(url);
    return key === null ? [] : this.index.versionsOfUrl.all(key).map(rowToSummary);
  }

  /** The snapshot key (`url`) of the article `url` names: itself, or the article whose canonical or final URL it is. */
  private identityOf(url: string): string | null {
    const normalized = normalizeUrl(url);
    if (normalized === null) return null;
    return this.index.identityOf.get({ u: normalized })?.url ?? normalized;
  }

  /** Latest-snapshot counts per host / category / source, for navigation. */
  facet(field: 'host' | 'category' | 'source'): { value: string; count: number }[] {
    return this.index.facet(field);
  }

  /** All versions of every URL a takedown selector matches (see SnapshotIndex.matchAllVersions). */
  matchAllVersions(match: SnapshotMatch): SnapshotSummary[] {
    return this.index.matchAllVersions(match).map(rowToSummary);
  }

  /**
   * Deletes snapshots (index rows, then folders) — the takedown primitive. `alsoInTransaction` runs
   * inside the same transaction as the index deletes. Returns the number of files removed.
   */
  remove(ids: string[], alsoInTransaction?: () => void): number {
    this.assertWritable();
    const rows = ids.map((id) => {
      const row = this.index.byId.get(id);
      if (!row) throw new SnapshotStoreError('no such snapshot', { id });
      return row;
    });
    return removeSnapshots(this.context(), rows, alsoInTransaction);
  }

  /** Closes the store (and the database if the store opened it). */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.ownerLease.release();
    if (this.ownsDb) this.db.close();
  }

  private context() {
    return { storeDir: this.storeDir, db: this.db, index: this.index, owner: this.owner };
  }

  private assertWritable(): void {
    if (this.closed) throw new SnapshotStoreError('store is closed', { path: this.storeDir });
    if (this.readonly) throw new SnapshotStoreError('store is open read-only', { path: this.storeDir });
  }
}
