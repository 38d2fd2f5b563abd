/**
 * Descriptive fields: description, canonical URL, language, tags, category (section / breadcrumb / 类别：),
 * images, and the structured-data author and publisher candidates.
 */
import type { ArticleImage } from './types.js';
import type { Block } from './blocks.js';
import { textContent, type Element } from './dom.js';
import { metaFirst, type HeadData } from './head.js';
import type { StatsMap } from './body-score.js';
import { canonicalLink, resolveHttpUrl } from './links.js';
import { collapseSpace, comparable, countCjk, uniq } from './text.js';

export function extractDescription(head: HeadData): string | undefined {
  return metaFirst(head, 'og:description', 'description', 'twitter:description', 'dc.description') ?? head.article?.description;
}

export function extractCanonical(all: Element[], head: HeadData, base: string | undefined): string | undefined {
  return canonicalLink(all, base) ?? resolveHttpUrl(metaFirst(head, 'og:url'), base) ?? resolveHttpUrl(head.article?.url, base);
}

/** BCP 47-ish tag: "zh_CN" → "zh-CN", "EN-us" → "en-US". */
export function normalizeLang(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  // BCP 47: language, then an optional script ("Hant", "Latn"), then an optional region ("TW", "419"). The script is
  // tried first: read as a region, "zh-Hant-TW" became "zh-HA" and its pages lost their region (and their clock).
  const m = /^([a-z]{2,3})(?:[-_]([a-z]{4}))?(?:[-_]([a-z]{2}|\d{3}))?(?![a-z\d])/i.exec(raw.trim());
  if (!m) return undefined;
  const script = m[2] ? `-${m[2][0].toUpperCase()}${m[2].slice(1).toLowerCase()}` : '';
  const region = m[3] ? `-${m[3].toUpperCase()}` : '';
  return `${m[1].toLowerCase()}${script}${region}`;
}

const EN_STOPWORDS = /\b(?:the|and|of|to|in|is|that|for|with|was|on)\b/gi;

/**
 * Japanese prose is a third or more kana (particles, endings); Chinese text borrows a few: "・" between a foreign
 * name's parts (迈克尔・乔丹), "の" in a headline (鬼灭之刃の新作). A twentieth of the CJK characters tells them apart.
 */
const KANA_SHARE = 0.05;

/** Hiragana and katakana letters, without the middle dot and the long-vowel mark Chinese text uses too. */
function countKana(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x3041 && c <= 0x30fa) n++;
  }
  return n;
}

/**
 * A guess from the text: CJK → zh/ja/ko, English stopwords → en. Under a declared Japanese any kana letter says
 * Japanese (kanji-heavy pages, 人事 lists or quake reports, run under a twentieth of kana).
 */
function guessLanguage(text: string, declaredJa = false): string | undefined {
  const sample = text.slice(0, 5000);
  if (!sample) return undefined;
  const cjk = countCjk(sample);
  if (cjk > countNonSpace(sample) * 0.2) {
    if (countKana(sample) >= (declaredJa ? 1 : Math.max(1, cjk * KANA_SHARE))) return 'ja';
    if (/[\uac00-\ud7af]/.test(sample)) return 'ko';
    return 'zh';
  }
  const words = countAsciiWords(sample);
  const stops = sample.match(EN_STOPWORDS)?.length ?? 0;
  return words > 20 && stops > words * 0.08 ? 'en' : undefined;
}

/** Length without whitespace (JavaScript's \s, what trim() removes), counted without building the shorter string. */
function countNonSpace(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const space =
      c <= 0x20 ? c === 0x20 || (c >= 0x09 && c <= 0x0d) : c >= 0xa0 && (c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff);
    if (!space) n++;
  }
  return n;
}

/** How many runs of ASCII letters (what /[A-Za-z]+/g would match), counted without building the matches. */
function countAsciiWords(s: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i) | 0x20;
    const letter = c >= 0x61 && c <= 0x7a;
    if (letter && !inWord) n++;
    inWord = letter;
  }
  return n;
}

/**
 * Declared language, else a guess from the body (or title) text. A declaration that the text contradicts
 * (a Chinese article in a template saying lang="en") gives way to the guess.
 */
export function extractLanguage(head: HeadData, bodyText: string, title?: string): string | undefined {
  const declared =
    normalizeLang(head.htmlLang) ??
    normalizeLang(metaFirst(head, 'content-language', 'language', 'dc.language', 'og:locale')) ??
    normalizeLang(head.article?.inLanguage);
  const declaredJa = declared !== undefined && /^ja\b/.test(declared);
  const guessed = guessLanguage(bodyText, declaredJa) ?? (title && countCjk(title) >= 4 ? guessLanguage(title, declaredJa) : undefined);
  if (!declared) return guessed;
  const cjkGuess = guessed === 'zh' || guessed === 'ja' || guessed === 'ko';
  const cjkDeclared = /^(?:zh|ja|ko)\b/.test(declared);
  if (guessed && cjkGuess !== cjkDeclared) return guessed;
  // Chinese text under a template's lang="ja" (or "ko"): the text decides, or the page's times get Tokyo's zone.
  if (guessed && cjkGuess && cjkDeclared && guessed.slice(0, 2) !== declared.slice(0, 2)) return guessed;
  return declared;
}

