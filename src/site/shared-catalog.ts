/**
 * The site's catalog over a shared store (issue 13): the snapshot index, search and takedown rules in PostgreSQL
 * (IndexStores), the files in a BlobStore on the shared path. Read fresh on every request as SiteCatalog does, so
 * a takedown or another worker's snapshot shows on the next one. Excerpts come from each listed snapshot's
 * snapshot.json; categories are counted from the index's latest rows and kept a few seconds.
 */
import { isSnapshotId, readWarcResponse, readWarcResponseById, SCREENSHOT_FILE_NAME, SNAPSHOT_JSON_FILE, ARTICLE_FILE_NAME, WARC_FILE_NAME, type SnapshotRecord, type SnapshotSummary, type WarcResponse } from '../snapshot/index.js';
import type { BlobStore, IndexedSnapshot, IndexStores } from '../storage/interfaces.js';
import { clampPage, pageCount, sortCategories, type ListItem, type ListPage, type SnapshotLookup } from './catalog.js';
import type { SiteCatalogSource } from './catalog-source.js';
import { excerptAround, leadExcerpt } from './excerpt.js';
import { TakedownLog } from './takedowns.js';
import { parseQuery } from './terms.js';

/** How long the category counts are reused (each count reads every latest row). */
const CATEGORY_TTL_MS = 10_000;
/** Search hits read when a category narrows a search (the shared search filters by host only). */
const CATEGORY_SEARCH_WINDOW = 1000;

function summaryOf(row: IndexedSnapshot): SnapshotSummary {
  return {
    id: row.id, url: row.url, host: row.host, fetchedAt: row.fetchedAt, title: row.title, publishedAt: row.publishedAt,
    category: row.category, source: row.source, dir: row.dir, previousId: row.previousId, contentHash: row.contentHash,
  };
}

export class SharedSiteCatalog implements SiteCatalogSource {
  private readonly log: TakedownLog;
  private categoryCache: { at: number; value: { value: string; count: number }[] } | null = null;

  /** `auditDir`: where `snapcrawl takedown` keeps takedowns.jsonl (the shared path), for 410 notices. */
  constructor(private readonly index: IndexStores, private readonly blobs: BlobStore, auditDir: string, readonly pageSize = 20) {
    this.log = new TakedownLog(auditDir);
  }

  warmUp(): void {
    // The shared index is searchable as snapshots are stored: nothing to build.
  }

  async searchIndexReady(): Promise<void> {}

  close(): void {}

  async categories(): Promise<{ value: string; count: number }[]> {
    const now = Date.now();
    if (this.categoryCache && now - this.categoryCache.at < CATEGORY_TTL_MS) return this.categoryCache.value;
    const counts = new Map<string, number>();
    const batch = 1000;
    for (let offset = 0; ; offset += batch) {
      const rows = await this.index.snapshots.list({ latestOnly: true, limit: batch, offset });
      for (const r of rows) if (r.category) counts.set(r.category, (counts.get(r.category) ?? 0) + 1);
      if (rows.length < batch) break;
    }
    const value = sortCategories([...counts].map(([v, count]) => ({ value: v, count })));
    this.categoryCache = { at: now, value };
    return value;
  }

  async latest(page: number, category?: string): Promise<ListPage> {
    const total = await this.index.snapshots.count({ latestOnly: true, category });
    const current = clampPage(page, total, this.pageSize);
    const rows = await this.index.snapshots.list({ latestOnly: true, category, orderBy: 'publishedAt', limit: this.pageSize, offset: (current - 1) * this.pageSize });
    return { items: await this.toItems(rows, []), page: current, pages: pageCount(total, this.pageSize), total, pageSize: this.pageSize };
  }

  async search(query: string, page: number, category?: string): Promise<ListPage> {
    const needles = parseQuery(query).map((p) => p.text);
    if (category === undefined) {
      const at = (p: number) => this.index.search.search(query, { limit: this.pageSize, offset: (p - 1) * this.pageSize });
      let current = clampPage(page, Number.MAX_SAFE_INTEGER, this.pageSize);
      let found = await at(current);
      if (current > pageCount(found.total, this.pageSize)) {
        current = pageCount(found.total, this.pageSize);
        found = await at(current);
      }
      const rows = await this.rowsOf(found.hits.map((h) => h.id));
      return { items: await this.toItems(rows, needles), page: current, pages: pageCount(found.total, this.pageSize), total: found.total, pageSize: this.pageSize };
    }
    // Narrowed to a category: the best hits, filtered here.
    const found = await this.index.search.search(query, { limit: CATEGORY_SEARCH_WINDOW, offset: 0 });
    const rows = (await this.rowsOf(found.hits.map((h) => h.id))).filter((r) => r.category === category);
    const current = clampPage(page, rows.length, this.pageSize);
    const slice = rows.slice((current - 1) * this.pageSize, current * this.pageSize);
    return { items: await this.toItems(slice, needles), page: current, pages: pageCount(rows.length, this.pageSize), total: rows.length, pageSize: this.pageSize };
  }

