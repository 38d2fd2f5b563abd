/**
 * A title as text: decorations and dangling separators trimmed (tidyTitle), site and channel names cut from either end
 * of a <title>-like string (cleanTitle), and whether a part of a title is a segment of it (isTitleSegment); the keys
 * titles are compared by are in title-keys.ts. title.ts finds which element or metadata holds the headline; this is
 * what is done to its text.
 */
import { collapseSpace, weightedLength } from './text.js';
import { key, squashKey, TITLE_NOISE } from './title-keys.js';
/**
 * Separators sites put between headline and site/channel name. An unspaced hyphen counts between Chinese characters
 * ("标题-今日头条"): there it joins no word, as it does in "COVID-19" or "e-mail"; so does a breadcrumb's unspaced ">"
 * ("首页>本地新闻>标题"), also after a bracketed headline ("【标题】-某某网"). "丨" (a Han stroke, U+4E28) is written as a
 * bar ("标题丨界面新闻"); a spaced "«" or "・" stands as "»" and "·" do. A "～" or "~", spaced or not, is a weak
 * separator (below).
 */
export const SEPARATOR = /\s+[-|–—·•»«・:/\\>]{1,3}\s+|\s*(?:[_|｜│┃丨]+|——|--|::|－)\s*|(?<=[\u3400-\u9fff”》）】])\s?(?:-|>{1,2})\s?(?=[\u3400-\u9fff“《（【])|(?<=\S)(?:[ \t\u00a0]{2,}|\s*\u3000\s*|\s?[～~]\s?|—)(?=\S)/;
/**
 * Separators that also occur inside headlines (a run of spaces, "～", an unspaced "—" as in "Problems—Simple"): only
 * a part named like a site may be cut behind them.
 */
const SPACE_AT_END = /\s$/; // (not a literal in tidyTitle: that is a new RegExp object per heading tidied)
const WEAK_SEPARATOR = /^(?:[\s\u00a0\u3000]+|\s?[～~]\s?|—)$/;
/** "标题[某某网]", "标题（某某论坛）": a site's name bracketed after the headline. */
const BRACKETED_SITE = /[\[【（(]([^\[\]【】（）()]{2,20})[\]】）)][\s\u00a0\u3000]*$/;
/** Trim the ends only (inner runs of spaces are separators for cleanTitle). */
const collapseEnds = (s: string): string => s.replace(/^[\s\u00a0\u3000]+|[\s\u00a0\u3000]+$/g, '').replace(/[\r\n]+/g, ' ');
// (│ and ┃, box-drawing bars, stand between headline, channel and site in some templates as | does.)
const SEPARATOR_CHARS = new Set([...'-_|–—·•»«・:：/\\｜－ ～~[]【】>│┃丨']);
export const TITLE_HINT = /(?:^|[\s_-])(?:title|headline|heading|biaoti|tit|artitle|h1|topic)(?:$|[\s_-]|\d)|title|tittle|headline/;

/** Characters tidyTitle's trailing-separator and trailing-time patterns can end on (they end the text or nothing matches). */
const SEPARATOR_END_CHARS = '-_|–—·•»:：｜';
const BRACKET_END_CHARS = '】])）';
const endsWithOneOf = (s: string, chars: string): boolean => s.length > 0 && chars.includes(s[s.length - 1]);

/** Trim decorations and dangling separators: "*第一编 古代", "谁来为无序拆房“埋单”？- -". */
/**
 * quoteDash: the text is a page heading, where a single dash before a capitalised word opens a quotation
 * (Scandinavian "- Angsten vil øke") rather than dangling from an empty site-name part of a template.
 */
