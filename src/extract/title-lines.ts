/**
 * Title from page lines alone: a headline-looking line just above (or at the top of) the body, for old pages and
 * blogs whose <title> is generic and matches no element.
 */
import type { Block } from './blocks.js';
import type { StatsMap } from './body-score.js';
import { isBoilerplateLine } from './body-clean.js';
import { classAndId, isTag, isText, textContent, type Element } from './dom.js';
import { collapseSpace, weightedLength } from './text.js';
import type { TitleResult } from './title.js';
import { isDateStamp, squashKey } from './title-keys.js';
import { tidyTitle, TITLE_HINT } from './title-text.js';
import { isSiteChrome } from './title-chrome.js';
import { titleTokens, tokenSimilarity } from './title-similar.js';

const EMPHASIS = new Set(['b', 'strong', 'font', 'big', 'h1', 'h2', 'h3', 'h4']);

/** How headline-like a page line is: heading tags, bold/large wrappers, title classes, centring, a link to the page itself. */
function headlineScore(line: Block, stats: StatsMap, selfLink: Element | undefined): number {
  const text = line.text;
  const len = weightedLength(text);
  if (len < 6 || len > 120 || (line.linkChars > text.length * 0.5 && !selfLink)) return 0;
  // (A "发布于 05-16 19:12" link to the page itself, a post's timestamp, is the info line too, though it has no year.)
  if (/[。；;]$|\d{4}[-年/.]\d{1,2}|^(?:作者|来源|发布|时间|日期|by\s)|(?:发布|发表|發佈|發表)(?:于|於)\s*\d|\d{1,2}[-/月]\d{1,2}日?\s*\d{1,2}[:：]\d{2}/i.test(text) || isBoilerplateLine(text)) return 0;
  const el = line.el;
  if (isSiteChrome(el)) return 0;
  let score = selfLink ? 3 : 0;
  if (line.kind === 'heading') score += (line.headingLevel ?? 3) <= 2 ? 4 : 3;
  if (TITLE_HINT.test(classAndId(el))) score += 2;
  // Emphasis covering the line's text (the element may hold more lines after a <br>).
  const stack: Element[] = el.children.filter(isTag);
  for (let steps = 0; stack.length > 0 && steps < 12; steps++) {
    const c = stack.shift()!;
    const cl = stats.get(c)?.len ?? 0;
    if (EMPHASIS.has(c.name) && cl >= len * 0.8 && cl <= len * 1.2 + 4) {
      score += 2;
      break;
    }
    if (c.name === 'a' || c.name === 'span') stack.push(...c.children.filter(isTag));
  }
  if (/center/i.test(`${el.attribs.align ?? ''} ${el.attribs.style ?? ''}`) || el.name === 'center') score += 1;
  return score;
}

/** Text of the first self-link under `el` (a blog's permalinked headline), when it is headline-sized. */
function selfLinkIn(el: Element, selfLinks: Set<Element>): Element | undefined {
  if (selfLinks.size === 0) return undefined;
  for (const a of selfLinks) {
    let cur: Element | null = a;
    for (let i = 0; cur && i < 6; i++, cur = cur.parent as Element | null) if (cur === el) return a;
  }
  return undefined;
}

/** A score a line above the body reaches only as a heading (a heading tag, or emphasis with a title class). */
const ABOVE_HEADING = 4;
/** Eight Han characters or sixteen Latin ones: longer than most site and channel names, as long as short headlines. */
const HEADLINE_SIZED = 16;

