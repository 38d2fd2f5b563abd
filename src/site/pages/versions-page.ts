/** Every snapshot of one URL, and a readable diff between two of them. */
import type { SnapshotRecord, SnapshotSummary } from '../../snapshot/index.js';
import { diffBodies, diffText, type DiffBlock, type DiffSegment } from '../diff.js';
import { html, type HtmlValue, type SafeHtml } from '../html.js';
import { layout, shownTime, zonedTime, type PageContext } from './layout.js';

export interface VersionsPageData {
  /** The snapshot the page was opened from. */
  current: SnapshotRecord;
  /** All versions of its URL, oldest first. */
  versions: SnapshotSummary[];
  /** The pair being compared (older, newer), when there are two versions or more. */
  compare: { from: SnapshotRecord; to: SnapshotRecord } | null;
}

function segmentsHtml(segments: DiffSegment[]): SafeHtml {
  return html`${segments.map((s) => (s.op === 'added' ? html`<ins>${s.text}</ins>` : s.op === 'removed' ? html`<del>${s.text}</del>` : s.text))}`;
}

/** Unchanged paragraphs fold to their first and last line of context when there are many. */
function blocksHtml(ctx: PageContext, blocks: DiffBlock[]): SafeHtml {
  const out: HtmlValue[] = [];
  for (let i = 0; i < blocks.length; ) {
    const block = blocks[i];
    if (block.kind !== 'same') {
      out.push(
        block.kind === 'changed'
          ? html`<p class="changed">${segmentsHtml(block.segments)}</p>`
          : block.kind === 'added'
            ? html`<p class="added"><ins>${block.text}</ins></p>`
            : html`<p class="removed"><del>${block.text}</del></p>`,
      );
      i++;
      continue;
    }
    let end = i;
    while (end < blocks.length && blocks[end].kind === 'same') end++;
    const run = blocks.slice(i, end) as { kind: 'same'; text: string }[];
    if (run.length <= 3) out.push(run.map((b) => html`<p class="same">${b.text}</p>`));
    else {
      const keepFirst = i > 0;
      const keepLast = end < blocks.length;
      if (keepFirst) out.push(html`<p class="same">${run[0].text}</p>`);
      out.push(html`<p class="same folded">… ${ctx.labels.unchangedParagraphs(run.length - Number(keepFirst) - Number(keepLast))} …</p>`);
      if (keepLast) out.push(html`<p class="same">${run[run.length - 1].text}</p>`);
    }
    i = end;
  }
  return html`${out}`;
}

function fieldChanges(ctx: PageContext, from: SnapshotRecord, to: SnapshotRecord): HtmlValue {
  const { labels } = ctx;
  const fields: [string, string | null, string | null][] = [
    [labels.published, shownTime(ctx, from.publishedAt)?.text ?? null, shownTime(ctx, to.publishedAt)?.text ?? null],
    [labels.author, from.author, to.author],
    [labels.editor, from.editor, to.editor],
    [labels.category, from.category, to.category],
  ];
  const changed = fields.filter(([, a, b]) => a !== b);
  if (changed.length === 0) return '';
  return html`<ul>${changed.map(([name, a, b]) => html`<li>${name}${labels.colon}<del>${a ?? '—'}</del> → <ins>${b ?? '—'}</ins></li>`)}</ul>`;
}

function compareForm(ctx: PageContext, data: VersionsPageData): HtmlValue {
  const { labels, links } = ctx;
  if (!data.compare || ctx.staticExport) return '';
  const options = (selected: string): SafeHtml =>
    html`${data.versions.map(
      (v) => html`<option value="${v.id}"${v.id === selected ? html` selected` : ''}>${shownTime(ctx, v.fetchedAt, true)?.text ?? v.fetchedAt} · ${v.contentHash.slice(0, 8)}</option>`,
    )}`;
  return html`<form class="compare-form" method="get" action="${links.versions(data.current.id)}">
<label>${labels.compareFrom} <select name="from">${options(data.compare.from.id)}</select></label>
<label>${labels.compareTo} <select name="to">${options(data.compare.to.id)}</select></label>
<button type="submit">${labels.compare}</button>
</form>`;
}

function diffSection(ctx: PageContext, compare: NonNullable<VersionsPageData['compare']>): SafeHtml {
  const { labels } = ctx;
  const { from, to } = compare;
  const titleChanged = (from.title ?? '') !== (to.title ?? '');
  const bodyBlocks = diffBodies(from.body, to.body);
  const identical = !titleChanged && bodyBlocks.every((b) => b.kind === 'same') && fieldChanges(ctx, from, to) === '';
  return html`<section class="diff" lang="${to.language ?? ''}">
<p class="diff-legend"><span><del>${labels.diffLegend.removed}</del></span><span><ins>${labels.diffLegend.added}</ins></span></p>
${identical ? html`<p class="hint">${labels.diffSame}</p>` : ''}
${titleChanged ? html`<h3>${labels.fieldTitle}</h3><p class="changed">${segmentsHtml(diffText(from.title ?? '', to.title ?? ''))}</p>` : ''}
${fieldChanges(ctx, from, to)}
<h3>${labels.fieldBody}</h3>
${blocksHtml(ctx, bodyBlocks)}
</section>`;
}

export function versionsPage(ctx: PageContext, data: VersionsPageData): SafeHtml {
  const { labels, links } = ctx;
  const r = data.current;
  const rows = [...data.versions].reverse();
  const body = html`<div class="panel">
<nav class="crumb" aria-label="breadcrumb"><ol><li><a href="${links.home()}">${labels.home}</a></li>${
    r.category ? html`<li><a href="${links.category(r.category)}">${r.category}</a></li>` : ''
  }<li><a href="${links.snapshot(r.id)}">${r.title ?? r.id}</a></li></ol></nav>
<div class="page-head"><h1>${labels.versionsTitle}</h1></div>
<p class="hint">${labels.versionsIntro(data.versions.length)}</p>
<table class="versions"><thead><tr><th>${labels.snapshotTime}</th><th>${labels.fieldTitle}</th><th>${labels.contentHash}</th></tr></thead><tbody>
${rows.map(
  (v) => html`<tr><td><a href="${links.snapshot(v.id)}">${zonedTime(ctx, v.fetchedAt, true)}</a>${
    v.id === r.id ? html` <strong>(${labels.thisVersion})</strong>` : ''
  }</td><td>${v.title ?? ''}</td><td class="hash">${v.contentHash.slice(0, 12)}</td></tr>`,
)}
</tbody></table>
${compareForm(ctx, data)}
${data.compare ? diffSection(ctx, data.compare) : ''}
</div>`;
  return layout({ ...ctx, currentCategory: r.category ?? undefined }, { title: `${labels.versionsTitle}: ${r.title ?? r.id}`, body });
}