function splitTags(raw: string): string[] {
  let parts = raw.split(/[,，;；、|｜]+/);
  // Chinese keyword lists are often space separated.
  if (parts.length === 1 && countCjk(raw) > 0) parts = raw.split(/\s+/);
  return parts.map((p) => collapseSpace(p)).filter((p) => p.length > 0 && p.length <= 50);
}

/** (Module constants: a regex literal inside a loop is a new RegExp object at every pass.) */
const REL_TAG = /(?:^|\s)tag(?:\s|$)/i;
const TAGS_LINE = /^(?:关键词|关键字|标签|tags?)\s*[:：]\s*(.{1,200})$/i;
const CATEGORY_LINE = /(?:类别|分类|栏目|频道|所属栏目)\s*[:：]\s*([^\s|｜/]{1,20})/;

export function extractTags(order: Element[], head: HeadData, lines: Block[]): string[] {
  const out: string[] = [];
  for (const key of ['article:tag', 'news_keywords', 'keywords', 'parsely-tags', 'sailthru.tags']) {
    for (const v of head.meta.get(key) ?? []) out.push(...splitTags(v));
    if (out.length > 0) break;
  }
  if (out.length === 0 && head.article) out.push(...head.article.keywords.flatMap(splitTags));
  if (out.length === 0) {
    for (const el of order) {
      if (el.name !== 'a' || !REL_TAG.test(el.attribs.rel ?? '')) continue;
      const t = collapseSpace(textContent(el));
      if (t && t.length <= 50) out.push(t);
    }
  }
  if (out.length === 0) {
    for (const l of lines) {
      const m = TAGS_LINE.exec(l.text);
      if (m) {
        out.push(...splitTags(m[1]));
        break;
      }
    }
  }
  return uniq(out).slice(0, 30);
}

const BREADCRUMB_HINT = /breadcrumb|crumb|(?:^|[\s_-])(?:position|location|path|navpath|weizhi|dqwz|place|curpos|local|guide|nav_?path|route)(?:$|[\s_-])/;
const BREADCRUMB_LINE = /^(?:当前位置|您的位置|您现在的位置|您当前的位置|当前的位置|位置|现在位置)\s*[:：]?\s*/;
const CRUMB_SPLIT = /\s*(?:>>|>|»|›|→|\/|\||＞|-{1,2}>)\s*/;
const CRUMB_NOISE = /^(?:首页|主页|网站首页|home|正文|内容|详情|文章|news|新闻中心|新闻|当前位置.*|您的位置.*)$/i;

function lastCrumb(text: string, title: string | undefined): string | undefined {
  const items = text
    .replace(BREADCRUMB_LINE, '')
    .split(CRUMB_SPLIT)
    .map((s) => collapseSpace(s))
    .filter((s) => s && !CRUMB_NOISE.test(s) && s.length <= 30 && (!title || comparable(s) !== comparable(title)));
  return items.length > 0 ? items[items.length - 1] : undefined;
}

export function extractCategory(order: Element[], stats: StatsMap, head: HeadData, header: Block[], lines: Block[], title: string | undefined): string | undefined {
  const declared = head.article?.section ?? metaFirst(head, 'article:section', 'section', 'category', 'parsely-section', 'og:section', 'columnname', 'lanmu');
  if (declared) return declared;
  for (const l of [...header, ...lines.slice(0, 80)]) {
    const m = CATEGORY_LINE.exec(l.text);
    if (m) return m[1];
  }
  for (const el of order) {
    const a = el.attribs;
    if (!a.class && !a.id && !a['aria-label']) continue;
    const size = stats.get(el)?.len ?? 0;
    if (size === 0 || size > 300) continue;
    if (!BREADCRUMB_HINT.test(`${a.class ?? ''} ${a.id ?? ''} ${a['aria-label'] ?? ''}`.toLowerCase())) continue;
    const crumb = lastCrumb(collapseSpace(textContent(el)), title);
    if (crumb) return crumb;
  }
  for (const l of lines.slice(0, 150)) {
    if (BREADCRUMB_LINE.test(l.text) && CRUMB_SPLIT.test(l.text)) return lastCrumb(l.text, title);
  }
  return undefined;
}

export function extractImages(head: HeadData, bodyBlocks: Block[], base: string | undefined): ArticleImage[] {
  const out = new Map<string, ArticleImage>();
  const add = (src: string | undefined, extra: Omit<ArticleImage, 'src'> = {}): void => {
    const abs = resolveHttpUrl(src, base);
    if (!abs || out.has(abs) || out.size >= 50) return;
    out.set(abs, { src: abs, ...extra });
  };
  for (const key of ['og:image', 'og:image:url', 'og:image:secure_url', 'twitter:image', 'twitter:image:src']) {
    for (const v of head.meta.get(key) ?? []) add(v);
  }
  for (const src of head.article?.images ?? []) add(src);
  for (const b of bodyBlocks) {
    if (b.kind === 'image' && b.image) add(b.image.src, { alt: b.image.alt, caption: b.image.caption });
  }
  return [...out.values()];
}
