/**
 * The page as lines of text, and the zones where news pages put their metadata: the "info line" between headline
 * and body (时间/来源/作者), the first and last body lines (（记者 王玉龙）, 责任编辑：赵岳), and the lines right after
 * the body. Bylines and dates are searched zone by zone, most specific first.
 */
import type { Block } from './blocks.js';
import { emitBlocks } from './block-emitter.js';
import { elementsIn, isAncestor, type Element } from './dom.js';
import { comparable } from './text.js';
import type { StatsMap } from './body-score.js';

export interface PageZones {
  /** Every line of the page, in order. */
  lines: Block[];
  /** Index in `lines` of the first body line (-1 when the body was not located). */
  bodyStart: number;
  /** Between the headline and the body (or just above the body when no headline was found). */
  header: Block[];
  /** First and last lines of the body. */
  bodyEdges: Block[];
  /** A few lines following the body. */
  after: Block[];
  /** The lines just above the headline (blog "X 发表于 …" lines, kickers). */
  beforeTitle: Block[];
  /** Index in `lines` of the headline (-1 when not located): candidates are scored by their distance from it. */
  titleIndex?: number;
  /** Index in `lines` of the last body line (-1 when the body was not located). */
  bodyEnd?: number;
}

const MAX_LINES = 5000;

/** Every element inside the body containers (one pass, instead of an ancestor walk per line). */
function contentSet(roots: Element[]): Set<Element> {
  const set = new Set<Element>(roots);
  for (const r of roots) for (const el of elementsIn(r)) set.add(el);
  return set;
}

/** Every text line of the page (no Markdown, no images). */
export function pageLines(pageRoots: Element[], stats: StatsMap): Block[] {
  return emitBlocks(pageRoots, { links: false, sizeOf: (el) => stats.get(el)?.len ?? 0, elementGap: true }).slice(0, MAX_LINES);
}

/** Index of the first line inside the body containers, or -1. */
export function findBodyStart(lines: Block[], contentRoots: Element[]): number {
  const inside = contentSet(contentRoots);
  return lines.findIndex((l) => inside.has(l.el));
}

/** A tool button's label ("+", "分享", "列印", "A-A+"): too short to say anything. */
const isControlLine = (l: Block): boolean => l.text.length <= 4;
/**
 * Where a zone of `want` lines starting at `from` ends, not counting tool-button lines: a row of share, print and
 * font-size buttons between headline and info line must not push the info line out of the zone.
 */
function headerEnd(lines: Block[], from: number, want: number, limit: number): number {
  let i = from;
  for (let counted = 0; i < limit && i < from + want * 3 && counted < want; i++) if (!isControlLine(lines[i])) counted++;
  return i;
}

export function pageZones(lines: Block[], contentRoots: Element[], titleEl: Element | undefined, title: string | undefined): PageZones {
  const inside = contentSet(contentRoots);
  let bodyStart = -1;
  let bodyEnd = -1;
  for (let i = 0; i < lines.length; i++) {
    if (inside.has(lines[i].el)) {
      if (bodyStart < 0) bodyStart = i;
      bodyEnd = i;
    }
  }
  const titleKey = title ? comparable(title) : '';
  // The headline element itself; else the last line repeating the title above the body (a caption below may too).
  let titleIdx = titleEl ? lines.findIndex((l) => l.el === titleEl || isAncestor(titleEl, l.el)) : -1;
  if (titleIdx < 0 && titleKey) {
    const end = Math.min(bodyStart >= 0 ? bodyStart + 3 : lines.length, lines.length);
    for (let i = 0; i < end; i++) {
      if (lines[i].text.length > titleKey.length * 3 + 20 || comparable(lines[i].text) !== titleKey) continue;
      if (titleIdx < 0 || i < bodyStart || bodyStart < 0) titleIdx = i;
      if (i >= bodyStart && bodyStart >= 0) break;
    }
  }
  let header: Block[] = [];
  if (titleIdx >= 0 && (bodyStart < 0 || titleIdx < bodyStart)) {
    header = lines.slice(titleIdx + 1, headerEnd(lines, titleIdx + 1, 12, bodyStart >= 0 ? bodyStart : lines.length));
  } else if (titleIdx >= 0) {
    // Headline inside the body container: the info line follows it.
    header = lines.slice(titleIdx + 1, headerEnd(lines, titleIdx + 1, 5, lines.length));
  } else if (bodyStart >= 0) {
    header = lines.slice(Math.max(0, bodyStart - 8), bodyStart);
  }
  const bodyEdges = bodyStart >= 0 ? [...lines.slice(bodyStart, Math.min(bodyStart + 3, bodyEnd + 1)), ...lines.slice(Math.max(bodyStart + 3, bodyEnd - 5), bodyEnd + 1)] : [];
  const after = bodyEnd >= 0 ? lines.slice(bodyEnd + 1, bodyEnd + 9) : [];
  const beforeTitle = titleIdx > 0 ? lines.slice(Math.max(0, titleIdx - 3), titleIdx) : [];
  return { lines, bodyStart, header, bodyEdges, after, beforeTitle, titleIndex: titleIdx, bodyEnd };
}
