/**
 * Every place a page states when it was published, as scored candidates (issue 12): JSON-LD, meta tags, script
 * variables, <time>/itemprop/date-classed elements, labelled and plain text lines near the headline, the URL.
 * A candidate's score is its kind's base (how often that kind is the article's own time) adjusted by where it is:
 * lines just under the headline gain, lines above it (today's-date banners) and far below it (related items,
 * comments, reprint notes) lose. published.ts picks the best and joins a date with a time shown beside it.
 */
import { attr, textContent, type Element } from './dom.js';
import { parseDateText, precisionOf, type DateContext, type DateParts } from './dates.js';
import { dateFromUrl, parseMachineDate } from './dates-machine.js';
import type { HeadData } from './head.js';
import type { Block } from './blocks.js';
import type { PageZones } from './page-lines.js';
import { collapseSpace } from './text.js';
import { clockIn } from './time-clock.js';
import { distanceAdjustment, inCaption, inOtherItems, storyUnderway } from './time-position.js';
import { dayTileDate, joinTime, TIME_ONLY, YEAR_TILE, yearTileDate } from './time-tiles.js';
import {
  DATE_CLASS, DATE_ITEMPROP, GENERIC_PUBLISHED_META, labelLine, labelOf, MODIFIED_LABEL, MODIFIED_META, otherItem, PUBLISHED_META,
  SCRIPT_TIME_KEYS, TRAILING_LABEL, updateWordsAsLabels, updateLabelBefore, WEAK_DATE_CLASS,
} from './time-labels.js';

export { MODIFIED_LABEL, PUBLISHED_LABEL } from './time-labels.js';
export { clockNearHeadline, distanceAdjustment } from './time-position.js';

export type CandidateKind = 'jsonld' | 'meta' | 'script' | 'element' | 'element-weak' | 'labelled' | 'line' | 'url';

export interface TimeCandidate {
  parts: DateParts;
  kind: CandidateKind;
  score: number;
  /** Line index on the page, when known (for distance and tie-breaks). */
  line?: number;
  modified: boolean;
  /** Stated in the info line under the headline: what a reader sees as the article's time. */
  shown?: boolean;
  /** In a photo caption: the picture's date, which supports no other candidate. */
  caption?: boolean;
  /** Read from a short line without sentence punctuation: an info line, not the story's prose that mentions a time. */
  brief?: boolean;
  /**
   * A clock the page shows as text, without a zone: its hh:mm is in the candidate's line. Not a machine value (an
   * attribute's, structured data's) nor a relative time (an instant already, resolved on the reader's clock).
   */
  textClock?: boolean;
}

/** Base scores: structured data first, then markup that names itself a date, then text by label. */
const BASE: Record<CandidateKind, number> = { jsonld: 100, meta: 90, script: 72, element: 75, 'element-weak': 55, labelled: 70, line: 50, url: 30 };
/** Relative times ("1小时前") are a reader's-clock rendering; an absolute time elsewhere is the better witness. */
const RELATIVE_PENALTY = 25;
/** A date introduced as another item's (OTHER_ITEM) loses this much and never counts as the shown time. */
const OTHER_ITEM_PENALTY = 30;
/** A date in a photo caption loses this much and is never the shown time. */
const CAPTION_PENALTY = 20;

/** Kinds read from the page's text (an element's own text, or its datetime attribute: clockIn tells them apart). */
const TEXT_KINDS = new Set<CandidateKind>(['element', 'element-weak', 'labelled', 'line']);

