/**
 * Dates a page prints over several elements (time-candidates.ts reads the lines): a date line and the clock in the
 * element beside it, a year tile over its month and day (Tencent: "2020" / "07/08" / "16:37"), a day tile over its
 * year and month ("08" / "2021.10", Chinese government and school sites).
 */
import { attr, textContent, type Element, type ParentNode } from './dom.js';
import { parseDateText, precisionOf, type DateContext, type DateParts } from './dates.js';
import type { PageZones } from './page-lines.js';
import { collapseSpace } from './text.js';

export const TIME_ONLY = /^(?:(\d{1,2}):(\d{2})(?::(\d{2}))?)$/;

/** A date read from tiles, with the tiles' text (what the candidate's context is). */
export interface TileDate {
  parts: DateParts;
  text: string;
}

/** The element holding both lines' elements (the same parent, or one a wrapper one level deeper), or null. */
function boxOf(a: Element, b: Element): ParentNode | null {
  const pa = a.parent;
  const pb = b.parent;
  if (pa === null || pb === null) return null;
  if (a === pb) return a;
  if (b === pa) return b;
  if (pa === pb || pa === pb.parent) return pa;
  return pa.parent === pb ? pb : null;
}

/** Do two lines' elements sit in one box: the same parent, or one of them a wrapper deeper than the other? */
export function sameBox(a: Element, b: Element): boolean {
  return boxOf(a, b) !== null;
}

/** A date line followed (or preceded) by a line that is only a time: one statement split over two elements. */
export function joinTime(p: DateParts, zones: PageZones, i: number): DateParts {
  if (precisionOf(p) !== 3) return p;
  for (const j of [i + 1, i - 1]) {
    // Only a clock set beside the date, in the same box (siblings, or one wrapper apart): a post's closing date line
    // and the first comment's "20:01" under it are neighbouring lines too.
    if (!zones.lines[j] || !sameBox(zones.lines[i].el, zones.lines[j].el)) continue;
    const t = zones.lines[j]?.text.trim();
    const m = t && t.length <= 8 ? TIME_ONLY.exec(t) : null;
    if (m && +m[1] < 24 && +m[2] < 60) return { ...p, hour: +m[1], minute: +m[2], ...(m[3] ? { second: +m[3] } : {}) };
  }
  return p;
}

/** A year alone in its element ("2020", "2020年"): the first tile of a date split over stacked elements. */
export const YEAR_TILE = /^(?:19|20)\d{2}\s*年?$/;
/** The month and day that follow a year tile ("07/08", "07-08", "7月8日"), nothing else. */
const MONTH_DAY_TILE = /^\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?$/;

/**
 * A date printed as stacked tiles under the headline — the year in one element, the month and day in the next, the
 * clock in a third (Tencent's article pages: "2020" / "07/08" / "16:37") — is one statement: read the year and the
 * month/day together, and the clock after them as joinTime does for any date line. Undefined for any other line.
 */
export function yearTileDate(zones: PageZones, i: number, ctx: DateContext): TileDate | undefined {
  const next = zones.lines[i + 1]?.text.trim();
  if (!next || next.length > 8 || !MONTH_DAY_TILE.test(next)) return undefined;
  const year = zones.lines[i].text.trim();
  const p = parseDateText(`${year.replace(/年$/, '')}/${next.replace(/[月]/, '/').replace(/日$/, '')}`, ctx);
  return p && precisionOf(p) === 3 ? { parts: joinTime(p, zones, i + 1), text: `${year} ${next}` } : undefined;
}

/** A day's number alone ("08"), and a year with its month ("2021.10", "2021-10", "2021年10月"): a day-first tile. */
const DAY_TILE = /^(?:0?[1-9]|[12]\d|3[01])$/;
const YEAR_MONTH_TILE = /^((?:19|20)\d{2})\s*[-/.年]\s*(0?[1-9]|1[0-2])\s*月?$/;
/**
 * A box that names itself a date ("date", "time", "pubday", "post-date", "pubDate", pinyin "riqi"/"rq"/"shijian"):
 * a number beside a year and month is a day only there. Elsewhere it is a count, a page number, a breadcrumb's or a
 * calendar's cell. A whole part of the class or id (split at spaces, - and _, and camel case), so "update-count",
 * "today" and "timeline" are no date box.
 */
const DATE_BOX_PART = /^(?:pub(?:lish(?:ed)?)?|post(?:ed)?|created?|add|send|fabu|art(?:icle)?|news)?(?:date|time|day|riqi|shijian|rq)(?:time|stamp|box|wrap|info)?s?$/;

function namedDate(nodes: Array<ParentNode | null>): boolean {
  return nodes.some((n) => n !== null && 'attribs' in n && dateBoxName(`${attr(n, 'class') ?? ''} ${attr(n, 'id') ?? ''}`));
}

function dateBoxName(name: string): boolean {
  return name.replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2').toLowerCase().split(/[\s_-]+/).some((part) => DATE_BOX_PART.test(part));
}

/** The day and year-month tiles among two texts, as a date (either order), or undefined. */
function tileDate(a: string, b: string, ctx: DateContext): DateParts | undefined {
  const [day, ym] = DAY_TILE.test(a) ? [a, YEAR_MONTH_TILE.exec(b)] : DAY_TILE.test(b) ? [b, YEAR_MONTH_TILE.exec(a)] : [];
  if (!day || !ym) return undefined;
  const p = parseDateText(`${ym[1]}-${ym[2].padStart(2, '0')}-${day.padStart(2, '0')}`, ctx);
  return p && precisionOf(p) === 3 ? p : undefined;
}

/** The clock in `text` when it is only one ("10:20"), else undefined. */
function clockOf(text: string): Pick<DateParts, 'hour' | 'minute'> | undefined {
  const m = TIME_ONLY.exec(text);
  return m && +m[1] < 24 && +m[2] < 60 ? { hour: +m[1], minute: +m[2] } : undefined;
}

/**
 * A date printed as a day tile over (or under, or beside) its year and month ("08" / "2021.10", as news lists and many
 * Chinese government and school sites print an article's date): one statement, when the box holding the tiles names
 * itself a date and holds nothing else but a clock. Undefined for any other line.
 */
export function dayTileDate(zones: PageZones, i: number, ctx: DateContext): TileDate | undefined {
  const line = zones.lines[i];
  const text = line.text.trim();
  // Both tiles inline on one line ("08 2021.10", "2021-10 08"), a clock after them or not.
  const words = text.split(/\s+/);
  if ((words.length === 2 || (words.length === 3 && clockOf(words[2]))) && namedDate([line.el, line.el.parent])) {
    const p = tileDate(words[0], words[1], ctx);
    if (p) return { parts: { ...p, ...(words[2] ? clockOf(words[2]) : {}) }, text };
  }
  for (const j of [i + 1, i - 1]) {
    const other = zones.lines[j]?.text.trim();
    const box = other ? boxOf(line.el, zones.lines[j].el) : null;
    if (!other || !box) continue;
    const p = tileDate(text, other, ctx);
    if (!p || !namedDate([box, line.el, zones.lines[j].el])) continue;
    // The box holds the two tiles and at most a clock: not a calendar's days, a pager's numbers, a count's label.
    const rest = collapseSpace(textContent(box)).replace(text, '').replace(other, '').trim();
    if (rest !== '' && !clockOf(rest)) continue;
    const tiles = j > i ? `${text} ${other}` : `${other} ${text}`;
    return { parts: joinTime(p, zones, Math.max(i, j)), text: tiles };
  }
  return undefined;
}
