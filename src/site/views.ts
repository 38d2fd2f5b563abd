/**
 * Page and JSON builders shared by the server and the static export: each takes the links to use and
 * returns a status with a body, reading the store fresh every time (through a SiteCatalogSource: the local store
 * or a shared index).
 */
import { createHash } from 'node:crypto';
import { decodeHtml } from '../fetch/index.js';
import type { SnapshotRecord, SnapshotSummary, WarcResponse } from '../snapshot/index.js';
import { mediaTypeOf, servableImageExtension } from './archived-images.js';
import type { ListItem, ListPage, SnapshotLookup } from './catalog.js';
import type { SiteCatalogSource } from './catalog-source.js';
import type { IndexProgress } from './search-index.js';
import type { SafeHtml } from './html.js';
import { labelsFor, type Labels } from './i18n.js';
import type { SiteLinks } from './links.js';
import { type PageContext, type SiteSettings } from './pages/layout.js';
import { categoryPage, homePage, searchPage } from './pages/list-pages.js';
import { gonePage, problemPage, type ProblemKind } from './pages/notice-pages.js';
import { rawPage, type RawView } from './pages/raw-page.js';
import { snapshotPage } from './pages/snapshot-page.js';
import { versionsPage } from './pages/versions-page.js';

export interface HtmlResult {
  status: number;
  html: SafeHtml;
}

export interface JsonResult {
  status: number;
  json: unknown;
}

/** What the JSON list endpoint says about one snapshot. */
export type ApiListItem = Omit<ListItem, 'excerpt'> & {
  /** The excerpt as plain text (the HTML list highlights matches). */
  excerpt: string;
  links: { html: string; raw: string; versions: string; json: string };
};

export interface ApiListPage {
  query: string | null;
  category: string | null;
  page: number;
  pages: number;
  total: number;
  pageSize: number;
  items: ApiListItem[];
  /** Searches only, while the index is being built: the items matched titles only. */
  indexing?: IndexProgress;
}

/** Every builder is async: the catalog may be a network index (shared-catalog.ts) as well as the local store. */
export class SiteViews<C extends SiteCatalogSource = SiteCatalogSource> {
  readonly labels: Labels;

  constructor(readonly catalog: C, readonly settings: SiteSettings, private readonly staticExport = false) {
    this.labels = labelsFor(settings.locale);
  }

  async context(links: SiteLinks): Promise<PageContext> {
    return { settings: this.settings, labels: this.labels, links, categories: await this.catalog.categories(), staticExport: this.staticExport };
  }

  async home(links: SiteLinks, page: number): Promise<HtmlResult> {
    return { status: 200, html: homePage(await this.context(links), await this.catalog.latest(page)) };
  }

  /** 404 when no latest snapshot has this category. */
  async category(links: SiteLinks, name: string, page: number): Promise<HtmlResult> {
    const ctx = await this.context(links);
    if (!ctx.categories.some((c) => c.value === name)) return this.problem(links, 'not-found', 404);
    return { status: 200, html: categoryPage(ctx, name, await this.catalog.latest(page, name)) };
  }

  async search(links: SiteLinks, query: string, page: number): Promise<HtmlResult> {
    const q = query.trim();
    return { status: 200, html: searchPage(await this.context(links), q, q ? await this.catalog.search(q, page) : null) };
  }

  async snapshot(links: SiteLinks, id: string): Promise<HtmlResult> {
    return this.withSnapshot(links, id, async (record) => {
      const versions = await this.catalog.versions(record.url);
      const related = await this.catalog.related(record);
      // "More in this category" shows what the related list doesn't already.
      const shown = new Set(related.map((item) => item.id));
      return snapshotPage(await this.context(links), {
        record,
        articleMarkdown: await this.catalog.articleMarkdown(record.id),
        versionCount: versions.length,
        related,
        moreInCategory: await this.catalog.moreInCategory(record, 10, shown),
      });
    });
  }

  /** `from`/`to` pick the compared versions (ids of the same URL); by default this one and the one before. */
  async versions(links: SiteLinks, id: string, pick: { from?: string; to?: string } = {}): Promise<HtmlResult> {
    return this.withSnapshot(links, id, async (record) => {
      const versions = await this.catalog.versions(record.url);
      const compare = await this.comparePair(record, versions, pick);
      return versionsPage(await this.context(links), { current: record, versions, compare });
    });
  }

  async raw(links: SiteLinks, id: string, view: RawView): Promise<HtmlResult> {
    const lookup = await this.catalog.lookup(id);
    if (lookup.kind !== 'found') return this.notFound(links, lookup);
    const response = await this.catalog.archivedResponse(id);
    if (!response) return this.problem(links, 'not-found', 404);
    const decodedHtml = decodeHtml(response.body, response.headers['content-type'] ?? lookup.record.contentType).text;
    return { status: 200, html: rawPage(await this.context(links), { record: lookup.record, view, decodedHtml }) };
  }

  /** The screenshot of a browser-rendered snapshot; a lookup result when there is none to show. */
  async screenshot(id: string): Promise<{ record: SnapshotRecord; png: Buffer } | Exclude<SnapshotLookup, { kind: 'found' }>> {
    const lookup = await this.catalog.lookup(id);
    if (lookup.kind !== 'found') return lookup;
    const png = await this.catalog.screenshot(id);
    return png ? { record: lookup.record, png } : { kind: 'missing' };
  }

