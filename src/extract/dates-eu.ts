/**
 * European date forms that dates.ts's English and Chinese patterns miss: day-first dotted numbers (`15.2.2018`,
 * `01.11.2023, 14:30 Uhr`) and a day before a month name in German, French, Spanish, Italian, Dutch, Portuguese,
 * the Nordic languages, Polish, Czech, Turkish, Finnish or Romanian (`6. August 2009`, `13. Januar 2014`,
 * `3 février 2021`, `5 de marzo de 2020`, `3 maja 2024`, `12. října 2023`, `4 Mayıs 2025`, `5. toukokuuta 2024`), and numeric
 * dates with a two-digit year (`25.4.24`, `10/13/16 12:34PM`). Month names are looked up by
 * their accent-free spelling and by unambiguous abbreviation (`Jan.`, `Okt.`, `févr.`), not listed per language
 * twice. Inputs are short, whitespace-collapsed strings (the callers' bound), so the regexes run on bounded text.
 */
import type { DateParts } from './dates-parts.js';

const NAMES: Array<[number, string[]]> = [
  [1, ['januar', 'janner', 'janvier', 'enero', 'gennaio', 'januari', 'janeiro', 'january']],
  [2, ['februar', 'fevrier', 'febrero', 'febbraio', 'februari', 'fevereiro', 'feber', 'february']],
  [3, ['marz', 'mars', 'marzo', 'maart', 'marco', 'march']],
  [4, ['april', 'avril', 'abril', 'aprile']],
  [5, ['mai', 'mayo', 'maggio', 'mei', 'maio', 'may']],
  [6, ['juni', 'juin', 'junio', 'giugno', 'junho', 'june']],
  [7, ['juli', 'juillet', 'julio', 'luglio', 'julho', 'july']],
  [8, ['august', 'aout', 'agosto', 'augustus']],
  [9, ['september', 'septembre', 'septiembre', 'setiembre', 'settembre', 'setembro']],
  [10, ['oktober', 'octobre', 'octubre', 'ottobre', 'outubro', 'october']],
  [11, ['november', 'novembre', 'noviembre', 'novembro']],
  [12, ['dezember', 'decembre', 'diciembre', 'dicembre', 'december', 'dezembro']],
];
/**
 * Nordic, Polish and Czech (genitive), Turkish, Finnish and Romanian names: looked up in full only, so that the
 * abbreviations above stay unambiguous (Finnish marraskuuta, November, must not make "Mar." ambiguous).
 */
const FULL_ONLY_NAMES: Array<[number, string[]]> = [
  [1, ['stycznia', 'ledna', 'ocak', 'tammikuuta', 'ianuarie']],
  [2, ['lutego', 'unora', 'subat', 'helmikuuta', 'februarie']],
  [3, ['marts', 'marca', 'brezna', 'mart', 'maaliskuuta', 'martie']],
  [4, ['kwietnia', 'dubna', 'nisan', 'huhtikuuta', 'aprilie']],
  [5, ['maj', 'maja', 'kvetna', 'mayis', 'mayıs', 'toukokuuta']],
  [6, ['czerwca', 'cervna', 'haziran', 'kesakuuta', 'iunie']],
  [7, ['lipca', 'cervence', 'temmuz', 'heinakuuta', 'iulie']],
  [8, ['augusti', 'sierpnia', 'srpna', 'agustos', 'elokuuta']],
  [9, ['wrzesnia', 'zari', 'eylul', 'syyskuuta', 'septembrie']],
  [10, ['pazdziernika', 'rijna', 'ekim', 'lokakuuta', 'octombrie']],
  [11, ['listopada', 'listopadu', 'kasim', 'kasım', 'marraskuuta', 'noiembrie']],
  [12, ['desember', 'grudnia', 'prosince', 'aralik', 'aralık', 'joulukuuta', 'decembrie']],
];

