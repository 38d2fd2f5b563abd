/**
 * English dates with month names, as regexes parseDateText (dates.ts) runs: "March 3, 2025 4:05 PM ET", "4:05 PM EDT,
 * September 22, 2025", "3 Mar 2025 16:05 GMT", and year-less "Sep 16" / "16 September" at a line's start.
 */
import { ZONE_ABBREVIATIONS } from './timezone.js';

export const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};
export const MONTH_NAME = String.raw`(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?`;
/** The Latin-letter zone abbreviations timezone.ts knows ("ET", "EST", "CEST"), longest first, as one alternation. */
const ZONE_NAMES = Object.keys(ZONE_ABBREVIATIONS).filter((z) => /^[A-Z]{2,4}$/.test(z)).sort((a, b) => b.length - a.length).join('|');
/**
 * What a bullet may set beside a date as its clock: one marked AM/PM, one followed by a known zone ("• 9:05 ET",
 * "· 9:05 (GMT+2)"), or 24-hour with a two-digit hour ("• 09:05"). "March 5, 2020 • 2:45" or "• 12:45:30" is a
 * video's length; "• 12.30K views" or "• 12.30 views" a count.
 */
const AFTER_BULLET = String.raw`(?=\d{1,2}(?:[:.]\d{2})?\s?[AaPp]\.?[Mm]|\d{1,2}[:.]\d{2}\s?\(?(?:${ZONE_NAMES}|(?:GMT|UTC)[+-])(?![A-Za-z])|\d{2}[:.]\d{2}(?![\d:A-Za-z])(?!\s?(?:[KkMm]\b|views?\b|reads?\b|comments?\b)))`;
/**
 * A year run into its clock, no space between ("April 25, 20232:26 PM GMT+2": Reuters prints date and time in adjacent
 * elements): only a plausible year (1990–2099) followed by h:mm or hh:mm and AM/PM or a zone ends there, so a
 * number run ("in 20232 cases") or a score ("2023 2:1") is never a year and an hour.
 */
const MARKED_CLOCK = String.raw`\d{1,2}:\d{2}(?!\d)\s?(?:[AaPp]\.?[Mm](?![A-Za-z])|\(?(?:${ZONE_NAMES}|(?:GMT|UTC)[+-]\d)(?![A-Za-z]))`;
const CLOCK_RUN = String.raw`(?<=(?:199|20\d)\d)(?=${MARKED_CLOCK})`;
/**
 * A colon between the date and its clock ("November 29, 2016: 3:42 PM ET", CNN): only before an h:mm marked the same
 * way, since after a date's colon usually comes what happened that day ("2016: 3.4 million visitors", "2016: 2:1 win").
 */
const AFTER_COLON = String.raw`(?=${MARKED_CLOCK})`;
/** A four-digit year at a word's end, or run into a clock (CLOCK_RUN). */
const YEAR = String.raw`((?:19|20)\d{2})(?:\b|${CLOCK_RUN})`;
/*
 * An offset after the clock: GMT/UTC with hours (tried first: "GMT" alone is an abbreviation too), an abbreviation, or
 * RFC 2822's four digits ("22:33:19 +0000").
 */
export const EN_TIME = String.raw`(?:(?:\s?(?:at|,|-|–|—|\|)?\s?|\s?[•·]\s?${AFTER_BULLET}|:\s?${AFTER_COLON})(\d{1,2})(?:[:.](\d{2}))?(?::(\d{2}))?\s?([AaPp]\.?[Mm]\.?)?(?:\s?\(?((?:GMT|UTC)[+-]\d{1,2}(?::?\d{2})?|[A-Z]{1,4}|[+-](?:0\d|1[0-4])[0-5]\d(?![\d:]))\)?)?)?`;
/** March 3, 2025 4:05 PM ET · Dec 28 Sat 2013 00:28 (a blog's date widget, weekday between day and year) */
export const EN_MDY = new RegExp(String.raw`\b${MONTH_NAME}\s?(\d{1,2})(?:st|nd|rd|th)?,?\s?(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]{0,6}\.?,?\s)?${YEAR}${EN_TIME}`, 'i');
/** 4:05 PM EDT, September 22, 2025 · 3:05 PM ET, Thu March 5, 2020 (AP style: the time first). */
export const EN_TIME_FIRST = new RegExp(String.raw`(?<![\d:])(\d{1,2}):(\d{2})\s?([AaPp]\.?[Mm]\.?)\s?(?:\(?([A-Z]{2,4})\)?)?,?\s?(?:on\s)?(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]{0,6}\.?,?\s)?${MONTH_NAME}\s?(\d{1,2}),?\s?((?:19|20)\d{2})\b`);
/** 3 Mar 2025 16:05 GMT */
/** After a year-less day: an optional time of day, then no further number ("March 3.5 million", "Jan 4 2024"). */
export const YEARLESS_TAIL = String.raw`(?:,?\s?(?:at\s)?(\d{1,2})[:.](\d{2})\s?([AaPp]\.?[Mm]\.?)?)?(?![\w.,:\-–]?\s?\d)(?!\w)`;
/**
 * A day without its year at the start of a short line ("Sep 16", "Jan 4 · 2 min read", "16 September, 10:30"): blog
 * platforms print the current year's posts so. Read only with a context year (URL, metadata, the fetch clock).
 */
export const EN_MD = new RegExp(String.raw`^${MONTH_NAME}\s?(\d{1,2})(?:st|nd|rd|th)?${YEARLESS_TAIL}`, 'i');
export const EN_DM = new RegExp(String.raw`^(\d{1,2})(?:st|nd|rd|th|\.)?\s?${MONTH_NAME}${YEARLESS_TAIL}`, 'i');
export const EN_DMY = new RegExp(String.raw`\b(\d{1,2})(?:st|nd|rd|th)?\s?(?:of\s)?${MONTH_NAME},?\s?${YEAR}${EN_TIME}`, 'i');
