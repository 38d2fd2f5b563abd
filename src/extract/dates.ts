/**
 * Parsing one date string into parts, and formatting parts as ISO 8601. Handles ISO/RFC forms, Chinese
 * numeric and 年月日 forms, slashed d/m or m/d, English month names (machine values, chrono-node and URLs: dates-machine.ts).
 * Callers pass short, whitespace-collapsed strings, so every regex here runs on bounded input.
 */
import { zoneFromAbbreviation, zoneOffsetForLocal } from './timezone.js';
import { parseRelative, to24h } from './relative.js';
import { parseEuropeanDate, parseShortYearDate } from './dates-eu.js';
import { EN_DM, EN_DMY, EN_MD, EN_MDY, EN_TIME_FIRST, MONTHS } from './dates-en.js';
import { shortDateOrder, slashDayFirst, withTimeBefore, yearBeforeNow, yearOfMonthDay } from './dates-reading.js';
import { withArabicDay } from './dates-zh.js';

export { dayFirstLanguage } from './dates-reading.js';

export { formatDate, isPlausible, MAX_YEAR, precisionOf, type DateContext, type DateParts } from './dates-parts.js';
import { isPlausible, MAX_YEAR, type DateContext, type DateParts } from './dates-parts.js';

function parseZone(z: string | undefined, p: DateParts, ctx: DateContext): number | undefined {
  if (!z) return undefined;
  const s = z.trim().replace(/^\(|\)$/g, '');
  if (s === 'Z' || s === 'z') return 0;
  const num = /^(?:GMT|UTC)?\s*([+-])(\d{1,2}):?(\d{2})?$/i.exec(s);
  if (num) return (num[1] === '-' ? -1 : 1) * (Number(num[2]) * 60 + Number(num[3] ?? 0));
  const abbr = zoneFromAbbreviation(s, ctx);
  if (typeof abbr === 'number') return abbr;
  if (typeof abbr === 'string' && p.month !== undefined && p.day !== undefined) {
    return zoneOffsetForLocal(abbr, p.year, p.month, p.day, p.hour ?? 12, p.minute ?? 0, 0);
  }
  return undefined;
}

/** A zone abbreviation's offset on the parts' day ("BST", "PDT", "JST"), for a clock printed before its date. */
function zoneReader(ctx: DateContext): (abbr: string, p: DateParts) => number | undefined {
  return (abbr, p) => parseZone(abbr, p, ctx);
}

/** Chinese zone names written before the date: "北京时间2025年10月12日 23:41". */
const ZONE_BEFORE = /((?:北京|香港|台北|澳门|东京|首尔|美东|美国东部|美西|美国西部|伦敦|巴黎|莫斯科)时间)\s*[:：]?\s*$/;

function withZoneBefore(p: DateParts, text: string, index: number, ctx: DateContext): DateParts {
  if (p.hour === undefined || p.offsetMinutes !== undefined || index === 0) return p;
  const m = ZONE_BEFORE.exec(text.slice(Math.max(0, index - 10), index));
  if (!m) return p;
  const off = parseZone(m[1], p, ctx);
  return off === undefined ? p : { ...p, offsetMinutes: off };
}

const TIME = String.raw`(?:(上午|下午|晚上|凌晨|早上|中午|[AaPp]\.?[Mm]\.?(?=\s?\d))\s?)?(\d{1,2})\s?[:：时時点點]\s?(\d{1,2})(?:\s?[:：分]\s?(\d{1,2})(?:\.\d{1,9})?)?\s?([AaPp]\.?[Mm]\.?)?(?:\s?[(（]?(Z|[+-]\d{2}:?\d{2}|(?:GMT|UTC)\s?[+-]\d{1,2}(?::?\d{2})?|[A-Z]{2,4}\b|(?:北京|香港|台北|东京|美东|美国东部)时间)[)）]?)?`;
/**
 * A zone named between the date and its clock ("2012年12月10日, 格林尼治标准时间10:41", BBC 中文; "…日 北京时间10:41"):
 * the clock is read in it (zoneBetween).
 */
const ZONE_BETWEEN = /(格林[尼威]治(?:标准|標準)?(?:时间|時間)|(?:北京|香港|台北|澳门|东京|首尔|美东|美国东部|美西|美国西部|伦敦|巴黎|莫斯科)时间)\s?[:：]?\s?\d/;
/**
 * A weekday between a day and its clock: "星期五", "周五", or bracketed ("(星期五)", "（週五）", "(五)" — Taiwanese and
 * Hong Kong info lines print "2024年5月10日(星期五) 08:17", "2024/05/10(五) 15:05").
 */
