/**
 * Publish and modification times from scored candidates (time-candidates.ts): the best-scored published candidate,
 * supported by candidates of other kinds that agree on its day, wins; a date-only winner takes the time of day
 * that a candidate of the same day shows; modification times are kept apart and used for publishing only when a
 * page shows nothing else (wire stories that show only "Updated 4:05 PM EDT, September 22, 2025").
 */
import type { Element } from './dom.js';
import { formatDate, precisionOf, type DateContext, type DateParts } from './dates.js';
import { dayNumber, sameDay } from './dates-parts.js';
import type { HeadData } from './head.js';
import type { PageZones } from './page-lines.js';
import { clockNearHeadline, collectCandidates, type TimeCandidate } from './time-candidates.js';
import { atHeadline } from './time-position.js';
import { shownOverMarkup } from './time-shown.js';
import { monthFromLines, yearFromPage } from './time-page-dates.js';
import { dateFromUrl, parseMachineDate } from './dates-machine.js';
import { wallClock, zoneOffsetForLocal } from './timezone.js';

export interface TimeResult {
  publishedAt?: string;
  modifiedAt?: string;
}

export interface TimeOptions {
  /** Page language: reads "CST" on a Chinese page as China Standard Time. */
  lang?: string;
  /** Resolves relative dates ("2小时前", "yesterday 14:20"); none without it. */
  now?: Date;
  /**
   * The clock of a page read in UTC for want of a known zone, from its country or language (timezone.ts
   * shownClockZone): a time it shows as text without a zone ("15.02.2018, 10:20 Uhr") is on that clock.
   */
  shownZone?: string;
}

/** Each other kind that names the same day adds this much (at most twice): independent witnesses agree. */
const AGREEMENT_BONUS = 8;

/** A dated list (related items, comments, another article's entries) loses this much: its dates are its items'. */
const LIST_PENALTY = 15;

/**
 * Candidates in dated lists: runs of the same kind whose neighbours are at most a few lines apart, holding three or
 * more different days. Every member counts, the first and last items too (a window around each item missed those).
 */
function listMembers(cands: TimeCandidate[], titleIndex = -1): Set<TimeCandidate> {
  const members = new Set<TimeCandidate>();
  const byKind = new Map<string, TimeCandidate[]>();
  for (const c of cands) {
    if (c.line === undefined) continue;
    const list = byKind.get(c.kind);
    if (list) list.push(c);
    else byKind.set(c.kind, [c]);
  }
  for (const list of byKind.values()) {
    list.sort((a, b) => a.line! - b.line!);
    let start = 0;
    for (let i = 1; i <= list.length; i++) {
      // A run does not cross the headline: items above it and the info line under it are not one list.
      const acrossTitle = titleIndex >= 0 && i < list.length && list[i - 1].line! < titleIndex && list[i].line! > titleIndex;
      if (i < list.length && list[i].line! - list[i - 1].line! <= 6 && !acrossTitle) continue;
      const run = list.slice(start, i);
      // Three different readings: days, or times of one day (a list of today's stories: "vor 1 Stunde", "vor 4 Stunden").
      const readings = new Set(run.map((c) => `${c.parts.year}-${c.parts.month}-${c.parts.day} ${c.parts.hour ?? ''}:${c.parts.minute ?? ''}`));
      if (readings.size >= 3) for (const c of run) members.add(c);
      start = i;
    }
  }
  // A list item's line read by another kind too (its <time> and its text line) is the same item.
  const listedLines = new Set([...members].map((c) => c.line));
  for (const c of cands) if (c.line !== undefined && listedLines.has(c.line)) members.add(c);
  return members;
}

/** The candidates in winning order: score plus agreement, less list membership, then nearer the top of the page. */
export function rankCandidates(cands: TimeCandidate[], titleIndex?: number): TimeCandidate[] {
  const listed = listMembers(cands, titleIndex);
  const urlDay = cands.find((c) => c.kind === 'url' && c.parts.day !== undefined)?.parts;
  const scored = cands.map((c) => {
    // A dated list's item, or a photo caption, witnesses only its own item: it supports no other candidate.
    const kinds = new Set(cands.filter((o) => o !== c && o.kind !== c.kind && !listed.has(o) && !o.caption && sameDay(o.parts, c.parts)).map((o) => o.kind));
    // A full day in the URL, minted when the article was first saved, is the article's: a dated run that holds the
    // article's own <time> with the comments' or related posts' under it does not make that day a list item's.
    const listPenalty = listed.has(c) && !(urlDay && sameDay(c.parts, urlDay)) ? LIST_PENALTY : 0;
    return { c, total: c.score + AGREEMENT_BONUS * Math.min(2, kinds.size) - listPenalty };
  });
  scored.sort((a, b) => b.total - a.total || (a.c.line ?? -1) - (b.c.line ?? -1));
  return scored.map((s) => s.c);
}

