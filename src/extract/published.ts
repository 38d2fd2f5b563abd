/**
 * Publish and modification times. Order of trust: JSON-LD, article meta tags, <time>/itemprop elements, labelled
 * text (发布时间： / Published …) near the headline, any date in the info line, labelled text anywhere, the URL path.
 * A machine-readable date-only value is upgraded when the page shows a time on the same day.
 */
import { attr, textContent, type Element } from './dom.js';
import { dateFromUrl, formatDate, parseDateText, parseMachineDate, precisionOf, type DateContext, type DateParts } from './dates.js';
import type { HeadData } from './head.js';
import type { PageZones } from './page-lines.js';
import { collapseSpace } from './text.js';

const PUBLISHED_META = [
  'article:published_time', 'og:article:published_time', 'article:published', 'datepublished', 'og:published_time',
  'published_time', 'publishdate', 'publish-date', 'publish_date', 'pubdate', 'pub_date', 'publication_date',
  'sailthru.date', 'parsely-pub-date', 'dc.date.issued', 'dcterms.issued', 'dc.date', 'dcterms.date', 'date',
  'article.published', 'article_date_original', 'original-publish-date', 'firstpublishedtime', 'created',
  'weibo: article:create_at', 'article:post_time', 'citation_publication_date', 'citation_date', 'og:release_date',
  'release_date', 'dc.date.created', 'datecreated', 'publishtime', 'publish_time', 'apub:time', 'cxenseparse:recs:publishtime',
];
const MODIFIED_META = [
  'article:modified_time', 'og:updated_time', 'datemodified', 'last-modified', 'lastmod', 'dc.date.modified',
  'dcterms.modified', 'article:modified', 'updated_time', 'modified_time', 'lastmodifiedtime',
];

const PUBLISHED_LABEL = /(?:发布时间|发表时间|发布日期|发表日期|发稿时间|刊发时间|上传时间|创建时间|出版日期|(?<!更新|修改|成文|截止|开始|结束|活动|会议|报名)(?:时间|日期)|发表于|发布于|发帖时间|\b(?:posted(?:\s+on)?|published(?:\s+on)?|first published|date)\b)\s*[:：]?/i;
const MODIFIED_LABEL = /(?:更新时间|修改时间|最后更新|updated|last (?:updated|modified)|modified)\s*(?:on|at)?\s*[:：]?/i;

export interface TimeResult {
  publishedAt?: string;
  modifiedAt?: string;
}

function fromMeta(head: HeadData, keys: string[], ctx: DateContext): DateParts | undefined {
  for (const k of keys) {
    for (const v of head.meta.get(k) ?? []) {
      const p = parseMachineDate(v, ctx);
      if (p) return p;
    }
  }
  return undefined;
}

const DATE_ITEMPROP = /^(?:datePublished|dateModified|dateCreated|uploadDate)$/;
const DATE_CLASS = /(?:^|\s)(?:published|updated|pubdate|dateline|entry-date|post-date)(?:\s|$)/;

function isDateElement(el: Element): boolean {
  const a = el.attribs;
  if (el.name === 'time' || a.pubdate !== undefined) return true;
  if (a.itemprop && DATE_ITEMPROP.test(a.itemprop)) return true;
  return a.class !== undefined && DATE_CLASS.test(a.class);
}

/** <time datetime>, itemprop=datePublished elements (first one in the page wins). */
function fromElements(order: Element[], ctx: DateContext): { published?: DateParts; modified?: DateParts } {
  const out: { published?: DateParts; modified?: DateParts } = {};
  for (const el of order) {
    if (out.published && out.modified) break;
    if (!isDateElement(el)) continue;
    const raw = attr(el, 'datetime') ?? attr(el, 'content') ?? attr(el, 'title') ?? collapseSpace(textContent(el)).slice(0, 100);
    if (!raw) continue;
    const p = parseMachineDate(raw, ctx);
    if (!p) continue;
    const marker = `${el.attribs.itemprop ?? ''} ${el.attribs.class ?? ''}`.toLowerCase();
    if (/modified|updated/.test(marker)) out.modified ??= p;
    else out.published ??= p;
  }
  return out;
}

/** First labelled (or, with requireLabel false, any) publication date in the given lines. */
function fromLines(lines: { text: string }[], ctx: DateContext, requireLabel: boolean): DateParts | undefined {
  for (const l of lines) {
    if (l.text.length > 600) continue;
    const text = collapseSpace(l.text);
    if (text.length > 300) continue;
    const label = PUBLISHED_LABEL.exec(text);
    if (requireLabel && !label) continue;
    if (!label && MODIFIED_LABEL.test(text)) continue;
    let p = parseDateText(label ? text.slice(label.index + label[0].length) : text, ctx);
    // "昨天 14:20 发布于北京": the label may follow the time (and name a place).
    if (!p && label && label.index > 0 && /^(?:发布于|发表于)/.test(label[0])) p = parseDateText(text.slice(0, label.index), ctx);
    if (p && precisionOf(p) >= 3) return p;
  }
  return undefined;
}

