/**
 * The date a page prints at its headline against a date only its markup states (issue 12). Structured data often
 * keeps the day a page was re-saved, migrated or re-dated ("datePublished": "2025-06-24" on a guide printed "Aug 25,
 * 2024" under its headline). When no line of the page names the structured winner's day and the page prints one
 * published day at the headline, days before it, the printed day is the article's original date.
 * An update printed there ("Updated August 14, 2025") does not replace a structured published date: pages and
 * annotators disagree whether that is the article's date, and the markup's published value is the safer reading.
 */
import type { DateParts } from './dates.js';
import type { PageZones } from './page-lines.js';
import type { TimeCandidate } from './time-candidates.js';

const TEXT_KINDS = new Set(['element', 'element-weak', 'labelled', 'line']);
const STRUCTURED = new Set(['jsonld', 'meta', 'script']);

function sameDay(a: DateParts, b: DateParts): boolean {
  return a.year === b.year && a.month === b.month && a.day === b.day;
}

/**
 * Is the candidate printed where a page states its article's own date: the info line under the headline (`shown`),
 * or one of the two lines right above it ("Last updated: …", a dateline over the title)?
 */
function atTheHeadline(c: TimeCandidate, zones: PageZones): boolean {
  if (c.caption || c.line === undefined || !TEXT_KINDS.has(c.kind)) return false;
  if (c.shown) return true;
  const title = zones.titleIndex ?? -1;
  return title >= 0 && c.line < title && c.line >= title - 2;
}

/**
 * The printed date at the headline that replaces a winner stated only in markup, or undefined to keep the winner.
 * The winner stands when it is read from the page's lines, when the URL or any published date on the page's lines
 * names its day, or when nothing (or more than one day) is printed at the headline.
 */
export function shownOverMarkup(winner: TimeCandidate | undefined, cands: TimeCandidate[], zones: PageZones): TimeCandidate | undefined {
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
const dayNumber = (p: DateParts): number => Date.UTC(p.year, (p.month ?? 1) - 1, p.day ?? 1) / 86_400_000;