const WEEKDAY_ZH = String.raw`(?:[(（]\s?(?:星期|周|週|禮拜|礼拜)?[一二三四五六日天]\s?[)）]|星期.|周.|週.|禮拜.|礼拜.)`;
/**
 * The Nordic clock marker between a date and its clock, in any case ("02/02/2025 KL. 09:00", Danish and Norwegian
 * papers; Finnish klo): only ever before the clock's digits, so "kl" as a word is left alone.
 */
const CLOCK_MARKER = String.raw`(?:[Kk][Ll](?:\.|[Oo])?(?![A-Za-z])\s?)?`;
/** 2025-10-12 23:41:00 · 2025/10/12 · 2025.10.12 · 2025年10月12日 23:41 · 2025-10-12T15:41:00Z */
const YMD = new RegExp(String.raw`(?<!\d)((?:19|20)\d{2})\s?(?:[-/.•·]|年)\s?(\d{1,2})\s?(?:[-/.•·]|月)\s?(\d{1,2})(?!\d)\s?日?(?:\s?(?:T|\s|,|[|｜])?\s?${WEEKDAY_ZH}?\s?(?:格林[尼威]治(?:标准|標準)?(?:时间|時間)|(?:北京|香港|台北|澳门|东京|首尔|美东|美国东部|美西|美国西部|伦敦|巴黎|莫斯科)时间)?\s?[:：]?\s?${CLOCK_MARKER}${TIME})?`);

/**
 * The two separators of a year-first date agree ("2020.12.30", "2020年12月30日"): a year followed by another number
 * written differently is something else beside it — "March 5, 2020 • 12.30K views" (a count of views), "05.03.2020 •
 * 10.20 Uhr" (the clock) — never December 30th or October 20th.
 */
const YMD_SEPARATORS = /^\d{4}\s?([-/.•·年])\s?\d{1,2}\s?([-/.•·月])/;
function consistentSeparators(matched: string): boolean {
  const s = YMD_SEPARATORS.exec(matched);
  return !s || s[1] === s[2] || (s[1] === '年' && s[2] === '月');
}

