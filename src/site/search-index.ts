/**
 * Full-text index of the latest version of every snapshot, for search and "related" lists.
 *
 * It lives in the store database (tables `site_search_*`), next to the snapshot index it mirrors, and
 * is brought up to date before every query: when anything committed since the last check (SQLite's
 * `data_version`, or a change made through this very connection), new latest snapshots are added and
 * rows whose snapshot is gone or superseded are dropped. Every query also joins the live `snapshots`
 * table, so a taken-down snapshot can never come back out of the index, even between two syncs.
 * When the store database is read-only, the index is built in the connection's TEMP schema instead.
 *
 * Indexing a snapshot means reading its snapshot.json, so a store with a large gap (the first `serve` of a
 * big archive, or after INDEX_VERSION changed) would block for minutes. In `background` mode (the server)
 * a gap larger than `inlineLimit` is filled by a BackgroundBuild in time-sliced chunks while the site
 * answers; until it is done, searches match titles only (in the live snapshot table) and say so.
 */
import type { SnapshotStore } from '../snapshot/index.js';
import { createTempSearchTables, SearchQueries } from '../storage/sqlite/search-queries.js';
import { BackgroundBuild, type IndexProgress } from './search-build.js';
import { indexedText, keyTerms, parseQuery } from './terms.js';

export type { IndexProgress } from './search-build.js';
export { ensureSearchTables, purgeSearchDocs } from './search-schema.js';

const BATCH = 500;

export interface IndexedDoc {
  id: string;
  title: string;
  body: string;
}

export interface SearchPage {
  total: number;
  ids: string[];
  /** Set while the index is being built: the ids then come from a title-only search. */
  indexing?: IndexProgress;
}

export interface SearchIndexOptions {
  /**
   * `inline` (default): every query first indexes whatever is missing, however long that takes (the static
   * export, library callers). `background`: only a gap of up to `inlineLimit` snapshots is filled inline.
   */
  mode?: 'inline' | 'background';
  /** Default 200 (a few tens of ms of snapshot.json reads). */
  inlineLimit?: number;
  /** Yields between two chunks of a background build (tests hold the build here); default setImmediate. */
  pace?: () => Promise<void>;
  /** Told when a background build fails (it is retried by the next query). */
  onError?: (err: unknown) => void;
}

export interface SearchFilters {
  category?: string;
  limit: number;
  offset: number;
}

export class SearchIndex {
  private readonly sql: SearchQueries;
  private lastSeen: string | null = null;
  private readonly options: Required<Omit<SearchIndexOptions, 'onError'>> & Pick<SearchIndexOptions, 'onError'>;
  private build: BackgroundBuild | null = null;
  private closed = false;

  constructor(private readonly store: SnapshotStore, options: SearchIndexOptions = {}) {
    this.options = { mode: 'inline', inlineLimit: 200, pace: () => new Promise<void>((r) => setImmediate(r)), ...options };
    // A writable store has the tables (its migrations made them); a read-only one gets them in TEMP, per connection.
    if (store.db.readonly) createTempSearchTables(store.db);
    this.sql = new SearchQueries(store.db);
  }

  /** Brings the index fully in line with the snapshot table, blocking; cheap (two counters) when nothing changed. */
  sync(): void {
    if (this.stamp() === this.lastSeen) return;
    this.removeStale();
    this.addDocs(this.missingIds());
    this.lastSeen = this.stamp();
  }

  /**
   * What every query calls first. Inline mode: sync(). Background mode: drops stale rows and indexes a
   * small gap at once; a larger one starts (or leaves running) the background build and returns.
   */
  refresh(): void {
    if (this.options.mode === 'inline') return this.sync();
    if (this.closed || this.build?.running) return; // the build re-checks the whole table when it ends
    if (this.stamp() === this.lastSeen) return;
    this.removeStale();
    const missing = this.missingIds();
    if (missing.length > this.options.inlineLimit) {
      this.startBuild(missing.length);
      return;
    }
    this.addDocs(missing);
    this.lastSeen = this.stamp();
  }

  /** Progress of the background build, or null when the index is complete (as of the last check). */
  progress(): IndexProgress | null {
    return this.build?.running ? this.build.progress() : null;
  }

  /** Resolves once no background build is running (at once in inline mode). */
  async ready(): Promise<void> {
    this.refresh();
    while (this.build?.running) await this.build.done;
  }

