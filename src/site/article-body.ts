/**
 * The article body as HTML, from the snapshot's article.md: the Markdown subset snapcrawl's extractor
 * writes (paragraphs, headings, lists, quotes, code, tables, images with captions, links). Every piece
 * of text goes through the escaping `html` template; links leave with rel="noopener noreferrer
 * nofollow"; only http(s) links are kept. No general Markdown parser is needed, and none of the
 * page's own HTML is ever passed through.
 *
 * Images are never hotlinked: a reader's browser loading a picture from the original site would tell
 * the publisher who reads the archive. An image archived with the snapshot (page requisites) is shown
 * from our own origin (`/s/<id>/img/<n>.<ext>`, via the `images` resolver); every other image becomes a
 * placeholder naming it (alt text, caption) with its original URL as an outbound link the reader may
 * choose to follow.
 */
import type { SnapshotRecord } from '../snapshot/index.js';
import { externalLink, html, safeUrl, type HtmlValue, type SafeHtml } from './html.js';
import { labelsFor, type Labels } from './i18n.js';

/** The labels an image placeholder uses. */
export type ImageLabels = Pick<Labels, 'image' | 'imageOriginal' | 'imageArchived'>;

/**
 * Where the site serves an archived copy of an image (same origin), by the image's original URL;
 * null when it has none (the image stays a placeholder).
 */
export type ImageResolver = (src: string) => string | null;

const noImages: ImageResolver = () => null;

const ESCAPABLE = new Set(['\\', '`', '*', '_', '[', ']', '|']);

/** The body Markdown of an article.md: front matter and the `# title` line removed. */
export function articleBodyMarkdown(articleMd: string): string {
  let text = articleMd.replace(/\r\n/g, '\n');
  const front = /^---\n[\s\S]*?\n---\n/.exec(text);
  if (front) text = text.slice(front[0].length);
  return text.replace(/^\s*# [^\n]*\n/, '').trim();
}

/** The index of the `]` closing a `[` at `open`, skipping escaped brackets; -1 if none. */
function closingBracket(s: string, open: number): number {
  for (let i = open + 1; i < s.length; i++) {
    if (s[i] === '\\') i++;
    else if (s[i] === ']') return i;
  }
  return -1;
}

/** Inline Markdown: backslash escapes and [text](url) links; everything else is text. */
export function renderInline(s: string): SafeHtml {
  const out: HtmlValue[] = [];
  let text = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '\\' && i + 1 < s.length && ESCAPABLE.has(s[i + 1])) {
      text += s[++i];
      continue;
    }
    if (c === '[') {
      const close = closingBracket(s, i);
      const end = close >= 0 && s[close + 1] === '(' ? s.indexOf(')', close + 2) : -1;
      if (end >= 0) {
        out.push(text);
        text = '';
        const label = renderInline(s.slice(i + 1, close));
        const href = s.slice(close + 2, end);
        out.push(safeUrl(href) === '#' ? label : externalLink(href, label));
        i = end;
        continue;
      }
    }
    text += c;
  }
  out.push(text);
  return html`${out}`;
}

/**
 * An archived image as a placeholder: what it shows (alt text, caption) and, for an http(s) image,
 * its original URL as a link out. Nothing here makes the browser load anything; an image with no
 * name and no usable URL is dropped.
 */
function figure(labels: ImageLabels, alt: string, src: string, caption: string | undefined, images: ImageResolver = noImages): SafeHtml {
  const url = /^https?:\/\//i.test(src.trim()) && safeUrl(src) !== '#' ? src.trim() : null;
  const local = url ? images(url) : null;
  if (local) return archivedFigure(labels, local, alt, url!, caption);
  const name = alt.trim() && alt.trim() !== caption?.trim() ? alt.trim() : '';
  if (!url && !name && !caption) return html``;
  return html`<figure class="image-placeholder"><p class="image-name"><span class="image-mark">${labels.image}</span>${
    name ? html` ${name}` : ''
  }</p>${caption ? html`<figcaption>${caption}</figcaption>` : ''}${
    url ? html`<p class="image-source">${labels.imageOriginal}${externalLink(url, url)}</p>` : ''
  }</figure>`;
}

/** An image archived with the snapshot, shown from our origin; its original URL stays a link out. */
export function archivedFigure(labels: ImageLabels, local: string, alt: string, original: string, caption: string | undefined): SafeHtml {
  return html`<figure class="archived-image"><img src="${local}" alt="${alt.trim()}" loading="lazy" decoding="async" referrerpolicy="no-referrer">${
    caption ? html`<figcaption>${caption}</figcaption>` : ''
  }<p class="image-source">${labels.imageArchived}${externalLink(original, original)}</p></figure>`;
}

function splitRow(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  const inner = line.trim().replace(/^\|/, '').replace(/\|$/, '');
  for (let i = 0; i < inner.length; i++) {
    if (inner[i] === '\\' && inner[i + 1] === '|') {
      cell += '|';
      i++;
    } else if (inner[i] === '|') {
      cells.push(cell.trim());
      cell = '';
    } else cell += inner[i];
  }
  cells.push(cell.trim());
  return cells;
}

