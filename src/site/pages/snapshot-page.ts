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
import { formatBytes, formatInstant, formatPublished, zoneLabel } from '../i18n.js';
import { layout, snapshotList, timeTag, type PageContext } from './layout.js';
import { takedownSentence } from './takedown-sentence.js';

export interface SnapshotPageData {
  record: SnapshotRecord;
  /** article.md, when readable (gives the body with its images in place). */
  articleMarkdown: string | null;
  versionCount: number;
  related: ListItem[];
  moreInCategory: ListItem[];
}

function metaLine(ctx: PageContext, r: SnapshotRecord): SafeHtml {
  const { labels, links } = ctx;
  const source = r.publisher ?? r.source;
  const published = formatPublished(r.publishedAt);
  return html`<p class="meta">${
    r.category ? html`<span>${labels.category}${labels.colon}<a href="${links.category(r.category)}">${r.category}</a></span>` : ''
  }${published ? html`<span>${labels.published}${labels.colon}${timeTag(r.publishedAt, published)}</span>` : ''}${
    source ? html`<span>${labels.source}${labels.colon}${source}</span>` : ''
  }</p>`;
}

function byline(ctx: PageContext, r: SnapshotRecord): HtmlValue {
  if (!r.author && !r.editor) return '';
  const { labels } = ctx;
  return html`<p class="byline">${r.author ? html`<span>${labels.author}${labels.colon}${r.author}</span>` : ''}${
    r.editor ? html`<span>${labels.editor}${labels.colon}${r.editor}</span>` : ''
  }</p>`;
}

/** A plain-text citation a reader can copy. */
function citation(ctx: PageContext, r: SnapshotRecord, taken: string): string {
  const parts = [r.title ? `“${r.title}”` : null, r.publisher ?? r.source, formatPublished(r.publishedAt)];
  const head = parts.filter(Boolean).join(ctx.settings.locale === 'zh-CN' ? '，' : ', ');
  return ctx.settings.locale === 'zh-CN'
    ? `${head}。原文：${r.url}，快照 ${r.id}，${taken}。`
    : `${head}. Original: ${r.url}. Snapshot ${r.id}, taken ${taken}.`;
}

function provenance(ctx: PageContext, data: SnapshotPageData): SafeHtml {
  const { labels, links, settings } = ctx;
  const r = data.record;
  const taken = `${formatInstant(r.fetchedAt, settings.timeZone) ?? r.fetchedAt} (${zoneLabel(settings.timeZone, new Date(r.fetchedAt))})`;
  const crawler = `${r.crawler.name} ${r.crawler.version}`;
  return html`<aside class="provenance" aria-labelledby="provenance-title">
<h2 id="provenance-title">${labels.provenanceTitle}</h2>
<p>${labels.provenance.before}${externalLink(r.url, r.url, 'original-url')}${labels.provenance.taken}${timeTag(r.fetchedAt, taken)}${labels.provenance.by}${crawler}${labels.provenance.after}${labels.notEndorsed}</p>
<dl>
<dt>${labels.snapshotTime}</dt><dd>${timeTag(r.fetchedAt, taken)}</dd>
<dt>${labels.originalUrl}</dt><dd>${externalLink(r.url, r.url)}</dd>
${r.finalUrl !== r.url ? html`<dt>${labels.finalUrl}</dt><dd>${externalLink(r.finalUrl, r.finalUrl)}</dd>` : ''}
<dt>HTTP</dt><dd>${labels.archivedBytes(formatBytes(r.bytes), r.httpStatus)} · <span class="hash" title="sha256">sha256 ${r.sha256.slice(0, 16)}…</span></dd>
${r.render?.mode === 'browser' ? html`<dt>${labels.renderedInBrowser}</dt><dd>${r.render.reason ?? ''}</dd>` : ''}
</dl>
<p class="actions"><a href="${links.raw(r.id)}">${labels.viewRaw}</a>${r.files.screenshot ? html`<a href="${links.screenshot(r.id)}">${labels.viewScreenshot}</a>` : ''}<a href="${links.versions(r.id)}">${labels.viewVersions(data.versionCount)}</a><a href="${links.apiSnapshot(r.id)}">${labels.viewJson}</a></p>
<p class="cite"><strong>${labels.cite}${labels.colon}</strong> ${citation(ctx, r, taken)}</p>
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
