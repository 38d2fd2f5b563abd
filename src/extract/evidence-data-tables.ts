/**
 * Data tables as evidence against an article (articleEvidence.ts): each table's cells tallied during the page pass,
 * how many of them are short and mostly digits; tables of a dozen cells and more, 40% numeric, are data.
 */
import type { NodeStats } from './body-score.js';
import { isTag, isText, type AnyNode, type Element } from './dom.js';

/** Table cells longer than this are prose or layout, not data. */
const MAX_DATA_CELL_LEN = 80;

export interface TableTally {
  cells: number;
  numeric: number;
  len: number;
}

/** Digits and non-space characters of a short subtree, without building its text. */
function digitShare(el: Element): { digits: number; chars: number } {
  let digits = 0;
  let chars = 0;
  const only = el.children.length === 1 ? el.children[0] : undefined;
  const stack: AnyNode[] = only && isText(only) ? [only] : [el];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (isText(n)) {
      const s = n.data;
      for (let i = 0; i < s.length; i++) {
        const c = s.charCodeAt(i);
        if (c <= 0x20 || c === 0xa0 || c === 0x3000) continue;
        chars++;
        if (c >= 0x30 && c <= 0x39) digits++;
      }
    } else if (isTag(n)) for (const k of n.children) stack.push(k);
  }
  return { digits, chars };
}

export function tallyCell(el: Element, s: NodeStats, tables: Map<Element, TableTally>): void {
  let table: AnyNode | null = el.parent;
  for (let i = 0; table && i < 3 && !(isTag(table) && table.name === 'table'); i++) table = table.parent;
  if (!table || !isTag(table) || table.name !== 'table') return;
  let t = tables.get(table);
  if (!t) {
    t = { cells: 0, numeric: 0, len: 0 };
    tables.set(table, t);
  }
  t.cells++;
  t.len += s.len;
  if (s.len === 0 || s.len > MAX_DATA_CELL_LEN || s.hasBlockChild) return;
  const { digits, chars } = digitShare(el);
  if (digits > 0 && digits >= chars * 0.5) t.numeric++;
}

/** Text and cells of the data tables among the tallied ones. */
export function dataTableTotals(tables: Map<Element, TableTally>): { dataLen: number; dataCells: number } {
  let dataLen = 0;
  let dataCells = 0;
  for (const t of tables.values()) {
    if (t.cells >= 12 && t.numeric >= t.cells * 0.4) {
      dataLen += t.len;
      dataCells += t.cells;
    }
  }
  return { dataLen, dataCells };
}