function table(lines: string[]): SafeHtml {
  const [head, , ...rows] = lines.map(splitRow);
  return html`<div class="table-wrap"><table><thead><tr>${head.map((c) => html`<th>${renderInline(c)}</th>`)}</tr></thead><tbody>${rows.map(
    (r) => html`<tr>${r.map((c) => html`<td>${renderInline(c)}</td>`)}</tr>`,
  )}</tbody></table></div>`;
}

const LIST_ITEM = /^(\s*)([-+*]|\d+[.)])\s+(.*)$/;

/** Consecutive list lines → nested <ul>/<ol>, by indentation (two spaces a level). */
function list(lines: string[]): SafeHtml {
  type Item = { depth: number; ordered: boolean; text: string };
  const items: Item[] = lines.map((l) => {
    const m = LIST_ITEM.exec(l)!;
    return { depth: Math.floor(m[1].length / 2), ordered: /\d/.test(m[2]), text: m[3] };
  });
  const build = (start: number, depth: number): { node: SafeHtml; next: number } => {
    const lis: SafeHtml[] = [];
    let i = start;
    while (i < items.length && items[i].depth >= depth) {
      const item = items[i];
      let nested: SafeHtml | '' = '';
      i++;
      if (i < items.length && items[i].depth > depth) {
        const sub = build(i, items[i].depth);
        nested = sub.node;
        i = sub.next;
      }
      lis.push(html`<li>${renderInline(item.text)}${nested}</li>`);
    }
    const node = items[start].ordered ? html`<ol>${lis}</ol>` : html`<ul>${lis}</ul>`;
    return { node, next: i };
  };
  return build(0, items[0].depth).node;
}

/** Renders the body Markdown of an article.md as HTML blocks. */
export function renderMarkdownBody(md: string, labels: ImageLabels = labelsFor('en'), images: ImageResolver = noImages): SafeHtml {
  const lines = md.replace(/\r\n/g, '\n').split('\n');
  const blocks: SafeHtml[] = [];
  let i = 0;
  const takeWhile = (test: (line: string) => boolean): string[] => {
    const taken: string[] = [];
    while (i < lines.length && test(lines[i])) taken.push(lines[i++]);
    return taken;
  };
  while (i < lines.length) {
    const line = lines[i];
    if (line.trim() === '') {
      i++;
    } else if (line.startsWith('```')) {
      i++;
      const code = takeWhile((l) => !l.startsWith('```'));
      i++;
      blocks.push(html`<pre>${code.join('\n')}</pre>`);
    } else if (line.startsWith('>')) {
      const quoted = takeWhile((l) => l.startsWith('>')).map((l) => l.replace(/^> ?/, ''));
      blocks.push(html`<blockquote>${renderMarkdownBody(quoted.join('\n'), labels, images)}</blockquote>`);
    } else if (/^#{1,6}\s/.test(line)) {
      i++;
      const level = Math.min(Math.max(line.indexOf(' '), 2), 4);
      const text = renderInline(line.replace(/^#+\s+/, ''));
      blocks.push(level === 2 ? html`<h2>${text}</h2>` : level === 3 ? html`<h3>${text}</h3>` : html`<h4>${text}</h4>`);
    } else if (LIST_ITEM.test(line)) {
      blocks.push(list(takeWhile((l) => LIST_ITEM.test(l))));
    } else if (line.startsWith('|') && /^\|\s*-{3}/.test(lines[i + 1] ?? '')) {
      blocks.push(table(takeWhile((l) => l.startsWith('|'))));
    } else if (/^!\[[^\]]*\]\([^)]*\)\s*$/.test(line)) {
      const m = /^!\[([^\]]*)\]\(([^)]*)\)/.exec(line)!;
      i++;
      const captionLine = /^\*(.+)\*\s*$/.exec(lines[i] ?? '');
      if (captionLine) i++;
      const caption = captionLine ? captionLine[1].replace(/\\\*/g, '*') : undefined;
      blocks.push(figure(labels, m[1], m[2].replace(/%29/g, ')'), caption, images));
    } else {
      const paragraph = [lines[i++], ...takeWhile((l) => l.trim() !== '' && !l.startsWith('```') && !/^!\[/.test(l))];
      blocks.push(html`<p>${renderInline(paragraph.join(' '))}</p>`);
    }
  }
  return html`${blocks}`;
}

/** Fallback when article.md is missing: the plain-text body, then the image placeholders. */
export function renderPlainBody(
  record: Pick<SnapshotRecord, 'body' | 'images'>,
  labels: ImageLabels = labelsFor('en'),
  images: ImageResolver = noImages,
): SafeHtml {
  const paragraphs = record.body.split(/\n{2,}/).filter((p) => p.trim() !== '');
  return html`${paragraphs.map((p) => html`<p>${p.split('\n').map((l, k) => (k === 0 ? l : html`<br>${l}`))}</p>`)}${record.images.map(
    (img) => figure(labels, img.alt ?? '', img.src, img.caption, images),
  )}`;
}
