/**
 * Title: the headline a reader sees. A heading (h1, itemprop=headline, title-classed element …) that matches
 * <title>, og:title or the JSON-LD headline wins; else a heading worded like them (title-similar.ts); else a
 * headline-looking line just above the body (title-lines.ts: old pages whose <title> is generic); else og:title / headline / <title> with the site-name prefix or suffix
 * (" - 鲁网", " | Reuters", "_新浪新闻") removed.
 */
import type { StatsMap } from './body-score.js';
import { classAndId, isAncestor, isTag, isText, textContent, type AnyNode, type Element } from './dom.js';
import { isAllLink, isSiteChrome } from './title-chrome.js';
// Callers that imported it from here before it moved.
export { isSiteChrome } from './title-chrome.js';
import { headlineText, similarHeading } from './title-similar.js';
import { collapseSpace, weightedLength } from './text.js';

export interface TitleResult {
  title?: string;
  /** The page element showing the headline, when found (bylines are looked for after it). */
  el?: Element;
  /** Channel names the page shows as headings (cut off <title>): never the headline (title-lines.ts skips them). */
  channels?: string[];
}

export interface TitleSources {
  docTitle?: string;
  ogTitle?: string;
  headline?: string;
  siteNames: string[];
}

/**
 * Separators sites put between headline and site/channel name. An unspaced hyphen counts between Chinese characters
 * ("标题-今日头条"): there it joins no word, as it does in "COVID-19" or "e-mail".
 */
const SEPARATOR = /\s+[-|–—·•»:/\\>]{1,3}\s+|\s*(?:[_|｜│┃]+|——|--|::|－)\s*|(?<=[\u3400-\u9fff”》）])-(?=[\u3400-\u9fff“《（])|(?<=\S)(?:[ \t\u00a0]{2,}|\s*\u3000\s*|[～~—])(?=\S)/;
/**
 * Separators that also occur inside headlines (a run of spaces, "～", an unspaced "—" as in "Problems—Simple"): only
 * a part named like a site may be cut behind them.
 */
const WEAK_SEPARATOR = /^(?:[\s\u00a0\u3000]+|[～~—])$/;
/** "标题[某某网]", "标题（某某论坛）": a site's name bracketed after the headline. */
const BRACKETED_SITE = /[\[【（(]([^\[\]【】（）()]{2,20})[\]】）)][\s\u00a0\u3000]*$/;
/** Trim the ends only (inner runs of spaces are separators for cleanTitle). */
const collapseEnds = (s: string): string => s.replace(/^[\s\u00a0\u3000]+|[\s\u00a0\u3000]+$/g, '').replace(/[\r\n]+/g, ' ');
// (│ and ┃, box-drawing bars, stand between headline, channel and site in some templates as | does.)
const SEPARATOR_CHARS = new Set([...'-_|–—·•»:：/\\｜－ ～~[]【】>│┃']);
export const TITLE_HINT = /(?:^|[\s_-])(?:title|headline|heading|biaoti|tit|artitle|h1|topic)(?:$|[\s_-]|\d)|title|tittle|headline/;
/** Private-use code points (GBK user-defined area) and decorations around headlines. */
const TITLE_NOISE = /[\ue000-\uf8ff]/g;