export function collectCandidates(order: Element[], head: HeadData, zones: PageZones, url: string, ctx: DateContext): TimeCandidate[] {
  const out: TimeCandidate[] = [];
  const storyAt = storyUnderway(zones);
  const add = (parts: DateParts | undefined, kind: CandidateKind, modified: boolean, line?: number, adjust = 0, text?: string): void => {
    if (!parts) return;
    let distance = distanceAdjustment(line, zones, storyAt);
    // A text line with a time of day right above the headline may be a blog's "posted" line (banners show no clock):
    // it loses less than other text above the headline, still more than the info line under it gains.
    const aboveTitle = line !== undefined && zones.titleIndex !== undefined && line < zones.titleIndex && line >= zones.titleIndex - 2;
    if (distance < 0 && aboveTitle && (kind === 'line' || kind === 'labelled') && precisionOf(parts) >= 5) distance = -4;
    // Only what precedes the date names another item ("Next post: May 3"); a date in prose after it is the story's.
    const other = text !== undefined && otherItem(text);
    // A photo caption's date is when the picture was taken ("… in Kathmandu, April 24, 2023"), not the story's.
    const caption = line !== undefined && inCaption(zones.lines[line].el);
    const score = BASE[kind] + adjust + distance + (precisionOf(parts) >= 4 ? 3 : 0) - (other ? OTHER_ITEM_PENALTY : 0) - (caption ? CAPTION_PENALTY : 0);
    const brief = text !== undefined && text.length <= 80 && !/[，。；！？]/.test(text);
    const relative = adjust <= -RELATIVE_PENALTY;
    // A relative time's clock counts only when shown ("Today, 9:05am"; clockIn is false for "2 hours ago").
    const textClock = TEXT_KINDS.has(kind) && parts.offsetMinutes === undefined && clockIn(parts, text, line, zones);
    out.push({ parts, kind, modified, line, score, shown: distance === 10 && !other && !caption && kind !== 'url' && !relative, ...(caption ? { caption } : {}), ...(brief ? { brief } : {}), ...(textClock ? { textClock } : {}) });
  };
  const ld = head.article;
  if (ld?.datePublished) add(parseMachineDate(ld.datePublished, ctx), 'jsonld', false);
  if (ld?.dateModified) add(parseMachineDate(ld.dateModified, ctx), 'jsonld', true);
  for (const [keys, modified] of [[PUBLISHED_META, false], [MODIFIED_META, true]] as const) {
    // Only the first key present counts: the lists are ordered by how specific a key is.
    for (const k of keys) {
      const p = (head.meta.get(k) ?? []).map((v) => parseMachineDate(v, ctx)).find((x) => x !== undefined);
      if (p) {
        add(p, 'meta', modified);
        break;
      }
    }
  }
  for (const v of head.scriptVars) if (SCRIPT_TIME_KEYS.has(v.key)) add(parseMachineDate(v.value, ctx), 'script', false);
  // One map from line (and its element) to line index, shared by both passes.
  const lineIndex = new Map<Block | Element, number>();
  for (let i = 0; i < zones.lines.length; i++) {
    lineIndex.set(zones.lines[i], i);
    if (!lineIndex.has(zones.lines[i].el)) lineIndex.set(zones.lines[i].el, i);
  }
  collectElements(order, lineIndex, zones.lines, ctx, add);
  collectLines(zones, lineIndex, ctx, add);
  if (!out.some((c) => !c.modified)) {
    const p = GENERIC_PUBLISHED_META.flatMap((k) => head.meta.get(k) ?? []).map((v) => parseMachineDate(v, ctx)).find((x) => x !== undefined);
    add(p, 'meta', false);
  }
  add(dateFromUrl(url), 'url', false);
  return out;
}

type Add = (parts: DateParts | undefined, kind: CandidateKind, modified: boolean, line?: number, adjust?: number, text?: string) => void;


function sameDayShown(p: DateParts, text: string, ctx: DateContext): boolean {
  const q = parseDateText(text, { ...ctx, now: undefined });
  return q !== undefined && q.year === p.year && q.month === p.month && q.day === p.day;
}

/** Text of the element after `el` (skipping blank text), when it is only a time of day ("14:20"). */
function siblingTime(el: Element): RegExpExecArray | null {
  let next = el.next;
  while (next && next.type === 'text' && !(next as unknown as { data: string }).data.trim()) next = next.next;
  if (!next) return null;
  const t = collapseSpace(textContent(next as Element));
  return t.length <= 10 ? TIME_ONLY.exec(t.replace(/^[【\[(（]|[】\])）]$/g, '')) : null;
}

