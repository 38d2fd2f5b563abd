/**
 * Author, editor and publisher/source, combining structured data (JSON-LD, meta), byline elements
 * (rel=author, itemprop=author, .byline/.author), links to writer pages and the Chinese/English text patterns of
 * byline.ts and source-text.ts. Candidates are taken zone by zone (the info line under the headline, the body's
 * first and last lines, the lines after it), most specific first; the zones are re-read with element boundaries
 * as token boundaries (people-segments.ts), and every author candidate must pass the name checks of
 * people-names.ts (no outlet, interface word, slogan or editor).
 */
import { classAndId, closest, elementsIn, isTag, textContent, type Element } from './dom.js';
import type { StatsMap } from './body-score.js';
import { metaFirst, type HeadData } from './head.js';
import type { Block } from './blocks.js';
import type { PageZones } from './page-lines.js';
import { authorFromInfoLine, authorFromText, cleanPersonName, editorFromText, hasSurnameShape, looksLikeChineseName, nameBesideDate, otherLanguageByline, photographerFromText, sourceFromDateline, sourceFromInfoLine, sourceFromOutletLine, sourceFromText, trailingNames } from './byline.js';
import { loneNameLine, nameBeforeHandle, nameBeforeRole, ownerOfOriginal, posterAbovePostedLine, posterAfterDate, posterOfFooter, signedOffName } from './byline-posters.js';
import { isAcceptableAuthor, isOutletName, isPersonName, namesFromRuns, withoutLeadingOutlet, withoutTrailingChrome } from './people-names.js';
import { elementRuns, segmentLines, type ZoneLine } from './people-segments.js';
import { creditBesideDate } from './info-line.js';
import { collapseSpace, comparable } from './text.js';

export interface People {
  author?: string;
  editor?: string;
  publisher?: string;
}

export function siteNamesOf(head: HeadData): string[] {
  const names = [
    metaFirst(head, 'og:site_name'),
    metaFirst(head, 'application-name'),
    metaFirst(head, 'publisher', 'dc.publisher', 'article:publisher'),
    head.article?.publisher,
  ].filter((x): x is string => !!x && !/^https?:/i.test(x));
  return [...new Set(names.map((n) => withoutChannel(n, head.docTitle)))];
}

/**
 * "中時電子報 - 影視": a site name carrying the channel after a separator, when the page's <title> ends with the
 * name alone ("… - 影視 - 中時電子報"), is that name.
 */
function withoutChannel(name: string, docTitle: string | undefined): string {
  const m = /^(.+?)\s+[-–—|｜]\s+\S.*$/.exec(name);
  if (!m || !docTitle) return name;
  const site = m[1].trim();
  return docTitle.trim().endsWith(site) && !docTitle.trim().endsWith(name) ? site : name;
}

function firstOf<T>(items: Iterable<{ text: string }>, fn: (text: string) => T | undefined): T | undefined {
  for (const it of items) {
    const v = fn(it.text);
    if (v !== undefined) return v;
  }
  return undefined;
}

/** Comment forms label their name field "author" too ("Name (required)"); a page footer's <address> holds the copyright. */
const NOT_BYLINE = /comment|form|reply|respond|login|avatar|copyright|footer/i;

function looksLikeByline(el: Element): boolean {
  const a = el.attribs;
  if (el.name === 'address') return true;
  if (a.rel && /(?:^|\s)author(?:\s|$)/i.test(a.rel)) return true;
  if (a.itemprop && /(?:^|\s)author(?:\s|$)/.test(a.itemprop)) return true;
  // Chinese CMS names too: .reporter, .zuozhe (作者), .jizhe (记者).
  return a.class !== undefined && /byline|author|reporter|zuozhe|jizhe/i.test(a.class) && !/(?:author|writer|reporter)-?(?:bio|info|desc|avatar|image|img|photo|pic)/i.test(a.class);
}

/** Called for every element: the cheap positive test first, the ancestor walk only for the few that pass. */
function isBylineElement(el: Element): boolean {
  if (!looksLikeByline(el)) return false;
  const a = el.attribs;
  if (el.name === 'label' || el.name === 'input' || NOT_BYLINE.test(`${a.class ?? ''} ${a.id ?? ''}`)) return false;
  return !closest(el, (e) => e.name === 'form' || NOT_BYLINE.test(e.attribs.id ?? ''), 8);
}

