/**
 * Which copy of the headline is the article's: pages repeat it in a sticky top bar, a share box or a sidebar; the
 * copy with the info line (a date, a byline) after it, nearest above the body, is the one times and bylines sit by.
 */
import type { StatsMap } from './body-score.js';
import { isAncestor, textContent, type Element } from './dom.js';
import { isSiteChrome } from './title-chrome.js';
import { squashKey } from './title-keys.js';

/**
 * A day written with its year (year first or last), a clock after a month-day, or a relative time ("3 hours ago",
 * "5小时前"): what the info line under a headline shows.
 */
const DATED = /(?:19|20)\d{2}\s?[-/.年]\s?\d{1,2}|\b\d{1,2}[-/.]\d{1,2}[-/.](?:19|20)\d{2}\b|\d{1,3}\s?(?:分钟|分鐘|小时|小時|天)前|\b\d{1,3}\s(?:minutes?|mins?|hours?|hrs?|days?)\sago\b|\d{1,2}[-/.月]\d{1,2}日?\s\d{1,2}:\d{2}|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s\d{1,2}(?:st|nd|rd|th)?,?\s(?:19|20)\d{2}|\b\d{1,2}\.?\s(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s(?:19|20)\d{2}/i;
/** A byline's opening word ("By Jane Doe", "Von Anna Sleegers", "作者：张三"): the other half of an info line. */
const BYLINE_START = /^\s*(?:(?:by|von|par|por|door|di|av|af)\s+\p{Lu}|(?:作者|记者|記者|文)\s*[:：/／|｜])/iu;
/** How many elements after a headline copy are looked at for its info line. */
const INFO_LINE_REACH = 24;

/**
 * Whether a short element among the few after `order[i]` (outside it; the body's first lines too, where a byline
 * may open the article) shows a date or opens a byline: the copy's info line.
 */
function datedAfter(order: Element[], stats: StatsMap, i: number): boolean {
  const el = order[i];
  for (let j = i + 1, seen = 0; j < order.length && seen < INFO_LINE_REACH; j++) {
    const c = order[j];
    if (isAncestor(el, c)) continue;
    seen++;
    const len = stats.get(c)?.len ?? 0;
    if (len < 6 || len > 200) continue;
    const text = textContent(c);
    if (DATED.test(text) || BYLINE_START.test(text)) return true;
  }
  return false;
}

/**
 * The copy of the headline nearest above the body. Pages repeat the headline in a sticky top bar (same tag, same
 * words) before the article's own; times and bylines sit beside the copy that leads into the body. A later copy
 * with no info line after it (no date, no byline) while an earlier one has one (share boxes and sidebars repeating
 * the headline between the info line and the body) leaves the earlier copy the headline.
 */
export function headlineNearBody(order: Element[], stats: StatsMap, el: Element, bodyFirst: Element | undefined): Element {
  if (!bodyFirst) return el;
  const start = order.indexOf(el);
  const end = order.indexOf(bodyFirst);
  if (start < 0 || end <= start) return el;
  const len = stats.get(el)?.len;
  const k = squashKey(textContent(el));
  const copies = [start];
  for (let i = start + 1; i < end; i++) {
    const c = order[i];
    if (c.name !== el.name || stats.get(c)?.len !== len || isAncestor(order[copies[copies.length - 1]], c) || isAncestor(c, bodyFirst)) continue;
    if (squashKey(textContent(c)) === k && !isSiteChrome(c)) copies.push(i);
  }
  const last = copies[copies.length - 1];
  if (copies.length < 2 || datedAfter(order, stats, last)) return order[last];
  for (let n = copies.length - 2; n >= 0; n--) if (datedAfter(order, stats, copies[n])) return order[copies[n]];
  return order[last];
}