function modifiedFromLines(lines: { text: string }[], ctx: DateContext): DateParts | undefined {
  for (const l of lines) {
    if (l.text.length > 600) continue;
    const text = collapseSpace(l.text);
    if (text.length > 300) continue;
    const m = MODIFIED_LABEL.exec(text);
    if (!m) continue;
    const p = parseDateText(text.slice(m.index + m[0].length), ctx);
    if (p && precisionOf(p) >= 3) return p;
  }
  return undefined;
}

function monthFromLines(lines: { text: string }[], ctx: DateContext): DateParts | undefined {
  for (const l of lines) {
    if (l.text.length > 80) continue;
    const p = parseDateText(collapseSpace(l.text), ctx);
    if (p && precisionOf(p) === 2) return p;
  }
  return undefined;
}

function sameDay(a: DateParts, b: DateParts): boolean {
  return a.year === b.year && a.month === b.month && a.day === b.day;
}

/** Prefer `primary`, but take `detail` when it is the same day with a time of day. */
function refine(primary: DateParts | undefined, detail: DateParts | undefined): DateParts | undefined {
  if (!primary) return detail;
  if (detail && precisionOf(primary) <= 3 && precisionOf(detail) > precisionOf(primary) && sameDay(primary, detail)) return detail;
  return primary;
}

export interface TimeOptions {
  /** Page language: reads "CST" on a Chinese page as China Standard Time. */
  lang?: string;
  /** Resolves relative dates ("2小时前", "yesterday 14:20"); none without it. */
  now?: Date;
}

const COPYRIGHT_YEAR = /(?:©|copyright|版权所有|\(c\))[^0-9]{0,30}(?:(?:19|20)\d{2}\s?[-–—~至]\s?)?((?:19|20)\d{2})(?!\d)/i;

/**
 * The year for dates that omit it ("10月11日讯"), when neither the URL nor metadata gives one: a full date near
 * the article, the caller's clock, the copyright line, any full date on the page — in that order.
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

export function extractTimes(
  order: Element[],
  head: HeadData,
  zones: PageZones,
  url: string,
  timezone: string,
  opts: TimeOptions = {},
): TimeResult {
  const urlDate = dateFromUrl(url);
  const ldPublished = head.article?.datePublished;
  const ctx: DateContext = { timezone, contextYear: urlDate?.year, lang: opts.lang, now: opts.now };
  const machine = ldPublished ? parseMachineDate(ldPublished, ctx) : undefined;
  const metaPub = machine ?? fromMeta(head, PUBLISHED_META, ctx);
  if (metaPub) ctx.contextYear ??= metaPub.year;
  ctx.contextYear ??= yearFromPage(zones, ctx);
  const elements = fromElements(order, ctx);

  const headerDate = fromLines(zones.header, ctx, true) ?? fromLines(zones.header, ctx, false);
  const textDate =
    headerDate ??
    fromLines(zones.bodyEdges, ctx, true) ??
    fromLines(zones.after, ctx, true) ??
    fromLines(zones.lines, ctx, true) ??
    fromLines(zones.bodyEdges, ctx, false);

  const structured = metaPub ?? elements.published;
  let published = structured ? refine(structured, textDate) : textDate;
  published ??= urlDate;
  if (!published) {
    // Magazine pieces show only an issue month ("——《北京之春》1998年3月号").
    published = monthFromLines([...zones.header, ...zones.bodyEdges], ctx);
  } else if (urlDate && precisionOf(published) < 3 && precisionOf(urlDate) >= 3 && published.year === urlDate.year) {
    published = urlDate;
  }

  const ldModified = head.article?.dateModified;
  const modifiedText = modifiedFromLines(zones.header, ctx);
  // Pages that show only "Updated 4:05 PM EDT, September 22, 2025" (wire stories): that is the time a reader sees.
  published ??= modifiedText;
  const modified =
    (ldModified ? parseMachineDate(ldModified, ctx) : undefined) ??
    fromMeta(head, MODIFIED_META, ctx) ??
    elements.modified ??
    modifiedText;

  return {
    publishedAt: published ? formatDate(published, timezone) : undefined,
    modifiedAt: modified ? formatDate(modified, timezone) : undefined,
  };
}