const LOGIN_PART = /log-?in|log-?on|sign-?in|passw|register|unlogin/i;

/** Classes of a writer's name link inside a byline element. */
const NAME_LINK_CLASS = /(?:^|\s)(?:name|author-?name|user-?name|nick-?name|screen-?name)(?:\s|$)/i;

/** Byline elements: "By Jane Doe", "作者：张三", or a bare name. */
function authorFromBylineElements(bylines: Element[], stats: StatsMap, valid: (a: string | undefined) => string | undefined): string | undefined {
  for (const name of bylineElementNames(bylines, stats, valid)) return name;
  return undefined;
}

/** The names byline elements (`bylines`, in page order) give (each valid). */
function* bylineElementNames(bylines: Element[], stats: StatsMap, valid: (a: string | undefined) => string | undefined): Generator<string> {
  for (const el of bylines) {
    const size = stats.get(el)?.len ?? 0;
    if (size === 0 || size > 200) continue;
    // A login or comment box marked "author" (`<div class="tie-author"><div class="js-loginInput">账号 …<label>自动登录`):
    // a byline holds no form labels and no login part. (Small elements only: the walk is short; the parser has
    // already dropped the <input>s themselves.)
    if (elementsIn(el).some((e) => e.name === 'label' || LOGIN_PART.test(classAndId(e)))) continue;
    // One marked name element is the name; several (<a rel=author>A</a> and <a rel=author>B</a>) are read together.
    // The writer's own link, marked by its class (`<a class="name" href="/7598135991">W安全边际</a>` beside
    // "来自雪球 发布于…"): its first text run is the name, whatever else the element holds.
    const nameLink = elementsIn(el).find((e) => e.name === 'a' && NAME_LINK_CLASS.test(e.attribs.class ?? ''));
    const linked = nameLink ? elementRuns(nameLink)[0] : undefined;
    if (linked && valid(linked)) {
      yield linked;
      continue;
    }
    const marked = elementsIn(el).filter((e) => e.attribs.itemprop === 'name' || /(?:^|\s)author(?:\s|$)/i.test(e.attribs.rel ?? ''));
    const nameEl = marked.length === 1 ? marked[0] : undefined;
    // Text runs, not textContent: "<span>Howard Blume</span><span>Staff Writer</span>" is two tokens.
    const runs = elementRuns(nameEl ?? el);
    const text = collapseSpace(runs.join(' '));
    if (!text || text.length > 120) continue;
    let name = authorFromText(text) ?? otherLanguageByline(text);
    if (!name) {
      // No byline label: the element's words are names only by their shape.
      name = unlabelledChineseNames(namesFromRuns(runs));
      // The whole text as a name: only when each Chinese token is name-sized ("hope_wisdom 发出的红包" is not).
      if (!name && text.length <= 60 && !/\d{4}|[:：]|@|https?:|编辑|来源/.test(text) && text.split(' ').every((w) => !/[\u3400-\u9fff]/.test(w) || w.length <= 4 || /[·•]/.test(w))) name = unlabelledChineseNames(cleanPersonName(text));
    }
    if (name && valid(name)) yield name;
  }
}

/**
 * Several Chinese words read as names from an element without a byline label ("发布了 篇专栏", "王克丹 新知答主",
 * "沸点 话题 小册"): each further name must have a surname's shape; the list ends at the first that does not, and
 * is none when its first word does not either. One word alone (a pen name, a handle) is left as it is.
 */
function unlabelledChineseNames(names: string | undefined): string | undefined {
  if (!names || !/[\u3400-\u9fff]/.test(names) || /[A-Za-z]/.test(names)) return names;
  const words = names.split(/[\s、]+/).filter(Boolean);
  if (words.length < 2) return names;
  const kept: string[] = [];
  for (const w of words) {
    if (!hasSurnameShape(w)) break;
    kept.push(w);
  }
  return kept.length === 0 ? undefined : kept.join(names.includes('、') ? '、' : ' ');
}

