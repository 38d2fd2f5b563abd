/**
 * A date as parts (DateParts), what a parser is told about the page (DateContext), and the checks and ISO 8601 form
 * every reader of dates shares. dates.ts and its siblings parse text into these.
 */
import { zoneOffsetForLocal } from './timezone.js';

export interface DateParts {
  year: number;
  month?: number;
  day?: number;
  hour?: number;
  minute?: number;
  second?: number;
  /** Minutes east of UTC when the source stated a zone. */
  offsetMinutes?: number;
}

export interface DateContext {
  /** IANA zone for times without an offset. */
  timezone: string;
  /** Year to use for "10月11日" style dates that omit it. */
  contextYear?: number;
  /** Also read English days without a year ("Sep 16") at the start of the text (with contextYear). */
  yearless?: boolean;
  /** Page language (BCP 47): settles ambiguous zone abbreviations ("CST" on a Chinese page is +08:00). */
  lang?: string;
  /** Resolves relative dates ("3 hours ago", "昨天 14:20"); without it they are not read. */
  now?: Date;
  /** The fetch time when `now` is withheld to read only absolute dates: a year-less date still can't be after it. */
  clock?: Date;
  /**
   * The day the page's URL names (/2026/01/06/): settles which number of a slashed date is the day ("06/01/2026"
   * is 6 January there). Without it, the page language does (d/m outside US English). A URL naming only the month
   * (/2023/12/) is given too: it settles the year of a year-less month-day across a new year (yearOfMonthDay).
   */
  urlDay?: DateParts;
  /**
   * The country's clock of a page read in UTC (TimeOptions.shownZone): a relative day with a shown clock ("Heute,
   * 10:20 Uhr") names that clock's day and time. Only time-candidates.ts reads it.
   */
  shownZone?: string;
}

export const MAX_YEAR = new Date().getUTCFullYear() + 1;

/** Precision rank: year 1 … second 6. */
export function precisionOf(p: DateParts): number {
  if (p.second !== undefined) return 6;
  if (p.minute !== undefined) return 5;
  if (p.hour !== undefined) return 4;
  if (p.day !== undefined) return 3;
  if (p.month !== undefined) return 2;
  return 1;
}

/** The same calendar day as written (no zone arithmetic: two readings of one page's day). */
export function sameDay(a: DateParts, b: DateParts): boolean {
  return a.year === b.year && a.month === b.month && a.day === b.day;
}

/** Days since 1970-01-01 of the written day (a missing month or day counts as the first): distances in days. */
export const dayNumber = (p: DateParts): number => Date.UTC(p.year, (p.month ?? 1) - 1, p.day ?? 1) / 86_400_000;

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function isPlausible(p: DateParts): boolean {
  if (!(p.year >= 1970 && p.year <= MAX_YEAR)) return false;
  if (p.month !== undefined && !(p.month >= 1 && p.month <= 12)) return false;
  if (p.day !== undefined && (p.month === undefined || !(p.day >= 1 && p.day <= daysInMonth(p.year, p.month)))) return false;
  if (p.hour !== undefined && !(p.hour >= 0 && p.hour <= 23)) return false;
  if (p.minute !== undefined && !(p.minute >= 0 && p.minute <= 59)) return false;
  if (p.second !== undefined && !(p.second >= 0 && p.second <= 60)) return false;
  return true;
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

function formatOffset(min: number): string {
  const sign = min < 0 ? '-' : '+';
  const a = Math.abs(min);
  return `${sign}${pad(Math.floor(a / 60))}:${pad(a % 60)}`;
}

/** ISO 8601: full timestamp with offset when a time is known, else YYYY-MM-DD / YYYY-MM / YYYY. */
export function formatDate(p: DateParts, timezone: string): string {
  const date = [pad(p.year, 4), p.month !== undefined ? pad(p.month) : undefined, p.day !== undefined ? pad(p.day) : undefined]
    .filter((x) => x !== undefined)
    .join('-');
  if (p.hour === undefined || p.day === undefined || p.month === undefined) return date;
  const minute = p.minute ?? 0;
  const second = p.second ?? 0;
  const offset = p.offsetMinutes ?? zoneOffsetForLocal(timezone, p.year, p.month, p.day, p.hour, minute, second);
  return `${date}T${pad(p.hour)}:${pad(minute)}:${pad(second)}${formatOffset(offset)}`;
}