/** Text as compared: lower-case, quotes unified away, spaces collapsed (kept, they delimit site names). */
function key(s: string): string {
  return collapseSpace(s.replace(TITLE_NOISE, '')).toLowerCase().replace(/[“”"'‘’「」『』]/g, '');
}
/** Text as compared with every space removed (title-lines.ts matches channel names so). */
export const squashKey = (s: string): string => squashed(s).toLowerCase().replace(SPACE_OR_QUOTE, '');
/**
 * key(s) up to its lower-casing, which must see the spaces (a Greek capital sigma lower-cases by whether a word
 * goes on after it); its quotes and then the spaces are deleted in one replace instead of two.
 */
const squashed = (s: string): string => collapseSpace(s.replace(TITLE_NOISE, ''));
const SPACE_OR_QUOTE = /[ “”"'‘’「」『』]+/g;

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
  const opensQuote = /^\s*»[^»«]+«/.test(text);
  const closesQuote = text.includes('»') && /«[^«»]*»\s*$/.test(text);
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
  if (endsWithOneOf(out, SEPARATOR_END_CHARS) || /\s$/.test(out.slice(-1))) out = out.replace(closesQuote ? /(?:\s*[-_|–—·•:：｜]+)+\s*$/ : /(?:\s*[-_|–—·•»:：｜]+)+\s*$/, '');
  // A time stamped after the headline ("… 【17:52】") is the page's clock, not wording.
  if (endsWithOneOf(out, BRACKET_END_CHARS)) out = out.replace(/\s*[【\[(（]\s*\d{1,4}(?:\s*[-/.年月日:：]\s*\d{1,4})+\s*[日]?\s*[】\])）]$/, '');
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

/** Does `whole` consist of `part` plus separator-delimited extras (site name, channel)? */
export function isTitleSegment(part: string, whole: string): boolean {
  const p = key(part);
  const w = key(whole);
  if (!p || !w) return false;
  if (p === w || p.replace(/ /g, '') === w.replace(/ /g, '')) return true;
  let from = 0;
  for (;;) {
    const i = w.indexOf(p, from);
    if (i < 0) return false;
    const before = i === 0 || SEPARATOR_CHARS.has(w[i - 1]);
    const afterIdx = i + p.length;
    const after = afterIdx === w.length || SEPARATOR_CHARS.has(w[afterIdx]);
    if (before && after) return true;
    from = i + 1;
  }
}

/** How site and channel names end. */
const SITE_WORD = /(?:网|网站|频道|在线|官网|门户|日报|晚报|早报|新闻|博客|论坛|社区|政府|个人空间|个人主页|专栏|網|網站|頻道|線上|官網|日報|晚報|早報|新聞|部落格|論壇|社區|\.com|\.cn|\.net|news|times|post|journal|daily|online|blog)$/i;

function isKnownSite(part: string, sites: string[]): boolean {
  const k = squashKey(part);
  return sites.some((s) => s === k || (s.length >= 2 && k.includes(s) && k.length <= s.length + 8));
}

/** Is a separated part of a title a site or channel name rather than headline? */
function isSiteLike(part: string, rest: string, sites: string[]): boolean {
  if (isKnownSite(part, sites)) return true;
  const len = weightedLength(part);
  if (len <= 40 && SITE_WORD.test(part.trim())) return true;
  return len <= 30 && len < weightedLength(rest) * 0.6;
}

/** Remove site/channel names from either end of a <title>-like string. */
export function cleanTitle(raw: string, siteNames: string[]): string {
  // "-公視新聞網", "_某某网": the site's template with the headline left empty, so no headline at all.
  if (/^[\s\u00a0\u3000]*(?:[-_|｜–—·•»:：]|::|——)[\s\u00a0\u3000]*\S/.test(raw) && isSiteOnly(raw.replace(/^[\s\u00a0\u3000\-_|｜–—·•»:：]+/, ''), siteNames)) return '';
  const bracketed = BRACKETED_SITE.exec(raw);
  if (bracketed && bracketed.index > 0 && isSiteOnly(bracketed[1], siteNames)) raw = raw.slice(0, bracketed.index);
  const title = tidyTitle(raw);
  const parts: string[] = [];
  const seps: string[] = [];
  // Split before spaces are collapsed: a run of spaces (or an ideographic space) is a separator too
  // ("Title  blogname 天极Blog"); tidyTitle below collapses whatever is kept.
  let rest = collapseEnds(raw.replace(TITLE_NOISE, ''));
  for (let m = SEPARATOR.exec(rest); m && parts.length < 20; m = SEPARATOR.exec(rest)) {
    parts.push(rest.slice(0, m.index));
    seps.push(m[0]);
    rest = rest.slice(m.index + m[0].length);
  }
  parts.push(rest);
  if (parts.length <= 1) return title;
  const sites = siteNames.map(squashKey).filter(Boolean);
  let lo = 0;
  let hi = parts.length - 1;
  const joined = (a: number, b: number): string => parts.slice(a, b + 1).map((p, i) => (i === 0 ? p : seps[a + i - 1] + p)).join('');
  // Behind a bare run of spaces only a part named like a site goes: spaces also slip into headlines by accident.
  const siteAfter = (i: number): boolean =>
    !WEAK_SEPARATOR.test(seps[i - 1]) ? isSiteLike(parts[i], joined(lo, i - 1), sites) : isKnownSite(parts[i], sites) || SITE_WORD.test(parts[i].trim());
  while (hi > lo && siteAfter(hi)) hi--;
  // A leading part goes only when it is a known site name or sits before a "|" / " - " / "--" style separator:
  // "主标题——副标题" keeps its first part.
  while (lo < hi && (isKnownSite(parts[lo], sites) || (/[|｜]|\s[-–]\s|::|»|^\s*--\s*$/.test(seps[lo]) && isSiteLike(parts[lo], joined(lo + 1, hi), sites)))) lo++;
  const kept = tidyTitle(joined(lo, hi));
  return kept || title;
}

/** Endings that make a short text a site's name and nothing else (not "新闻"/"news": "假新闻" is a headline). */
const SITE_ONLY_WORD = /(?:网|網|网站|網站|频道|頻道|日报|日報|晚报|晚報|博客|部落格|论坛|論壇|\.com|\.cn|\.net)$/i;

/** A bare site or channel name: a known site name, or one short name ending like a site ("公視新聞網"). */
function isSiteOnly(text: string, siteNames: string[]): boolean {
  const t = text.trim();
  if (!t || SEPARATOR.test(t)) return false;
  return isKnownSite(t, siteNames.map(squashKey).filter(Boolean)) || (weightedLength(t) <= 20 && SITE_ONLY_WORD.test(t));
}

const HEADLINE_TAGS = new Set([
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'div', 'p', 'span', 'td', 'th', 'font', 'b', 'strong', 'center', 'a', 'header', 'em', 'big', 'caption', 'li', 'dt',
]);

/** First non-space character of an element's text (a few steps down the tree at most). */
function firstChar(el: Element): string | undefined {
  // It runs on every headline-sized element of the page: one reused stack, and search() rather than exec() (no match array).
  const stack = firstCharStack;
  stack.push(el);
  let first: string | undefined;
  for (let steps = 0; stack.length > 0 && steps < 64; steps++) {
    const n = stack.pop()!;
    if (isText(n)) {
      const i = n.data.search(NON_SPACE);
      if (i >= 0) {
        first = n.data[i].toLowerCase();
        break;
      }
    } else if (isTag(n)) {
      for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]);
    }
  }
  if (stack.length !== 0) stack.length = 0;
  return first;
}
const firstCharStack: AnyNode[] = [];
// Zero-width spaces too: collapseSpace drops them from the title sources, so a headline opening with one (a CMS's
// leading U+200B) must be tested by the character after it.
const NON_SPACE = /[^\s\u00a0\u3000\u200b\ufeff]/;

function headlineCandidates(order: Element[], stats: StatsMap, maxLen: number, refChars: Set<string>): Array<{ el: Element; text: string; prior: number }> {
  const out: Array<{ el: Element; text: string; prior: number }> = [];
  // Nested candidates often hold the same text (<h2><a>headline</a></h2>, <li><a>…</a></li>): tidied once.
  const tidied = new Map<string, string>();
  for (const el of order) {
    const size = stats.get(el)?.len ?? 0;
    if (size < 4 || size > maxLen) continue;
    if (!HEADLINE_TAGS.has(el.name)) continue;
    // Cheap pre-test before reading the text: its first character must occur in some title source.
    const first = firstChar(el);
    if (first === undefined || (!refChars.has(first) && !/^[*•●■□◆◇★☆>»▶►·“"'‘「『]$/.test(first))) continue;
    let prior: number;
    if (el.name === 'h1' || el.attribs.itemprop === 'headline') prior = 3;
    else if (el.name === 'h2' || el.name === 'h3') prior = 1;
    else if (TITLE_HINT.test(classAndId(el))) prior = 1.5;
    else prior = 0.5;
    // Generic elements only when they could hold a real headline, not every short link and span.
    if (prior === 0.5 && size < 8) continue;
    const raw = headlineText(el);
    let text = tidied.get(raw);
    if (text === undefined) tidied.set(raw, (text = tidyTitle(raw, true)));
    out.push({ el, text, prior });
    if (out.length > 5000) break;
  }
  return out;
}

/** The following element text when it completes the headline ("主标题" + "——副标题" = <title>). */
function withSubtitle(el: Element, text: string, full: string): string {
  let next = el.next;
  while (next && !(isTag(next) || (next.type === 'text' && (next as unknown as { data: string }).data.trim()))) next = next.next;
  if (!next) return text;
  const joined = text + collapseSpace(textContent(next));
  return squashKey(joined) === squashKey(full) ? tidyTitle(joined) : text;
}

export function extractTitle(order: Element[], stats: StatsMap, src: TitleSources): TitleResult {
  const refs = [src.docTitle, src.ogTitle, src.headline]
    .filter((x): x is string => !!x && x.length > 0)
    .map((r) => ({ raw: r, squashed: squashKey(r), len: weightedLength(r) }));
  if (refs.length === 0) return {};
  const maxLen = Math.max(...refs.map((r) => r.len)) + 4;
  const refChars = new Set(refs.flatMap((r) => [...r.squashed]));
  let best: { el: Element; text: string; score: number } | undefined;
  const cleanedDoc = src.docTitle ? cleanTitle(src.docTitle, src.siteNames) : '';
  // What cleanTitle cut off the <title> is the site or channel name: a heading found only there ("网易娱乐" of
  // "headline_网易娱乐") is a channel label even when og:title repeats it.
  const docKey = src.docTitle ? squashKey(src.docTitle) : '';
  const cleanedKey = squashKey(cleanedDoc);
  // A <title> left generic — short, no separator, naming something that og:title and the JSON-LD headline do not
  // contain — is the site's name: a heading repeating it is the logo, not the headline ("<h1>Harbour Gazette</h1>").
  const metaKeys = [src.ogTitle, src.headline].filter((x): x is string => !!x).map((r) => squashKey(cleanTitle(r, src.siteNames)));
  const genericDocTitle =
    docKey.length > 0 && cleanedKey === docKey && weightedLength(src.docTitle ?? '') <= 20 && metaKeys.length > 0 && metaKeys.every((k) => k.length > docKey.length && !k.includes(docKey));
  const channels: string[] = [];
  const squashed = new Map<string, string>();
  for (const c of headlineCandidates(order, stats, maxLen, refChars)) {
    let ck = squashed.get(c.text);
    if (ck === undefined) squashed.set(c.text, (ck = squashKey(c.text)));
    // Cheap containment test first: most page elements are not part of any title.
    if (!ck || !refs.some((r) => r.squashed.includes(ck))) continue;
    const clen = weightedLength(c.text);
    let match = 0;
    for (const r of refs) {
      if (ck === r.squashed) match = Math.max(match, 3);
      // A short segment of a long <title> is the site or section name ("Books", "松花江网"), not the headline.
      else if (r.squashed.includes(ck) && isTitleSegment(c.text, r.raw)) match = Math.max(match, r.squashed.startsWith(ck) || clen >= r.len * 0.5 ? 2 : 0);
    }
    // A heading naming only a part cleanTitle cut off the <title> ("回复线索" of "headline | 回复线索") is a channel
    // label, never the headline (only a cut-off tail counts: a short leading part may be the headline itself,
    // "雄安新区 - 维基百科"). Without a better match the cleaned <title> is used instead.
    const channel = cleanedKey.length > 0 && docKey.startsWith(cleanedKey) && docKey.includes(ck, cleanedKey.length) && !cleanedKey.includes(ck);
    if (channel) {
      if (src.docTitle && isTitleSegment(c.text, src.docTitle)) channels.push(ck);
      continue;
    }
    // A heading showing the headline part of <title> exactly (the site and channel names after it cut off): a
    // blog's permalinked headline ("<h2><a href=…>Title</a></h2>" under "Title  blogname 天极Blog") is as good as
    // an exact match, though all link.
    if (match === 2 && c.prior >= 1 && ck === cleanedKey && docKey.startsWith(cleanedKey) && clen >= 8) match = 3;
    if (match === 0 || isSiteChrome(c.el) || (genericDocTitle && ck === docKey)) continue;
    // A menu or breadcrumb link naming the channel ("新闻中心" of "新闻中心 - 临江网") is not the headline.
    if (match < 3 && (c.el.name === 'a' || isAllLink(c.el, stats))) continue;
    // Longer matches beat a logo h1 whose text ("人民网") is also a segment of <title>.
    const score = match + c.prior + Math.min(clen / 20, 4);
    if (!best || score > best.score) best = { el: c.el, text: c.text, score };
  }
  if (!best) {
    const cleaned = [src.headline, src.ogTitle].filter((x): x is string => !!x).map((r) => cleanTitle(r, src.siteNames));
    const reject = (el: Element): boolean => isSiteChrome(el) || isAllLink(el, stats) || isSiteName(tidyTitle(textContent(el)), src.siteNames);
    const refs = [...cleaned, genericDocTitle ? '' : cleanedDoc].filter(Boolean);
    const similar = similarHeading(order, stats, { refs, reject });
    // The page heads the article with its channel's name ("回复线索", "网易娱乐"): other lines, or else the <title>
    // part left once that name is cut off, give the headline.
    if (!similar) {
      // Nothing on the page shows the article's title: with a generic <title>, the metadata headline is the title.
      if (genericDocTitle && cleaned[0]) return { title: cleaned[0] };
      return channels.length > 0 ? { channels } : {};
    }
    // A heading holding the whole metadata title plus a date or time ("… 2014-04-30 23:54") shows that title.
    const k = squashKey(similar.text);
    const whole = refs.find((r) => weightedLength(r) >= 6 && k.includes(squashKey(r)) && /^(?=.*\d)[\d\s:：/.年月日时分【】[\]()（）-]+$/.test(k.replace(squashKey(r), '')));
    return { title: whole ?? withoutBadge(similar.el, refs) ?? tidyTitle(similar.text), el: similar.el };
  }
  // A <title> that is only a site's name ("临江网"), repeated by the logo heading: no headline matched; the lines
  // above the body are read instead (index.ts).
  if (isSiteName(best.text, src.siteNames) || (squashKey(best.text) === docKey && cleanedKey === docKey && isSiteOnly(best.text, src.siteNames))) return {};
  const text = cleanedDoc && squashKey(cleanedDoc).startsWith(squashKey(best.text)) ? withSubtitle(best.el, best.text, cleanedDoc) : best.text;
  return { title: metadataCasing(text, [src.headline, src.ogTitle, src.docTitle]), el: best.el };
}

/**
 * A heading whose first or last child element is a short badge ("<h1><span>原创</span>标题</h1>", "标题<em>置顶</em>"):
 * when the heading less that badge is exactly a metadata title, that wording is the headline.
 */
function withoutBadge(el: Element, refs: string[]): string | undefined {
  const kids = el.children.filter((c) => isTag(c) || (isText(c) && c.data.trim()));
  if (kids.length < 2) return undefined;
  const keys = refs.map(squashKey);
  for (const [badge, rest] of [[kids[0], kids.slice(1)], [kids[kids.length - 1], kids.slice(0, -1)]] as const) {
    if (!isTag(badge) || weightedLength(collapseSpace(textContent(badge))) > 8) continue;
    const text = rest.map((c) => textContent(c)).join('');
    if (keys.includes(squashKey(text))) return tidyTitle(text);
  }
  return undefined;
}

/**
 * A heading typed all in lower case or all in capitals ("history of coffee", styled by CSS) shows the words of a
 * metadata title written with real capitalisation ("History of coffee | … | Britannica"): that casing is the headline's.
 */
function metadataCasing(text: string, refs: Array<string | undefined>): string {
  if (text !== text.toLowerCase() && text !== text.toUpperCase()) return text;
  const lower = text.toLowerCase();
  for (const raw of refs) {
    if (!raw) continue;
    const ref = collapseSpace(raw);
    const i = ref.toLowerCase().indexOf(lower);
    if (i < 0) continue;
    const part = ref.slice(i, i + text.length);
    const mixed = part !== part.toLowerCase() && part !== part.toUpperCase();
    if (mixed && part.toLowerCase() === lower && isTitleSegment(part, ref)) return part;
  }
  return text;
}

/**
 * The copy of the headline nearest above the body. Pages repeat the headline in a sticky top bar (same tag, same
 * words) before the article's own; times and bylines sit beside the copy that leads into the body.
 */
export function headlineNearBody(order: Element[], stats: StatsMap, el: Element, bodyFirst: Element | undefined): Element {
  if (!bodyFirst) return el;
  const start = order.indexOf(el);
  const end = order.indexOf(bodyFirst);
  if (start < 0 || end <= start) return el;
  const len = stats.get(el)?.len;
  const k = squashKey(textContent(el));
  let best = el;
  for (let i = start + 1; i < end; i++) {
    const c = order[i];
    if (c.name !== el.name || stats.get(c)?.len !== len || isAncestor(best, c) || isAncestor(c, bodyFirst)) continue;
    if (squashKey(textContent(c)) === k && !isSiteChrome(c)) best = c;
  }
  return best;
}

/** The title set for this article (JSON-LD headline, og:title), not the <title> old sites leave generic. */
export function articleTitle(src: TitleSources): string | undefined {
  const raw = src.headline ?? src.ogTitle;
  return raw ? cleanTitle(raw, src.siteNames) : undefined;
}

/** Title from metadata alone: headline / og:title / <title>, cleaned of site names. */
export function titleFromMetadata(src: TitleSources): string | undefined {
  for (const raw of [src.headline, src.ogTitle, src.docTitle]) {
    if (!raw) continue;
    const t = cleanTitle(raw, src.siteNames);
    if (t && !isSiteName(t, src.siteNames) && !isSiteOnly(t, src.siteNames)) return t;
  }
  return undefined;
}

export function isSiteName(text: string, siteNames: string[]): boolean {
  const c = squashKey(text);
  return siteNames.some((s) => squashKey(s) === c);
}
