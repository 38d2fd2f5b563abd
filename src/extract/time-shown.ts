/**
 * The date a page prints at its headline against a date only its markup states (issue 12). Structured data often
 * keeps the day a page was re-saved, migrated or re-dated ("datePublished": "2025-06-24" on a guide printed "Aug 25,
 * 2024" under its headline). When no line of the page names the structured winner's day and the page prints one
 * published day at the headline, days before it, the printed day is the article's original date.
 * An update printed there ("Updated August 14, 2025") does not replace a structured published date: pages and
 * annotators disagree whether that is the article's date, and the markup's published value is the safer reading.
 */
import type { DateParts } from './dates.js';
import { dayNumber, sameDay } from './dates-parts.js';
import { monthFromName } from './dates-eu.js';
import type { PageZones } from './page-lines.js';
import type { TimeCandidate } from './time-candidates.js';

const TEXT_KINDS = new Set(['element', 'element-weak', 'labelled', 'line']);
const STRUCTURED = new Set(['jsonld', 'meta', 'script']);

/** A printed info line is short: a lede's, standfirst's or caption's sentence that names a day is longer. */
const MAX_LINE = 40;
/** Publish labels a printed date line may carry (anything else on it, "Reviewed", "Member since", "Match day", is another date). */
const PUBLISH_LABEL = /^(?:(?:posted|published|publish date|date|on|dated|created|veröffentlicht|publiziert|erschienen|datum|publié|publiée|mis en ligne|publicad[oa]|pubblicato|gepubliceerd|geplaatst|publicerad|publisert|publiceret)(?:\s+(?:on|am|le|el|em|il|op|a las))?)\s*[:：]?\s*/iu;
/** An earlier printing's date ("Originally published …", "Erstmals erschienen …"): the page's own date is the markup's. */
const EARLIER_PRINTING = /originally|first published|erstmals|ursprünglich|initialement|originalmente|originariamente|oorspronkelijk/iu;
/** "By Ann Lee ·", "By Laura E. Adkins": the author's credit before the date. */
const BYLINE = /^[Bb][Yy]\s+\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3}\s*[·|,•—–-]?\s*/u;
const WEEKDAY = /^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day)?$|^(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|miércoles|jueves|viernes|sábado|domingo|lunedì|martedì|mercoledì|giovedì|venerdì|sabato|domenica)$/iu;
/** The words of a date itself: month and weekday names, ordinals' st/th, a clock's am/pm or Uhr, a zone, "de"/"at". */
const dateWord = (w: string): boolean =>
  monthFromName(w) !== undefined || WEEKDAY.test(w) || /^(?:st|nd|rd|th|am|pm|a|p|m|uhr|h|at|um|à|de|del|of)$/iu.test(w) || /^(?:[A-Z]{2,4}|GMT|UTC)$/.test(w);

/** Is the line a bare date, or a date under a publish label (a byline before it allowed)? */
function publishDateLine(text: string): boolean {
  if (text.length > MAX_LINE || EARLIER_PRINTING.test(text) || /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u.test(text)) return false;
  const rest = text.trim().replace(BYLINE, '').replace(PUBLISH_LABEL, '');
  return (rest.match(/\p{L}+/gu) ?? []).every(dateWord);
}

/**
 * Is the candidate printed where a page states its article's own date: the info line under the headline (`shown`),
 * or one of the two lines right above it ("Last updated: …", a dateline over the title)? Only a short line that is
 * a bare date or a labelled publish date counts: a lede's or standfirst's sentence, a caption, a dateline, a
 * "reviewed"/"member since"/match or event date names another day than the article's.
 */
function atTheHeadline(c: TimeCandidate, zones: PageZones): boolean {
  if (c.caption || !c.brief || c.line === undefined || !TEXT_KINDS.has(c.kind)) return false;
  if (!publishDateLine(zones.lines[c.line].text)) return false;
  if (c.shown) return true;
  const title = zones.titleIndex ?? -1;
  return title >= 0 && c.line < title && c.line >= title - 2;
}

/**
 * The printed date at the headline that replaces a winner stated only in markup, or undefined to keep the winner.
 * The winner stands when it is read from the page's lines, when the URL or any published date on the page's lines
 * names its day, or when nothing (or more than one day) is printed at the headline.
 */
export function shownOverMarkup(winner: TimeCandidate | undefined, cands: TimeCandidate[], zones: PageZones, lang?: string): TimeCandidate | undefined {
  // Not on Chinese, Japanese or Korean pages: reprint portals print the source's date in the info line there.
  if (/^(?:zh|ja|ko)/i.test(lang ?? '')) return undefined;
  if (!winner || !STRUCTURED.has(winner.kind)) return undefined;
  const witnessed = cands.some((c) => !c.modified && (c.line !== undefined || c.kind === 'url') && sameDay(c.parts, winner.parts));
  if (witnessed) return undefined;
  if (winner.parts.day === undefined) return undefined;
  const printed = cands.filter((c) => !c.modified && c.parts.day !== undefined && atTheHeadline(c, zones) && !sameDay(c.parts, winner.parts));
  // One printed day only: two different days at the headline are no clear statement.
  const days = new Set(printed.map((c) => dayKey(c.parts)));
  if (days.size !== 1) return undefined;
  const best = printed.sort((a, b) => b.score - a.score)[0];
  // Days earlier than the markup's day: the original date, which a re-saved or migrated page's markup lost (a day
  // apart may be one instant in two zones: "…T00:47:31Z" printed as "Dec. 22, 6:47 PM"). A later printed date may
  // be an update the page does not label as one, and the markup's is kept then. (Nor does a second structured value
  // agreeing with the printed day decide: news sites' structured dates disagree so, and the first one was right.)
  return dayNumber(winner.parts) - dayNumber(best.parts) >= 2 ? best : undefined;
}

const dayKey = (p: DateParts): string => `${p.year}-${p.month}-${p.day}`;