const FULL = new Map<string, number>();
for (const [m, names] of [...NAMES, ...FULL_ONLY_NAMES]) for (const n of names) FULL.set(n, m);

// Polish ł and Turkish ı have no decomposition: spelled out so "września"/"Mayıs" look up as written.
const stripAccents = (s: string): string => s.normalize('NFD').replace(/\p{Mn}/gu, '').replace(/ł/g, 'l');

/** Month number for a full name or an abbreviation of at least three letters that only one month's names start with. */
export function monthFromName(word: string): number | undefined {
  const w = stripAccents(word.toLowerCase()).replace(/\.$/, '');
  if (w.length < 3) return undefined;
  const full = FULL.get(w);
  if (full !== undefined) return full;
  let found: number | undefined;
  for (const [m, names] of NAMES) {
    if (!names.some((n) => n.startsWith(w))) continue;
    if (found !== undefined && found !== m) return undefined;
    found = m;
  }
  return found;
}

// Connectors before the clock: German um, French à, Spanish a las, Italian alle / ore, Dutch om, Portuguese às,
// Nordic kl. (also Kl., KL.: "02.02.2025 KL. 09:00"), Finnish klo, Polish godz., Turkish saat, Czech v, or a dash, bar or bullet.
// A clock followed by "min" is a duration ("05.08.2024 03:33 min", a video's length), not the time of day.
// A European zone may follow it ("10:20 CET", "14:05 Uhr MESZ"), GMT and UTC with an offset ("14:05 GMT+2"). The
// minutes end the number: "05.03.2020 • 1.024 Aufrufe" is a count of views, not 01:02.
const TIME = String.raw`(?:\s?,?\s?(?:um|à|a las|alle(?: ore)?|ore|om|às|[Kk][Ll]\.?|[Kk]lo|godz\.|saat|v|-|–|\||•|·)?\s?(\d{1,2})[:.h](\d{2})(?!\d)(?::(\d{2}))?(?!\s?min)(?:\s?(?:Uhr|h))?(?:\s?\(?(CET|CEST|MEZ|MESZ|WET|WEST|EET|EEST|GMT|UTC)(?:\s?([+\-−])(\d{1,2})(?::?(\d{2}))?)?\)?(?![A-Za-z\d+\-−]))?)?`;
/** Offsets of the zones a European clock may name (summer and winter names apart: no DST question). */
const EU_ZONES: Record<string, number> = { CET: 60, MEZ: 60, CEST: 120, MESZ: 120, WET: 0, WEST: 60, EET: 120, EEST: 180, GMT: 0, UTC: 0 };
/** 15.2.2018 · 01.11.2023 14:30 · 1. 11. 2023, 9:05 Uhr (day first: the European order for dots). */
const DMY_DOT = new RegExp(String.raw`(?<![\d.])(\d{1,2})\.\s?(\d{1,2})\.\s?((?:19|20)\d{2})(?![\d.]\d)${TIME}`);
/** 6. August 2009 · 13. Januar 2014 · 3 février 2021 · 5 de marzo de 2020 · 5 de marzo del 2020 · 1er mai 2019 */
const DAY_MONTH_NAME = new RegExp(String.raw`(?<![\p{L}\d])(\d{1,2})(?:\.|er|º|°)?\s?(?:de\s)?(\p{L}{3,12})\.?,?\s(?:del?\s)?((?:19|20)\d{2})(?!\d)${TIME}`, 'u');

const LATIN_WORD = /[A-Za-z\u00c0-\u00ff]{3}/;
/** What both regexes need: the year, as they spell it. */
const HAS_YEAR = /(?:19|20)\d{2}/;

function withTime(p: DateParts, g: Array<string | undefined>): DateParts {
  const [h, mi, s, zone, sign, offsetHours, offsetMinutes] = g;
  if (h === undefined || mi === undefined) return p;
  const out: DateParts = { ...p, hour: Number(h), minute: Number(mi) };
  if (s !== undefined) out.second = Number(s);
  if (zone !== undefined) out.offsetMinutes = EU_ZONES[zone];
  // "GMT+2", "UTC-03:30": the offset from UTC that follows it.
  if (sign !== undefined) out.offsetMinutes = (sign === '+' ? 1 : -1) * (Number(offsetHours) * 60 + Number(offsetMinutes ?? 0));
  return out;
}

