/**
 * Dates in machine forms: meta and JSON-LD values and datetime attributes (ISO, Unix stamps, then what chrono-node
 * reads), and the day a URL's path names. The page's own text goes through parseDateText (dates.ts).
 */
// The English locale alone: the package's root module loads every locale, ~0.5 s of each extraction worker's start
// (and of every CLI start) for parsers we never call. Its `strict` is the same parser the root exports.
import { strict as chronoStrict } from 'chrono-node/en';
import type { ParsedResult } from 'chrono-node';
import { MAX_YEAR, parseDateText, valid, type DateContext, type DateParts } from './dates.js';
import { wallClock } from './timezone.js';
import { MONTH_NAME, MONTHS } from './dates-en.js';

/** Machine-readable values (meta content, datetime attributes, JSON-LD): ISO first, then anything chrono reads. */
export function parseMachineDate(value: string, ctx: DateContext): DateParts | undefined {
  const s = value.trim().replace(/\s+/g, ' ');
  if (!s || s.length > 100) return undefined;
  if (/^\d{10}(?:\d{3})?$/.test(s)) {
    // Unix seconds / milliseconds: an instant, shown on the page's own clock (its wall time and that zone's offset),
    // so the day agrees with the dates the page shows and with other candidates.
    const ms = s.length === 13 ? Number(s) : Number(s) * 1000;
    const w = wallClock(ctx.timezone, ms);
    const utc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
    const p: DateParts = { ...w, offsetMinutes: Math.round((utc - Math.floor(ms / 1000) * 1000) / 60000) };
    return valid(p);
  }
  return parseDateText(s, ctx) ?? parseWithChrono(s, ctx);
}

/** chrono-node for the English forms our regexes miss (e.g. "Tuesday 19 November 2019 05.30 GMT"). */
export function parseWithChrono(text: string, ctx: DateContext): DateParts | undefined {
  if (text.length > 200 || !/[A-Za-z]{3}/.test(text) || !/\d{4}/.test(text)) return undefined;
  let results: ParsedResult[];
  try {
    results = chronoStrict.parse(text, new Date(Date.UTC(MAX_YEAR, 0, 1)), { forwardDate: false });
  } catch {
    return undefined;
  }
  for (const r of results) {
    const c = r.start;
    if (!c.isCertain('year') || !c.isCertain('month')) continue;
    const p: DateParts = { year: c.get('year') ?? 0, month: c.get('month') ?? undefined };
    if (c.isCertain('day')) p.day = c.get('day') ?? undefined;
    if (c.isCertain('hour') && p.day !== undefined) {
      p.hour = c.get('hour') ?? 0;
      p.minute = c.get('minute') ?? 0;
      if (c.isCertain('second')) p.second = c.get('second') ?? 0;
      if (c.isCertain('timezoneOffset')) p.offsetMinutes = c.get('timezoneOffset') ?? undefined;
    }
    const ok = valid(p);
    if (ok) return ok;
  }
  return undefined;
}

const URL_NAMED_MONTH = new RegExp(String.raw`(?:^|\/)((?:19|20)\d{2})\/${MONTH_NAME}\/(0?[1-9]|[12]\d|3[01])(?:\/|$)`, 'i');

/** Date in a URL path: /2025/10/12/, /2023/apr/28/, /2025-10-12/, /20251012/, /202510/t20251012_…, /2025/10/, /2025/. */
export function dateFromUrl(url: string): DateParts | undefined {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return undefined;
  }
  const ymd = /(?:^|\/)((?:19|20)\d{2})[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?:\/|$|[^\d])/.exec(path);
  if (ymd) return valid({ year: +ymd[1], month: +ymd[2], day: +ymd[3] });
  // /2023/apr/28/, /2016/November/29/ (The Guardian, The Washington Times): the month by its English name or its
  // abbreviation, never another word that starts like one (/2019/marketing/12/, /2021/junior/5/). An impossible day
  // (/2020/feb/30/) leaves the year to the directory rule below.
  const named = URL_NAMED_MONTH.exec(path);
  const namedDay = named ? valid({ year: +named[1], month: MONTHS[named[2].slice(0, 3).toLowerCase()], day: +named[3] }) : undefined;
  if (namedDay) return namedDay;
  const compact = /(?:^|[/_a-z])((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?:[/_.-]|\d{2,}|$)/i.exec(path);
  if (compact) return valid({ year: +compact[1], month: +compact[2], day: +compact[3] });
  const yyyymmDir = /\/((?:19|20)\d{2})-?(0[1-9]|1[0-2])\/(0?[1-9]|[12]\d|3[01])\//.exec(path) ?? /\/((?:19|20)\d{2})\/(0[1-9]|1[0-2])([0-2]\d|3[01])\//.exec(path);
  if (yyyymmDir) return valid({ year: +yyyymmDir[1], month: +yyyymmDir[2], day: +yyyymmDir[3] });
  const ym = /\/((?:19|20)\d{2})[/-]?(0[1-9]|1[0-2])\//.exec(path);
  if (ym) return valid({ year: +ym[1], month: +ym[2] });
  // A directory that is only a year (/2023/a1.html): it gives the year to a page that prints "10-08 14:30" alone.
  const year = /\/((?:19|20)\d{2})\//.exec(path);
  if (year) return valid({ year: +year[1] });
  return undefined;
}
