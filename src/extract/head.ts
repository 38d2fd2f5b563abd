/**
 * Structured metadata read before the page is cleaned: <meta> tags and JSON-LD. These are the most reliable
 * sources for title, dates, author and publisher when a site provides them.
 */
import { isText, textContent, type Element } from './dom.js';
import { collapseSpace } from './text.js';
import { readJsonLd, type JsonLdArticle } from './head-jsonld.js';

export interface HeadData {
  /** meta name/property/itemprop (lower-case) → contents, in document order. */
  meta: Map<string, string[]>;
  /** The JSON-LD object describing the article, if any. */
  article?: JsonLdArticle;
  htmlLang?: string;
  /** <title> text. */
  docTitle?: string;
  /**
   * Values of well-known variables in inline scripts, in document order: timestamps (`var ct = "1600000000"`,
   * `publish_time: "2020-10-08 10:00"`) and account names (`var nickname = "…"`), which app-style pages keep out of
   * the markup.
   */
  scriptVars: Array<{ key: string; value: string; platformForm?: boolean }>;
}

/** Inline scripts longer than this are bundles, not page data: not searched for every variable. */
const MAX_SCRIPT_VARS_CHARS = 200_000;
/** Bundles up to this size are still searched for WeChat's `var ct = "…"` alone (one literal-led regex pass). */
const MAX_CT_SEARCH_CHARS = 1_000_000;
/** Led by the literal so the engine can scan fast; the character before is checked by hand (see ctInBundle). */
const CT_ONLY = /ct\s*=\s*["']?(\d{10})\b/g;
/** Variables kept per page (a bound on work; time variables are few and come first in the budget's use). */
const MAX_SCRIPT_VARS = 200;
/**
 * `name = "value"` / `"name": "value"` / `name: 1600000000` for the variable names we read (lower-cased later);
 * WeChat wraps some in its own decoder (`var nickname = htmlDecode("…")`). A match counts only where the name is
 * not the tail of a longer name or property: `(?:(?<=\bwindow\.)|(?<![\w$.]))` at its start, checked by hand in
 * scriptVarMatches. As a lookbehind in the regex it was tested at every character of every script (the costliest
 * regex of an extraction); led by the names, the engine skips ahead instead. A quote before the name is not part of
 * the pattern: a match starting at it was rejected or accepted with the same groups as the match at the name, whose
 * character before (the quote) passes the check (0 of 200 000 random scripts read differently; a fifth faster).
 */
const SCRIPT_VAR =
  /(ct|create_?time|publish_?time|pub_?time|publish_?date|pub_?date|date_?published|ptime|nick_?name|js_name|author_?name)["']?\s*[:=]\s*(?:(?:htmlDecode|JsDecode)\(\s*)?(?:["']([^"'\n\\]{1,80})["']|(\d{10,13})\b)/gi;

/** Reads <meta>, <title>, <html lang> and JSON-LD from the element list of the untouched page (one pass). */
export function readHead(all: Element[]): HeadData {
  const meta = new Map<string, string[]>();
  const ldScripts: Element[] = [];
  const scriptVars: HeadData['scriptVars'] = [];
  let htmlLang: string | undefined;
  let titleEl: Element | undefined;
  let wrapperTitle: string | undefined;
  for (const el of all) {
    const a = el.attribs;
    switch (el.name) {
      case 'meta': {
        const key = (a.property ?? a.name ?? a.itemprop ?? a['http-equiv'] ?? '').trim().toLowerCase();
        const content = a.content ?? a.value;
        if (!key || content === undefined) break;
        const v = collapseSpace(content);
        if (!v) break;
        const list = meta.get(key);
        if (list) list.push(v);
        else meta.set(key, [v]);
        break;
      }
      case 'script':
        if (/^application\/(?:ld\+json|json\+ld)$/i.test((a.type ?? '').trim())) ldScripts.push(el);
        else if (a.src === undefined) readScriptVars(el, scriptVars);
        break;
      case 'html':
        htmlLang ??= a.lang ?? a['xml:lang'];
        break;
      case 'title':
        titleEl ??= el;
        break;
      case 'text':
        // The old-crawl wrapper <text title="…"> carries the page title when <title> is missing.
        wrapperTitle ??= a.title;
        break;
    }
  }
  const docTitle = (titleEl ? titleSpace(textContent(titleEl)) : '') || titleSpace(wrapperTitle ?? '');
  return { meta, article: readJsonLd(ldScripts), htmlLang: htmlLang?.trim() || undefined, docTitle: docTitle || undefined, scriptVars };
}

function readScriptVars(el: Element, out: HeadData['scriptVars']): void {
  const first = el.children[0];
  // A script's text is one text node; skip empty ones, and read only `ct` from bundle-sized ones.
  if (!first || !isText(first) || out.length >= MAX_SCRIPT_VARS) return;
  if (first.data.length > MAX_SCRIPT_VARS_CHARS) {
    const ct = first.data.length <= MAX_CT_SEARCH_CHARS ? ctInBundle(first.data) : undefined;
    if (ct) out.push({ key: 'ct', value: ct });
    return;
  }
  for (const m of scriptVarMatches(first.data)) {
    const value = (m[2] ?? m[3] ?? '').trim();
    const key = m[1].toLowerCase().replace(/_/g, '');
    // WeChat's newer page data wraps its strings in JsDecode('…') (`nick_name: JsDecode('左岸读书')`): read for the
    // account's name only; its times are read from `ct`, which keeps the seconds the JsDecode'd clock drops.
    if (value && (key === 'nickname' || !/^\w+["']?\s*[:=]\s*JsDecode/i.test(m[0]))) {
      // WeChat's own page data declares the account so (`var nickname = "…"`, `nick_name: JsDecode('…')`), unlike any
      // script's object with a `nickname` field (`window.user = { nickname: "游客" }`).
      const platformForm = /(?:htmlDecode|JsDecode)\(/.test(m[0]) || /\bvar\s+$/.test(first.data.slice(Math.max(0, m.index - 8), m.index));
      out.push(platformForm ? { key, value, platformForm } : { key, value });
    }
    if (out.length >= MAX_SCRIPT_VARS) break;
  }
}

const WORD_CHAR = /[\w$.]/;

/** The matches of SCRIPT_VAR whose start passes the lookbehind, in order: what the regex with the lookbehind finds. */
export function* scriptVarMatches(text: string): Generator<RegExpExecArray> {
  const re = new RegExp(SCRIPT_VAR);
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const at = m.index;
    // (?<=\bwindow\.) | (?<![\w$.]) at the match's start (case-insensitive, as the regex is).
    const free = at === 0 || !WORD_CHAR.test(text[at - 1]);
    const afterWindow = !free && at >= 7 && text.slice(at - 7, at).toLowerCase() === 'window.' && (at === 7 || !/\w/.test(text[at - 8]));
    if (free || afterWindow || isCtProperty(text, at, m)) yield m;
    else re.lastIndex = at + 1; // the regex with the lookbehind goes on from the next character, not from this match's end
  }
}

/**
 * WeChat's newer pages set the time as a property of their page-data object (`d.ct = "1601092800"`): a `.ct`
 * property counts only with a quoted ten-digit value (a Unix time as WeChat writes it), not `obj.ct = count`.
 */
function isCtProperty(text: string, at: number, m: RegExpExecArray): boolean {
  return text[at - 1] === '.' && m[1].toLowerCase() === 'ct' && m[2] !== undefined && /^\d{10}$/.test(m[2]);
}

/** `ct = "1601092800"` as a variable of its own (`var ct`, `window.ct`), or WeChat's quoted `d.ct = "…"`; not the tail of `fact`. */
function ctInBundle(text: string): string | undefined {
  CT_ONLY.lastIndex = 0;
  for (let m = CT_ONLY.exec(text); m; m = CT_ONLY.exec(text)) {
    const before = text[m.index - 1] ?? '';
    if (!/[\w$.]/.test(before) || text.slice(Math.max(0, m.index - 7), m.index) === 'window.') return m[1];
    if (before === '.' && /["']\d{10}$/.test(m[0])) return m[1];
  }
  return undefined;
}

export function metaFirst(head: HeadData, ...keys: string[]): string | undefined {
  for (const k of keys) {
    const v = head.meta.get(k);
    if (v && v.length > 0) return v[0];
  }
  return undefined;
}

/**
 * Whitespace of a <title> collapsed, except that a run of spaces stays two spaces wide: some sites separate the
 * headline from the blog or channel name by spaces alone ("Title  blogname 天极Blog"), and cleanTitle splits there.
 */
function titleSpace(s: string): string {
  // One pass over each run (a run holding an ideographic space, or two or more characters, is a separator): nested
  // scans of a run looking for a U+3000 ahead were quadratic on a hostile <title> of 100 000 spaces. A <title> is cut
  // at MAX_TITLE_CHARS first: the title rules after this one scan it with patterns that are not all linear.
  const cut = s.length > MAX_TITLE_CHARS ? s.slice(0, MAX_TITLE_CHARS) : s;
  return cut.replace(/[\s\u200b]+/g, (run) => (run.length >= 2 || run.includes('\u3000') ? '  ' : ' ')).trim();
}
/** Far longer than any headline with its site name; what lies beyond is not a title. */
const MAX_TITLE_CHARS = 2_000;
