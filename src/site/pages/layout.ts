/** The page frame (header, search, category bar, footer) and small pieces every page uses. */
import type { ListItem, ListPage } from '../catalog.js';
import type { ExcerptPart } from '../excerpt.js';
import { html, type HtmlValue, type SafeHtml } from '../html.js';
import { formatZoned, type ShownTime } from '../formats.js';
import type { Labels, SiteLocale } from '../i18n.js';
import type { SiteLinks } from '../links.js';
import { takedownSentence } from './takedown-sentence.js';

export interface SiteSettings {
  title: string;
  locale: SiteLocale;
  /** Shown under every snapshot: an email address, a URL or free text. */
  takedownContact?: string;
  /** IANA zone every time is shown in (publish and snapshot times), with its label. */
  timeZone: string;
  /**
   * The site's public address (`https://archive.example/`), when known: the provenance box then gives
   * an absolute permalink; otherwise the page's path.
   */
  baseUrl?: string;
}

/** Everything a page renderer needs besides its own data. */
export interface PageContext {
  settings: SiteSettings;
  labels: Labels;
  links: SiteLinks;
  categories: { value: string; count: number }[];
  /** The category whose bar entry is highlighted. */
  currentCategory?: string;
  query?: string;
  /** The home page highlights 首页/Home in the bar. */
  isHome?: boolean;
  /** Rendering for `snapcrawl render` (no server: no search, CSP in a meta tag). */
  staticExport: boolean;
}

/**
 * The CSP of every site page: no scripts at all; styles from our stylesheet; images, frames and form
 * posts only from the site itself; no <base>. Nothing may load from another origin: an archived
 * image hotlinked from the original site would tell the publisher who reads the archive (article
 * images are shown as placeholders with a link out instead). The static export's srcdoc raw frame
 * inherits this policy, so the archived page inside it can't load anything from elsewhere either.
 */
export const PAGE_CSP = "default-src 'none'; style-src 'self'; img-src 'self'; frame-src 'self'; form-action 'self'; base-uri 'none'";

/**
 * The static export's policy, sent in a <meta> (which can't carry frame-ancestors or sandbox): the
 * same, without form posts (the export has no forms).
 */
export const STATIC_PAGE_CSP = "default-src 'none'; style-src 'self'; img-src 'self'; frame-src 'self'; form-action 'none'; base-uri 'none'";

export function layout(ctx: PageContext, page: { title: string; body: SafeHtml; lang?: string }): SafeHtml {
  const { settings, labels, links } = ctx;
  const searchUrl = links.search();
  const docTitle = page.title === settings.title ? settings.title : `${page.title} - ${settings.title}`;
  return html`<!doctype html>
<html lang="${settings.locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
${ctx.staticExport ? html`<meta http-equiv="Content-Security-Policy" content="${STATIC_PAGE_CSP}">` : ''}
<meta name="referrer" content="no-referrer">
<title>${docTitle}</title>
<link rel="stylesheet" href="${links.asset('site.css')}">
</head>
<body>
<header class="site-header">
<div class="wrap">
<a class="brand" href="${links.home()}">${settings.title}</a>
${
  searchUrl
    ? html`<form class="search-form" role="search" action="${searchUrl}" method="get">
<input type="search" name="q" value="${ctx.query ?? ''}" placeholder="${labels.searchPlaceholder}" aria-label="${labels.search}" maxlength="200">
<button type="submit">${labels.searchButton}</button>
</form>`
    : ''
}
</div>
<nav class="cats" aria-label="${labels.categories}"><div class="wrap">
<a href="${links.home()}"${ctx.isHome ? html` aria-current="page"` : ''}>${labels.home}</a>
${ctx.categories.map(
  (c) => html`<a href="${links.category(c.value)}"${c.value === ctx.currentCategory ? html` aria-current="page"` : ''}>${c.value}</a>`,
)}
</div></nav>
</header>
<main class="wrap"${page.lang ? html` lang="${page.lang}"` : ''}>
${page.body}
</main>
<footer class="site-footer"><div class="wrap"><p>${settings.title} · ${labels.footer}</p><p>${takedownSentence(ctx)}</p></div></footer>
</body>
</html>
`;
}

/** A `<time>` with the machine-readable value; text as given. */
export function timeTag(iso: string | null, text: string | null): HtmlValue {
  return iso && text ? html`<time datetime="${iso}">${text}</time>` : '';
}

/** A time in the site's zone with its label (see formatZoned), or null. */
export function shownTime(ctx: Pick<PageContext, 'settings'>, iso: string | null | undefined, withSeconds = false): ShownTime | null {
  return formatZoned(iso, ctx.settings.timeZone, withSeconds);
}

/** `<time datetime="ISO">2025-10-12 23:41 (UTC+8)</time>`; '' when there is no usable time. */
export function zonedTime(ctx: Pick<PageContext, 'settings'>, iso: string | null | undefined, withSeconds = false): HtmlValue {
  const shown = shownTime(ctx, iso, withSeconds);
  return shown ? html`<time datetime="${shown.datetime}">${shown.text}</time>` : '';
}

/** The date a list shows: the publish time, else the snapshot time, both in the site's zone. */
export function itemTime(ctx: PageContext, item: Pick<ListItem, 'publishedAt' | 'fetchedAt'>): HtmlValue {
  return zonedTime(ctx, item.publishedAt) || zonedTime(ctx, item.fetchedAt);
}

export function excerptHtml(parts: ExcerptPart[]): SafeHtml {
  return html`${parts.map((p) => (p.hit ? html`<mark>${p.text}</mark>` : p.text))}`;
}

/** A list of snapshots: title, excerpt, date (and category when `showCategory`). */
export function snapshotList(ctx: PageContext, items: ListItem[], options: { compact?: boolean; showCategory?: boolean } = {}): SafeHtml {
  return html`<ul class="list${options.compact ? ' compact' : ''}">${items.map(
    (item) => html`<li>
<a class="title" href="${ctx.links.snapshot(item.id)}">${item.title}</a>
${item.excerpt.some((p) => p.text) ? html`<p class="excerpt">${excerptHtml(item.excerpt)}</p>` : ''}
<div class="when">${itemTime(ctx, item)}${
      options.showCategory && item.category ? html`<a href="${ctx.links.category(item.category)}">${item.category}</a>` : ''
    }<span>${item.host}</span></div>
</li>`,
  )}</ul>`;
}

/** Newer / page n of m / older links; `href(page)` builds the URL of a page. */
export function pager(labels: Labels, page: ListPage, href: (page: number) => string | null): HtmlValue {
  if (page.pages <= 1) return '';
  const link = (target: number, text: string, rel: string): SafeHtml => {
    const url = target >= 1 && target <= page.pages ? href(target) : null;
    return url ? html`<a href="${url}" rel="${rel}">${text}</a>` : html`<span class="disabled">${text}</span>`;
  };
  return html`<nav class="pager" aria-label="${labels.pageOf(page.page, page.pages)}">
${link(page.page - 1, `‹ ${labels.newer}`, 'prev')}<span>${labels.pageOf(page.page, page.pages)}</span>${link(page.page + 1, `${labels.older} ›`, 'next')}
</nav>`;
}
