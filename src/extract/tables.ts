/** Data tables (rows × columns of short cells) as opposed to the layout tables old pages are built from. */
import { BLOCK_TAGS, isTag, isText, type AnyNode, type Element } from './dom.js';
import { nonSpaceLength, normalizeInline } from './text.js';

function collectTags(root: Element, name: string, out: Element[]): void {
  for (const c of root.children) {
    if (!isTag(c)) continue;
    if (c.name === name) out.push(c);
    if (c.name !== 'table') collectTags(c, name, out);
  }
}

/** Text of a cell with block boundaries and <br> as spaces. */
function plainText(el: Element): string {
  const parts: string[] = [];
  appendPlain(el, parts);
  return parts.join('');
}

function appendPlain(n: AnyNode, parts: string[]): void {
  if (isText(n)) parts.push(n.data);
  else if (isTag(n)) {
    if (n.name === 'br' || BLOCK_TAGS.has(n.name)) parts.push(' ');
    for (const c of n.children) appendPlain(c, parts);
  }
}

/** A real data table (rows × columns of short cells), not a layout table holding the page. */
export function isDataTable(table: Element, sizeOf?: (el: Element) => number): boolean {
  const trs: Element[] = [];
  collectTags(table, 'tr', trs);
  if (trs.length < 2) return false;
  let maxCols = 0;
  let cells = 0;
  let chars = 0;
  for (const tr of trs) {
    let cols = 0;
    for (const c of tr.children) {
      if (!isTag(c) || (c.name !== 'td' && c.name !== 'th')) continue;
      cols++;
      cells++;
      // Cells holding nested tables, or several paragraphs or lists, mean layout; one <p> per cell is how editors
      // (Google Docs, WordPress) write a data table's cells.
      if (isLayoutCell(c)) return false;
      chars += sizeOf ? sizeOf(c) / 1.5 : nonSpaceLength(plainText(c));
    }
    maxCols = Math.max(maxCols, cols);
  }
  return maxCols >= 2 && cells > 0 && chars / cells < 120;
}

const LAYOUT_CHILD = new Set(['table', 'p', 'div', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote']);

function isLayoutCell(cell: Element): boolean {
  let blocks = 0;
  for (const k of cell.children) {
    if (!isTag(k) || !LAYOUT_CHILD.has(k.name)) continue;
    if (k.name === 'table' || ++blocks > 1) return true;
  }
  return false;
}

/** Rows of cell texts, in document order (nested tables are not entered). */
export function tableRows(table: Element): string[][] {
  const trs: Element[] = [];
  collectTags(table, 'tr', trs);
  const rows: string[][] = [];
  for (const tr of trs) {
    const row: string[] = [];
    for (const c of tr.children) if (isTag(c) && (c.name === 'td' || c.name === 'th')) row.push(normalizeInline(plainText(c)));
    if (row.some((x) => x)) rows.push(row);
  }
  return rows;
}

/**
 * A data table with a column of plain values (revenues, prices, ranks beside linked names): content, however many
 * links its other columns hold. A table of links only (a link grid) has no such column.
 */
export function hasPlainColumn(table: Element): boolean {
  const trs: Element[] = [];
  collectTags(table, 'tr', trs);
  const plain: number[] = [];
  const filled: number[] = [];
  for (const tr of trs) {
    let col = 0;
    for (const c of tr.children) {
      if (!isTag(c) || (c.name !== 'td' && c.name !== 'th')) continue;
      if (nonSpaceLength(plainText(c)) > 0) {
        filled[col] = (filled[col] ?? 0) + 1;
        if (!hasLink(c)) plain[col] = (plain[col] ?? 0) + 1;
      }
      col++;
    }
  }
  return filled.some((n, i) => n >= 3 && (plain[i] ?? 0) >= n * 0.8);
}

function hasLink(el: Element): boolean {
  for (const c of el.children) if (isTag(c) && (c.name === 'a' || hasLink(c))) return true;
  return false;
}