/** Names from the info-line zone: several byline lines ("本报实习生 刘国栋 周炜" / "本报记者 王燕平") are joined. */
function authorsFromHeader(header: { text: string }[], valid: (a: string | undefined) => string | undefined): string | undefined {
  const names: string[] = [];
  for (const l of header) {
    const a = valid(authorFromText(l.text));
    if (a) names.push(a);
    else if (names.length > 0) break;
    if (names.length >= 3) break;
  }
  if (names.length === 0) return undefined;
  const sep = names.some((n) => /[A-Za-z]/.test(n)) ? ', ' : ' ';
  return [...new Set(names)].join(sep);
}

/**
 * A line that is one link to somewhere other than a writer's page (a tag, a channel in the menu, "手机版"): its
 * text names a place on the site, never the byline, however name-like it is.
 */
function isNavigationLink(l: Block): boolean {
  return l.text.length > 0 && l.linkChars >= l.text.length * 0.9 && !PROFILE_PATH.test(l.md) && !MEMBER_PATH.test(l.md);
}

/** A lone-name line right under the headline (essays, magazine pieces), also when the headline opens the body. */
function loneNameAfterTitle(zones: PageZones, title: string | undefined): string | undefined {
  const loneName = (l: Block): string | undefined => (isNavigationLink(l) ? undefined : loneNameLine(l.text));
  const first = zones.header.slice(0, 3).map(loneName).find(Boolean);
  if (first) return first;
  const top = zones.lines.slice(Math.max(0, zones.bodyStart), Math.max(0, zones.bodyStart) + 4);
  const key = title ? comparable(title) : '';
  for (let i = 1; i < top.length; i++) {
    if (key && top[i - 1].text.length < 400 && comparable(top[i - 1].text).endsWith(key.slice(-Math.min(key.length, 8)))) {
      const name = loneName(top[i]);
      if (name) return name;
    }
  }
  return undefined;
}