const STRUCTURED = new Set(['jsonld', 'meta', 'script']);

/**
 * Structured data giving another clock than the info line under the headline shows for the same day (a CMS's save
 * or index time in JSON-LD, "10:42:31", over the "09:15" printed under the headline), or a time up to two days after
 * the shown one: the shown time is the one the page states as the article's, and it goes first.
 */
function shownClockFirst(ranked: TimeCandidate[], zone: string): TimeCandidate[] {
  const top = ranked[0];
  if (!top || !STRUCTURED.has(top.kind) || precisionOf(top.parts) < 5) return ranked;
  // A zone-less structured time ("apub:time" "2020-7-9 02:57:42") is on the page's own clock.
  const p = top.parts;
  const at = instantOf(p) ?? instantOf({ ...p, offsetMinutes: zoneOffsetForLocal(zone, p.year, p.month!, p.day!, p.hour!, p.minute ?? 0, p.second ?? 0) });
  // The structured time on the page's own clock: "…T06:33:26Z" is the "14:33" a Beijing page shows.
  const local = at === undefined ? top.parts : wallClock(zone, at);
  const later = (c: TimeCandidate): boolean => {
    const t = instantOf({ ...c.parts, offsetMinutes: zoneOffsetForLocal(zone, c.parts.year, c.parts.month!, c.parts.day!, c.parts.hour!, c.parts.minute!, 0) });
    return at !== undefined && t !== undefined && at > t && at - t <= 2 * 86_400_000;
  };
  const shown = ranked.find(
    (c) => c.shown && c.brief && !STRUCTURED.has(c.kind) && precisionOf(c.parts) >= 5 && c.parts.offsetMinutes === undefined && (sameDay(c.parts, local) || later(c)) && (c.parts.hour !== 0 || c.parts.minute !== 0),
  );
  // The same minute past another hour is the same instant read in another zone (a European page written in Chinese
  // shows 13:48 for "…T12:48:06Z"): no disagreement.
  if (!shown || shown.parts.minute === local.minute) return ranked;
  return [shown, ...ranked.filter((c) => c !== shown)];
}

/** The winner, with the time of day from the best same-day candidate that has one when it has none itself. */
function pick(ranked: TimeCandidate[], all: TimeCandidate[], zone: string): DateParts | undefined {
  const best = ranked[0];
  if (!best) return undefined;
  if ((precisionOf(best.parts) > 3 && !storedMidnight(best)) || best.parts.day === undefined) return readersDay(localClock(statedZone(best.parts, all, zone), all, zone), all, zone);
  const detail = ranked.find((c) => c !== best && precisionOf(c.parts) > 3 && !storedMidnight(c) && sameDay(c.parts, best.parts));
  return detail ? readersDay(localClock(statedZone(detail.parts, all, zone), all, zone), all, zone) : best.parts;
}

/**
 * A zone-less time ("datePublished": "2023-04-28 18:11:01") on a page read in UTC (no zone known) takes the offset
 * another candidate states for the same clock reading ("2023-04-28T18:11:01+02:00" in meta): the page says which
 * zone its clock is in. Pages with a known zone keep reading zone-less times in it.
 */
function statedZone(p: DateParts, all: TimeCandidate[], zone: string): DateParts {
  if (zone !== 'UTC' || p.offsetMinutes !== undefined || p.hour === undefined || p.minute === undefined) return p;
  const offsets = new Set(
    all
      .filter((c) => c.parts.offsetMinutes !== undefined && sameDay(c.parts, p) && c.parts.hour === p.hour && c.parts.minute === p.minute)
      .map((c) => c.parts.offsetMinutes!),
  );
  return offsets.size === 1 ? { ...p, offsetMinutes: [...offsets][0] } : p;
}

/**
 * A machine timestamp at exactly 00:00:00 ("2025-03-21T00:00:00+08:00" in meta or JSON-LD) is usually a date stored
 * as a timestamp: a clock the page shows for that day is the article's time.
 */
function storedMidnight(c: TimeCandidate): boolean {
  const p = c.parts;
  return (c.kind === 'meta' || c.kind === 'jsonld' || c.kind === 'script') && p.hour === 0 && (p.minute ?? 0) === 0 && (p.second ?? 0) === 0;
}

