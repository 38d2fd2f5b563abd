/**
 * Author, editor and source (来源) from page text lines: Chinese labelled forms (作者：, 记者 王玉龙, 文/, 执笔：,
 * 责任编辑：, 来源：), unlabelled info lines ("2022-02-13 09:57 光明网", "[ 黄宇 ]"); English
 * bylines ("By Jane Doe and John Roe") are read by byline-latin.ts, tried after the Chinese forms. Editors are never taken as authors. Lines are short and the regexes anchored on
 * labels, so this stays linear. Source lines are read by source-text.ts, and the closing, info-line, photo and editor
 * credits by byline-credits.ts (both re-exported here).
 */
import { cleanPersonName } from './byline-clean.js';
import { hasCommonSurname, hasSurnameShape, OUTLET_END } from './byline-surnames.js';
import { EN_BYLINE, EN_LABELLED, namesAsWritten, withBracketedCoWriters } from './byline-latin.js';
import { ANY_REPORTER, normalisedLabelText, CN, CN_NAME, CN_NAMES, DATELINE_KIND, DATELINE_PLACE, isDeskWord, OUTLET_PREFIX, REPORTER, REPORTER_WORD } from './people-patterns.js';
import { ANY_TOKEN, BULLET, LABELLED, labelledValue, LIST_SEPARATOR, NAME_LIST, WRITER_LABEL } from './byline-labelled.js';
import { REVIEWER_VERB } from './people-names.js';
import { collapseSpace } from './text.js';

export { cleanPersonName } from './byline-clean.js';
export { hasCommonSurname, hasSurnameShape, looksLikeChineseName, OUTLET_END } from './byline-surnames.js';
export { authorFromInfoLine, editorFromText, photographerFromText, trailingNames, trailingOutlet } from './byline-credits.js';
export { nameBesideDate, otherLanguageByline } from './byline-latin.js';
export { normalisedLabelText } from './people-patterns.js';
export { sourceFromDateline, sourceFromInfoLine, sourceFromOutletLine, sourceFromReporterLine, sourceFromText, sourceUnderLabel } from './source-text.js';

/**
 * （中央社記者盧太城台東縣12日電）, （中央社記者陳葦庭、王承中台北3日電）, （中央社記者鄭崇生華盛頓23日專電）,
 * （中央社駐布魯塞爾特派員唐佩君23日專電）: names (the last glued to the place) before the day; the last name is split
 * from its place by nameBeforePlace. The first group holds the names listed before it with their 、.
 */
const NAME_AND_PLACE = new RegExp(String.raw`${ANY_REPORTER}((?:${CN_NAME}[、，,])*)([${CN}]{2,9}?)(?:(?:19|20)\d{2}年)?(?:\d{1,2}月)?\d{1,2}日(?:专|專)?(?:电|電)`);
/** "大紀元記者張三台北報導": one name glued to the place reported from. */
const REPORTED_FROM = new RegExp(String.raw`${REPORTER}\s*(${CN_NAME})\s?(?:报道|報導|发自|發自)`);
/** "華視新聞 張三 台北報導", "民視新聞／張三、李四 台北報導": an outlet, the names, the place reported from; nothing after. */
const OUTLET_NAMES_PLACE = new RegExp(String.raw`^(?:${OUTLET_PREFIX}\s*[／/]?\s*)?(${CN_NAMES})\s+[${CN}]{2,6}?(?:报道|報導)\s*[)）\]】〕]?$`);

/** "张三 发自北京", "张三 李四 发自 上海": names opening the line (each checked for a name's shape), then the place. */
// A space before 发自: "高兴发自内心" is a sentence, not 高兴 filing from 内心; and no heart or feeling for a place.
const FILED_FROM = new RegExp(String.raw`^(${CN_NAMES})\s+(?:发自|發自)\s*(?!内心|內心|心底|肺腑|心里|心裡|心中)[${CN}]{2,6}(?=$|[\s)）\]】])`);

/** 【王家俊／台北報導】 · 劉屏／華盛頓4日電 · 中國時報張立勳／特稿 · （劉利貞／綜合外電報導） */
const SLASH_DATELINE = new RegExp(String.raw`(?:^|[\s　(（\[【〔|｜])${OUTLET_PREFIX}?(${CN_NAMES})\s*[／╱/]\s*${DATELINE_KIND}`);