function zoneBetween(p: DateParts, matched: string, ctx: DateContext): DateParts {
  if (p.hour === undefined || p.offsetMinutes !== undefined) return p;
  const z = ZONE_BETWEEN.exec(matched);
  const off = z ? parseZone(z[1].replace(/時間$/, '时间').replace(/標準/, '标准'), p, ctx) : undefined;
  return off === undefined ? p : { ...p, offsetMinutes: off };
}
/** 20251012 or 20251012T234100 (URLs and compact meta). */
const COMPACT = /(?<!\d)((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?:T?([01]\d|2[0-3])([0-5]\d)([0-5]\d)?)?(?!\d)/;
/** 7/5/2005 9:23:57 PM (US month first unless the first number cannot be a month). */
const MDY = new RegExp(String.raw`(?<![\d/])(\d{1,2})/(\d{1,2})/((?:19|20)\d{2})(?!\d)(?:\s?[,|–-]?\s?${CLOCK_MARKER}${TIME})?`);
/** 10月11日 (year from context). */
const MD_CN = new RegExp(String.raw`(?<![\d年]\s?)(?<!\d)(\d{1,2})月(\d{1,2})日(?:\s?${TIME})?`);
/** 10-08 14:20 (year from context): only a short text that starts with it, since bare n-n is often a score or range. */
const MD_DASH = new RegExp(String.raw`^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(?![\d-])(?:\s?${TIME})?`);
/** 作者：张三 10-08 14:20 · 10/08 14:20: a year-less month-day anywhere in the text, when a time of day follows it. */
const MD_TIME = new RegExp(String.raw`(?<![\d/.-])(0?[1-9]|1[0-2])[-/](0?[1-9]|[12]\d|3[01])\s+(\d{1,2}):(\d{2})(?::(\d{2}))?(?![\d:/-])`);
const HAS_YEAR = /(?:19|20)\d\d/;
/** 1998年3月 (month precision). */
const YM_CN = /(?<!\d)((?:19|20)\d{2})年(\d{1,2})月(?!\d)/;

function fromTimeGroups(p: DateParts, g: Array<string | undefined>, zoneCtx: DateContext): DateParts {
  const [cnMarker, h, mi, s, ampm, zone] = g;
  if (h === undefined || mi === undefined) return p;
  const out: DateParts = { ...p, hour: to24h(Number(h), ampm ?? cnMarker), minute: Number(mi) };
  if (s !== undefined) out.second = Number(s);
  const off = parseZone(zone, out, zoneCtx);
  if (off !== undefined) out.offsetMinutes = off;
  return out;
}

function fromEnglishTime(p: DateParts, g: Array<string | undefined>, zoneCtx: DateContext): DateParts {
  const [h, mi, s, ampm, zone] = g;
  // A bare number after the year is not a time unless it has minutes or am/pm.
  if (h === undefined || (mi === undefined && ampm === undefined)) return p;
  const out: DateParts = { ...p, hour: to24h(Number(h), ampm), minute: Number(mi ?? 0) };
  if (s !== undefined) out.second = Number(s);
  const off = parseZone(zone, out, zoneCtx);
  if (off !== undefined) out.offsetMinutes = off;
  return out;
}

export function valid(p: DateParts): DateParts | undefined {
  if (!isPlausible(p)) {
    // A broken time must not throw away a good date.
    const { year, month, day } = p;
    const dateOnly: DateParts = { year, month, day };
    return p.hour !== undefined && isPlausible(dateOnly) ? dateOnly : undefined;
  }
  return p;
}

/** "Sep 16" or "16 September" (EN_MD / EN_DM) with an optional clock, in the latest `year` that is not ahead of the clock. */
function yearlessDay(text: string, year: number, ctx: DateContext): DateParts | undefined {
  const md = EN_MD.exec(text);
  const dm = md ? null : EN_DM.exec(text);
  const m = md ?? dm;
  if (!m) return undefined;
  const [monthName, day] = md ? [m[1], +m[2]] : [m[2], +m[1]];
  const month = MONTHS[monthName.slice(0, 3).toLowerCase()];
  return valid(fromEnglishTime({ year: yearBeforeNow(year, month, day, ctx.now ?? ctx.clock), month, day }, [m[3], m[4], undefined, m[5], undefined], ctx));
}

/**
 * A Republic of China year (Taiwan: 民國112年 = 2023), with 年月日 or dashes: read as such after 民國, or on a page
 * in Taiwan's Chinese (zh-TW), where a two- or three-digit year before 年 can be nothing else.
 */
const ROC_DATE = new RegExp(String.raw`(?<!\d)(民國|民国)?\s?(\d{2,3})\s?(?:年|[-/.])\s?(\d{1,2})\s?(?:月|[-/.])\s?(\d{1,2})(?!\d)\s?日?(?:\s?${TIME})?`);
const ROC_YEAR_OFFSET = 1911;

function rocDate(text: string, ctx: DateContext): DateParts | undefined {
  const m = ROC_DATE.exec(text);
  if (!m) return undefined;
  // A three-digit year (79–129 by the range below) is the era's or nobody's: on a Chinese page not declared mainland
  // (zh-CN, zh-Hans), or on a clock set to Taipei, "發布日期：111/07/01" is read without a declared zh-TW (Taiwanese
  // sites often declare plain zh or nothing, and the language guess from the text is plain zh).
  const taiwan = m[1] !== undefined || /^zh-(?:tw|hant-tw)\b/i.test(ctx.lang ?? '') || (m[2].length === 3 && (ctx.timezone === 'Asia/Taipei' || /^zh(?:$|-(?:hant|hk|mo)\b)/i.test(ctx.lang ?? '')));
  const year = +m[2] + ROC_YEAR_OFFSET;
  // A dashed form ("112-03-02") only with the era named or on a Taiwanese page; years 1990–2040 only.
  if (!taiwan || year < 1990 || year > 2040) return undefined;
  return valid(fromTimeGroups({ year, month: +m[3], day: +m[4] }, m.slice(5, 11), ctx));
}

/** The first date in `text` (short, whitespace-collapsed), or undefined. */
const FULL_WIDTH_DIGIT = /[\uff10-\uff19]/;
/** Full-width digits, colon, slash, hyphen, full stop and the ideographic space as their ASCII forms. */
const FULL_WIDTH_FORMS = /[\uff10-\uff19\uff1a\uff0f\uff0d\uff0e\u3000]/g;

function halfWidth(text: string): string {
  return text.replace(FULL_WIDTH_FORMS, (c) => (c === '\u3000' ? ' ' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
}

export function parseDateText(text: string, ctx: DateContext): DateParts | undefined {
  if (!text || text.length > 400) return undefined;
  // "２０２１年１０月８日　０９：１５", also beside ASCII digits ("２０２１年１０月８日 09:15", a script-filled clock):
  // full-width digits (older portals, government notices) read as ASCII ones.
  if (FULL_WIDTH_DIGIT.test(text)) text = halfWidth(text);
  // Every form below but the relative one needs an ASCII digit (\d, HAS_YEAR): one scan spares texts without any
  // (most lines of a page) the regexes that may start at every character.
  if (!HAS_DIGIT.test(text)) {
    // "二〇二二年七月一日": the day in Chinese numerals (official documents, some papers' mastheads).
    const arabic = text.length <= 120 ? withArabicDay(text) : undefined;
    return arabic ? parseDateText(arabic, ctx) : relativeDate(text, ctx);
  }
  let m = YMD.exec(text);
  if (m && consistentSeparators(m[0])) {
    const p = fromTimeGroups({ year: +m[1], month: +m[2], day: +m[3] }, m.slice(4, 10), ctx);
    const ok = valid(p);
    if (ok) return withZoneBefore(withTimeBefore(zoneBetween(ok, m[0], ctx), text, m.index, 'any', zoneReader(ctx)), text, m.index, ctx);
  }
  m = COMPACT.exec(text);
  if (m) {
    const p: DateParts = { year: +m[1], month: +m[2], day: +m[3] };
    if (m[4] !== undefined) Object.assign(p, { hour: +m[4], minute: +m[5] }, m[6] ? { second: +m[6] } : {});
    const ok = valid(p);
    if (ok) return ok;
  }
  m = EN_TIME_FIRST.exec(text);
  if (m) {
    const ok = valid(fromEnglishTime({ year: +m[7], month: MONTHS[m[5].slice(0, 3).toLowerCase()], day: +m[6] }, [m[1], m[2], undefined, m[3], m[4]], ctx));
    if (ok) return ok;
  }
  m = EN_MDY.exec(text);
  if (m) {
    const ok = valid(fromEnglishTime({ year: +m[3], month: MONTHS[m[1].slice(0, 3).toLowerCase()], day: +m[2] }, m.slice(4, 9), ctx));
    // "11:00 AM PDT • May 16, 2024", "11:48, Thu, Jul 18, 2024": the clock first.
    if (ok) return withTimeBefore(ok, text, m.index, 'none', zoneReader(ctx));
  }
  m = EN_DMY.exec(text);
  if (m) {
    const ok = valid(fromEnglishTime({ year: +m[3], month: MONTHS[m[2].slice(0, 3).toLowerCase()], day: +m[1] }, m.slice(4, 9), ctx));
    // "14:00, 28 Apr 2024": some British templates print the clock first.
    if (ok) return withTimeBefore(ok, text, m.index, 'comma', zoneReader(ctx));
  }
  // Only texts with a four-digit year can hold a European form (a cheap test before the Unicode-aware regexes).
  const eu = HAS_YEAR.test(text) ? parseEuropeanDate(text, valid) : undefined;
  if (eu) return eu;
  m = MDY.exec(text);
  if (m) {
    let [month, day] = slashDayFirst(+m[1], +m[2], +m[3], ctx) ? [+m[2], +m[1]] : [+m[1], +m[2]];
    if (month > 12 && day <= 12) [month, day] = [day, month];
    const ok = valid(fromTimeGroups({ year: +m[3], month, day }, m.slice(4, 10), ctx));
    if (ok) return withZoneBefore(ok, text, m.index, ctx);
  }
  const short = parseShortYearDate(text, shortDateOrder(ctx), MAX_YEAR, valid, ctx.urlDay?.year ?? ctx.contextYear, ctx.urlDay);
  if (short) return short;
  if (ctx.contextYear !== undefined) {
    m = MD_CN.exec(text);
    if (m) {
      const ok = valid(fromTimeGroups({ year: yearOfMonthDay(ctx.contextYear, +m[1], +m[2], ctx), month: +m[1], day: +m[2] }, m.slice(3, 9), ctx));
      if (ok) return withZoneBefore(ok, text, m.index, ctx);
    }
    m = text.length <= 40 ? MD_DASH.exec(text) : null;
    if (m) {
      const ok = valid(fromTimeGroups({ year: yearOfMonthDay(ctx.contextYear, +m[1], +m[2], ctx), month: +m[1], day: +m[2] }, m.slice(3, 9), ctx));
      if (ok) return ok;
    }
    const yearless = text.length <= 40 && ctx.yearless ? yearlessDay(text, ctx.contextYear, ctx) : undefined;
    if (yearless) return yearless;
    m = text.length <= 120 ? MD_TIME.exec(text) : null;
    if (m) {
      const ok = valid(fromTimeGroups({ year: yearOfMonthDay(ctx.contextYear, +m[1], +m[2], ctx), month: +m[1], day: +m[2] }, [undefined, m[3], m[4], m[5]], ctx));
      if (ok && ok.hour !== undefined) return ok;
    }
  }
  const roc = rocDate(text, ctx);
  if (roc) return roc;
  m = YM_CN.exec(text);
  if (m) return valid({ year: +m[1], month: +m[2] });
  return relativeDate(text, ctx);
}

const HAS_DIGIT = /\d/;

/** "3 hours ago", "昨天", "yesterday": read only with the caller's clock. */
function relativeDate(text: string, ctx: DateContext): DateParts | undefined {
  if (ctx.now && text.length <= 80) {
    const rel = parseRelative(text, ctx.now, ctx.timezone);
    if (rel) return valid(rel);
  }
  return undefined;
}
