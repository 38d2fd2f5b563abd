/**
 * How the ambiguous or missing parts of a numeric date are settled (dates.ts): which number of a slashed date is
 * the day, which year a year-less day falls in, and a clock printed before the day.
 */
import type { DateContext, DateParts } from './dates-parts.js';
import type { ShortDateOrder } from './dates-eu.js';
import { to24h } from './relative.js';

const DAY_MS = 86_400_000;

/** Languages whose slashed dates put the day first: all but US (or unmarked) English and the year-first CJK ones. */
export function dayFirstLanguage(lang: string | undefined): boolean {
  if (!lang) return false;
  const l = lang.toLowerCase();
  if (l === 'en' || l === 'en-us' || /^(?:zh|ja|ko)\b/.test(l)) return false;
  return true;
}

const HK_MO_SG = /^zh(?:-hant)?-(?:hk|mo|sg)\b/i;
const HK_MO_SG_ZONE = /^Asia\/(?:Hong_Kong|Macau|Singapore)$/;

/** Is a slashed a/b/year day-first here? The URL's day decides when it names one of the two readings. */
export function slashDayFirst(a: number, b: number, year: number, ctx: DateContext): boolean {
  const u = ctx.urlDay;
  if (u && u.year === year && u.day !== undefined) {
    if (u.month === b && u.day === a) return true;
    if (u.month === a && u.day === b) return false;
  }
  // Chinese as written in Hong Kong, Macau and Singapore dates the British way, day first ("01/07/2022" is 1 July):
  // told by the page's region or, for a page declaring plain Chinese, by its clock (a .hk host sets Hong Kong's).
  if (/^zh\b/i.test(ctx.lang ?? '') && (HK_MO_SG.test(ctx.lang!) || HK_MO_SG_ZONE.test(ctx.timezone))) return true;
  return dayFirstLanguage(ctx.lang);
}

/**
 * Which number opens a date with a two-digit year here: Chinese, Japanese and Korean pages write the year first
 * ("22/01/07", "22.01.07" is 7 January 2022), except Chinese as written in Hong Kong, Macau and Singapore, which is
 * day first as slashDayFirst says; other languages as dayFirstLanguage says.
 */
export function shortDateOrder(ctx: DateContext): ShortDateOrder {
  const lang = ctx.lang ?? '';
  if (/^zh\b/i.test(lang) && (HK_MO_SG.test(lang) || HK_MO_SG_ZONE.test(ctx.timezone))) return 'day';
  if (/^(?:zh|ja|ko)\b/i.test(lang)) return 'year';
  return dayFirstLanguage(lang) ? 'day' : 'month';
}

/**
 * A date without a year cannot be in the future: "12月30日" read on 5 January is last December. Two days
 * of slack cover time zones; the year comes back unchanged when there is no clock to compare with.
 */
export function yearBeforeNow(year: number, month: number, day: number, now: Date | undefined): number {
  if (!now) return year;
  const slackMs = 2 * DAY_MS;
  return Date.UTC(year, month - 1, day) > now.getTime() + slackMs ? year - 1 : year;
}

/**
 * The year of a year-less month-day ("10-08 14:30"). When the context year is the URL's and the URL names a day, the
 * two must agree: the month-day within two days of the URL's day, in its year or across a new year ("01-01 00:30"
 * on a /20231231/ page is 2024); a URL day far from it ("01-01" under /20230915/) says nothing of its year, so NaN
 * (which valid() rejects) and the date is left unread. Otherwise the context year, not ahead of the clock.
 */
export function yearOfMonthDay(contextYear: number, month: number, day: number, ctx: DateContext): number {
  const u = ctx.urlDay;
  if (u?.month !== undefined && u.day === undefined && u.year === contextYear) {
    // Across the new year only when that is not ahead of the clock (a page of /2023/12/ read on 10 December).
    const inMonth = yearInUrlMonth(u.year, u.month, month, day);
    return yearBeforeNow(inMonth ?? contextYear, month, day, ctx.now ?? ctx.clock);
  }
  if (u?.month === undefined || u.day === undefined || u.year !== contextYear) return yearBeforeNow(contextYear, month, day, ctx.now ?? ctx.clock);
  const urlTime = Date.UTC(u.year, u.month - 1, u.day);
  for (const year of [u.year, u.year + 1, u.year - 1]) if (Math.abs(Date.UTC(year, month - 1, day) - urlTime) <= 2 * DAY_MS) return year;
  return NaN;
}