/**
 * 图/文 张三 · 图／文：李四: the picture and the text by one hand, the slash between the two roles. The value must be
 * names (checked where matched): 图/文：资料, 图/文：受访者提供, 图/文 来源网络 credit no writer.
 */
const PICTURE_AND_TEXT = new RegExp(String.raw`(?:^|[\s(（\[【|｜${BULLET}])(?:图|圖)\s*[/／]\s*文\s*(?:[:：|｜]\s*|\s+)(${CN_NAMES})`);

/**
 * 【中廣新聞╱彭清仁】 · 〔江城日報／張三〕: an outlet, a slash and one name, the bracket closing right after; the name
 * must look like one (a common surname; no place, as in 【中央社╱台北】, nor a desk or kind, 【聯合報╱社論】).
 */
const OUTLET_NAME_BRACKET = new RegExp(String.raw`[【〔\[(（]\s*${OUTLET_PREFIX}\s*[／╱/]\s*(${CN_NAME})\s*[】〕\])）]`);

/** 特约评论员 张三: the outlet or rank glued before the role, then a space or a colon and the name. */
const COMMENTATOR = new RegExp(String.raw`(?:^|[\s　(（\[【〔】〕|｜□■◎])[${CN}]{0,8}?(?:评论员|評論員)(?:\s*[:：/／|｜]\s*|\s+)(${CN_NAMES})`);

/** Labelled author forms; the first group is the name. */
/** （作者王文是…） · （本文作者张三为…）: the closing note on who the writer is (a name's shape checked after). */
const WRITER_NOTE = new RegExp(String.raw`[(（]\s*(?:本文)?作者\s*(?!作者)(${CN_NAME})\s*(?:是|为|為)`);
/** Words after 作者 in such a note that name no one: （作者单位为…） · （作者简介是…） · （作者分别为…）. */
const NOTE_NOT_NAME = /^(?:单位|單位|简介|簡介|本人|分别|分別|所在|自己|现任|現任|曾经|曾經|均|系|現|现)/;