function withTime(p: DateParts, m: RegExpExecArray | null): DateParts {
  if (!m || precisionOf(p) !== 3 || +m[1] > 23 || +m[2] > 59) return p;
  return { ...p, hour: +m[1], minute: +m[2], ...(m[3] ? { second: +m[3] } : {}) };
}

/** "<time data-published="2016-12-09 09:13:00Z">Dec 9, 2016</time>": the template's machine time in a data-* attribute. */
const PUBLISHED_DATA_ATTR = /^data-(?:publish(?:ed)?(?:[-_]?(?:date|time|at|on))?|pub[-_]?(?:date|time))$/;
function publishedDataAttr(el: Element): string | undefined {
  for (const [name, value] of Object.entries(el.attribs)) if (PUBLISHED_DATA_ATTR.test(name) && value.trim()) return value;
  return undefined;
}

/** The page line an element is on: its own, or its nearest ancestor's within eight levels. */
function lineNear(el: Element, lineOf: Map<Block | Element, number>): number | undefined {
  let line: number | undefined;
  for (let up: Element | null = el, i = 0; up && i < 8 && line === undefined; up = up.parent as Element | null, i++) line = lineOf.get(up);
  return line;
}

/** (A module constant: inside `mentions` the literal was a new RegExp object for every class and id tested.) */
const MENTIONS_TIME = /time|date|publish|updated/i;

function collectElements(order: Element[], lineOf: Map<Block | Element, number>, lines: Block[], ctx: DateContext, add: Add): void {
  let found = 0;
  // Plain substring tests first: the regexes run only on the few class/id values that mention a time or date.
  const mentions = (v: string | undefined): v is string => v !== undefined && MENTIONS_TIME.test(v);
  for (const el of order) {
    if (found >= 12) break;
    const a = el.attribs;
    const cls = mentions(a.class) ? a.class : undefined;
    // A datetime attribute is machine-readable wherever a template puts it (<div class="…__timestamp" datetime="…">),
    // not only on <time>; on <ins>/<del> it dates an edit, not the story.
    const strong = el.name === 'time' || (a.datetime !== undefined && el.name !== 'ins' && el.name !== 'del') || a.pubdate !== undefined || (a.itemprop !== undefined && DATE_ITEMPROP.test(a.itemprop)) || (cls !== undefined && DATE_CLASS.test(cls));
    const weak = !strong && ((cls !== undefined && WEAK_DATE_CLASS.test(cls)) || (mentions(a.id) && WEAK_DATE_CLASS.test(a.id)));
    if (!strong && !weak) continue;
    const text = weak ? collapseSpace(textContent(el)) : '';
    if (weak && (text.length < 5 || text.length > 60)) continue;
    // A hover text worded as an edit ("<span class="publish-time" title="最后编辑于 2017.12.03 05:36">2016.05.18
    // 16:03*</span>") dates the last edit: the update time; the element's own text is still the one shown.
    const hover = attr(el, 'title');
    const editLabel = hover !== undefined ? MODIFIED_LABEL.exec(hover) : null;
    const raw = attr(el, 'datetime') ?? attr(el, 'content') ?? publishedDataAttr(el) ?? (editLabel ? undefined : hover) ?? (text || collapseSpace(textContent(el)).slice(0, 100));
    if (editLabel && hover !== undefined) {
      // Only what follows the edit's label: "发布于 2016-05-18 10:00 最后编辑于 2017-12-03 05:36" holds both times.
      const edited = parseMachineDate(hover.slice(editLabel.index + editLabel[0].length), { ...ctx, now: undefined });
      if (edited) add(edited, weak ? 'element-weak' : 'element', true, lineNear(el, lineOf));
    }
    if (!raw) continue;
    const parsed = parseMachineDate(raw, { ...ctx, now: undefined });
    const relative = !parsed && ctx.now ? parseDateText(raw, ctx) : undefined;
    const p = parsed ?? relative;
    if (!p) continue;
    found++;
    const marker = `${a.itemprop ?? ''} ${a.class ?? ''}`.toLowerCase();
    const line = lineNear(el, lineOf);
    // "<span class="date">10-08</span><span>14:20</span>": the time shown beside the date is part of it.
    const joined = precisionOf(p) === 3 ? withTime(p, siblingTime(el)) : p;
    // "Updated <time class="date">Jul 24, 2018</time>": the words just before the element say which time it is, unless
    // the markup names it published. (The element's own words are not read so: a CMS's "更新時間" date element is often
    // the only time a page shows, and then it is the publish time.) A machine value in an attribute is worded by the
    // text only when the text shows that same day.
    const shown = text || collapseSpace(textContent(el)).slice(0, 120);
    const worded = !/publish|created|pubdate/.test(marker) && updateLabelBefore(el) && (raw === shown || sameDayShown(p, shown, ctx));
    const modified = /modified|updated/.test(marker) || worded;
    // Words before the element on its line may name another item ("Über dieses Thema berichtet: BR24 am <time>…").
    const lineText = line !== undefined ? lines[line].text : '';
    const context = lineText.length <= 300 && lineText.includes(shown) ? collapseSpace(lineText) : shown;
    add(joined, weak ? 'element-weak' : 'element', modified, line, relative ? -RELATIVE_PENALTY : 0, context);
  }
}

