/** Rendering body blocks as plain text (paragraphs separated by a blank line) and as Markdown. */
import type { Block } from './blocks.js';

/**
 * Plain text: every block a paragraph; list items and table rows keep their own lines. Images and their
 * captions stay out (as in the benchmark truths): they are in `markdown` and `images`.
 */
export function blocksToText(blocks: Block[]): string {
  const parts: string[] = [];
  for (const b of blocks) if (b.kind !== 'image') parts.push(b.text);
  return parts.join('\n\n');
}

function escapeCell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function tableMarkdown(rows: string[][]): string {
  const width = Math.max(...rows.map((r) => r.length));
  const norm = rows.map((r) => Array.from({ length: width }, (_, i) => escapeCell(r[i] ?? '')));
  const line = (r: string[]): string => `| ${r.join(' | ')} |`;
  return [line(norm[0]), line(norm[0].map(() => '---')), ...norm.slice(1).map(line)].join('\n');
}

/** Escape what would otherwise start a Markdown construct at the beginning of a paragraph. */
function guardLineStart(md: string): string {
  return md.replace(/^(#{1,6}\s|>|[-+*]\s|\d+[.)]\s)/, '\\$1');
}

function blockMarkdown(b: Block, itemIndex: number): string {
  switch (b.kind) {
    case 'heading':
      return `${'#'.repeat(Math.min(Math.max(b.headingLevel ?? 2, 2), 6))} ${b.md}`;
    case 'item': {
      const indent = '  '.repeat(Math.max(0, (b.listDepth ?? 1) - 1));
      return `${indent}${b.ordered ? `${itemIndex}.` : '-'} ${b.md}`;
    }
    case 'pre':
      return '```\n' + b.text.replace(/```/g, '` ` `') + '\n```';
    case 'table':
      return b.rows && b.rows.length > 0 ? tableMarkdown(b.rows) : b.text;
    case 'image': {
      const img = b.image!;
      const alt = (img.alt ?? '').replace(/[[\]]/g, '');
      const pic = `![${alt}](${img.src.replace(/\)/g, '%29')})`;
      return img.caption ? `${pic}\n*${img.caption.replace(/\*/g, '\\*')}*` : pic;
    }
    default:
      return guardLineStart(b.md);
  }
}

/** Markdown: headings, lists (consecutive items kept together), quotes, code, tables, images. */
export function blocksToMarkdown(blocks: Block[]): string {
  const out: string[] = [];
  let itemIndex = 0;
  let prev: Block | undefined;
  for (const b of blocks) {
    itemIndex = b.kind === 'item' && prev?.kind === 'item' ? itemIndex + 1 : 1;
    let md = blockMarkdown(b, itemIndex);
    if (b.quoted) md = md.split('\n').map((l) => `> ${l}`).join('\n');
    const tight = b.kind === 'item' && prev?.kind === 'item';
    if (out.length > 0) out.push(tight ? '\n' : '\n\n');
    out.push(md);
    prev = b;
  }
  return out.join('');
}