/** A headline-looking line just above (or at the top of) the body: old pages and blogs with generic <title>s. */
export function titleFromLines(
  lines: Block[],
  bodyStart: number,
  stats: StatsMap,
  selfLinks: Set<Element> = new Set(),
  metadataTitle?: string,
  channels: string[] = [],
  metadataNamesOnlySite = false,
  fallbackTitle?: string,
): TitleResult | undefined {
  if (bodyStart < 0) return undefined;
  const channel = (text: string): boolean => channels.length > 0 && channels.includes(squashKey(text));
  // The article's own metadata title (several words) that shares no wording with a line says the line is a section
  // heading ("Table of Contents"), not a headline the <title> failed to name.
  const meta = metadataTitle ? titleTokens(metadataTitle) : new Set<string>();
  // A site name ("-铜雀历史网") is short: around ten Han characters or four words make a specific title.
  const specific = meta.size >= 4 && weightedLength(metadataTitle ?? '') >= 20;
  const unlike = (text: string): boolean => specific && tokenSimilarity(titleTokens(text), meta) < 0.15;
  let best: { line: Block; score: number; link?: Element; above: boolean } | undefined;
  for (let i = Math.max(0, bodyStart - 15); i <= Math.min(lines.length - 1, bodyStart + 2); i++) {
    // A self-link counts when it is most of the line: one entry of a chapter list linking here is navigation.
    let link = selfLinkIn(lines[i].el, selfLinks);
    const linkText = link ? collapseSpace(textContent(link)) : '';
    if (link && (!lines[i].text.includes(linkText) || weightedLength(linkText) < weightedLength(lines[i].text) * 0.5)) link = undefined;
    const s = !channel(lines[i].text) && (link || !unlike(lines[i].text)) ? headlineScore(lines[i], stats, link) : 0;
    const proximity = i >= bodyStart - 3 ? 0.5 : 0;
    // A heading of the body's own first lines (a banner or a section head the account's editor set as <h1>) does
    // not outrank a headline-sized heading above the body: the headline precedes the text it heads. A short one
    // above (a logo's or a channel's name, "临江网") leaves the body's opening heading the headline.
    const inBody = i >= bodyStart && best !== undefined && best.above && best.score >= ABOVE_HEADING && weightedLength(best.line.text) >= HEADLINE_SIZED;
    if (s >= 2 && !inBody && (!best || s + proximity >= best.score)) best = { line: lines[i], score: s + proximity, link, above: i < bodyStart };
  }
  if (!best) {
    if (metadataNamesOnlySite) return plainLineAboveBody(lines, bodyStart, channel);
    // The metadata title, unmatched, may name only the body running the site ("浙江省淡水水产研究所"), no part of the
    // page shown alone: a plain headline line holding it and saying more ("浙江省淡水水产研究所召开…大会") is the headline.
    const fallback = fallbackTitle ? squashKey(fallbackTitle) : '';
    const plain = fallback ? plainLineAboveBody(lines, bodyStart, channel) : undefined;
    return plain?.title && squashKey(plain.title).length > fallback.length && squashKey(plain.title).includes(fallback) ? plain : undefined;
  }
  const linkText = best.link ? tidyTitle(textContent(best.link)) : '';
  const title = weightedLength(linkText) >= 4 ? linkText : tidyTitle(best.line.text);
  // The line is the metadata title with a date or time beside it (a blog's <time> inside its permalinked headline,
  // "Dec 18 2025 Headline"): the metadata's wording is the headline.
  const k = squashKey(title);
  const whole = [metadataTitle, fallbackTitle].find((m) => m && weightedLength(m) >= 6 && k.includes(squashKey(m)) && isDateStamp(k.replace(squashKey(m), '')));
  return { title: whole ?? title, el: best.line.el };
}

/**
 * A date, a label (作者：, 来源：, 記者), an "original content" badge opening the line (原创 张三 某某公众号, as
 * WeChat-style posts print it) or a tool button: the info line between headline and body, not a headline.
 */
function isInfoOrControl(line: Block): boolean {
  const text = line.text;
  return text.length <= 4 || INFO_LABEL.test(text) || (ORIGINAL_WORD.test(text) && (ORIGINAL_BADGE.test(text) || opensWithBadge(line.el)));
}
const INFO_LABEL = /\d{4}[-年/.]\d{1,2}|\d{1,2}[:：]\d{2}|^(?:作者|来源|來源|发布|發布|时间|時間|日期|记者|記者|编辑|編輯|by\s)/i;
/**
 * 原创 is a badge when set off from what follows (a space, a colon, a bar) or alone in the line's first element: a
 * headline may open with the word ("原创动画电影《哪吒》…", "原创音乐人扶持计划…").
 */
const ORIGINAL_WORD = /^原[创創]/;
const ORIGINAL_BADGE = /^原[创創](?:[\s\u3000:：|｜]|$)/;

function opensWithBadge(el: Element): boolean {
  const first = el.children.find((c) => isTag(c) || (isText(c) && c.data.trim() !== ''));
  return first !== undefined && isTag(first) && /^原[创創]$/.test(collapseSpace(textContent(first)));
}

/**
 * When <title> and og:title name only the site, an old table layout may print its headline as a plain cell, no
 * heading tag, no bold, no class: then the short unpunctuated line right above the body (over its info line) is it.
 */
function plainLineAboveBody(lines: Block[], bodyStart: number, channel: (text: string) => boolean): TitleResult | undefined {
  const plain = (line: Block): boolean => {
    const len = weightedLength(line.text);
    return (
      len >= 10 &&
      len <= 80 &&
      !/[。；;：:，,、]$/.test(line.text) &&
      line.linkChars <= line.text.length * 0.3 &&
      !channel(line.text) &&
      !isBoilerplateLine(line.text) &&
      !isSiteChrome(line.el)
    );
  };
  for (let i = bodyStart - 1; i >= Math.max(0, bodyStart - 4); i--) {
    const line = lines[i];
    if (isInfoOrControl(line)) continue;
    return plain(line) ? { title: tidyTitle(line.text), el: line.el } : undefined;
  }
  // Nothing above: the content block may hold the headline itself, its first line, with the info line (a date, a
  // 来源： label) right under it.
  const first = lines[bodyStart];
  const next = lines[bodyStart + 1];
  if (first && next && !isInfoOrControl(first) && next.text.length > 4 && isInfoOrControl(next) && plain(first)) return { title: tidyTitle(first.text), el: first.el };
  return undefined;
}