/** The first European-form date in `text`, with `valid` deciding plausibility (dates.ts owns it). */
export function parseEuropeanDate(text: string, valid: (p: DateParts) => DateParts | undefined): DateParts | undefined {
  // Cheap gates before the regexes: dotted dates need a dot, month names need Latin letters (most Chinese lines
  // have neither, and this runs on every dated line).
  if (!HAS_YEAR.test(text)) return undefined; // both forms end in a four-digit year (most English lines have none)
  let m = text.includes('.') ? DMY_DOT.exec(text) : null;
  if (m) {
    // "06.18.2025": a second number above 12 is the day, so the site writes the month first.
    const [day, month] = +m[2] > 12 && +m[1] <= 12 ? [+m[2], +m[1]] : [+m[1], +m[2]];
    const ok = valid(withTime({ year: +m[3], month, day }, m.slice(4, 11)));
    if (ok) return ok;
  }
  m = LATIN_WORD.test(text) ? DAY_MONTH_NAME.exec(text) : null;
  if (m) {
    const month = monthFromName(m[2]);
    if (month !== undefined) {
      const ok = valid(withTime({ year: +m[3], month, day: +m[1] }, m.slice(4, 11)));
      if (ok) return ok;
    }
  }
  return undefined;
}

/** 25.4.24 · 27.04.24 um 07:39 Uhr (day first, two-digit year). */
const DMY_DOT_SHORT = new RegExp(String.raw`(?<![\d.])(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{2})(?![\d.]|\.\d)${TIME}`);
/** 10/13/16 12:34PM (US) · 13/10/16, 12:34 (day first): a two-digit year after slashes. */
const SLASH_SHORT = /(?<![\d/])(\d{1,2})\/(\d{1,2})\/(\d{2})(?![\d/])(?:\s?[,|-]?\s?(\d{1,2}):(\d{2})\s?([AaPp]\.?[Mm]\.?)?)?/;

/** 23-10-08 14:30: a two-digit year before dashes, read only with the clock after it (bare "23-10-08" may be a code). */
const DASH_SHORT = /(?<![\d-])(\d{2})-(\d{1,2})-(\d{1,2})(?![\d-])\s{1,2}(\d{1,2}):(\d{2})(?::(\d{2}))?(?![\d:])/;

/** 24 → 2024, 98 → 1998: the century that keeps the year out of the future. */
function fullYear(yy: number, maxYear: number): number {
  return 2000 + yy <= maxYear ? 2000 + yy : 1900 + yy;
}

/** Which number a two-digit-year date opens with: the day (Europe), the month (US) or the year (China, Japan, Korea). */
export type ShortDateOrder = 'day' | 'month' | 'year';

/** Is the match the whole text (but for surrounding space)? */
function isWholeText(m: RegExpExecArray, text: string): boolean {
  return m[0].trim().length === text.trim().length;
}

/**
 * The reading year first, when the match may open with a two-digit year (parseShortYearDate's conventions). A module
 * function, not a closure built (and, under tsx, named) at every call of parseShortYearDate.
 */
function yearOpens(m: RegExpExecArray, first: ShortDateOrder, maxYear: number, pageYear: number | undefined): DateParts | undefined {
  // A one-digit first number ("3/5/24") is no two-digit year, whatever the convention.
  if (!(+m[1] > 31 || (first === 'year' && m[1].length === 2))) return undefined;
  const p = yearFirst(m, maxYear);
  // The page's own year (its URL's, or the context's) settles an ambiguous one: "05/11/22" under /2022/05/11/.
  if (p && +m[1] <= 31 && pageYear !== undefined && p.year !== pageYear && fullYear(+m[3], maxYear) === pageYear) return undefined;
  return p;
}

