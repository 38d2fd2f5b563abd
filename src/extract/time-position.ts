/**
 * Where a stated time sits on the page, as time-candidates.ts scores it (issue 12): its distance from the headline
 * and the body (the info line under the headline gains, banners above it and lines below the body lose), whether it
 * is in a photo caption, and a time of day shown alone at the headline.
 */
import { classAndId, isTag, textContent, type Element } from './dom.js';
import type { PageZones } from './page-lines.js';
import { collapseSpace } from './text.js';

const CAPTION_NAME = /caption|bildunterschrift|legende|didascalia/;

/**
 * Is the line's element a photo caption: a <figcaption>, inside a <figure>, caption-named, or the words of an image
 * beside it (its alt or title repeated under it, "<img alt="Kämpfe um Bachmut, 24. April 2023"><p>Kämpfe um
 * Bachmut, 24. April 2023</p>")? (Text beside an image in a small box is not enough: author boxes put the byline
 * and date beside the avatar so.)
 */
export function inCaption(el: Element): boolean {
  let cur: Element | null = el;
  for (let i = 0; cur && i < 4; i++, cur = cur.parent as Element | null) {
    if (!isTag(cur) || cur.name === 'body') break;
    if (cur.name === 'figcaption' || cur.name === 'figure') return true;
    if (CAPTION_NAME.test(classAndId(cur))) return true;
  }
  return repeatsImageText(el);
}

/** Does the element's text repeat the alt or title of an image in its box (itself or its parent's subtree)? */
function repeatsImageText(el: Element): boolean {
  const box = el.parent;
  if (!box || !isTag(box)) return false;
  const text = collapseSpace(textContent(el));
  if (text.length < 10) return false;
  const stack: Element[] = box.children.filter(isTag);
  for (let steps = 0; stack.length > 0 && steps < 40; steps++) {
    const c = stack.pop()!;
    if (c.name === 'img' && [c.attribs.alt, c.attribs.title].some((v) => v !== undefined && collapseSpace(v) === text)) return true;
    stack.push(...c.children.filter(isTag));
  }
  return false;
}

/** Boxes of other items and notices: related lists, comments, cookie and privacy banners (class or id). */
const OTHER_ITEMS = /related|relate[d_-]|recommend|comment|repl(?:y|ies)|disqus|cookie|consent|gdpr|privacy|datenschutz|pinglun|xiangguan|tuijian/;

/**
 * Is the line's element inside a <nav>, a box of other items or notices (OTHER_ITEMS), or an <aside> or <footer> of
 * the page? An <aside> or <footer> inside the <article> is the article's own (a WordPress "entry-footer" with
 * "Posted on …", a meta box with "Published: …"): its labelled date must still beat a photo caption's.
 */
export function inOtherItems(el: Element): boolean {
  let boxed = false;
  let cur: Element | null = el;
  for (let i = 0; cur && i < 12; i++, cur = cur.parent as Element | null) {
    if (!isTag(cur) || cur.name === 'body') break;
    if (cur.name === 'nav' || OTHER_ITEMS.test(classAndId(cur))) return true;
    // Only an <aside> or <footer> with no <article> between it and the line counts (a sidebar's teaser <article>
    // with its own <footer> is still another item).
    if (cur.name === 'article') boxed = false;
    if (cur.name === 'aside' || cur.name === 'footer') boxed = true;
  }
  return boxed;
}

/** A line of the story's prose: long, with a sentence's end in it. */
const PROSE = /[。！？]|[.!?]["”’)]?\s+\p{Lu}/u;

/**
 * With the headline inside the body container, the lines under it are info lines only until the story is under
 * way: from its second line of prose on (the first may be a summary above the info line) the dates are the story's,
 * and a short story's closing lines (comment times, a reprint note) are no info line. Undefined otherwise.
 */
export function storyUnderway(zones: PageZones): number | undefined {
  const title = zones.titleIndex ?? -1;
  if (title < 0 || zones.bodyStart < 0 || title < zones.bodyStart) return undefined;
  let prose = 0;
  for (let i = title + 1; i < Math.min(zones.lines.length, title + 13); i++) {
    const t = zones.lines[i].text;
    if (t.length >= 40 && t.length <= 2000 && PROSE.test(t) && ++prose === 2) return i;
  }
  return undefined;
}

/**
 * Position adjustment for a candidate on line `line`: the info line between headline and body is where a page states
 * its own time (+10); above the headline sit banners and navigation (-10); inside the article text, dates are what
 * the story mentions (-5); below it, related items, comments and reprint notes (-10, down to -25 the farther it is).
 * `storyAt` (storyUnderway) ends the info lines of a headline inside the body container.
 */
export function distanceAdjustment(line: number | undefined, zones: Pick<PageZones, 'titleIndex' | 'bodyStart' | 'bodyEnd'>, storyAt?: number): number {
  const title = zones.titleIndex ?? -1;
  if (line === undefined) return 0;
  const start = zones.bodyStart;
  const end = zones.bodyEnd ?? -1;
  if (title >= 0 && line < title) return -10;
  const infoLine = title >= 0 && line > title && (start < 0 || line < start || title >= start) && line - title <= 12 && (storyAt === undefined || line < storyAt);
  if (infoLine) return 10;
  if (start < 0) return 0;
  if (line < start) return title >= 0 ? 0 : 5;
  if (line <= end) return -5;
  return -10 - Math.min(15, Math.round((line - end) / 4));
}

/**
 * Is the line where a page states its article's own time: the info line under the headline (before the body, or
 * the first lines when the headline is inside it) or the two lines right above it ("Last updated: …" over the title).
 */
export function atHeadline(line: number | undefined, zones: Pick<PageZones, 'titleIndex' | 'bodyStart'>): boolean {
  const title = zones.titleIndex ?? -1;
  if (line === undefined || title < 0) return false;
  if (line < title) return line >= title - 2;
  return line > title && line - title <= 12 && (zones.bodyStart < 0 || line < zones.bodyStart || title >= zones.bodyStart);
}

/**
 * A time of day shown alone at the end of the headline or the line under it ("标题 【17:52】", "<span>17:52</span>"):
 * the article's clock when the page states its date elsewhere (a dated banner, the URL).
 */
export function clockNearHeadline(zones: PageZones): { hour: number; minute: number; second?: number } | undefined {
  const t = zones.titleIndex ?? -1;
  if (t < 0) return undefined;
  for (let i = t; i <= Math.min(t + 3, zones.lines.length - 1); i++) {
    const text = zones.lines[i].text;
    if (text.length > 200) continue;
    // In the headline's line only a bracketed time ("… 【17:52】"; "今晚 20:00" may be the story's own words); on
    // the lines under it, a line that is nothing but the time.
    const m = i === t ? /[【\[(（]\s*([01]?\d|2[0-3])[:：]([0-5]\d)(?:[:：]([0-5]\d))?\s*[】\])）]\s*$/.exec(text) : /^\s*[【\[(（]?\s*([01]?\d|2[0-3])[:：]([0-5]\d)(?:[:：]([0-5]\d))?\s*[】\])）]?\s*$/.exec(text);
    if (m && !/\d{1,4}\s*[-/.年月]\s*\d{1,2}/.test(text)) return { hour: +m[1], minute: +m[2], ...(m[3] ? { second: +m[3] } : {}) };
  }
  return undefined;
}