  /** Stops a background build between two chunks (before the database is closed). */
  close(): void {
    this.closed = true;
    this.build?.stop();
  }

  private startBuild(missing: number): void {
    const build = new BackgroundBuild(
      { missingIds: () => this.missingIds(), addDocs: (ids) => this.addDocs(ids), removeStale: () => this.removeStale() },
      this.options.pace,
      missing,
    );
    this.build = build;
    void build.done.then((err) => {
      this.lastSeen = null; // whatever committed meanwhile is checked by the next query
      if (err !== null) {
        this.build = null;
        this.options.onError?.(err);
      }
    });
  }

  private stamp(): string {
    return this.sql.stamp();
  }

  /** One page of latest snapshots matching `query` (best match first), and how many match in all. */
  search(query: string, filters: SearchFilters): SearchPage {
    this.refresh();
    const parts = parseQuery(query);
    if (parts.length === 0) return { total: 0, ids: [] };
    const indexing = this.progress();
    if (indexing) return { ...this.titleSearch(parts.map((p) => p.text), filters), indexing };
    const phrases = parts.flatMap((p) => (p.kind === 'phrase' ? [p.fts] : []));
    const likes = parts.flatMap((p) => (p.kind === 'like' ? [likePattern(p.text)] : []));
    return this.sql.search({ phrases, likes, category: filters.category }, filters);
  }

  /**
   * Latest snapshots sharing the most distinctive terms with this one (bm25 over its title, tags and
   * opening), same category counting extra; never another version of the same URL.
   */
  related(doc: { id: string; url: string; title: string; tags: readonly string[]; body: string; category: string | null }, limit: number): string[] {
    this.refresh();
    const terms = keyTerms(doc.title, doc.tags, doc.body.slice(0, 300));
    if (terms.length === 0) return []; // (during a background build: related among what is indexed so far)
    const match = terms.map((t) => `"${t}"`).join(' OR ');
    return this.sql.related({ match, url: doc.url, id: doc.id, category: doc.category }, limit);
  }

  /** Title and plain-text body of indexed snapshots (for excerpts), keyed by id. */
  docs(ids: readonly string[]): Map<string, IndexedDoc> {
    this.refresh();
    const building = this.progress() !== null;
    const out = new Map<string, IndexedDoc>();
    for (const id of ids) {
      const row = this.sql.doc(id);
      if (row) out.set(id, row);
      // Not indexed yet: one page's worth of snapshot.json reads, so lists keep their excerpts meanwhile.
      else if (building && this.store.summary(id)) out.set(id, this.readDoc(id));
    }
    return out;
  }

  /** Latest snapshots whose title contains every needle (LIKE), newest first: the search while the index is built. */
  private titleSearch(needles: readonly string[], filters: SearchFilters): { total: number; ids: string[] } {
    return this.sql.titleSearch(needles.map(likePattern), filters.category, filters);
  }

  /** Drops docs whose snapshot was removed (takedown) or is no longer the latest version of its URL. */
  private removeStale(): void {
    const stale = this.sql.staleDocids();
    if (stale.length === 0) return;
    this.sql.deleteDocs(stale);
  }

  /** Latest snapshots not in the index yet. */
  private missingIds(): string[] {
    return this.sql.missingIds();
  }

  /**
   * Indexes `ids`, reading their snapshot.json outside any transaction; returns how many were added. A
   * snapshot removed or superseded between the read and the insert is not added, so a takedown that ran
   * meanwhile never has its text written back.
   */
  private addDocs(ids: readonly string[]): number {
    let added = 0;
    for (let start = 0; start < ids.length; start += BATCH) {
      const rows = ids.slice(start, start + BATCH).map((id) => this.readDoc(id));
      added += this.sql.insertDocs(rows, (doc) => [indexedText(doc.title), indexedText(doc.tags.join(' ')), indexedText(doc.body)]);
    }
    return added;
  }

  private readDoc(id: string): IndexedDoc & { tags: string[] } {
    try {
      const record = this.store.get(id);
      if (record) return { id, title: record.title ?? '', body: record.body, tags: record.tags };
    } catch {
      // An unreadable snapshot.json (being removed right now, or damaged) is indexed by title only.
    }
    return { id, title: this.store.summary(id)?.title ?? '', body: '', tags: [] };
  }
}

/** A LIKE pattern matching `text` anywhere, with LIKE's own characters escaped by a backslash. */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, '\\$&')}%`;
}