const AUTHOR_PATTERNS: RegExp[] = [
  NAME_LIST,
  LABELLED,
  // 王小明／文: the role after the name (Taiwanese and Hong Kong papers)
  new RegExp(String.raw`(?:^|[\s(（\[【|｜])(${CN_NAMES})\s*[/／]\s*文(?=$|[\s)）\]】|｜,，;；])`),
  // 作者 张三 (label and name in two elements, no colon)
  new RegExp(String.raw`(?:^|[\s(（\[【|｜])(?:作\s?者|${WRITER_LABEL})\s+(${CN_NAMES})(?=$|[\s)）\]】|｜,，;；])`),
  NAME_AND_PLACE,
  // 文/李四 · 文｜王五 · 文/图 赵六 · 文/图：张三 · 圖、文／張三 · 文、图/李四 · 图文/王五 · 文图/张三 · 文/摄影 张三 ·
  // 文、摄影：张三 · 文并摄/张三 (the writer who took the pictures too)
  new RegExp(String.raw`(?:^|[\s(（\[【|｜${BULLET}])(?:(?:图|圖)\s*[、,，]?\s*)?文(?:\s*[、,，]?\s*(?:图|圖|摄影|攝影)|[并並]摄|[并並]攝)?\s*[/／|｜:：]\s*(?:(?:图|圖|摄影|攝影)\s*[/／:：]?\s*)?(${CN_NAMES})`),
  PICTURE_AND_TEXT,
  // （记者 王玉龙） · 本报记者 刘国栋 周炜 · 记者王玉龙报道
  new RegExp(String.raw`[(（]\s*${ANY_REPORTER}\s*[:：]?\s*(${CN_NAMES})\s*[)）]`),
  // 记者（张三） · 本报记者(张三 李四): the names bracketed after the label, as a byline of its own: prose that
  // mentions a reporter ("接受记者（小张）采访", "他告诉记者（小张），…") names no writer of this article, and a photo's
  // "记者（左二）" says where someone stands
  new RegExp(String.raw`(?:^|[\s　(（\[【〔|｜□■◎◆◇●○★☆▲△※])${REPORTER}\s*[(（]\s*(?![左右中前后上下]排?[一二三四五六七八九十\d]?\s*[)）])(${CN_NAMES})\s*[)）](?=$|[\s　)）\]】〕;；.。|｜/／]|报道|報導|摄|攝|发自|發自|综合|綜合)`),
  new RegExp(String.raw`(?:^|[\s　(（\[【〔】〕|｜□■◎◆◇●○★☆▲△※╱／/:：])${ANY_REPORTER}(?:\s*[:：/／|｜]\s*|\s+)(${CN_NAMES})`),
  // 特约评论员 张三 · 本报评论员：李四 (a commentator's byline; "本报评论员文章" names nobody: a separator is required)
  COMMENTATOR,
  // (a photo credit, "记者方賓照攝", is not a byline: photographerFromText is the last resort for those)
  REPORTED_FROM,
  // 新华社记者邹多为、唐诗凝、丁乐 · 〔記者施曉光、吳亮儀／台北報導〕: a list glued to the label, told by its 、
  new RegExp(String.raw`${ANY_REPORTER}\s*(${CN_NAME}(?:[、，,]${CN_NAME}){1,7})(?=$|[\s)）\]】〕／╱/])`),
  // 記者王憶紅／台北報導 · 〔記者李欣芳／台北報導〕
  new RegExp(String.raw`${ANY_REPORTER}\s*(${CN_NAME})\s*[／╱/]\s*${DATELINE_KIND}`),
  // 【王家俊／台北報導】 · 劉屏／華盛頓4日電 · 中國時報張立勳／特稿 · （劉利貞／綜合外電報導）
  SLASH_DATELINE,
  OUTLET_NAME_BRACKET,
  OUTLET_NAMES_PLACE,
  // 张三 发自北京 · 张三 李四 发自上海: the names opening the line, then where they filed from
  FILED_FROM,
  // （姚峰 上海报道）
  new RegExp(String.raw`[(（]\s*(${CN_NAMES})\s+[${CN}]{2,6}?报道\s*[)）]`),
  // By 张晓明: an English label before a Chinese name (a bilingual template on a Chinese page)
  // (at the line's start or after a bar only: "Powered by 某某网络" closing a page is no byline)
  new RegExp(String.raw`(?:^|[|｜]\s*)(?:By|BY|by)\s*[:：]?\s*(${CN_NAMES})`),
  // Author: 张三 (an English label with a colon, the same bilingual template)
  new RegExp(String.raw`(?:^|[\s|｜])(?:Authors?|AUTHORS?|Writer|Reporter)\s*[:：]\s*(${CN_NAMES})`),
  // 文 张三 图 李四: 文 and a space before the writer when a picture credit follows (alone, "文 张三" may be prose)
  new RegExp(String.raw`(?:^|[\s${BULLET}])文\s+(${CN_NAMES})(?=\s*(?:图片|圖片|图|圖|摄影|攝影)\s*[:：/／|｜]?\s*[${CN}])`),
  // （作者张晓明系江城大学教授） · （张晓明，作者系…）: the closing note on who the writer is names the writer
  new RegExp(String.raw`[(（]\s*(?:作者|本文作者)?\s*(?!作者)(${CN_NAME})\s*(?:[，,]\s*(?:作者|本文作者))?\s*系`),
  // （作者王文是中国人民大学…） · （本文作者张三为…）: with 作者 before the name, 是 and 为 say it as 系 does
  WRITER_NOTE,
  // 来源：江城日报作者：张三 (two labelled values run together: the colon makes the glued 作者 a label)
  new RegExp(String.raw`(?:来源|來源)[:：]\s*[^\s:：]{2,20}?(?:作者|作\s者)[:：]\s*(${CN_NAMES})`),
  // ggjjzhzz 发表于 2005-9-15 · Posted by jane
  /^([^\s:：]{2,24})\s+(?:发表于|发布于|發表於|發佈於|posted\s+(?:on|at))\s*\d/i,
  // Jeremy Tsheng 于 2023-03-12 13:08:03 发布 · 由 ddos8919 发布于 2024-02-24
  new RegExp(String.raw`^(?:由\s*)?([A-Za-z0-9_][^\s:：]{1,23}(?:\s[A-Za-z][^\s:：\d]{1,23})?|[${CN}]{2,4})\s*(?:于|於)\s*(?:19|20)\d{2}[-/.年]\d{1,2}[-/.月]\d{1,2}[^\n]{0,12}?(?:发布|發布|發佈|发表|發表)`),
  /^由\s*([^\s:：]{2,24}?)\s*(?:发布于|发表于|發佈於|發表於)\s*\d/,
  ANY_TOKEN,
];

