/**
 * One snapshot, laid out like the snapshot pages our users publish: category crumb, title, a line with
 * category / publish time / source, the body with its images, author and editor; then the provenance
 * box (original URL, snapshot time, crawler, "not modified", takedown contact), related snapshots and
 * more from the same category.
 */
import type { ListItem } from '../catalog.js';
import type { SnapshotRecord } from '../../snapshot/index.js';
import { archivedFigure, articleBodyMarkdown, renderMarkdownBody, renderPlainBody, type ImageResolver } from '../article-body.js';
import { sameUrlKey, shownImages } from '../archived-images.js';
import { externalLink, html, type HtmlValue, type SafeHtml } from '../html.js';
import { formatBytes } from '../formats.js';
import { staticPaths } from '../links.js';
import { layout, shownTime, snapshotList, zonedTime, type PageContext } from './layout.js';
import { takedownSentence } from './takedown-sentence.js';

export interface SnapshotPageData {
  record: SnapshotRecord;
  /** article.md, when readable (gives the body with its images in place). */
  articleMarkdown: string | null;
  versionCount: number;
  related: ListItem[];
  moreInCategory: ListItem[];
}

/**
 * 来源/Source: the outlet the page names (snapshot.json `publisher`: the extracted 来源 field, else the
 * structured-data publisher or og:site_name), else the host the page came from. Never the config's
 * source name (`source`), which is only our label for a crawl.
 */
export function outletOf(r: Pick<SnapshotRecord, 'publisher' | 'url' | 'finalUrl'>): string {
  const publisher = r.publisher?.trim();
  if (publisher) return publisher;
  for (const url of [r.finalUrl, r.url]) {
    try {
      const host = new URL(url).hostname;
      if (host) return host;
    } catch {
      // not a URL: try the next
    }
  }
  return r.url;
}

/** The snapshot page's permalink: absolute under the site's base URL when known, else the page's link. */
export function permalinkOf(ctx: PageContext, id: string): string {
  const base = ctx.settings.baseUrl;
  if (base) {
    try {
      const root = new URL(base.endsWith('/') ? base : `${base}/`);
      return new URL(ctx.staticExport ? staticPaths.snapshot(id).replace(/index\.html$/, '') : `s/${id}`, root).href;
    } catch {
      // an unusable base URL: fall back to the path
    }
  }
  return ctx.links.snapshot(id);
}

function metaLine(ctx: PageContext, r: SnapshotRecord): SafeHtml {
  const { labels, links } = ctx;
  const published = zonedTime(ctx, r.publishedAt);
  return html`<p class="meta">${
    r.category ? html`<span>${labels.category}${labels.colon}<a href="${links.category(r.category)}">${r.category}</a></span>` : ''
  }${published ? html`<span>${labels.published}${labels.colon}${published}</span>` : ''}<span>${labels.source}${labels.colon}${outletOf(r)}</span></p>`;
}

function byline(ctx: PageContext, r: SnapshotRecord): HtmlValue {
  if (!r.author && !r.editor) return '';
  const { labels } = ctx;
  return html`<p class="byline">${r.author ? html`<span>${labels.author}${labels.colon}${r.author}</span>` : ''}${
    r.editor ? html`<span>${labels.editor}${labels.colon}${r.editor}</span>` : ''
  }</p>`;
}

/** A plain-text citation a reader can copy. */
function citation(ctx: PageContext, r: SnapshotRecord, taken: string, permalink: string): string {
  const parts = [r.title ? `“${r.title}”` : null, outletOf(r), shownTime(ctx, r.publishedAt)?.text];
  const head = parts.filter(Boolean).join(ctx.settings.locale === 'zh-CN' ? '，' : ', ');
  return ctx.settings.locale === 'zh-CN'
    ? `${head}。原文：${r.url}，快照 ${r.id}，${taken}，${permalink}。`
    : `${head}. Original: ${r.url}. Snapshot ${r.id}, taken ${taken}, ${permalink}.`;
}

