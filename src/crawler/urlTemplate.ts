import { normalizeUrl } from '../frontier/index.js';

/*
 * URL templates, the trap guard's unit (trapGuard.ts says how chains of one template are measured and capped).
 *
 * The template: host, then the path with every digit run replaced by `#` (`/calendar/#/#`, `/news/#/#/#/#.html`,
 * `/zh/guonei/#/#/t#_#.html`), then the query parameters sorted, digit runs in their values replaced by `#`
 * (`/index.php?cat=#`, `/index.php?id=#` stay two templates). A *sequence* parameter — a page, offset, size or
 * cursor by its usual names, or any numeric value that is a date — is dropped from the template altogether, so
 * `/list`, `/list?page=2` and `/calendar/2031/07?page=3` (page 1 usually has no `?page`) fall in one template with
 * one chain and one budget: a calendar that links the next month and the next page cannot reset its chain by
 * switching between the two. `p`, `page_id` and the like are left alone (WordPress post and page ids). Only
 * templates that stand for more than one URL (a digit masked or a sequence parameter dropped) are tracked; a
 * link with none (navigation, an article with a text slug) cannot be part of a chain.
 */

/** The keys a URL's check reads in a TrapState: its host+path (query variants) and its template; null when not http(s). */
export function trapKeysOf(url: string): { pathKey: string; template: string | null; normalized: string | null } | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  const normalized = normalizeUrl(url);
  return { pathKey: `${u.host}${u.pathname}`, template: normalized === null ? null : urlTemplate(normalized), normalized };
}

export function parseHttp(url: string): URL | null {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u : null;
  } catch {
    return null;
  }
}

/** A query value that is a number (an id, a page, an offset, a date such as 2025-01-01 or 20250101, a timestamp). */
const NUMERIC_VALUE = /^[-+]?\d[\d\-_.:/, ]*$/;
/** Query parameters that walk a sequence (pagination, offsets, sizes, dates, cursors) when their value is a number. */
const SEQUENCE_KEY =
  /^(?:pg|pn|paged?|pages|page_?(?:no|num|number|index)|pageno|pagenum|cur_?page|current_?page|offset|start(?:_?index)?|from|skip|limit|size|page_?size|per_?page|rows|date|day|d|month|m|year|yr|y|ym|ymd|time|ts|timestamp|t|before|after|since|until|max_?id|min_?id|cursor)$/i;

/**
 * The template of a URL (see the comment at the top), or null when it is not an http(s) URL. URLs are
 * normalized first, so tracking and session parameters never split a template.
 */
export function urlTemplate(url: string): string | null {
  const normalized = normalizeUrl(url);
  const u = normalized === null ? null : parseHttp(normalized);
  return u === null ? null : templateParts(u).template;
}

/** The template, and whether it stands for more than one URL (a digit run masked or a sequence parameter dropped). */
export function templateParts(u: URL): { template: string; variable: boolean } {
  const path = u.pathname.replace(/\d+/g, '#');
  let variable = path !== u.pathname;
  const params: string[] = [];
  for (const [k, v] of u.searchParams) {
    if (NUMERIC_VALUE.test(v) && (SEQUENCE_KEY.test(k) || isDateShaped(v))) {
      variable = true;
      continue;
    }
    const masked = v.replace(/\d+/g, '#');
    if (masked !== v) variable = true;
    params.push(`${k}=${masked}`);
  }
  params.sort();
  return { template: `${u.host}${path}${params.length > 0 ? `?${params.join('&')}` : ''}`, variable };
}

/*
 * Years a URL names as dates. Only shapes that are dates, not any four digits, since article ids are numbers too:
 * a year 1900–2199 followed by a valid month, either separated (`2031/07`, `2024-05-06`, `2031_7`) or packed
 * (`203107`, `20250101`, whose day must be valid too), in the path or a query value, plus `year=`/`yr=`/`y=`.
 * Packed years start 19/20/21 and need a real month, so ids like `404404` or `1000062` are not read as dates.
 */
const SEPARATED_DATE = /(?<!\d)((?:19|20|21)\d\d)[-/_.](\d{1,2})(?!\d)/g;
const PACKED_DATE = /(?<!\d)((?:19|20|21)\d\d)(\d\d)(\d\d)?(?!\d)/g;
const YEAR_KEY = /^(?:y|yr|year)$/i;

function isDateShaped(value: string): boolean {
  return datesIn(value).length > 0;
}

function datesIn(text: string): number[] {
  const years: number[] = [];
  for (const m of text.matchAll(SEPARATED_DATE)) {
    const month = Number(m[2]);
    if (month >= 1 && month <= 12) years.push(Number(m[1]));
  }
  for (const m of text.matchAll(PACKED_DATE)) {
    const month = Number(m[2]);
    const day = m[3] === undefined ? 1 : Number(m[3]);
    if (month >= 1 && month <= 12 && day >= 1 && day <= 31) years.push(Number(m[1]));
  }
  return years;
}

export function urlYears(u: URL): number[] {
  const years = datesIn(u.pathname);
  for (const [k, v] of u.searchParams) {
    if (YEAR_KEY.test(k) && /^\d{4}$/.test(v)) years.push(Number(v));
    else years.push(...datesIn(v));
  }
  return years;
}