/**
 * "盧太城台東縣" → "盧太城", "王明台北" → "王明", "歐陽夢萍台北" → "歐陽夢萍", "唐佩君" → "唐佩君": the name is the part
 * before a known place (three characters tried first, as most names have); without one, three glued characters or
 * fewer are the name alone, four are two and two, more are three and the rest.
 */
function nameBeforePlace(s: string): string {
  for (const k of [3, 2, 4]) if (s.length > k && DATELINE_PLACE.test(s.slice(k))) return s.slice(0, k);
  if (s.length <= 3) return s;
  return s.length === 4 ? s.slice(0, 2) : s.slice(0, 3);
}

/** Names captured before "…报道" end with the place reported from: "彭冲 山东冠县报道" → "彭冲". */
function dropPlace(names: string, following: string): string {
  const parts = names.split(' ');
  return parts.length > 1 && /^报道/.test(following) ? parts.slice(0, -1).join(' ') : names;
}

/**
 * "本报记者 张三 近日，…": a byline opening its paragraph runs on into the sentence; the last word before the
 * sentence's comma is the sentence's first word ("近日", "昨天"), not a second writer, unless it has a name's shape.
 */
function withoutSentenceOpener(names: string, following: string): string {
  const parts = names.split(' ');
  if (parts.length < 2 || !/^[，,。；;！!？?]/.test(following)) return names;
  return hasSurnameShape(parts[parts.length - 1]) ? names : parts.slice(0, -1).join(' ');
}

/** Two-character names padded to the width of three: "赵 培" → "赵培"; a label's name spaced out: "作者：王 小 明". */
const SPACED_NAME = /(?<=^|[:：\s(（])([\u4e00-\u9fff])[ 　]([\u4e00-\u9fff])(?=$|[\s:：,，;；)）])/g;
const SPACED_NAME_3 = /(?<=[:：｜|/／]\s?)([\u4e00-\u9fff])[ 　]([\u4e00-\u9fff])[ 　]([\u4e00-\u9fff])(?=$|[\s,，;；)）])/g;
/** What both spaced-name patterns hold: one scan spares most lines the two lookbehind-led replaces. */
const SPACED_HAN = /[\u4e00-\u9fff][ 　][\u4e00-\u9fff]/;
/**
 * Correspondents (通讯员) credited before the reporter ("通讯员 李四 记者 王小明"): not the author when a reporter is
 * named too, so they are set aside before the patterns run.
 */
const CORRESPONDENT = new RegExp(String.raw`(?:本报|本報|本台|本网|本網)?(?:特约|特約)?(?:通讯员|通訊員)\s*[:：]?\s*${CN_NAMES}`, 'g');

export function authorFromText(text: string): string | undefined {
  // A long opening or closing paragraph carries its byline at its start ("新华社北京5月20日电（记者王雨萧）…") or end.
  if (text.length > 400) return authorFromShort(text.slice(0, 160)) ?? authorFromShort(text.slice(-100));
  return authorFromShort(text);
}

/**
 * "Reviewed by Jane Doe, MD" / "Medically reviewed by …" / "Fact checked by …": the person who checked the article,
 * read as a byline's name. Not its writer: used only as the last resort, on a page that credits nobody else.
 */
export function reviewerFromText(text: string): string | undefined {
  const m = REVIEWER_CREDIT.exec(text.trim());
  // ("Medically reviewed by John Smith, MD | By Jane Doe": the line credits a writer too, in a form not read here.)
  if (!m || /[|•·—–]\s*(?:\S+\s+){0,2}by\b/i.test(m[1])) return undefined;
  return authorFromText(`By ${m[1]}`);
}

const REVIEWER_CREDIT = new RegExp(String.raw`^${REVIEWER_VERB}\s+by\b\s*:?\s*(\S.*)$`, 'i');

