/**
 * Dates read from the page as a whole when no candidate gives one (published.ts): the year for dates that omit it,
 * and a magazine's issue month when nothing names a day.
 */
import { parseDateText, precisionOf, type DateContext, type DateParts } from './dates.js';
import type { PageZones } from './page-lines.js';
import { collapseSpace } from './text.js';

/** A day of the month alone in its element ("21"): the big numeral of a calendar tile. */
const TILE_DAY = /^\s*(\d{1,2})\s*日?\s*$/;

export function monthFromLines(lines: { text: string }[], ctx: DateContext): DateParts | undefined {
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].text.length > 80) continue;
    const p = parseDateText(collapseSpace(lines[i].text), ctx);
    if (!p || precisionOf(p) !== 2) continue;
    // A calendar tile prints the day as a numeral beside (usually above) its "2024年02月" line; a numeral followed by
    // more of them is a month's calendar grid ("2021年10月" / "1" / "2" …), which names no day.
    for (const k of [i - 1, i + 1]) {
      const near = lines[k];
      const beyond = lines[k + (k - i)];
      const day = near && !(beyond && TILE_DAY.test(beyond.text)) ? TILE_DAY.exec(near.text) : null;
      if (day && Number(day[1]) >= 1 && Number(day[1]) <= new Date(Date.UTC(p.year, p.month!, 0)).getUTCDate()) return { ...p, day: Number(day[1]) };
    }
    return p;
  }
  return undefined;
}

const COPYRIGHT_YEAR = /(?:©|copyright|版权所有|\(c\))[^0-9]{0,30}(?:(?:19|20)\d{2}\s?[-–—~至]\s?)?((?:19|20)\d{2})(?!\d)/i;

/**
 * The year for dates that omit it ("10月11日讯", "10-08 14:20"), when neither the URL nor metadata gives one: a
 * full date near the article, the caller's clock, the copyright line, any full date on the page — in that order.
 */
export function yearFromPage(zones: PageZones, ctx: DateContext): number | undefined {
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