export function tidyTitle(raw: string, quoteDash = false): string {
  const text = collapseSpace(decodeResidualEntities(raw).replace(TITLE_NOISE, ''));
  // Guillemets are quotes, not decorations, when they pair up: French « … » closing the headline, German » … « opening it.
  // Both need a '»': found by a native search first (the anchored regex was tried at every position of every heading).
  const guillemet = text.includes('»');
  const opensQuote = guillemet && /^\s*»[^»«]+«/.test(text);
  const closesQuote = guillemet && /«[^«»]*»\s*$/.test(text);
  // The three leading cuts below each need one of these first: most headlines start otherwise (this runs on every
  // candidate heading), and skip them on one anchored test.
  let out = !LEAD_CUT_START.test(text)
    ? text
    : text
        .replace(opensQuote ? /^[*•●■□◆◇★☆>▶►·\s]+/ : /^[*•●■□◆◇★☆>»▶►·\s]+/, '')
        // A separator left dangling before the headline ("- 标题" when the template's site part is empty).
        .replace(quoteDash ? /^(?![-–]\s+\p{Lu})[-–—_|｜]+\s+/u : /^[-–—_|｜]+\s+/, '')
        // A field label in front ("标题：…", arXiv's "<span class="descriptor">Title:</span>…").
        .replace(/^(?:主题|标题|题目|帖子主题|title|headline)\s*[:：]\s*/i, '');
  // The two patterns anchored at the end are tried from every position: run only when the text ends with what they
  // end with (a separator or space; a closing bracket), which most headlines do not (runs on every candidate heading).
  if (endsWithOneOf(out, SEPARATOR_END_CHARS) || SPACE_AT_END.test(out.slice(-1))) out = out.replace(closesQuote ? /(?:\s*[-_|–—·•:：｜]+)+\s*$/ : /(?:\s*[-_|–—·•»:：｜]+)+\s*$/, '');
  // A time stamped after the headline ("… 【17:52】") is the page's clock, not wording.
  // (A date alone in round brackets, "… (2025-09-21)", is the headline's own: an issue's or a release's date.)
  if (endsWithOneOf(out, BRACKET_END_CHARS)) out = out.replace(/\s*(?:[【\[]\s*\d{1,4}(?:\s*[-/.年月日:：]\s*\d{1,4})+\s*[日]?\s*[】\]]|[(（](?=[^(（]*[:：])\s*\d{1,4}(?:\s*[-/.年月日:：]\s*\d{1,4})+\s*[日]?\s*[)）])$/, '');
  // "【标题】-某某网": a headline set whole in lenticular brackets wears them as decoration, as others wear "*" or "■".
  if (out.startsWith('【') && out.endsWith('】') && out.indexOf('【', 1) < 0 && out.indexOf('】') === out.length - 1) out = out.slice(1, -1);
  return out.trim();
}

/** A first character any of tidyTitle's leading cuts can start with (decorations, separators, a label's first letter). */
const LEAD_CUT_START = /^[*•●■□◆◇★☆>»▶►·\s\-–—_|｜主标题帖th]/i;

const NAMED_ENTITY: Record<string, string> = { amp: '&', quot: '"', apos: "'", lt: '<', gt: '>', nbsp: ' ' };

/** Entities escaped twice by the site ("&amp;#8211;" shows as "&#8211;"): never meant as text. */
function decodeResidualEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(?:#(\d{1,7})|#x([0-9a-f]{1,6})|(amp|quot|apos|lt|gt|nbsp));/gi, (m, dec: string, hex: string, name: string) => {
    if (name) return NAMED_ENTITY[name.toLowerCase()] ?? m;
    const cp = dec ? Number(dec) : parseInt(hex, 16);
    return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
  });
}

/**
 * Does `whole` consist of `part` plus separator-delimited extras (site name, channel)? With `strict`, a bare space
 * between two words of a space-delimited script is no separator (it is every word's boundary): a space counts next
 * to a separator mark or to Chinese or Japanese text, which puts no spaces between its words; next to a word made only
 * of marks, whatever marks a site uses ("›", "*", "⋆", "<", "+++", "..."; not a lone "&" or "+", which join words).
 * With `loose` also before a bracket opening a tag ("Headline (VIDEO) | Site") and before the rest of the title when
 * that rest is a site's name ("Headline Example News"; `loose.sites`: og:site_name and the like). Those two are weaker:
 * a tag may be the headline's own ("… (Infographic)").
 */