function instantOf(p: DateParts): number | undefined {
  if (p.offsetMinutes === undefined || p.month === undefined || p.day === undefined || p.hour === undefined) return undefined;
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute ?? 0) - p.offsetMinutes * 60_000;
}

/**
 * One instant written in two zones ("…T03:05:00Z" in meta, "…T19:05:00-08:00" on the <time>) falls on two days; the
 * reader's day is the one the page's other dates (the URL, a date-only label) name. The winner's wording is kept
 * unless another wording of the same instant has more of those witnesses.
 */
function readersDay(p: DateParts, all: TimeCandidate[], zone: string): DateParts {
  const at = instantOf(p);
  if (at === undefined) return p;
  const support = (q: DateParts): number => all.filter((c) => precisionOf(c.parts) === 3 && sameDay(c.parts, q)).length;
  // The same instant on the page's own clock is one more wording (a meta "…T18:30:00Z" on a page showing 2月2日).
  const w = wallClock(zone, at);
  const local: DateParts = { ...w, offsetMinutes: zoneOffsetForLocal(zone, w.year, w.month, w.day, w.hour, w.minute, w.second) };
  if (p.second === undefined) delete local.second;
  // On a tie the reading the page shows wins: a day printed for readers (on the page's lines) over one in markup only.
  const shownSupport = (q: DateParts): number => all.filter((c) => c.line !== undefined && precisionOf(c.parts) >= 3 && sameDay(c.parts, q)).length;
  let best = p;
  let bestSupport = support(p);
  // A page read in UTC has no known clock of its own: its UTC rendering is no reader's day.
  const readings = local.offsetMinutes === 0 ? all.map((c) => c.parts) : [...all.map((c) => c.parts), local];
  for (const q of readings) {
    if (sameDay(q, best) || instantOf(q) === undefined || Math.abs(instantOf(q)! - at) >= 60_000) continue;
    const s = support(q);
    if (s > bestSupport || (s === bestSupport && shownSupport(q) > shownSupport(best))) {
      best = q;
      bestSupport = s;
    }
  }
  return best;
}

/**
 * A timestamp with a stated zone ("…T08:19:35Z", "…+09:00") whose clock is exactly the one the page shows
 * ("2018-07-31 08:19") on a page whose own zone is another, not UTC: the site wrote its local time and labelled it
 * with a wrong zone. The shown reading, in the page's zone, wins. (A page read in UTC, whose zone is unknown, keeps
 * the stated offset: there it is the better information.)
 */
function localClock(p: DateParts, all: TimeCandidate[], zone: string): DateParts {
  if (p.offsetMinutes === undefined || p.minute === undefined || p.month === undefined || p.day === undefined || p.hour === undefined) return p;
  const pageOffset = zoneOffsetForLocal(zone, p.year, p.month, p.day, p.hour, p.minute, 0);
  if (pageOffset === p.offsetMinutes || (pageOffset === 0 && p.offsetMinutes !== 0)) return p;
  const shown = all.some(
    (c) => c.line !== undefined && c.parts.offsetMinutes === undefined && sameDay(c.parts, p) && c.parts.hour === p.hour && c.parts.minute === p.minute,
  );
  if (!shown) return p;
  const local: DateParts = { ...p };
  delete local.offsetMinutes;
  return local;
}

/**
 * A labelled or marked-up update date at the headline ("Last updated: Aug 19, 2025" over or under the title) when
 * every published candidate is an unlabelled date below the body (a comment's, a related item's) or that date's copy
 * in markup outside the page's lines: the page's own statement at the headline is the article's date then. (The
 * wire-story rule in extractTimes asks the update to be on the info line under the headline; one right above the
 * headline is as much the page's own.) Structured data, a URL date or any date on the article keeps the published
 * reading; so does a <time> below the body ("Posted on <time>…" closing a post).
 */
function updateAtHeadlineOnly(cands: TimeCandidate[], zones: PageZones): boolean {
  const update = cands.some((c) => c.modified && (c.kind === 'labelled' || c.kind === 'element') && !c.caption && atHeadline(c.line, zones));
  if (!update) return false;
  const published = cands.filter((c) => !c.modified);
  const end = zones.bodyEnd ?? -1;
  // A <time> or date-classed element there ("Posted on <time>…") is the article's own date: only weaker kinds.
  const below = (c: TimeCandidate): boolean => (c.kind === 'element-weak' || c.kind === 'line') && c.line !== undefined && end >= 0 && c.line > end;
  return published.every(
    (c) =>
      below(c) ||
      // The same item's markup outside the page's lines (a hidden copy of the list) names the same day.
      (c.kind === 'element-weak' && c.line === undefined && published.some((o) => below(o) && sameDay(o.parts, c.parts))),
  );
}

