/** Date formatting for the demo site: Beijing time for Chinese pages, US Eastern for English ones. */

const BEIJING_OFFSET_MS = 8 * 3600_000;
const pad = (n: number): string => String(n).padStart(2, '0');

export interface DateParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** Wall-clock parts in Beijing time (UTC+8, no DST). */
export function beijingParts(ms: number): DateParts {
  const d = new Date(ms + BEIJING_OFFSET_MS);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  };
}

/** `2025-10-12T23:41:00+08:00` */
export function beijingIso(ms: number): string {
  const p = beijingParts(ms);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}+08:00`;
}

/** `2025-10-12 23:41:00` */
export function beijingDisplay(ms: number): string {
  const p = beijingParts(ms);
  return `${p.year}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}`;
}

/** `2025年10月12日 23:41` */
export function beijingPortalDisplay(ms: number): string {
  const p = beijingParts(ms);
  return `${p.year}年${pad(p.month)}月${pad(p.day)}日 ${pad(p.hour)}:${pad(p.minute)}`;
}

/** `2025-10-12T15:41:00Z` */
export function utcIso(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

const EASTERN = new Intl.DateTimeFormat('en-US', {
  timeZone: 'America/New_York',
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  weekday: 'long',
  hour: 'numeric',
  minute: '2-digit',
  hour12: true,
});

export interface EasternParts {
  year: number;
  monthName: string;
  month: number;
  day: number;
  weekday: string;
  /** `4:05 PM` */
  time: string;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export function easternParts(ms: number): EasternParts {
  const parts = Object.fromEntries(EASTERN.formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
  const monthName = parts.month ?? 'January';
  return {
    year: Number(parts.year),
    monthName,
    month: MONTHS.indexOf(monthName) + 1,
    day: Number(parts.day),
    weekday: parts.weekday ?? 'Monday',
    time: `${parts.hour}:${parts.minute} ${parts.dayPeriod}`,
  };
}

/** `March 3, 2025 4:05 PM ET` */
export function easternDisplay(ms: number): string {
  const p = easternParts(ms);
  return `${p.monthName} ${p.day}, ${p.year} ${p.time} ET`;
}

/** `March 3, 2025` */
export function easternDateOnly(ms: number): string {
  const p = easternParts(ms);
  return `${p.monthName} ${p.day}, ${p.year}`;
}

/** RFC 1123 date for HTTP headers and RSS `pubDate`. */
export function httpDate(ms: number): string {
  return new Date(ms).toUTCString();
}

export { pad };