export function isTitleSegment(part: string, whole: string, strict = false, loose?: { sites: string[] }): boolean {
  const p = key(part);
  const w = key(whole);
  if (!p || !w) return false;
  if (p === w || p.replace(/ /g, '') === w.replace(/ /g, '')) return true;
  // (A space at w[i]: the characters on its two sides decide.)
  // (A clause's end before the space counts after Chinese/Japanese text only: "…lose power, crews say…" runs on.)
  const marked = (j: number): boolean => CJK_OR_MARK.test(w[j] ?? '') && (!CLAUSE_END.test(w[j]) || CJK_OR_MARK.test(w[j - 1] ?? ''));
  const markWord = (t: string): boolean => t.length > 0 && !WORD_CHAR.test(t) && !JOINER.test(t);
  const wordBefore = (i: number): string => w.slice(w.lastIndexOf(' ', i - 1) + 1, i);
  const wordAfter = (i: number): string => {
    const j = w.indexOf(' ', i + 1);
    return w.slice(i + 1, j < 0 ? w.length : j);
  };
  let siteKeys: string[] | undefined;
  const siteRest = (i: number): boolean => {
    const rest = w.slice(i + 1);
    return weightedLength(rest) <= 30 && (SITE_WORD.test(rest) || isKnownSite(rest, (siteKeys ??= loose?.sites.map(squashKey).filter(Boolean) ?? [])));
  };
  const spaceSeparates = (i: number): boolean =>
    marked(i - 1) || CJK_OR_MARK.test(w[i + 1] ?? '') || markWord(wordBefore(i)) || markWord(wordAfter(i)) || (loose !== undefined && (OPEN_BRACKET.test(w[i + 1] ?? '') || siteRest(i)));
  const sep = (i: number): boolean =>
    SEPARATOR_CHARS.has(w[i]) && (!strict || w[i] !== ' ' || spaceSeparates(i)) && !(IN_WORD_MARK.test(w[i]) && DIGIT.test(w[i - 1] ?? '') && DIGIT.test(w[i + 1] ?? ''));
  let from = 0;
  for (;;) {
    const i = w.indexOf(p, from);
    if (i < 0) return false;
    const before = i === 0 || sep(i - 1);
    const afterIdx = i + p.length;
    const after = afterIdx === w.length || sep(afterIdx);
    if (before && after) return true;
    from = i + 1;
  }
}
/**
 * A hyphen, dash or slash with a digit right on both sides joins one figure ("2026-2030", "24/7"): "5 Best … Trends
 * for 2026" is no part of "5 Best … Trends for 2026-2030". (Between letters it still separates: "Headline-City Times"
 * and "Neue Buslinien-Stadtanzeiger" end in a site's name as often as "Long-Distance" joins one word.)
 */
const IN_WORD_MARK = /^[-–/]$/;
const DIGIT = /^\p{Nd}$/u;
/** A letter or digit of any script: a word holding none is a mark set between title parts. */
const WORD_CHAR = /[\p{L}\p{N}]/u;
/** Marks that join two words ("Salt & Pepper", "Apple + Google"), not parts of a title. */
const JOINER = /^[&+]$/;
const OPEN_BRACKET = /\p{Ps}/u;

/**
 * Han, kana, CJK and full-width punctuation, a separator mark other than a space, or a clause's end ("？" and "，"
 * read half-width in key()).
 */
const CLAUSE_END = /[?!,;]/;
const CJK_OR_MARK = /[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef\-_|–—·•»«・:/\\~\[\]【】>│┃丨?!,;]/;

/** How site and channel names end. */
const SITE_WORD = /(?:网|网站|频道|在线|官网|门户|日报|晚报|早报|新闻|博客|论坛|社区|政府|个人空间|个人主页|专栏|百科|百科全书|網|網站|頻道|線上|官網|日報|晚報|早報|新聞|部落格|論壇|社區|\.com|\.cn|\.net|news|times|post|journal|daily|online|blog)$/i;

function isKnownSite(part: string, sites: string[], opening = false): boolean {
  const k = squashKey(part);
  // With opening, also the name's opening words without its last ones ("Thrive Internet Marketing" of og:site_name
  // "Thrive Internet Marketing Agency"), when most of it: only for a part after the headline, the site's slot. A
  // first part so named is often the headline's own place or subject ("Toulouse : la ligne C…" on "Toulouse Infos").
  return sites.some((s) => s === k || (s.length >= 2 && k.includes(s) && k.length <= s.length + 8) || (opening && k.length >= 8 && k.length >= s.length * 0.6 && s.startsWith(k)));
}