export function extractTimes(order: Element[], head: HeadData, zones: PageZones, url: string, timezone: string, opts: TimeOptions = {}): TimeResult {
  const urlDate = dateFromUrl(url);
  const ctx: DateContext = { timezone, contextYear: urlDate?.year, lang: opts.lang, now: opts.now, urlDay: urlDate?.month !== undefined ? urlDate : undefined, ...(timezone === 'UTC' && opts.shownZone ? { shownZone: opts.shownZone } : {}) };
  const structured = head.article?.datePublished ?? head.meta.get('article:published_time')?.[0];
  ctx.contextYear ??= structured ? parseMachineDate(structured, ctx)?.year : undefined;
  ctx.contextYear ??= yearFromPage(zones, ctx);

  const cands = collectCandidates(order, head, zones, url, ctx);
  const scored = rankCandidates(cands.filter((c) => !c.modified), zones.titleIndex);
  // (Chinese pages only: their templates print the editor's publish time on the info line, and that is the one
  // checked here; English bylines often show a rounded or relative time beside an exact one in the metadata.)
  const ranked = /^zh/i.test(opts.lang ?? '') ? shownClockFirst(scored, timezone) : scored;
  let published = pick(ranked, cands, timezone);
  const printed = shownOverMarkup(ranked[0], cands, zones, opts.lang);
  // A printed day days before a structured one no line of the page names is the article's (time-shown.ts); its
  // clock, if it prints none, from a same-day candidate that has one.
  if (printed) published = pick([printed, ...rankCandidates(cands.filter((c) => c !== printed && sameDay(c.parts, printed.parts)))], cands, timezone);
  if (!published) {
    // Magazine pieces show only an issue month ("——《北京之春》1998年3月号").
    published = monthFromLines([...zones.header, ...zones.bodyEdges], ctx);
  } else if (urlDate && precisionOf(published) < 3 && precisionOf(urlDate) >= 3 && published.year === urlDate.year) {
    published = urlDate;
  }
  const rankedModified = rankCandidates(cands.filter((c) => c.modified), zones.titleIndex);
  let modified = pick(rankedModified, cands, timezone);
  // Pages that show only "Updated 4:05 PM EDT, September 22, 2025" (wire stories): that is the time a reader sees.
  // So are pages whose only other dates are unlabelled ones below the article (related items, comments): those are
  // other items'. A labelled or marked-up date there ("This entry was posted on …", <time>) is the article's own.
  const shownUpdate = cands.some((c) => c.modified && c.shown && (c.kind === 'labelled' || c.kind === 'element'));
  const belowOnly = ranked.every(
    (c) => (c.kind === 'element-weak' || c.kind === 'line') && c.line !== undefined && zones.bodyEnd !== undefined && zones.bodyEnd >= 0 && c.line > zones.bodyEnd,
  );
  if (modified && ((shownUpdate && belowOnly) || updateAtHeadlineOnly(cands, zones))) published = modified;
  published ??= modified && cands.some((c) => c.modified && c.kind === 'labelled') ? modified : undefined;
  // An update stated days before the publish date is no update of this article ("<meta name=revised content='…2003'>"
  // on a page printed 2025): a template's constant or another document's date. (A day's slack: two zones' readings.)
  if (modified?.day !== undefined && published && dayNumber(modified) < dayNumber(published) - 1) modified = undefined;
  if (published && precisionOf(published) === 3) {
    // A date whose time of day stands alone at the headline ("标题【17:52】") under a dated banner.
    const clock = clockNearHeadline(zones);
    if (clock) published = { ...published, ...clock };
  }
  return {
    publishedAt: published ? formatDate(published, clockZone(published, cands, timezone, opts.shownZone)) : undefined,
    modifiedAt: modified ? formatDate(modified, clockZone(modified, cands, timezone, opts.shownZone)) : undefined,
  };
}

/**
 * The zone a result is written in: the page's, or for a zone-less clock the page shows as text on a page read in
 * UTC (no zone given or known) the clock its country or language keeps. A zone-less machine timestamp stays UTC:
 * servers write those on their own clock, often UTC; so does a relative time (an instant, read on the UTC clock).
 */
function clockZone(p: DateParts, cands: TimeCandidate[], timezone: string, shownZone: string | undefined): string {
  if (!shownZone || timezone !== 'UTC' || p.offsetMinutes !== undefined || p.hour === undefined) return timezone;
  const shown = cands.some((c) => c.textClock && sameDay(c.parts, p) && c.parts.hour === p.hour && c.parts.minute === p.minute);
  return shown ? shownZone : timezone;
}
