/**
 * The raw view: the archived HTML exactly as received, inside an iframe sandboxed without scripts,
 * forms, popups or top navigation (and, on the server, served with a CSP that forbids scripts even
 * if the frame URL is opened on its own); or its source as text.
 */
import type { SnapshotRecord } from '../../snapshot/index.js';
import { html, type SafeHtml } from '../html.js';
import { neutraliseFrames } from '../frames.js';
import { formatBytes } from '../formats.js';
import { layout, zonedTime, type PageContext } from './layout.js';

export type RawView = 'page' | 'source';

export interface RawPageData {
  record: SnapshotRecord;
  view: RawView;
  /** The archived HTML decoded to text: the source view, and the static export's srcdoc frame. */
  decodedHtml: string;
}

/**
 * `sandbox=""` grants nothing: no scripts, no forms, no popups, no top navigation, no same-origin
 * access. The frame gets no referrer either.
 */
function frame(ctx: PageContext, data: RawPageData): SafeHtml {
  const src = ctx.links.rawContent(data.record.id);
  const title = ctx.labels.rawTitle;
  return src
    ? html`<iframe class="raw-frame" sandbox="" referrerpolicy="no-referrer" loading="lazy" title="${title}" src="${src}"></iframe>`
    : html`<iframe class="raw-frame" sandbox="" referrerpolicy="no-referrer" title="${title}" srcdoc="${neutraliseFrames(data.decodedHtml)}"></iframe>`;
}

export function rawPage(ctx: PageContext, data: RawPageData): SafeHtml {
  const { labels, links } = ctx;
  const r = data.record;
  const pageTab = data.view === 'page';
  const body = html`<div class="panel">
<nav class="crumb" aria-label="breadcrumb"><ol><li><a href="${links.home()}">${labels.home}</a></li>${
    r.category ? html`<li><a href="${links.category(r.category)}">${r.category}</a></li>` : ''
  }<li><a href="${links.snapshot(r.id)}">${r.title ?? r.id}</a></li></ol></nav>
<div class="page-head"><h1>${labels.rawTitle}</h1><span class="count">${zonedTime(ctx, r.fetchedAt, true)}</span></div>
<p class="hint">${pageTab ? labels.rawNote : labels.rawSourceNote}</p>
<p class="hint">${labels.originalUrl}${labels.colon}${r.url} · ${labels.archivedBytes(formatBytes(r.bytes), r.httpStatus)} · sha256 ${r.sha256}${
    links.rawOriginal(r.id) ? html` · <a href="${links.rawOriginal(r.id)}" download>${labels.downloadOriginal}</a>` : ''
  }</p>
<nav class="raw-tabs"><a href="${links.raw(r.id)}"${pageTab ? html` aria-current="page"` : ''}>${labels.viewRendered}</a><a href="${links.rawSource(r.id)}"${
    pageTab ? '' : html` aria-current="page"`
  }>${labels.viewSource}</a><a href="${links.snapshot(r.id)}">${r.title ?? r.id}</a></nav>
${pageTab ? frame(ctx, data) : html`<pre class="source">${data.decodedHtml}</pre>`}
</div>`;
  return layout({ ...ctx, currentCategory: r.category ?? undefined }, { title: `${labels.rawTitle}: ${r.title ?? r.id}`, body });
}