/** Is a separated part of a title a site or channel name rather than headline? (opening: see isKnownSite.) */
function isSiteLike(part: string, rest: string, sites: string[], opening = false): boolean {
  if (isKnownSite(part, sites, opening)) return true;
  const len = weightedLength(part);
  if (len <= 40 && SITE_WORD.test(part.trim())) return true;
  return len <= 30 && len < weightedLength(rest) * 0.6;
}

/** A <title>-like string cut at its separators: parts[i] and parts[i + 1] have seps[i] between them. */
function splitTitle(raw: string): { parts: string[]; seps: string[] } {
  const parts: string[] = [];
  const seps: string[] = [];
  // Split before spaces are collapsed: a run of spaces (or an ideographic space) is a separator too
  // ("Title  blogname 天极Blog"); tidyTitle collapses whatever is kept.
  let rest = collapseEnds(raw.replace(TITLE_NOISE, ''));
  for (let m = SEPARATOR.exec(rest); m && parts.length < 20; m = SEPARATOR.exec(rest)) {
    parts.push(rest.slice(0, m.index));
    seps.push(m[0]);
    rest = rest.slice(m.index + m[0].length);
  }
  parts.push(rest);
  return { parts, seps };
}

/** The parts of a <title>-like string between its separators, tidied (empty ones dropped). */
export function titleParts(raw: string): string[] {
  return splitTitle(raw).parts.map((p) => tidyTitle(p)).filter(Boolean);
}

/** parts[a..b] with their separators. */
const joinParts = (parts: string[], seps: string[], a: number, b: number): string => parts.slice(a, b + 1).map((p, i) => (i === 0 ? p : seps[a + i - 1] + p)).join('');

/**
 * A <title>'s first part when it may be a channel or blog name put before the headline ("网易娱乐_标题",
 * "天涯杂谈_标题_天涯论坛", "骑行者老李 | 标题"), with the keys (squashKey) of what may follow it as the headline (the
 * parts after it, with or without the later ones). cleanTitle cannot tell such a name from a short headline before
 * a long tail ("雄安新区 - 维基百科，自由的百科全书"); the page can: a heading showing one of the rests means the first
 * part was the name (title.ts). A rest is headline-sized (16 at least, twice the first part) and not named like a
 * site ("Climate Change | Economic Research Service" keeps its headline first). Undefined when the first part is
 * longer than a name (30) or stands before "——" (a subtitle follows it), or when no rest qualifies.
 */
export function leadingName(raw: string, siteNames: string[]): { lead: string; rests: Set<string> } | undefined {
  const { parts, seps } = splitTitle(raw);
  if (parts.length < 2 || /——/.test(seps[0]) || !parts[0].trim()) return undefined;
  const sites = siteNames.map(squashKey).filter(Boolean);
  const leadLen = weightedLength(parts[0]);
  const rests = new Set<string>();
  for (let b = 1; b < parts.length; b++) {
    const rest = joinParts(parts, seps, 1, b);
    const restLen = weightedLength(rest);
    if (leadLen > 30 || restLen < 16 || leadLen * 2 > restLen || isKnownSite(rest, sites) || SITE_WORD.test(rest.trim())) continue;
    rests.add(squashKey(tidyTitle(rest)));
  }
  return rests.size > 0 ? { lead: squashKey(tidyTitle(parts[0])), rests } : undefined;
}