  async lookup(id: string): Promise<SnapshotLookup> {
    if (!isSnapshotId(id)) return { kind: 'missing' };
    const row = await this.index.snapshots.get(id);
    const gone = (): SnapshotLookup => {
      const notice = this.log.noticeForId(id);
      return notice ? { kind: 'gone', notice } : { kind: 'missing' };
    };
    if (!row) return gone();
    if (await this.index.exclusions.isExcluded(row.url)) return { kind: 'gone', notice: this.log.noticeForId(id) ?? { time: null } };
    const bytes = await this.blobs.get(`${row.dir}/${SNAPSHOT_JSON_FILE}`);
    // Its files went between the index read and the file read: a takedown in progress.
    if (!bytes) return gone();
    return { kind: 'found', record: JSON.parse(bytes.toString('utf8')) as SnapshotRecord, summary: summaryOf(row) };
  }

  async versions(url: string): Promise<SnapshotSummary[]> {
    if (await this.index.exclusions.isExcluded(url)) return [];
    return (await this.index.snapshots.versions(url)).map(summaryOf);
  }

  /** Snapshots sharing the title's terms (the shared search has no "more like this"). */
  async related(record: SnapshotRecord, limit = 8): Promise<ListItem[]> {
    if (!record.title) return [];
    const found = await this.index.search.search(record.title, { limit: limit + 1, offset: 0 });
    const rows = (await this.rowsOf(found.hits.map((h) => h.id))).filter((r) => r.id !== record.id && r.url !== record.url);
    return this.toItems(rows.slice(0, limit), []);
  }

  async moreInCategory(record: SnapshotRecord, limit = 10, skip: ReadonlySet<string> = new Set()): Promise<ListItem[]> {
    if (!record.category) return [];
    const rows = await this.index.snapshots.list({ latestOnly: true, category: record.category, orderBy: 'publishedAt', limit: limit + 1 + skip.size });
    return this.toItems(rows.filter((s) => s.url !== record.url && !skip.has(s.id)).slice(0, limit), []);
  }

  async articleMarkdown(id: string): Promise<string | null> {
    return (await this.file(id, ARTICLE_FILE_NAME))?.toString('utf8') ?? null;
  }

  async screenshot(id: string): Promise<Buffer | null> {
    return this.file(id, SCREENSHOT_FILE_NAME);
  }

  async archivedResponse(id: string): Promise<WarcResponse | null> {
    const warc = await this.file(id, WARC_FILE_NAME);
    return warc ? readWarcResponse(warc) : null;
  }

  async archivedRequisite(id: string, warcRecordId: string): Promise<WarcResponse | null> {
    const warc = await this.file(id, WARC_FILE_NAME);
    return warc ? readWarcResponseById(warc, warcRecordId) : null;
  }

  private async file(id: string, name: string): Promise<Buffer | null> {
    const row = isSnapshotId(id) ? await this.index.snapshots.get(id) : null;
    return row ? this.blobs.get(`${row.dir}/${name}`) : null;
  }

  private async rowsOf(ids: readonly string[]): Promise<IndexedSnapshot[]> {
    const rows = await Promise.all(ids.map((id) => this.index.snapshots.get(id)));
    return rows.filter((r): r is IndexedSnapshot => r !== null);
  }

  private async toItems(rows: readonly IndexedSnapshot[], needles: string[]): Promise<ListItem[]> {
    const checked = await Promise.all(
      rows.map(async (s) => {
        if (await this.index.exclusions.isExcluded(s.url)) return null;
        const bytes = await this.blobs.get(`${s.dir}/${SNAPSHOT_JSON_FILE}`);
        const body = bytes ? ((JSON.parse(bytes.toString('utf8')) as Partial<SnapshotRecord>).body ?? '') : '';
        const item: ListItem = {
          id: s.id, url: s.url, host: s.host, title: s.title ?? s.url, category: s.category, source: s.source,
          publishedAt: s.publishedAt, fetchedAt: s.fetchedAt,
          excerpt: needles.length > 0 ? excerptAround(body, needles) : [{ text: leadExcerpt(body), hit: false }],
        };
        return item;
      }),
    );
    return checked.filter((i): i is ListItem => i !== null);
  }
}