/** 22/01/07 · 22.01.07 as year, month, day: valid only with a month and day in range, else undefined. */
function yearFirst(m: RegExpExecArray, maxYear: number): DateParts | undefined {
  const [yy, month, day] = [+m[1], +m[2], +m[3]];
  return month >= 1 && month <= 12 && day >= 1 && day <= 31 ? { year: fullYear(yy, maxYear), month, day } : undefined;
}

/**
 * A numeric date with a two-digit year ("25.4.24", "10/13/16 12:34PM"): read only when a clock follows it or it is
 * the whole text (a date line of its own), since "1.2.24" in prose may be a version or a score. The page's
 * convention (`first`, from its language, region or URL) says which number opens it; a first number that can be
 * no day (32–99: "98/01/07") is the year whatever the page, and a first number that can be no month is the day.
 * Read year first where that convention is the rule (`first` is 'year', a two-digit first number) and the reading
 * is a real date, unless the other reading falls in `pageYear` (the URL's or the context's year) and it does not;
 * a slashed date naming the URL's day (`pageDay`) is read in the order that makes it that day.
 */
export function parseShortYearDate(
  text: string,
  first: ShortDateOrder,
  maxYear: number,
  valid: (p: DateParts) => DateParts | undefined,
  pageYear?: number,
  pageDay?: DateParts,
): DateParts | undefined {
  let m = text.includes('.') ? DMY_DOT_SHORT.exec(text) : null;
  if (m && (m[4] !== undefined || isWholeText(m, text))) {
    const ok = valid(withTime(yearOpens(m, first, maxYear, pageYear) ?? { year: fullYear(+m[3], maxYear), month: +m[2], day: +m[1] }, m.slice(4, 11)));
    if (ok) return ok;
  }
  m = text.includes('/') ? SLASH_SHORT.exec(text) : null;
  if (m && (m[4] !== undefined || isWholeText(m, text))) {
    let [month, day] = first === 'day' ? [+m[2], +m[1]] : [+m[1], +m[2]];
    if (month > 12 && day <= 12) [month, day] = [day, month];
    // The URL's day settles the order where it names this very day ("01/07/22" under /2022/07/01/ is 1 July).
    if (pageDay?.day !== undefined && pageDay.year === fullYear(+m[3], maxYear)) {
      if (+m[1] === pageDay.day && +m[2] === pageDay.month) [month, day] = [+m[2], +m[1]];
      else if (+m[1] === pageDay.month && +m[2] === pageDay.day) [month, day] = [+m[1], +m[2]];
    }
    let hour = m[4] !== undefined ? +m[4] : undefined;
    const ampm = m[6]?.toLowerCase().replace(/\./g, '');
    if (hour !== undefined && ampm === 'pm' && hour < 12) hour += 12;
    if (hour !== undefined && ampm === 'am' && hour === 12) hour = 0;
    const p: DateParts = yearOpens(m, first, maxYear, pageYear) ?? { year: fullYear(+m[3], maxYear), month, day };
    const ok = valid(hour !== undefined ? { ...p, hour, minute: +m[5] } : p);
    if (ok) return ok;
  }
  m = text.includes('-') ? DASH_SHORT.exec(text) : null;
  if (m) {
    // Year first only (where the page writes years first, or the first number can be no day), and only this
    // century's years up to the page's own: "23-10-08 14:30" under a 2022 context is no date of 2023.
    const year = 2000 + +m[1];
    const yearFirstHere = first === 'year' || +m[1] > 31;
    if (yearFirstHere && year <= maxYear && (pageYear === undefined || year <= pageYear)) {
      const ok = valid({ year, month: +m[2], day: +m[3], hour: +m[4], minute: +m[5], ...(m[6] !== undefined ? { second: +m[6] } : {}) });
      if (ok) return ok;
    }
  }
  return undefined;
}