/** Remove site/channel names from either end of a <title>-like string. */
export function cleanTitle(raw: string, siteNames: string[]): string {
  // "-公視新聞網", "_某某网": the site's template with the headline left empty, so no headline at all.
  if (/^[\s\u00a0\u3000]*(?:[-_|｜–—·•»:：]|::|——)[\s\u00a0\u3000]*\S/.test(raw) && isSiteOnly(raw.replace(/^[\s\u00a0\u3000\-_|｜–—·•»:：]+/, ''), siteNames)) return '';
  const bracketed = BRACKETED_SITE.exec(raw);
  if (bracketed && bracketed.index > 0 && isSiteOnly(bracketed[1], siteNames)) raw = raw.slice(0, bracketed.index);
  const title = tidyTitle(raw);
  const { parts, seps } = splitTitle(raw);
  if (parts.length <= 1) return title;
  const sites = siteNames.map(squashKey).filter(Boolean);
  let lo = 0;
  let hi = parts.length - 1;
  const joined = (a: number, b: number): string => joinParts(parts, seps, a, b);
  // Behind a bare run of spaces only a part named like a site goes: spaces also slip into headlines by accident.
  const siteAfter = (i: number): boolean =>
    !WEAK_SEPARATOR.test(seps[i - 1]) ? isSiteLike(parts[i], joined(lo, i - 1), sites, true) : isKnownSite(parts[i], sites, true) || SITE_WORD.test(parts[i].trim());
  while (hi > lo && siteAfter(hi)) hi--;
  // A leading part goes only when it is a known site name or sits before a "|" / " - " / "--" style separator, or
  // before a ">" of a breadcrumb ("首页 > 本地新闻 > 标题": the path to the page, then the page; two ">" at least, as
  // one may compare, "Speed > quality"): "主标题——副标题" keeps its first part.
  // A crumb chain opens with the home page or the site's name and its crumbs are short labels: "收入>支出>储蓄？…" and
  // "Why A > B > C in …" compare things.
  const crumbs =
    seps.filter((s) => s.includes('>')).length >= 2 &&
    (HOME_CRUMB.test(parts[0].trim()) || isKnownSite(parts[0], sites) || SITE_ONLY_WORD.test(parts[0].trim())) &&
    parts.every((p, i) => i >= parts.length - 1 || !seps[i].includes('>') || (weightedLength(p) <= 16 && p.trim().split(/\s+/).length <= 3));
  const leadSep = (sep: string): boolean => /[|｜]|\s[-–]\s|::|»|^\s*--\s*$/.test(sep) || (crumbs && sep.includes('>'));
  while (lo < hi && (isKnownSite(parts[lo], sites) || (leadSep(seps[lo]) && isSiteLike(parts[lo], joined(lo + 1, hi), sites)))) lo++;
  const kept = tidyTitle(joined(lo, hi));
  return kept || title;
}

/**
 * A headline the page itself shows with the site's name after it ("Best UK Art Exhibitions 2025 – Artlyst", og:site_name
 * "Artlyst"): the name goes. Only a name known exactly from the metadata (og:site_name, application-name, publisher) behind a
 * real separator; what is left must still be headline-sized. (Not a name learned from the page: a part of the <title>
 * that an element shows alone may be the headline's second half, "… Under $2500 | The Best Mirrorless Cameras".)
 */
export function withoutSiteSuffix(text: string, siteNames: string[]): string {
  if (siteNames.length === 0) return text;
  const { parts, seps } = splitTitle(text);
  // (Not after a colon: "… du quotidien : Libération" may name the outlet as the headline's subject.)
  if (parts.length < 2 || WEAK_SEPARATOR.test(seps[seps.length - 1]) || /[:：]/.test(seps[seps.length - 1])) return text;
  const last = squashKey(tidyTitle(parts[parts.length - 1]));
  if (!last || !siteNames.some((s) => squashKey(s) === last)) return text;
  const rest = tidyTitle(joinParts(parts, seps, 0, parts.length - 2));
  return weightedLength(rest) >= 12 ? rest : text;
}

/** The first crumb of a breadcrumb: the home page, or the "you are here" label. */
const HOME_CRUMB = /^(?:首页|首頁|主页|主頁|网站首页|網站首頁|当前位置[:：]?|當前位置[:：]?|您的位置[:：]?|您现在的位置[:：]?|Home|Startseite|Accueil|Inicio)$/i;

/** Endings that make a short text a site's name and nothing else (not "新闻"/"news": "假新闻" is a headline). */
const SITE_ONLY_WORD = /(?:网|網|网站|網站|频道|頻道|日报|日報|晚报|晚報|博客|部落格|论坛|論壇|\.com|\.cn|\.net)$/i;

/** A bare site or channel name: a known site name, or one short name ending like a site ("公視新聞網"). */
export function isSiteOnly(text: string, siteNames: string[]): boolean {
  const t = text.trim();
  if (!t || SEPARATOR.test(t)) return false;
  return isKnownSite(t, siteNames.map(squashKey).filter(Boolean)) || (weightedLength(t) <= 20 && SITE_ONLY_WORD.test(t));
}