/**
 * The year that puts a month-day within the month a URL names (/2023/12/), two days of slack either side: "01-01
 * 00:30" under /2023/12/ is 2024 (published as the year turned), "12-31" under /2024/01/ is 2023. Undefined when no
 * year does (the URL's month says nothing then, and the context year is used as before).
 */
function yearInUrlMonth(urlYear: number, urlMonth: number, month: number, day: number): number | undefined {
  const from = Date.UTC(urlYear, urlMonth - 1, 1) - 2 * DAY_MS;
  const to = Date.UTC(urlYear, urlMonth, 0) + 2 * DAY_MS;
  for (const year of [urlYear, urlYear + 1, urlYear - 1]) {
    const t = Date.UTC(year, month - 1, day);
    if (t >= from && t <= to) return year;
  }
  return undefined;
}

/**
 * A time of day ending the text before a date ("14:30 2023-10-08"): some templates print the clock first, British and
 * agency ones with AM/PM, a zone or the weekday between ("15:56 BST, 27 April 2024", "11:00 AM PDT • May 16, 2024",
 * "11:48, Thu, Jul 18, 2024", "17:41 JST, October 13, 2024"). Groups: hour, minute, second, AM/PM, zone, separator,
 * weekday.
 */
const TIME_BEFORE = /(?<![\d:.])(\d{1,2})[:：]([0-5]\d)(?:[:：]([0-5]\d))?\s?([AaPp]\.?[Mm]\.?)?\s?(?:\(?([A-Z]{2,4})\)?)?\s*([,|·•])?\s*((?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]{0,6}\.?,?\s*)?$/;
/** A Latin word ending the text before the clock, a colon after it allowed ("Listen 4:32", "Kick-off: 15:00"). */
const WORD_BEFORE = /[A-Za-z]\.?\s*:?\s*$/;
/** ...unless it is the publish or update label the clock belongs to ("Published: 15:56 BST", "Updated20:49"). */
const LABEL_BEFORE = /(?:^|[^A-Za-z])(?:(?:first|last)\s?)?(?:published|updated|posted|modified|edited|revised|created)(?:\s(?:on|at))?\s*:?\s*$/i;

/**
 * The date `p` found at `index` with the clock printed before it. Only a clock that says it is one: with AM/PM, a zone
 * `zoneOf` knows or a weekday before the date. A bare clock only as it was read before month-first dates were: before a
 * year-first date with any separator ("14:30 2023-10-08", `bare` 'any'), before a day-first one with nothing but a
 * comma ("14:00, 28 Apr 2024", 'comma'). "Video 3:41 • July 18, 2024",
 * "1:45 | May 16, 2024" are a length. A clock after a word on its line other than a publish or update label is
 * something else's ("Listen 4:32 · Jul 18", "John 3:16, Sunday, May 5", "Kick-off 15:00 GMT, 27 April"); so is a
 * clock followed by a word that is no zone (a name or a label).
 */
export function withTimeBefore(p: DateParts, text: string, index: number, bare: 'any' | 'comma' | 'none', zoneOf: (abbr: string, p: DateParts) => number | undefined = () => undefined): DateParts {
  if (p.hour !== undefined || index === 0) return p;
  const from = Math.max(0, index - 36);
  const m = TIME_BEFORE.exec(text.slice(from, index));
  if (!m) return p;
  const [, h, minute, second, ampm, zone, separator, weekday] = m;
  if (!ampm && !zone && !weekday && (bare === 'none' || (bare === 'comma' && separator !== undefined && separator !== ','))) return p;
  const hour = +h;
  if (ampm ? hour < 1 || hour > 12 : hour > 23) return p;
  const before = text.slice(Math.max(0, from + m.index - 40), from + m.index);
  if (WORD_BEFORE.test(before) && !LABEL_BEFORE.test(before)) return p;
  const out: DateParts = { ...p, hour: to24h(hour, ampm), minute: +minute, ...(second ? { second: +second } : {}) };
  if (zone === undefined) return out;
  const offset = zoneOf(zone, out);
  return offset === undefined ? p : { ...out, offsetMinutes: offset };
}
