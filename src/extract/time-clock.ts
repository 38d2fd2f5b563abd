/**
 * Whether a candidate's clock is one the page shows as text (TimeCandidate.textClock): its hh:mm in the candidate's
 * line, or in a clock-only line beside it. Such a zone-less clock is on the page's clock, not a server's.
 */
import type { DateParts } from './dates.js';
import type { PageZones } from './page-lines.js';

/**
 * Does the text (or, for a clock joined from the next or previous line, that line) show the parts' hh:mm: "10:20",
 * "10h20", "10.20 Uhr", "10:20 PM" for 22:20, "14时20分"?
 */
export function clockIn(parts: DateParts, text: string | undefined, line: number | undefined, zones: PageZones): boolean {
  if (parts.hour === undefined || parts.minute === undefined || text === undefined) return false;
  const mm = String(parts.minute).padStart(2, '0');
  const clock = clockPattern(parts.hour, parts.minute, mm);
  // Every match ends in the minutes: a text without them is spared the regex.
  if (text.includes(mm) && clock.test(text)) return true;
  return line !== undefined && [line - 1, line + 1].some((j) => zones.lines[j] !== undefined && zones.lines[j].text.length <= 8 && clock.test(zones.lines[j].text));
}

/** clockIn's regex per hour and minute, built once (at most 24 × 60 of them). */
const CLOCKS = new Map<string, RegExp>();
function clockPattern(hour: number, minute: number, mm: string): RegExp {
  const key = `${hour}:${minute}`;
  let clock = CLOCKS.get(key);
  if (clock === undefined) {
    const hours = new Set([hour, hour % 12 === 0 ? 12 : hour % 12]);
    clock = new RegExp(String.raw`(?<!\d)0?(?:${[...hours].join('|')})\s?(?:[:.hH时時点點]|Uhr)\s?${mm}(?!\d)`);
    if (CLOCKS.size < 10_000) CLOCKS.set(key, clock);
  }
  return clock;
}