/** Does the text open with a reviewer's or fact-checker's label ("Reviewed by", "Medically reviewed by")? */
export function isReviewerCredit(text: string): boolean {
  return REVIEWER_CREDIT.test(text.trim());
}

/**
 * The writers of a list split by slashes, bars or semicolons (NAME_LIST), joined by spaces; undefined when the list
 * holds none of them (CN_NAMES reads 、 lists, so the other labelled patterns decide). A first name followed only by a
 * field that is no name ("作者：张三/江城日报") is the writer alone.
 */
function listedNames(list: string): string | undefined {
  if (!/[/／|｜；;]/.test(list)) return undefined;
  const parts = list.split(LIST_SEPARATOR);
  const kept = [parts[0]];
  for (const part of parts.slice(1)) {
    // After the first, as in namesListedAfter: a place ("；石家庄"), a photographer ("；刘洋摄") or a word of thanks
    // ("；谢谢", a doubled character) is no second writer.
    if (!hasSurnameShape(part) || OUTLET_END.test(part) || DATELINE_PLACE.test(part) || isDeskWord(part) || /[摄攝]$/.test(part) || /^(.)\1$/.test(part)) break;
    kept.push(part);
  }
  return cleanPersonName(kept.join(' '));
}

/** One more writer after a slash: a name-shaped run ending at a separator (not "/北京报道", "/新华社", "/摄"). */
const SLASH_LISTED_NAME = new RegExp(String.raw`^\s*[/／]\s*(${CN_NAME})(?=$|[\s/／)）\]】|｜,，;；])`);

/**
 * "文/张三/李四", "记者 张三/李四": writers a labelled pattern's name is followed by, each after a slash, as spaced
 * names to append (empty when none). A part counts only with a name's shape, so a place, an outlet or a role
 * after the slash ends the list, as in listedNames.
 */
function namesListedAfter(rest: string): string {
  let more = '';
  let at = rest;
  for (let i = 0; i < 7; i++) {
    const m = SLASH_LISTED_NAME.exec(at);
    // After the slash a dateline place is as likely as a name ("记者 张三/武汉"): a common surname and no place name.
    if (!m || !hasCommonSurname(m[1]) || OUTLET_END.test(m[1]) || DATELINE_PLACE.test(m[1])) break;
    const after = at.slice(m[0].length);
    // "张三/李四 摄", "张三/李四/摄", "李四摄": the names a photo credit lists are photographers.
    if (/^\s*[/／]?\s*(?:摄|攝)/.test(after) || /[摄攝]$/.test(m[1])) return '';
    more += ` ${m[1]}`;
    at = after;
  }
  return more;
}

/**
 * Patterns that open with an unanchored reporter label or need a slash scan every position of the line: they are
 * run only on lines that hold a reporter word or a slash (a cheap test first keeps the byline pass fast).
 */
// (Found by the reporter-word group that REPORTER and ANY_REPORTER interpolate, not by a fragment of its text.)
const NEEDS_REPORTER = new Set(AUTHOR_PATTERNS.filter((re) => re.source.includes(REPORTER_WORD)));
const NEEDS_SLASH = new Set([SLASH_DATELINE, OUTLET_NAME_BRACKET]);
const COMMENTATOR_IN_LINE = /评论员|評論員/;
const REPORTER_IN_LINE = /记者|記者|实习生|實習生|通讯员|通訊員|特派/;
const SLASH_IN_LINE = /[／╱/]/;

