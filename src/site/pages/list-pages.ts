/** Home, category and search pages: paginated lists of the latest snapshots. */
import type { ListPage } from '../catalog.js';
import { html, type SafeHtml } from '../html.js';
import { layout, pager, snapshotList, type PageContext } from './layout.js';

export function homePage(ctx: PageContext, page: ListPage): SafeHtml {
  const { labels, links } = ctx;
  const body = html`<section class="panel">
<div class="page-head"><h1>${labels.latest}</h1><span class="count">${labels.snapshotsCount(page.total)}</span></div>
${page.items.length > 0 ? snapshotList(ctx, page.items, { showCategory: true }) : html`<p class="empty">${labels.noResults}</p>`}
${pager(labels, page, (n) => links.home(n))}
</section>`;
  return layout({ ...ctx, currentCategory: undefined, isHome: true }, { title: page.page > 1 ? `${labels.latest} · ${labels.pageOf(page.page, page.pages)}` : ctx.settings.title, body });
}

export function categoryPage(ctx: PageContext, category: string, page: ListPage): SafeHtml {
  const { labels, links } = ctx;
  const body = html`<section class="panel">
<nav class="crumb" aria-label="breadcrumb"><ol><li><a href="${links.home()}">${labels.home}</a></li><li>${category}</li></ol></nav>
<div class="page-head"><h1>${category}</h1><span class="count">${labels.snapshotsCount(page.total)}</span></div>
${page.items.length > 0 ? snapshotList(ctx, page.items) : html`<p class="empty">${labels.noResults}</p>`}
${pager(labels, page, (n) => links.category(category, n))}
</section>`;
  return layout({ ...ctx, currentCategory: category }, { title: category, body });
}

export function searchPage(ctx: PageContext, query: string, page: ListPage | null): SafeHtml {
  const { labels, links } = ctx;
  const results = page
    ? html`<div class="page-head"><h1>${labels.searchResults(query, page.total)}</h1></div>
${page.indexing ? html`<p class="hint search-indexing">${labels.searchIndexing(page.indexing.indexed, page.indexing.total)}</p>` : ''}
${page.items.length > 0 ? snapshotList(ctx, page.items, { showCategory: true }) : html`<p class="empty">${labels.noResults}</p>`}
${pager(labels, page, (n) => links.search(query, n))}`
    : html`<div class="page-head"><h1>${labels.search}</h1></div><p class="hint">${labels.searchHint}</p>`;
  const body = html`<section class="panel search-results">${results}</section>`;
  return layout({ ...ctx, currentCategory: undefined, query }, { title: query ? `${labels.search}: ${query}` : labels.search, body });
}