function provenance(ctx: PageContext, data: SnapshotPageData): SafeHtml {
  const { labels, links } = ctx;
  const r = data.record;
  const taken = shownTime(ctx, r.fetchedAt, true)?.text ?? r.fetchedAt;
  const takenTag = zonedTime(ctx, r.fetchedAt, true) || r.fetchedAt;
  const permalink = permalinkOf(ctx, r.id);
  const crawler = `${r.crawler.name} ${r.crawler.version}`;
  return html`<aside class="provenance" aria-labelledby="provenance-title">
<h2 id="provenance-title">${labels.provenanceTitle}</h2>
<p>${labels.provenance.before}${externalLink(r.url, r.url, 'original-url')}${labels.provenance.taken}${takenTag}${labels.provenance.by}${crawler}${labels.provenance.after}${labels.notEndorsed}</p>
<dl>
<dt>${labels.snapshotTime}</dt><dd>${takenTag}</dd>
<dt>${labels.permalink}</dt><dd><a class="permalink" href="${permalink}">${permalink}</a></dd>
<dt>${labels.originalUrl}</dt><dd>${externalLink(r.url, r.url)}</dd>
${r.finalUrl !== r.url ? html`<dt>${labels.finalUrl}</dt><dd>${externalLink(r.finalUrl, r.finalUrl)}</dd>` : ''}
<dt>HTTP</dt><dd>${labels.archivedBytes(formatBytes(r.bytes), r.httpStatus)} · <span class="hash" title="sha256">sha256 ${r.sha256}</span></dd>
${r.render?.mode === 'browser' ? html`<dt>${labels.renderedInBrowser}</dt><dd>${r.render.reason ?? ''}</dd>` : ''}
</dl>
<p class="actions"><a href="${links.raw(r.id)}">${labels.viewRaw}</a>${r.files.screenshot ? html`<a href="${links.screenshot(r.id)}">${labels.viewScreenshot}</a>` : ''}<a href="${links.versions(r.id)}">${labels.viewVersions(data.versionCount)}</a><a href="${links.apiSnapshot(r.id)}">${labels.viewJson}</a></p>
<p class="cite"><strong>${labels.cite}${labels.colon}</strong> ${citation(ctx, r, taken, permalink)}</p>
<p class="takedown-note">${takedownSentence(ctx)}</p>
</aside>`;
}

export function snapshotPage(ctx: PageContext, data: SnapshotPageData): SafeHtml {
  const { labels, links } = ctx;
  const r = data.record;
  const lang = r.language ?? undefined;
  const bodyMd = data.articleMarkdown ? articleBodyMarkdown(data.articleMarkdown) : '';
  // Images archived with the snapshot are shown from our origin; the rest stay placeholders.
  const archived = new Map([...shownImages(r)].map(([url, shown]) => [sameUrlKey(url), shown]));
  const used = new Set<number>();
  const images: ImageResolver = (src) => {
    const shown = archived.get(sameUrlKey(src));
    if (!shown) return null;
    used.add(shown.n);
    return links.image(r.id, shown.n, shown.ext);
  };
  const rendered = bodyMd ? renderMarkdownBody(bodyMd, labels, images) : renderPlainBody(r, labels, images);
  // The lead image (og:image) is not in the body text: shown first when archived and not shown yet.
  const lead = bodyMd ? [...archived.values()].find((s) => !used.has(s.n)) : undefined;
  const body = lead
    ? html`${archivedFigure(labels, links.image(r.id, lead.n, lead.ext), '', lead.image.url, undefined)}${rendered}`
    : rendered;
  const title = r.title ?? r.url;
  const content = html`<div class="panel">
<nav class="crumb" aria-label="breadcrumb"><ol><li><a href="${links.home()}">${labels.home}</a></li>${
    r.category ? html`<li><a href="${links.category(r.category)}">${r.category}</a></li>` : ''
  }</ol></nav>
<article class="article"${lang ? html` lang="${lang}"` : ''}>
<h1>${title}</h1>
${metaLine(ctx, r)}
<div class="body"${lang ? html` lang="${lang}"` : ''}>${body}</div>
${byline(ctx, r)}
${r.tags.length > 0 ? html`<p class="tags">${labels.tags}${labels.colon}${r.tags.join(' · ')}</p>` : ''}
</article>
${provenance(ctx, data)}
</div>
${
  data.related.length > 0
    ? html`<section class="panel related" aria-labelledby="related-title"><h2 class="section-title" id="related-title">${labels.related}</h2>${snapshotList(ctx, data.related)}</section>`
    : ''
}
${
  r.category && data.moreInCategory.length > 0
    ? html`<section class="panel more" aria-labelledby="more-title"><h2 class="section-title" id="more-title">${labels.moreInCategory(r.category)}</h2>${snapshotList(
        ctx,
        data.moreInCategory,
        { compact: true },
      )}<p><a href="${links.category(r.category)}">${labels.moreLink} ›</a></p></section>`
    : ''
}`;
  return layout({ ...ctx, currentCategory: r.category ?? undefined }, { title, body: content });
}