function authorFromShort(text: string): string | undefined {
  let t = normalisedLabelText(collapseSpace(text));
  if (SPACED_HAN.test(t)) t = t.replace(SPACED_NAME_3, '$1$2$3').replace(SPACED_NAME, '$1$2');
  if (/(?:通讯员|通訊員)/.test(t) && /(?:记者|記者)/.test(t.replace(/^[^记記]*(?:通讯员|通訊員)/, ''))) t = t.replace(CORRESPONDENT, ' ');
  if (t.length > 400) return undefined;
  const reporter = REPORTER_IN_LINE.test(t);
  const slash = SLASH_IN_LINE.test(t);
  let turnedDown = false;
  for (const re of AUTHOR_PATTERNS) {
    if ((!reporter && NEEDS_REPORTER.has(re)) || (!slash && NEEDS_SLASH.has(re)) || (re === COMMENTATOR && !COMMENTATOR_IN_LINE.test(t))) continue;
    if (re === ANY_TOKEN && turnedDown) continue;
    const m = re.exec(t);
    if (!m) continue;
    if (re === LABELLED || re === NAME_LIST) {
      const value = labelledValue(m, t);
      if (value === undefined) {
        turnedDown = true;
        continue;
      }
      m[1] = value;
    }
    if (re === NAME_LIST) {
      const names = listedNames(m[1]);
      if (names) return names;
      continue;
    }
    // A photo credit ("（記者方賓照攝）", "记者 王某 摄") names the photographer, not the writer.
    // ("张三 摄影 李四" is two credits: the label 摄影 then the photographer, so 张三 stays the writer.)
    if (/(?:摄|攝)影?$/.test(m[1]) || /^\s*[/／]?\s*(?:摄|攝)影?\s*(?:$|[)）\]】〕,，;；。])/.test(t.slice(m.index + m[0].length))) continue;
    // (Two characters after the slash are as often a dateline place or a desk as a name: 【中央社╱華府】, 【中廣新聞╱焦點】.)
    if (re === OUTLET_NAME_BRACKET && (m[1].length < 3 || !hasCommonSurname(m[1]) || DATELINE_PLACE.test(m[1]) || isDeskWord(m[1]) || OUTLET_END.test(m[1]))) continue;
    // The writer's note names a writer only with a surname's shape ("（作者单位为…）", "（作者分别为…）" name no one).
    if (re === WRITER_NOTE && (!hasSurnameShape(m[1]) || NOTE_NOT_NAME.test(m[1]))) continue;
    // Unlabelled names before the place must look like names ("公視新聞 台中 嘉義 報導" lists places), as must a 图/文 credit's.
    if ((re === OUTLET_NAMES_PLACE || re === FILED_FROM || re === PICTURE_AND_TEXT) && !m[1].split(/[\s、，,]+/).filter(Boolean).every(hasSurnameShape)) continue;
    const rest = t.slice(m.index + m[0].length);
    const raw = re === NAME_AND_PLACE ? m[1] + nameBeforePlace(m[2]) : re === REPORTED_FROM && m[1].length === 4 && DATELINE_PLACE.test(m[1].slice(2)) ? m[1].slice(0, 2) : m[1];
    const more = m[0].endsWith(m[1]) ? namesListedAfter(rest) : '';
    const name = cleanPersonName(dropPlace(withoutSentenceOpener(collapseSpace(raw), rest) + more, rest.trimStart()));
    if (name) return name;
  }
  // 【聯合報╱本報記者古硯偉】 · 新华社记者王某: one name glued to the label and closing the line or bracket, with a
  // common surname (so "记者了解到" is not a byline).
  const glued = reporter ? GLUED_REPORTER_END.exec(t) : null;
  // ("（記者李四攝）" is a photo credit: the 攝 glued to the name says so.)
  if (glued && hasCommonSurname(glued[1]) && !/(?:摄|攝)$/.test(glued[1])) {
    const name = cleanPersonName(glued[1]);
    if (name) return name;
  }
  const en = EN_BYLINE.exec(t);
  if (en && t.length < 150) return withCoWriters(namesAsWritten(en[1], true), t);
  const labelled = t.length < 200 ? EN_LABELLED.exec(t) : null;
  if (labelled) return withCoWriters(namesAsWritten(labelled[1], false), t);
  return undefined;
}

/** One writer's name and the co-writers a bracket after it lists ("Jane Doe (with John Roe)"). */
function withCoWriters(name: string | undefined, t: string): string | undefined {
  return name && !/[,&]|\band\b/.test(name) ? withBracketedCoWriters(name, t) : name;
}

const GLUED_REPORTER_END = new RegExp(String.raw`(?:^|[\s【〔\[(（╱／/|｜:：])${ANY_REPORTER}(${CN_NAME})(?=\s*(?:$|[】〕)）\]])|\s)`);

export const LONE_NAME = new RegExp(String.raw`^[${CN}]{2,4}$`);