/** Paths of writer pages: /author/jane-doe, /about/editors/jon-fingas/, /profile/…, /zuozhe/…. */
const PROFILE_PATH = /\/(?:author|authors|autor|auteur|profile|profiles|people|staff|contributors?|writers?|journalists?|editors|columnists?|reporters?|zuozhe|jizhe)\/[^/?#]{2,}/i;
/**
 * A platform member's page (/u/u28067837597024.html, /user/123, a forum engine's space-uid-123.html or
 * home.php?mod=space&uid=123, a blog engine's ?author=102): its link text is a handle, not always a full name.
 */
const MEMBER_PATH = /\/(?:u|user|users|member|members)\/[^/?#]{2,}|(?:^|\/)space-uid-\d+|[?&]mod=space&(?:amp;)?uid=\d+|[?&]author=\d+/i;

/**
 * Links to a writer's page in the lines around the headline (`<a href="/author/…">Chris Thompson</a>`): the link
 * text is the byline even when nothing else marks it. Several such links on one line are several authors.
 */
function authorFromProfileLinks(lines: ZoneLine[], valid: (a: string | undefined) => string | undefined): string | undefined {
  for (const l of lines) {
    if (l.text.length > 200) continue;
    const names: string[] = [];
    // The line may be a block inside the link (<a href="/u/…"><img><p>Fomney</p></a>).
    const around = closest(l.el, (e) => e.name === 'a', 3);
    for (const a of around ? [around] : elementsIn(l.el)) {
      if (a.name !== 'a' || !a.attribs.href) continue;
      const member = MEMBER_PATH.test(a.attribs.href);
      if (!member && !PROFILE_PATH.test(a.attribs.href)) continue;
      const text = collapseSpace(textContent(a));
      const handle = member && /^[\p{L}\p{N}_.-]{2,30}$/u.test(text);
      if ((handle || (isPersonName(text) && (/[\u3400-\u9fff]/.test(text) || text.includes(' ')))) && !names.includes(text)) names.push(text);
    }
    const joined = names.length > 0 ? valid(names.join(/[A-Za-z]/.test(names[0]) ? ', ' : ' ')) : undefined;
    if (joined) return joined;
  }
  return undefined;
}

/** A forum's or blog platform's poster link: class user-name / username / nickname, or data-author="true". */
const USER_LINK_CLASS = /(?:^|[\s_-])(?:user-?name|username-link|nick-?name)(?:$|[\s_-])/i;

/**
 * A forum thread or platform post names its poster by handle in a user link on the line under the headline
 * (`<a class="user-name" href="/zzz6519003">zzz6519003</a> · 19 天前`): a login-like handle is the byline there.
 */
function authorFromUserLinks(lines: ZoneLine[], valid: (a: string | undefined) => string | undefined): string | undefined {
  for (const l of lines) {
    if (l.text.length > 200) continue;
    for (const a of elementsIn(l.el)) {
      if (a.name !== 'a' || !(a.attribs['data-author'] === 'true' || USER_LINK_CLASS.test(a.attribs.class ?? ''))) continue;
      const text = collapseSpace(textContent(a));
      if (text.length >= 2 && text.length <= 30 && !/\s{2,}|[:：]/.test(text)) return valid(text);
    }
  }
  return undefined;
}

/**
 * meta author, unless it is a login or channel code ("admin", "edu") rather than a name. A list that mixes the
 * writer with outlets ("張立勳／特稿, 中國時報, 中時電子報") keeps the people.
 */
function metaAuthor(head: HeadData): string | undefined {
  const raw = metaFirst(head, 'author', 'article:author', 'byl', 'sailthru.author', 'parsely-author', 'dc.creator', 'dcterms.creator');
  if (!raw || /^[a-z0-9_.-]{1,12}$/.test(raw.trim())) return undefined;
  const parts = raw.split(/\s*[,，;；]\s*/);
  if (parts.length > 1 && parts.some((p) => isOutletName(p))) {
    const people = parts.map(cleanPersonName).filter((p): p is string => !!p && isAcceptableAuthor(p));
    return people.length > 0 ? people.join(', ') : undefined;
  }
  return cleanPersonName(raw);
}

/**
 * The "Written by" pair sites give link previews (`twitter:label1` "Written by", `twitter:data1` "Jane Doe"; Yoast
 * SEO writes it on every post).
 */
function labelledMetaAuthor(head: HeadData): string | undefined {
  for (let i = 1; i <= 4; i++) {
    const label = metaFirst(head, `twitter:label${i}`);
    if (!label) break;
    if (/^(?:written by|author|authors|by)\s*:?$/i.test(label.trim())) return cleanPersonName(metaFirst(head, `twitter:data${i}`) ?? '');
  }
  return undefined;
}

/** A label alone on its line ("Author", "Written by", "作者：") and a name alone on the next: the byline. */
const LABEL_ONLY = /^(?:authors?|written by|by|author\(s\)|about the author|作者|撰文|撰稿|文|关于作者|關於作者)\s*[:：]?$/i;

function nameUnderLabel(lines: { text: string }[]): string | undefined {
  for (let i = 0; i + 1 < lines.length; i++) {
    if (lines[i].text.length > 16 || !LABEL_ONLY.test(lines[i].text.trim())) continue;
    const next = collapseSpace(lines[i + 1].text);
    if (next.length > 60) continue;
    const name = namesFromRuns([next]) ?? loneNameLine(next);
    if (name) return cleanPersonName(name);
  }
  return undefined;
}

const SOURCE_CLASS = /(?:^|[\s_-])(?:source|media-?name|laiyuan|ly|come-?from|article-?source|source-?name|media-?source)(?:$|[\s_-])/;

/** An element the site marks as the source (<a class="source">新华日报</a>, <span class="media-name">…</span>) in the info line. */
function sourceFromElements(order: Element[], stats: StatsMap, zones: PageZones): string | undefined {
  const header = new Set(zones.header.map((l) => l.el));
  if (header.size === 0) return undefined;
  for (const el of order) {
    // Only near the headline: the info line's element or one inside it (two set lookups, tested first: this loop
    // runs over every element of the page, and few are near the headline).
    const parent = el.parent as Element | null;
    if (!header.has(el) && !(parent && (header.has(parent) || (parent.parent && header.has(parent.parent as Element))))) continue;
    const cls = classAndId(el);
    if (!cls || !SOURCE_CLASS.test(cls)) continue; // (a blank value cannot match either: no trim() copy per element)
    const size = stats.get(el)?.len ?? 0;
    if (size < 2 || size > 60) continue;
    const text = collapseSpace(textContent(el)).replace(/^(?:来源|稿源|source)\s*[:：]\s*/i, '');
    if (!text || /\d{1,2}[:：]\d{2}|(?:19|20)\d{2}[-/年.]/.test(text) || /[:：]/.test(text)) continue;
    const name = sourceFromText(`来源：${text}`);
    if (name) return name;
  }
  return undefined;
}

/**
 * A byline element that opens with the outlet's name before the writer's (`<div class="reporter"><a>中廣</a> 溫蘭魁
 * <time>…</time></div>`): the outlet is the credited source.
 */
function outletOpeningByline(bylines: Element[], stats: StatsMap): string | undefined {
  for (const el of bylines) {
    const size = stats.get(el)?.len ?? 0;
    if (size === 0 || size > 80) continue;
    const [first, second] = elementRuns(el).map((r) => r.trim());
    if (first && second && isOutletName(first) && /[\u3400-\u9fff]/.test(second) && isPersonName(second)) return first;
  }
  return undefined;
}

/** Platforms that host accounts: as a page's publisher they say less than the account's own name. */
const PLATFORM = /^(?:微信公众平台|微信|WeChat|今日头条|头条号|百家号|搜狐号|网易号|企鹅号|一点号|大鱼号)$/i;
const ACCOUNT_ID = /^(?:js_name|post-user|profileBt|js_profile_nickname|js_wx_follow_nickname)$/;
const ACCOUNT_CLASS = /(?:^|\s)(?:profile_nickname|rich_media_meta_nickname|wx_follow_nickname)(?:\s|$)/;

/**
 * An account platform's page (WeChat and the like) names its account in a marked element (#js_name) or a script
 * variable (`var nickname = "…"`), and its writer in #js_author_name.
 */
function accountOf(order: Element[], head: HeadData, siteNames: string[]): { account?: string; writer?: string } {
  let account: string | undefined;
  let writer: string | undefined;
  let layout = false;
  for (const el of order) {
    const id = el.attribs.id;
    if (!id) {
      // includes() first: this runs on every element of the page.
      if (!account && el.attribs.class?.includes('nickname') && ACCOUNT_CLASS.test(el.attribs.class)) account = collapseSpace(textContent(el)) || undefined;
      continue;
    }
    if (id === 'js_content' || id === 'js_article') layout = true;
    if (!account && ACCOUNT_ID.test(id)) account = collapseSpace(textContent(el)) || undefined;
    else if (!writer && id === 'js_author_name') writer = collapseSpace(textContent(el)) || undefined;
    if (account && writer) break;
  }
  // Only account pages have the layout: no extra walk over other pages.
  if (account) writer ??= oldLayoutWriter(order);
  // A script's `nickname` is the account only on an account platform's page: blogs (CSDN's `var nickName`) name
  // their writer so, and that writer is no source.
  if (layout || siteNames.some((n) => PLATFORM.test(n.trim()))) account ??= head.scriptVars.find((v) => v.key === 'nickname' || v.key === 'jsname')?.value;
  return { account: account && account.length <= 40 ? account : undefined, writer: writer && writer.length <= 40 ? writer : undefined };
}

/**
 * The older WeChat layout has no #js_author_name: the writer is the undated, unlinked meta <em> (or <span>, after a
 * "原创：" label) of the meta list (<em id="post-date" …>2018-04-06</em><em class="rich_media_meta_text">华商君</em><a
 * id="post-user">华商报</a>).
 */
function oldLayoutWriter(order: Element[]): string | undefined {
  const list = order.find((e) => e.attribs.id === 'meta_content' || /(?:^|\s)rich_media_meta_list(?:\s|$)/.test(e.attribs.class ?? ''));
  if (!list) return undefined;
  for (const el of list.children) {
    if (!isTag(el) || (el.name !== 'em' && el.name !== 'span') || el.attribs.id || !/(?:^|\s)rich_media_meta_text(?:\s|$)/.test(el.attribs.class ?? '')) continue;
    const text = collapseSpace(textContent(el));
    // A label item ("原创：" before the writer's <span>) names nobody.
    if (text && text.length <= 30 && !/[:：]$/.test(text) && !/\d{4}[-/年.]\d{1,2}|\d{1,2}:\d{2}/.test(text)) return text;
  }
  return undefined;
}

/**
 * The JSON-LD author, unless the page shows none of its names around the article while a byline element there
 * names someone else: structured data may carry the desk editor who filed the copy (陳昱光) where the page prints
 * its reporter (謝明俊); the printed byline is what readers see.
 */
function structuredAuthor(ldAuthors: string[], zoneLines: { text: string }[], bylineElement: () => string | undefined, valid: (a: string | undefined) => string | undefined): string | undefined {
  const ld = valid(ldAuthors.length > 0 ? [...new Set(ldAuthors)].join(', ') : undefined);
  if (!ld) return undefined;
  const shown = (name: string): boolean => zoneLines.some((l) => l.text.includes(name));
  if (ldAuthors.some(shown)) return ld;
  const printed = bylineElement();
  return printed && shown(printed) ? printed : ld;
}

/**
 * A Chinese "name" that is the start of the site's own name (中時 of 中時電子報, 新京 of 新京报网) is the outlet's short
 * form, not a person.
 */
function abbreviatesSite(name: string, siteNames: string[]): boolean {
  const n = comparable(name);
  if (n.length < 2 || !/^[\u3400-\u9fff]+$/.test(n)) return false;
  return siteNames.some((s) => {
    const c = comparable(s);
    return c.length > n.length && c.startsWith(n);
  });
}

/**
 * A meta author that is the site's brand (`<meta name="author" content="网易">` on a page titled "…_网易新闻"): the start
 * of a site name or of the <title>'s last part, and no surname's shape (so "张三" on "…_张三的博客" stays the author).
 */
function unlessBrand(author: string | undefined, docTitle: string | undefined, siteNames: string[]): string | undefined {
  // (Chinese only: a personal blog's <title> ends with its writer's Latin name, and that name is the byline.)
  if (!author || !/^[\u3400-\u9fff]+$/.test(author) || hasSurnameShape(author)) return author;
  const last = docTitle?.split(/\s*[_|｜–—-]\s*/).pop()?.trim();
  const names = last && last.length <= 16 && last !== docTitle?.trim() ? [...siteNames, last] : siteNames;
  return abbreviatesSite(author, names) || names.some((n) => comparable(n) === comparable(author)) ? undefined : author;
}

/**
 * "文｜财新 余聪": a byline that names the outlet's short form before the writer; the outlet token (the start of the
 * site's or the credited source's name) is no part of the author.
 */
function withoutOutletToken(author: string | undefined, siteNames: string[], publisher: string | undefined): string | undefined {
  if (!author || !/[\u3400-\u9fff]/.test(author) || !author.includes(' ')) return author;
  const names = publisher ? [...siteNames, publisher] : siteNames;
  const kept = author.split(' ').filter((t) => !(abbreviatesSite(t, names) || isOutletName(t)));
  return kept.length > 0 && kept.length < author.split(' ').length ? kept.join(' ') : author;
}

/** "🌏华商君", "读武汉关注☞": the emoji and arrows decorating an account's writer field. */
function withoutEdgeSymbols(s: string): string {
  return s.replace(/^[\s\u2190-\u21ff\u2600-\u27bf\u{1F000}-\u{1FAFF}\uFE0F]+|[\s\u2190-\u21ff\u2600-\u27bf\u{1F000}-\u{1FAFF}\uFE0F]+$/gu, '');
}

/** "聯合新聞網 | 聯合新聞網": a template that printed the name twice around a separator names it once. */
function unrepeated(name: string): string {
  const parts = name.split(/\s*[|｜]\s*|\s+[-–—]\s+/);
  return parts.length > 1 && parts.every((p) => p && comparable(p) === comparable(parts[0])) ? parts[0] : name;
}

export function extractPeople(order: Element[], stats: StatsMap, head: HeadData, zones: PageZones, title: string | undefined): People {
  const siteNames = siteNamesOf(head);
  // The page's byline elements, found once: up to three of the steps below read them, each a pass over the page.
  let bylineEls: Element[] | undefined;
  const bylines = (): Element[] => (bylineEls ??= order.filter(isBylineElement));
  // The metadata zones re-read with element boundaries as token boundaries ("来源：<a>新京报</a><a>举报</a>").
  const cache = new Map<Element, string[][]>();
  const header = segmentLines(zones.header, stats, cache);
  const bodyEdges = segmentLines(zones.bodyEdges, stats, cache);
  const after = segmentLines(zones.after, stats, cache);
  const beforeTitle = segmentLines(zones.beforeTitle, stats, cache);
  const edgeZones = [...bodyEdges, ...after];
  const tail = bodyEdges.slice(-4).filter((l) => l.text.length <= 40);

  // The info line's bare words beside the date (info-line.ts), read once: the source and the author chains both ask.
  let credit: ReturnType<typeof creditBesideDate> | undefined;
  const infoCredit = (): ReturnType<typeof creditBesideDate> => (credit ??= creditBesideDate(header));

  const editor = firstOf([...after, ...bodyEdges, ...header], editorFromText) ?? firstOf(zones.lines, editorFromText);

  const source =
    firstOf(header, sourceFromText) ??
    firstOf([...header, ...bodyEdges.slice(0, 3)], sourceFromDateline) ??
    firstOf(header, sourceFromInfoLine) ??
    sourceFromOutletLine(header) ??
    sourceFromElements(order, stats, zones) ??
    outletOpeningByline(bylines(), stats) ??
    infoCredit().source ??
    firstOf(edgeZones, sourceFromText) ??
    firstOf(tail, sourceFromInfoLine) ??
    firstOf(zones.lines.slice(0, 400), sourceFromText);
  // "（中時）" closing the body: the outlet's short name in the bracket where wire copy puts its writers' names.
  const closingOutlet = firstOf(bodyEdges.slice(-3), (t) => {
    const n = trailingNames(t);
    return n && abbreviatesSite(n, siteNames) ? n : undefined;
  });
  const { account, writer } = accountOf(order, head, siteNames);
  // An account platform's article (WeChat): the account is the source, whatever the text credits.
  // An outlet in the JSON-LD author slot (app portals: "author": "新华社") is the credited source, not a person.
  const ldOutlet = (head.article?.authors ?? []).find((a) => isOutletName(a));
  // A hosting platform ("微信公众平台", "今日头条") names no outlet: without the account's name, no source.
  const found = account ?? [source, ldOutlet, closingOutlet, head.article?.publisher, ...siteNames].find((p) => p && !PLATFORM.test(p.trim()));
  const publisher = found && unrepeated(found);

  const exclude = [...siteNames, ...(publisher ? [publisher] : []), ...(editor ? [editor] : [])].map(comparable);
  // A personal blog's site name is its writer's name ("Damien Walter"): a Latin full name is not excluded for
  // being the site's name; Chinese site names are outlets or accounts, so they are.
  const siteLike = (a: string): boolean => (exclude.includes(comparable(a)) && !(/^[A-Z]/.test(a) && a.includes(' ') && isPersonName(a))) || abbreviatesSite(a, siteNames);
  const valid = (raw: string | undefined): string | undefined => {
    const a = raw && withoutTrailingChrome(withoutLeadingOutlet(raw));
    return a && !siteLike(a) && isAcceptableAuthor(a, editor) ? a : undefined;
  };

  // The writer is kept as the account prints it ("🌏华商君"); only the check reads it without its decoration.
  const acceptableWriter = (a: string | undefined): string | undefined => (a && isAcceptableAuthor(withoutEdgeSymbols(a), editor) ? a : undefined);
  const ldAuthors = (head.article?.authors ?? []).map(cleanPersonName).filter((x): x is string => !!x && isAcceptableAuthor(x));
  const author =
    // (The account's writer field may hold a prompt to the reader instead of a name, "读武汉关注☞": checked for
    // interface words once the emoji and arrows around it are dropped.)
    (writer ? acceptableWriter(cleanPersonName(writer)) : undefined) ??
    structuredAuthor(ldAuthors, [...header, ...bodyEdges, ...after, ...beforeTitle], () => authorFromBylineElements(bylines(), stats, valid), valid) ??
    authorsFromHeader(header, valid) ??
    (infoCredit().marked ? valid(infoCredit().author) : undefined) ??
    firstOf(header, (t) => valid(otherLanguageByline(t))) ??
    firstOf(edgeZones, (t) => valid(authorFromText(t))) ??
    firstOf(bodyEdges.slice(-3), (t) => valid(trailingNames(t))) ??
    valid(signedOffName(bodyEdges[bodyEdges.length - 1]?.text ?? '')) ??
    firstOf(beforeTitle, (t) => valid(authorFromText(t))) ??
    firstOf([...beforeTitle, ...header], (t) => valid(nameBeforeRole(t))) ??
    // Some portals put the writer in the closing "来源：" line when the publication is named above.
    (source ? firstOf(bodyEdges.slice(-3), (t) => {
      const named = sourceFromText(t);
      return named && named !== source && looksLikeChineseName(named) ? valid(named) : undefined;
    }) : undefined) ??
    authorFromBylineElements(bylines(), stats, valid) ??
    firstOf(edgeZones, (t) => valid(otherLanguageByline(t))) ??
    authorFromProfileLinks([...header.slice(0, 6), ...beforeTitle], valid) ??
    authorFromUserLinks(header, valid) ??
    // The footer sits under the post's tag, share and profile rows, past the few lines read after the body.
    (zones.bodyEnd !== undefined && zones.bodyEnd >= 0 ? firstOf(zones.lines.slice(zones.bodyEnd + 1, zones.bodyEnd + 41), (t) => valid(posterAfterDate(t))) : undefined) ??
    firstOf(header, (t) => valid(authorFromInfoLine(t))) ??
    valid(infoCredit().author) ??
    valid(loneNameAfterTitle(zones, title)) ??
    valid(unlessBrand(metaAuthor(head), head.docTitle, siteNames)) ??
    valid(labelledMetaAuthor(head)) ??
    firstOf(header, (t) => valid(nameBesideDate(t))) ??
    valid(nameUnderLabel(header)) ??
    firstOf([...beforeTitle, ...header, ...bodyEdges], (t) => valid(ownerOfOriginal(t))) ??
    valid(nameUnderLabel(after)) ??
    // A post card's head "display name @handle" over or under the headline, or opening the post.
    firstOf([...header.slice(0, 6), ...beforeTitle, ...bodyEdges.slice(0, 1)], (t) => valid(nameBeforeHandle(t))) ??
    // A post card's name line over its "发布于 <time>" line, above or under the headline.
    valid(posterAbovePostedLine(beforeTitle)) ??
    valid(posterAbovePostedLine(header.slice(0, 6))) ??
    // A blog footer "Posted by X at <time>" inside what was taken for the body (a page whose post box is unmarked).
    (zones.bodyStart >= 0 ? firstOf(zones.lines.slice(zones.bodyStart, zones.bodyStart + 400), (t) => valid(posterOfFooter(t))) : undefined) ??
    firstOf([...header, ...bodyEdges], (t) => valid(photographerFromText(t)));

  const named = fullerFromMeta(withoutOutletToken(author, siteNames, publisher), [metaAuthor(head), labelledMetaAuthor(head)]);
  // A one-word author (a display name in the metadata: "Linda") is often the start of the byline the page shows;
  // an all-capitals word is an agency's initials ("SID"), not a first name.
  const fuller = named && !/\s/.test(named.trim()) && named !== named.toUpperCase() ? fullerFromMeta(named, firstBylines(bylines(), stats, valid)) : named;
  return { author: fuller, editor, publisher };
}

/** Byline elements read for a one-word author's full form (a page repeats its byline a few times at most). */
const MAX_BYLINES = 8;

function firstBylines(bylines: Element[], stats: StatsMap, valid: (a: string | undefined) => string | undefined): string[] {
  const out: string[] = [];
  for (const name of bylineElementNames(bylines, stats, valid)) if (out.push(name) >= MAX_BYLINES) break;
  return out;
}

/**
 * One Latin name read in two places (also used the other way round: a one-word metadata name and the page's byline):
 * a byline cut to the first name ("Linda" of "Linda McCall") or run on into the
 * next word ("Harsh Vaibhav Global"), and the page's meta author naming the same person in full. When one is the
 * other's leading words, the meta wording is the name.
 */
function fullerFromMeta(author: string | undefined, metaNames: Array<string | undefined>): string | undefined {
  if (!author || /[,，、&]|\band\b|[\u3400-\u9fff]/.test(author)) return author;
  const words = author.toLowerCase().split(/\s+/);
  for (const m of metaNames) {
    if (!m || /[,，、&]|\band\b|[\u3400-\u9fff]/.test(m) || !isPersonName(m.replace(/^./, (c) => c.toUpperCase()))) continue;
    const mw = m.toLowerCase().split(/\s+/);
    if (mw.length === words.length || mw.length < 2) continue;
    const [short, long] = mw.length < words.length ? [mw, words] : [words, mw];
    if (short.every((w, i) => w === long[i])) return m;
  }
  return author;
}