  /**
   * An image archived with the snapshot (n-th of snapshot.json requisites.images), from the WARC: only
   * when the record says archived, the archived response is a 2xx with a raster image type (the one
   * recorded), and its bytes still hash to the recorded sha256. Anything else is 'missing'.
   */
  async image(id: string, n: number): Promise<{ record: SnapshotRecord; contentType: string; ext: string; body: Buffer } | Exclude<SnapshotLookup, { kind: 'found' }>> {
    const lookup = await this.catalog.lookup(id);
    if (lookup.kind !== 'found') return lookup;
    const entry = lookup.record.requisites?.images?.[n];
    if (!Number.isInteger(n) || !entry || entry.status !== 'archived') return { kind: 'missing' };
    const ext = servableImageExtension(entry.contentType);
    if (!ext) return { kind: 'missing' };
    let response: WarcResponse | null;
    try {
      response = await this.catalog.archivedRequisite(id, entry.warcRecordId);
    } catch {
      return { kind: 'missing' };
    }
    if (!response || response.status < 200 || response.status >= 300 || response.truncated) return { kind: 'missing' };
    const contentType = mediaTypeOf(response.headers['content-type']);
    if (contentType !== mediaTypeOf(entry.contentType) || servableImageExtension(contentType) !== ext) return { kind: 'missing' };
    if (createHash('sha256').update(response.body).digest('hex') !== entry.sha256) return { kind: 'missing' };
    return { record: lookup.record, contentType, ext, body: response.body };
  }

  /** The archived response for the raw frame; a lookup result when it can't be shown. */
  async archived(id: string): Promise<{ record: SnapshotRecord; response: WarcResponse } | Exclude<SnapshotLookup, { kind: 'found' }>> {
    const lookup = await this.catalog.lookup(id);
    if (lookup.kind !== 'found') return lookup;
    const response = await this.catalog.archivedResponse(id);
    return response ? { record: lookup.record, response } : { kind: 'missing' };
  }

  async problem(links: SiteLinks, kind: ProblemKind, status: number, detail?: string): Promise<HtmlResult> {
    return { status, html: problemPage(await this.context(links), kind, detail) };
  }

  async apiList(links: SiteLinks, query: { q?: string; category?: string; page: number }): Promise<{ status: number; json: ApiListPage }> {
    const q = query.q?.trim() || undefined;
    const list: ListPage = q ? await this.catalog.search(q, query.page, query.category) : await this.catalog.latest(query.page, query.category);
    const body: ApiListPage = {
      query: q ?? null,
      category: query.category ?? null,
      page: list.page,
      pages: list.pages,
      total: list.total,
      pageSize: list.pageSize,
      items: list.items.map((item) => apiItem(links, item)),
      ...(list.indexing ? { indexing: list.indexing } : {}),
    };
    return { status: 200, json: body };
  }

  /** The snapshot's snapshot.json, or a 410 / 404 error object. */
  async apiSnapshot(id: string): Promise<JsonResult> {
    const lookup = await this.catalog.lookup(id);
    if (lookup.kind === 'found') return { status: 200, json: lookup.record };
    if (lookup.kind === 'gone') return { status: 410, json: { error: 'gone', message: this.labels.goneBody, removedAt: lookup.notice.time } };
    return { status: 404, json: { error: 'not_found', message: this.labels.notFoundBody } };
  }

  private async withSnapshot(links: SiteLinks, id: string, render: (record: SnapshotRecord) => Promise<SafeHtml>): Promise<HtmlResult> {
    const lookup = await this.catalog.lookup(id);
    if (lookup.kind !== 'found') return this.notFound(links, lookup);
    return { status: 200, html: await render(lookup.record) };
  }

  private async notFound(links: SiteLinks, lookup: Exclude<SnapshotLookup, { kind: 'found' }>): Promise<HtmlResult> {
    if (lookup.kind === 'gone') return { status: 410, html: gonePage(await this.context(links), lookup.notice) };
    return this.problem(links, 'not-found', 404);
  }

  private async comparePair(record: SnapshotRecord, versions: SnapshotSummary[], pick: { from?: string; to?: string }): Promise<{ from: SnapshotRecord; to: SnapshotRecord } | null> {
    if (versions.length < 2) return null;
    const index = (id: string | undefined): number => (id ? versions.findIndex((v) => v.id === id) : -1);
    let to = index(pick.to);
    let from = index(pick.from);
    const here = Math.max(0, index(record.id));
    if (to < 0) to = here === 0 ? 1 : here;
    if (from < 0) from = to === 0 ? 1 : to - 1;
    if (from > to) [from, to] = [to, from];
    if (from === to) from = to === 0 ? 1 : to - 1;
    const older = await this.catalog.lookup(versions[Math.min(from, to)].id);
    const newer = await this.catalog.lookup(versions[Math.max(from, to)].id);
    return older.kind === 'found' && newer.kind === 'found' ? { from: older.record, to: newer.record } : null;
  }
}

function apiItem(links: SiteLinks, item: ListItem): ApiListItem {
  return {
    id: item.id,
    url: item.url,
    host: item.host,
    title: item.title,
    category: item.category,
    source: item.source,
    publishedAt: item.publishedAt,
    fetchedAt: item.fetchedAt,
    excerpt: item.excerpt.map((p) => p.text).join(''),
    links: { html: links.snapshot(item.id), raw: links.raw(item.id), versions: links.versions(item.id), json: links.apiSnapshot(item.id) },
  };
}
