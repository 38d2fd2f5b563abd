/**
 * Writers named by a line's shape rather than a label: a post card's display name and @handle, a name over a
 * "发布于 <time>" line, "Derek 作者", a copyright note's owner, a blog footer's "posted @ <time> X" or "Posted by X at
 * <time>", a closing signature, a line that is only a name. people.ts tries them after every labelled form
 * (byline.ts) has found nothing.
 */
import { cleanPersonName, hasCommonSurname, LONE_NAME, OUTLET_END } from './byline.js';
import { collapseSpace } from './text.js';

/**
 * "henryspace @henryspace", "老李说交通 @laoli_traffic · 2022-07-01": a social post's or microblog card's head, the
 * display name followed by the account's @handle (and at most a time or place after it). The display name is the
 * byline; a line that is only a handle ("@someone") or that mentions a handle inside prose is none.
 */
const NAME_THEN_HANDLE = /^([^@\s:：][^@:：]{0,29}?)(?:\s+|(?<=[\u3400-\u9fff]))@[A-Za-z0-9_][A-Za-z0-9_.]{1,29}(?=$|[\s·•|｜,，])(.*)$/;

export function nameBeforeHandle(text: string): string | undefined {
  if (text.length > 120) return undefined;
  const m = NAME_THEN_HANDLE.exec(collapseSpace(text));
  if (!m) return undefined;
  // What follows the handle may be a time, a place or a separator, not a sentence.
  const rest = m[2].replace(/^[\s·•|｜,，]+/, '');
  if (rest.length > 40 || /[。！？!?]/.test(rest)) return undefined;
  // "On 6/13/2018 by @someone": a date and a label before the handle are no display name.
  const name = m[1].trim();
  if (/\d[/.-]\d|\d{1,2}:\d{2}|\b(?:by|from|via|von|par|por)$|[:：]$/i.test(name)) return undefined;
  return cleanPersonName(name);
}

/** A line saying when (and from where) a post was put up: "来自雪球 发布于05-16 19:12", "发表于 2020-03-04 10:20". */
const POSTED_LINE = /^(?:来自\S{1,12}\s*)?(?:发布于|发表于|發佈於|發表於|發布於)\s*(?:\d|昨天|今天|前天)/;

/**
 * A post card printed as two lines: the poster's name alone, and under it the "发布于 <time>" line (a platform
 * column, a forum post whose name and time sit in separate elements). The name line is the byline.
 */
export function posterAbovePostedLine(lines: Array<{ text: string }>): string | undefined {
  for (let i = 0; i + 1 < lines.length; i++) {
    const next = collapseSpace(lines[i + 1].text);
    if (next.length > 40 || !POSTED_LINE.test(next)) continue;
    const name = collapseSpace(lines[i].text);
    if (name.length < 2 || name.length > 24 || /[:：]|\d{1,2}[:：]\d{2}|(?:19|20)\d{2}[-/.年]/.test(name) || name.split(' ').length > 3) continue;
    return cleanPersonName(name);
  }
  return undefined;
}

/**
 * "Derek 作者": a name with its role written under or after it (a writer card: name on top, "作者" below), no colon
 * between. The whole line is the name and the role word.
 */
const NAME_THEN_ROLE = /^(\S+(?:\s\S+)?)\s+(?:作者|撰文|撰稿|记者|記者)$/;

export function nameBeforeRole(text: string): string | undefined {
  if (text.length > 80) return undefined;
  const m = NAME_THEN_ROLE.exec(collapseSpace(text));
  return m ? cleanPersonName(m[1]) : undefined;
}

/** "开心老头 原创，如需商业用途或转载请与开心老头联系": a copyright note naming whose original work this is. */
const OWNER_OF_ORIGINAL = /(?:^|\s)([^\s，,。：:]{2,16})\s?(?:原创|原創)[，,]?\s?(?:如需|转载|轉載|未经|未經|禁止|请勿|請勿)/;

export function ownerOfOriginal(text: string): string | undefined {
  if (text.length > 200) return undefined;
  const m = OWNER_OF_ORIGINAL.exec(collapseSpace(text));
  return m && !/^(?:本文|本站|本号|本號|本网|本網|本报|本報|作者|文章|内容|內容)$/.test(m[1]) ? cleanPersonName(m[1]) : undefined;
}

