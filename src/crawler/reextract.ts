/**
 * `snapcrawl reextract`: runs the current extractor again over every stored snapshot's archived response
 * (decoded as in a crawl; a browser render's archived DOM, as the crawl extracted it) and brings
 * snapshot.json, article.md, the index row and the site's search rows up to date, without refetching.
 *
 * The archive itself is never touched: the WARC, `sha256`, `contentHash` (the hash taken at capture, which
 * later crawls compare against), ids, URLs and provenance stay as they are; only the extracted fields
 * (articleFields: title, publishedAt, modifiedAt, author, editor, publisher, category, tags, language,
 * description, body, images) may change. Each file is replaced atomically (temp file, fsync, rename).
 */
import { closeSync, constants, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { SourceConfig } from '../config/index.js';
import { extractArticle } from '../extract/index.js';
import { decodeHtml } from '../fetch/index.js';
import { articleFields, listWarcRecords, readWarcResponse, SnapshotStore, type ArticleFields, type SnapshotRecord } from '../snapshot/index.js';
import { renderArticleMarkdown } from '../snapshot/record.js';
import { purgeSearchDocs } from '../site/search-index.js';
import { acquireRunLock } from '../storage/index.js';
import { updateExtractedFieldsStatement } from '../storage/sqlite/snapshot-queries.js';

export const REEXTRACTED_FIELDS = [
  'title',
  'publishedAt',
  'modifiedAt',
  'author',
  'editor',
  'publisher',
  'category',
  'tags',
  'language',
  'description',
  'body',
  'images',
] as const satisfies readonly (keyof ArticleFields)[];

export interface ReextractOptions {
  /** Only snapshots of this source. */
  source?: string;
  /** The config's sources: each snapshot's source gives its timezone, extraction overrides and default category. */
  sources?: readonly SourceConfig[];
  dryRun?: boolean;
}

export interface ReextractReport {
  dryRun: boolean;
  /** Snapshots looked at. */
  snapshots: number;
  /** Snapshots with at least one field changed (written, unless dry-run). */
  changed: number;
  /** Per field, how many snapshots it changed in. */
  fields: Partial<Record<(typeof REEXTRACTED_FIELDS)[number], number>>;
  /** Snapshots that could not be re-extracted (unreadable WARC or snapshot.json), with the reason. */
  failed: { id: string; error: string }[];
  /**
   * Snapshots whose source is not in the config given (or no config was): re-extracted with the defaults
   * (UTC for times without a zone, no overrides, no default category), which may differ from the crawl's.
   */
  withoutSourceConfig: number;
}

/** Writes `data` next to `path`, fsyncs it and renames it over `path`: readers see the old file or the new one. */
function replaceFileDurable(path: string, data: string): void {
  const tmp = join(dirname(path), `.${randomUUID()}.tmp`);
  const fd = openSync(tmp, constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY, 0o644);
  try {
    const bytes = Buffer.from(data, 'utf8');
    for (let offset = 0; offset < bytes.length; ) offset += writeSync(fd, bytes, offset, bytes.length - offset);
    fsyncSync(fd);
  } catch (err) {
    closeSync(fd);
    rmSync(tmp, { force: true });
    throw err;
  }
  closeSync(fd);
  renameSync(tmp, path);
  const dirFd = openSync(dirname(path), 'r');
  try {
    fsyncSync(dirFd);
  } catch {
    // some platforms cannot fsync a directory; the rename itself is still atomic
  } finally {
    closeSync(dirFd);
  }
}

/** The HTML the crawl extracted from: a browser render's archived DOM (conversion record), else the decoded response. */
async function htmlOf(record: SnapshotRecord, warcPath: string): Promise<string> {
  if (record.render?.mode === 'browser') {
    const conversion = (await listWarcRecords(warcPath)).find((r) => r.type === 'conversion');
    if (conversion) return conversion.block.toString('utf8');
  }
  const response = await readWarcResponse(warcPath);
  return decodeHtml(response.body, response.headers['content-type']).text;
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

export async function reextractStore(storeDir: string, options: ReextractOptions = {}): Promise<ReextractReport> {
  const dryRun = options.dryRun === true;
  // Writing beside a crawl, verify or takedown could race their folder moves: take the store's run lock (exit 3 if held).
  const lock = dryRun ? null : acquireRunLock(storeDir);
  const store = SnapshotStore.open(storeDir, { readonly: dryRun });
  const report: ReextractReport = { dryRun, snapshots: 0, changed: 0, fields: {}, failed: [], withoutSourceConfig: 0 };
  try {
    const updateRow = dryRun
      ? null
      : updateExtractedFieldsStatement(store.db);
    const rows = store.list({ source: options.source, limit: 1_000_000_000 });
    for (const row of rows) {
      report.snapshots++;
      let record: SnapshotRecord | null;
      let files;
      let fields: ArticleFields;
      try {
        record = store.get(row.id);
        files = store.files(row.id);
        if (!record || !files) continue;
        const source = options.sources?.find((s) => s.name === record!.source);
        if (!source) report.withoutSourceConfig++;
        const article = extractArticle(await htmlOf(record, files.warc), {
          url: record.finalUrl,
          timezone: source?.timezone,
          overrides: source?.extract,
          now: new Date(record.fetchedAt),
        });
        fields = articleFields(article, source?.category);
        const changedFields = REEXTRACTED_FIELDS.filter((f) => !same(record![f], fields[f]));
        if (changedFields.length === 0) continue;
        report.changed++;
        for (const f of changedFields) report.fields[f] = (report.fields[f] ?? 0) + 1;
        if (dryRun) continue;
        const updated: SnapshotRecord = { ...record, ...fields };
        replaceFileDurable(files.snapshotJson, `${JSON.stringify(updated, null, 2)}\n`);
        replaceFileDurable(files.article, renderArticleMarkdown(updated, article.markdown));
        const publishedMs = updated.publishedAt ? Date.parse(updated.publishedAt) : NaN;
        store.db.transaction(() => {
          updateRow!.run({
            id: row.id,
            title: updated.title,
            published_at: updated.publishedAt,
            published_ms: Number.isNaN(publishedMs) ? null : publishedMs,
            category: updated.category,
          });
          // The site's search index re-adds the snapshot from the new snapshot.json on its next sync.
          purgeSearchDocs(store.db, [row.id]);
        }).immediate();
      } catch (err) {
        report.failed.push({ id: row.id, error: (err as Error).message });
      }
    }
    return report;
  } finally {
    store.close();
    lock?.release();
  }
}