/** A day written out with its year (`2023-10-08`, `2023/10/8`, `2023年10月8日`): where a second date on a line starts. */
const FULL_DAY = /(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}/g;

/**
 * The date on an update-labelled line that is not the update's: one before the label, or a second full day after
 * the update's own date. Undefined when the line has no other date to the day.
 */
function otherDateThanUpdate(text: string, modLabel: RegExpExecArray, ctx: DateContext): DateParts | undefined {
  const before = modLabel.index > 0 ? parseDateText(text.slice(0, modLabel.index), ctx) : undefined;
  if (before && precisionOf(before) >= 3) return before;
  const rest = text.slice(modLabel.index + modLabel[0].length);
  const days = [...rest.matchAll(FULL_DAY)];
  if (days.length < 2) return undefined;
  const after = parseDateText(rest.slice(days[1].index), ctx);
  return after && precisionOf(after) >= 3 ? after : undefined;
}

function collectLines(zones: PageZones, index: Map<Block | Element, number>, ctx: DateContext, add: Add): void {
  const absolute: DateContext = { ...ctx, now: undefined, clock: ctx.now };
  const yearlessToo: DateContext = { ...absolute, yearless: true };
  // Stacked year tiles are read on Chinese pages only: elsewhere "06/02" may be a day and month.
  const zhPage = /^zh/i.test(ctx.lang ?? '');
  const seen = new Set<number>();
  const scan = (lines: typeof zones.lines, labelledOnly: boolean, limit: number): void => {
    let taken = 0;
    for (const l of lines) {
      if (taken >= limit) break;
      const i = index.get(l);
      if (i === undefined || seen.has(i) || l.text.length > 600) continue;
      const text = updateWordsAsLabels(collapseSpace(l.text));
      if (text.length > 300) continue;
      const label = labelOf(text);
      const modLabel = MODIFIED_LABEL.exec(text);
      // A label alone on the line before ("<td>发布时间：</td><td>2010-05-06</td>", "Last updated:" in its own div)
      // labels this line when it has none of its own.
      const before = !label && !modLabel && i > 0 ? labelLine(zones.lines[i - 1].text) : undefined;
      if (labelledOnly && !label && !modLabel && !before) continue;
      const modified = (modLabel !== null && (!label || modLabel.index < label.index)) || before === 'modified';
      const rest = label && !modified ? text.slice(label.index + label[0].length) : modLabel && modified ? text.slice(modLabel.index + modLabel[0].length) : text;
      let relative = false;
      // English year-less days ("Sep 16") only here, on a line's own start: inside other text they are rarely a date.
      let p = parseDateText(rest, yearlessToo);
      const tile = p || labelledOnly ? undefined : zhPage && YEAR_TILE.test(text) ? yearTileDate(zones, i, absolute) : text.length <= 20 ? dayTileDate(zones, i, absolute) : undefined;
      if (tile) {
        seen.add(i);
        taken++;
        add(tile.parts, 'line', false, i, 0, tile.text);
        continue;
      }
      // "昨天 14:20 发布于北京": the label may follow the time (and name a place).
      if (!p && label && label.index > 0 && /^(?:发布于|发表于)/.test(label[0])) p = parseDateText(text.slice(0, label.index), absolute);
      if (!p && ctx.now) {
        p = parseDateText(rest, ctx);
        relative = p !== undefined;
        // "Heute, 10:20 Uhr" shows a wall clock of the page's country: its day is that clock's today, and the time
        // is written on it (textClock). "vor 2 Stunden" shows no clock and stays an instant on the UTC clock.
        const shown = p && ctx.shownZone ? parseDateText(rest, { ...ctx, timezone: ctx.shownZone }) : undefined;
        if (shown && clockIn(shown, rest, undefined, zones)) p = shown;
      }
      if (!p || precisionOf(p) < 3) continue;
      seen.add(i);
      taken++;
      const labelled = label || modLabel || before || TRAILING_LABEL.test(text);
      add(joinTime(p, zones, i), labelled ? 'labelled' : 'line', modified, i, relative ? -RELATIVE_PENALTY : 0, text);
      // "更新时间：3-22 09:00 发布时间：3-21 11:21": an update stated first does not hide the publish label after it.
      // ("转载时间" holds the word 时间: a publish label inside the update label's own words is no second label.)
      if (modified && label && modLabel && label.index >= modLabel.index + modLabel[0].length) {
        const published = parseDateText(text.slice(label.index + label[0].length), absolute);
        if (published && precisionOf(published) >= 3) add(published, 'labelled', false, i, 0, text);
      }
      // "2023-10-08 14:30 最后修改：10-09 09:00" or "最后修改：10-09 09:00 2023-10-08 14:30" (two elements read as one
      // line): the update label names its own date only; the line's other, unlabelled date is the article's.
      if (modified && !label && modLabel) {
        const other = otherDateThanUpdate(text, modLabel, absolute);
        if (other) add(joinTime(other, zones, i), 'line', false, i, 0, text);
      }
    }
  };
  scan(zones.header, false, 6);
  scan(zones.beforeTitle, false, 2);
  scan(zones.bodyEdges, false, 4);
  // Labelled lines after the body, but not another item's or a notice's (a related list's "Veröffentlicht am …", a
  // comment's "Posted: …", a cookie banner's "Stand: …").
  scan(zones.after.filter((l) => !inOtherItems(l.el)), true, 3);
  // The whole page only when the zones held nothing but photo captions (a picture's date is not the story's): a
  // labelled line anywhere is weak evidence, and this is the one pass over every line (kept off the common path for
  // speed).
  // After photo captions only, a far labelled line must not be another item's either: the page-wide pass then leaves
  // out related lists, comments and cookie or privacy notices (their "Stand: 01.01.2018" beat the caption's date).
  if (seen.size === 0) scan(zones.lines, true, 8);
  else if ([...seen].every((i) => inCaption(zones.lines[i].el))) scan(zones.lines.filter((l) => !inOtherItems(l.el)), true, 8);
  // Still nothing: old portals state the day only in a dated banner above the headline ("2013年6月29日‧星期六").
  if (seen.size === 0 && (zones.titleIndex ?? -1) > 0) scan(zones.lines.slice(0, zones.titleIndex), false, 1);
}