/** "posted @ 2024-05-09 14:45 好看的hk 阅读(430) 评论(2)": the footer blog engines print under a post. */
const POSTED_AT = /^posted\s*@\s*(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s+(\S+)/i;

/** The poster named right after the time in a blog's "posted @" footer (cnblogs and other .Text-style engines). */
export function posterAfterDate(text: string): string | undefined {
  if (text.length > 240) return undefined;
  const m = POSTED_AT.exec(collapseSpace(text));
  return m && !/^(?:阅读|閱讀|评论|評論|[(（])/.test(m[1]) ? m[1] : undefined;
}

/** "Posted by K A at 12:11 PM", "Posted by mike on 2011-07-28": a blog engine's footer line, the whole line. */
const POSTED_BY_AT = /^posted by\s+(\S.{0,39}?)\s+(?:at|on)\s+(?=[^\n]{0,40}\d)\S[^\n]{0,40}$/i;

/** The poster a blog footer's whole line "Posted by X at/on <time>" names (Blogger and its kin print it under a post). */
export function posterOfFooter(text: string): string | undefined {
  if (text.length > 100) return undefined;
  const m = POSTED_BY_AT.exec(collapseSpace(text));
  return m ? cleanPersonName(m[1]) : undefined;
}

/**
 * The last line of a text that is only a writer's name ("张三", "■张三", "——张三"): essays and columns sign off so. A
 * surname's shape is required (a closing "完", "待续" or a place name is none).
 */
const SIGNED_OFF = /^[■□●○◆◇▲△★☆—\-－~～\s]*([\u3400-\u9fff]{2,3})$/;

export function signedOffName(text: string): string | undefined {
  if (text.length > 12) return undefined;
  const m = SIGNED_OFF.exec(collapseSpace(text));
  return m && hasCommonSurname(m[1]) && !OUTLET_END.test(m[1]) ? m[1] : undefined;
}

/** A line that is only a Chinese name (2–4 characters): the byline of essays and magazine pieces. */
export function loneNameLine(text: string): string | undefined {
  if (text.length > 20) return undefined;
  // "◎ 张三", "□李四": the mark papers print before a byline is no part of the name.
  const t = collapseSpace(text).replace(/^[■□●○◆◇◎※]\s*/, '');
  return LONE_NAME.test(t) && !/^(?:正文|首页|国内|国际|社会|财经|评论|专题|图片|视频|返回|更多|相关|推荐|时政|体育|娱乐|科技|军事|文化|教育|健康|原创|转载|作者|编辑)$/.test(t) ? t : undefined;
}

/** A line that is only a date (optionally labelled, optionally with a clock): "Sep 01, 2023", "Published 2024-03-05 14:20". */
const DATE_ONLY_LINE = /^(?:(?:published|posted|updated|last updated)(?:\s+on)?\s*:?\s*)?(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]{0,6}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+(?:19|20)\d{2}|\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]{0,6}\.?,?\s+(?:19|20)\d{2}|(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.](?:19|20)\d{2})(?:,?\s+(?:at\s+)?\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?)?$/i;
/**
 * The same date line as a post's info line writes it, with a "Created on" label or the reading time after it
 * ("Created on Jul 11, 2025", "23.07.2025 · 6 min read"). A topic or tag line often stands beside these (Medium,
 * Ghost), so the name beside one must also be no run of the page's common words (nameBesideDateLine).
 */
const DATE_INFO_LINE = /^(?:(?:published|posted|updated|last updated|created)(?:\s+on)?\s*:?\s*)?(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]{0,6}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+(?:19|20)\d{2}|\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]{0,6}\.?,?\s+(?:19|20)\d{2}|(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.](?:19|20)\d{2})(?:,?\s+(?:at\s+)?\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?)?(?:\s*[·•|]\s*\d{1,3}\s*min(?:ute)?s?\.?(?:\s+read)?)?$/i;
/** Page-tool and section words that take a name's shape in a template ("Text Size", "Share Article", "Latest News"). */
const TOOL_WORD = /\b(?:text|size|font|share|print|email|comments?|reply|menu|search|log\s?in|sign|subscribe|follow|read|more|next|previous|home|news|blog|categor(?:y|ies)|tags?|archives?|latest|related|minutes?|article|story|posts?|video|photos?|audio|listen|releases?)\b/i;
/** A line of separators only ("/", "•", "|"): a template's spacer between the info line's parts. */
const SPACER_LINE = /^[\s/|•·\-–—]*$/;

/**
 * A line that is a Latin full name alone, next to a line that is a date alone, around the headline ("Sep 01, 2023" /
 * "Katie Liguori" above it, "December 14, 2025" / "/" / "Matt Check" under it): the info line's parts laid out as
 * separate elements, a byline without a "by" or a marked element. Spacer lines between the two are skipped.
 */
export function nameBesideDateLine(lines: readonly { text: string }[], isName: (s: string) => boolean, isCommonWord?: (word: string) => boolean): string | undefined {
  const texts = lines.map((l) => collapseSpace(l.text)).filter((t) => !SPACER_LINE.test(t));
  for (let i = 0; i < texts.length; i++) {
    const t = texts[i];
    // Two or three words, each capitalised: a person's name, not a heading that happens to pass the name check.
    if (t.length > 40 || !/^\p{Lu}\S*(?:\s\p{Lu}\S*){1,2}$/u.test(t) || /\d/.test(t) || TOOL_WORD.test(t) || !isName(t)) continue;
    const beside = [texts[i - 1], texts[i + 1]].filter((n): n is string => n !== undefined && n.length <= 48);
    if (beside.some((n) => DATE_ONLY_LINE.test(n))) return t;
    // A topic ("Public Transport", "Climate Change") is made of words the page also writes in lower case; a name is not.
    if (isCommonWord && beside.some((n) => DATE_INFO_LINE.test(n)) && !t.split(' ').some((w) => isCommonWord(w.toLowerCase()))) return t;
  }
  return undefined;
}
