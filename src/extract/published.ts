/**
 * Publish and modification times from scored candidates (time-candidates.ts): the best-scored published candidate,
 * supported by candidates of other kinds that agree on its day, wins; a date-only winner takes the time of day
 * that a candidate of the same day shows; modification times are kept apart and used for publishing only when a
 * page shows nothing else (wire stories that show only "Updated 4:05 PM EDT, September 22, 2025").
 */
import type { Element } from './dom.js';
import { dateFromUrl, formatDate, parseDateText, precisionOf, type DateContext, type DateParts } from './dates.js';
import type { HeadData } from './head.js';
import type { PageZones } from './page-lines.js';
import { collapseSpace } from './text.js';
import { collectCandidates, type TimeCandidate } from './time-candidates.js';
import { parseMachineDate } from './dates.js';

export interface TimeResult {
  publishedAt?: string;
  modifiedAt?: string;
}

export interface TimeOptions {
  /** Page language: reads "CST" on a Chinese page as China Standard Time. */
  lang?: string;
  /** Resolves relative dates ("2小时前", "yesterday 14:20"); none without it. */
  now?: Date;
}

/** Each other kind that names the same day adds this much (at most twice): independent witnesses agree. */
const AGREEMENT_BONUS = 8;

function sameDay(a: DateParts, b: DateParts): boolean {
  return a.year === b.year && a.month === b.month && a.day === b.day;
}

/** A dated list (related items, comments, another article's entries) loses this much: its dates are its items'. */
const LIST_PENALTY = 15;

/** Three or more candidates of the same kind within a few lines of each other, on different days: a list. */
function inList(c: TimeCandidate, cands: TimeCandidate[]): boolean {
  if (c.line === undefined) return false;
  let near = 0;
  for (const o of cands) if (o !== c && o.kind === c.kind && o.line !== undefined && Math.abs(o.line - c.line) <= 6 && !sameDay(o.parts, c.parts)) near++;
  return near >= 2;
}

/** The candidates in winning order: score plus agreement, less list membership, then nearer the top of the page. */
export function rankCandidates(cands: TimeCandidate[]): TimeCandidate[] {
  const scored = cands.map((c) => {
    const kinds = new Set(cands.filter((o) => o !== c && o.kind !== c.kind && sameDay(o.parts, c.parts)).map((o) => o.kind));
    return { c, total: c.score + AGREEMENT_BONUS * Math.min(2, kinds.size) - (inList(c, cands) ? LIST_PENALTY : 0) };
  });
  scored.sort((a, b) => b.total - a.total || (a.c.line ?? -1) - (b.c.line ?? -1));
  return scored.map((s) => s.c);
}

/** The winner, with the time of day from the best same-day candidate that has one when it has none itself. */
function pick(ranked: TimeCandidate[]): DateParts | undefined {
  const best = ranked[0];
  if (!best) return undefined;
  if (precisionOf(best.parts) > 3 || best.parts.day === undefined) return best.parts;
  const detail = ranked.find((c) => precisionOf(c.parts) > 3 && sameDay(c.parts, best.parts));
  return detail ? detail.parts : best.parts;
}

function monthFromLines(lines: { text: string }[], ctx: DateContext): DateParts | undefined {
  for (const l of lines) {
    if (l.text.length > 80) continue;
    const p = parseDateText(collapseSpace(l.text), ctx);
    if (p && precisionOf(p) === 2) return p;
  }
  return undefined;
}

const COPYRIGHT_YEAR = /(?:©|copyright|版权所有|\(c\))[^0-9]{0,30}(?:(?:19|20)\d{2}\s?[-–—~至]\s?)?((?:19|20)\d{2})(?!\d)/i;

/**
 * The year for dates that omit it ("10月11日讯", "10-08 14:20"), when neither the URL nor metadata gives one: a
 * full date near the article, the caller's clock, the copyright line, any full date on the page — in that order.
 */
function yearFromPage(zones: PageZones, ctx: DateContext): number | undefined {
  const plain: DateContext = { timezone: ctx.timezone, lang: ctx.lang };
  for (const l of [...zones.header, ...zones.bodyEdges, ...zones.after, ...zones.beforeTitle]) {
    if (l.text.length > 300) continue;
    const p = parseDateText(collapseSpace(l.text), plain);
    if (p && precisionOf(p) >= 3) return p.year;
  }
  if (ctx.now) return ctx.now.getUTCFullYear();
  for (let i = zones.lines.length - 1; i >= Math.max(0, zones.lines.length - 80); i--) {
    const t = zones.lines[i].text;
    if (t.length > 300) continue;
    const m = COPYRIGHT_YEAR.exec(t);
    if (m) return Number(m[1]);
  }
  for (const l of zones.lines.slice(0, 2000)) {
    if (l.text.length > 300) continue;
    const p = parseDateText(collapseSpace(l.text), plain);
    if (p && precisionOf(p) >= 3) return p.year;
  }
  return undefined;
}

export function extractTimes(order: Element[], head: HeadData, zones: PageZones, url: string, timezone: string, opts: TimeOptions = {}): TimeResult {
  const urlDate = dateFromUrl(url);
  const ctx: DateContext = { timezone, contextYear: urlDate?.year, lang: opts.lang, now: opts.now };
  const structured = head.article?.datePublished ?? head.meta.get('article:published_time')?.[0];
  ctx.contextYear ??= structured ? parseMachineDate(structured, ctx)?.year : undefined;
  ctx.contextYear ??= yearFromPage(zones, ctx);

  const cands = collectCandidates(order, head, zones, url, ctx);
  const ranked = rankCandidates(cands.filter((c) => !c.modified));
  let published = pick(ranked);
  if (!published) {
    // Magazine pieces show only an issue month ("——《北京之春》1998年3月号").
    published = monthFromLines([...zones.header, ...zones.bodyEdges], ctx);
  } else if (urlDate && precisionOf(published) < 3 && precisionOf(urlDate) >= 3 && published.year === urlDate.year) {
    published = urlDate;
  }
  const modified = pick(rankCandidates(cands.filter((c) => c.modified)));
  // Pages that show only "Updated 4:05 PM EDT, September 22, 2025" (wire stories): that is the time a reader sees.
  published ??= modified && cands.some((c) => c.modified && c.kind === 'labelled') ? modified : undefined;
  return {
    publishedAt: published ? formatDate(published, timezone) : undefined,
    modifiedAt: modified ? formatDate(modified, timezone) : undefined,
  };
}
