/**
 * The keys titles are compared by: lower-cased, full-width forms and quotes unified, spaces collapsed (key) or
 * removed (squashKey), and whether what a heading adds to a title is only a date stamp (isDateStamp, on a squashKey).
 * title-text.ts cuts and tidies a title's text; this is how two titles are told the same.
 */
import { collapseSpace } from './text.js';

/** Private-use code points (GBK user-defined area) and decorations around headlines. */
export const TITLE_NOISE = /[\ue000-\uf8ff]/g;

/** Text as compared: lower-case, quotes unified away, spaces collapsed (kept, they delimit site names). */
export function key(s: string): string {
  return collapseSpace(halfWidth(s.replace(TITLE_NOISE, ''))).toLowerCase().replace(/[“”"'‘’「」『』]/g, '');
}
/**
 * Full-width ASCII forms ("？", "，", "：", "１") as their ASCII characters: a headline set with half-width punctuation
 * on the page and full-width in <title> (or the other way round) is the same headline.
 */
const halfWidth = (s: string): string => (FULL_WIDTH.test(s) ? s.replace(FULL_WIDTH_ALL, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)) : s);
const FULL_WIDTH = /[\uff01-\uff5e]/;
const FULL_WIDTH_ALL = /[\uff01-\uff5e]/g;
/** Text as compared with every space removed (title-lines.ts matches channel names so). */
export const squashKey = (s: string): string => squashed(s).toLowerCase().replace(SPACE_OR_QUOTE, '');
/**
 * key(s) up to its lower-casing, which must see the spaces (a Greek capital sigma lower-cases by whether a word
 * goes on after it); its quotes and then the spaces are deleted in one replace instead of two.
 */
const squashed = (s: string): string => collapseSpace(halfWidth(s.replace(TITLE_NOISE, '')));
const SPACE_OR_QUOTE = /[ “”"'‘’「」『』]+/g;

/**
 * What a heading adds to a metadata title is only a date or time (squashKey form, no spaces): "2014-04-30 23:54",
 * "【17:52】", or one written with an English month name, "Dec 18 2025", "January 1, 2025", "18 Dec 2025" (a blog's
 * <time> inside its h1, a date line swallowed by an unclosed h1). A month name needs a day with it: "(January 2025)"
 * or a bare "March" may be the headline's own words.
 */
export function isDateStamp(k: string): boolean {
  if (/^(?=.*\d)[\d\s:：/.年月日时分【】[\]()（）-]+$/.test(k)) return NUMERIC_DATE.test(k);
  return MONTH_DAY.test(k) || DAY_MONTH.test(k);
}
/**
 * The numbers make a date or a clock: a time ("17:52"), a 4-digit year with a month or day beside it ("2014-04-30",
 * "30.04.2014"), or 年/月/日. Not a lone number or a bare year ("Year in Review 2024", "iPhone 17", "9/11:"): those
 * are the headline's own.
 */
const NUMERIC_DATE = /\d{1,2}\s*[:：]\s*\d{2}(?!\d)|\d{4}\s*[-/.]\s*\d{1,2}|\d{1,2}\s*[-/.]\s*\d{4}|\d\s*[年月日]/;
const MONTHS = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const WEEKDAY = '(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]{0,6}\\.?,?)?';
const CLOCK = '(?:[-,@|·•]?(?:at)?\\d{1,2}:\\d{2}(?::\\d{2})?(?:am|pm)?)?';
const MONTH_DAY = new RegExp(`^[([]?${WEEKDAY}${MONTHS}\\.?(?:0?[1-9]|[12]\\d|3[01])(?:st|nd|rd|th)?,?(?:\\d{4})?${CLOCK}[)\\]]?$`);
const DAY_MONTH = new RegExp(`^[([]?${WEEKDAY}(?:0?[1-9]|[12]\\d|3[01])(?:st|nd|rd|th)?${MONTHS}\\.?,?(?:\\d{4})?${CLOCK}[)\\]]?$`);
